package scenarios

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestEncoder drives vicodec (loaded with multiplanar=1) through the ioctl
// sequence of a stateful V4L2 M2M encoder, the same one bcm2835-codec takes
// for H.264 on a Pi: find the encoder by QUERYCAP and its formats, set the
// GOP size, S_FMT YUV420 on OUTPUT_MPLANE and FWHT on CAPTURE_MPLANE, stream
// frames through, then ENCODER_CMD stop to drain until the LAST buffer.
func TestEncoder(t *testing.T) {
	labOnly(t)
	const w, h, frames, gop = 640, 360, 10, 5
	d := openVideo(t, `a vicodec multiplanar M2M encoder (FWHT on CAPTURE_MPLANE)`, func(d *videoDev) bool {
		return strings.Contains(cstr(d.cap.Card[:]), "vicodec") &&
			d.cap.caps()&capVideoM2MMplane != 0 &&
			slices.Contains(d.formats(bufTypeVideoCaptureMplane), fourcc("FWHT")) &&
			slices.Contains(d.formats(bufTypeVideoOutputMplane), fourcc("YU12"))
	})

	// A keyframe every gop frames; vicodec has no FORCE_KEY_FRAME control.
	ctrl := v4l2Control{ID: cidMpegVideoGopSize, Value: gop}
	if err := ioctl(d.fd, vidiocSCtrl, unsafe.Pointer(&ctrl)); err != nil {
		t.Fatalf("S_CTRL GOP_SIZE=%d: %v", gop, err)
	}

	var in v4l2Format
	in.Type = bufTypeVideoOutputMplane
	*in.pixMP() = v4l2PixFormatMplane{Width: w, Height: h, PixelFormat: fourcc("YU12"), NumPlanes: 1}
	if err := ioctl(d.fd, vidiocSFmt, unsafe.Pointer(&in)); err != nil {
		t.Fatalf("S_FMT OUTPUT_MPLANE YU12 %dx%d: %v", w, h, err)
	}
	// Like bcm2835-codec (1080 → 1088), vicodec rounds the coded height up;
	// the picture's own size goes in the OUTPUT crop rectangle.
	ip := *in.pixMP()
	if ip.PixelFormat != fourcc("YU12") || ip.Width != w || ip.Height < h || ip.Height > h+15 || ip.NumPlanes != 1 {
		t.Fatalf("OUTPUT_MPLANE format is %s %dx%d in %d planes, want YU12 %dx%d (height rounded up to 16) in 1", fourccString(ip.PixelFormat), ip.Width, ip.Height, ip.NumPlanes, w, h)
	}
	frameSize := int(ip.PlaneFmt[0].SizeImage)
	if frameSize < int(ip.Width*ip.Height*3/2) {
		t.Fatalf("OUTPUT sizeimage %d, want at least %d", frameSize, ip.Width*ip.Height*3/2)
	}
	sel := v4l2Selection{Type: bufTypeVideoOutput, Target: selTgtCrop, Width: w, Height: h}
	if err := ioctl(d.fd, vidiocSSelection, unsafe.Pointer(&sel)); err != nil {
		t.Fatalf("S_SELECTION OUTPUT crop %dx%d: %v", w, h, err)
	}
	if sel.Width != w || sel.Height != h {
		t.Fatalf("S_SELECTION gave a %dx%d crop, want %dx%d", sel.Width, sel.Height, w, h)
	}

	var out v4l2Format
	out.Type = bufTypeVideoCaptureMplane
	*out.pixMP() = v4l2PixFormatMplane{Width: w, Height: h, PixelFormat: fourcc("FWHT"), NumPlanes: 1}
	if err := ioctl(d.fd, vidiocSFmt, unsafe.Pointer(&out)); err != nil {
		t.Fatalf("S_FMT CAPTURE_MPLANE FWHT: %v", err)
	}
	op := *out.pixMP()
	if op.PixelFormat != fourcc("FWHT") {
		t.Fatalf("CAPTURE_MPLANE format is %s, want FWHT", fourccString(op.PixelFormat))
	}
	t.Logf("encoding YU12 %dx%d coded, %dx%d visible (%d bytes) → FWHT (buffers of %d bytes), GOP %d", ip.Width, ip.Height, w, h, frameSize, op.PlaneFmt[0].SizeImage, gop)

	src := newQueue(t, d, bufTypeVideoOutputMplane, true, 4)
	dst := newQueue(t, d, bufTypeVideoCaptureMplane, true, 4)
	for i := range dst.bufs {
		if err := dst.qbuf(i, 0); err != nil {
			t.Fatalf("QBUF CAPTURE %d: %v", i, err)
		}
	}
	d.stream(t, bufTypeVideoOutputMplane, true)
	d.stream(t, bufTypeVideoCaptureMplane, true)
	defer d.stream(t, bufTypeVideoCaptureMplane, false)
	defer d.stream(t, bufTypeVideoOutputMplane, false)

	free := make([]int, len(src.bufs))
	for i := range free {
		free[i] = i
	}
	start := time.Now()
	sent, stopped := 0, false
	var sizes []int
	var keyframes []int
	deadline := time.Now().Add(30 * time.Second)
	for {
		if time.Now().After(deadline) {
			t.Fatalf("encoding did not finish in 30 s: sent %d, got %d", sent, len(sizes))
		}
		// Feed raw frames while there are free OUTPUT buffers.
		for sent < frames && len(free) > 0 {
			i := free[0]
			free = free[1:]
			fillYUV420(src.bufs[i][:frameSize], int(ip.Width), int(ip.Height), sent)
			if err := src.qbuf(i, frameSize); err != nil {
				t.Fatalf("QBUF OUTPUT frame %d: %v", sent, err)
			}
			sent++
		}
		if sent == frames && !stopped {
			cmd := v4l2EncoderCmd{Cmd: encCmdStop}
			if err := ioctl(d.fd, vidiocEncoderCmd, unsafe.Pointer(&cmd)); err != nil {
				t.Fatalf("ENCODER_CMD stop: %v", err)
			}
			stopped = true
		}
		// Take back consumed raw frames.
		for {
			b, _, err := src.dqbuf(0)
			if err != nil {
				break
			}
			free = append(free, int(b.Index))
		}
		b, used, err := dst.dqbuf(10 * time.Millisecond)
		if errors.Is(err, unix.EPIPE) {
			t.Fatal("CAPTURE DQBUF returned EPIPE before a buffer flagged LAST")
		}
		if err != nil {
			continue // nothing encoded yet
		}
		last := b.Flags&bufFlagLast != 0
		if used > 0 {
			n := len(sizes)
			sizes = append(sizes, used)
			// vicodec's encoder leaves the KEYFRAME/PFRAME buffer flags
			// unset (bcm2835-codec sets them): the FWHT header tells.
			if checkFWHT(t, n, dst.bufs[b.Index][:used], w, h) {
				keyframes = append(keyframes, n)
			}
		}
		if last {
			break
		}
		if err := dst.qbuf(int(b.Index), 0); err != nil {
			t.Fatalf("re-QBUF CAPTURE %d: %v", b.Index, err)
		}
	}
	el := time.Since(start)
	t.Logf("%d frames encoded in %s, sizes %v, keyframes at %v", len(sizes), el.Round(time.Millisecond), sizes, keyframes)
	if len(sizes) != frames {
		t.Errorf("got %d encoded frames, want %d", len(sizes), frames)
	}
	if want := []int{0, gop}; !slices.Equal(keyframes, want) {
		t.Errorf("keyframes at %v, want %v (GOP %d)", keyframes, want, gop)
	}
	// Drained: the capture queue now reports EPIPE until it is restarted.
	if _, _, err := dst.dqbuf(0); !errors.Is(err, unix.EPIPE) {
		t.Errorf("DQBUF after LAST = %v, want EPIPE", err)
	}
}

