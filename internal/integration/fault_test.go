package integration

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
)

func waitConnected(t *testing.T, s *station) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := s.sig.WaitConnected(ctx); err != nil {
		t.Fatalf("%s did not reconnect to the broker: %v", s.c.DeviceID(), err)
	}
}

// TestBrokerRestartMidCall kills mosquitto during a connected call: media keeps
// flowing peer to peer, and once the broker is back, signaling works again
// (the hangup reaches the other side).
func TestBrokerRestartMidCall(t *testing.T) {
	b := mqtttest.NewMosquitto(t, mqtttest.MosquittoOptions{})
	door := newStation(t, b.URL(), "door", "door-pi", stationOpts{})
	panel := newStation(t, b.URL(), "panel", "panel-1", stationOpts{})
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if err := panel.c.AcceptCall(bg, call.AcceptOptions{}); err != nil {
		t.Fatal(err)
	}
	door.next(call.EventConnected)
	panel.next(call.EventConnected)
	before := door.waitMedia(5, 5)

	b.Kill()
	time.Sleep(time.Second)
	during := door.waitMedia(before.VideoFramesReceived+10, before.AudioPacketsReceived+20)
	t.Logf("with the broker down the door received %d more frames", during.VideoFramesReceived-before.VideoFramesReceived)
	if s := door.c.Snapshot().Status; s != call.StatusConnected {
		t.Fatalf("the call did not survive the broker: %s", s)
	}
	b.Restart()
	waitConnected(t, door)
	waitConnected(t, panel)
	if err := door.c.EndCall(bg); err != nil {
		t.Fatal(err)
	}
	panel.next(call.EventDisconnected)
	panel.ended(call.ReasonHangup)
}

// TestBrokerRestartMidRing kills mosquitto while a call rings: the ring is not
// lost, and answering after the broker returns connects the call.
func TestBrokerRestartMidRing(t *testing.T) {
	b := mqtttest.NewMosquitto(t, mqtttest.MosquittoOptions{})
	door := newStation(t, b.URL(), "door", "door-pi", stationOpts{})
	panel := newStation(t, b.URL(), "panel", "panel-1", stationOpts{})
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	b.Kill()
	time.Sleep(500 * time.Millisecond)
	b.Restart()
	waitConnected(t, door)
	waitConnected(t, panel)
	if s := panel.c.Snapshot().Status; s != call.StatusRinging {
		t.Fatalf("the panel stopped ringing across the broker restart: %s", s)
	}
	if err := panel.c.AcceptCall(bg, call.AcceptOptions{}); err != nil {
		t.Fatal(err)
	}
	door.next(call.EventConnected)
	panel.next(call.EventConnected)
	door.waitMedia(5, 5)
}

// TestCallWhileBrokerDown places a call while the broker is down: MakeCall
// says so at once, and the station calls normally once the broker is back.
func TestCallWhileBrokerDown(t *testing.T) {
	b := mqtttest.NewMosquitto(t, mqtttest.MosquittoOptions{})
	door := newStation(t, b.URL(), "door", "door-pi", stationOpts{})
	panel := newStation(t, b.URL(), "panel", "panel-1", stationOpts{})
	b.Kill()
	deadline := time.Now().Add(10 * time.Second)
	for door.sig.Connected() {
		if time.Now().After(deadline) {
			t.Fatal("the signaler did not notice the broker died")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := door.c.MakeCall(bg, call.MakeCallOptions{ChannelID: "home", TargetUserID: "panel"}); !errors.Is(err, call.ErrOffline) {
		t.Fatalf("MakeCall with the broker down = %v, want ErrOffline", err)
	}
	b.Restart()
	waitConnected(t, door)
	waitConnected(t, panel)
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if err := panel.c.AcceptCall(bg, call.AcceptOptions{}); err != nil {
		t.Fatal(err)
	}
	door.next(call.EventConnected)
}
