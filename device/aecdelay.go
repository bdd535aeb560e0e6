package device

// delayEstimator finds the bulk delay between the far-end reference and its
// echo in the microphone: the cross-correlation of the two at 2 kHz, over
// lags 0..maxLag, smoothed over about a second of far-end sound, normalised
// by the reference's energy at each lag. Speech at a door carries its echo's
// energy below 1 kHz, where 2 kHz samples it; 0.5 ms resolution is ample
// for placing an adaptive filter. Its work is fixed per 10 ms block
// (maxLag multiply-adds per sample), so it never bursts.
type delayEstimator struct {
	maxLag, block int
	decay         float64
	hist          []float32 // reference: maxLag+block samples, newest last
	m             []float32 // the microphone's block
	sq            []float64 // prefix sums of hist², len(hist)+1
	acc, eng      []float64 // per lag: smoothed cross-correlation, reference energy
	score         []float64 // estimate's scratch
	micE          float64
	updates       int // blocks with far-end sound folded in
}

// newDelayEstimator searches lags 0..maxLag samples in blocks of block
// samples, forgetting with a time constant of tau blocks.
func newDelayEstimator(maxLag, block, tau int) *delayEstimator {
	return &delayEstimator{
		maxLag: maxLag, block: block, decay: 1 - 1/float64(tau),
		hist: make([]float32, maxLag+block), sq: make([]float64, maxLag+block+1),
		acc: make([]float64, maxLag+1), eng: make([]float64, maxLag+1),
	}
}

// add folds in one block of microphone and reference samples (block each).
func (d *delayEstimator) add(mic, ref []int16) {
	h := d.hist
	copy(h, h[d.block:])
	var refE, micE float64
	for i, v := range ref[:d.block] {
		h[d.maxLag+i] = float32(v)
		refE += float64(v) * float64(v)
	}
	for _, v := range mic[:d.block] {
		micE += float64(v) * float64(v)
	}
	// Only far-end sound says anything about the echo's delay: silence
	// (and -80 dBFS of noise) is left out.
	if refE < float64(d.block)*30*30 {
		return
	}
	d.updates++
	for i, v := range h {
		d.sq[i+1] = d.sq[i] + float64(v)*float64(v)
	}
	m := d.m[:0]
	for _, v := range mic[:d.block] {
		m = append(m, float32(v))
	}
	d.m = m
	for l := 0; l <= d.maxLag; l++ {
		r := h[d.maxLag-l : d.maxLag-l+d.block]
		var c float32
		for i, x := range m {
			c += x * r[i]
		}
		d.acc[l] = d.decay*d.acc[l] + float64(c)
		d.eng[l] = d.decay*d.eng[l] + d.sq[d.maxLag-l+d.block] - d.sq[d.maxLag-l]
	}
	d.micE = d.decay*d.micE + micE
}

// estimate returns the delay of the echo's onset in samples and the
// squared normalised correlation at the peak (0..1; the share of the
// microphone's energy that the reference at that lag explains). The onset
// is the earliest lag within a few milliseconds before the peak that
// reaches half of it: in a room the strongest reflection can follow the
// direct sound, and the adaptive filter must start at or before the latter.
func (d *delayEstimator) estimate() (lag int, score float64) {
	if d.micE == 0 {
		return 0, 0
	}
	if d.score == nil {
		d.score = make([]float64, d.maxLag+1)
	}
	s := d.score
	best := 0
	for l := range s {
		if d.eng[l] > 0 {
			s[l] = d.acc[l] * d.acc[l] / (d.eng[l] * d.micE)
		}
		if s[l] > s[best] {
			best = l
		}
	}
	onset := best
	for l := best - 1; l >= max(0, best-d.block); l-- {
		if s[l] >= s[best]/2 {
			onset = l
		}
	}
	return onset, s[best]
}

// aligned puts a delay estimator in front of an adaptive echo canceller:
// the reference is delayed by the echo's estimated bulk delay (less a
// guard), so that the filter's taps model the room rather than the
// playback buffer and the way to the microphone. Until an estimate is sure
// the reference passes undelayed, as without the estimator. A new delay is
// taken only when three checks in a row (300 ms) agree on it, and restarts
// the filter, whose taps would otherwise sit at the wrong lags.
type aligned struct {
	inner          echoCanceller
	frame, ratio   int // samples per frame at the canceller's rate; to 2 kHz
	guard, maxLag  int // at the canceller's rate
	est            *delayEstimator
	micLow, refLow *resampler
	lowMic, lowRef []int16
	hist           []int16 // reference: maxLag+frame samples, newest last
	shift          int     // the delay applied, at the canceller's rate
	slack          int     // how much later than the guard the onset may drift
	pending, agree int
	blocks         int
}

const (
	delayEstRate  = 2000
	delayMax      = 320 // ms the estimator searches
	delayGuard    = 10  // ms of the filter kept before the estimated onset
	delayMinScore = 0.05
)

// newAligned wraps inner, an adaptive filter tail samples long at rate.
func newAligned(inner echoCanceller, rate, tail int) *aligned {
	a := &aligned{
		inner: inner, frame: rate / 100, ratio: rate / delayEstRate, slack: tail / 4,
		guard: delayGuard * rate / 1000, maxLag: delayMax * rate / 1000,
		est:    newDelayEstimator(delayMax*delayEstRate/1000, delayEstRate/100, 100),
		micLow: newResampler(rate, delayEstRate), refLow: newResampler(rate, delayEstRate),
	}
	a.hist = make([]int16, a.maxLag+a.frame)
	return a
}

func (a *aligned) process(mic, ref, out []int16) {
	copy(a.hist, a.hist[a.frame:])
	copy(a.hist[a.maxLag:], ref[:a.frame])
	a.lowMic = a.micLow.process(a.lowMic, mic[:a.frame])
	a.lowRef = a.refLow.process(a.lowRef, ref[:a.frame])
	b := a.est.block
	for len(a.lowMic) >= b && len(a.lowRef) >= b {
		a.est.add(a.lowMic[:b], a.lowRef[:b])
		a.lowMic = a.lowMic[:copy(a.lowMic, a.lowMic[b:])]
		a.lowRef = a.lowRef[:copy(a.lowRef, a.lowRef[b:])]
		a.blocks++
		if a.blocks%10 == 0 {
			a.check()
		}
	}
	end := len(a.hist) - a.shift
	a.inner.process(mic, a.hist[end-a.frame:end], out)
}

// check takes a new delay when the estimator is sure of it and the echo's
// onset lies outside the window the filter covers well: from half the
// guard after the shift (from 0 while unshifted) to a quarter of the filter
// past the guard. The estimate wanders by a millisecond or two and every
// change restarts the filter, so a shift stays while the onset is inside.
func (a *aligned) check() {
	if a.est.updates < 50 {
		return
	}
	lag, score := a.est.estimate()
	if score < delayMinScore {
		a.agree = 0
		return
	}
	onset := lag * a.ratio
	lo := a.shift + a.guard/2
	if a.shift == 0 {
		lo = 0 // an echo close enough to the filter's start needs no shift
	}
	if onset >= lo && onset <= a.shift+a.guard+a.slack {
		a.agree = 0
		return
	}
	want := max(0, onset-a.guard)
	if a.agree > 0 && abs(want-a.pending) <= 2*a.ratio {
		a.agree++
	} else {
		a.pending, a.agree = want, 1
	}
	if a.agree >= 3 {
		a.shift, a.agree = a.pending, 0
		a.inner.reset()
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (a *aligned) reset() {
	a.inner.reset()
}

func (a *aligned) close() { a.inner.close() }
