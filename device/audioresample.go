package device

import "math"

// resampler converts a mono stream between two sample rates with a windowed
// sinc (Kaiser window, 16 zero crossings either side, 256 table phases with
// linear interpolation between them). It exists because intercomd opens
// hardware devices without ALSA's plug layer: a card without 48 kHz (a USB
// headset at 44.1 or 16 kHz) is resampled here, as are G.711's 8 kHz.
//
// Positions advance by exact integer ratios, so a stream of any length never
// drifts: n input samples give n·out/in output samples, ±1.
type resampler struct {
	in, out int
	half    int       // kernel half-width in input samples
	table   []float32 // phases+1 rows of 2*half taps
	phases  int
	buf     []float32 // pending input; buf[0] is input index base
	pos     int       // integer input position of the next output, relative to buf
	frac    int       // fractional position, in units of 1/out input samples
}

const (
	resampleZeros  = 16
	resamplePhases = 256
	resampleBeta   = 8.0
)

// newResampler returns a resampler from rate in to rate out (both positive).
func newResampler(in, out int) *resampler {
	g := gcd(in, out)
	r := &resampler{in: in / g, out: out / g, phases: resamplePhases}
	if r.in == r.out {
		return r // process copies
	}
	cutoff := 1.0
	if out < in {
		cutoff = float64(out) / float64(in)
	}
	r.half = int(math.Ceil(resampleZeros / cutoff))
	taps := 2 * r.half
	r.table = make([]float32, (r.phases+1)*taps)
	i0b := besselI0(resampleBeta)
	for p := 0; p <= r.phases; p++ {
		f := float64(p) / float64(r.phases)
		for k := range taps {
			// Tap k weighs input sample (pos - half + 1 + k); its distance
			// from the output point is x.
			x := float64(k-r.half+1) - f
			w := 0.0
			if ax := math.Abs(x) / float64(r.half); ax < 1 {
				w = besselI0(resampleBeta*math.Sqrt(1-ax*ax)) / i0b
			}
			r.table[p*taps+k] = float32(cutoff * sinc(cutoff*x) * w)
		}
	}
	// Start with half a kernel of silence so the first output has history.
	r.buf = make([]float32, r.half-1, 4096)
	r.pos = r.half - 1
	return r
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// besselI0 is the modified Bessel function of the first kind, order 0.
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1; k < 50; k++ {
		term *= (x / (2 * float64(k))) * (x / (2 * float64(k)))
		sum += term
		if term < 1e-12*sum {
			break
		}
	}
	return sum
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// process appends to dst the output for the next input samples. Output lags
// input by the kernel's half-width (about 0.33 ms at 48 kHz).
func (r *resampler) process(dst []int16, src []int16) []int16 {
	if r.in == r.out {
		return append(dst, src...)
	}
	for _, s := range src {
		r.buf = append(r.buf, float32(s))
	}
	taps := 2 * r.half
	for r.pos+r.half < len(r.buf) {
		// frac/out in [0,1): pick the two nearest table phases.
		pf := float64(r.frac) * float64(r.phases) / float64(r.out)
		p := int(pf)
		w := float32(pf - float64(p))
		a := r.table[p*taps : (p+1)*taps]
		b := r.table[(p+1)*taps : (p+2)*taps]
		x := r.buf[r.pos-r.half+1 : r.pos+r.half+1]
		var acc float32
		if w == 0 {
			// On a table phase: always so for integer down-ratios (48 → 16
			// or 8 kHz, the echo canceller's and G.711's), at a third of the work.
			// Four sums: one would wait on the adder's latency every tap.
			a = a[:len(x)]
			var s0, s1, s2, s3 float32
			k := 0
			for ; k+4 <= len(x); k += 4 {
				s0 += x[k] * a[k]
				s1 += x[k+1] * a[k+1]
				s2 += x[k+2] * a[k+2]
				s3 += x[k+3] * a[k+3]
			}
			for ; k < len(x); k++ {
				s0 += x[k] * a[k]
			}
			acc = (s0 + s1) + (s2 + s3)
		} else {
			for k := range taps {
				acc += x[k] * (a[k] + w*(b[k]-a[k]))
			}
		}
		dst = append(dst, clip16(float64(acc)))
		r.frac += r.in
		for r.frac >= r.out {
			r.frac -= r.out
			r.pos++
		}
	}
	// Keep what the next outputs still need.
	if drop := r.pos - r.half + 1; drop > 0 {
		n := copy(r.buf, r.buf[drop:])
		r.buf = r.buf[:n]
		r.pos -= drop
	}
	return dst
}

// clip16 rounds and saturates a sample to int16.
func clip16(v float64) int16 {
	switch {
	case v >= math.MaxInt16:
		return math.MaxInt16
	case v <= math.MinInt16:
		return math.MinInt16
	case v >= 0:
		return int16(v + 0.5)
	}
	return int16(v - 0.5)
}
