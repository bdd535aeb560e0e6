//go:build cgo

package device

import (
	"math"
	"strings"
	"sync"
	"testing"
	"time"
)

// recoverLog records OnRecover calls.
type recoverLog struct {
	mu      sync.Mutex
	devices []string
}

func (l *recoverLog) add(d string) {
	l.mu.Lock()
	l.devices = append(l.devices, d)
	l.mu.Unlock()
}

func (l *recoverLog) get() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.devices, ", ")
}

// TestAudioVanishAndReturnCallbacks: unplugging the microphone mid-call
// calls OnError once with ErrAudioDeviceGone, plugging it back calls
// OnRecover once naming it, and then packets flow again; the same for the
// speaker. These are the two notifications the daemon turns into call events.
func TestAudioVanishAndReturnCallbacks(t *testing.T) {
	card := newFakeSoundCard()
	card.gen = func(i int) int16 { return int16(4000 * math.Sin(float64(i)/8)) }
	back := &recoverLog{}
	a, b, errs := newTestAudio(t, card, AudioConfig{Capture: "hw:1,0", Playback: "hw:1,0", OnRecover: back.add})
	if _, err := a.AudioTrack().Bind(b); err != nil {
		t.Fatal(err)
	}
	defer a.AudioTrack().Unbind(b)
	sink, err := a.NewAudioSink("c", "audio/PCMU", 8000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	eventually(t, "packets flowing", func() bool { return b.count() >= 5 })
	eventually(t, "the speaker playing", func() bool { return card.playedLen() >= 4800 })
	check := func(when string, gone int, wantBack string) {
		t.Helper()
		errs.mu.Lock()
		n := len(errs.errs)
		errs.mu.Unlock()
		if n != gone || errs.goneCount() != gone || back.get() != wantBack {
			t.Fatalf("%s: %d errors (%d gone), recovered %q; want %d gone, recovered %q", when, n, errs.goneCount(), back.get(), gone, wantBack)
		}
	}
	check("before any outage", 0, "")

	card.setGone(true, true)
	eventually(t, "the microphone reported gone", func() bool { return errs.goneCount() >= 1 })
	time.Sleep(100 * time.Millisecond) // several retries while gone
	check("microphone unplugged", 1, "")
	sent := b.count()
	card.setGone(true, false)
	eventually(t, "capture resuming", func() bool { return b.count() >= sent+5 })
	check("microphone back", 1, "microphone hw:1,0")

	card.setGone(false, true)
	eventually(t, "the speaker reported gone", func() bool { return errs.goneCount() >= 2 })
	time.Sleep(100 * time.Millisecond)
	check("speaker unplugged", 2, "microphone hw:1,0")
	played := card.playedLen()
	card.setGone(false, false)
	eventually(t, "playback resuming", func() bool { return card.playedLen() >= played+4800 })
	check("speaker back", 2, "microphone hw:1,0, speaker hw:1,0")
}
