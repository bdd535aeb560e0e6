package call

import (
	"fmt"
	"time"
)

// MessageType names a signaling message. The String forms are the wire names in
// docs/protocol.md.
type MessageType int

// Signaling message types.
const (
	MsgUnknown MessageType = iota
	// MsgInvite: caller → callee user (all its devices). Carries the SDP offer.
	MsgInvite
	// MsgRinging: callee device → caller device: the invite is alerting here.
	MsgRinging
	// MsgAccept: callee device → caller device. Carries the SDP answer.
	MsgAccept
	// MsgReject: callee device → caller device, with reason rejected or busy.
	MsgReject
	// MsgCancel: caller → callee user: stop ringing (cancelled, no-answer, taken,
	// rejected by another device).
	MsgCancel
	// MsgHangup: either side → the other device: the answered call is over.
	MsgHangup
	// MsgCandidate: a trickled ICE candidate, either way.
	MsgCandidate
	// MsgOpenDoor: callee device → caller device during a connected call: pulse the
	// door relay.
	MsgOpenDoor
	// MsgReoffer: caller device → callee device of an answered call whose
	// connection was lost: an ICE-restart offer.
	MsgReoffer
	// MsgReanswer: callee device → caller device: the answer to a reoffer.
	MsgReanswer
)

var messageNames = [...]string{"unknown", "invite", "ringing", "accept", "reject", "cancel", "hangup", "candidate", "open-door", "reoffer", "reanswer"}

// String returns the wire name ("invite").
func (t MessageType) String() string {
	if t < 0 || int(t) >= len(messageNames) {
		return fmt.Sprintf("MessageType(%d)", int(t))
	}
	return messageNames[t]
}

// ParseMessageType is the inverse of MessageType.String.
func ParseMessageType(s string) (MessageType, bool) {
	for i, n := range messageNames {
		if i > 0 && n == s {
			return MessageType(i), true
		}
	}
	return MsgUnknown, false
}

// Candidate is a trickled ICE candidate in the form RTCIceCandidateInit has.
// An empty Candidate string means end of candidates.
type Candidate struct {
	Candidate     string  `json:"candidate"`
	SDPMid        *string `json:"sdpMid,omitempty"`
	SDPMLineIndex *uint16 `json:"sdpMLineIndex,omitempty"`
}

// Message is one signaling message between two users. The Signaler fills in From,
// FromDevice and Seq on send; the Client fills in the rest.
type Message struct {
	Type    MessageType
	Channel string
	CallID  string
	// From is the sending user, FromDevice the sending device.
	From       string
	FromDevice string
	// To is the receiving user; ToDevice narrows it to one of that user's devices
	// (empty: every device of the user).
	To       string
	ToDevice string
	// Seq increases with every message a device sends; receivers use it with
	// FromDevice to drop duplicates.
	Seq uint64
	// TTL is how long the message stays meaningful after it is received. For an
	// invite it is the caller's ring timeout.
	TTL time.Duration

	// SDP: the offer (invite, reoffer) or the answer (accept, reanswer).
	SDP string
	// Media: what the sender will send (invite and accept).
	Media *Constraints
	// Candidate: candidate messages.
	Candidate *Candidate
	// Reason: reject, cancel and hangup.
	Reason EndReason
	// AcceptedBy: on a cancel with ReasonTaken, the device that answered.
	AcceptedBy string
	// Name: the sender's display name (invite, accept).
	Name string
}

// Signaler carries messages between users. Implementations must be safe for use
// from several goroutines and must never block for long in Send.
type Signaler interface {
	// Send queues m for delivery to m.To (and m.ToDevice when set) on m.Channel.
	// It returns an error only when m cannot be sent at all (malformed, closed);
	// delivery failures after that are the transport's to report.
	Send(m Message) error
	// Messages delivers the messages addressed to this client's user or device,
	// validated and with duplicates removed. It is closed when the Signaler stops.
	Messages() <-chan Message
}

// ConnectivityReporter is implemented by Signalers that know whether their
// transport is up. MakeCall refuses with ErrOffline while it is down instead of
// ringing nobody until the ring timeout.
type ConnectivityReporter interface {
	Connected() bool
}
