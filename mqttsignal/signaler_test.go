package mqttsignal_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// brokers runs f against a real mosquitto and the embedded broker.
func brokers(t *testing.T, f func(t *testing.T, b mqtttest.Broker)) {
	t.Run("mosquitto", func(t *testing.T) {
		f(t, mqtttest.NewMosquitto(t, mqtttest.MosquittoOptions{WebSocket: true}))
	})
	t.Run("embedded", func(t *testing.T) {
		f(t, mqtttest.NewEmbedded(t, broker.Config{}))
	})
}

const wait = 10 * time.Second

func newSignaler(t *testing.T, url, user, device string, mutate ...func(*mqttsignal.Options)) *mqttsignal.Signaler {
	t.Helper()
	o := mqttsignal.Options{
		Brokers:  []string{url},
		UserID:   user,
		DeviceID: device,
		Name:     device + " display",
		Channels: []string{"home"},
		Logger:   mqtttest.Logger(t),
	}
	for _, f := range mutate {
		f(&o)
	}
	s, err := mqttsignal.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := s.WaitConnected(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func recv(t *testing.T, s *mqttsignal.Signaler) call.Message {
	t.Helper()
	select {
	case m, ok := <-s.Messages():
		if !ok {
			t.Fatal("Messages closed")
		}
		return m
	case <-time.After(wait):
		t.Fatal("no message within", wait)
	}
	return call.Message{}
}

// expectNone checks that nothing arrives for a while. Only used after a later
// message was already received by another device, so "a while" is generous.
func expectNone(t *testing.T, s *mqttsignal.Signaler, d time.Duration) {
	t.Helper()
	select {
	case m := <-s.Messages():
		t.Fatalf("unexpected message %+v", m)
	case <-time.After(d):
	}
}

func invite(to string) call.Message {
	return call.Message{Type: call.MsgInvite, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: to,
		TTL: 30 * time.Second, SDP: "v=0\r\n", Media: &call.Constraints{Audio: true, Video: true}, Name: "Front door"}
}

func TestExchange(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		door := newSignaler(t, b.URL(), "door", "door-pi")
		tab := newSignaler(t, b.URL(), "panel", "panel-tab")
		kitchen := newSignaler(t, b.WebSocketURL(), "panel", "panel-kitchen") // a browser-like client over WebSocket

		// invite reaches every device of the user.
		if err := door.Send(invite("panel")); err != nil {
			t.Fatal(err)
		}
		for _, s := range []*mqttsignal.Signaler{tab, kitchen} {
			m := recv(t, s)
			if m.Type != call.MsgInvite || m.From != "door" || m.FromDevice != "door-pi" || m.SDP != "v=0\r\n" || m.Seq == 0 {
				t.Fatalf("got %+v", m)
			}
		}

		// ringing goes back to the caller's device.
		if err := tab.Send(call.Message{Type: call.MsgRinging, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "door", ToDevice: "door-pi"}); err != nil {
			t.Fatal(err)
		}
		if m := recv(t, door); m.Type != call.MsgRinging || m.FromDevice != "panel-tab" {
			t.Fatalf("got %+v", m)
		}

		// A message for panel-tab only: kitchen drops it.
		c := call.Message{Type: call.MsgCandidate, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "panel", ToDevice: "panel-tab",
			Candidate: &call.Candidate{Candidate: "candidate:1 1 udp 1 10.0.0.1 1 typ host"}}
		if err := door.Send(c); err != nil {
			t.Fatal(err)
		}
		if m := recv(t, tab); m.Type != call.MsgCandidate || m.Candidate.Candidate != c.Candidate.Candidate {
			t.Fatalf("got %+v", m)
		}
		// Per-topic order: a later message to the whole user arrives at kitchen
		// after the candidate would have, so expectNone needs no long sleep.
		if err := door.Send(call.Message{Type: call.MsgCancel, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "panel", Reason: call.ReasonTaken, AcceptedBy: "panel-tab"}); err != nil {
			t.Fatal(err)
		}
		if m := recv(t, kitchen); m.Type != call.MsgCancel || m.AcceptedBy != "panel-tab" {
			t.Fatalf("kitchen got %+v, want the cancel (the candidate was for panel-tab)", m)
		}
		if m := recv(t, tab); m.Type != call.MsgCancel {
			t.Fatalf("tab got %+v", m)
		}
		if got := kitchen.Stats().Dropped[mqttsignal.DropOtherDevice]; got != 1 {
			t.Errorf("kitchen dropped %d other-device messages, want 1", got)
		}

		// Seq strictly increases per device.
		if err := door.Send(invite("panel")); err != nil {
			t.Fatal(err)
		}
		if err := door.Send(invite("panel")); err != nil {
			t.Fatal(err)
		}
		for _, s := range []*mqttsignal.Signaler{tab, kitchen} {
			a, bm := recv(t, s), recv(t, s)
			if bm.Seq <= a.Seq {
				t.Errorf("seq did not increase: %d then %d", a.Seq, bm.Seq)
			}
		}

		// Send refuses what receivers would drop, and unjoined channels.
		if err := door.Send(call.Message{Type: call.MsgAccept, Channel: "home", CallID: "x", To: "panel", SDP: "v=0"}); mqttsignal.ReasonOf(err) != mqttsignal.DropMissingField {
			t.Errorf("accept without toDevice: %v", err)
		}
		if err := door.Send(call.Message{Type: call.MsgInvite, Channel: "garden", CallID: "x", To: "panel", SDP: "v=0", TTL: time.Second}); err == nil || !strings.Contains(err.Error(), "not joined") {
			t.Errorf("unjoined channel: %v", err)
		}
		expectNone(t, kitchen, 100*time.Millisecond)
	})
}

