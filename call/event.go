package call

import "fmt"

// EventType names an event. The String forms are the seed's event names.
type EventType int

// Event types: the seed's six, then the later SDK additions.
const (
	EventUnknown EventType = iota
	// EventIncoming: a call arrived and is ringing here (seed "incoming").
	EventIncoming
	// EventConnected: media is flowing (seed "connected").
	EventConnected
	// EventRejected: the callee declined or was busy (seed "rejected").
	EventRejected
	// EventDisconnected: a connected call ended (seed "disconnected").
	EventDisconnected
	// EventStatusChanged: Status or PeerState changed (seed "statuschanged").
	EventStatusChanged
	// EventError: something went wrong that the application should hear about
	// (seed "error"). The call may go on.
	EventError
	// EventRinging: the callee's device is alerting.
	EventRinging
	// EventEnded: the call is over, whatever the reason; always the last event of a call.
	EventEnded
	// EventFailed: the media connection could not be set up or broke.
	EventFailed
	// EventOpenDoor: the other side of the connected call asked this station to
	// pulse its door relay. Only the peer of a connected call can cause it.
	EventOpenDoor
)

var eventNames = [...]string{"unknown", "incoming", "connected", "rejected", "disconnected", "statuschanged", "error", "ringing", "ended", "failed", "opendoor"}

// String returns the seed's name for the event ("statuschanged").
func (t EventType) String() string {
	if t < 0 || int(t) >= len(eventNames) {
		return fmt.Sprintf("EventType(%d)", int(t))
	}
	return eventNames[t]
}

// EventTypes lists every known event type.
func EventTypes() []EventType {
	out := make([]EventType, 0, len(eventNames)-1)
	for i := 1; i < len(eventNames); i++ {
		out = append(out, EventType(i))
	}
	return out
}

// Event is what handlers receive. Call is always set; the other fields depend on Type.
type Event struct {
	Type EventType
	Call Info
	// UserID is the other party: the seed's incoming event.userId.
	UserID string
	// Status and PeerState: the state after the change (statuschanged, and every event).
	Status    Status
	PeerState PeerState
	// Reason and its message: rejected, ended, failed.
	Reason EndReason
	// Err: error and failed.
	Err error
	// Tracks are the remote tracks known when the call connected (connected).
	Tracks []RemoteTrack
}

// ReasonMessage returns the seed's endReasonMessage for the event's reason.
func (e Event) ReasonMessage() string { return e.Reason.Message() }

// String renders the event for logs.
func (e Event) String() string {
	s := fmt.Sprintf("%s call=%s user=%s status=%s", e.Type, e.Call.CallID, e.UserID, e.Status)
	if e.Reason != ReasonUnknown {
		s += " reason=" + e.Reason.String()
	}
	if e.Err != nil {
		s += " err=" + e.Err.Error()
	}
	return s
}
