package device

// aecRate16 is the rate the speex canceller runs at: speech at a door needs
// no more than 8 kHz of bandwidth, and the adaptive filter costs about a
// third of what it does at 48 kHz (its work grows with the samples in the
// tail) and converges faster on the band that carries the echo's energy.
const aecRate16 = 16000

// decimated runs an echo canceller at a lower rate than the 48 kHz pipeline:
// the microphone and the reference are resampled down, cancelled frame by
// frame, and the result resampled back up. Zeros are primed into the queues
// so that every 10 ms in gives 10 ms out from the first frame on: the added
// delay is only the two resamplers' kernels (about 2 ms).
type decimated struct {
	inner               echoCanceller
	frame               int // at the low rate
	micDown, refDown    *resampler
	up                  *resampler
	mic, ref, low, high []int16
}

func newDecimated(inner echoCanceller, rate int) *decimated {
	d := &decimated{
		inner: inner, frame: rate / 100,
		micDown: newResampler(audioRate, rate), refDown: newResampler(audioRate, rate),
		up: newResampler(rate, audioRate),
	}
	d.low = make([]int16, d.frame)
	// How much a fresh resampler holds back on its first frame is what the
	// queues start with.
	down := len(newResampler(audioRate, rate).process(nil, make([]int16, aecFrame)))
	up := len(newResampler(rate, audioRate).process(nil, make([]int16, d.frame)))
	d.mic = make([]int16, max(0, d.frame-down), 2*d.frame)
	d.ref = make([]int16, max(0, d.frame-down), 2*d.frame)
	d.high = make([]int16, max(0, aecFrame-up), 2*aecFrame)
	return d
}

func (d *decimated) process(mic, ref, out []int16) {
	d.mic = d.micDown.process(d.mic, mic)
	d.ref = d.refDown.process(d.ref, ref)
	for len(d.mic) >= d.frame && len(d.ref) >= d.frame {
		d.inner.process(d.mic[:d.frame], d.ref[:d.frame], d.low)
		d.high = d.up.process(d.high, d.low)
		d.mic = d.mic[:copy(d.mic, d.mic[d.frame:])]
		d.ref = d.ref[:copy(d.ref, d.ref[d.frame:])]
	}
	n := copy(out, d.high)
	clear(out[n:]) // never after the start: the queues are primed
	d.high = d.high[:copy(d.high, d.high[n:])]
}

func (d *decimated) reset() { d.inner.reset() }
func (d *decimated) close() { d.inner.close() }
