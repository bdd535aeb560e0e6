package webrtcpeer

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// endpoint is one side of an in-test call: a Peer, the events it reports and
// the signaling shim that carries its candidates to the other side, holding
// them until that side has a remote description, as call.Client does.
type endpoint struct {
	t       testing.TB
	peer    *Peer
	events  chan call.PeerEvent
	dropped atomic.Int64
	other   *endpoint
	pumped  sync.WaitGroup

	connected     chan struct{}
	connectedOnce sync.Once
	connectedAt   atomic.Int64 // unix ns
	failed        atomic.Bool
	remoteClosed  chan struct{}
	lastState     atomic.Int32
	closedOnce    sync.Once
	tracksMu      sync.Mutex
	tracks        []call.RemoteTrack
	// onError, if set before wire, receives PeerEventError events.
	onError func(error)

	mu        sync.Mutex
	remoteSet bool
	pending   []call.Candidate
}

func newEndpoint(t testing.TB, f *Factory, callID string, send call.Constraints) *endpoint {
	t.Helper()
	e := &endpoint{t: t, events: make(chan call.PeerEvent, 512), connected: make(chan struct{}), remoteClosed: make(chan struct{})}
	p, err := f.newPeer(call.PeerOptions{CallID: callID, Send: send, OnEvent: func(ev call.PeerEvent) {
		select {
		case e.events <- ev:
		default:
			e.dropped.Add(1) // OnEvent must not block; a drop fails the test
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	e.peer = p
	return e
}

// wire connects two endpoints and starts their event pumps.
func wire(a, b *endpoint) {
	a.other, b.other = b, a
	for _, e := range []*endpoint{a, b} {
		e.pumped.Add(1)
		go e.pump()
	}
}

func (e *endpoint) pump() {
	defer e.pumped.Done()
	for ev := range e.events {
		switch ev.Type {
		case call.PeerEventCandidate:
			e.other.deliver(ev.Candidate)
		case call.PeerEventState:
			e.lastState.Store(int32(ev.State))
			switch ev.State {
			case call.PeerConnected:
				e.connectedOnce.Do(func() {
					e.connectedAt.Store(time.Now().UnixNano())
					close(e.connected)
				})
			case call.PeerFailed:
				e.failed.Store(true)
			case call.PeerClosed:
				e.closedOnce.Do(func() { close(e.remoteClosed) })
			}
		case call.PeerEventTrack:
			e.tracksMu.Lock()
			e.tracks = append(e.tracks, ev.Track)
			e.tracksMu.Unlock()
		case call.PeerEventError:
			if e.onError != nil {
				e.onError(ev.Err)
			}
		}
	}
}

// deliver hands a remote candidate to e's peer, or holds it until e has a
// remote description.
func (e *endpoint) deliver(c call.Candidate) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.remoteSet {
		e.pending = append(e.pending, c)
		return
	}
	if err := e.peer.AddCandidate(c); err != nil && !e.peer.isClosed() {
		e.t.Errorf("AddCandidate(%q): %v", c.Candidate, err)
	}
}

func (e *endpoint) setRemote() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.remoteSet = true
	for _, c := range e.pending {
		if err := e.peer.AddCandidate(c); err != nil {
			e.t.Errorf("AddCandidate(%q): %v", c.Candidate, err)
		}
	}
	e.pending = nil
}

// negotiate runs offer → answer between a (caller) and b (callee).
func negotiate(t testing.TB, a, b *endpoint) {
	t.Helper()
	offer, err := a.peer.Offer()
	if err != nil {
		t.Fatal("Offer:", err)
	}
	answer, err := b.peer.Answer(offer)
	if err != nil {
		t.Fatal("Answer:", err)
	}
	b.setRemote()
	if err := a.peer.SetAnswer(answer); err != nil {
		t.Fatal("SetAnswer:", err)
	}
	a.setRemote()
}

func (e *endpoint) waitConnected(d time.Duration) {
	e.t.Helper()
	select {
	case <-e.connected:
	case <-time.After(d):
		e.t.Fatalf("peer %s not connected after %v", e.peer.opts.CallID, d)
	}
}

// close closes the peer and stops the pump; it returns the events dropped.
func (e *endpoint) close() {
	if err := e.peer.Close(); err != nil {
		e.t.Errorf("Close: %v", err)
	}
	close(e.events) // safe: no OnEvent after Close returns
	e.pumped.Wait()
	if n := e.dropped.Load(); n > 0 {
		e.t.Errorf("%d events dropped: OnEvent's channel was full", n)
	}
}

// state returns the last state the peer reported.
func (e *endpoint) state() call.PeerState { return call.PeerState(e.lastState.Load()) }

func (e *endpoint) trackKinds() map[string]int {
	e.tracksMu.Lock()
	defer e.tracksMu.Unlock()
	m := map[string]int{}
	for _, tr := range e.tracks {
		m[tr.Kind()]++
	}
	return m
}

// loopbackConfig keeps ICE on the loopback interface: fast and independent of
// the machine's network.
func loopbackConfig(src MediaSource) Config {
	return Config{
		Source:          src,
		InterfaceFilter: func(name string) bool { return name == "lo" },
		// pion warns about benign races on every close ("Failed to accept RTP
		// stream is already closed"); tests only want its errors.
		PionLogLevel: slog.LevelError,
	}
}

// newSource returns a synthetic source, skipping the test in a build without
// cgo (no encoders).
func newSource(t testing.TB, cfg device.SyntheticConfig) *device.Synthetic {
	t.Helper()
	s, err := device.NewSynthetic(cfg)
	if err != nil {
		t.Skipf("no synthetic source: %v", err)
	}
	return s
}

func newFactory(t testing.TB, cfg Config) *Factory {
	t.Helper()
	f, err := NewFactory(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// eventually polls cond every millisecond until it holds or d passes.
func eventually(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(time.Millisecond)
	}
}

type atomicBool = atomic.Bool

// Every device.Source can be a Factory's MediaSource.
var _ MediaSource = device.Source(nil)