// observer is a plain paho client that records what arrives on a filter.
type observer struct {
	mu   sync.Mutex
	msgs []mqtt.Message
	c    mqtt.Client
}

func newObserver(t *testing.T, url, filter string) *observer {
	t.Helper()
	return newObserverAuth(t, url, "", "", filter)
}

// waitFor polls until one recorded message satisfies ok.
func (o *observer) waitFor(t *testing.T, what string, ok func(topic string, payload []byte, retained bool) bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		o.mu.Lock()
		for _, m := range o.msgs {
			if ok(m.Topic(), m.Payload(), m.Retained()) {
				o.mu.Unlock()
				return
			}
		}
		o.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("never saw %s", what)
}

func (o *observer) publish(t *testing.T, topic string, retained bool, payload []byte) {
	t.Helper()
	tok := o.c.Publish(topic, 1, retained, payload)
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("publish %s: %v", topic, tok.Error())
	}
}

func state(payload []byte) string {
	var p struct{ State string }
	_ = json.Unmarshal(payload, &p)
	return p.State
}

func onlineDevices(s *mqttsignal.Signaler) string {
	var ds []string
	for _, p := range s.Online("home") {
		ds = append(ds, p.User+"/"+p.Device)
	}
	return strings.Join(ds, ",")
}

func waitOnline(t *testing.T, s *mqttsignal.Signaler, want string) {
	t.Helper()
	deadline := time.After(wait)
	for {
		if got := onlineDevices(s); got == want {
			return
		}
		select {
		case <-s.PresenceChanged():
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatalf("online = %q, want %q", onlineDevices(s), want)
		}
	}
}

