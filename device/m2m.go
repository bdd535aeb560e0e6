//go:build linux

package device

import (
	"errors"
	"fmt"
	"image"
	"log/slog"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// M2MEncoder is a stateful V4L2 memory-to-memory encoder driven through the
// multiplanar API: bcm2835-codec-encode (/dev/video11) on a Pi Zero 2, 3 or
// 4 for H.264, and vicodec (FWHT) in the lab, by the same code. Raw I420
// frames go in on the OUTPUT queue, coded frames come out of the CAPTURE
// queue (the kernel's "stateful encoder" interface,
// Documentation/userspace-api/media/v4l/dev-encoder.rst).
//
// Encode is synchronous: it queues the frame and waits (up to two frame
// intervals) for the coded frame, so a picture leaves in the same call as
// a rule. One goroutine owns the encoder; RequestKeyframe may come from any.
type M2MEncoder struct {
	node     *v4l2Node
	in, out  *v4l2Queue // OUTPUT (raw), CAPTURE (coded)
	coded    FourCC
	w, h     int // visible size
	stride   int // bytes per luma line of the raw buffer
	codedH   int // lines of the raw buffer (the height rounded up)
	rawSize  int
	free     []int
	key      atomic.Bool
	keyCtrl  bool
	wait     time.Duration
	ps       paramSets
	log      *slog.Logger
	draining bool
	drained  bool
	closed   bool
}

var _ Encoder = (*M2MEncoder)(nil)

// NewM2MEncoder opens the encoder at path and sets it up to turn cfg's I420
// frames into coded (H264, or FWHT for vicodec). For H.264 it asks for
// constrained baseline at level 4.0 (3.1 up to 720p), cfg's bit rate, an
// IDR every cfg.KeyframeEvery frames and SPS/PPS before every IDR; a
// control the driver lacks is logged and skipped.
func NewM2MEncoder(path string, coded FourCC, cfg EncoderConfig, log *slog.Logger) (*M2MEncoder, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	n, err := openV4L2(path)
	if err != nil {
		return nil, err
	}
	e := &M2MEncoder{node: n, coded: coded, w: cfg.Width, h: cfg.Height, log: log.With("encoder", n.name())}
	if err := e.setup(cfg); err != nil {
		e.teardown()
		return nil, err
	}
	return e, nil
}

func (e *M2MEncoder) setup(cfg EncoderConfig) error {
	n := e.node
	if n.cap.caps()&capVideoM2MMplane == 0 {
		return fmt.Errorf("device: %s is not a multiplanar M2M device (caps %#x); intercomd drives encoders such as bcm2835-codec-encode through the multiplanar API", n.name(), n.cap.caps())
	}
	e.controls(cfg)

	// Raw side first: the driver rounds the height up to its macroblock
	// size (1080 → 1088), and the picture's own size goes in the crop.
	var in v4l2Format
	in.Type = bufTypeVideoOutputMplane
	*in.pixMP() = v4l2PixFormatMplane{Width: uint32(cfg.Width), Height: uint32(cfg.Height), PixelFormat: uint32(FourCCI420), Field: fieldNone, NumPlanes: 1}
	if err := n.ioctl(vidiocSFmt, unsafe.Pointer(&in)); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_S_FMT OUTPUT_MPLANE YU12 %dx%d: %w", n.name(), cfg.Width, cfg.Height, err)
	}
	ip := in.pixMP()
	if FourCC(ip.PixelFormat) != FourCCI420 || ip.NumPlanes != 1 {
		return fmt.Errorf("device: %s takes %s in %d planes, not YU12 in one plane", n.name(), FourCC(ip.PixelFormat), ip.NumPlanes)
	}
	if int(ip.Width) < cfg.Width || int(ip.Height) < cfg.Height {
		return fmt.Errorf("device: %s cannot encode %dx%d (it offered %dx%d)", n.name(), cfg.Width, cfg.Height, ip.Width, ip.Height)
	}
	e.stride, e.codedH, e.rawSize = int(ip.PlaneFmt[0].BytesPerLine), int(ip.Height), int(ip.PlaneFmt[0].SizeImage)
	if e.stride < cfg.Width {
		e.stride = int(ip.Width)
	}
	if e.rawSize < e.stride*e.codedH*3/2 {
		return fmt.Errorf("device: %s: raw buffers of %d bytes are too small for %dx%d I420", n.name(), e.rawSize, e.stride, e.codedH)
	}
	if int(ip.Width) != cfg.Width || int(ip.Height) != cfg.Height {
		sel := v4l2Selection{Type: bufTypeVideoOutput, Target: selTgtCrop, Width: uint32(cfg.Width), Height: uint32(cfg.Height)}
		if err := n.ioctl(vidiocSSelection, unsafe.Pointer(&sel)); err != nil {
			e.log.Debug("the encoder takes no crop; the picture is encoded at the coded size", "err", err)
		}
	}
	var sp v4l2Streamparm
	sp.Type = bufTypeVideoOutputMplane
	sp.capture().TimePerFrame = v4l2Fract{Numerator: 1, Denominator: uint32(cfg.FPS)} // v4l2_outputparm has the same layout
	_ = n.ioctl(vidiocSParm, unsafe.Pointer(&sp))

	var out v4l2Format
	out.Type = bufTypeVideoCaptureMplane
	*out.pixMP() = v4l2PixFormatMplane{Width: uint32(cfg.Width), Height: uint32(cfg.Height), PixelFormat: uint32(e.coded), Field: fieldNone, NumPlanes: 1}
	if err := n.ioctl(vidiocSFmt, unsafe.Pointer(&out)); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_S_FMT CAPTURE_MPLANE %s: %w", n.name(), e.coded, err)
	}
	if got := FourCC(out.pixMP().PixelFormat); got != e.coded {
		return fmt.Errorf("device: %s encodes %s, not %s", n.name(), got, e.coded)
	}

	var err error
	if e.in, err = newQueue(n, bufTypeVideoOutputMplane, 4); err != nil {
		return err
	}
	if e.out, err = newQueue(n, bufTypeVideoCaptureMplane, 4); err != nil {
		return err
	}
	for i := range e.out.bufs {
		if err := e.out.qbuf(i, 0); err != nil {
			return fmt.Errorf("device: %s: VIDIOC_QBUF CAPTURE %d: %w", n.name(), i, err)
		}
	}
	for i := range e.in.bufs {
		e.free = append(e.free, i)
	}
	if err := n.stream(bufTypeVideoOutputMplane, true); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_STREAMON OUTPUT: %w", n.name(), err)
	}
	if err := n.stream(bufTypeVideoCaptureMplane, true); err != nil {
		return fmt.Errorf("device: %s: VIDIOC_STREAMON CAPTURE: %w", n.name(), err)
	}
	e.wait = min(max(2*time.Second/time.Duration(cfg.FPS), 50*time.Millisecond), 500*time.Millisecond)
	return nil
}

