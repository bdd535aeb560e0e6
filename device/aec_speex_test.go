//go:build cgo && speexdsp

package device

import (
	"testing"
	"time"
)

// aecTailTest is the adaptive filter's length the tests and the daemon use
// (echo_tail's default, 100 ms): the room after the echo's onset, which the
// delay estimator finds.
var aecTailTest = int(AudioConfig{}.withDefaults().EchoTail * audioRate / time.Second)

// TestSpeexERLE measures speexdsp on simulated echo paths: ERLE during far-end
// single talk from 2 s on (after convergence), and how much of the near end
// survives double talk. Issue 3's target is ERLE >= 20 dB after 2 s.
func TestSpeexERLE(t *testing.T) {
	for _, tc := range aecCases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.scene()
			c, err := newEchoCanceller(EchoCancelSpeex, aecTailTest)
			if err != nil {
				t.Fatal(err)
			}
			defer c.close()
			out := s.run(c)
			early := s.erle(out, 0, audioRate)
			erle := s.erle(out, 2*audioRate, s.farOnly)
			sdr := s.nearSDR(out)
			t.Logf("speex %s: ERLE %.1f dB in the first second, %.1f dB after 2 s; near-end SDR in double talk %.1f dB", tc.name, early, erle, sdr)
			if erle < tc.speexERLE {
				t.Errorf("ERLE %.1f dB after 2 s, want >= %g", erle, tc.speexERLE)
			}
			if sdr < 10 {
				t.Errorf("near-end SDR %.1f dB in double talk, want >= 10", sdr)
			}
		})
	}
}

// BenchmarkSpeexAEC10ms reports the cost of one 10 ms frame and the CPU share
// of one core per second of audio: the canceller intercomd runs (speex at
// 16 kHz with the resampling around it), and speex at 48 kHz for comparison.
func BenchmarkSpeexAEC10ms(b *testing.B) {
	s := aecCases[1].scene()
	for _, v := range []struct {
		name string
		make func() (echoCanceller, error)
	}{
		{"16kHz", func() (echoCanceller, error) { return newEchoCanceller(EchoCancelSpeex, aecTailTest) }},
		{"48kHz", func() (echoCanceller, error) { return newSpeexAEC(aecFrame, aecTailTest, audioRate) }},
	} {
		b.Run(v.name, func(b *testing.B) {
			c, err := v.make()
			if err != nil {
				b.Fatal(err)
			}
			defer c.close()
			out := make([]int16, aecFrame)
			i := 0
			start := time.Now()
			for b.Loop() {
				c.process(s.mic[i:i+aecFrame], s.far[i:i+aecFrame], out)
				i = (i + aecFrame) % (len(s.mic) - aecFrame)
			}
			per := time.Since(start) / time.Duration(b.N)
			b.ReportMetric(float64(per)*100/float64(time.Second)*100, "%cpu")
		})
	}
}
