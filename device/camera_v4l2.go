//go:build linux

package device

import (
	"errors"
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// v4l2Capture is a streaming V4L2 capture node (single-planar, MMAP): the
// real frameGrabber behind Camera.
type v4l2Capture struct {
	node    *v4l2Node
	q       *v4l2Queue
	f       grabFormat
	held    int // buffer handed out by next, requeued on the next call; -1 if none
	keyCtrl bool
}

var _ frameGrabber = (*v4l2Capture)(nil)

// openV4L2Capture opens path and starts streaming format f at size s and
// fps frames per second (the driver may adjust size and rate; format()
// tells what it chose).
func openV4L2Capture(path string, f FourCC, s FrameSize, fps int) (frameGrabber, error) {
	n, err := openV4L2(path)
	if err != nil {
		return nil, err
	}
	c := &v4l2Capture{node: n, held: -1}
	if err := c.start(f, s, fps); err != nil {
		if c.q != nil {
			c.q.release()
		}
		n.close()
		return nil, err
	}
	return c, nil
}

func (c *v4l2Capture) start(f FourCC, s FrameSize, fps int) error {
	n := c.node
	caps := n.cap.caps()
	if caps&capVideoCapture == 0 {
		if caps&capVideoCaptureMplane != 0 {
			return fmt.Errorf("device: %s captures only through the multiplanar API, which intercomd does not use for cameras", n.name())
		}
		return fmt.Errorf("device: %s is not a video capture device", n.name())
	}
	if caps&capStreaming == 0 {
		return fmt.Errorf("device: %s cannot stream (no V4L2_CAP_STREAMING)", n.name())
	}
	var vf v4l2Format
	vf.Type = bufTypeVideoCapture
	*vf.pix() = v4l2PixFormat{Width: uint32(s.Width), Height: uint32(s.Height), PixelFormat: uint32(f), Field: fieldNone}
	if err := n.ioctl(vidiocSFmt, unsafe.Pointer(&vf)); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_S_FMT %s %s: %w%s", n.name(), f, s, err, busyHint(err))
	}
	p := vf.pix()
	if FourCC(p.PixelFormat) != f {
		return fmt.Errorf("device: %s: asked for %s, the driver gave %s", n.name(), f, FourCC(p.PixelFormat))
	}
	c.f = grabFormat{Format: f, Size: FrameSize{int(p.Width), int(p.Height)}, Stride: int(p.BytesPerLine), FPS: fps}
	if c.f.Stride == 0 {
		c.f.Stride = c.f.Size.Width
		if f == FourCCYUYV {
			c.f.Stride *= 2
		}
	}
	if c.f.Size.Width%2 != 0 || c.f.Size.Height%2 != 0 {
		return fmt.Errorf("device: %s: the driver chose an odd size %s", n.name(), c.f.Size)
	}
	var sp v4l2Streamparm
	sp.Type = bufTypeVideoCapture
	sp.capture().TimePerFrame = v4l2Fract{Numerator: 1, Denominator: uint32(fps)}
	if n.ioctl(vidiocSParm, unsafe.Pointer(&sp)) == nil {
		if tpf := sp.capture().TimePerFrame; tpf.Numerator > 0 && tpf.Denominator > 0 {
			c.f.FPS = int(tpf.Denominator / tpf.Numerator)
		}
	}
	c.keyCtrl = f == FourCCH264 && n.hasCtrl(cidMpegVideoForceKeyFrame)
	q, err := newQueue(n, bufTypeVideoCapture, 4)
	if err != nil {
		return err
	}
	c.q = q
	for i := range q.bufs {
		if err := q.qbuf(i, 0); err != nil {
			return fmt.Errorf("device: %s: VIDIOC_QBUF %d: %w", n.name(), i, err)
		}
	}
	if err := n.stream(bufTypeVideoCapture, true); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_STREAMON: %w%s", n.name(), err, busyHint(err))
	}
	return nil
}

func busyHint(err error) string {
	if errors.Is(err, unix.EBUSY) {
		return "; another program is using the camera"
	}
	return ""
}

func (c *v4l2Capture) format() grabFormat { return c.f }

// next requeues the buffer it handed out last time, then waits up to
// timeout for a filled one. It returns nil, nil on timeout.
func (c *v4l2Capture) next(timeout time.Duration) ([]byte, error) {
	if c.held >= 0 {
		if err := c.q.qbuf(c.held, 0); err != nil {
			return nil, c.gone("VIDIOC_QBUF", err)
		}
		c.held = -1
	}
	deadline := time.Now().Add(timeout)
	for {
		b, data, err := c.q.dqbuf()
		switch {
		case err == nil:
			if b.Flags&bufFlagError != 0 || len(data) == 0 {
				// A corrupted or empty frame: give the buffer straight back.
				if err := c.q.qbuf(int(b.Index), 0); err != nil {
					return nil, c.gone("VIDIOC_QBUF", err)
				}
				continue
			}
			c.held = int(b.Index)
			return data, nil
		case errors.Is(err, unix.EAGAIN):
		default:
			return nil, c.gone("VIDIOC_DQBUF", err)
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, nil
		}
		if _, err := c.node.wait(unix.POLLIN, left); err != nil {
			return nil, c.gone("poll", err)
		}
	}
}

// gone wraps an I/O error; ENODEV (unplugged) says so.
func (c *v4l2Capture) gone(op string, err error) error {
	if errors.Is(err, unix.ENODEV) {
		return fmt.Errorf("device: %s: camera disconnected (%s: %w); waiting for it to come back", c.node.name(), op, err)
	}
	return fmt.Errorf("device: %s: %s: %w", c.node.name(), op, err)
}

// requestKeyframe asks an H.264 camera for an IDR, when it has the control.
func (c *v4l2Capture) requestKeyframe() bool {
	return c.keyCtrl && c.node.setCtrl(cidMpegVideoForceKeyFrame, 1) == nil
}

// close stops streaming, unmaps the buffers and closes the node. Errors from
// an unplugged device are expected and ignored.
func (c *v4l2Capture) close() error {
	_ = c.node.stream(bufTypeVideoCapture, false)
	if c.q != nil {
		c.q.release()
	}
	return c.node.close()
}
