package mqttsignal_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// aclFromDocs returns the mosquitto acl_file printed in docs/protocol.md, so
// the documented rules are the tested ones.
func aclFromDocs(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../docs/protocol.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "# /etc/mosquitto/intercomd.acl"
	i := strings.Index(string(b), marker)
	if i < 0 {
		t.Fatal("docs/protocol.md has no mosquitto ACL block")
	}
	rest := string(b[i:])
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("the ACL block in docs/protocol.md is not closed")
	}
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return strings.Join(lines, "\n")
}

// TestMosquittoACLFromDocs runs two stations and an admin against mosquitto
// configured with the ACL from docs/protocol.md.
func TestMosquittoACLFromDocs(t *testing.T) {
	m := mqtttest.NewMosquitto(t, mqtttest.MosquittoOptions{
		WebSocket: true,
		Users:     map[string]string{"door": "door-pw", "panel": "panel-pw", "homeassistant": "ha-pw"},
		ACL:       aclFromDocs(t),
	})
	login := func(user string) func(*mqttsignal.Options) {
		return func(o *mqttsignal.Options) { o.Username, o.Password = user, user+"-pw" }
	}
	door := newSignaler(t, m.URL(), "door", "door-pi", login("door"))
	panel := newSignaler(t, m.WebSocketURL(), "panel", "panel-tab", login("panel"))
	waitOnline(t, door, "door/door-pi,panel/panel-tab")

	if err := door.Send(invite("panel")); err != nil {
		t.Fatal(err)
	}
	if msg := recv(t, panel); msg.Type != call.MsgInvite {
		t.Fatalf("got %+v", msg)
	}
	if err := panel.Send(call.Message{Type: call.MsgRinging, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "door", ToDevice: "door-pi"}); err != nil {
		t.Fatal(err)
	}
	if msg := recv(t, door); msg.Type != call.MsgRinging {
		t.Fatalf("got %+v", msg)
	}

	ha := newObserverAuth(t, m.URL(), "homeassistant", "ha-pw", "intercom/v1/#")
	ha.publish(t, mqttsignal.CommandTopic("door-pi"), false, []byte(`{"v":1,"id":"h1","cmd":"end"}`))
	select {
	case c := <-door.Commands():
		if c.Type != mqttsignal.CmdEnd {
			t.Fatalf("got %+v", c)
		}
	case <-time.After(wait):
		t.Fatal("the station got no command from the admin")
	}
	if err := door.PublishResult("h1", nil); err != nil {
		t.Fatal(err)
	}
	if err := door.PublishState(map[string]any{"v": 1, "status": "idle"}); err != nil {
		t.Fatal(err)
	}
	ha.waitFor(t, "the result", func(topic string, p []byte, _ bool) bool { return topic == mqttsignal.ResultTopic("door-pi") })
	ha.waitFor(t, "the state", func(topic string, _ []byte, _ bool) bool { return topic == mqttsignal.StateTopic("door-pi") })

	// A plain user can neither command a station nor forge someone's presence,
	// nor read someone else's inbox.
	forger := newObserverAuth(t, m.URL(), "panel", "panel-pw", "")
	forger.publish(t, mqttsignal.CommandTopic("door-pi"), false, []byte(`{"v":1,"id":"x","cmd":"open-door"}`))
	forger.publish(t, mqttsignal.PresenceTopic("home", "door", "door-pi"), false, []byte(`{"v":1,"state":"offline"}`))
	snoop := newObserverAuth(t, m.URL(), "panel", "panel-pw", mqttsignal.InboxTopic("home", "door"))
	if err := panel.Send(call.Message{Type: call.MsgHangup, Channel: "home", CallID: "9f2c4e1a7b3d5c60", To: "door", ToDevice: "door-pi", Reason: call.ReasonHangup}); err != nil {
		t.Fatal(err)
	}
	if msg := recv(t, door); msg.Type != call.MsgHangup {
		t.Fatalf("got %+v", msg)
	}
	// The hangup came after the forged messages on the same connection order;
	// give mosquitto a moment to have delivered anything it wrongly let through.
	time.Sleep(100 * time.Millisecond)
	select {
	case c := <-door.Commands():
		t.Errorf("a plain user's command reached the station: %+v", c)
	default:
	}
	// (door would re-announce itself, so look at what the admin saw.)
	ha.mu.Lock()
	for _, msg := range ha.msgs {
		if msg.Topic() == mqttsignal.PresenceTopic("home", "door", "door-pi") && state(msg.Payload()) == "offline" {
			t.Errorf("a forged presence record got through: %s", msg.Payload())
		}
	}
	ha.mu.Unlock()
	snoop.mu.Lock()
	n := len(snoop.msgs)
	snoop.mu.Unlock()
	if n != 0 {
		t.Errorf("panel read door's inbox (%d messages)", n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := door.WaitConnected(ctx); err != nil {
		t.Errorf("the station lost its connection: %v", err)
	}
}
