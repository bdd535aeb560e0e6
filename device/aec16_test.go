package device

import "testing"

// TestDecimatedIsTransparent: the 16 kHz wrapper around a canceller that
// changes nothing gives back speech-band audio as it came, a fixed 2 ms or
// less later, 10 ms for every 10 ms from the first frame on.
func TestDecimatedIsTransparent(t *testing.T) {
	d := newDecimated(passThrough{}, aecRate16)
	defer d.close()
	in := sine(audioRate, audioRate, 1000, 8000)
	for i, v := range sine(audioRate, audioRate, 3100, 4000) {
		in[i] += v
	}
	out := make([]int16, len(in))
	ref := make([]int16, aecFrame)
	for i := 0; i+aecFrame <= len(in); i += aecFrame {
		d.process(in[i:i+aecFrame], ref, out[i:i+aecFrame])
		if i > 0 && rms(out[i:i+aecFrame]) < 1000 {
			t.Fatalf("frame %d came out silent: the queues ran dry", i/aecFrame)
		}
	}
	snr, lag := bestLagSNR(in, out, aecFrame, 3*audioRate/1000)
	if snr < 40 || lag > audioRate/500 {
		t.Errorf("out matches in with SNR %.1f dB at a lag of %d samples; want >= 40 dB within 2 ms", snr, lag)
	}
	t.Logf("delay %d samples (%.2f ms), SNR %.1f dB", lag, float64(lag)*1000/audioRate, snr)
}
