package systemd

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/intercomd/intercomd/call"
)

// StatusLine describes a call snapshot for `systemctl status`: "idle",
// "calling panel", "ringing from door", "connecting to door",
// "in call with panel for 2m05s". The other side is named by its display name,
// else its user id, else its device. now measures the call's duration.
func StatusLine(s call.Snapshot, now time.Time) string {
	peer := peerLabel(s.Call)
	switch s.Status {
	case call.StatusUnknown:
		return "starting"
	case call.StatusIdle:
		return "idle"
	case call.StatusCalling:
		return "calling " + peer
	case call.StatusRinging:
		if s.Call.Direction == call.Outgoing {
			return "calling " + peer + ", ringing there"
		}
		return "ringing from " + peer
	case call.StatusConnecting:
		return "connecting to " + peer
	case call.StatusConnected:
		if s.Since.IsZero() {
			return "in call with " + peer
		}
		return "in call with " + peer + " for " + callDuration(now.Sub(s.Since))
	}
	return s.Status.String()
}

// peerLabel names the other side. Names come from the network, so anything that
// is not printable is dropped.
func peerLabel(i call.Info) string {
	for _, name := range []string{i.PeerName, i.PeerUserID(), i.PeerDevice} {
		name = strings.TrimSpace(strings.Map(func(r rune) rune {
			if !unicode.IsPrint(r) {
				return -1
			}
			return r
		}, name))
		if name != "" {
			return name
		}
	}
	return "an unknown peer"
}

// callDuration renders d as 45s, 2m05s or 1h02m05s.
func callDuration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	sec := int64(d / time.Second)
	h, m, s := sec/3600, sec/60%60, sec%60
	switch {
	case h > 0:
		return fmt.Sprintf("%dh%02dm%02ds", h, m, s)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}
