package integration

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// brokers are the two real brokers every flow runs over.
var brokers = []struct {
	name  string
	start func(testing.TB) string
}{
	{"mosquitto", mqtttest.StartMosquitto},
	{"embedded", mqtttest.StartEmbedded},
}

// station is a real client: MQTT signaling, pion peers, synthetic media.
type station struct {
	t      testing.TB
	c      *call.Client
	sig    *mqttsignal.Signaler
	events chan call.Event
}

type stationOpts struct {
	ringTimeout time.Duration
	sendNothing bool             // no media source: receive-only peers
	auth        *mqttsignal.Auth // signed signaling (nil: none)
}

// newStation is a station with the settings of the flow tests: a one-second
// disconnect timeout, so that a vanished peer fails within the test.
func newStation(t testing.TB, url, user, device string, o stationOpts) *station {
	t.Helper()
	return newFaultStation(t, url, user, device, faultOpts{
		noSource: o.sendNothing, ringTimeout: o.ringTimeout, auth: o.auth,
		disconnectTimeout: time.Second, connectWait: 5 * time.Second,
	})
}

func newSource(streamID string, log *slog.Logger) (*device.Synthetic, error) {
	return device.NewSynthetic(device.SyntheticConfig{Width: 320, Height: 180, FrameRate: 15, StreamID: streamID, Logger: log})
}

// next waits for an event of type typ, skipping statuschanged, ringing and error
// events (errors are logged) and failing on anything else.
func (s *station) next(typ call.EventType) call.Event {
	s.t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case e := <-s.events:
			switch {
			case e.Type == typ:
				return e
			case e.Type == call.EventStatusChanged || e.Type == call.EventRinging:
			case e.Type == call.EventError:
				s.t.Logf("%s: %s", s.c.DeviceID(), e)
			default:
				s.t.Fatalf("%s: want %s, got %s", s.c.DeviceID(), typ, e)
			}
		case <-timeout:
			s.t.Fatalf("%s: no %s event within 15s", s.c.DeviceID(), typ)
		}
	}
}

// until waits for an event of type typ, skipping every other event.
func (s *station) until(typ call.EventType) call.Event {
	s.t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case e := <-s.events:
			if e.Type == typ {
				return e
			}
		case <-timeout:
			s.t.Fatalf("%s: no %s event within 15s", s.c.DeviceID(), typ)
		}
	}
}

func (s *station) ended(want call.EndReason) {
	s.t.Helper()
	if e := s.next(call.EventEnded); e.Reason != want {
		s.t.Fatalf("%s: ended with %s, want %s", s.c.DeviceID(), e.Reason, want)
	}
}

var bg = context.Background()

func (s *station) call(target string, cons *call.Constraints) call.Info {
	s.t.Helper()
	info, err := s.c.MakeCall(bg, call.MakeCallOptions{ChannelID: "home", TargetUserID: target, Constraints: cons})
	if err != nil {
		s.t.Fatal(err)
	}
	return info
}

