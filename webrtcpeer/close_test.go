package webrtcpeer

import (
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
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
