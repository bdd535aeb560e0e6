package device

import (
	"math"
	"testing"
)

// goertzel returns the power of x at hz relative to x's total power (0..1):
// near 1 for a pure tone at hz.
func goertzel(x []int16, rate int, hz float64) float64 {
	w := 2 * math.Pi * hz / float64(rate)
	c := 2 * math.Cos(w)
	var s1, s2, total float64
	for _, v := range x {
		f := float64(v)
		s := f + c*s1 - s2
		s2, s1 = s1, s
		total += f * f
	}
	if total == 0 {
		return 0
	}
	p := s1*s1 + s2*s2 - c*s1*s2
	return 2 * p / (float64(len(x)) * total)
}

func TestResampler(t *testing.T) {
	for _, tc := range []struct {
		in, out int
		hz      float64
	}{
		{44100, 48000, 1000},
		{16000, 48000, 1000},
		{8000, 48000, 440},
		{48000, 8000, 1000},
		{48000, 44100, 3000},
		{48000, 16000, 1000},
	} {
		t.Run(fmtRates(tc.in, tc.out), func(t *testing.T) {
			r := newResampler(tc.in, tc.out)
			src := sine(tc.in, tc.in, tc.hz, 12000) // one second
			var out []int16
			// Feed in odd-sized chunks, as a device would.
			for i := 0; i < len(src); i += 333 {
				out = r.process(out, src[i:min(i+333, len(src))])
			}
			if d := len(out) - tc.out; d > 0 || d < -r.half*tc.out/tc.in-2 {
				t.Fatalf("1 s in gave %d samples, want about %d", len(out), tc.out)
			}
			// Skip the start-up; compare with an ideal sine at the output rate
			// (the resampler has no phase delay, only a streaming lag).
			delay := 0.0
			var sig, noise float64
			for i := tc.out / 10; i < len(out); i++ {
				ideal := 12000 * math.Sin(2*math.Pi*tc.hz*(float64(i)/float64(tc.out)-delay))
				d := float64(out[i]) - ideal
				sig += ideal * ideal
				noise += d * d
			}
			snr := 10 * math.Log10(sig/noise)
			if snr < 50 {
				t.Errorf("SNR %.1f dB, want >= 50", snr)
			}
			t.Logf("SNR %.1f dB", snr)
		})
	}
}

// TestResamplerRemovesAliases: downsampling 48→16 kHz must filter a 12 kHz tone
// (above the new Nyquist) instead of folding it to 4 kHz.
func TestResamplerRemovesAliases(t *testing.T) {
	r := newResampler(48000, 16000)
	out := r.process(nil, sine(48000, 48000, 12000, 12000))
	var p float64
	for _, v := range out[1000:] {
		p += float64(v) * float64(v)
	}
	rms := math.Sqrt(p / float64(len(out)-1000))
	if rms > 12000/math.Sqrt2/100 { // at least 40 dB down
		t.Errorf("12 kHz tone after 48→16 kHz has RMS %.1f; want under 1%% of the input", rms)
	}
}

func fmtRates(a, b int) string {
	return itoa(a) + "to" + itoa(b)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func BenchmarkResample44to48(b *testing.B) {
	r := newResampler(44100, 48000)
	in := sine(441, 44100, 1000, 10000) // 10 ms
	out := make([]int16, 0, 600)
	for b.Loop() {
		out = r.process(out[:0], in)
	}
}
