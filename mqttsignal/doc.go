// Package mqttsignal carries intercomd's signaling over MQTT: it implements
// call.Signaler on paho.mqtt.golang, and adds what a station needs around it:
// presence, daemon commands and their results, and the state snapshot. The
// wire protocol is docs/protocol.md; this package owns its encoding
// (EncodeEnvelope, DecodeEnvelope, DecodeCommand, DecodePresence: pure
// functions, fuzzed) and the MQTT client.
//
// # Connection
//
// New starts connecting in the background and reconnects until Close. On
// every connect, the session being clean, the Signaler subscribes to its
// inbox and the presence records of each channel and to its command topic,
// then publishes its presence "online" (retained); Connected and
// WaitConnected report true only once all of that was acknowledged. The will
// sets presence "offline" (retained) if the link dies; Close publishes
// "offline" itself first, as a clean disconnect sends no will. If the broker
// publishes this device's will after it has already reconnected (a broker
// that noticed the dead link late), the Signaler sees its own "offline" and
// announces itself again.
//
// MQTT allows one will per connection, so only Channels[0] gets the automatic
// "offline" when the link dies; on other channels the record stays "online"
// until the device comes back or closes cleanly.
//
// # Receiving
//
// paho's callbacks only decode and queue: Messages and Commands are fed from
// unbounded queues by goroutines the Signaler owns, so a slow reader never
// blocks paho (which would stall keep-alives). Every dropped payload is logged
// with its reason (debug for the normal ones: duplicates, other devices'
// messages; warn for malformed input) and counted in Stats. Duplicates are
// found by fromDevice+seq among the last 4096 messages: paho re-sends
// unacknowledged QoS 1 messages after a reconnect.
//
// # Sending
//
// Send validates with the receivers' rules, fills in From, FromDevice and Seq
// (one counter per process, starting at the Unix time in µs when it started,
// so it keeps increasing across restarts), publishes at QoS 1 and returns
// without waiting; a goroutine logs a failure. Messages sent while the link
// is down are queued by paho and sent on reconnect.
//
// paho v1.5.1 races with itself when a QoS 1 publish is made while it resends
// stored ones after a reconnect (eclipse-paho/paho.mqtt.golang#703); the
// Signaler stores copies of outgoing packets so the resend works on its own
// object, and publishes presence only after the subscriptions are
// acknowledged.
package mqttsignal
