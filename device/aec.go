package device

import (
	"fmt"
	"math"
	"strings"
)

// EchoCancel chooses how the microphone path removes the speaker's sound.
type EchoCancel int

// Echo cancellation modes.
const (
	// EchoCancelAuto uses speexdsp when intercomd was built with it and both
	// a microphone and a speaker are in use, half-duplex gating when built
	// without it, and nothing when only one of them is.
	EchoCancelAuto EchoCancel = iota
	// EchoCancelSpeex is speexdsp's adaptive filter (MDF) with its residual
	// echo suppressor; needs a build with -tags speexdsp.
	EchoCancelSpeex
	// EchoCancelHalfDuplex mutes the microphone while the far end is heard,
	// and for a hangover after: no echo, but no talking over each other.
	EchoCancelHalfDuplex
	// EchoCancelOff passes the microphone through (a headset, or PipeWire's
	// echo-cancel module doing the job outside intercomd).
	EchoCancelOff
)

// String returns the mode's config name.
func (m EchoCancel) String() string {
	switch m {
	case EchoCancelAuto:
		return "auto"
	case EchoCancelSpeex:
		return "speex"
	case EchoCancelHalfDuplex:
		return "halfduplex"
	case EchoCancelOff:
		return "off"
	}
	return fmt.Sprintf("EchoCancel(%d)", int(m))
}

// ParseEchoCancel reads a config value: auto, speex, halfduplex or off.
func ParseEchoCancel(s string) (EchoCancel, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return EchoCancelAuto, nil
	case "speex", "speexdsp":
		return EchoCancelSpeex, nil
	case "halfduplex", "half-duplex":
		return EchoCancelHalfDuplex, nil
	case "off", "none":
		return EchoCancelOff, nil
	}
	return EchoCancelAuto, fmt.Errorf("device: echo cancellation %q: use auto, speex, halfduplex or off", s)
}

// UnmarshalText lets yaml and flag packages parse the mode.
func (m *EchoCancel) UnmarshalText(b []byte) error {
	v, err := ParseEchoCancel(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalText writes the mode's config name.
func (m EchoCancel) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// aecFrame is the echo canceller's frame: 10 ms at 48 kHz.
const aecFrame = audioRate / 100

// echoCanceller removes the far end (ref, what the speaker played) from the
// microphone signal, one aecFrame at a time.
type echoCanceller interface {
	process(mic, ref, out []int16)
	// reset forgets what was learnt of the echo path (it changed).
	reset()
	close()
}

// newEchoCanceller builds the canceller for a resolved mode (not auto);
// tail is in 48 kHz samples.
func newEchoCanceller(m EchoCancel, tail int) (echoCanceller, error) {
	switch m {
	case EchoCancelSpeex:
		// At 16 kHz: measured (TestSpeexERLE, docs/audio.md) 4–15 dB more
		// ERLE than at 48 kHz on every echo path, at a third of the CPU.
		tail16 := tail * aecRate16 / audioRate
		c, err := newSpeexAEC(aecRate16/100, tail16, aecRate16)
		if err != nil {
			return nil, err
		}
		return newDecimated(newAligned(c, aecRate16, tail16), aecRate16), nil
	case EchoCancelHalfDuplex:
		return newHalfDuplex(audioRate), nil
	}
	return passThrough{}, nil
}

type passThrough struct{}

func (passThrough) process(mic, ref, out []int16) { copy(out, mic) }
func (passThrough) reset()                        {}
func (passThrough) close()                        {}

// halfDuplex gates the microphone by the far end's level: while the played
// signal is above threshold, and for hangover after it (the echo arrives
// late and the room rings), the microphone is attenuated by depth. Gain
// changes ramp over a few milliseconds so gating never clicks.
type halfDuplex struct {
	threshold float64 // mean square of ref that counts as far-end speech
	hangover  int     // samples
	depth     float64 // gain while gated
	ramp      float64 // gain change per sample
	hold      int     // samples of hangover left
	gain      float64
}

func newHalfDuplex(rate int) *halfDuplex {
	thr := math.Pow(10, -45.0/10) * 32768 * 32768 // -45 dBFS
	return &halfDuplex{threshold: thr, hangover: rate * 200 / 1000, depth: 0.003, ramp: 1.0 / float64(rate*5/1000), gain: 1}
}

func (h *halfDuplex) process(mic, ref, out []int16) {
	var e float64
	for _, v := range ref {
		e += float64(v) * float64(v)
	}
	if len(ref) > 0 && e/float64(len(ref)) > h.threshold {
		h.hold = h.hangover
	}
	target := 1.0
	if h.hold > 0 {
		target = h.depth
		h.hold = max(0, h.hold-len(mic))
	}
	for i, v := range mic {
		switch {
		case h.gain > target:
			h.gain = max(target, h.gain-h.ramp)
		case h.gain < target:
			h.gain = min(target, h.gain+h.ramp)
		}
		out[i] = clip16(float64(v) * h.gain)
	}
}

func (h *halfDuplex) reset() {}
func (h *halfDuplex) close() {}
