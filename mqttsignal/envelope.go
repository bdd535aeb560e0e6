package mqttsignal

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/intercomd/intercomd/call"
)

// DropReason says why a received payload was dropped. The String forms appear in
// logs and in Stats.
type DropReason int

// Drop reasons, one per rule in docs/protocol.md ("Validation and drop rules").
const (
	DropUnknown DropReason = iota
	// DropInvalidJSON: the payload is not a JSON object of the envelope's shape
	// (syntax error, or a field of the wrong JSON type).
	DropInvalidJSON
	// DropOversize: the payload is larger than MaxPayload.
	DropOversize
	// DropVersion: "v" is missing or not 1.
	DropVersion
	// DropType: "type" is missing or not a known message type.
	DropType
	// DropMissingField: a field the message type requires is absent or empty.
	DropMissingField
	// DropBadID: an id field does not match ^[A-Za-z0-9_.-]{1,64}$.
	DropBadID
	// DropBadValue: a field has a value its type does not allow (a reason the
	// message type cannot carry, a negative ttl, ...).
	DropBadValue
	// DropTopicMismatch: the payload's channel or "to" disagrees with the topic,
	// or the topic is not this user's inbox.
	DropTopicMismatch
	// DropOwnDevice: the message came from this very device.
	DropOwnDevice
	// DropOtherDevice: "toDevice" names another device of this user.
	DropOtherDevice
	// DropDuplicate: the same fromDevice+seq was delivered recently (QoS 1
	// redelivery after a reconnect).
	DropDuplicate
	// DropRetained: a retained message on a signaling inbox. Signaling is never
	// retained; a retained invite would ring every device each time it
	// reconnects.
	DropRetained
	// DropUnsigned: the envelope has no "sig" and Auth.Require is set.
	DropUnsigned
	// DropUnknownSender: signed, but no key is trusted for its from/fromDevice
	// and Auth.Require is set.
	DropUnknownSender
	// DropBadSignature: "sig" does not verify with the key trusted for the
	// sender: forged, or altered on the way.
	DropBadSignature
	// DropStale: a verified envelope whose "ts" is outside Auth.Window of this
	// device's clock: a replay, or a clock that is off.
	DropStale
	// DropQueueFull: valid, but the queue to the reader is full: the reader
	// is stuck or the broker is flooded.
	DropQueueFull
	// DropPresenceFull: a presence record of a new device while MaxPresence
	// devices are online already.
	DropPresenceFull
)

var dropReasonNames = [...]string{"unknown", "invalid-json", "oversize", "version", "type", "missing-field", "bad-id", "bad-value", "topic-mismatch", "own-device", "other-device", "duplicate", "retained", "unsigned", "unknown-sender", "bad-signature", "stale", "queue-full", "presence-full"}

// String returns the reason's name ("missing-field").
func (r DropReason) String() string {
	if r < 0 || int(r) >= len(dropReasonNames) {
		return "DropReason(" + strconv.Itoa(int(r)) + ")"
	}
	return dropReasonNames[r]
}

// DropReasons lists every reason except DropUnknown.
func DropReasons() []DropReason {
	out := make([]DropReason, 0, len(dropReasonNames)-1)
	for i := 1; i < len(dropReasonNames); i++ {
		out = append(out, DropReason(i))
	}
	return out
}

// DecodeError is returned by DecodeEnvelope, DecodeCommand and DecodePresence for
// input that must be dropped. Field names the offending JSON field ("" when the
// problem is the whole payload).
type DecodeError struct {
	Reason  DropReason
	Field   string
	Problem string
}

// Error reads like `mqttsignal: dropped (missing-field): "sdp": required for invite`.
func (e *DecodeError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("mqttsignal: dropped (%s): %s", e.Reason, e.Problem)
	}
	return fmt.Sprintf("mqttsignal: dropped (%s): %q: %s", e.Reason, e.Field, e.Problem)
}

func dropf(r DropReason, field, format string, args ...any) *DecodeError {
	return &DecodeError{Reason: r, Field: field, Problem: fmt.Sprintf(format, args...)}
}

// ReasonOf returns the DropReason carried by err, or DropUnknown.
func ReasonOf(err error) DropReason {
	var de *DecodeError
	if errors.As(err, &de) {
		return de.Reason
	}
	return DropUnknown
}

