//go:build cgo

package device

import (
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// alsaLikePCM models what latency a real ALSA device adds, which the paced
// fakeSoundCard does not: a capture period is handed over only once all of
// it has been recorded, and playback queues up to the hardware buffer (4
// periods), starts after 2 periods (intercomd's start threshold) and then
// drains in real time. It knows the wall-clock instant each sample passes
// the microphone or leaves the speaker.
type alsaLikePCM struct {
	p       pcmParams
	capture bool
	gen     func(i int) int16

	mu     sync.Mutex
	start  time.Time // capture: sample 0 at the microphone; playback: sample 0 at the speaker
	frames int       // moved so far
	played []int16
	// Playback: the most samples queued right after a write, and writes
	// that found the buffer had run dry.
	maxQueued, underruns int
}

func (f *alsaLikePCM) params() pcmParams { return f.p }

// at is when sample i passes: start must be set.
func (f *alsaLikePCM) at(i int) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.start.Add(time.Duration(i) * time.Second / time.Duration(f.p.rate))
}

func (f *alsaLikePCM) read(buf []int16) (int, error) {
	f.mu.Lock()
	if f.start.IsZero() {
		f.start = time.Now()
	}
	f.mu.Unlock()
	n := min(len(buf), f.p.period)
	time.Sleep(time.Until(f.at(f.frames + n))) // the period's last sample is in
	for i := range n {
		buf[i] = f.gen(f.frames + i)
	}
	f.frames += n
	return n, nil
}

func (f *alsaLikePCM) write(buf []int16) error {
	f.mu.Lock()
	now := time.Now()
	if !f.start.IsZero() && f.playedAt(now) > f.frames {
		f.underruns++ // ran dry: a gap in the sound (the timeline below ignores it)
	}
	if f.start.IsZero() && f.frames+len(buf) >= 2*f.p.period {
		// The start threshold: the first sample leaves once two periods are queued.
		f.start = now
	}
	f.frames += len(buf)
	f.played = append(f.played, buf...)
	start, queued := f.start, f.frames
	f.maxQueued = max(f.maxQueued, f.queuedAt(now))
	f.mu.Unlock()
	if start.IsZero() {
		return nil
	}
	// Wait for room: at most a buffer's worth may be queued.
	time.Sleep(time.Until(start.Add(time.Duration(queued-f.p.buffer) * time.Second / time.Duration(f.p.rate))))
	return nil
}

// playedAt is how many samples have left the speaker by t (start set).
func (f *alsaLikePCM) playedAt(t time.Time) int {
	return int(t.Sub(f.start) * time.Duration(f.p.rate) / time.Second)
}

// queuedAt is how many samples wait in the buffer at t.
func (f *alsaLikePCM) queuedAt(t time.Time) int {
	if f.start.IsZero() {
		return f.frames
	}
	return max(0, f.frames-f.playedAt(t))
}

func (f *alsaLikePCM) delay() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queuedAt(time.Now())
}

// waitQueued sleeps until the buffer has drained to frames, as poll with
// ALSA's avail_min does.
func (f *alsaLikePCM) waitQueued(frames int) error {
	f.mu.Lock()
	start, until := f.start, f.frames-frames
	f.mu.Unlock()
	if !start.IsZero() {
		time.Sleep(time.Until(start.Add(time.Duration(until) * time.Second / time.Duration(f.p.rate))))
	}
	return nil
}

// xruns reports the underruns, so that the playback loop lengthens its
// queue as it would after ALSA's.
func (f *alsaLikePCM) xruns() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.underruns
}

func (f *alsaLikePCM) close() error { return nil }

// forwardBinding hands every packet the track writes to a call's sink at
// once: a network with no delay between two stations.
type forwardBinding struct {
	fakeBinding
	sink *AudioSink
}