// controls sets the codec controls one at a time, so a driver that lacks
// one still gets the others.
func (e *M2MEncoder) controls(cfg EncoderConfig) {
	type ctrl struct {
		name string
		id   uint32
		v    int32
	}
	gop := int32(cfg.KeyframeEvery)
	if gop <= 0 {
		gop = 1 << 16 // only on request
	}
	cs := []ctrl{{"GOP_SIZE", cidMpegVideoGopSize, gop}}
	if e.coded == FourCCH264 {
		level := int32(h264Level40)
		if cfg.Width*cfg.Height <= 1280*720 {
			level = h264Level31
		}
		cs = append(cs,
			ctrl{"BITRATE_MODE", cidMpegVideoBitrateMode, bitrateModeCBR},
			ctrl{"BITRATE", cidMpegVideoBitrate, int32(cfg.Bitrate)},
			ctrl{"H264_I_PERIOD", cidMpegVideoH264IPeriod, gop},
			ctrl{"H264_PROFILE", cidMpegVideoH264Profile, h264ProfileConstrainedBaseline},
			ctrl{"H264_LEVEL", cidMpegVideoH264Level, level},
			ctrl{"REPEAT_SEQ_HEADER", cidMpegVideoRepeatSeqHeader, 1},
		)
	}
	for _, c := range cs {
		if err := e.node.setExtCtrls([]uint32{c.id}, []int32{c.v}); err != nil {
			e.log.Debug("encoder control not set", "control", c.name, "value", c.v, "err", err)
		}
	}
	e.keyCtrl = e.node.hasCtrl(cidMpegVideoForceKeyFrame)
}

