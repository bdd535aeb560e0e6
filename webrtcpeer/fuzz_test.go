package webrtcpeer

import (
	"os"
	"testing"

	"github.com/intercomd/intercomd/call"
)

// FuzzAnswer feeds arbitrary offers, then candidates, to a fresh Peer: input
// from the network must give errors, never panics. The seed is a real offer
// made by this package (testdata/offer-intercomd.sdp).
func FuzzAnswer(f *testing.F) {
	offer, err := os.ReadFile("testdata/offer-intercomd.sdp")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(offer), "candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host")
	f.Add("v=0\r\n", "candidate:garbage")
	f.Add("", "")
	fac, err := NewFactory(loopbackConfig(nil))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, sdp, cand string) {
		p, err := fac.newPeer(call.PeerOptions{CallID: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		if _, err := p.Answer(sdp); err != nil {
			return
		}
		mid, idx := "0", uint16(0)
		_ = p.AddCandidate(call.Candidate{Candidate: cand, SDPMid: &mid, SDPMLineIndex: &idx})
	})
}
