// Package broker is intercomd's embedded MQTT broker, for installations that
// have none: mochi-mqtt in-process, with intercomd's security rules. It owns
// the listeners, the login and ACL rules, and retained messages; it knows
// nothing about calls.
//
// # Listeners
//
// MQTT over TCP on 127.0.0.1:1883 and MQTT over WebSocket on 127.0.0.1:1884
// by default (Config.TCPAddress, Config.WebSocketAddress; "off" disables
// one). With Config.TLSCertFile and TLSKeyFile both speak TLS (ssl://, wss://).
//
// Browsers connect over WebSocket. The listener upgrades any path with the
// "mqtt" subprotocol, so MQTT.js's default URL works:
//
//	mqtt.connect("ws://HOST:1884/mqtt")   // or wss://HOST:1884/mqtt with TLS
//
// (as does ws://HOST:1884/). A plain HTTP request gets 426 Upgrade Required.
// The listener is this package's own: mochi's WebSocket listener serves every
// path too, but it binds only when serving and merely logs a busy port, and it
// accepts any Origin. Here a busy port fails Start, and a browser page from a
// foreign origin is refused (403) unless listed in Config.WebSocketOrigins;
// pages from the same host or from loopback, and non-browser clients (no
// Origin header), are allowed.
//
// # Who may connect
//
// Without Config.Users every client is anonymous with full access, so Validate
// refuses any listener that is not on loopback (the error names the key and
// the fix). With Users, clients log in with a user name and password;
// Config.AllowAnonymous additionally lets clients without a user name in with
// full access, and is allowed only when every listener is on loopback.
//
// # ACL (with Users)
//
// Admins (Config.Admins: Home Assistant, the CLI) may do anything. Every other
// user U may:
//
//	publish   intercom/v1/+/user/+              signaling to anyone
//	          intercom/v1/+/presence/U/+        its own presence only
//	          intercom/v1/state/+               a station's state snapshot
//	          intercom/v1/event/+               a station's events (doorbell)
//	          intercom/v1/ctl/+/result          a station's answers to commands
//	subscribe intercom/v1/+/user/U              its own inbox only (SDP, addresses)
//	          intercom/v1/+/presence/#
//	          intercom/v1/state/#
//	          intercom/v1/event/#
//	          intercom/v1/ctl/#                 a station reads its commands
//
// and nothing else; in particular only admins send commands
// (intercom/v1/ctl/{device}), which make a station call or open the door.
// Filters are checked as sets: "intercom/v1/#" is refused because it reaches
// other users' inboxes. A will is a publish too: a CONNECT whose will topic
// the user may not publish is refused, and OnWill drops such a will should
// one get past that (mochi sends wills without asking the ACL hook). mochi
// disconnects an MQTT 3.1.1 client whose QoS 1 publish is denied; intercom
// clients only publish what the ACL allows.
//
// The broker checks topics, not payloads: a logged-in user can put any "from"
// in a signaling message it sends to someone's inbox. Signaling authenticity
// (binding "from" and "fromDevice" to the login) is not solved here; it is
// issue 9's job. Until then, give credentials only to people you would let
// ring the door.
//
// # Retained messages
//
// mochi v2.7.9 races when a retained message is stored while a client
// subscribes with a wildcard (mochi-mqtt/server#200, still present), which is
// what intercom clients do with presence. Retained publishes and wills are
// therefore kept by this package and sent to new subscriptions after the
// SUBACK, at QoS 0. Retained messages never expire (mochi's default would
// drop a day-old presence record). MQTT 5 will delays are not supported: the
// will is sent at once.
package broker
