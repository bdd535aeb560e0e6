package mqttsignal

import (
	"crypto/ed25519"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/trust"
)

var updateVectors = flag.Bool("update-vectors", false, "rewrite testdata/signed-envelope.json")

// seededKey returns a fixed key, so that signatures are reproducible (Ed25519
// is deterministic) and other implementations can check against them.
func seededKey(b byte) ed25519.PrivateKey {
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = b
	}
	return ed25519.NewKeyFromSeed(seed)
}

var authNow = time.UnixMilli(1764213000000)

func trustOf(t testing.TB, entries ...trust.Entry) *trust.Store {
	s, err := trust.NewStore(entries...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func entry(user, device string, key ed25519.PrivateKey) trust.Entry {
	return trust.Entry{Identity: trust.Identity{User: user, Device: device}, Key: trust.PublicKey(key)}
}

// signedInvite is an invite from door/door-pi to panel, signed with key, as the
// wire form a receiver decodes.
func signedInvite(t testing.TB, key ed25519.PrivateKey, edit func(*call.Message)) *wire {
	t.Helper()
	sdp := string(readTestdata(t, "offer.sdp"))
	m := call.Message{
		Type: call.MsgInvite, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
		To: "panel", Seq: 1764213000123001, TTL: 30 * time.Second, SDP: sdp,
		Media: &call.Constraints{Audio: true, Video: true}, Name: "Front door",
	}
	if edit != nil {
		edit(&m)
	}
	b, err := EncodeSignedEnvelope(m, authNow, key)
	if err != nil {
		t.Fatal(err)
	}
	w, _, err := decodeWire("intercom/v1/home/user/panel", b, panelTab)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func authOf(a Auth) *Auth {
	var h authHolder
	h.store(a)
	return h.load()
}

func TestAuthenticate(t *testing.T) {
	door, mallory := seededKey(1), seededKey(2)
	trusted := trustOf(t, entry("door", "door-pi", door))
	strict := authOf(Auth{Trust: trusted, Require: true})
	lenient := authOf(Auth{Trust: trusted})
	for _, tc := range []struct {
		name string
		auth *Auth
		w    *wire
		at   time.Time
		want DropReason // DropUnknown: accepted
	}{
		{"signed by the enrolled key", strict, signedInvite(t, door, nil), authNow, DropUnknown},
		{"unsigned, required", strict, signedInvite(t, nil, nil), authNow, DropUnsigned},
		{"unsigned, not required, from an enrolled device", lenient, signedInvite(t, nil, nil), authNow, DropUnsigned},
		{"unsigned, not required, from an unknown device", lenient, signedInvite(t, nil, func(m *call.Message) { m.FromDevice = "door-2" }), authNow, DropUnknown},
		{"signed by another key", strict, signedInvite(t, mallory, nil), authNow, DropBadSignature},
		{"signed by another key, not required", lenient, signedInvite(t, mallory, nil), authNow, DropBadSignature},
		{"a device nobody enrolled", strict, signedInvite(t, mallory, func(m *call.Message) { m.FromDevice = "door-2" }), authNow, DropUnknownSender},
		{"a device nobody enrolled, not required", lenient, signedInvite(t, mallory, func(m *call.Message) { m.FromDevice = "door-2" }), authNow, DropUnknown},
		{"ts a minute old", strict, signedInvite(t, door, nil), authNow.Add(time.Minute), DropUnknown},
		{"ts three minutes old: replayed", strict, signedInvite(t, door, nil), authNow.Add(3 * time.Minute), DropStale},
		{"ts three minutes ahead", strict, signedInvite(t, door, nil), authNow.Add(-3 * time.Minute), DropStale},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.auth.authenticate(tc.w, tc.at)
			switch {
			case tc.want == DropUnknown && err != nil:
				t.Fatalf("dropped: %v", err)
			case tc.want != DropUnknown && (err == nil || err.Reason != tc.want):
				t.Fatalf("got %v, want a drop for %s", err, tc.want)
			}
		})
	}
}

// TestSignatureCoversEveryField alters one field of a signed envelope at a
// time, as an attacker on the broker would; each alteration must be caught.
func TestSignatureCoversEveryField(t *testing.T) {
	door := seededKey(1)
	// The same key is trusted for the identities an attacker would switch to,
	// so that only the signature can tell the alteration.
	a := authOf(Auth{Trust: trustOf(t, entry("door", "door-pi", door), entry("alice", "door-pi", door), entry("door", "door-2", door)), Require: true})
	mid, idx := "0", uint16(0)
	for _, tc := range []struct {
		name  string
		alter func(w *wire)
	}{
		{"DTLS fingerprint in the SDP", func(w *wire) {
			w.SDP = strings.Replace(w.SDP, "a=fingerprint:sha-256 ", "a=fingerprint:sha-256 00:", 1)
		}},
		{"type", func(w *wire) { w.Type = "accept" }},
		{"channel", func(w *wire) { w.Channel = "garden" }},
		{"call id", func(w *wire) { w.Call = "0000000000000001" }},
		{"from", func(w *wire) { w.From = "alice" }},
		{"fromDevice", func(w *wire) { w.FromDevice = "door-2" }},
		{"to", func(w *wire) { w.To = "alice" }},
		{"toDevice", func(w *wire) { w.ToDevice = "panel-tab" }},
		{"seq", func(w *wire) { w.Seq++ }},
		{"ttl", func(w *wire) { w.TTL = 3600000 }},
		{"ts", func(w *wire) { w.TS += 1000 }},
		{"media", func(w *wire) { w.Media = &call.Constraints{Audio: true} }},
		{"media dropped", func(w *wire) { w.Media = nil }},
		{"candidate added", func(w *wire) { w.Candidate = &call.Candidate{Candidate: ""} }},
		{"candidate mid", func(w *wire) { w.Candidate = &call.Candidate{SDPMid: &mid} }},
		{"candidate index", func(w *wire) { w.Candidate = &call.Candidate{SDPMLineIndex: &idx} }},
		{"reason", func(w *wire) { w.Reason = "busy" }},
		{"acceptedBy", func(w *wire) { w.AcceptedBy = "panel-tab" }},
		{"name", func(w *wire) { w.Name = "Back door" }},
		{"signature bytes", func(w *wire) { w.Sig = "A" + w.Sig[1:] }},
		{"signature length", func(w *wire) { w.Sig = w.Sig[:40] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := signedInvite(t, door, nil)
			if err := a.authenticate(w, authNow); err != nil {
				t.Fatalf("unaltered: %v", err)
			}
			tc.alter(w)
			if err := a.authenticate(w, authNow); err == nil || err.Reason != DropBadSignature {
				t.Fatalf("altered %s: %v, want a bad-signature drop", tc.name, err)
			}
		})
	}
}

func TestEncodeRefusesInvalidUTF8(t *testing.T) {
	m := call.Message{Type: call.MsgOpenDoor, Channel: "home", CallID: "c1", From: "a", FromDevice: "a1", To: "b", ToDevice: "b1", Seq: 1, Name: "bad \xff"}
	if _, err := EncodeEnvelope(m, authNow); ReasonOf(err) != DropBadValue || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("EncodeEnvelope with invalid UTF-8: %v", err)
	}
}