// Recipient is the device a payload is decoded for: its user and device id.
type Recipient struct {
	User   string
	Device string
}

// maxTTL bounds "ttl": a ring timeout longer than an hour is a bug or an attack.
const maxTTL = time.Hour

// maxName bounds the display name, in bytes.
const maxName = 256

// one is the only protocol version; wire.V points at it when encoding.
var one = Version

// wire is the signaling envelope as it travels. docs/protocol.md has the table.
type wire struct {
	V          *int              `json:"v"`
	Type       string            `json:"type"`
	Channel    string            `json:"channel"`
	Call       string            `json:"call"`
	From       string            `json:"from"`
	FromDevice string            `json:"fromDevice"`
	To         string            `json:"to"`
	ToDevice   string            `json:"toDevice,omitempty"`
	Seq        uint64            `json:"seq"`
	TTL        int64             `json:"ttl,omitempty"`
	TS         int64             `json:"ts,omitempty"`
	SDP        string            `json:"sdp,omitempty"`
	Media      *call.Constraints `json:"media,omitempty"`
	Candidate  *call.Candidate   `json:"candidate,omitempty"`
	Reason     string            `json:"reason,omitempty"`
	AcceptedBy string            `json:"acceptedBy,omitempty"`
	Name       string            `json:"name,omitempty"`
	Sig        string            `json:"sig,omitempty"`
}

// rule is what one message type requires beyond the common fields.
type rule struct {
	sdp, ttl, toDevice, candidate bool
	// reasons the type may carry; nil means it carries none.
	reasons []call.EndReason
}

var rules = map[call.MessageType]rule{
	call.MsgInvite:    {sdp: true, ttl: true},
	call.MsgRinging:   {toDevice: true},
	call.MsgAccept:    {sdp: true, toDevice: true},
	call.MsgReject:    {toDevice: true, reasons: []call.EndReason{call.ReasonRejected, call.ReasonBusy}},
	call.MsgCancel:    {reasons: []call.EndReason{call.ReasonCancelled, call.ReasonNoAnswer, call.ReasonTaken, call.ReasonRejected}},
	call.MsgHangup:    {toDevice: true, reasons: []call.EndReason{call.ReasonHangup, call.ReasonTaken, call.ReasonFailed}},
	call.MsgCandidate: {candidate: true},
	call.MsgOpenDoor:  {toDevice: true},
	call.MsgReoffer:   {sdp: true, toDevice: true},
	call.MsgReanswer:  {sdp: true, toDevice: true},
}

// EncodeEnvelope renders m as the JSON envelope, stamping ts as the sender's
// clock. It validates m with the rules receivers apply, so a message that would
// be dropped on arrival is refused here with the same error.
func EncodeEnvelope(m call.Message, ts time.Time) ([]byte, error) {
	return EncodeSignedEnvelope(m, ts, nil)
}

// EncodeSignedEnvelope is EncodeEnvelope with a "sig" made with key (none when
// key is nil).
func EncodeSignedEnvelope(m call.Message, ts time.Time, key ed25519.PrivateKey) ([]byte, error) {
	w := wire{
		V:          &one,
		Type:       m.Type.String(),
		Channel:    m.Channel,
		Call:       m.CallID,
		From:       m.From,
		FromDevice: m.FromDevice,
		To:         m.To,
		ToDevice:   m.ToDevice,
		Seq:        m.Seq,
		TTL:        m.TTL.Milliseconds(),
		TS:         ts.UnixMilli(),
		SDP:        m.SDP,
		Media:      m.Media,
		Candidate:  m.Candidate,
		AcceptedBy: m.AcceptedBy,
		Name:       m.Name,
	}
	if m.Reason != call.ReasonUnknown {
		w.Reason = m.Reason.String()
	}
	if _, err := w.message(); err != nil {
		return nil, err
	}
	if key != nil {
		w.sign(key)
	}
	b, err := json.Marshal(&w)
	if err != nil {
		return nil, fmt.Errorf("mqttsignal: encode %s: %w", m.Type, err)
	}
	if len(b) > MaxPayload {
		return nil, dropf(DropOversize, "", "%d bytes, the limit is %d; shorten the SDP (fewer codecs) or the name", len(b), MaxPayload)
	}
	return b, nil
}

