package webrtcpeer

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pion/rtp"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// recordingSink is a Sink that keeps the payloads it is given.
type recordingSink struct {
	mu       sync.Mutex
	mime     string
	rate     uint32
	payloads [][]byte
	bad      int
	closed   bool
}

func (s *recordingSink) WriteRTP(b []byte) error {
	var p rtp.Packet
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := p.Unmarshal(b); err != nil {
		s.bad++
		return err
	}
	s.payloads = append(s.payloads, append([]byte(nil), p.Payload...))
	return nil
}

func (s *recordingSink) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	return nil
}

func (s *recordingSink) snapshot() (n int, closed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.payloads), s.closed
}

// TestRemoteAudioReachesTheSink: the synthetic source's 440 Hz beep, sent by
// one peer, arrives at the other's AudioSink as Opus that decodes to the
// tone at the level sent; the sink is closed when the call ends.
func TestRemoteAudioReachesTheSink(t *testing.T) {
	defer goleak.VerifyNone(t)
	src := newSource(t, device.SyntheticConfig{NoVideo: true})
	defer src.Close()
	sink := &recordingSink{}
	var calls []string
	var mu sync.Mutex
	cfgB := loopbackConfig(nil)
	cfgB.AudioSink = func(callID, mime string, rate uint32) (Sink, error) {
		mu.Lock()
		calls = append(calls, callID)
		mu.Unlock()
		sink.mime, sink.rate = mime, rate
		return sink, nil
	}
	a := newEndpoint(t, newFactory(t, loopbackConfig(src)), "a", call.Constraints{Audio: true})
	b := newEndpoint(t, newFactory(t, cfgB), "b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)
	eventually(t, 10*time.Second, "1.2 s of audio at the sink", func() bool { n, _ := sink.snapshot(); return n >= 60 })
	a.close()
	b.close()
	if _, closed := sink.snapshot(); !closed {
		t.Error("the sink was not closed when the call ended")
	}
	if len(calls) != 1 || calls[0] != "b" || !strings.EqualFold(sink.mime, "audio/opus") || sink.rate != 48000 {
		t.Fatalf("sink created for %v with %s/%d; want once for b with audio/opus/48000", calls, sink.mime, sink.rate)
	}
	dec, err := device.NewOpusDecoder()
	if err != nil {
		t.Skipf("no Opus decoder: %v", err)
	}
	defer dec.Close()
	buf := make([]int16, 5760)
	var pcm []int16
	for _, p := range sink.payloads {
		n, err := dec.Decode(p, buf)
		if err != nil {
			t.Fatal(err)
		}
		pcm = append(pcm, buf[:n]...)
	}
	// The beep is 200 ms on, 800 ms off, at 0.3 of full scale: find the
	// loudest 100 ms and check its pitch and level.
	const win = 4800
	best, at := 0.0, 0
	for i := 0; i+win <= len(pcm); i += win / 4 {
		var e float64
		for _, v := range pcm[i : i+win] {
			e += float64(v) * float64(v)
		}
		if e > best {
			best, at = e, i
		}
	}
	rmsDB := 10 * math.Log10(best/win/(32768*32768))
	want := 20 * math.Log10(0.3/math.Sqrt2)
	if math.Abs(rmsDB-want) > 3 {
		t.Errorf("received beep at %.1f dBFS; sent at %.1f dBFS", rmsDB, want)
	}
	if p := goertzelShare(pcm[at:at+win], 48000, 440); p < 0.8 {
		t.Errorf("received beep holds %.2f of its power at 440 Hz; want >= 0.8", p)
	}
}

// goertzelShare is the share of x's power at hz.
func goertzelShare(x []int16, rate int, hz float64) float64 {
	c := 2 * math.Cos(2*math.Pi*hz/float64(rate))
	var s1, s2, total float64
	for _, v := range x {
		f := float64(v)
		s1, s2 = f+c*s1-s2, s1
		total += f * f
	}
	return 2 * (s1*s1 + s2*s2 - c*s1*s2) / (float64(len(x)) * total)
}

// TestAudioSinkErrorIsReported: a sink that cannot be made is an error
// event; the call carries on and still counts the audio.
func TestAudioSinkErrorIsReported(t *testing.T) {
	defer goleak.VerifyNone(t)
	src := newSource(t, device.SyntheticConfig{NoVideo: true})
	defer src.Close()
	cfgB := loopbackConfig(nil)
	cfgB.AudioSink = func(string, string, uint32) (Sink, error) {
		return nil, errors.New("no speaker")
	}
	a := newEndpoint(t, newFactory(t, loopbackConfig(src)), "a", call.Constraints{Audio: true})
	b := newEndpoint(t, newFactory(t, cfgB), "b", call.Constraints{})
	errs := make(chan error, 4)
	b.onError = func(err error) { errs <- err }
	wire(a, b)
	negotiate(t, a, b)
	b.waitConnected(5 * time.Second)
	eventually(t, 5*time.Second, "audio counted", func() bool { return b.peer.Stats().AudioPacketsReceived >= 10 })
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "no speaker") {
			t.Errorf("error event %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("no error event for the failed sink")
	}
	a.close()
	b.close()
}