// waitMedia waits until the station has received at least frames video frames
// and packets audio packets on its current call.
func (s *station) waitMedia(frames, packets uint64) call.MediaStats {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, err := s.c.Stats(bg)
		if err != nil {
			s.t.Fatal(err)
		}
		if st.VideoFramesReceived >= frames && st.AudioPacketsReceived >= packets {
			return st
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: media did not flow: %+v", s.c.DeviceID(), st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestFullCallWithMediaBothWays(t *testing.T) {
	for _, b := range brokers {
		t.Run(b.name, func(t *testing.T) {
			url := b.start(t)
			door := newStation(t, url, "door", "door-pi", stationOpts{})
			panel := newStation(t, url, "panel", "panel-1", stationOpts{})
			info := door.call("panel", nil)
			in := panel.next(call.EventIncoming)
			if in.UserID != "door" || in.Call.CallID != info.CallID {
				t.Fatalf("incoming %+v", in)
			}
			if err := panel.c.AcceptCall(bg, call.AcceptOptions{}); err != nil {
				t.Fatal(err)
			}
			conn := door.next(call.EventConnected)
			panel.next(call.EventConnected)
			t.Logf("remote tracks at connected: %d", len(conn.Tracks))
			d := door.waitMedia(10, 20)
			p := panel.waitMedia(10, 20)
			t.Logf("door received %d frames/%d audio packets, panel %d/%d", d.VideoFramesReceived, d.AudioPacketsReceived, p.VideoFramesReceived, p.AudioPacketsReceived)
			if err := panel.c.EndCall(bg); err != nil {
				t.Fatal(err)
			}
			panel.next(call.EventDisconnected)
			panel.ended(call.ReasonHangup)
			door.next(call.EventDisconnected)
			door.ended(call.ReasonHangup)
		})
	}
}

func TestFlowsOverRealBrokers(t *testing.T) {
	audioOnly := &call.Constraints{Audio: true}
	for _, b := range brokers {
		t.Run(b.name, func(t *testing.T) {
			url := b.start(t)
			t.Run("reject", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				door.call("panel", nil)
				panel.next(call.EventIncoming)
				if err := panel.c.RejectCall(bg); err != nil {
					t.Fatal(err)
				}
				door.next(call.EventRejected)
				door.ended(call.ReasonRejected)
				panel.ended(call.ReasonRejected)
			})
			t.Run("cancel", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				door.call("panel", nil)
				panel.next(call.EventIncoming)
				door.c.EndCall(bg)
				door.ended(call.ReasonCancelled)
				panel.ended(call.ReasonCancelled)
			})
			t.Run("no answer", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{ringTimeout: 300 * time.Millisecond})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				door.call("panel", nil)
				panel.next(call.EventIncoming)
				door.ended(call.ReasonNoAnswer)
				panel.ended(call.ReasonNoAnswer)
			})
			t.Run("busy", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				gate := newStation(t, url, "gate", "gate-pi", stationOpts{})
				door.call("panel", audioOnly)
				panel.next(call.EventIncoming)
				panel.c.AcceptCall(bg, call.AcceptOptions{Constraints: audioOnly})
				door.next(call.EventConnected)
				gate.call("panel", nil)
				if e := gate.next(call.EventRejected); e.Reason != call.ReasonBusy {
					t.Fatalf("rejected with %s", e.Reason)
				}
				gate.ended(call.ReasonBusy)
			})
			t.Run("glare", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				a, b := door.call("panel", audioOnly), panel.call("door", audioOnly)
				winner := min(a.CallID, b.CallID)
				dc, pc := door.connectedSkippingGlare(), panel.connectedSkippingGlare()
				if dc.Call.CallID != winner || pc.Call.CallID != winner {
					t.Fatalf("connected on %s and %s, want both on %s", dc.Call.CallID, pc.Call.CallID, winner)
				}
			})
			t.Run("two devices", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				phone := newStation(t, url, "alice", "alice-phone", stationOpts{sendNothing: true})
				laptop := newStation(t, url, "alice", "alice-laptop", stationOpts{sendNothing: true})
				door.call("alice", nil)
				phone.next(call.EventIncoming)
				laptop.next(call.EventIncoming)
				phone.c.AcceptCall(bg, call.AcceptOptions{})
				door.next(call.EventConnected)
				phone.next(call.EventConnected)
				laptop.ended(call.ReasonTaken)
				phone.waitMedia(5, 10)
			})
			t.Run("peer vanishes", func(t *testing.T) {
				door := newStation(t, url, "door", "door-pi", stationOpts{})
				panel := newStation(t, url, "panel", "panel-1", stationOpts{})
				door.call("panel", audioOnly)
				panel.next(call.EventIncoming)
				panel.c.AcceptCall(bg, call.AcceptOptions{Constraints: audioOnly})
				door.next(call.EventConnected)
				// The panel drops off the network: no hangup, no more packets.
				panel.sig.Close()
				panel.c.Close()
				start := time.Now()
				door.next(call.EventFailed)
				door.next(call.EventDisconnected)
				door.ended(call.ReasonFailed)
				t.Logf("failure detected %s after the peer vanished", time.Since(start).Round(time.Millisecond))
			})
		})
	}
}

// connectedSkippingGlare waits for connected, allowing the ended and incoming
// events of a call that lost glare.
func (s *station) connectedSkippingGlare() call.Event {
	s.t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case e := <-s.events:
			switch e.Type {
			case call.EventConnected:
				return e
			case call.EventEnded:
				if e.Reason != call.ReasonCancelled {
					s.t.Fatalf("%s: %s", s.c.DeviceID(), e)
				}
			}
		case <-timeout:
			s.t.Fatalf("%s: not connected within 15s", s.c.DeviceID())
		}
	}
}
