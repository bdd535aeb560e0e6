package call

import "errors"

// Errors returned by the Client's methods. Test with errors.Is.
var (
	// ErrBusy: MakeCall while another call is in progress. End it first.
	ErrBusy = errors.New("call: a call is already in progress; end it before placing another")
	// ErrNoIncomingCall: AcceptCall or RejectCall with nothing ringing here.
	ErrNoIncomingCall = errors.New("call: no incoming call is ringing")
	// ErrNoCall: EndCall with no call in progress.
	ErrNoCall = errors.New("call: no call in progress")
	// ErrOffline: MakeCall while the signaling transport is down (broker
	// unreachable); the invite could not reach anyone. Try again when online.
	ErrOffline = errors.New("call: not connected to the signaling broker; the call cannot be placed now")
	// ErrClosed: the Client was closed.
	ErrClosed = errors.New("call: client is closed")
	// ErrInvalidOptions: MakeCall without a channel or target, or calling oneself.
	ErrInvalidOptions = errors.New("call: invalid call options")
	// ErrInvalidConfig: NewClient with a Config that lacks a required field.
	ErrInvalidConfig = errors.New("call: invalid client config")
)
