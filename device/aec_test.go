package device

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

// echoScene is a simulated door station: the far end (what the speaker
// plays) reaches the microphone through an echo path — a delay, an
// attenuation and a short room response — mixed with the near end's voice
// in the double-talk part and a little noise.
type echoScene struct {
	far, echo, near, mic []int16
	farOnly              int // samples of far-end single talk before double talk
}

func newEchoScene(seed uint64, delay, room int, gainDB float64, noiseFar bool) echoScene {
	const secs = 6
	n := secs * audioRate
	var far []float64
	if noiseFar {
		r := rand.New(rand.NewPCG(seed, 3))
		far = make([]float64, n)
		for i := range far {
			far[i] = 4000 * r.NormFloat64()
		}
	} else {
		far = speechLike(n, audioRate, seed, 16000)
	}
	// Room response: a direct path, then exponentially decaying reflections.
	r := rand.New(rand.NewPCG(seed, 11))
	h := make([]float64, room)
	h[0] = 1
	for i := 1; i < room; i++ {
		h[i] = 0.3 * r.NormFloat64() * math.Exp(-6*float64(i)/float64(room))
	}
	g := math.Pow(10, gainDB/20)
	echo := make([]float64, n)
	for i := range echo {
		var acc float64
		for k, hk := range h {
			if j := i - delay - k; j >= 0 {
				acc += hk * far[j]
			}
		}
		echo[i] = g * acc
	}
	s := echoScene{farOnly: 4 * audioRate}
	nearSpeech := speechLike(n-s.farOnly, audioRate, seed+100, 8000)
	near := make([]float64, n)
	copy(near[s.farOnly:], nearSpeech)
	mic := make([]float64, n)
	for i := range mic {
		mic[i] = echo[i] + near[i] + 3*r.NormFloat64() // about -80 dBFS noise
	}
	s.far, s.echo, s.near, s.mic = toInt16(far), toInt16(echo), toInt16(near), toInt16(mic)
	return s
}

// run passes the scene through c in 10 ms frames.
func (s echoScene) run(c echoCanceller) []int16 {
	out := make([]int16, len(s.mic))
	for i := 0; i+aecFrame <= len(s.mic); i += aecFrame {
		c.process(s.mic[i:i+aecFrame], s.far[i:i+aecFrame], out[i:i+aecFrame])
	}
	return out
}

func power(x []int16) float64 {
	var p float64
	for _, v := range x {
		p += float64(v) * float64(v)
	}
	return p
}

// erle is the echo return loss enhancement over [from, to): echo power in
// the microphone over echo power left in the output, in dB.
func (s echoScene) erle(out []int16, from, to int) float64 {
	return 10 * math.Log10(power(s.echo[from:to])/math.Max(power(out[from:to]), 1))
}

// nearSDR is how well the near end survives double talk: near-end power over
// the power of everything else in the output (residual echo, distortion,
// gating), in dB, at the canceller's delay (speexdsp's preprocessor delays
// by up to a frame).
func (s echoScene) nearSDR(out []int16) float64 {
	best, _ := bestLagSNR(s.near[s.farOnly:], out[s.farOnly:], 0, 2*aecFrame)
	return best
}

// bestLagSNR finds the delay (0..maxLag samples) at which out best matches
// ref, skipping skip samples, and returns the SNR there.
func bestLagSNR(ref, out []int16, skip, maxLag int) (float64, int) {
	best, lag := math.Inf(-1), 0
	for l := 0; l <= maxLag; l++ {
		if s := snrDB(ref[skip:len(ref)-maxLag], out[skip+l:]); s > best {
			best, lag = s, l
		}
	}
	return best, lag
}

var (
	sceneMu    sync.Mutex
	sceneCache = map[aecCase]echoScene{}
)

// scene builds a case's scene once per test binary: the room convolution
// takes seconds under -race.
func (tc aecCase) scene() echoScene {
	sceneMu.Lock()
	defer sceneMu.Unlock()
	s, ok := sceneCache[tc]
	if !ok {
		s = newEchoScene(1, tc.delay, tc.room, tc.gainDB, tc.noiseFar)
		sceneCache[tc] = s
	}
	return s
}

// aecCase is an echo path: delay and room length in samples, the echo's gain
// at the microphone, speech or white noise from the far end, and the least
// ERLE speexdsp must reach after 2 s (measured on this machine with margin;
// issue 3's target is 20 dB).
type aecCase struct {
	name      string
	delay     int
	room      int
	gainDB    float64
	noiseFar  bool
	speexERLE float64
}

var aecCases = []aecCase{
	{"speech/20ms", 20 * 48, 30 * 48, -6, false, 30},
	{"speech/60ms", 60 * 48, 30 * 48, -6, false, 40},
	{"speech/120ms-loud", 120 * 48, 30 * 48, 0, false, 32},
	{"noise/60ms", 60 * 48, 30 * 48, -6, true, 35},
}

// TestHalfDuplexERLE: gating removes the echo during far-end single talk (it
// measures from 2 s on, like the adaptive filter, though gating needs no
// convergence) and, by design, the near end with it during double talk.
func TestHalfDuplexERLE(t *testing.T) {
	for _, tc := range aecCases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.scene()
			out := s.run(newHalfDuplex(audioRate))
			erle := s.erle(out, 2*audioRate, s.farOnly)
			t.Logf("half-duplex %s: ERLE %.1f dB after 2 s, near-end SDR in double talk %.1f dB", tc.name, erle, s.nearSDR(out))
			if erle < 30 {
				t.Errorf("ERLE %.1f dB, want >= 30", erle)
			}
		})
	}
}

// TestHalfDuplexPassesNearEndAlone: with a silent far end the microphone is
// untouched.
func TestHalfDuplexPassesNearEndAlone(t *testing.T) {
	h := newHalfDuplex(audioRate)
	mic := toInt16(speechLike(audioRate, audioRate, 5, 10000))
	out := make([]int16, len(mic))
	ref := make([]int16, aecFrame)
	for i := 0; i+aecFrame <= len(mic); i += aecFrame {
		h.process(mic[i:i+aecFrame], ref, out[i:i+aecFrame])
	}
	if snr := snrDB(mic, out); snr < 60 {
		t.Errorf("near end alone changed: SNR %.1f dB", snr)
	}
}

func TestParseEchoCancel(t *testing.T) {
	for in, want := range map[string]EchoCancel{"": EchoCancelAuto, "auto": EchoCancelAuto, "speex": EchoCancelSpeex, "halfduplex": EchoCancelHalfDuplex, "Off": EchoCancelOff} {
		got, err := ParseEchoCancel(in)
		if err != nil || got != want {
			t.Errorf("ParseEchoCancel(%q) = %v, %v", in, got, err)
		}
		if b, _ := got.MarshalText(); want != EchoCancelAuto && string(b) != got.String() {
			t.Errorf("MarshalText(%v) = %s", got, b)
		}
	}
	if _, err := ParseEchoCancel("webrtc"); err == nil {
		t.Error("ParseEchoCancel(webrtc) did not fail")
	}
}
