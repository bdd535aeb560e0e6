//go:build cgo

package device

import (
	"encoding/binary"
	"errors"
	"math"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
	"go.uber.org/goleak"
)

// payloadBinding is a fakeBinding that keeps the payloads written to it.
type payloadBinding struct {
	fakeBinding
	mu       sync.Mutex
	payloads [][]byte
}

func (b *payloadBinding) WriteStream() webrtc.TrackLocalWriter { return b }
func (b *payloadBinding) WriteRTP(h *rtp.Header, payload []byte) (int, error) {
	b.mu.Lock()
	b.payloads = append(b.payloads, append([]byte(nil), payload...))
	b.mu.Unlock()
	return len(payload), nil
}

func (b *payloadBinding) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.payloads)
}

func (b *payloadBinding) since(n int) [][]byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([][]byte(nil), b.payloads[min(n, len(b.payloads)):]...)
}

func newTestAudio(t *testing.T, card *fakeSoundCard, cfg AudioConfig) (*Audio, *payloadBinding, *errorLog) {
	t.Helper()
	errs := &errorLog{}
	cfg.open, cfg.devices, cfg.OnError = card.open, card.devices, errs.add
	cfg.backoff = 20 * time.Millisecond
	if cfg.Capture == "" {
		cfg.Capture = "hw:1,0"
	}
	if cfg.Playback == "" {
		cfg.Playback = "default"
	}
	a, err := NewAudio(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Cleanups run after the test's defers: close, then look for leaks.
	t.Cleanup(func() {
		a.Close()
		goleak.VerifyNone(t)
	})
	b := &payloadBinding{fakeBinding: fakeBinding{id: "a1", codec: webrtc.RTPCodecParameters{RTPCodecCapability: OpusCapability, PayloadType: 111}}}
	return a, b, errs
}

type errorLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *errorLog) add(err error) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
}

func (l *errorLog) goneCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, e := range l.errs {
		if errors.Is(e, ErrAudioDeviceGone) {
			n++
		}
	}
	return n
}

// decodePayloads decodes Opus payloads into 48 kHz PCM.
func decodePayloads(t *testing.T, payloads [][]byte) []int16 {
	t.Helper()
	dec, err := NewOpusDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	buf := make([]int16, opusMaxFrameSamples48k)
	var out []int16
	for _, p := range payloads {
		n, err := dec.Decode(p, buf)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, buf[:n]...)
	}
	return out
}

// rtpOpus wraps a payload as the RTP packet pion would hand webrtcpeer.
func rtpOpus(seq uint16, payload []byte) []byte {
	b := make([]byte, 12, 12+len(payload))
	b[0], b[1] = 0x80, 111
	binary.BigEndian.PutUint16(b[2:], seq)
	binary.BigEndian.PutUint32(b[4:], uint32(seq)*960)
	binary.BigEndian.PutUint32(b[8:], 42)
	return append(b, payload...)
}