func TestPresence(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		obs := newObserver(t, b.URL(), "intercom/v1/home/presence/#")
		proxy := mqtttest.NewProxy(t, b.URL())
		door := newSignaler(t, b.URL(), "door", "door-pi", func(o *mqttsignal.Options) { o.Name = "Front door" })
		tab := newSignaler(t, proxy.URL(), "panel", "panel-tab", func(o *mqttsignal.Options) { o.Kind = mqttsignal.KindBrowser })
		kitchen := newSignaler(t, b.URL(), "panel", "panel-kitchen")

		waitOnline(t, door, "door/door-pi,panel/panel-kitchen,panel/panel-tab")
		for _, p := range door.Online("home") {
			if p.Device == "door-pi" && (p.Name != "Front door" || p.Kind != mqttsignal.KindStation || p.Since.IsZero()) {
				t.Errorf("door record %+v", p)
			}
			if p.Device == "panel-tab" && p.Kind != mqttsignal.KindBrowser {
				t.Errorf("tab record %+v", p)
			}
		}

		// A clean Close announces offline itself.
		kitchen.Close()
		waitOnline(t, door, "door/door-pi,panel/panel-tab")
		obs.waitFor(t, "kitchen offline", func(topic string, p []byte, _ bool) bool {
			return strings.HasSuffix(topic, "/panel/panel-kitchen") && state(p) == "offline"
		})

		// A dead link: the broker publishes the will, and the device comes back
		// online when it reconnects.
		obs.mu.Lock()
		obs.msgs = nil
		obs.mu.Unlock()
		proxy.Cut()
		obs.waitFor(t, "the will of panel-tab", func(topic string, p []byte, _ bool) bool {
			return strings.HasSuffix(topic, "/panel/panel-tab") && state(p) == "offline"
		})
		obs.waitFor(t, "panel-tab online again", func(topic string, p []byte, _ bool) bool {
			return strings.HasSuffix(topic, "/panel/panel-tab") && state(p) == "online"
		})
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		if err := tab.WaitConnected(ctx); err != nil {
			t.Fatal(err)
		}
		waitOnline(t, door, "door/door-pi,panel/panel-tab")

		// The retained records tell a newcomer who is online.
		late := newSignaler(t, b.URL(), "alice", "alice-phone")
		waitOnline(t, late, "alice/alice-phone,door/door-pi,panel/panel-tab")
	})
}

func TestResubscribeAfterBrokerRestart(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		door := newSignaler(t, b.URL(), "door", "door-pi")
		tab := newSignaler(t, b.URL(), "panel", "panel-tab")
		changed := door.ConnectivityChanged()

		b.Kill()
		deadline := time.After(wait)
		for door.Connected() {
			select {
			case <-changed:
			case <-time.After(10 * time.Millisecond):
			case <-deadline:
				t.Fatal("door still reports Connected after the broker died")
			}
		}
		b.Restart()
		ctx, cancel := context.WithTimeout(context.Background(), 2*wait)
		defer cancel()
		for _, s := range []*mqttsignal.Signaler{door, tab} {
			if err := s.WaitConnected(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if err := door.Send(invite("panel")); err != nil {
			t.Fatal(err)
		}
		if m := recv(t, tab); m.Type != call.MsgInvite {
			t.Fatalf("got %+v", m)
		}
		if err := tab.Send(call.Message{Type: call.MsgRinging, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "door", ToDevice: "door-pi"}); err != nil {
			t.Fatal(err)
		}
		if m := recv(t, door); m.Type != call.MsgRinging {
			t.Fatalf("got %+v", m)
		}
		// The restarted broker has no retained records; each device announced
		// itself again on reconnect.
		waitOnline(t, door, "door/door-pi,panel/panel-tab")
	})
}

