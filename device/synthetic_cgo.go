//go:build cgo

package device

import (
	"errors"
	"fmt"
	"image"

	"github.com/pion/mediadevices/pkg/codec"
	"github.com/pion/mediadevices/pkg/codec/openh264"
	"github.com/pion/mediadevices/pkg/codec/opus"
	"github.com/pion/mediadevices/pkg/io/audio"
	"github.com/pion/mediadevices/pkg/io/video"
	"github.com/pion/mediadevices/pkg/prop"
	"github.com/pion/mediadevices/pkg/wave"
)

// NewSynthetic creates the synthetic source with openh264 and Opus encoders
// (pion/mediadevices' bundled static libraries; openh264 needs libstdc++ at run
// time). It is idle until a peer connection binds one of its tracks.
func NewSynthetic(cfg SyntheticConfig) (*Synthetic, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	var (
		venc videoEncoder
		aenc audioEncoder
		err  error
	)
	if !cfg.NoVideo {
		if venc, err = newOpenH264(cfg); err != nil {
			return nil, err
		}
	}
	if !cfg.NoAudio {
		if aenc, err = newOpus(cfg); err != nil {
			if venc != nil {
				_ = venc.close()
			}
			return nil, err
		}
	}
	s, err := newSynthetic(cfg, venc, aenc)
	if err != nil {
		if venc != nil {
			_ = venc.close()
		}
		if aenc != nil {
			_ = aenc.close()
		}
		return nil, err
	}
	return s, nil
}

// openH264 adapts mediadevices' pull-style encoder: its reader hands over the
// frame that encode was just given.
type openH264 struct {
	enc  codec.ReadCloser
	keys codec.KeyFrameController
	in   *image.YCbCr
}

func newOpenH264(cfg SyntheticConfig) (*openH264, error) {
	p, err := openh264.NewParams()
	if err != nil {
		return nil, fmt.Errorf("device: openh264 parameters: %w", err)
	}
	p.BitRate = cfg.VideoBitRate
	// Frame skipping would drop the keyframe a new call waits for.
	p.EnableFrameSkip = false
	// Periodic keyframes are the source's job (KeyframeInterval), so openh264's
	// own period is set far beyond it.
	p.IntraPeriod = 0
	// One thread: predictable latency, and a Pi Zero has little to spare.
	p.MultipleThreadIdc = 1
	e := &openH264{}
	r := video.ReaderFunc(func() (image.Image, func(), error) {
		if e.in == nil {
			return nil, func() {}, errors.New("device: openh264 read without a frame")
		}
		return e.in, func() {}, nil
	})
	enc, err := p.BuildVideoEncoder(r, prop.Media{
		Video: prop.Video{Width: cfg.Width, Height: cfg.Height, FrameRate: float32(cfg.FrameRate)},
	})
	if err != nil {
		return nil, fmt.Errorf("device: starting the openh264 encoder at %dx%d: %w", cfg.Width, cfg.Height, err)
	}
	e.enc = enc
	e.keys, _ = enc.Controller().(codec.KeyFrameController)
	return e, nil
}

func (e *openH264) encode(img *image.YCbCr, keyframe bool) ([]byte, error) {
	if keyframe && e.keys != nil {
		// Called from the encoding goroutine only: ForceKeyFrame writes a field
		// the encoder reads without a lock.
		_ = e.keys.ForceKeyFrame()
	}
	e.in = img
	au, release, err := e.enc.Read()
	e.in = nil
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), au...)
	release()
	return out, nil
}

func (e *openH264) close() error { return e.enc.Close() }

// opusEncoder adapts mediadevices' Opus encoder the same way.
type opusEncoder struct {
	enc codec.ReadCloser
	in  *wave.Int16Interleaved
}

func newOpus(cfg SyntheticConfig) (*opusEncoder, error) {
	p, err := opus.NewParams()
	if err != nil {
		return nil, fmt.Errorf("device: opus parameters: %w", err)
	}
	p.BitRate = cfg.AudioBitRate
	p.Latency = opus.Latency20ms
	e := &opusEncoder{in: wave.NewInt16Interleaved(wave.ChunkInfo{Len: audioSamples, Channels: 1, SamplingRate: audioRate})}
	r := audio.ReaderFunc(func() (wave.Audio, func(), error) {
		return e.in, func() {}, nil
	})
	enc, err := p.BuildAudioEncoder(r, prop.Media{
		Audio: prop.Audio{SampleRate: audioRate, ChannelCount: 1},
	})
	if err != nil {
		return nil, fmt.Errorf("device: starting the Opus encoder: %w", err)
	}
	e.enc = enc
	return e, nil
}

func (e *opusEncoder) encode(pcm []int16) ([]byte, error) {
	if len(pcm) != audioSamples {
		return nil, fmt.Errorf("device: opus frame of %d samples; need %d", len(pcm), audioSamples)
	}
	copy(e.in.Data, pcm)
	pkt, release, err := e.enc.Read()
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), pkt...)
	release()
	return out, nil
}

func (e *opusEncoder) close() error { return e.enc.Close() }
