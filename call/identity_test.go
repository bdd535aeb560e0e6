package call_test

import (
	"testing"

	"github.com/intercomd/intercomd/call"
)

// TestOnlyThePeerUserSpeaksForTheCall: a call id is no secret (the retained
// state topic shows it). Another user — even one whose device has the same
// name as the callee's — cannot answer the door's call, hang it up or open
// the door; messages on another channel do nothing either.
func TestOnlyThePeerUserSpeaksForTheCall(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	mallory := w.bus.Join("mallory", "panel-1")
	defer mallory.Close()
	info := door.call("panel", nil)
	panel.next(call.EventIncoming)
	send := func(m call.Message) {
		t.Helper()
		m.CallID, m.To = info.CallID, "door"
		if m.Channel == "" {
			m.Channel = "home"
		}
		if err := mallory.Send(m); err != nil {
			t.Fatal(err)
		}
	}
	send(call.Message{Type: call.MsgAccept, ToDevice: "door-pi", SDP: "fake mallory"})
	w.settle()
	if st := door.c.Snapshot().Status; st != call.StatusCalling {
		t.Fatalf("the door is %s after a stranger's accept, want calling", st)
	}
	panel.accept(nil)
	door.next(call.EventConnected)
	panel.next(call.EventConnected)
	for _, m := range []call.Message{
		{Type: call.MsgOpenDoor, ToDevice: "door-pi"},
		{Type: call.MsgHangup, ToDevice: "door-pi", Reason: call.ReasonHangup},
		{Type: call.MsgReoffer, ToDevice: "door-pi", SDP: "fake mallory"},
	} {
		send(m)
	}
	w.settle()
	door.quiet()
	if st := door.c.Snapshot(); st.Status != call.StatusConnected || st.Call.PeerDevice != "panel-1" {
		t.Fatalf("door %s with %s after the stranger's messages", st.Status, st.Call.PeerDevice)
	}
	// The panel itself, on another channel, does not reach this call either.
	other := w.bus.Join("panel", "panel-2")
	defer other.Close()
	if err := other.Send(call.Message{Type: call.MsgOpenDoor, Channel: "garden", CallID: info.CallID, To: "door", ToDevice: "door-pi"}); err != nil {
		t.Fatal(err)
	}
	w.settle()
	door.quiet()
}