func TestMalformedPayloadsAreDropped(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		tab := newSignaler(t, b.URL(), "panel", "panel-tab")
		raw := newObserver(t, b.URL(), "")
		inbox := mqttsignal.InboxTopic("home", "panel")
		valid, err := mqttsignal.EncodeEnvelope(call.Message{Type: call.MsgInvite, Channel: "home", CallID: "c1", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 42, TTL: time.Second, SDP: "v=0"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		bad := [][]byte{
			[]byte("not json"),
			[]byte(`{"v":2,"type":"invite"}`),
			[]byte(`{"v":1,"type":"explode"}`),
			[]byte(strings.Repeat("x", mqttsignal.MaxPayload+1)),
			[]byte(`{"v":1,"type":"invite","channel":"home","call":"c1","from":"door","fromDevice":"door-pi","to":"panel","seq":7}`),
			{0xff, 0x00, 0x7b},
		}
		for _, p := range bad {
			raw.publish(t, inbox, false, p)
		}
		raw.publish(t, inbox, false, valid)
		raw.publish(t, inbox, false, valid) // a redelivered duplicate
		raw.publish(t, "intercom/v1/home/presence/door/door-pi", false, []byte(`{"v":1,"state":"sideways"}`))
		// Messages on one topic arrive in order: the valid one comes after all the bad ones.
		if m := recv(t, tab); m.CallID != "c1" || m.Seq != 42 {
			t.Fatalf("got %+v", m)
		}
		// The duplicate follows on the same topic; the second valid send proves it was processed.
		second, _ := mqttsignal.EncodeEnvelope(call.Message{Type: call.MsgCancel, Channel: "home", CallID: "c1", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 43, Reason: call.ReasonCancelled}, time.Now())
		raw.publish(t, inbox, false, second)
		if m := recv(t, tab); m.Seq != 43 {
			t.Fatalf("got %+v, want seq 43 (the duplicate of 42 must be dropped)", m)
		}
		st := tab.Stats()
		want := map[mqttsignal.DropReason]uint64{
			mqttsignal.DropInvalidJSON: 2, mqttsignal.DropVersion: 1, mqttsignal.DropType: 1,
			mqttsignal.DropOversize: 1, mqttsignal.DropMissingField: 1, mqttsignal.DropDuplicate: 1,
		}
		for r, n := range want {
			if st.Dropped[r] != n {
				t.Errorf("dropped %s = %d, want %d (all: %v)", r, st.Dropped[r], n, st.Dropped)
			}
		}
		if st.Received != 9 || st.Delivered != 2 {
			t.Errorf("received %d delivered %d, want 9 and 2", st.Received, st.Delivered)
		}

		// A retained message on an inbox is dropped too, and cleared afterwards.
		raw.publish(t, inbox, true, valid)
		// The broker may acknowledge before it fans out; once tab has seen (and
		// dropped as a duplicate) the live copy, a new subscriber gets only the
		// retained one.
		deadline := time.Now().Add(wait)
		for tab.Stats().Dropped[mqttsignal.DropDuplicate] < 2 {
			if time.Now().After(deadline) {
				t.Fatal("tab never saw the retained publish")
			}
			time.Sleep(5 * time.Millisecond)
		}
		late := newSignaler(t, b.URL(), "panel", "panel-late")
		third, _ := mqttsignal.EncodeEnvelope(call.Message{Type: call.MsgCancel, Channel: "home", CallID: "c2", From: "door", FromDevice: "door-pi",
			To: "panel", Seq: 44, Reason: call.ReasonCancelled}, time.Now())
		raw.publish(t, inbox, false, third)
		if m := recv(t, late); m.Seq != 44 {
			t.Fatalf("late device got %+v, want seq 44 (the retained invite must be dropped)", m)
		}
		if n := late.Stats().Dropped[mqttsignal.DropRetained]; n != 1 {
			t.Errorf("retained drops = %d, want 1", n)
		}
		raw.publish(t, inbox, true, nil)
	})
}

func TestCommandsResultsAndState(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		door := newSignaler(t, b.URL(), "door", "door-pi")
		obs := newObserver(t, b.URL(), "intercom/v1/ctl/door-pi/result")

		obs.publish(t, mqttsignal.CommandTopic("door-pi"), false, []byte(`{"v":1,"id":"r1","cmd":"call","channel":"home"}`))
		obs.publish(t, mqttsignal.CommandTopic("door-pi"), false, []byte(`{"v":1,"id":"r2","cmd":"call","channel":"home","to":"panel"}`))
		select {
		case c := <-door.Commands():
			if c.ID != "r2" || c.Type != mqttsignal.CmdCall || c.To != "panel" {
				t.Fatalf("got %+v", c)
			}
		case <-time.After(wait):
			t.Fatal("no command")
		}
		obs.waitFor(t, "the automatic error result for r1", func(_ string, p []byte, _ bool) bool {
			return strings.Contains(string(p), `"id":"r1","ok":false`) && strings.Contains(string(p), `\"to\": required for call`)
		})
		if err := door.PublishResult("r2", nil); err != nil {
			t.Fatal(err)
		}
		if err := door.PublishResult("r3", call.ErrNoIncomingCall); err != nil {
			t.Fatal(err)
		}
		obs.waitFor(t, "ok result for r2", func(_ string, p []byte, _ bool) bool { return string(p) == `{"v":1,"id":"r2","ok":true}` })
		obs.waitFor(t, "error result for r3", func(_ string, p []byte, _ bool) bool {
			return string(p) == `{"v":1,"id":"r3","ok":false,"error":"call: no incoming call is ringing"}`
		})

		live := newObserver(t, b.URL(), mqttsignal.StateTopic("door-pi"))
		if err := door.PublishState(map[string]any{"v": 1, "status": "idle", "online": true}); err != nil {
			t.Fatal(err)
		}
		// PublishState does not wait; once a subscriber has it, so has the broker.
		live.waitFor(t, "live state", func(_ string, p []byte, _ bool) bool { return string(p) == `{"online":true,"status":"idle","v":1}` })
		// State is retained: a client subscribing later gets it.
		late := newObserver(t, b.URL(), mqttsignal.StateTopic("door-pi"))
		late.waitFor(t, "retained state", func(_ string, p []byte, retained bool) bool {
			return retained && string(p) == `{"online":true,"status":"idle","v":1}`
		})
	})
}

