package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// floodKind is one kind of hostile payload, with the drop reason the
// signaler must count it under (DropUnknown: any reason, or delivered).
type floodKind struct {
	name     string
	reason   mqttsignal.DropReason
	retained bool
	payloads [][]byte
}

// envelope is a signaling envelope as a JSON object, for building hostile
// variants of it field by field.
type envelope map[string]any

func (e envelope) with(kv ...any) envelope {
	out := envelope{}
	for k, v := range e {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
			continue
		}
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func (e envelope) bytes() []byte {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err)
	}
	return b
}

// hostileKinds builds the flood aimed at user's inbox during callID. Every
// message comes from mallory, a stranger on the broker; the valid ones name
// the running call, so the call engine must refuse them as not from its peer.
func hostileKinds(rng *rand.Rand, user, dev, callID string, n int) []floodKind {
	seq := uint64(1_700_000_000_000_000)
	nextSeq := func() uint64 { seq++; return seq }
	base := envelope{
		"v": 1, "type": "hangup", "channel": "home", "call": callID,
		"from": "mallory", "fromDevice": "mallory-phone", "to": user, "toDevice": dev,
		"reason": "hangup",
	}
	invite := envelope{
		"v": 1, "type": "invite", "channel": "home", "call": "0000000000000bad",
		"from": "mallory", "fromDevice": "mallory-phone", "to": user,
		"ttl": 30000, "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "name": "Mallory",
	}
	candidate := base.with("type", "candidate", "reason", nil,
		"candidate", map[string]any{"candidate": "candidate:1 1 udp 2122260223 10.6.6.6 4444 typ host", "sdpMid": "0"})
	openDoor := base.with("type", "open-door", "reason", nil)
	seeds := []envelope{base, invite, candidate, openDoor}

	var kinds []floodKind
	add := func(name string, reason mqttsignal.DropReason, gen func(i int) []byte) {
		k := floodKind{name: name, reason: reason}
		for i := range n {
			k.payloads = append(k.payloads, gen(i))
		}
		kinds = append(kinds, k)
	}
	valid := func(i int) envelope { return seeds[i%len(seeds)].with("seq", nextSeq()) }

	add("malformed", mqttsignal.DropInvalidJSON, func(i int) []byte {
		full := valid(i).bytes()
		switch i % 4 {
		case 0: // cut short
			return full[:1+rng.IntN(len(full)-2)]
		case 1: // binary noise
			b := make([]byte, 1+rng.IntN(512))
			for j := range b {
				b[j] = byte(rng.UintN(256))
			}
			b[0] = '{' // past the "is it an object" check, into the parser
			return b
		case 2: // JSON, but not an object
			return []byte([]string{"[]", "null", "42", `"invite"`, "true", "[{}]"}[rng.IntN(6)])
		default: // an object with garbage after it
			return append(full, []byte(`}{"v":1}`)...)
		}
	})
	add("oversized", mqttsignal.DropOversize, func(i int) []byte {
		return valid(i).with("name", strings.Repeat("A", mqttsignal.MaxPayload+1+rng.IntN(8<<10))).bytes()
	})
	wrongTypes := [][2]any{
		{"v", "1"}, {"seq", "12"}, {"call", 123456}, {"from", []int{1}}, {"ttl", "30s"},
		{"media", "audio"}, {"candidate", 42}, {"to", map[string]any{"user": user}},
		{"type", 7}, {"channel", true},
	}
	add("wrong-typed", mqttsignal.DropInvalidJSON, func(i int) []byte {
		w := wrongTypes[i%len(wrongTypes)]
		return valid(i).with(w[0], w[1]).bytes()
	})
	add("version", mqttsignal.DropVersion, func(i int) []byte {
		return valid(i).with("v", []any{nil, 0, 2, 99}[i%4]).bytes()
	})
	add("type", mqttsignal.DropType, func(i int) []byte {
		return valid(i).with("type", []any{nil, "", "INVITE", "offer", "open_door"}[i%5]).bytes()
	})
	add("missing-field", mqttsignal.DropMissingField, func(i int) []byte {
		return valid(i).with([]string{"call", "from", "fromDevice", "to"}[i%4], "").bytes()
	})
	add("bad-id", mqttsignal.DropBadID, func(i int) []byte {
		return valid(i).with([]string{"call", "from", "fromDevice"}[i%3], []string{"a b", "../etc", strings.Repeat("x", 65), "ünïcode", "a/b", "#"}[i%6]).bytes()
	})
	add("bad-value", mqttsignal.DropBadValue, func(i int) []byte {
		switch i % 3 {
		case 0:
			return base.with("seq", nextSeq(), "reason", "exploded").bytes()
		case 1:
			return invite.with("seq", nextSeq(), "ttl", 3_600_001).bytes()
		default:
			return invite.with("seq", nextSeq(), "name", strings.Repeat("n", 300)).bytes()
		}
	})
	add("topic-mismatch", mqttsignal.DropTopicMismatch, func(i int) []byte {
		if i%2 == 0 {
			return valid(i).with("to", "somebody-else").bytes()
		}
		return valid(i).with("channel", "elsewhere").bytes()
	})
	// Retained: MQTT 3.1.1 clears the retain flag on live delivery to an
	// established subscription (section 3.3.1.3), so these arrive as plain
	// messages now; the broker keeps the last one, which a (re)subscribing
	// device gets flagged retained and drops (DropRetained).
	ret := floodKind{name: "retained", reason: mqttsignal.DropUnknown, retained: true}
	for i := range max(n/20, 1) {
		ret.payloads = append(ret.payloads, valid(i).bytes())
	}
	kinds = append(kinds, ret)

	// Fuzz: the seeds mutated at random, as go-fuzz would. Whatever they decode
	// to, none may disturb the call; the ones that happen to be valid are
	// delivered and refused by the call engine.
	add("fuzz", mqttsignal.DropUnknown, func(i int) []byte {
		b := valid(i).bytes()
		for range 1 + rng.IntN(8) {
			switch j := rng.IntN(len(b)); rng.IntN(5) {
			case 0:
				b[j] = byte(rng.UintN(256))
			case 1:
				const tokens = "{}[]\":,0123456789-eE.tfn\\ "
				b[j] = tokens[rng.IntN(len(tokens))]
			case 2:
				b = append(b[:j], b[min(j+1+rng.IntN(16), len(b)):]...)
			case 3:
				b = append(b[:j], append(bytes.Repeat([]byte{b[j]}, 1+rng.IntN(64)), b[j:]...)...)
			default:
				b = bytes.Replace(b, []byte(`"`), []byte(`'`), 1)
			}
			if len(b) < 2 {
				b = []byte("{}")
			}
		}
		return b
	})
	return kinds
}

