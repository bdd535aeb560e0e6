//go:build cgo

package device

import (
	"errors"
	"fmt"
	"image"
	"sync/atomic"

	"github.com/pion/mediadevices/pkg/codec"
	"github.com/pion/mediadevices/pkg/codec/openh264"
	"github.com/pion/mediadevices/pkg/io/video"
	"github.com/pion/mediadevices/pkg/prop"
)

// haveOpenH264 is set in builds with cgo, which link openh264.
const haveOpenH264 = true

// SoftwareEncoder is openh264 (pion/mediadevices' bundled static library)
// behind the Encoder interface: the path on a Pi 5 and on x86, which have no
// hardware H.264 encoder. It is set up as the synthetic source's is:
// real-time camera mode, bit-rate control, no frame skipping, one thread.
type SoftwareEncoder struct {
	enc  codec.ReadCloser
	keys codec.KeyFrameController
	in   *image.YCbCr
	w, h int
	key  atomic.Bool
	// every and count give periodic keyframes.
	every, count int
}

var _ Encoder = (*SoftwareEncoder)(nil)

// NewSoftwareEncoder starts openh264 for frames of cfg's size.
func NewSoftwareEncoder(cfg EncoderConfig) (*SoftwareEncoder, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	p, err := openh264.NewParams()
	if err != nil {
		return nil, fmt.Errorf("device: openh264 parameters: %w", err)
	}
	p.BitRate = cfg.Bitrate
	p.EnableFrameSkip = false // a skipped frame could be the keyframe a call waits for
	p.IntraPeriod = 0         // keyframes are forced by the encoder's owner
	p.MultipleThreadIdc = 1
	e := &SoftwareEncoder{w: cfg.Width, h: cfg.Height, every: cfg.KeyframeEvery}
	r := video.ReaderFunc(func() (image.Image, func(), error) {
		if e.in == nil {
			return nil, func() {}, errors.New("device: openh264 read without a frame")
		}
		return e.in, func() {}, nil
	})
	enc, err := p.BuildVideoEncoder(r, prop.Media{
		Video: prop.Video{Width: cfg.Width, Height: cfg.Height, FrameRate: float32(cfg.FPS)},
	})
	if err != nil {
		return nil, fmt.Errorf("device: starting the openh264 encoder at %dx%d: %w", cfg.Width, cfg.Height, err)
	}
	e.enc = enc
	e.keys, _ = enc.Controller().(codec.KeyFrameController)
	return e, nil
}

// Encode encodes one frame; openh264 returns its access unit at once.
func (e *SoftwareEncoder) Encode(frame *image.YCbCr) ([][]byte, error) {
	if b := frame.Bounds(); b.Dx() != e.w || b.Dy() != e.h || frame.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		return nil, fmt.Errorf("device: openh264 encoder for %dx%d I420 got a %dx%d %v frame", e.w, e.h, b.Dx(), b.Dy(), frame.SubsampleRatio)
	}
	key := e.key.Swap(false) || e.count == 0 || (e.every > 0 && e.count%e.every == 0)
	e.count++
	if key && e.keys != nil {
		_ = e.keys.ForceKeyFrame()
	}
	e.in = frame
	au, release, err := e.enc.Read()
	e.in = nil
	if err != nil {
		return nil, fmt.Errorf("device: openh264: %w", err)
	}
	defer release()
	if len(au) == 0 {
		if key {
			e.key.Store(true)
		}
		return nil, nil
	}
	return [][]byte{append([]byte(nil), au...)}, nil
}

// RequestKeyframe makes the next frame an IDR.
func (e *SoftwareEncoder) RequestKeyframe() { e.key.Store(true) }

// Close frees openh264.
func (e *SoftwareEncoder) Close() error { return e.enc.Close() }
