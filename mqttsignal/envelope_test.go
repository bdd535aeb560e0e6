package mqttsignal

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

var panelTab = Recipient{User: "panel", Device: "panel-tab"}
var doorPi = Recipient{User: "door", Device: "door-pi"}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecodeSamples decodes every captured-style sample in testdata.
func TestDecodeSamples(t *testing.T) {
	sdp := string(readTestdata(t, "offer.sdp"))
	tests := []struct {
		file  string
		topic string
		to    Recipient
		want  call.Message
	}{
		{"invite.json", "intercom/v1/home/user/panel", panelTab, call.Message{
			Type: call.MsgInvite, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 1764213000123001, TTL: 30 * time.Second, SDP: sdp,
			Media: &call.Constraints{Audio: true, Video: true}, Name: "Front door"}},
		{"ringing.json", "intercom/v1/home/user/door", doorPi, call.Message{
			Type: call.MsgRinging, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "panel", FromDevice: "panel-tab",
			To: "door", ToDevice: "door-pi", Seq: 1764213000200001}},
		{"candidate.json", "intercom/v1/home/user/panel", panelTab, call.Message{
			Type: call.MsgCandidate, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 1764213000123002, Candidate: &call.Candidate{
				Candidate:     "candidate:1467250027 1 udp 2122260223 192.168.1.23 46243 typ host generation 0 ufrag Zx3q network-id 1",
				SDPMid:        ptr("0"),
				SDPMLineIndex: ptr[uint16](0)}}},
		{"candidate-end.json", "intercom/v1/home/user/panel", panelTab, call.Message{
			Type: call.MsgCandidate, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
			To: "panel", ToDevice: "panel-tab", Seq: 1764213000123009, Candidate: &call.Candidate{}}},
		{"cancel-taken.json", "intercom/v1/home/user/panel", panelTab, call.Message{
			Type: call.MsgCancel, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 1764213000123010, Reason: call.ReasonTaken, AcceptedBy: "panel-tab"}},
		{"reject-busy.json", "intercom/v1/home/user/door", doorPi, call.Message{
			Type: call.MsgReject, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "panel", FromDevice: "panel-kitchen",
			To: "door", ToDevice: "door-pi", Seq: 1764213000300001, Reason: call.ReasonBusy}},
		{"hangup.json", "intercom/v1/home/user/door", doorPi, call.Message{
			Type: call.MsgHangup, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "panel", FromDevice: "panel-tab",
			To: "door", ToDevice: "door-pi", Seq: 1764213000200010, Reason: call.ReasonHangup}},
		{"open-door.json", "intercom/v1/home/user/door", doorPi, call.Message{
			Type: call.MsgOpenDoor, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "panel", FromDevice: "panel-tab",
			To: "door", ToDevice: "door-pi", Seq: 1764213000200011}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := DecodeEnvelope(tt.topic, readTestdata(t, tt.file), tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	// accept.json carries an answer; check the fields that differ from invite.
	got, err := DecodeEnvelope("intercom/v1/home/user/door", readTestdata(t, "accept.json"), doorPi)
	if err != nil {
		t.Fatal(err)
	}
	if got.Type != call.MsgAccept || !strings.Contains(got.SDP, "a=setup:active") || *got.Media != (call.Constraints{Audio: true}) || got.Name != "Hall panel" {
		t.Errorf("accept decoded as %+v", got)
	}
}

func ptr[T any](v T) *T { return &v }

// validInvite is a map so that each case can break one thing.
func validInvite() map[string]any {
	return map[string]any{
		"v": 1, "type": "invite", "channel": "home", "call": "9f2c4e1a7b3d5c60",
		"from": "door", "fromDevice": "door-pi", "to": "panel",
		"seq": 1764213000123001, "ttl": 30000, "ts": 1764213000123,
		"sdp": "v=0\r\n", "media": map[string]any{"audio": true, "video": true}, "name": "Front door",
	}
}

func TestDecodeEnvelopeRejects(t *testing.T) {
	const inbox = "intercom/v1/home/user/panel"
	with := func(f func(m map[string]any)) []byte {
		m := validInvite()
		f(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	set := func(kv ...any) []byte {
		return with(func(m map[string]any) {
			for i := 0; i < len(kv); i += 2 {
				if kv[i+1] == nil {
					delete(m, kv[i].(string))
				} else {
					m[kv[i].(string)] = kv[i+1]
				}
			}
		})
	}
	huge := strings.Repeat("a", MaxPayload)
	tests := []struct {
		name    string
		topic   string
		payload []byte
		to      Recipient
		reason  DropReason
		field   string
	}{
		{"not json", inbox, []byte("{nope"), panelTab, DropInvalidJSON, ""},
		{"json array", inbox, []byte(`[1,2]`), panelTab, DropInvalidJSON, ""},
		{"json null", inbox, []byte(`null`), panelTab, DropInvalidJSON, ""},
		{"empty", inbox, nil, panelTab, DropInvalidJSON, ""},
		{"seq is a string", inbox, set("seq", "1"), panelTab, DropInvalidJSON, "seq"},
		{"seq negative", inbox, set("seq", -1), panelTab, DropInvalidJSON, "seq"},
		{"media wrong type", inbox, set("media", "yes"), panelTab, DropInvalidJSON, "media"},
		{"oversize", inbox, set("sdp", huge), panelTab, DropOversize, ""},
		{"v missing", inbox, set("v", nil), panelTab, DropVersion, "v"},
		{"v 2", inbox, set("v", 2), panelTab, DropVersion, "v"},
		{"type missing", inbox, set("type", nil), panelTab, DropType, "type"},
		{"type unknown", inbox, set("type", "offer"), panelTab, DropType, "type"},
		{"channel missing", inbox, set("channel", nil), panelTab, DropMissingField, "channel"},
		{"call missing", inbox, set("call", ""), panelTab, DropMissingField, "call"},
		{"from missing", inbox, set("from", nil), panelTab, DropMissingField, "from"},
		{"fromDevice missing", inbox, set("fromDevice", nil), panelTab, DropMissingField, "fromDevice"},
		{"to missing", inbox, set("to", nil), panelTab, DropMissingField, "to"},
		{"seq missing", inbox, set("seq", nil), panelTab, DropMissingField, "seq"},
		{"invite without sdp", inbox, set("sdp", nil), panelTab, DropMissingField, "sdp"},
		{"invite without ttl", inbox, set("ttl", nil), panelTab, DropMissingField, "ttl"},
		{"ringing without toDevice", inbox, set("type", "ringing", "sdp", nil), panelTab, DropMissingField, "toDevice"},
		{"accept without sdp", inbox, set("type", "accept", "toDevice", "panel-tab", "sdp", nil), panelTab, DropMissingField, "sdp"},
		{"reject without reason", inbox, set("type", "reject", "toDevice", "panel-tab", "sdp", nil), panelTab, DropMissingField, "reason"},
		{"cancel without reason", inbox, set("type", "cancel", "sdp", nil), panelTab, DropMissingField, "reason"},
		{"cancel taken without acceptedBy", inbox, set("type", "cancel", "sdp", nil, "reason", "taken"), panelTab, DropMissingField, "acceptedBy"},
		{"hangup without toDevice", inbox, set("type", "hangup", "sdp", nil, "reason", "hangup"), panelTab, DropMissingField, "toDevice"},
		{"candidate without candidate", inbox, set("type", "candidate", "sdp", nil), panelTab, DropMissingField, "candidate"},
		{"open-door without toDevice", inbox, set("type", "open-door", "sdp", nil), panelTab, DropMissingField, "toDevice"},
		{"bad channel id", inbox, set("channel", "ho me"), panelTab, DropBadID, "channel"},
		{"reserved channel", "intercom/v1/ctl/user/panel", set("channel", "ctl"), panelTab, DropBadID, "channel"},
		{"bad call id", inbox, set("call", "9f2c/4e1a"), panelTab, DropBadID, "call"},
		{"call id too long", inbox, set("call", strings.Repeat("a", 65)), panelTab, DropBadID, "call"},
		{"bad from", inbox, set("from", "door#"), panelTab, DropBadID, "from"},
		{"bad fromDevice", inbox, set("fromDevice", "pi\n"), panelTab, DropBadID, "fromDevice"},
		{"bad to", inbox, set("to", "pan+el"), panelTab, DropBadID, "to"},
		{"bad toDevice", inbox, set("toDevice", "tab/1"), panelTab, DropBadID, "toDevice"},
		{"bad acceptedBy", inbox, set("type", "cancel", "sdp", nil, "reason", "taken", "acceptedBy", "a b"), panelTab, DropBadID, "acceptedBy"},
		{"reject with reason hangup", inbox, set("type", "reject", "toDevice", "panel-tab", "sdp", nil, "reason", "hangup"), panelTab, DropBadValue, "reason"},
		{"reason unknown", inbox, set("type", "cancel", "sdp", nil, "reason", "bored"), panelTab, DropBadValue, "reason"},
		{"invite with reason", inbox, set("reason", "busy"), panelTab, DropBadValue, "reason"},
		{"acceptedBy on hangup", inbox, set("type", "hangup", "toDevice", "panel-tab", "sdp", nil, "reason", "hangup", "acceptedBy", "x"), panelTab, DropBadValue, "acceptedBy"},
		{"sdp on candidate", inbox, set("type", "candidate", "candidate", map[string]any{"candidate": ""}), panelTab, DropBadValue, "sdp"},
		{"negative ttl", inbox, set("ttl", -5), panelTab, DropBadValue, "ttl"},
		{"ttl over an hour", inbox, set("ttl", 3600001), panelTab, DropBadValue, "ttl"},
		{"name too long", inbox, set("name", strings.Repeat("n", 257)), panelTab, DropBadValue, "name"},
		{"topic not an inbox", "intercom/v1/home/presence/panel/x", set(), panelTab, DropTopicMismatch, ""},
		{"topic of another user", "intercom/v1/home/user/alice", set("to", "alice"), panelTab, DropTopicMismatch, ""},
		{"channel differs from topic", "intercom/v1/garden/user/panel", set(), panelTab, DropTopicMismatch, "channel"},
		{"to differs from topic", inbox, set("to", "alice"), panelTab, DropTopicMismatch, "to"},
		{"own device", inbox, set("from", "panel", "fromDevice", "panel-tab"), panelTab, DropOwnDevice, "fromDevice"},
		{"other device", inbox, set("toDevice", "panel-kitchen"), panelTab, DropOtherDevice, "toDevice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeEnvelope(tt.topic, tt.payload, tt.to)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *DecodeError", err)
			}
			if de.Reason != tt.reason || de.Field != tt.field {
				t.Errorf("got reason %s field %q (%v), want reason %s field %q", de.Reason, de.Field, err, tt.reason, tt.field)
			}
			if ReasonOf(err) != tt.reason {
				t.Errorf("ReasonOf = %s", ReasonOf(err))
			}
			if !strings.HasPrefix(err.Error(), "mqttsignal: dropped ("+tt.reason.String()+")") {
				t.Errorf("error text %q does not start with the reason", err)
			}
			if tt.field != "" && !strings.Contains(err.Error(), `"`+tt.field+`"`) {
				t.Errorf("error text %q does not name the field %q", err, tt.field)
			}
		})
	}
	// The valid invite itself passes, so every case above failed for its own reason.
	if _, err := DecodeEnvelope(inbox, set(), panelTab); err != nil {
		t.Fatalf("the base invite is rejected: %v", err)
	}
}

func TestEnvelopeRoundTrip(t *testing.T) {
	sdp := string(readTestdata(t, "offer.sdp"))
	msgs := []call.Message{
		{Type: call.MsgInvite, SDP: sdp, TTL: 30 * time.Second, Media: &call.Constraints{Audio: true, Video: true}, Name: "Front door ☎"},
		{Type: call.MsgRinging, ToDevice: "panel-tab"},
		{Type: call.MsgAccept, ToDevice: "panel-tab", SDP: sdp, Media: &call.Constraints{Audio: true}},
		{Type: call.MsgReject, ToDevice: "panel-tab", Reason: call.ReasonRejected},
		{Type: call.MsgReject, ToDevice: "panel-tab", Reason: call.ReasonBusy},
		{Type: call.MsgCancel, Reason: call.ReasonCancelled},
		{Type: call.MsgCancel, Reason: call.ReasonNoAnswer},
		{Type: call.MsgCancel, Reason: call.ReasonRejected},
		{Type: call.MsgCancel, Reason: call.ReasonTaken, AcceptedBy: "panel-kitchen"},
		{Type: call.MsgHangup, ToDevice: "panel-tab", Reason: call.ReasonHangup},
		{Type: call.MsgHangup, ToDevice: "panel-tab", Reason: call.ReasonTaken},
		{Type: call.MsgHangup, ToDevice: "panel-tab", Reason: call.ReasonFailed},
		{Type: call.MsgCandidate, Candidate: &call.Candidate{Candidate: "candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host", SDPMid: ptr("1"), SDPMLineIndex: ptr[uint16](1)}},
		{Type: call.MsgCandidate, ToDevice: "panel-tab", Candidate: &call.Candidate{}},
		{Type: call.MsgOpenDoor, ToDevice: "panel-tab"},
	}
	for i, m := range msgs {
		m.Channel, m.CallID, m.From, m.FromDevice, m.To, m.Seq = "home", "9f2c4e1a7b3d5c60", "door", "door-pi", "panel", uint64(1764213000123001+i)
		t.Run(m.Type.String(), func(t *testing.T) {
			b, err := EncodeEnvelope(m, time.UnixMilli(1764213000123))
			if err != nil {
				t.Fatal(err)
			}
			got, err := DecodeEnvelope(InboxTopic("home", "panel"), b, panelTab)
			if err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			if !reflect.DeepEqual(got, m) {
				t.Errorf("got  %+v\nwant %+v", got, m)
			}
		})
	}
}

func TestEncodeRefusesWhatReceiversDrop(t *testing.T) {
	base := call.Message{Type: call.MsgAccept, Channel: "home", CallID: "c1", From: "panel", FromDevice: "panel-tab", To: "door", Seq: 1, SDP: "v=0"}
	tests := []struct {
		name   string
		mutate func(*call.Message)
		reason DropReason
	}{
		{"accept without toDevice", func(m *call.Message) {}, DropMissingField},
		{"unknown type", func(m *call.Message) { m.Type = call.MsgUnknown; m.ToDevice = "door-pi" }, DropType},
		{"bad id", func(m *call.Message) { m.ToDevice = "door pi" }, DropBadID},
		{"oversize", func(m *call.Message) { m.ToDevice = "door-pi"; m.SDP = strings.Repeat("x", MaxPayload) }, DropOversize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base
			tt.mutate(&m)
			_, err := EncodeEnvelope(m, time.Now())
			if ReasonOf(err) != tt.reason {
				t.Errorf("got %v, want reason %s", err, tt.reason)
			}
		})
	}
}

func TestValidIDMatchesPattern(t *testing.T) {
	for _, s := range []string{"", "a", "door-pi", "A_b.9", strings.Repeat("x", 64), strings.Repeat("x", 65), "a b", "ä", "a/b", "+", "#", "a\x00"} {
		if ValidID(s) != idPattern.MatchString(s) {
			t.Errorf("ValidID(%q) = %v, the pattern says %v", s, ValidID(s), idPattern.MatchString(s))
		}
	}
}

func TestRecentSet(t *testing.T) {
	r := newRecentSet(3)
	k := func(d string, s uint64) dedupeKey { return dedupeKey{"u", d, s} }
	steps := []struct {
		key  dedupeKey
		want bool
	}{
		{k("a", 1), true}, {k("a", 1), false}, {k("b", 1), true}, {k("a", 2), true},
		{k("b", 1), false},
		{k("a", 3), true}, // evicts a/1
		{k("a", 1), true}, // forgotten, so new again; evicts b/1
		{k("a", 2), false},
		{k("b", 1), true},
	}
	for i, s := range steps {
		if got := r.add(s.key); got != s.want {
			t.Errorf("step %d add(%v) = %v, want %v", i, s.key, got, s.want)
		}
	}
	if len(r.seen) != 3 {
		t.Errorf("the set holds %d keys, want 3", len(r.seen))
	}
}

func TestDropReasonNames(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range DropReasons() {
		n := r.String()
		if n == "" || seen[n] || strings.HasPrefix(n, "DropReason(") {
			t.Errorf("bad or repeated name %q for %d", n, int(r))
		}
		seen[n] = true
	}
	if got := DropReason(99).String(); got != "DropReason(99)" {
		t.Errorf("out of range: %q", got)
	}
}

func BenchmarkEnvelopeRoundTrip(b *testing.B) {
	sdp := string(readTestdata(b, "offer.sdp"))
	m := call.Message{Type: call.MsgInvite, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
		To: "panel", Seq: 1764213000123001, TTL: 30 * time.Second, SDP: sdp, Media: &call.Constraints{Audio: true, Video: true}, Name: "Front door"}
	ts := time.UnixMilli(1764213000123)
	topic := InboxTopic("home", "panel")
	b.ReportAllocs()
	for b.Loop() {
		p, err := EncodeEnvelope(m, ts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := DecodeEnvelope(topic, p, panelTab); err != nil {
			b.Fatal(err)
		}
	}
}
