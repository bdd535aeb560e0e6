package systemd

import (
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

func TestStatusLine(t *testing.T) {
	now := time.Date(2026, 11, 27, 18, 30, 0, 0, time.UTC)
	door := call.Info{CallerID: "door", CalleeID: "flat-3", Direction: call.Incoming, PeerDevice: "door-cam"}
	panel := call.Info{CallerID: "door", CalleeID: "panel", Direction: call.Outgoing}
	for _, tc := range []struct {
		name string
		s    call.Snapshot
		want string
	}{
		{"zero snapshot", call.Snapshot{}, "starting"},
		{"idle", call.Snapshot{Status: call.StatusIdle, Since: now.Add(-time.Hour)}, "idle"},
		{"calling", call.Snapshot{Status: call.StatusCalling, Call: panel, Since: now.Add(-3 * time.Second)}, "calling panel"},
		{"ringing here", call.Snapshot{Status: call.StatusRinging, Call: door}, "ringing from door"},
		{"ringing there", call.Snapshot{Status: call.StatusRinging, Call: panel}, "calling panel, ringing there"},
		{"connecting", call.Snapshot{Status: call.StatusConnecting, Call: door}, "connecting to door"},
		{"connected 2m05s", call.Snapshot{Status: call.StatusConnected, Call: panel, Since: now.Add(-125 * time.Second)}, "in call with panel for 2m05s"},
		{"connected 9s", call.Snapshot{Status: call.StatusConnected, Call: panel, Since: now.Add(-9500 * time.Millisecond)}, "in call with panel for 9s"},
		{"connected 1h", call.Snapshot{Status: call.StatusConnected, Call: panel, Since: now.Add(-(time.Hour + 2*time.Minute + 3*time.Second))}, "in call with panel for 1h02m03s"},
		{"connected, clock stepped back", call.Snapshot{Status: call.StatusConnected, Call: panel, Since: now.Add(time.Minute)}, "in call with panel for 0s"},
		{"connected, no start", call.Snapshot{Status: call.StatusConnected, Call: panel}, "in call with panel"},
		{"display name wins", call.Snapshot{Status: call.StatusRinging, Call: call.Info{CallerID: "door", Direction: call.Incoming, PeerName: "Front door"}}, "ringing from Front door"},
		{"device when no user", call.Snapshot{Status: call.StatusRinging, Call: call.Info{Direction: call.Incoming, PeerDevice: "door-cam"}}, "ringing from door-cam"},
		{"nobody known", call.Snapshot{Status: call.StatusRinging, Call: call.Info{Direction: call.Incoming}}, "ringing from an unknown peer"},
		{"name from the network is cleaned", call.Snapshot{Status: call.StatusRinging, Call: call.Info{Direction: call.Incoming, PeerName: "Evil\nREADY=1\x1b[2J"}}, "ringing from EvilREADY=1[2J"},
		{"status from a newer call package", call.Snapshot{Status: call.Status(42)}, "Status(42)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StatusLine(tc.s, now); got != tc.want {
				t.Fatalf("StatusLine = %q, want %q", got, tc.want)
			}
		})
	}
}