// DecodeEnvelope parses and validates one payload received on topic for the
// device to. It returns the message or a *DecodeError saying why the payload
// must be dropped. It does not detect duplicates: that needs memory, which the
// Signaler keeps.
//
// DecodeEnvelope is a pure function of its arguments and safe on any input.
func DecodeEnvelope(topic string, payload []byte, to Recipient) (call.Message, error) {
	_, m, err := decodeWire(topic, payload, to)
	return m, err
}

// decodeWire is DecodeEnvelope that also returns the wire form, which the
// Signaler needs to check the signature.
func decodeWire(topic string, payload []byte, to Recipient) (*wire, call.Message, error) {
	if len(payload) > MaxPayload {
		return nil, call.Message{}, dropf(DropOversize, "", "%d bytes, the limit is %d", len(payload), MaxPayload)
	}
	var w wire
	if err := strictUnmarshal(payload, &w); err != nil {
		return nil, call.Message{}, err
	}
	m, err := w.message()
	if err != nil {
		return nil, call.Message{}, err
	}
	pt := parseTopic(topic)
	if pt.kind != topicInbox {
		return nil, call.Message{}, dropf(DropTopicMismatch, "", "topic %q is not a user inbox (%s)", topic, InboxTopic("{channel}", "{user}"))
	}
	if pt.user != to.User {
		return nil, call.Message{}, dropf(DropTopicMismatch, "", "topic %q is the inbox of %q, not of this user %q", topic, pt.user, to.User)
	}
	if m.Channel != pt.channel {
		return nil, call.Message{}, dropf(DropTopicMismatch, "channel", "%q but the topic's channel is %q", m.Channel, pt.channel)
	}
	if m.To != pt.user {
		return nil, call.Message{}, dropf(DropTopicMismatch, "to", "%q but the topic's user is %q", m.To, pt.user)
	}
	if m.FromDevice == to.Device && m.From == to.User {
		return nil, call.Message{}, dropf(DropOwnDevice, "fromDevice", "%q is this device", m.FromDevice)
	}
	if m.ToDevice != "" && m.ToDevice != to.Device {
		return nil, call.Message{}, dropf(DropOtherDevice, "toDevice", "%q is another device of %q", m.ToDevice, to.User)
	}
	return &w, m, nil
}

// strictUnmarshal decodes one JSON object into v and turns every failure into a
// DecodeError naming the field.
func strictUnmarshal(payload []byte, v any) error {
	payload = bytes.TrimSpace(payload)
	if len(payload) == 0 || payload[0] != '{' {
		return dropf(DropInvalidJSON, "", "payload is not a JSON object")
	}
	if err := json.Unmarshal(payload, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return dropf(DropInvalidJSON, te.Field, "JSON %s where %s was expected", te.Value, te.Type)
		}
		return dropf(DropInvalidJSON, "", "%v", err)
	}
	return nil
}