// Encode queues one I420 frame and returns the coded frames that are ready.
func (e *M2MEncoder) Encode(frame *image.YCbCr) ([][]byte, error) {
	if e.closed || e.draining {
		return nil, fmt.Errorf("device: %s: Encode after Drain or Close", e.node.name())
	}
	if b := frame.Bounds(); b.Dx() != e.w || b.Dy() != e.h || frame.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		return nil, fmt.Errorf("device: %s: encoder for %dx%d I420 got a %dx%d %v frame", e.node.name(), e.w, e.h, b.Dx(), b.Dy(), frame.SubsampleRatio)
	}
	var aus [][]byte
	if err := e.reclaim(); err != nil {
		return nil, err
	}
	if len(e.free) == 0 {
		// Every raw buffer is queued: wait for the encoder, taking coded
		// frames as they come.
		deadline := time.Now().Add(time.Second)
		for len(e.free) == 0 {
			if time.Now().After(deadline) {
				return aus, fmt.Errorf("device: %s: the encoder took no frame for 1 s", e.node.name())
			}
			if _, err := e.node.wait(unix.POLLIN|unix.POLLOUT, 50*time.Millisecond); err != nil {
				return aus, e.ioErr("poll", err)
			}
			got, _, err := e.collect()
			aus = append(aus, got...)
			if err != nil {
				return aus, err
			}
			if err := e.reclaim(); err != nil {
				return aus, err
			}
		}
	}
	i := e.free[0]
	e.free = e.free[1:]
	e.fill(e.in.bufs[i], frame)
	if e.key.Swap(false) && e.keyCtrl {
		if err := e.node.setCtrl(cidMpegVideoForceKeyFrame, 1); err != nil {
			e.log.Debug("FORCE_KEY_FRAME failed", "err", err)
		}
	}
	if err := e.in.qbuf(i, e.rawSize); err != nil {
		return aus, e.ioErr("VIDIOC_QBUF OUTPUT", err)
	}
	// Wait for this frame's coded output.
	deadline := time.Now().Add(e.wait)
	for {
		got, _, err := e.collect()
		aus = append(aus, got...)
		if err != nil || len(got) > 0 {
			return aus, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return aus, nil // late: it comes with the next frame
		}
		if _, err := e.node.wait(unix.POLLIN, left); err != nil {
			return aus, e.ioErr("poll", err)
		}
	}
}

// fill copies frame into a raw buffer laid out at the coded size.
func (e *M2MEncoder) fill(buf []byte, f *image.YCbCr) {
	cs := e.stride / 2
	for y := 0; y < e.h; y++ {
		copy(buf[y*e.stride:y*e.stride+e.w], f.Y[y*f.YStride:])
	}
	cb := buf[e.stride*e.codedH:]
	cr := cb[cs*(e.codedH/2):]
	for y := 0; y < e.h/2; y++ {
		copy(cb[y*cs:y*cs+e.w/2], f.Cb[y*f.CStride:])
		copy(cr[y*cs:y*cs+e.w/2], f.Cr[y*f.CStride:])
	}
}

// reclaim takes back raw buffers the encoder has consumed.
func (e *M2MEncoder) reclaim() error {
	for {
		b, _, err := e.in.dqbuf()
		if errors.Is(err, unix.EAGAIN) {
			return nil
		}
		if err != nil {
			return e.ioErr("VIDIOC_DQBUF OUTPUT", err)
		}
		e.free = append(e.free, int(b.Index))
	}
}

