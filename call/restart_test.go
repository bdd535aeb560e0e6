package call_test

import (
	"testing"

	"github.com/intercomd/intercomd/call"
)

// reoffers returns the reoffers sent so far and checks they all come from the
// caller's device to the callee's.
func reoffers(t *testing.T, w *world) int {
	t.Helper()
	msgs := w.bus.SentOfType(call.MsgReoffer)
	for _, m := range msgs {
		if m.FromDevice != "door-pi" || m.ToDevice != "panel-1" || m.SDP == "" {
			t.Fatalf("reoffer %+v: want door-pi → panel-1 with an SDP", m)
		}
	}
	return len(msgs)
}

// TestICERestartRecovers: the connection drops; after RestartAfter the caller
// restarts ICE, the callee answers, the call is connected again and does not
// fail when the disconnect timeout would have passed.
func TestICERestartRecovers(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	w.net.Break(info.CallID)
	w.settle()
	w.clk.Advance(call.DefaultRestartAfter - 1)
	w.settle()
	if n := reoffers(t, w); n != 0 {
		t.Fatalf("%d reoffers before RestartAfter", n)
	}
	w.clk.Advance(1)
	w.settle()
	if n := reoffers(t, w); n != 1 {
		t.Fatalf("%d reoffers after RestartAfter, want 1", n)
	}
	if n := len(w.bus.SentOfType(call.MsgReanswer)); n != 1 {
		t.Fatalf("%d reanswers, want 1", n)
	}
	w.clk.Advance(call.DefaultDisconnectTimeout)
	w.settle()
	door.quiet()
	panel.quiet()
	for _, s := range []*station{door, panel} {
		if st := s.c.Snapshot().Status; st != call.StatusConnected {
			t.Fatalf("%s is %s after the restart", s.c.DeviceID(), st)
		}
	}
}

// TestICERestartPacing: while a restart cannot reconnect, the caller keeps one
// reoffer outstanding, tries again RestartInterval after each answer, and the
// call fails when DisconnectTimeout has passed.
func TestICERestartPacing(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	w.net.Stall = true
	w.net.Break(info.CallID)
	w.settle()

	// The reanswer is held back: no second reoffer however long we wait.
	w.bus.Hold()
	w.clk.Advance(call.DefaultRestartAfter)
	w.settle()
	w.clk.Advance(call.DefaultRestartInterval)
	w.settle()
	if n := reoffers(t, w); n != 1 {
		t.Fatalf("%d reoffers with the first unanswered, want 1", n)
	}
	w.bus.Release()
	w.settle()
	if n := len(w.bus.SentOfType(call.MsgReanswer)); n != 1 {
		t.Fatalf("%d reanswers, want 1", n)
	}
	w.clk.Advance(call.DefaultRestartInterval - 1)
	w.settle()
	if n := reoffers(t, w); n != 1 {
		t.Fatalf("%d reoffers before RestartInterval after the answer, want 1", n)
	}
	w.clk.Advance(1)
	w.settle()
	if n := reoffers(t, w); n != 2 {
		t.Fatalf("%d reoffers after RestartInterval, want 2", n)
	}
	w.clk.Advance(call.DefaultDisconnectTimeout)
	w.settle()
	for _, s := range []*station{door, panel} {
		s.failed()
	}
}

// TestReofferRules: a reanswer nobody asked for and a reoffer from a device
// that is not in the call change nothing.
func TestReofferRules(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	intruder := w.bus.Join("door", "door-2")
	defer intruder.Close()
	for _, m := range []call.Message{
		{Type: call.MsgReanswer, Channel: "home", CallID: info.CallID, To: "door", ToDevice: "door-pi", SDP: "fake x"},
		{Type: call.MsgReoffer, Channel: "home", CallID: info.CallID, To: "panel", ToDevice: "panel-1", SDP: "fake x"},
	} {
		if err := intruder.Send(m); err != nil {
			t.Fatal(err)
		}
	}
	w.settle()
	if n := len(w.bus.SentOfType(call.MsgReanswer)); n != 1 {
		t.Fatalf("%d reanswers on the bus, want only the intruder's own", n)
	}
	door.quiet()
	panel.quiet()
}
