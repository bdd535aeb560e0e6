package scenarios

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// TestAudioLoopback plays a 1 kHz tone into snd-aloop's playback side and
// finds it, by Goertzel, in what the paired capture side records: the ALSA
// PCM ioctl path a door station's speaker and microphone take, on a real
// kernel with no sound hardware. snd-aloop cables playback device 0
// substream N to capture device 1 substream N.
func TestAudioLoopback(t *testing.T) {
	labOnly(t)
	const (
		rate, period, periods = 48000, 960, 4 // 20 ms periods, as Opus frames
		tone, amp             = 1000.0, 0.5
		window                = rate / 10 // 100 ms: 100 whole cycles of the tone
	)
	card := loopbackCard(t)
	play := openPCM(t, card, 0, 'p', rate, period, periods)
	rec := openPCM(t, card, 1, 'c', rate, period, periods)
	if play.rate != rate || rec.rate != rate {
		t.Fatalf("rates %d/%d, want %d", play.rate, rec.rate, rate)
	}
	if err := ioctl(rec.fd, sndrvPcmIoctlStart, nil); err != nil {
		t.Fatalf("%s START: %v", rec.path, err)
	}

	stop := make(chan struct{})
	played := make(chan error, 1)
	go func() { played <- playTone(play, tone, amp, 3*time.Second, stop) }()
	defer func() {
		close(stop)
		if err := <-played; err != nil {
			t.Errorf("playback: %v", err)
		}
	}()

	// Record until the tone has started and a full window of it is in.
	var got []int16
	buf := make([]int16, period)
	onset := -1
	start := time.Now()
	err := waitFor(10*time.Second, func() (bool, error) {
		n, err := rec.xfer(sndrvPcmIoctlReadi, buf)
		if err != nil {
			return false, err
		}
		got = append(got, buf[:n]...)
		if onset < 0 {
			for i, v := range got {
				if v > 1000 || v < -1000 {
					onset = i
					break
				}
			}
		}
		return onset >= 0 && len(got) >= onset+period+window, nil
	})
	if err != nil {
		t.Fatalf("recording: %v (%d frames, tone onset %d)", err, len(got), onset)
	}
	t.Logf("recorded %d frames in %s; the tone starts at frame %d (%.0f ms)", len(got), time.Since(start).Round(time.Millisecond), onset, float64(onset)*1000/rate)

	// Skip one period past the onset, then measure a whole window.
	x := make([]float64, window)
	for i := range x {
		x[i] = float64(got[onset+period+i]) / 32768
	}
	at := func(f float64) float64 { return goertzelAmplitude(x, f, rate) }
	on, below, above := at(tone), at(tone*0.7), at(tone*1.4)
	t.Logf("amplitude at %.0f Hz %.3f (played %.2f), at %.0f Hz %.4f, at %.0f Hz %.4f", tone, on, amp, tone*0.7, below, tone*1.4, above)
	if math.Abs(on-amp) > 0.05 {
		t.Errorf("tone amplitude %.3f, want %.2f ± 0.05", on, amp)
	}
	if below > 0.01 || above > 0.01 {
		t.Errorf("energy off the tone: %.4f below, %.4f above, want < 0.01", below, above)
	}
}

// playTone writes a sine tone to p until it has played for d or stop closes.
func playTone(p *pcm, freq, amp float64, d time.Duration, stop <-chan struct{}) error {
	total := int(d.Seconds() * float64(p.rate))
	buf := make([]int16, p.period)
	phase := 0.0
	step := 2 * math.Pi * freq / float64(p.rate)
	pending := 0 // frames of buf not yet written
	for written := 0; written < total; {
		select {
		case <-stop:
			return nil
		default:
		}
		if pending == 0 {
			for i := range buf {
				buf[i] = int16(math.Round(amp * 32767 * math.Sin(phase)))
				phase += step
			}
			pending = len(buf)
		}
		n, err := p.xfer(sndrvPcmIoctlWritei, buf[len(buf)-pending:])
		if err != nil {
			return err
		}
		if n == 0 {
			time.Sleep(2 * time.Millisecond)
			continue
		}
		pending -= n
		written += n
	}
	return nil
}

// goertzelAmplitude is the amplitude of the freq component of x (a sine of
// amplitude A whose whole cycles fill x gives A).
func goertzelAmplitude(x []float64, freq, rate float64) float64 {
	k := 2 * math.Cos(2*math.Pi*freq/rate)
	var s1, s2 float64
	for _, v := range x {
		s1, s2 = v+k*s1-s2, s1
	}
	power := s1*s1 + s2*s2 - k*s1*s2
	return 2 * math.Sqrt(math.Max(power, 0)) / float64(len(x))
}

func TestGoertzel(t *testing.T) {
	const rate, n = 48000, 4800
	x := make([]float64, n)
	for i := range x {
		x[i] = 0.5*math.Sin(2*math.Pi*1000*float64(i)/rate) + 0.1*math.Sin(2*math.Pi*3000*float64(i)/rate)
	}
	for _, c := range []struct{ f, want float64 }{{1000, 0.5}, {3000, 0.1}, {700, 0}, {1400, 0}} {
		if got := goertzelAmplitude(x, c.f, rate); math.Abs(got-c.want) > 1e-3 {
			t.Errorf("%s: %.4f, want %.2f", fmt.Sprint(c.f, " Hz"), got, c.want)
		}
	}
}