// TestFloodDuringCall runs a connected call over the embedded broker while a
// stranger on the same broker floods both stations' inboxes with thousands of
// malformed, oversized, wrong-typed, out-of-spec, retained, replayed and
// fuzzed payloads. The call must stay connected with media flowing, no event
// may reach either station, every payload must be counted under its drop
// reason, and heap and goroutines must not grow with the flood.
func TestFloodDuringCall(t *testing.T) {
	perKind := 300
	if testing.Short() {
		perKind = 100
	}
	seed := lookupSeed()
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("fuzz seed %d (set INTERCOMD_FLOOD_SEED to repeat)", seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	url := mqtttest.StartEmbedded(t)
	// The stations log to counters: t.Log would keep every warning of the
	// flood in memory, and the heap check would measure the test log.
	logs := &countingHandler{level: slog.LevelWarn}
	log := slog.New(logs)
	door := newFaultStation(t, url, "door", "door-pi", faultOpts{log: log})
	panel := newFaultStation(t, url, "panel", "panel-1", faultOpts{log: log})

	attacker := paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID("mallory").
		SetOrderMatters(false).SetAutoReconnect(false))
	if tok := attacker.Connect(); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	defer attacker.Disconnect(100)
	// The stranger listens to the door's inbox to capture a real message to
	// replay: the panel's accept of the running call.
	var capMu sync.Mutex
	var captured []byte
	if tok := attacker.Subscribe(mqttsignal.InboxTopic("home", "door"), 1, func(_ paho.Client, m paho.Message) {
		capMu.Lock()
		defer capMu.Unlock()
		if captured == nil && bytes.Contains(m.Payload(), []byte(`"type":"accept"`)) {
			captured = bytes.Clone(m.Payload())
		}
	}); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}

	info := connect(t, door, panel, nil)
	door.waitMedia(10, 20)
	panel.waitMedia(10, 20)
	capMu.Lock()
	replay := captured
	capMu.Unlock()
	if replay == nil {
		t.Fatal("the stranger did not capture the panel's accept")
	}
	attacker.Unsubscribe(mqttsignal.InboxTopic("home", "door")).Wait()
	// Events of the call set-up (peer state changes) are not the flood's.
	for _, s := range []*station{door, panel} {
		for _, e := range s.drainEvents() {
			t.Logf("%s before the flood: %s", s.c.DeviceID(), e)
		}
	}

	before := settle(3 * time.Second)
	doorBefore, panelBefore := door.sig.Stats(), panel.sig.Stats()
	mediaBefore := door.waitMedia(0, 0)

	kinds := hostileKinds(rng, "panel", "panel-1", info.CallID, perKind)
	replays := floodKind{name: "replayed accept", reason: mqttsignal.DropDuplicate}
	for range 3 * perKind {
		replays.payloads = append(replays.payloads, replay)
	}

	publish := func(topic string, k floodKind) {
		t.Helper()
		toks := make([]paho.Token, 0, len(k.payloads))
		for _, p := range k.payloads {
			toks = append(toks, attacker.Publish(topic, 1, k.retained, p))
		}
		for _, tok := range toks {
			if !tok.WaitTimeout(30*time.Second) || tok.Error() != nil {
				t.Fatalf("publishing %s: %v", k.name, tok.Error())
			}
		}
	}
	// waitReceived waits until s has counted want more payloads than at from,
	// and has finished with the last of them: Received rises as a payload
	// arrives, its drop or delivery is counted a moment later.
	waitReceived := func(s *station, from uint64, want int) mqttsignal.Stats {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			st := s.sig.Stats()
			if st.Received-from >= uint64(want) {
				for {
					time.Sleep(50 * time.Millisecond)
					again := s.sig.Stats()
					if again.Delivered == st.Delivered && maps.Equal(again.Dropped, st.Dropped) {
						return again
					}
					st = again
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s received %d of the %d payloads sent", s.c.DeviceID(), st.Received-from, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	start := time.Now()
	sent, sentBytes := 0, 0
	prev := panelBefore
	for _, k := range kinds {
		publish(mqttsignal.InboxTopic("home", "panel"), k)
		st := waitReceived(panel, prev.Received, len(k.payloads))
		if k.reason != mqttsignal.DropUnknown {
			if got := st.Dropped[k.reason] - prev.Dropped[k.reason]; got != uint64(len(k.payloads)) {
				t.Errorf("%s: %d of %d counted as %s; drops now %v", k.name, got, len(k.payloads), k.reason, st.Dropped)
			}
		}
		t.Logf("%-15s %5d payloads: drops %v", k.name, len(k.payloads), diffDrops(prev, st))
		sent += len(k.payloads)
		for _, p := range k.payloads {
			sentBytes += len(p)
		}
		prev = st
	}
	publish(mqttsignal.InboxTopic("home", "door"), replays)
	dst := waitReceived(door, doorBefore.Received, len(replays.payloads))
	if got := dst.Dropped[mqttsignal.DropDuplicate] - doorBefore.Dropped[mqttsignal.DropDuplicate]; got != uint64(len(replays.payloads)) {
		t.Errorf("replayed accept: %d of %d counted as duplicate; door drops %v", got, len(replays.payloads), dst.Dropped)
	}
	if dst.Delivered != doorBefore.Delivered {
		t.Errorf("the door was handed %d replayed messages", dst.Delivered-doorBefore.Delivered)
	}
	t.Logf("%-15s %5d payloads: drops %v", replays.name, len(replays.payloads), diffDrops(doorBefore, dst))
	sent += len(replays.payloads)
	sentBytes += len(replay) * len(replays.payloads)
	t.Logf("flood: %d payloads, %.1f MiB in %s; signaler queue high water: door %d, panel %d; %d warnings logged",
		sent, float64(sentBytes)/mib, time.Since(start).Round(time.Millisecond), dst.QueueHighWater, prev.QueueHighWater, logs.warn.Load())

	// Every payload the panel received is accounted for: dropped for a
	// reason or delivered (a fuzzed one that happened to be valid).
	var drops uint64
	for r, n := range prev.Dropped {
		drops += n - panelBefore.Dropped[r]
	}
	if delivered := prev.Delivered - panelBefore.Delivered; drops+delivered != prev.Received-panelBefore.Received {
		t.Errorf("panel: %d received, but %d dropped + %d delivered", prev.Received-panelBefore.Received, drops, delivered)
	}
	// Clear the retained payloads (an empty retained message), so they do not
	// ring anybody later.
	attacker.Publish(mqttsignal.InboxTopic("home", "panel"), 1, true, []byte{}).Wait()

	// The call is untouched: both sides connected, no event at all, media
	// still flowing both ways.
	door.waitMedia(mediaBefore.VideoFramesReceived+15, mediaBefore.AudioPacketsReceived+25)
	pm := panel.waitMedia(0, 0)
	panel.waitMedia(pm.VideoFramesReceived+15, pm.AudioPacketsReceived+25)
	for _, s := range []*station{door, panel} {
		if st := s.c.Snapshot(); st.Status != call.StatusConnected || st.Call.CallID != info.CallID {
			t.Errorf("%s after the flood: %s on call %q, want connected on %q", s.c.DeviceID(), st.Status, st.Call.CallID, info.CallID)
		}
		for _, e := range s.drainEvents() {
			t.Errorf("%s: spurious event during the flood: %s", s.c.DeviceID(), e)
		}
	}

	attacker.Disconnect(100)
	after := settle(5 * time.Second)
	heapGrowth := int64(after.heapInuse) - int64(before.heapInuse)
	t.Logf("heap in use %.1f → %.1f MiB (%+.1f MiB for %.1f MiB of flood), goroutines %d → %d",
		float64(before.heapInuse)/mib, float64(after.heapInuse)/mib, float64(heapGrowth)/mib, float64(sentBytes)/mib,
		before.goroutines, after.goroutines)
	// Bounds that growth with the flood would break: keeping a tenth of what
	// was sent, or a goroutine per hundred payloads.
	if limit := int64(sentBytes / 10); heapGrowth > max(limit, 4*mib) {
		t.Errorf("heap grew %.1f MiB during a %.1f MiB flood", float64(heapGrowth)/mib, float64(sentBytes)/mib)
	}
	if g := after.goroutines - before.goroutines; g > 10 {
		t.Errorf("%d more goroutines after the flood", g)
	}
	if err := door.c.EndCall(bg); err != nil {
		t.Fatal(err)
	}
	panel.until(call.EventEnded)
}

// lookupSeed returns INTERCOMD_FLOOD_SEED, 0 when unset.
func lookupSeed() uint64 {
	s, _ := strconv.ParseUint(os.Getenv("INTERCOMD_FLOOD_SEED"), 10, 64)
	return s
}

func diffDrops(a, b mqttsignal.Stats) string {
	var parts []string
	for _, r := range mqttsignal.DropReasons() {
		if d := b.Dropped[r] - a.Dropped[r]; d > 0 {
			parts = append(parts, fmt.Sprintf("%s=%d", r, d))
		}
	}
	if d := b.Delivered - a.Delivered; d > 0 {
		parts = append(parts, fmt.Sprintf("delivered=%d", d))
	}
	return strings.Join(parts, " ")
}
