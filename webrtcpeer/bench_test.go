package webrtcpeer

import (
	"fmt"
	"log/slog"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// reportPercentiles adds p50 and p99 of ds, in milliseconds, as metrics named
// prefix-p50-ms and prefix-p99-ms.
func reportPercentiles(b *testing.B, prefix string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	at := func(q float64) float64 {
		i := int(math.Ceil(q*float64(len(ds)))) - 1
		return float64(ds[max(0, i)].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), prefix+"-p50-ms")
	b.ReportMetric(at(0.99), prefix+"-p99-ms")
}

// BenchmarkCallSetup times intercomd calls on loopback: Offer → both peers
// connected (setup), Offer → the first peer connected (one-side), and the
// caller's connected → its first remote video frame (first-frame), with both
// sides sending the synthetic source (audio+video) or nothing (no-media). Both
// peers share this process's CPUs, so the first side's keyframe encode slows
// the second side's handshake, which two hosts would not. Run with
// -benchtime=200x for stable percentiles.
func BenchmarkCallSetup(b *testing.B) {
	for _, media := range []bool{true, false} {
		name := "audio+video"
		if !media {
			name = "no-media"
		}
		b.Run(name, func(b *testing.B) {
			var srcA, srcB MediaSource
			send := call.Constraints{}
			if media {
				sa := newSource(b, device.SyntheticConfig{})
				defer sa.Close()
				sb := newSource(b, device.SyntheticConfig{})
				defer sb.Close()
				srcA, srcB, send = sa, sb, av
			}
			fa := newFactory(b, loopbackConfig(srcA))
			fb := newFactory(b, loopbackConfig(srcB))
			var setup, firstSide, first []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a := newEndpoint(b, fa, fmt.Sprint("a", i), send)
				c := newEndpoint(b, fb, fmt.Sprint("b", i), send)
				wire(a, c)
				start := time.Now()
				negotiate(b, a, c)
				a.waitConnected(10 * time.Second)
				c.waitConnected(10 * time.Second)
				connected := time.Unix(0, max(a.connectedAt.Load(), c.connectedAt.Load()))
				setup = append(setup, connected.Sub(start))
				firstSide = append(firstSide, time.Unix(0, min(a.connectedAt.Load(), c.connectedAt.Load())).Sub(start))
				if media {
					aConnected := time.Unix(0, a.connectedAt.Load())
					deadline := time.Now().Add(5 * time.Second)
					for a.peer.Stats().VideoFramesReceived == 0 {
						if time.Now().After(deadline) {
							b.Fatal("no video frame 5 s after connecting")
						}
						time.Sleep(50 * time.Microsecond)
					}
					first = append(first, time.Since(aConnected))
				}
				b.StopTimer()
				a.close()
				c.close()
				b.StartTimer()
			}
			reportPercentiles(b, "setup", setup)
			reportPercentiles(b, "one-side", firstSide)
			reportPercentiles(b, "first-frame", first)
		})
	}
}

// bareEndpoint is BenchmarkBarePionSetup's plain-pion peer: what an
// application writes without this package.
type bareEndpoint struct {
	pc        *webrtc.PeerConnection
	connected chan struct{}
	mu        sync.Mutex
	remoteSet bool
	pending   []webrtc.ICECandidateInit
	other     *bareEndpoint
	// onCandidate, when set before the local description, receives the local
	// candidates instead of other.
	onCandidate func(webrtc.ICECandidateInit)
}

func newBareEndpoint(b testing.TB, api *webrtc.API, conf webrtc.Configuration, tracks []webrtc.TrackLocal) *bareEndpoint {
	pc, err := api.NewPeerConnection(conf)
	if err != nil {
		b.Fatal(err)
	}
	e := &bareEndpoint{pc: pc, connected: make(chan struct{})}
	var once sync.Once
	pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			once.Do(func() { close(e.connected) })
		}
	})
	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		init := webrtc.ICECandidateInit{}
		if c != nil {
			init = c.ToJSON()
		}
		if e.onCandidate != nil {
			e.onCandidate(init)
			return
		}
		go e.other.add(init)
	})
	for _, t := range tracks {
		if _, err := pc.AddTrack(t); err != nil {
			b.Fatal(err)
		}
	}
	return e
}