func (b *forwardBinding) WriteStream() webrtc.TrackLocalWriter { return b }
func (b *forwardBinding) WriteRTP(h *rtp.Header, payload []byte) (int, error) {
	pkt, err := (&rtp.Packet{Header: *h, Payload: payload}).Marshal()
	if err != nil {
		return 0, err
	}
	return len(payload), b.sink.WriteRTP(pkt)
}

// TestMouthToEarLatency measures the latency intercomd adds between one
// station's microphone and another's speaker, the network aside: capture
// period, 20 ms packets, Opus, the jitter buffer at its default target, the
// playback loop and a speaker buffer as ALSA keeps it. A 5 ms click every
// 500 ms goes in; the test reports when each comes out. It reports and does
// not assert the figure (timing on a shared machine); it fails only when the
// clicks do not come through.
func TestMouthToEarLatency(t *testing.T) {
	for _, jitter := range []time.Duration{40 * time.Millisecond, 20 * time.Millisecond} {
		t.Run(jitter.String(), func(t *testing.T) { measureMouthToEar(t, jitter) })
	}
}

func measureMouthToEar(t *testing.T, jitter time.Duration) {
	const (
		every = audioRate / 2
		first = audioRate / 4
		click = audioRate / 200
	)
	gen := func(i int) int16 {
		if i >= first && (i-first)%every < click {
			return int16(16000 * math.Sin(2*math.Pi*1000*float64(i)/audioRate))
		}
		return 0
	}
	var mic, spk *alsaLikePCM
	var mu sync.Mutex
	open := func(_ AudioPCM, capture bool, want pcmParams) (pcmStream, error) {
		f := &alsaLikePCM{p: want, capture: capture, gen: gen}
		mu.Lock()
		defer mu.Unlock()
		if capture {
			mic = f
		} else {
			spk = f
		}
		return f, nil
	}
	card := newFakeSoundCard()
	base := AudioConfig{EchoCancel: EchoCancelOff, Jitter: jitter}
	base.open, base.devices = open, card.devices
	sendCfg, playCfg := base, base
	sendCfg.Capture, sendCfg.Playback = "hw:1,0", "none"
	playCfg.Capture, playCfg.Playback = "none", "hw:1,0"
	sender, err := NewAudio(sendCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer sender.Close()
	player, err := NewAudio(playCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer player.Close()
	sink, err := player.NewAudioSink("c", "audio/opus", 48000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	b := &forwardBinding{fakeBinding: fakeBinding{id: "c", codec: opusParams}, sink: sink}
	if _, err := sender.AudioTrack().Bind(b); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	if err := sender.AudioTrack().Unbind(b); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	m, s := mic, spk
	mu.Unlock()
	if m == nil || s == nil {
		t.Fatal("a device was never opened")
	}
	s.mu.Lock()
	played, spkStart := slices.Clone(s.played), s.start
	maxQueued, underruns := s.maxQueued, s.underruns
	s.mu.Unlock()
	var lat []time.Duration
	for i := 0; i < len(played); i++ {
		if math.Abs(float64(played[i])) < 8000 {
			continue
		}
		// Onset of a click at the speaker; which click is the one whose
		// microphone instant is closest before it.
		out := spkStart.Add(time.Duration(i) * time.Second / audioRate)
		k := 0
		for ; m.at(first + (k+1)*every).Before(out); k++ {
		}
		lat = append(lat, out.Sub(m.at(first+k*every)))
		i += every / 2
	}
	if len(lat) < 3 {
		t.Fatalf("%d clicks came through in 3 s; want at least 3", len(lat))
	}
	lat = lat[1:] // the first one rides on the start-up
	slices.Sort(lat)
	t.Logf("jitter target %v: mouth-to-ear inside intercomd (both ends, no network): median %.1f ms, range %.1f–%.1f ms over %d clicks; speaker queue at most %.1f ms, %d underruns",
		jitter, ms(lat[len(lat)/2]), ms(lat[0]), ms(lat[len(lat)-1]), len(lat),
		float64(maxQueued)*1000/float64(s.p.rate), underruns)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
