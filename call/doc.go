// Package call is intercomd's call engine: the seed's call API (makeCall,
// acceptCall, rejectCall, endCall and the events incoming, connected, rejected,
// disconnected, statuschanged, error) in Go, plus what later versions of that API
// added (ringing, ended with a reason, failed).
//
// The package owns the call state machine and nothing else. It declares the small
// interfaces it needs and leaves their implementation to other packages:
//
//   - [Signaler] carries [Message]s between users (package mqttsignal does it over MQTT);
//   - [PeerFactory] creates the WebRTC side of a call (package webrtcpeer does it with pion);
//   - [clock.Clock] schedules ring and connect timeouts.
//
// A [Client] runs one goroutine, its loop, which alone touches call state. API calls,
// inbound messages, peer callbacks and timers are all handed to the loop; event
// handlers run on a separate dispatcher goroutine, so a handler may call back into
// the Client (accept from an incoming handler, say) without deadlock.
package call
