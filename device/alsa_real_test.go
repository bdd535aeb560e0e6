//go:build linux

package device

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"
)

// loopbackCard returns the snd-aloop card number from
// INTERCOMD_ALSA_LOOPBACK_CARD, or skips. The lab loads snd-aloop in a real
// kernel and runs this test from a CGO_ENABLED=0 test binary.
func loopbackCard(t *testing.T) int {
	v := os.Getenv("INTERCOMD_ALSA_LOOPBACK_CARD")
	if v == "" {
		t.Skip("INTERCOMD_ALSA_LOOPBACK_CARD not set: needs snd-aloop (modprobe snd-aloop) and its card number")
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("INTERCOMD_ALSA_LOOPBACK_CARD=%q: want a card number", v)
	}
	return n
}

// captureTone records d of capture from name and returns it as mono samples
// at the device's rate, with the rate.
func captureTone(t *testing.T, d AudioDevices, name string, dur time.Duration, started chan<- struct{}) ([]int16, int) {
	t.Helper()
	pc, err := d.Resolve(name, true)
	if err != nil {
		t.Error(err)
		close(started)
		return nil, 0
	}
	s, err := openALSA(pc, true, pcmParams{rate: 48000, channels: 1, period: 480, buffer: 1920})
	if err != nil {
		t.Error(err)
		close(started)
		return nil, 0
	}
	defer s.close()
	p := s.params()
	t.Logf("capture %s: %v", name, p)
	close(started)
	buf := make([]int16, p.period*p.channels)
	var out []int16
	deadline := time.Now().Add(dur)
	for time.Now().Before(deadline) {
		n, err := s.read(buf)
		if err != nil {
			t.Error(err)
			return out, p.rate
		}
		out = downmix(out, buf[:n*p.channels], p.channels)
	}
	return out, p.rate
}

// TestRealALSALoopback plays a 1 kHz tone into snd-aloop's hw:N,0 and
// detects it (Goertzel) on hw:N,1 capture — first with the raw PCM code both
// ways, then through intercomd's playback path: a call's PCMU packets, the
// jitter buffer, the decoder, the resampler and the speaker loop.
func TestRealALSALoopback(t *testing.T) {
	card := loopbackCard(t)
	d := ProbeAudio()
	t.Logf("devices:\n%s", d)
	play, rec := fmt.Sprintf("hw:%d,0", card), fmt.Sprintf("hw:%d,1", card)
	if _, err := d.Resolve(play, false); err != nil {
		t.Fatal(err)
	}

	t.Run("pcm", func(t *testing.T) {
		pc, _ := d.Resolve(play, false)
		out, err := openALSA(pc, false, pcmParams{rate: 48000, channels: 1, period: 480, buffer: 1920})
		if err != nil {
			t.Fatal(err)
		}
		defer out.close()
		t.Logf("playback %s: %v", play, out.params())
		p := out.params()
		started := make(chan struct{})
		var got []int16
		var rate int
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, rate = captureTone(t, d, rec, 1500*time.Millisecond, started)
		}()
		<-started
		tone := sine(p.rate*2, p.rate, 1000, 12000)
		for i := 0; i+p.period <= len(tone); i += p.period {
			if err := out.write(upmix(nil, tone[i:i+p.period], p.channels)); err != nil {
				t.Error(err)
				break
			}
		}
		wg.Wait()
		checkTone(t, got, rate, 1000)
	})

	t.Run("speaker", func(t *testing.T) {
		var errs []error
		var mu sync.Mutex
		a, err := NewAudio(AudioConfig{
			Capture: "none", Playback: play, EchoCancel: EchoCancelOff,
			OnError: func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() },
		})
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		started := make(chan struct{})
		var got []int16
		var rate int
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, rate = captureTone(t, d, rec, 1500*time.Millisecond, started)
		}()
		<-started
		sink, err := a.NewAudioSink("lab", "audio/PCMU", 8000)
		if err != nil {
			t.Fatal(err)
		}
		tone := EncodeULaw(nil, sine(8000*2, 8000, 1000, 12000))
		for seq := 0; (seq+1)*160 <= len(tone); seq++ {
			pkt := []byte{0x80, 0, byte(seq >> 8), byte(seq), 0, 0, 0, 0, 0, 0, 0, 7}
			sink.WriteRTP(append(pkt, tone[seq*160:(seq+1)*160]...))
			time.Sleep(20 * time.Millisecond)
		}
		wg.Wait()
		sink.Close()
		mu.Lock()
		if len(errs) > 0 {
			t.Errorf("audio errors: %v", errs)
		}
		mu.Unlock()
		checkTone(t, got, rate, 1000)
		t.Logf("stats: %+v", a.Stats())
	})
}

// checkTone asserts that the loudest 200 ms of x is a tone at hz.
func checkTone(t *testing.T, x []int16, rate int, hz float64) {
	t.Helper()
	win := rate / 5
	if len(x) < win {
		t.Fatalf("captured %d samples, want at least %d", len(x), win)
	}
	best, at := 0.0, 0
	for i := 0; i+win <= len(x); i += win / 4 {
		if e := power(x[i : i+win]); e > best {
			best, at = e, i
		}
	}
	share := goertzel(x[at:at+win], rate, hz)
	level := rms(x[at : at+win])
	t.Logf("loudest 200 ms: RMS %.0f, %.2f of its power at %g Hz", level, share, hz)
	if level < 1000 || share < 0.8 {
		t.Errorf("no %g Hz tone on the loopback capture (RMS %.0f, share %.2f)", hz, level, share)
	}
}
