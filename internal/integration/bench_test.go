package integration

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
)

// setupCalls is how many calls each setup benchmark times, whatever b.N says:
// percentiles need a population.
const setupCalls = 120

// reportPercentiles reports p50 and p99 of samples in milliseconds.
func reportPercentiles(b *testing.B, samples []time.Duration) {
	slices.Sort(samples)
	pct := func(p float64) float64 {
		return float64(samples[int(p*float64(len(samples)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(samples)), "calls")
}

// BenchmarkCallSetup times makeCall → connected on both sides between two
// call.Clients signaling through mosquitto on loopback, with synthetic
// audio+video tracks, the callee answering from its incoming handler.
func BenchmarkCallSetup(b *testing.B) {
	url := mqtttest.StartMosquitto(b)
	door := newStation(b, url, "door", "door-pi", stationOpts{})
	panel := newStation(b, url, "panel", "panel-1", stationOpts{})
	panel.c.On(call.EventIncoming, func(call.Event) {
		if err := panel.c.AcceptCall(bg, call.AcceptOptions{}); err != nil {
			b.Error(err)
		}
	})
	var samples []time.Duration
	b.ResetTimer()
	for range b.N {
		samples = samples[:0]
		for range setupCalls {
			start := time.Now()
			door.call("panel", nil)
			door.until(call.EventConnected)
			panel.until(call.EventConnected)
			samples = append(samples, time.Since(start))
			door.c.EndCall(bg)
			door.until(call.EventEnded)
			panel.until(call.EventEnded)
		}
	}
	b.StopTimer()
	reportPercentiles(b, samples)
}

// BenchmarkBarePionSetup is the reference for BenchmarkCallSetup: two bare
// pion peers in one process, offer and answer and trickled candidates through
// the same mosquitto, only H.264 and Opus registered, no call engine.
func BenchmarkBarePionSetup(b *testing.B) {
	url := mqtttest.StartMosquitto(b)
	api := barePionAPI(b)
	caller, callee := bareClient(b, url, "bare-caller"), bareClient(b, url, "bare-callee")
	var samples []time.Duration
	b.ResetTimer()
	for range b.N {
		samples = samples[:0]
		for i := range setupCalls {
			samples = append(samples, bareCall(b, api, caller, callee, i))
		}
	}
	b.StopTimer()
	reportPercentiles(b, samples)
}

func barePionAPI(b *testing.B) *webrtc.API {
	m := &webrtc.MediaEngine{}
	for _, c := range []webrtc.RTPCodecParameters{
		{RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeH264, ClockRate: 90000, SDPFmtpLine: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"}, PayloadType: 102},
	} {
		if err := m.RegisterCodec(c, webrtc.RTPCodecTypeVideo); err != nil {
			b.Fatal(err)
		}
	}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2}, PayloadType: 111}, webrtc.RTPCodecTypeAudio); err != nil {
		b.Fatal(err)
	}
	var s webrtc.SettingEngine
	s.SetIncludeLoopbackCandidate(true)
	s.SetICEMulticastDNSMode(0)
	s.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithSettingEngine(s))
}

func bareClient(b *testing.B, url, id string) paho.Client {
	c := paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID(id))
	if tok := c.Connect(); tok.Wait() && tok.Error() != nil {
		b.Fatal(tok.Error())
	}
	b.Cleanup(func() { c.Disconnect(100) })
	return c
}

type bareMsg struct {
	SDP  *webrtc.SessionDescription `json:"sdp,omitempty"`
	Cand *webrtc.ICECandidateInit   `json:"cand,omitempty"`
}

// bareCall sets up one call between two bare peers and returns the time from
// the offer's creation to both peers connected.
func bareCall(b *testing.B, api *webrtc.API, caller, callee paho.Client, i int) time.Duration {
	toCallee, toCaller := fmt.Sprintf("bare/%d/callee", i), fmt.Sprintf("bare/%d/caller", i)
	connected := make(chan struct{}, 2)
	newPC := func(out paho.Client, topic string) *webrtc.PeerConnection {
		pc, err := api.NewPeerConnection(webrtc.Configuration{})
		if err != nil {
			b.Fatal(err)
		}
		pc.OnICECandidate(func(c *webrtc.ICECandidate) {
			if c != nil {
				init := c.ToJSON()
				p, _ := json.Marshal(bareMsg{Cand: &init})
				out.Publish(topic, 1, false, p)
			}
		})
		pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
			if s == webrtc.PeerConnectionStateConnected {
				connected <- struct{}{}
			}
		})
		return pc
	}
	// Each side applies messages on its own goroutine, buffering candidates
	// until the remote description is set.
	serve := func(pc *webrtc.PeerConnection, in paho.Client, topic string, onSDP func(webrtc.SessionDescription)) {
		msgs := make(chan bareMsg, 64)
		in.Subscribe(topic, 1, func(_ paho.Client, m paho.Message) {
			var bm bareMsg
			if json.Unmarshal(m.Payload(), &bm) == nil {
				msgs <- bm
			}
		}).Wait()
		go func() {
			var pending []webrtc.ICECandidateInit
			remote := false
			for m := range msgs {
				switch {
				case m.SDP != nil:
					onSDP(*m.SDP)
					remote = true
					for _, c := range pending {
						pc.AddICECandidate(c)
					}
				case m.Cand != nil && remote:
					pc.AddICECandidate(*m.Cand)
				case m.Cand != nil:
					pending = append(pending, *m.Cand)
				}
			}
		}()
	}
	callerPC, calleePC := newPC(caller, toCallee), newPC(callee, toCaller)
	defer callerPC.Close()
	defer calleePC.Close()
	serve(calleePC, callee, toCallee, func(offer webrtc.SessionDescription) {
		calleePC.SetRemoteDescription(offer)
		answer, _ := calleePC.CreateAnswer(nil)
		calleePC.SetLocalDescription(answer)
		p, _ := json.Marshal(bareMsg{SDP: &answer})
		callee.Publish(toCaller, 1, false, p)
	})
	serve(callerPC, caller, toCaller, func(answer webrtc.SessionDescription) { callerPC.SetRemoteDescription(answer) })
	defer caller.Unsubscribe(toCaller)
	defer callee.Unsubscribe(toCallee)

	start := time.Now()
	for _, kind := range []webrtc.RTPCodecType{webrtc.RTPCodecTypeAudio, webrtc.RTPCodecTypeVideo} {
		if _, err := callerPC.AddTransceiverFromKind(kind); err != nil {
			b.Fatal(err)
		}
	}
	offer, err := callerPC.CreateOffer(nil)
	if err != nil {
		b.Fatal(err)
	}
	callerPC.SetLocalDescription(offer)
	p, _ := json.Marshal(bareMsg{SDP: &offer})
	caller.Publish(toCallee, 1, false, p)
	for range 2 {
		select {
		case <-connected:
		case <-time.After(10 * time.Second):
			b.Fatal("bare pion call did not connect")
		}
	}
	return time.Since(start)
}
