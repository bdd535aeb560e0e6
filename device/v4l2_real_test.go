//go:build linux

package device

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"testing"
	"time"
)

// Real-kernel tests. They skip unless the lab (test/lab) points them at a
// device:
//
//	INTERCOMD_V4L2_CAPTURE=/dev/videoN   a capture device (vivid)
//	INTERCOMD_V4L2_ENCODER=/dev/videoM   a stateful M2M encoder (vicodec
//	                                     multiplanar=1, or bcm2835-codec-encode)
//
// On a Pi they run the same way against a UVC camera and /dev/video11.

func realDevice(t *testing.T, env string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		t.Skipf("%s is unset: this runs against a real V4L2 device (the kernel lab sets it)", env)
	}
	return p
}

// TestRealCapture probes the capture device, chooses a raw format the way
// OpenVideo would, streams frames and checks their format and size.
func TestRealCapture(t *testing.T) {
	path := realDevice(t, "INTERCOMD_V4L2_CAPTURE")
	inv, err := Probe()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("probe:\n%s", inv)
	node, ok := inv.Node(path)
	if !ok || node.Kind != NodeCamera {
		t.Fatalf("%s is %v (%+v), want a camera", path, node.Kind, node)
	}
	inv.SoftwareH264 = true // plan as if openh264 were there: this test only captures
	plan, err := inv.Choose(VideoConfig{Device: path, Width: 640, Height: 480, FPS: 30, Encoder: EncoderSoftware})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("plan: %s", plan)
	// The plan's format, then every other raw format the camera offers.
	for _, f := range rawPreference {
		if f != plan.Format && !node.Has(f) {
			continue
		}
		p := plan
		p.Format = f
		t.Run(f.String(), func(t *testing.T) { captureFrames(t, path, p) })
	}
}

// captureFrames streams 10 frames of plan's format and converts them.
func captureFrames(t *testing.T, path string, plan VideoPlan) {
	g, err := openV4L2Capture(path, plan.Format, plan.Size, plan.FPS)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := g.close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	f := g.format()
	t.Logf("negotiated %s %s stride %d at %d fps", f.Format, f.Size, f.Stride, f.FPS)
	if f.Format != plan.Format || f.Size != plan.Size {
		t.Errorf("negotiated %s %s, asked %s %s", f.Format, f.Size, plan.Format, plan.Size)
	}
	frame := newI420(f.Size.Width, f.Size.Height)
	start := time.Now()
	var prev []byte
	differ := 0
	for i := 0; i < 10; i++ {
		data, err := g.next(2 * time.Second)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if data == nil {
			t.Fatalf("frame %d: none within 2 s", i)
		}
		if min := f.Stride * f.Size.Height; plan.Format == FourCCYUYV && len(data) < min {
			t.Fatalf("frame %d: %d bytes, want at least %d", i, len(data), min)
		}
		if err := toI420(frame, f.Format, data, f.Stride); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if prev != nil && !bytes.Equal(prev, frame.Y) {
			differ++
		}
		prev = append(prev[:0], frame.Y...)
	}
	el := time.Since(start)
	t.Logf("10 frames in %v; %d differed from the one before", el.Round(time.Millisecond), differ)
	if differ == 0 {
		t.Error("all frames identical: is the device streaming a picture?")
	}
}

