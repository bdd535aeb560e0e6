package device

import (
	"testing"
	"time"
)

// TestDelayEstimatorFindsTheEcho: on the simulated echo paths (and one
// longer than any of them), after 2 s the estimator puts the echo's onset
// at the direct sound, within 1 ms before and 3 ms after; a microphone
// that hears no echo gives no confident estimate.
func TestDelayEstimatorFindsTheEcho(t *testing.T) {
	cases := append(append([]aecCase(nil), aecCases...), aecCase{name: "speech/250ms", delay: 250 * 48, room: 30 * 48, gainDB: -6})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.scene()
			lag, score := estimateScene(s.mic[:2*audioRate], s.far[:2*audioRate])
			got := time.Duration(lag) * time.Second / delayEstRate
			want := time.Duration(tc.delay) * time.Second / audioRate
			t.Logf("echo at %v: onset estimated at %v (score %.2f)", want, got, score)
			if got < want-time.Millisecond || got > want+3*time.Millisecond || score < delayMinScore {
				t.Errorf("onset %v (score %.2f), want %v (-1..+3 ms) with a score >= %g", got, score, want, delayMinScore)
			}
		})
	}
	t.Run("no-echo", func(t *testing.T) {
		s := aecCases[0].scene()
		quiet := make([]int16, 2*audioRate)
		copy(quiet, s.near[s.farOnly:]) // the near end alone, no echo
		_, score := estimateScene(quiet, s.far[:2*audioRate])
		t.Logf("score %.3f", score)
		if score >= delayMinScore {
			t.Errorf("a microphone without echo scored %.3f, want < %g", score, delayMinScore)
		}
	})
}

// estimateScene runs 48 kHz microphone and reference through a fresh
// estimator as the canceller would feed it.
func estimateScene(mic, ref []int16) (int, float64) {
	d := newDelayEstimator(delayMax*delayEstRate/1000, delayEstRate/100, 100)
	lowMic := newResampler(audioRate, delayEstRate).process(nil, mic)
	lowRef := newResampler(audioRate, delayEstRate).process(nil, ref)
	for i := 0; i+d.block <= min(len(lowMic), len(lowRef)); i += d.block {
		d.add(lowMic[i:i+d.block], lowRef[i:i+d.block])
	}
	return d.estimate()
}

// refRecorder is a canceller that keeps the reference it is given and
// counts resets.
type refRecorder struct {
	ref    []int16
	resets int
}

func (r *refRecorder) process(mic, ref, out []int16) {
	r.ref = append(r.ref, ref...)
	copy(out, mic)
}
func (r *refRecorder) reset() { r.resets++ }
func (r *refRecorder) close() {}

// TestAlignedDelaysTheReference: in front of the filter, the reference is
// delayed to 10 ms before the echo's onset once (one restart of the
// filter, no hunting after), and an echo near the filter's start is left
// alone.
func TestAlignedDelaysTheReference(t *testing.T) {
	for _, tc := range []struct {
		c         aecCase
		wantShift time.Duration // 0: none
	}{
		{aecCases[0], 0},
		{aecCases[2], 110 * time.Millisecond},
		{aecCases[3], 50 * time.Millisecond},
	} {
		t.Run(tc.c.name, func(t *testing.T) {
			s := tc.c.scene()
			rec := &refRecorder{}
			tail := aecRate16 / 10
			a := newAligned(rec, aecRate16, tail)
			mic := newResampler(audioRate, aecRate16).process(nil, s.mic)
			far := newResampler(audioRate, aecRate16).process(nil, s.far)
			out := make([]int16, a.frame)
			for i := 0; i+a.frame <= len(mic); i += a.frame {
				a.process(mic[i:i+a.frame], far[i:i+a.frame], out)
			}
			got := time.Duration(a.shift) * time.Second / aecRate16
			t.Logf("reference delayed by %v, %d restarts", got, rec.resets)
			if tc.wantShift == 0 {
				if a.shift != 0 || rec.resets != 0 {
					t.Errorf("shift %v with %d restarts; want none", got, rec.resets)
				}
				return
			}
			if got < tc.wantShift-time.Millisecond || got > tc.wantShift+3*time.Millisecond || rec.resets != 1 {
				t.Errorf("shift %v after %d restarts; want %v (-1..+3 ms) after 1", got, rec.resets, tc.wantShift)
			}
			// From the end: what the filter was given is the reference, shift later.
			n := len(rec.ref)
			if snr := snrDB(far[n-audioRate/10-a.shift:n-a.shift], rec.ref[n-audioRate/10:]); snr < 60 {
				t.Errorf("the filter's reference is not the far end %v later: SNR %.1f dB", got, snr)
			}
		})
	}
}

// BenchmarkDelayEstimator10ms is the estimator's cost per 10 ms frame, at
// 16 kHz in front of the filter (the decimation to 2 kHz included).
func BenchmarkDelayEstimator10ms(b *testing.B) {
	s := aecCases[1].scene()
	mic := newResampler(audioRate, aecRate16).process(nil, s.mic)
	far := newResampler(audioRate, aecRate16).process(nil, s.far)
	a := newAligned(passThrough{}, aecRate16, aecRate16/10)
	out := make([]int16, a.frame)
	i := 0
	start := time.Now()
	for b.Loop() {
		a.process(mic[i:i+a.frame], far[i:i+a.frame], out)
		i = (i + a.frame) % (len(mic) - a.frame)
	}
	per := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(per)*100/float64(time.Second)*100, "%cpu")
}
