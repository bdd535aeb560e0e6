package scenarios

import (
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestCamera captures from vivid the way a USB webcam is read: QUERYCAP finds
// the capture node by card name, S_FMT asks for YUYV 640x480, and MMAP
// streaming delivers full frames in sequence.
func TestCamera(t *testing.T) {
	labOnly(t)
	const w, h, frames = 640, 480, 8
	d := openVideo(t, `a capture node with card "vivid"`, func(d *videoDev) bool {
		return strings.Contains(cstr(d.cap.Card[:]), "vivid") &&
			d.cap.caps()&capVideoCapture != 0 && d.cap.caps()&capStreaming != 0
	})

	var f v4l2Format
	f.Type = bufTypeVideoCapture
	*f.pix() = v4l2PixFormat{Width: w, Height: h, PixelFormat: fourcc("YUYV")}
	if err := ioctl(d.fd, vidiocSFmt, unsafe.Pointer(&f)); err != nil {
		t.Fatalf("S_FMT YUYV %dx%d: %v", w, h, err)
	}
	p := *f.pix()
	t.Logf("format %s %dx%d, %d bytes per line, %d bytes per frame", fourccString(p.PixelFormat), p.Width, p.Height, p.BytesPerLine, p.SizeImage)
	if p.PixelFormat != fourcc("YUYV") || p.Width != w || p.Height != h {
		t.Fatalf("S_FMT gave %s %dx%d, want YUYV %dx%d", fourccString(p.PixelFormat), p.Width, p.Height, w, h)
	}
	if p.SizeImage < w*h*2 {
		t.Fatalf("sizeimage %d, want at least %d for YUYV", p.SizeImage, w*h*2)
	}

	// Ask for 30 fps as a capture path would; the driver picks the nearest
	// interval it has for this size (vivid's webcam offers fewer at larger
	// sizes).
	parm := v4l2Streamparm{Type: bufTypeVideoCapture, TimePerFrameNum: 1, TimePerFrameDen: 30}
	if err := ioctl(d.fd, vidiocSParm, unsafe.Pointer(&parm)); err != nil {
		t.Fatalf("S_PARM 1/30 s: %v", err)
	}
	if parm.TimePerFrameNum == 0 || parm.TimePerFrameDen == 0 {
		t.Fatalf("S_PARM gave a frame interval of %d/%d s", parm.TimePerFrameNum, parm.TimePerFrameDen)
	}
	fps := float64(parm.TimePerFrameDen) / float64(parm.TimePerFrameNum)
	t.Logf("frame interval %d/%d s (%.1f fps)", parm.TimePerFrameNum, parm.TimePerFrameDen, fps)

	q := newQueue(t, d, bufTypeVideoCapture, false, 4)
	for i := range q.bufs {
		if err := q.qbuf(i, 0); err != nil {
			t.Fatalf("QBUF %d: %v", i, err)
		}
	}
	d.stream(t, bufTypeVideoCapture, true)
	defer d.stream(t, bufTypeVideoCapture, false)

	start := time.Now()
	lastSeq := -1
	for n := 0; n < frames; n++ {
		b, used, err := q.dqbuf(5 * time.Second)
		if err != nil {
			t.Fatalf("frame %d: %v", n, err)
		}
		if used != int(p.SizeImage) {
			t.Errorf("frame %d: %d bytes, want %d", n, used, p.SizeImage)
		}
		if int(b.Sequence) <= lastSeq {
			t.Errorf("frame %d: sequence %d after %d", n, b.Sequence, lastSeq)
		}
		lastSeq = int(b.Sequence)
		if n == 0 {
			// vivid draws colour bars: a real picture has many distinct values.
			if v := distinct(q.bufs[b.Index][:used]); v < 16 {
				t.Errorf("frame 0 has %d distinct byte values, want a picture (>= 16)", v)
			}
		}
		if err := q.qbuf(int(b.Index), 0); err != nil {
			t.Fatalf("re-QBUF %d: %v", b.Index, err)
		}
	}
	el := time.Since(start)
	t.Logf("%d frames in %s (%.1f fps measured, %.1f set), last sequence %d", frames, el.Round(time.Millisecond), float64(frames)/el.Seconds(), fps, lastSeq)
}

func distinct(b []byte) int {
	var seen [256]bool
	n := 0
	for _, v := range b {
		if !seen[v] {
			seen[v] = true
			n++
		}
	}
	return n
}