// signedVector is testdata/signed-envelope.json: a signed envelope and the key
// that signed it, for other implementations (web/sdk) to reproduce.
type signedVector struct {
	Seed        string `json:"seedHex"`
	PublicKey   string `json:"publicKey"`
	Topic       string `json:"topic"`
	SignedBytes string `json:"signedBytes"`
	Payload     string `json:"payload"`
}

// TestSignedVector checks the envelope in testdata against this
// implementation; go test -run TestSignedVector -update-vectors rewrites it.
func TestSignedVector(t *testing.T) {
	key := seededKey(7)
	mid, idx := "0", uint16(0)
	m := call.Message{
		Type: call.MsgCandidate, Channel: "home", CallID: "9f2c4e1a7b3d5c60", From: "door", FromDevice: "door-pi",
		To: "panel", ToDevice: "panel-tab", Seq: 1764213000123002,
		Candidate: &call.Candidate{Candidate: "candidate:1 1 udp 2122260223 192.168.1.23 46243 typ host", SDPMid: &mid, SDPMLineIndex: &idx},
	}
	b, err := EncodeSignedEnvelope(m, authNow, key)
	if err != nil {
		t.Fatal(err)
	}
	w, _, err := decodeWire("intercom/v1/home/user/panel", b, panelTab)
	if err != nil {
		t.Fatal(err)
	}
	v := signedVector{
		Seed: strings.Repeat("07", 32), PublicKey: trust.FormatPublicKey(trust.PublicKey(key)),
		Topic: "intercom/v1/home/user/panel", SignedBytes: string(w.signedBytes()), Payload: string(b),
	}
	path := filepath.Join("testdata", "signed-envelope.json")
	if *updateVectors {
		out, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want signedVector
	if err := json.Unmarshal(readTestdata(t, "signed-envelope.json"), &want); err != nil {
		t.Fatal(err)
	}
	if want.SignedBytes != v.SignedBytes || want.Payload != v.Payload || want.PublicKey != v.PublicKey {
		t.Fatalf("signing changed; the vector other implementations check is stale.\ngot  %s\nwant %s\n(run with -update-vectors only if the protocol change is deliberate)", b, want.Payload)
	}
	a := authOf(Auth{Trust: trustOf(t, entry("door", "door-pi", key)), Require: true})
	if err := a.authenticate(w, authNow); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSignInvite and BenchmarkVerifyInvite: the cost signing adds to each
// message, with a real offer SDP (the largest message).
func BenchmarkSignInvite(b *testing.B) {
	key := seededKey(1)
	w := signedInvite(b, nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		w.sign(key)
	}
}

func BenchmarkVerifyInvite(b *testing.B) {
	key := seededKey(1)
	a := authOf(Auth{Trust: trustOf(b, entry("door", "door-pi", key)), Require: true})
	w := signedInvite(b, key, nil)
	b.ReportAllocs()
	for b.Loop() {
		if err := a.authenticate(w, authNow); err != nil {
			b.Fatal(err)
		}
	}
}
