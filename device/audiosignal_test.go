package device

import (
	"math"
	"math/rand/v2"
)

// snrDB is the ratio of ref's power to the power of out-ref, in dB.
func snrDB(ref, out []int16) float64 {
	var s, n float64
	for i := range min(len(ref), len(out)) {
		r := float64(ref[i])
		d := float64(out[i]) - r
		s += r * r
		n += d * d
	}
	if n == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(s/n)
}

// speechLike generates n samples at rate of a speech-like signal: a
// glottal-pulse train with a wandering pitch through two formant resonators,
// shaped by syllable-rate envelopes with pauses, plus a little breath noise.
// It is deterministic for a seed. Level peaks near amp.
func speechLike(n, rate int, seed uint64, amp float64) []float64 {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]float64, n)
	type reson struct{ a1, a2, y1, y2 float64 }
	mk := func(f, bw float64) reson {
		rr := math.Exp(-math.Pi * bw / float64(rate))
		return reson{a1: 2 * rr * math.Cos(2*math.Pi*f/float64(rate)), a2: -rr * rr}
	}
	f1, f2 := mk(500, 80), mk(1500, 120)
	phase := 0.0
	pitch := 110 + 60*r.Float64()
	syl := 0
	sylLen := rate / 5
	voiced := true
	for i := range n {
		if syl == 0 {
			sylLen = rate/8 + r.IntN(rate/4)
			syl = sylLen
			voiced = r.Float64() < 0.8
			pitch = 100 + 120*r.Float64()
			f1 = mk(300+500*r.Float64(), 80)
			f2 = mk(900+1500*r.Float64(), 120)
			f1.y1, f1.y2 = 0, 0
			f2.y1, f2.y2 = 0, 0
		}
		pos := float64(sylLen-syl) / float64(sylLen)
		env := math.Sin(math.Pi * pos)
		syl--
		var x float64
		if voiced {
			phase += pitch * (1 + 0.05*math.Sin(float64(i)/float64(rate)*7)) / float64(rate)
			if phase >= 1 {
				phase--
				x = 1
			}
		}
		x += 0.02 * r.NormFloat64()
		y1 := x + f1.a1*f1.y1 + f1.a2*f1.y2
		f1.y2, f1.y1 = f1.y1, y1
		y2 := y1 + f2.a1*f2.y1 + f2.a2*f2.y2
		f2.y2, f2.y1 = f2.y1, y2
		out[i] = env * y2
	}
	var peak float64
	for _, v := range out {
		peak = max(peak, math.Abs(v))
	}
	if peak > 0 {
		for i := range out {
			out[i] *= amp / peak
		}
	}
	return out
}

// toInt16 converts with clipping.
func toInt16(x []float64) []int16 {
	out := make([]int16, len(x))
	for i, v := range x {
		out[i] = clip16(v)
	}
	return out
}

// sine returns n samples of a sine at hz.
func sine(n, rate int, hz, amp float64) []int16 {
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return out
}

// rms is the root mean square of x.
func rms(x []int16) float64 {
	if len(x) == 0 {
		return 0
	}
	return math.Sqrt(power(x) / float64(len(x)))
}
