package call_test

import (
	"errors"
	"testing"

	"github.com/intercomd/intercomd/call"
)

// TestReportError: a problem reported during a call is an error event of
// that call, in its status, that changes nothing: the call stays connected,
// emits no status change, and hangs up normally afterwards. Reported when
// idle it is an error event of no call; nil is ignored.
func TestReportError(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")

	door.c.ReportError(nil)
	door.quiet()
	gone := errors.New("device: microphone: unplugged")
	door.c.ReportError(gone)
	if e := door.next(call.EventError); !errors.Is(e.Err, gone) || e.Status != call.StatusIdle || e.Call.CallID != "" {
		t.Fatalf("idle report: %s, call %q", e, e.Call.CallID)
	}

	info := connect(door, panel)
	door.quiet()
	door.c.ReportError(gone)
	e := door.next(call.EventError)
	if !errors.Is(e.Err, gone) || e.Call.CallID != info.CallID || e.Status != call.StatusConnected || e.PeerState != call.PeerConnected {
		t.Fatalf("in-call report: %s, call %q, peer state %s; want the connected call %q", e, e.Call.CallID, e.PeerState, info.CallID)
	}
	door.settle()
	select { // not even a statuschanged came with it
	case e := <-door.events:
		t.Fatalf("the report was followed by %s", e)
	default:
	}
	panel.quiet()
	if s := door.c.Snapshot(); s.Status != call.StatusConnected || s.Call.CallID != info.CallID {
		t.Fatalf("after the report: %s in call %q; want connected in %q", s.Status, s.Call.CallID, info.CallID)
	}

	if err := door.c.EndCall(ctx); err != nil {
		t.Fatal(err)
	}
	door.next(call.EventDisconnected)
	door.ended(call.ReasonHangup)
	panel.next(call.EventDisconnected)
	panel.ended(call.ReasonHangup)

	door.c.Close()
	door.c.ReportError(gone) // after Close: dropped, and must not block or panic
}