// collect dequeues every ready coded frame, copies it out and requeues its
// buffer. last reports the buffer flagged LAST (or EPIPE: drained).
func (e *M2MEncoder) collect() (aus [][]byte, last bool, err error) {
	for {
		b, data, err := e.out.dqbuf()
		if errors.Is(err, unix.EAGAIN) {
			return aus, false, nil
		}
		if errors.Is(err, unix.EPIPE) {
			return aus, true, nil
		}
		if err != nil {
			return aus, false, e.ioErr("VIDIOC_DQBUF CAPTURE", err)
		}
		if len(data) > 0 && b.Flags&bufFlagError == 0 {
			au := append([]byte(nil), data...)
			if e.coded == FourCCH264 {
				au = e.ps.fill(au)
			}
			if au != nil {
				aus = append(aus, au)
			}
		}
		if b.Flags&bufFlagLast != 0 {
			return aus, true, nil
		}
		if err := e.out.qbuf(int(b.Index), 0); err != nil {
			return aus, false, e.ioErr("VIDIOC_QBUF CAPTURE", err)
		}
	}
}

func (e *M2MEncoder) ioErr(op string, err error) error {
	if errors.Is(err, unix.ENODEV) {
		return fmt.Errorf("device: %s: encoder gone (%s: %w)", e.node.name(), op, err)
	}
	return fmt.Errorf("device: %s: %s: %w", e.node.name(), op, err)
}

// RequestKeyframe makes the next frame a keyframe through the
// FORCE_KEY_FRAME control. Encoders without it (vicodec) keep their GOP.
func (e *M2MEncoder) RequestKeyframe() { e.key.Store(true) }

// CanForceKeyframe reports whether the encoder has FORCE_KEY_FRAME.
func (e *M2MEncoder) CanForceKeyframe() bool { return e.keyCtrl }

// Drain stops the encoder with ENCODER_CMD stop and returns the coded frames
// still inside it, up to the buffer flagged LAST (at most 2 s). The encoder
// takes no more frames afterwards.
func (e *M2MEncoder) Drain() ([][]byte, error) {
	if e.closed || e.drained {
		return nil, nil
	}
	e.draining = true
	cmd := v4l2EncoderCmd{Cmd: encCmdStop}
	if err := e.node.ioctl(vidiocEncoderCmd, unsafe.Pointer(&cmd)); err != nil {
		e.drained = true
		return nil, fmt.Errorf("device: %s: VIDIOC_ENCODER_CMD stop: %w", e.node.name(), err)
	}
	var aus [][]byte
	deadline := time.Now().Add(2 * time.Second)
	for {
		got, last, err := e.collect()
		aus = append(aus, got...)
		if err != nil {
			return aus, err
		}
		if last {
			e.drained = true
			return aus, nil
		}
		_ = e.reclaim()
		left := time.Until(deadline)
		if left <= 0 {
			return aus, fmt.Errorf("device: %s: draining took over 2 s without a LAST buffer", e.node.name())
		}
		if _, err := e.node.wait(unix.POLLIN, min(left, 50*time.Millisecond)); err != nil {
			return aus, e.ioErr("poll", err)
		}
	}
}

// Close drains the encoder (when it is streaming), stops both queues and
// frees the buffers.
func (e *M2MEncoder) Close() error {
	if e.closed {
		return nil
	}
	var err error
	if !e.drained && e.in != nil && e.out != nil {
		_, err = e.Drain()
	}
	e.teardown()
	return err
}

func (e *M2MEncoder) teardown() {
	e.closed = true
	_ = e.node.stream(bufTypeVideoOutputMplane, false)
	_ = e.node.stream(bufTypeVideoCaptureMplane, false)
	if e.in != nil {
		e.in.release()
	}
	if e.out != nil {
		e.out.release()
	}
	_ = e.node.close()
}
