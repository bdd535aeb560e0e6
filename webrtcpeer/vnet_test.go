package webrtcpeer

import (
	"testing"
	"time"

	"github.com/pion/transport/v5/vnet"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// lossyNet puts one host on router with a loss filter on its inbound side.
func lossyNet(t *testing.T, router *vnet.Router, ip string, loss int) (*vnet.Net, *vnet.LossFilter) {
	t.Helper()
	n, err := vnet.NewNet(&vnet.NetConfig{StaticIPs: []string{ip}})
	if err != nil {
		t.Fatal(err)
	}
	lf, err := vnet.NewLossFilter(n, loss)
	if err != nil {
		t.Fatal(err)
	}
	if err := router.AddNet(lf); err != nil {
		t.Fatal(err)
	}
	return n, lf
}

// TestCallOverLossyNetwork runs a call over pion's virtual network with 10 %
// loss each way (media still flows), then cuts the link (the peers report
// disconnected), then restores it (they report connected again), as a Wi-Fi
// drop at the door would.
func TestCallOverLossyNetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("waits 5 s for ICE to notice the cut link")
	}
	defer goleak.VerifyNone(t)
	router, err := vnet.NewRouter(&vnet.RouterConfig{CIDR: "10.0.0.0/24", LoggerFactory: NewLoggerFactory(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	netA, lossA := lossyNet(t, router, "10.0.0.2", 10)
	netB, lossB := lossyNet(t, router, "10.0.0.3", 10)
	if err := router.Start(); err != nil {
		t.Fatal(err)
	}
	defer router.Stop()

	srcA := newSource(t, device.SyntheticConfig{})
	defer srcA.Close()
	srcB := newSource(t, device.SyntheticConfig{NoVideo: true})
	defer srcB.Close()
	cfgA, cfgB := loopbackConfig(srcA), loopbackConfig(srcB)
	cfgA.InterfaceFilter, cfgB.InterfaceFilter = nil, nil
	cfgA.Net, cfgB.Net = netA, netB
	a := newEndpoint(t, newFactory(t, cfgA), "a", av)
	b := newEndpoint(t, newFactory(t, cfgB), "b", av)
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(10 * time.Second)
	b.waitConnected(10 * time.Second)
	eventually(t, 10*time.Second, "media through 10 % loss", func() bool {
		return b.peer.Stats().VideoFramesReceived >= 15 && a.peer.Stats().AudioPacketsReceived >= 25
	})

	for _, lf := range []*vnet.LossFilter{lossA, lossB} {
		if err := lf.SetLossRate(100, true); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []*endpoint{a, b} {
		eventually(t, 10*time.Second, e.peer.opts.CallID+" disconnected", func() bool { return e.state() == call.PeerDisconnected })
	}
	for _, lf := range []*vnet.LossFilter{lossA, lossB} {
		if err := lf.SetLossRate(0, true); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []*endpoint{a, b} {
		eventually(t, 10*time.Second, e.peer.opts.CallID+" connected again", func() bool { return e.state() == call.PeerConnected })
	}
	n := b.peer.Stats().VideoFramesReceived
	eventually(t, 5*time.Second, "video after the link came back", func() bool { return b.peer.Stats().VideoFramesReceived >= n+10 })
	a.close()
	b.close()
}
