package webrtcpeer

import (
	"regexp"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

var iceUfrag = regexp.MustCompile(`a=ice-ufrag:(\S+)`)

// TestICERestart: two real peers in a call restart ICE the way call.Client
// does (RestartOffer, Reanswer, SetAnswer, candidates trickled again). The
// offer carries new credentials, the connection stays up, and media keeps
// flowing on the same tracks.
func TestICERestart(t *testing.T) {
	defer goleak.VerifyNone(t)
	src, err := device.NewSynthetic(device.SyntheticConfig{NoVideo: true, StreamID: "door"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	a := newEndpoint(t, newFactory(t, loopbackConfig(src)), "restart-a", call.Constraints{Audio: true})
	b := newEndpoint(t, newFactory(t, loopbackConfig(nil)), "restart-b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)
	before := a.peer.pc.LocalDescription().SDP

	// Candidates of the restart wait until their side has the new
	// description, as call.Client's ordering on one MQTT topic makes them.
	for _, e := range []*endpoint{a, b} {
		e.mu.Lock()
		e.remoteSet = false
		e.mu.Unlock()
	}
	offer, err := a.peer.RestartOffer()
	if err != nil {
		t.Fatal(err)
	}
	if u0, u1 := iceUfrag.FindStringSubmatch(before), iceUfrag.FindStringSubmatch(offer); u0 == nil || u1 == nil || u0[1] == u1[1] {
		t.Fatalf("the restart offer keeps the ICE credentials (%v → %v)", u0, u1)
	}
	answer, err := b.peer.Reanswer(offer)
	if err != nil {
		t.Fatal(err)
	}
	b.setRemote()
	if err := a.peer.SetAnswer(answer); err != nil {
		t.Fatal(err)
	}
	a.setRemote()
	received := b.peer.Stats().AudioPacketsReceived
	eventually(t, 5*time.Second, "audio after the restart", func() bool {
		return b.peer.Stats().AudioPacketsReceived >= received+25
	})
	eventually(t, 5*time.Second, "both connected after the restart", func() bool {
		return a.state() == call.PeerConnected && b.state() == call.PeerConnected
	})
	if _, err := b.peer.Reanswer("v=0 garbage"); err == nil {
		t.Error("Reanswer of garbage succeeded")
	}
	a.close()
	b.close()
	if _, err := a.peer.RestartOffer(); err != ErrClosed {
		t.Errorf("RestartOffer after Close: %v, want ErrClosed", err)
	}
}