// TestRealM2MEncoder encodes 10 frames through the M2M encoder, asks for a
// keyframe on the way, and drains it.
func TestRealM2MEncoder(t *testing.T) {
	path := realDevice(t, "INTERCOMD_V4L2_ENCODER")
	inv, err := Probe()
	if err != nil {
		t.Fatal(err)
	}
	node, ok := inv.Node(path)
	if !ok || (node.Kind != NodeEncoder && node.Kind != NodeH264Encoder) {
		t.Fatalf("%s is %v (%+v), want an M2M encoder", path, node.Kind, node)
	}
	coded := node.Coded[0]
	if node.Kind == NodeH264Encoder {
		coded = FourCCH264
	}
	const w, h, frames = 640, 360, 10
	e, err := NewM2MEncoder(path, coded, EncoderConfig{Width: w, Height: h, FPS: 15, Bitrate: 500_000, KeyframeEvery: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	t.Logf("%s: %s, coded size %dx%d stride %d, FORCE_KEY_FRAME %v", node.Name(), coded, w, e.codedH, e.stride, e.CanForceKeyframe())
	var sizes []int
	start := time.Now()
	for i := 0; i < frames; i++ {
		if i == 3 {
			e.RequestKeyframe()
		}
		aus, err := e.Encode(testFrame(w, h, i))
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		for _, au := range aus {
			if len(au) == 0 {
				t.Errorf("frame %d: an empty access unit", i)
			}
			sizes = append(sizes, len(au))
			if coded == FourCCH264 && i == 0 && !HasIDR(au) {
				t.Errorf("the first H.264 frame is not an IDR")
			}
		}
	}
	rest, err := e.Drain()
	if err != nil {
		t.Fatalf("drain: %v", err)
	}
	for _, au := range rest {
		sizes = append(sizes, len(au))
	}
	t.Logf("%d frames → %d coded (%d from the drain) in %v: sizes %v", frames, len(sizes), len(rest), time.Since(start).Round(time.Millisecond), sizes)
	if len(sizes) != frames {
		t.Errorf("%d coded frames, want %d", len(sizes), frames)
	}
	if err := e.Close(); err != nil {
		t.Errorf("close after drain: %v", err)
	}
}

// TestRealCaptureToEncoder runs a camera session end to end: capture,
// convert to I420, encode on the M2M encoder.
func TestRealCaptureToEncoder(t *testing.T) {
	cam := realDevice(t, "INTERCOMD_V4L2_CAPTURE")
	enc := realDevice(t, "INTERCOMD_V4L2_ENCODER")
	inv, err := Probe()
	if err != nil {
		t.Fatal(err)
	}
	en, _ := inv.Node(enc)
	if len(en.Coded) == 0 {
		t.Fatalf("%s has no coded formats", enc)
	}
	coded := en.Coded[0]
	node, _ := inv.Node(cam)
	plan := VideoPlan{Kind: PlanHardware, Camera: node, Format: FourCCYUYV, Size: FrameSize{640, 480}, FPS: 30, Encoder: en}
	open := captureOpener(plan, VideoConfig{}, openV4L2Capture, func(c EncoderConfig) (Encoder, error) {
		return NewM2MEncoder(enc, coded, c, nil)
	})
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	got := 0
	for i := 0; i < 50 && got < 10; i++ {
		aus, err := s.next(time.Second)
		if err != nil {
			t.Fatal(err)
		}
		got += len(aus)
	}
	if got < 10 {
		t.Errorf("%d coded frames from the camera, want 10", got)
	}
	s.close()

	// The whole Camera, bound and unbound three times: each time the
	// devices must open again, which they only do when the last close
	// released them (STREAMOFF, munmap, REQBUFS 0, close).
	src, err := newCamera(VideoConfig{FPS: 30}, plan, open)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for round := 1; round <= 3; round++ {
		bind(src, 1)
		waitFor(t, fmt.Sprintf("frames in round %d", round), func() bool { _, v := src.SentCounts(); return v >= uint64(5*round) })
		bind(src, 0)
		time.Sleep(300 * time.Millisecond)
		if err := src.Err(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	_, v := src.SentCounts()
	t.Logf("Camera: %d frames over 3 binds", v)
}

// testFrame is frame n of a moving gradient.
func testFrame(w, h, n int) *image.YCbCr {
	f := newI420(w, h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			f.Y[y*f.YStride+x] = byte(x + y + 8*n)
		}
	}
	for i := range f.Cb {
		f.Cb[i], f.Cr[i] = 128, byte(100+n)
	}
	return f
}