// TestAudioEndToEnd sends a 1 kHz tone from a 44.1 kHz stereo microphone
// through capture, resampling, Opus and a call's sink to a 16 kHz speaker,
// and finds the tone at both ends.
func TestAudioEndToEnd(t *testing.T) {
	card := newFakeSoundCard()
	card.capRate, card.capChannels = 44100, 2
	card.playRate, card.playChannels = 16000, 2
	card.gen = func(i int) int16 { return int16(8000 * math.Sin(2*math.Pi*1000*float64(i)/44100)) }
	a, b, errs := newTestAudio(t, card, AudioConfig{EchoCancel: EchoCancelOff})

	time.Sleep(50 * time.Millisecond)
	if card.openCount(true) != 0 || card.openCount(false) != 0 {
		t.Fatal("devices opened with no call")
	}
	if _, err := a.AudioTrack().Bind(b); err != nil {
		t.Fatal(err)
	}
	eventually(t, "30 packets (0.6 s)", func() bool { return b.count() >= 30 })
	pcm := decodePayloads(t, b.since(0))
	if p := goertzel(pcm[len(pcm)/2:], audioRate, 1000); p < 0.8 {
		t.Errorf("sent audio holds %.2f of its power at 1 kHz; want >= 0.8", p)
	}

	sink, err := a.NewAudioSink("call-1", "audio/opus", 48000)
	if err != nil {
		t.Fatal(err)
	}
	// The far end's packets arrive in real time, 20 ms apart.
	for i, p := range b.since(0)[:30] {
		if err := sink.WriteRTP(rtpOpus(uint16(i), p)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	played := card.playedSince(0)
	if len(played) < 16000*4/10 {
		t.Fatalf("played %d samples in 0.6 s at 16 kHz", len(played))
	}
	if p := goertzel(played[len(played)/4:len(played)*3/4], 16000, 1000); p < 0.8 {
		t.Errorf("played audio holds %.2f of its power at 1 kHz; want >= 0.8 (rms %.0f)", p, rms(played))
	}
	sink.Close()
	eventually(t, "the speaker closing after the last call", func() bool {
		card.mu.Lock()
		defer card.mu.Unlock()
		for _, s := range card.streams {
			if !s.capture && !s.closed.Load() {
				return false
			}
		}
		return true
	})
	if err := a.AudioTrack().Unbind(b); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if st := a.Stats(); st.PacketsSent < 30 || st.Jitter.Played == 0 || errs.goneCount() != 0 {
		t.Errorf("stats %+v, errors %v", st, errs.errs)
	}
}

// TestAudioMute: a muted microphone sends silence; a muted speaker plays it.
func TestAudioMute(t *testing.T) {
	card := newFakeSoundCard()
	card.gen = func(i int) int16 { return int16(8000 * math.Sin(2*math.Pi*440*float64(i)/48000)) }
	a, b, _ := newTestAudio(t, card, AudioConfig{Mute: true, SpeakerMute: true})
	if !a.MicMuted() || !a.SpeakerMuted() {
		t.Fatal("Mute and SpeakerMute not applied")
	}
	if _, err := a.AudioTrack().Bind(b); err != nil {
		t.Fatal(err)
	}
	eventually(t, "10 packets", func() bool { return b.count() >= 10 })
	if r := rms(decodePayloads(t, b.since(0))); r > 10 {
		t.Errorf("muted microphone sent RMS %.1f; want silence", r)
	}
	a.SetMicMuted(false)
	n := b.count()
	eventually(t, "10 more packets", func() bool { return b.count() >= n+10 })
	if r := rms(decodePayloads(t, b.since(n))); r < 1000 {
		t.Errorf("unmuted microphone sent RMS %.1f; want the tone", r)
	}

	sink, err := a.NewAudioSink("c", "audio/opus", 48000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	for i, p := range b.since(n)[:10] {
		sink.WriteRTP(rtpOpus(uint16(i), p))
		time.Sleep(20 * time.Millisecond)
	}
	if r := rms(card.playedSince(0)); r != 0 {
		t.Errorf("muted speaker played RMS %.1f", r)
	}
}

// TestAudioDeviceVanishes unplugs the microphone during a call: the error is
// reported once, the speaker plays on, and capture resumes when the card
// returns. Then the same for the speaker.
func TestAudioDeviceVanishes(t *testing.T) {
	card := newFakeSoundCard()
	card.gen = func(i int) int16 { return int16(4000 * math.Sin(float64(i)/8)) }
	a, b, errs := newTestAudio(t, card, AudioConfig{})
	if _, err := a.AudioTrack().Bind(b); err != nil {
		t.Fatal(err)
	}
	sink, err := a.NewAudioSink("c", "audio/PCMU", 8000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	var seq atomic.Uint32
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the far end: 20 ms of PCMU every 20 ms
		defer wg.Done()
		tk := time.NewTicker(20 * time.Millisecond)
		defer tk.Stop()
		payload := EncodeULaw(nil, sine(160, 8000, 500, 8000))
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				s := uint16(seq.Add(1))
				pkt := rtpOpus(s, payload)
				pkt[1] = 0
				sink.WriteRTP(pkt)
			}
		}
	}()
	defer func() { close(stop); wg.Wait() }()

	eventually(t, "packets flowing", func() bool { return b.count() >= 5 })
	eventually(t, "the speaker playing", func() bool { return card.playedLen() >= 4800 })

	card.setGone(true, true)
	eventually(t, "the capture outage reported", func() bool { return errs.goneCount() >= 1 })
	sent := b.count()
	played := card.playedLen()
	eventually(t, "the speaker playing on without the microphone", func() bool { return card.playedLen() >= played+4800 })
	time.Sleep(100 * time.Millisecond) // several retries
	if errs.goneCount() != 1 {
		t.Errorf("reported %d outages for one unplug; want 1", errs.goneCount())
	}
	if b.count() > sent+1 {
		t.Errorf("packets sent while the microphone was gone: %d", b.count()-sent)
	}
	card.setGone(true, false)
	eventually(t, "capture resuming", func() bool { return b.count() >= sent+10 })

	card.setGone(false, true)
	eventually(t, "the playback outage reported", func() bool { return errs.goneCount() >= 2 })
	sent = b.count()
	eventually(t, "the microphone sending on without the speaker", func() bool { return b.count() >= sent+10 })
	card.setGone(false, false)
	played = card.playedLen()
	eventually(t, "playback resuming", func() bool { return card.playedLen() >= played+4800 })
	st := a.Stats()
	if st.CaptureOutages != 1 || st.PlaybackOutages != 1 {
		t.Errorf("outages capture %d playback %d; want 1 and 1", st.CaptureOutages, st.PlaybackOutages)
	}
	if err := a.AudioTrack().Unbind(b); err != nil {
		t.Fatal(err)
	}
}
