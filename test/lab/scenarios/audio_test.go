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
		rate, period, periods = 48000, 960, 8 // 20 ms periods, as Opus frames; 160 ms buffer
		tone, amp             = 1000.0, 0.5
		window                = rate / 10 // 100 ms: 100 whole cycles of the tone
		windows               = 4
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
	var underruns int
	go func() { played <- playTone(play, tone, amp, 5*time.Second, stop, &underruns) }()
	defer func() {
		close(stop)
		if err := <-played; err != nil {
			t.Errorf("playback: %v", err)
		}
	}()

	// Record until the tone has started and the windows are in.
	var got []int16
	buf := make([]int16, period)
	onset, overruns := -1, 0
	start := time.Now()
	err := waitFor(20*time.Second, func() (bool, error) {
		n, xrun, err := rec.xfer(sndrvPcmIoctlReadi, buf)
		if err != nil {
			return false, err
		}
		if xrun {
			overruns++
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
		return onset >= 0 && len(got) >= onset+period+windows*window, nil
	})
	if err != nil {
		t.Fatalf("recording: %v (%d frames, tone onset %d)", err, len(got), onset)
	}
	t.Logf("recorded %d frames in %s; the tone starts at frame %d (%.0f ms)", len(got), time.Since(start).Round(time.Millisecond), onset, float64(onset)*1000/rate)

	// Measure whole windows from one period past the onset. A starved VM
	// (TCG on a busy host) can underrun the playback and leave a gap of
	// silence in a window: one clean window proves the path, and every
	// window is logged with the xrun counts.
	clean := 0
	for w := range windows {
		x := make([]float64, window)
		for i := range x {
			x[i] = float64(got[onset+period+w*window+i]) / 32768
		}
		on := goertzelAmplitude(x, tone, rate)
		below, above := goertzelAmplitude(x, tone*0.7, rate), goertzelAmplitude(x, tone*1.4, rate)
		ok := math.Abs(on-amp) <= 0.05 && below < 0.01 && above < 0.01
		if ok {
			clean++
		}
		t.Logf("window %d: amplitude at %.0f Hz %.3f (played %.2f), at %.0f Hz %.4f, at %.0f Hz %.4f, clean %v", w, tone, on, amp, tone*0.7, below, tone*1.4, above, ok)
	}
	t.Logf("%d of %d windows clean; playback underruns %d, capture overruns %d", clean, windows, underruns, overruns)
	if clean == 0 {
		t.Errorf("no window holds the %.0f Hz tone at amplitude %.2f ± 0.05 with nothing off-tone", tone, amp)
	}
}

// playTone writes a sine tone to p until it has played for d or stop
// closes, counting recovered underruns.
func playTone(p *pcm, freq, amp float64, d time.Duration, stop <-chan struct{}, underruns *int) error {
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
		n, xrun, err := p.xfer(sndrvPcmIoctlWritei, buf[len(buf)-pending:])
		if err != nil {
			return err
		}
		if xrun {
			*underruns++
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
