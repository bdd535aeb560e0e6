package device

import "math"

// tone generates the synthetic source's audio: a sine beep, on for beepOn
// samples out of every period samples, so a listener hears short regular beeps
// (a test signal, not a drone) and silence between them is visible in levels.
type tone struct {
	hz         float64
	rate       int
	n          int // samples generated so far
	onSamples  int
	period     int
	amplitude  float64
	rampLength int // fade in and out to avoid clicks
}

func newTone(hz float64, rate int) *tone {
	return &tone{
		hz: hz, rate: rate,
		onSamples:  rate / 5, // 200 ms beep
		period:     rate,     // every second
		amplitude:  0.3 * math.MaxInt16,
		rampLength: rate / 200, // 5 ms
	}
}

// fill writes the next len(buf) mono samples.
func (t *tone) fill(buf []int16) {
	for i := range buf {
		pos := t.n % t.period
		var v float64
		if pos < t.onSamples {
			gain := 1.0
			if pos < t.rampLength {
				gain = float64(pos) / float64(t.rampLength)
			} else if rest := t.onSamples - pos; rest < t.rampLength {
				gain = float64(rest) / float64(t.rampLength)
			}
			v = gain * t.amplitude * math.Sin(2*math.Pi*t.hz*float64(t.n)/float64(t.rate))
		}
		buf[i] = int16(v)
		t.n++
	}
}