func TestCloseClosesChannelsAndRefusesSends(t *testing.T) {
	url := mqtttest.StartEmbedded(t)
	s := newSignaler(t, url, "door", "door-pi")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal("second Close:", err)
	}
	if _, ok := <-s.Messages(); ok {
		t.Error("Messages still open")
	}
	if _, ok := <-s.Commands(); ok {
		t.Error("Commands still open")
	}
	if err := s.Send(invite("panel")); err != mqttsignal.ErrClosed {
		t.Errorf("Send after Close = %v", err)
	}
	if s.Connected() {
		t.Error("Connected after Close")
	}
}

func TestCloseWithoutBroker(t *testing.T) {
	// Nothing listens here: New must not block, and Close must not hang.
	s, err := mqttsignal.New(mqttsignal.Options{Brokers: []string{fmt.Sprintf("tcp://127.0.0.1:%d", mqtttest.FreePort(t))},
		UserID: "door", DeviceID: "door-pi", Channels: []string{"home"}, Logger: mqtttest.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := s.WaitConnected(ctx); err == nil {
		t.Fatal("connected to nothing")
	}
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hangs while the broker is unreachable")
	}
}

// TestWithACLBroker runs stations as plain users of a broker with
// credentials: signaling, presence, state and results work; commands come
// from an admin.
func TestWithACLBroker(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{
		Users:  map[string]string{"door": "door-pw", "panel": "panel-pw", "ha": "ha-pw"},
		Admins: []string{"ha"},
	})
	login := func(user string) func(*mqttsignal.Options) {
		return func(o *mqttsignal.Options) { o.Username, o.Password = user, user+"-pw" }
	}
	door := newSignaler(t, e.URL(), "door", "door-pi", login("door"))
	panel := newSignaler(t, e.WebSocketURL(), "panel", "panel-tab", login("panel"))
	waitOnline(t, door, "door/door-pi,panel/panel-tab")

	if err := door.Send(invite("panel")); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, panel); m.Type != call.MsgInvite {
		t.Fatalf("got %+v", m)
	}

	ha := newObserverAuth(t, e.URL(), "ha", "ha-pw", "intercom/v1/#")
	ha.publish(t, mqttsignal.CommandTopic("door-pi"), false, []byte(`{"v":1,"id":"h1","cmd":"open-door"}`))
	select {
	case c := <-door.Commands():
		if c.Type != mqttsignal.CmdOpenDoor || c.ID != "h1" {
			t.Fatalf("got %+v", c)
		}
	case <-time.After(wait):
		t.Fatal("no command")
	}
	if err := door.PublishResult("h1", nil); err != nil {
		t.Fatal(err)
	}
	if err := door.PublishState(map[string]any{"v": 1, "status": "idle"}); err != nil {
		t.Fatal(err)
	}
	ha.waitFor(t, "the result", func(topic string, p []byte, _ bool) bool {
		return topic == mqttsignal.ResultTopic("door-pi") && string(p) == `{"v":1,"id":"h1","ok":true}`
	})
	ha.waitFor(t, "the state", func(topic string, p []byte, _ bool) bool {
		return topic == mqttsignal.StateTopic("door-pi") && string(p) == `{"status":"idle","v":1}`
	})
	if !door.Connected() || !panel.Connected() {
		t.Error("a station lost its connection (a denied QoS 1 publish disconnects the client)")
	}

	// A wrong password never connects.
	s, err := mqttsignal.New(mqttsignal.Options{Brokers: []string{e.URL()}, UserID: "door", DeviceID: "door-2",
		Channels: []string{"home"}, Username: "door", Password: "nope", Logger: mqtttest.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := s.WaitConnected(ctx); err == nil {
		t.Error("connected with a wrong password")
	}
	s.Close()
}

func TestTLS(t *testing.T) {
	cert, key := mqtttest.WriteCert(t)
	e := mqtttest.NewEmbedded(t, broker.Config{TLSCertFile: cert, TLSKeyFile: key})
	b := e.Broker()
	withCA := func(o *mqttsignal.Options) { o.TLS.CAFile = cert }
	door := newSignaler(t, b.TCPURL(), "door", "door-pi", withCA)
	panel := newSignaler(t, b.WebSocketURL(), "panel", "panel-tab", withCA)
	if err := door.Send(invite("panel")); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, panel); m.Type != call.MsgInvite {
		t.Fatalf("got %+v", m)
	}
	// Without the CA the certificate is not trusted, so no connection.
	s, err := mqttsignal.New(mqttsignal.Options{Brokers: []string{b.TCPURL()}, UserID: "door", DeviceID: "door-2",
		Channels: []string{"home"}, Logger: mqtttest.Logger(t), TLS: mqttsignal.TLSOptions{CAFile: "/etc/ssl/certs/ca-certificates.crt"}})
	if err != nil {
		t.Skip("no system CA bundle:", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := s.WaitConnected(ctx); err == nil {
		t.Error("connected to a broker whose certificate is not trusted")
	}
	s.Close()
}

func newObserverAuth(t *testing.T, url, user, pass, filter string) *observer {
	t.Helper()
	o := &observer{}
	co := mqtt.NewClientOptions().AddBroker(url).SetClientID(fmt.Sprintf("observer-%d", time.Now().UnixNano())).
		SetUsername(user).SetPassword(pass).SetAutoReconnect(false)
	o.c = mqtt.NewClient(co)
	if tok := o.c.Connect(); !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("observer connect: %v", tok.Error())
	}
	t.Cleanup(func() { o.c.Disconnect(100) })
	if filter == "" {
		return o
	}
	tok := o.c.Subscribe(filter, 1, func(_ mqtt.Client, m mqtt.Message) {
		o.mu.Lock()
		o.msgs = append(o.msgs, m)
		o.mu.Unlock()
	})
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("observer subscribe: %v", tok.Error())
	}
	return o
}

