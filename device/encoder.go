package device

import (
	"fmt"
	"image"
)

// Encoder turns raw I420 frames into H.264 (or, for the lab's vicodec, FWHT)
// access units. One goroutine owns an Encoder; only RequestKeyframe may be
// called from others.
type Encoder interface {
	// Encode takes one I420 frame (*image.YCbCr with 4:2:0 subsampling, of
	// the size the encoder was made for) and returns the access units that
	// are ready: usually the one for this frame, possibly none while a
	// hardware encoder is still busy, or more than one when it catches up.
	// H.264 access units are Annex-B with SPS and PPS before every IDR.
	Encode(frame *image.YCbCr) ([][]byte, error)
	// RequestKeyframe makes the next frame encoded a keyframe. It never
	// blocks and is safe from any goroutine.
	RequestKeyframe()
	// Close drains and frees the encoder.
	Close() error
}

// EncoderConfig configures NewSoftwareEncoder and NewM2MEncoder.
type EncoderConfig struct {
	Width, Height int
	FPS           int
	// Bitrate in bit/s.
	Bitrate int
	// KeyframeEvery is the periodic keyframe interval in frames (0: only on
	// request and at the start).
	KeyframeEvery int
}

func (c EncoderConfig) validate() error {
	if c.Width <= 0 || c.Height <= 0 || c.Width%2 != 0 || c.Height%2 != 0 || c.FPS <= 0 || c.Bitrate <= 0 {
		return fmt.Errorf("device: encoder %dx%d@%d at %d bit/s: need even positive sizes, a frame rate and a bit rate", c.Width, c.Height, c.FPS, c.Bitrate)
	}
	return nil
}

// newI420 allocates an I420 frame.
func newI420(w, h int) *image.YCbCr {
	return image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
}
