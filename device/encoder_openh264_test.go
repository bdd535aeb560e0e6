//go:build cgo

package device

import (
	"bytes"
	"image"
	"testing"
	"time"
)

func TestSoftwareEncoder(t *testing.T) {
	e, err := NewSoftwareEncoder(EncoderConfig{Width: 320, Height: 240, FPS: 15, Bitrate: 300_000, KeyframeEvery: 8})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var keys []int
	for i := 0; i < 12; i++ {
		if i == 3 {
			e.RequestKeyframe()
		}
		aus, err := e.Encode(testFrame(320, 240, i))
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if len(aus) != 1 {
			t.Fatalf("frame %d: %d access units, want 1", i, len(aus))
		}
		if HasIDR(aus[0]) {
			keys = append(keys, i)
			if ts := nalTypes(aus[0]); !bytes.Contains(ts, []byte{7}) || !bytes.Contains(ts, []byte{8}) {
				t.Errorf("keyframe %d without SPS/PPS: %v", i, ts)
			}
		}
	}
	if want := []int{0, 3, 8}; !equalInts(keys, want) {
		t.Errorf("keyframes at %v, want %v (start, request, period 8)", keys, want)
	}
	if _, err := e.Encode(newI420(640, 480)); err == nil {
		t.Error("a frame of the wrong size was accepted")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCaptureSessionWithOpenH264 runs a raw YUYV camera (fake) through the
// real software encoder.
func TestCaptureSessionWithOpenH264(t *testing.T) {
	w, h := 640, 480
	frame := make([]byte, w*h*2)
	for i := range frame {
		frame[i] = byte(i)
	}
	g := &fakeGrabber{f: grabFormat{Format: FourCCYUYV, Size: FrameSize{w, h}, Stride: 2 * w, FPS: 15}, frame: frame, n: 5}
	open := captureOpener(VideoPlan{Kind: PlanSoftware, Format: FourCCYUYV, FPS: 15}, VideoConfig{},
		func(string, FourCC, FrameSize, int) (frameGrabber, error) { return g, nil },
		func(c EncoderConfig) (Encoder, error) { return NewSoftwareEncoder(c) })
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for i := 0; i < 5; i++ {
		aus, err := s.next(time.Second)
		if err != nil || len(aus) != 1 {
			t.Fatalf("frame %d: %d access units, %v", i, len(aus), err)
		}
		if (i == 0) != HasIDR(aus[0]) {
			t.Errorf("frame %d: IDR %v", i, HasIDR(aus[0]))
		}
	}
}

// BenchmarkSoftwareEncoder is openh264's cost per frame of a moving
// gradient (the software path of a Pi 5 or an x86 box).
func BenchmarkSoftwareEncoder(b *testing.B) {
	for _, s := range []FrameSize{{640, 480}, {1280, 720}} {
		b.Run(s.String(), func(b *testing.B) {
			e, err := NewSoftwareEncoder(EncoderConfig{Width: s.Width, Height: s.Height, FPS: 15, Bitrate: 1_000_000, KeyframeEvery: 30})
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			frames := make([]*image.YCbCr, 8)
			for i := range frames {
				frames[i] = testFrame(s.Width, s.Height, i)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := e.Encode(frames[i%len(frames)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