func TestTLSPin(t *testing.T) {
	cert, key := mqtttest.WriteCert(t)
	e := mqtttest.NewEmbedded(t, broker.Config{TLSCertFile: cert, TLSKeyFile: key})
	b := e.Broker()
	pin, err := mqttsignal.PinOfFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	// The pin alone is enough: no CA file for the self-signed certificate.
	door := newSignaler(t, b.TCPURL(), "door", "door-pi", func(o *mqttsignal.Options) { o.TLS.PinSHA256 = []string{pin} })
	panel := newSignaler(t, b.TCPURL(), "panel", "panel-tab", func(o *mqttsignal.Options) { o.TLS.PinSHA256 = []string{pin} })
	if err := door.Send(invite("panel")); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, panel); m.Type != call.MsgInvite {
		t.Fatalf("got %+v", m)
	}
	// A trusted CA does not help a certificate whose key is not pinned.
	other, _ := mqtttest.WriteCert(t)
	otherPin, err := mqttsignal.PinOfFile(other)
	if err != nil {
		t.Fatal(err)
	}
	s, err := mqttsignal.New(mqttsignal.Options{Brokers: []string{b.TCPURL()}, UserID: "door", DeviceID: "door-2",
		Channels: []string{"home"}, Logger: mqtttest.Logger(t), TLS: mqttsignal.TLSOptions{CAFile: cert, PinSHA256: []string{otherPin}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := s.WaitConnected(ctx); err == nil {
		t.Error("connected to a broker whose key is not pinned")
	}
	s.Close()
	// A pin that is not one is refused up front.
	_, err = mqttsignal.New(mqttsignal.Options{Brokers: []string{b.TCPURL()}, UserID: "door", DeviceID: "door-3",
		Channels: []string{"home"}, TLS: mqttsignal.TLSOptions{PinSHA256: []string{"sha256/short"}}})
	if !errors.Is(err, mqttsignal.ErrInvalidOptions) || !strings.Contains(err.Error(), `"sha256/short" is not a pin`) {
		t.Fatalf("bad pin: %v", err)
	}
}
