package device

import (
	"errors"
	"fmt"
)

// pcmParams are a PCM's negotiated parameters.
type pcmParams struct {
	rate, channels int
	format         int // pcmFormat*
	period, buffer int // frames
}

func (p pcmParams) String() string {
	return fmt.Sprintf("%d Hz, %d ch, %s, period %d, buffer %d frames", p.rate, p.channels, formatName(p.format), p.period, p.buffer)
}

func formatName(f int) string {
	switch f {
	case pcmFormatS16LE:
		return "S16_LE"
	case pcmFormatS24LE:
		return "S24_LE"
	case pcmFormatS32LE:
		return "S32_LE"
	case pcmFormatS243LE:
		return "S24_3LE"
	}
	return fmt.Sprintf("format %d", f)
}

// pcmStream is an open PCM in one direction: the real ALSA device, or a fake
// in tests. Samples are interleaved int16 at the device's rate and channels;
// the stream converts other hardware formats.
type pcmStream interface {
	params() pcmParams
	// read fills buf with up to len(buf)/channels frames and returns how many
	// frames it read. It waits for data at most about 100 ms and then returns
	// 0, nil, so the caller can check for shutdown. Overruns are recovered
	// inside. A vanished device gives an error wrapping ErrAudioDeviceGone.
	read(buf []int16) (int, error)
	// write plays all of buf, waiting for room; underruns are recovered
	// inside. Errors as read.
	write(buf []int16) error
	// delay returns the frames queued between the application and the
	// speaker or microphone, for latency reports (0 if unknown).
	delay() int
	// waitQueued (playback) waits until at most frames are queued for the
	// speaker, so that the playback loop decides what to play as late as it
	// can and the queue stays short: the playback loop's pace. It returns at
	// once when the stream has not started or has stopped (an underrun: the
	// next write recovers). Errors as write.
	waitQueued(frames int) error
	// xruns counts the underruns (playback) or overruns (capture) recovered
	// so far.
	xruns() int
	close() error
}

// pcmOpener opens a PCM; tests replace the real one.
type pcmOpener func(p AudioPCM, capture bool, want pcmParams) (pcmStream, error)

var errPCMStalled = errors.New("device: ALSA device stopped taking samples for a second")