func (e *bareEndpoint) add(c webrtc.ICECandidateInit) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.remoteSet {
		e.pending = append(e.pending, c)
		return
	}
	_ = e.pc.AddICECandidate(c)
}

func (e *bareEndpoint) setRemote(b testing.TB, d webrtc.SessionDescription) {
	if err := e.pc.SetRemoteDescription(d); err != nil {
		b.Fatal(err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.remoteSet = true
	for _, c := range e.pending {
		_ = e.pc.AddICECandidate(c)
	}
	e.pending = nil
}

// BenchmarkBarePionSetup times the same loopback call as BenchmarkCallSetup
// with plain pion: "defaults" is how pion's examples build an API
// (RegisterDefaultCodecs, RegisterDefaultInterceptors, a new certificate per
// connection); "same-api" uses this package's trimmed API and shared
// certificate without the Peer wrapper, which isolates the wrapper's cost.
// Both sides add an H.264 and an Opus track, unwritten.
func BenchmarkBarePionSetup(b *testing.B) {
	se := webrtc.SettingEngine{}
	se.SetIncludeLoopbackCandidate(true)
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4, webrtc.NetworkTypeUDP6})
	se.SetInterfaceFilter(func(name string) bool { return name == "lo" })
	m := &webrtc.MediaEngine{}
	if err := m.RegisterDefaultCodecs(); err != nil {
		b.Fatal(err)
	}
	ir := &interceptor.Registry{}
	if err := webrtc.RegisterDefaultInterceptors(m, ir); err != nil {
		b.Fatal(err)
	}
	defaults := webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(ir), webrtc.WithSettingEngine(se))
	f := newFactory(b, loopbackConfig(nil))
	se.LoggerFactory = NewLoggerFactory(nil, slog.LevelError)

	for _, v := range []struct {
		name string
		api  *webrtc.API
		conf webrtc.Configuration
	}{
		{"defaults", defaults, webrtc.Configuration{}},
		{"same-api", f.api, webrtc.Configuration{Certificates: []webrtc.Certificate{f.cert}, BundlePolicy: webrtc.BundlePolicyMaxBundle}},
	} {
		b.Run(v.name, func(b *testing.B) {
			var setup []time.Duration
			for i := 0; i < b.N; i++ {
				tracks := func() []webrtc.TrackLocal {
					a, err := webrtc.NewTrackLocalStaticSample(device.OpusCapability, "audio", "bare")
					if err != nil {
						b.Fatal(err)
					}
					vt, err := webrtc.NewTrackLocalStaticSample(device.H264Capability, "video", "bare")
					if err != nil {
						b.Fatal(err)
					}
					return []webrtc.TrackLocal{a, vt}
				}
				x := newBareEndpoint(b, v.api, v.conf, tracks())
				y := newBareEndpoint(b, v.api, v.conf, tracks())
				x.other, y.other = y, x
				start := time.Now()
				offer, err := x.pc.CreateOffer(nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := x.pc.SetLocalDescription(offer); err != nil {
					b.Fatal(err)
				}
				y.setRemote(b, offer)
				answer, err := y.pc.CreateAnswer(nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := y.pc.SetLocalDescription(answer); err != nil {
					b.Fatal(err)
				}
				x.setRemote(b, answer)
				for _, e := range []*bareEndpoint{x, y} {
					select {
					case <-e.connected:
					case <-time.After(10 * time.Second):
						b.Fatal("bare pion peer not connected after 10 s")
					}
				}
				setup = append(setup, time.Since(start))
				b.StopTimer()
				_ = x.pc.GracefulClose()
				_ = y.pc.GracefulClose()
				b.StartTimer()
			}
			reportPercentiles(b, "setup", setup)
		})
	}
}
