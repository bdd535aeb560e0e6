package webrtcpeer

import (
	"errors"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// toneSource sends a continuous sine through a device.SharedAudioTrack, 20 ms
// every 20 ms, as device.Audio does with its microphone. Its Opus encoder
// only counts calls: the test's calls negotiate G.711, so it must not run.
type toneSource struct {
	track     *device.SharedAudioTrack
	hz, amp   float64
	opusCalls atomic.Int64
	frames    atomic.Uint64
	stop      chan struct{}
	wg        sync.WaitGroup
}

func newToneSource(t *testing.T, hz, amp float64) *toneSource {
	t.Helper()
	tr, err := device.NewSharedAudioTrack("audio", "tone", nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &toneSource{track: tr, hz: hz, amp: amp, stop: make(chan struct{})}
	s.wg.Add(1)
	go s.run()
	return s
}

func (s *toneSource) run() {
	defer s.wg.Done()
	tk := time.NewTicker(20 * time.Millisecond)
	defer tk.Stop()
	pcm := make([]int16, 960)
	n := 0
	for {
		select {
		case <-s.stop:
			return
		case <-tk.C:
		}
		for i := range pcm {
			pcm[i] = int16(s.amp * math.Sin(2*math.Pi*s.hz*float64(n)/48000))
			n++
		}
		_ = s.track.WriteFrame(pcm, func([]int16) ([]byte, error) {
			s.opusCalls.Add(1)
			return nil, errors.New("toneSource has no Opus encoder")
		})
		s.frames.Add(1)
	}
}

func (s *toneSource) AudioTrack() webrtc.TrackLocal { return s.track }
func (s *toneSource) VideoTrack() webrtc.TrackLocal { return nil }
func (s *toneSource) RequestKeyframe()              {}
func (s *toneSource) SentCounts() (uint64, uint64)  { return s.frames.Load(), 0 }
func (s *toneSource) Close()                        { close(s.stop); s.wg.Wait() }

// g711Station is one side of a G.711 call: a tone source and a sink that
// records what arrives.
type g711Station struct {
	src  *toneSource
	sink *recordingSink
	ep   *endpoint
}

func newG711Station(t *testing.T, name string, hz float64, codecs []string) *g711Station {
	st := &g711Station{src: newToneSource(t, hz, 0.3*32767), sink: &recordingSink{}}
	cfg := loopbackConfig(st.src)
	cfg.AudioCodecs = codecs
	cfg.AudioSink = func(_, mime string, rate uint32) (Sink, error) {
		st.sink.mime, st.sink.rate = mime, rate
		return st.sink, nil
	}
	st.ep = newEndpoint(t, newFactory(t, cfg), name, call.Constraints{Audio: true})
	return st
}

// checkTone decodes the µ-law the station received and finds hz in it at
// the level sent (0.3 of full scale, -13.5 dBFS RMS).
func (st *g711Station) checkTone(t *testing.T, hz float64) {
	t.Helper()
	st.sink.mu.Lock()
	defer st.sink.mu.Unlock()
	if !strings.EqualFold(st.sink.mime, webrtc.MimeTypePCMU) || st.sink.rate != 8000 {
		t.Fatalf("%s received %s/%d; want audio/PCMU/8000", st.ep.peer.opts.CallID, st.sink.mime, st.sink.rate)
	}
	var pcm []int16
	for _, p := range st.sink.payloads {
		if len(p) != 160 {
			t.Fatalf("%s received a %d-byte PCMU payload; want 160 (20 ms)", st.ep.peer.opts.CallID, len(p))
		}
		pcm = device.DecodeULaw(pcm, p)
	}
	mid := pcm[len(pcm)/4 : len(pcm)*3/4]
	if p := goertzelShare(mid, 8000, hz); p < 0.9 {
		t.Errorf("%s: received audio holds %.2f of its power at %.0f Hz; want >= 0.9", st.ep.peer.opts.CallID, p, hz)
	}
	var e float64
	for _, v := range mid {
		e += float64(v) * float64(v)
	}
	rmsDB := 10 * math.Log10(e/float64(len(mid))/(32768*32768))
	if want := 20 * math.Log10(0.3/math.Sqrt2); math.Abs(rmsDB-want) > 1 {
		t.Errorf("%s: received the tone at %.1f dBFS; sent at %.1f dBFS", st.ep.peer.opts.CallID, rmsDB, want)
	}
}

// TestG711BothWaysWithPeerWithoutOpus: a peer that registers only PCMU (a
// G.711 phone) calls a full intercomd peer, and is called by one. Each side
// sends a tone; each receives the other's in PCMU at its pitch and level,
// and the full peer never runs its Opus encoder for that call.
func TestG711BothWaysWithPeerWithoutOpus(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, pcmuOffers := range []bool{false, true} {
		name := map[bool]string{false: "full peer offers", true: "PCMU-only peer offers"}[pcmuOffers]
		t.Run(name, func(t *testing.T) {
			full := newG711Station(t, "full", 1000, nil)
			phone := newG711Station(t, "phone", 600, []string{"PCMU"})
			defer full.src.Close()
			defer phone.src.Close()
			wire(full.ep, phone.ep)
			if pcmuOffers {
				negotiate(t, phone.ep, full.ep)
			} else {
				negotiate(t, full.ep, phone.ep)
			}
			full.ep.waitConnected(5 * time.Second)
			phone.ep.waitConnected(5 * time.Second)
			eventually(t, 10*time.Second, "1 s of audio both ways", func() bool {
				a, _ := full.sink.snapshot()
				b, _ := phone.sink.snapshot()
				return a >= 50 && b >= 50
			})
			if opus, g711 := full.src.track.BoundWith(); opus != 0 || g711 != 1 {
				t.Errorf("full peer's track bound %d Opus, %d G.711; want 0 and 1", opus, g711)
			}
			full.ep.close()
			phone.ep.close()
			if n := full.src.opusCalls.Load() + phone.src.opusCalls.Load(); n != 0 {
				t.Errorf("Opus encoded %d times for a G.711 call", n)
			}
			phone.checkTone(t, 1000)
			full.checkTone(t, 600)
		})
	}
}

// TestAudioCodecsValidate: unknown and repeated codec names are refused
// with the names that work.
func TestAudioCodecsValidate(t *testing.T) {
	for _, c := range []struct {
		codecs []string
		err    string
	}{
		{nil, ""},
		{[]string{"PCMU"}, ""},
		{[]string{"pcma", "Opus"}, ""},
		{[]string{"G722"}, "use opus, PCMU or PCMA"},
		{[]string{"PCMU", "pcmu"}, "listed twice"},
	} {
		err := Config{AudioCodecs: c.codecs}.Validate()
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("AudioCodecs %q: error %v; want %q", c.codecs, err, c.err)
		}
	}
}

// TestSyntheticBeepReachesAPeerWithoutOpus: the synthetic source (no
// microphone, CI, the README's first command) beeps in G.711 to a peer that
// has only PCMU, as a real microphone does.
func TestSyntheticBeepReachesAPeerWithoutOpus(t *testing.T) {
	defer goleak.VerifyNone(t)
	syn, err := device.NewSynthetic(device.SyntheticConfig{NoVideo: true, StreamID: "door"})
	if err != nil {
		t.Fatal(err)
	}
	defer syn.Close()
	door := newEndpoint(t, newFactory(t, loopbackConfig(syn)), "door", call.Constraints{Audio: true})
	phone := newG711Station(t, "phone", 600, []string{"PCMU"})
	defer phone.src.Close()
	wire(door, phone.ep)
	negotiate(t, door, phone.ep)
	door.waitConnected(5 * time.Second)
	phone.ep.waitConnected(5 * time.Second)
	eventually(t, 10*time.Second, "1 s of the door's beep", func() bool {
		n, _ := phone.sink.snapshot()
		return n >= 50
	})
	door.close()
	phone.ep.close()
	phone.sink.mu.Lock()
	defer phone.sink.mu.Unlock()
	if !strings.EqualFold(phone.sink.mime, webrtc.MimeTypePCMU) {
		t.Fatalf("the phone received %s, want PCMU", phone.sink.mime)
	}
	var pcm []int16
	for _, p := range phone.sink.payloads {
		pcm = device.DecodeULaw(pcm, p)
	}
	var peak int16
	for _, v := range pcm {
		peak = max(peak, v, -v)
	}
	if peak < 1000 {
		t.Fatalf("the phone received %d samples of near silence (peak %d): no beep", len(pcm), peak)
	}
}
