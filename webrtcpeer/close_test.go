package webrtcpeer

import (
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// TestCloseGivesUpOnPion: when pion does not finish closing within
// CloseTimeout, Close returns an error that says so and counts it, instead of
// blocking the call engine's loop for good. A timeout far shorter than any
// close stands in for pion's hang.
func TestCloseGivesUpOnPion(t *testing.T) {
	f := newFactory(t, loopbackConfig(nil))
	p, err := f.newPeer(call.PeerOptions{CallID: "stuck"})
	if err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { CloseTimeout = d }(CloseTimeout)
	CloseTimeout = time.Nanosecond
	before := AbandonedCloses()
	err = p.Close()
	if err == nil || !strings.Contains(err.Error(), "pion did not finish within 1ns") {
		t.Fatalf("Close = %v, want it to give up", err)
	}
	if n := AbandonedCloses() - before; n != 1 {
		t.Fatalf("AbandonedCloses rose by %d, want 1", n)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// TestAbandonedCloseReleasesSinks: when Close gives up on pion, the remote
// tracks' sinks are closed anyway, so a sound card or player is not held by
// a call that is over; nothing is written to them afterwards.
func TestAbandonedCloseReleasesSinks(t *testing.T) {
	defer goleak.VerifyNone(t) // pion finishes the abandoned close soon after
	src, err := device.NewSynthetic(device.SyntheticConfig{NoVideo: true, StreamID: "door"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sink := &recordingSink{}
	cfg := loopbackConfig(nil)
	cfg.AudioSink = func(_, mime string, rate uint32) (Sink, error) { return sink, nil }
	a := newEndpoint(t, newFactory(t, loopbackConfig(src)), "abandon-a", call.Constraints{Audio: true})
	b := newEndpoint(t, newFactory(t, cfg), "abandon-b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	eventually(t, 5*time.Second, "audio at the sink", func() bool {
		n, _ := sink.snapshot()
		return n >= 5
	})
	defer func(d time.Duration) { CloseTimeout = d }(CloseTimeout)
	CloseTimeout = time.Nanosecond
	if err := b.peer.Close(); err == nil {
		t.Fatal("Close with a 1 ns limit did not give up")
	}
	if _, closed := sink.snapshot(); !closed {
		t.Fatal("the sink is still open after Close gave up")
	}
	CloseTimeout = 3 * time.Second
	b.close()
	a.close()
}