// fillYUV420 draws frame n of a moving gradient, so successive frames differ
// and P-frames have something to encode.
func fillYUV420(b []byte, w, h, n int) {
	for y := range h {
		for x := range w {
			b[y*w+x] = byte(x + y + 8*n)
		}
	}
	for i := w * h; i < w*h*3/2 && i < len(b); i++ {
		b[i] = 128
	}
}

// checkFWHT checks vicodec's compressed-frame header (struct fwht_cframe_hdr
// in drivers/media/test-drivers/vicodec/codec-fwht.h: two magic words, then
// big-endian version, width, height, flags, ..., size) and reports whether
// the frame is an I-frame.
func checkFWHT(t *testing.T, n int, b []byte, w, h int) bool {
	t.Helper()
	const hdrLen = 44
	const flIFrame = 1 << 10 // V4L2_FWHT_FL_I_FRAME
	if len(b) < hdrLen {
		t.Errorf("frame %d: %d bytes, shorter than the FWHT header", n, len(b))
		return false
	}
	le, be := binary.LittleEndian, binary.BigEndian
	if le.Uint32(b[0:]) != 0x4f4f4f4f || le.Uint32(b[4:]) != 0xffffffff {
		t.Errorf("frame %d: no FWHT magic: % x", n, b[:8])
	}
	if gw, gh := be.Uint32(b[12:]), be.Uint32(b[16:]); gw != uint32(w) || gh != uint32(h) {
		t.Errorf("frame %d: header says %dx%d, want %dx%d", n, gw, gh, w, h)
	}
	if size := be.Uint32(b[40:]); int(size)+hdrLen != len(b) {
		t.Errorf("frame %d: header size %d + %d != payload %d", n, size, hdrLen, len(b))
	}
	return be.Uint32(b[20:])&flIFrame != 0
}
