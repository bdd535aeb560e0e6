package integration

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/trust"
)

// attacker is a client on the broker that records every signaling message and
// publishes whatever it likes: what anyone with broker access can do.
type attacker struct {
	t  *testing.T
	c  paho.Client
	mu sync.Mutex
	// seen holds the payloads recorded per inbox topic, in order.
	seen map[string][][]byte
}

func newAttacker(t *testing.T, url string) *attacker {
	a := &attacker{t: t, seen: map[string][][]byte{}}
	a.c = paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID("mallory"))
	if tok := a.c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("mallory connecting: %v", tok.Error())
	}
	t.Cleanup(func() { a.c.Disconnect(100) })
	tok := a.c.Subscribe(mqttsignal.InboxTopic("home", "+"), 1, func(_ paho.Client, m paho.Message) {
		a.mu.Lock()
		a.seen[m.Topic()] = append(a.seen[m.Topic()], append([]byte(nil), m.Payload()...))
		a.mu.Unlock()
	})
	if !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("mallory subscribing: %v", tok.Error())
	}
	return a
}

// recorded returns the first recorded message of type typ on topic, as JSON.
func (a *attacker) recorded(topic, typ string) map[string]any {
	a.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		a.mu.Lock()
		for _, p := range a.seen[topic] {
			var m map[string]any
			if json.Unmarshal(p, &m) == nil && m["type"] == typ {
				a.mu.Unlock()
				return m
			}
		}
		a.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	a.t.Fatalf("attacker recorded no %s on %s", typ, topic)
	return nil
}

func (a *attacker) publish(topic string, m map[string]any) {
	a.t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		a.t.Fatal(err)
	}
	if tok := a.c.Publish(topic, 1, false, b); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		a.t.Fatalf("mallory publishing: %v", tok.Error())
	}
}

func newKey(t *testing.T) ed25519.PrivateKey {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// waitDropped waits until s has dropped at least n payloads for reason r.
func waitDropped(t *testing.T, s *station, r mqttsignal.DropReason, n uint64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for s.sig.Stats().Dropped[r] < n {
		if time.Now().After(deadline) {
			t.Fatalf("%s dropped %v, want at least %d for %s", s.c.DeviceID(), s.sig.Stats().Dropped, n, r)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSignedSignalingResistsTheBroker: door and panel trust each other's keys.
// An attacker with full access to the broker swaps the DTLS fingerprint in a
// recorded invite, replays a recorded invite, and signs an invite as the door
// with its own key. None of it rings the panel; the genuine call still works.
func TestSignedSignalingResistsTheBroker(t *testing.T) {
	for _, b := range brokers {
		t.Run(b.name, func(t *testing.T) {
			url := b.start(t)
			doorKey, panelKey := newKey(t), newKey(t)
			household, err := trust.NewStore(
				trust.Entry{Identity: trust.Identity{User: "door", Device: "door-pi"}, Key: trust.PublicKey(doorKey)},
				trust.Entry{Identity: trust.Identity{User: "panel", Device: "panel-1"}, Key: trust.PublicKey(panelKey)},
			)
			if err != nil {
				t.Fatal(err)
			}
			mallory := newAttacker(t, url)
			door := newStation(t, url, "door", "door-pi", stationOpts{auth: &mqttsignal.Auth{Key: doorKey, Trust: household, Require: true}})
			panel := newStation(t, url, "panel", "panel-1", stationOpts{auth: &mqttsignal.Auth{Key: panelKey, Trust: household, Require: true}})
			inbox := mqttsignal.InboxTopic("home", "panel")
			audioOnly := &call.Constraints{Audio: true}

			// The genuine call connects, and the attacker records its invite.
			info := door.call("panel", audioOnly)
			panel.next(call.EventIncoming)
			if err := panel.c.AcceptCall(bg, call.AcceptOptions{Constraints: audioOnly}); err != nil {
				t.Fatal(err)
			}
			door.next(call.EventConnected)
			panel.next(call.EventConnected)
			door.c.EndCall(bg)
			door.until(call.EventEnded)
			panel.until(call.EventEnded)
			if e := panel.until(call.EventStatusChanged); e.Status != call.StatusIdle {
				t.Fatalf("panel after the hangup: %s", e)
			}
			invite := mallory.recorded(inbox, "invite")
			if invite["call"] != info.CallID || invite["sig"] == nil {
				t.Fatalf("recorded invite %v", invite)
			}

			// 1. Man in the middle: the same invite, a new call id and seq so
			// no dedupe can catch it, and the attacker's DTLS fingerprint.
			mitm := clone(invite)
			mitm["call"], mitm["seq"] = "ffffffffffff0001", invite["seq"].(float64)+1000
			sdp := mitm["sdp"].(string)
			i := strings.Index(sdp, "a=fingerprint:sha-256 ")
			if i < 0 {
				t.Fatalf("no fingerprint in the offer:\n%s", sdp)
			}
			mitm["sdp"] = sdp[:i] + "a=fingerprint:sha-256 " + strings.Repeat("AB:", 31) + "AB" + sdp[i+len("a=fingerprint:sha-256 ")+95:]
			mallory.publish(inbox, mitm)
			waitDropped(t, panel, mqttsignal.DropBadSignature, 1)

			// 2. Replay: the recorded invite, byte for byte the same fields.
			mallory.publish(inbox, invite)
			waitDropped(t, panel, mqttsignal.DropDuplicate, 1)

			// 3. Impersonation: a fresh invite "from the door", signed with a
			// key nobody enrolled.
			fake := call.Message{
				Type: call.MsgInvite, Channel: "home", CallID: "ffffffffffff0002", From: "door", FromDevice: "door-pi",
				To: "panel", Seq: uint64(time.Now().UnixMicro()), TTL: 30 * time.Second, SDP: sdp,
			}
			payload, err := mqttsignal.EncodeSignedEnvelope(fake, time.Now(), newKey(t))
			if err != nil {
				t.Fatal(err)
			}
			if tok := mallory.c.Publish(inbox, 1, false, payload); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
				t.Fatalf("mallory publishing: %v", tok.Error())
			}
			waitDropped(t, panel, mqttsignal.DropBadSignature, 2)

			// 4. Unsigned, as a client without signing would send it.
			unsigned := clone(invite)
			delete(unsigned, "sig")
			unsigned["call"], unsigned["seq"] = "ffffffffffff0003", invite["seq"].(float64)+2000
			mallory.publish(inbox, unsigned)
			waitDropped(t, panel, mqttsignal.DropUnsigned, 1)

			// Nothing of it reached the panel's call engine.
			for _, e := range panel.drainEvents() {
				t.Errorf("the panel reacted to forged signaling: %s", e)
			}
			if st := panel.c.Snapshot().Status; st != call.StatusIdle {
				t.Fatalf("panel %s, want idle", st)
			}

			// And the genuine door still gets through.
			door.call("panel", audioOnly)
			panel.next(call.EventIncoming)
		})
	}
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