// message validates w and converts it. Encode and decode share it so that a
// sender cannot produce what a receiver drops.
func (w *wire) message() (call.Message, error) {
	if w.V == nil {
		return call.Message{}, dropf(DropVersion, "v", "missing; this receiver speaks version %d", Version)
	}
	if *w.V != Version {
		return call.Message{}, dropf(DropVersion, "v", "version %d is not supported; this receiver speaks version %d", *w.V, Version)
	}
	if w.Type == "" {
		return call.Message{}, dropf(DropType, "type", "missing")
	}
	t, ok := call.ParseMessageType(w.Type)
	if !ok {
		return call.Message{}, dropf(DropType, "type", "%q is not a message type (invite ringing accept reject cancel hangup candidate open-door reoffer reanswer)", truncate(w.Type))
	}
	r := rules[t]
	ids := []struct {
		field, value string
		required     bool
	}{
		{"channel", w.Channel, true},
		{"call", w.Call, true},
		{"from", w.From, true},
		{"fromDevice", w.FromDevice, true},
		{"to", w.To, true},
		{"toDevice", w.ToDevice, r.toDevice},
	}
	for _, id := range ids {
		if id.value == "" {
			if id.required {
				return call.Message{}, dropf(DropMissingField, id.field, "required for %s", t)
			}
			continue
		}
		if !ValidID(id.value) {
			return call.Message{}, dropf(DropBadID, id.field, "%q is not an id (1-64 of A-Z a-z 0-9 _ . -)", truncate(id.value))
		}
	}
	if reservedChannels[w.Channel] {
		return call.Message{}, dropf(DropBadID, "channel", "%q is reserved by the topic layout", w.Channel)
	}
	if w.Seq == 0 {
		return call.Message{}, dropf(DropMissingField, "seq", "required, and must be above 0")
	}
	if w.TTL < 0 || w.TTL > maxTTL.Milliseconds() {
		return call.Message{}, dropf(DropBadValue, "ttl", "%d ms is outside 0..%d", w.TTL, maxTTL.Milliseconds())
	}
	if r.ttl && w.TTL == 0 {
		return call.Message{}, dropf(DropMissingField, "ttl", "required for %s (the ring timeout in ms)", t)
	}
	if r.sdp && w.SDP == "" {
		return call.Message{}, dropf(DropMissingField, "sdp", "required for %s", t)
	}
	if !r.sdp && w.SDP != "" {
		return call.Message{}, dropf(DropBadValue, "sdp", "not allowed on %s", t)
	}
	if r.candidate && w.Candidate == nil {
		return call.Message{}, dropf(DropMissingField, "candidate", "required for candidate (\"\" means end of candidates)")
	}
	for _, f := range []struct{ field, value string }{{"sdp", w.SDP}, {"name", w.Name}, {"candidate", candidateText(w.Candidate)}} {
		if !utf8.ValidString(f.value) {
			// A JSON decoder turns invalid UTF-8 into U+FFFD, so a sender must
			// not produce it: the receiver would check a different signature.
			return call.Message{}, dropf(DropBadValue, f.field, "not valid UTF-8")
		}
	}
	if len(w.Name) > maxName {
		return call.Message{}, dropf(DropBadValue, "name", "%d bytes, the limit is %d", len(w.Name), maxName)
	}
	var reason call.EndReason
	switch {
	case r.reasons == nil && w.Reason != "":
		return call.Message{}, dropf(DropBadValue, "reason", "not allowed on %s", t)
	case r.reasons != nil && w.Reason == "":
		return call.Message{}, dropf(DropMissingField, "reason", "required for %s (%s)", t, reasonList(r.reasons))
	case r.reasons != nil:
		var ok bool
		reason, ok = call.ParseEndReason(w.Reason)
		if !ok || !containsReason(r.reasons, reason) {
			return call.Message{}, dropf(DropBadValue, "reason", "%q is not one of %s for %s", truncate(w.Reason), reasonList(r.reasons), t)
		}
	}
	switch {
	case t == call.MsgCancel && reason == call.ReasonTaken && w.AcceptedBy == "":
		return call.Message{}, dropf(DropMissingField, "acceptedBy", "required for cancel with reason taken")
	case w.AcceptedBy != "" && !(t == call.MsgCancel && reason == call.ReasonTaken):
		return call.Message{}, dropf(DropBadValue, "acceptedBy", "allowed only on cancel with reason taken")
	case w.AcceptedBy != "" && !ValidID(w.AcceptedBy):
		return call.Message{}, dropf(DropBadID, "acceptedBy", "%q is not an id (1-64 of A-Z a-z 0-9 _ . -)", truncate(w.AcceptedBy))
	}
	return call.Message{
		Type:       t,
		Channel:    w.Channel,
		CallID:     w.Call,
		From:       w.From,
		FromDevice: w.FromDevice,
		To:         w.To,
		ToDevice:   w.ToDevice,
		Seq:        w.Seq,
		TTL:        time.Duration(w.TTL) * time.Millisecond,
		SDP:        w.SDP,
		Media:      w.Media,
		Candidate:  w.Candidate,
		Reason:     reason,
		AcceptedBy: w.AcceptedBy,
		Name:       w.Name,
	}, nil
}

// candidateText is every string a candidate carries, for validation.
func candidateText(c *call.Candidate) string {
	if c == nil {
		return ""
	}
	if c.SDPMid != nil {
		return c.Candidate + *c.SDPMid
	}
	return c.Candidate
}

func containsReason(list []call.EndReason, r call.EndReason) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

func reasonList(list []call.EndReason) string {
	var b bytes.Buffer
	for i, r := range list {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(r.String())
	}
	return b.String()
}

// truncate keeps hostile input from filling the logs.
func truncate(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
