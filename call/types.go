package call

import (
	"fmt"
	"time"
)

// Status is where the local side of a call stands. Its zero value is StatusUnknown.
type Status int

// Call statuses, in the order a call normally passes through them.
const (
	StatusUnknown Status = iota
	// StatusIdle: no call.
	StatusIdle
	// StatusCalling: an outgoing call was placed and has not been answered yet.
	StatusCalling
	// StatusRinging: an incoming call is alerting here.
	StatusRinging
	// StatusConnecting: the call was answered; media is being set up.
	StatusConnecting
	// StatusConnected: media flows.
	StatusConnected
)

var statusNames = [...]string{"unknown", "idle", "calling", "ringing", "connecting", "connected"}

// String returns the status as it appears on the wire and in logs ("ringing").
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// Statuses lists every known status except StatusUnknown.
func Statuses() []Status {
	return []Status{StatusIdle, StatusCalling, StatusRinging, StatusConnecting, StatusConnected}
}

// Direction says who placed the call.
type Direction int

// Directions.
const (
	DirectionUnknown Direction = iota
	// Outgoing: this client placed the call.
	Outgoing
	// Incoming: the other side placed the call.
	Incoming
)

// String returns "outgoing" or "incoming".
func (d Direction) String() string {
	switch d {
	case Outgoing:
		return "outgoing"
	case Incoming:
		return "incoming"
	}
	return "unknown"
}

// EndReason says why a call ended. It travels on the wire as its String form.
type EndReason int

// End reasons. The wire names follow the seed SDK's later endReasonCode values.
const (
	ReasonUnknown EndReason = iota
	// ReasonHangup: a party ended an answered call.
	ReasonHangup
	// ReasonRejected: the callee declined.
	ReasonRejected
	// ReasonBusy: the callee is in another call.
	ReasonBusy
	// ReasonNoAnswer: nobody answered within the ring timeout.
	ReasonNoAnswer
	// ReasonCancelled: the caller gave up before an answer.
	ReasonCancelled
	// ReasonTaken: another device of the same user answered.
	ReasonTaken
	// ReasonFailed: media could not be set up or broke.
	ReasonFailed
)

var reasonNames = [...]string{"unknown", "hangup", "rejected", "busy", "no-answer", "cancelled", "taken", "failed"}

var reasonMessages = [...]string{
	"the call ended for an unknown reason",
	"the call was ended",
	"the call was declined",
	"the other side is in another call",
	"nobody answered",
	"the caller hung up before the call was answered",
	"the call was answered on another device",
	"the connection failed",
}

// String returns the wire name of the reason ("no-answer").
func (r EndReason) String() string {
	if r < 0 || int(r) >= len(reasonNames) {
		return fmt.Sprintf("EndReason(%d)", int(r))
	}
	return reasonNames[r]
}

// Message returns a sentence for people ("nobody answered"): the seed's endReasonMessage.
func (r EndReason) Message() string {
	if r < 0 || int(r) >= len(reasonMessages) {
		return reasonMessages[0]
	}
	return reasonMessages[r]
}

// ParseEndReason is the inverse of EndReason.String. Unknown names give ReasonUnknown
// and false.
func ParseEndReason(s string) (EndReason, bool) {
	for i, n := range reasonNames {
		if i > 0 && n == s {
			return EndReason(i), true
		}
	}
	return ReasonUnknown, false
}

// PeerState is the state of the WebRTC connection under a call, as
// RTCPeerConnectionState names it.
type PeerState int

// Peer connection states.
const (
	PeerUnknown PeerState = iota
	PeerNew
	PeerConnecting
	PeerConnected
	PeerDisconnected
	PeerFailed
	PeerClosed
)

var peerStateNames = [...]string{"unknown", "new", "connecting", "connected", "disconnected", "failed", "closed"}

// String returns the W3C name of the state ("connected").
func (s PeerState) String() string {
	if s < 0 || int(s) >= len(peerStateNames) {
		return fmt.Sprintf("PeerState(%d)", int(s))
	}
	return peerStateNames[s]
}

// Constraints say which media this side sends, as getUserMedia's constraints do in
// the seed: {audio: true, video: true}. A side always offers to receive both kinds;
// Constraints{} makes it receive-only.
type Constraints struct {
	Audio bool `json:"audio"`
	Video bool `json:"video"`
}

// DefaultConstraints is what makeCall and acceptCall use when given none.
var DefaultConstraints = Constraints{Audio: true, Video: true}

// String returns a short form such as "audio+video" or "receive-only".
func (c Constraints) String() string {
	switch {
	case c.Audio && c.Video:
		return "audio+video"
	case c.Audio:
		return "audio"
	case c.Video:
		return "video"
	}
	return "receive-only"
}

// Info identifies a call. Every event carries it.
type Info struct {
	ChannelID string
	CallID    string
	CallerID  string
	CalleeID  string
	Direction Direction
	// PeerDevice is the device of the other party once known: the caller's device
	// for an incoming call, the answering device after an outgoing call is accepted.
	PeerDevice string
	// PeerName is the other side's display name, when it sent one.
	PeerName string
}

// PeerUserID returns the user on the other side of the call.
func (i Info) PeerUserID() string {
	if i.Direction == Incoming {
		return i.CallerID
	}
	return i.CalleeID
}

// Snapshot is the client's state at one moment, for status lines and sensors.
type Snapshot struct {
	Status Status
	Call   Info // zero when Status is StatusIdle
	// Since is when Status was entered.
	Since time.Time
	// DoNotDisturb: incoming calls are rejected as busy (SetDoNotDisturb).
	DoNotDisturb bool
}
