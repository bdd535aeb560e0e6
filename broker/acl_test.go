package broker

import (
	"log/slog"
	"strings"
	"testing"

	mqtt "github.com/mochi-mqtt/server/v2"
)

func TestCovers(t *testing.T) {
	tests := []struct {
		pattern, filter string
		want            bool
	}{
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user/alice", true},
		{"intercom/v1/+/user/{user}", "intercom/v1/+/user/alice", true},
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user/bob", false},
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user/+", false},
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user/#", false},
		{"intercom/v1/+/user/{user}", "intercom/v1/#", false},
		{"intercom/v1/+/user/{user}", "#", false},
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user/alice/x", false},
		{"intercom/v1/+/user/{user}", "intercom/v1/home/user", false},
		{"intercom/v1/+/presence/#", "intercom/v1/home/presence/#", true},
		{"intercom/v1/+/presence/#", "intercom/v1/+/presence/+/+", true},
		{"intercom/v1/+/presence/#", "intercom/v1/home/presence", true},
		{"intercom/v1/+/presence/#", "intercom/v1/home/presence/bob/phone", true},
		{"intercom/v1/+/presence/#", "intercom/v1/home/+/bob/phone", false},
		{"intercom/v1/+/presence/{user}/+", "intercom/v1/home/presence/alice/phone", true},
		{"intercom/v1/+/presence/{user}/+", "intercom/v1/home/presence/bob/phone", false},
		{"intercom/v1/+/presence/{user}/+", "intercom/v1/home/presence/alice", false},
		{"intercom/v1/ctl/+/result", "intercom/v1/ctl/door-pi/result", true},
		{"intercom/v1/ctl/+/result", "intercom/v1/ctl/door-pi", false},
		{"intercom/v1/state/#", "$SYS/broker/uptime", false},
		{"intercom/v1/state/#", "$share/g/intercom/v1/state/x", false},
		{"intercom/v1/state/#", "", false},
	}
	for _, tt := range tests {
		if got := covers(tt.pattern, "alice", tt.filter); got != tt.want {
			t.Errorf("covers(%q, alice, %q) = %v, want %v", tt.pattern, tt.filter, got, tt.want)
		}
	}
}

func TestAccess(t *testing.T) {
	h := &authHook{users: passwordBytes(map[string]string{"alice": "a", "ha": "h"}), admins: map[string]bool{"ha": true}}
	writes := []struct {
		user, topic string
		want        bool
	}{
		{"alice", "intercom/v1/home/user/bob", true},
		{"alice", "intercom/v1/home/presence/alice/alice-phone", true},
		{"alice", "intercom/v1/home/presence/bob/bob-phone", false},
		{"alice", "intercom/v1/home/user/+", false},
		{"alice", "intercom/v1/ctl/door-pi", false},
		{"alice", "intercom/v1/state/door-pi", true},
		{"alice", "intercom/v1/ctl/door-pi/result", true},
		{"alice", "intercom/v1/ctl/door-pi/other", false},
		{"alice", "homeassistant/status", false},
		{"ha", "intercom/v1/ctl/door-pi", true},
		{"ha", "homeassistant/status", true},
		{"", "intercom/v1/home/user/bob", false}, // anonymous is off when users exist
		{"mallory", "intercom/v1/home/user/bob", false},
	}
	for _, w := range writes {
		if got := mayWrite(h.accessOf(w.user), w.user, w.topic); got != w.want {
			t.Errorf("%q write %q = %v, want %v", w.user, w.topic, got, w.want)
		}
	}
	reads := []struct {
		user, filter string
		want         bool
	}{
		{"alice", "intercom/v1/home/user/alice", true},
		{"alice", "intercom/v1/home/user/bob", false},
		{"alice", "intercom/v1/home/presence/+/+", true},
		{"alice", "intercom/v1/state/door-pi", true},
		{"alice", "intercom/v1/ctl/door-pi", true},
		{"alice", "intercom/v1/ctl/door-pi/result", true},
		{"alice", "intercom/v1/#", false},
		{"alice", "#", false},
		{"ha", "#", true},
	}
	for _, r := range reads {
		if got := mayRead(h.accessOf(r.user), r.user, r.filter); got != r.want {
			t.Errorf("%q read %q = %v, want %v", r.user, r.filter, got, r.want)
		}
	}
	open := &authHook{}
	if open.accessOf("") != accessFull || open.accessOf("anyone") != accessFull {
		t.Error("without users every client should have full access")
	}
	anon := &authHook{users: h.users, allowAnonymous: true}
	if anon.accessOf("") != accessFull || anon.accessOf("alice") != accessUser {
		t.Error("AllowAnonymous should give anonymous clients full access and leave users alone")
	}
}

func TestValidate(t *testing.T) {
	users := map[string]string{"alice": "secret"}
	tests := []struct {
		name string
		cfg  Config
		want []string // substrings of the error; nil means valid
	}{
		{"zero value", Config{}, nil},
		{"localhost", Config{TCPAddress: "localhost:1883", WebSocketAddress: "[::1]:1884"}, nil},
		{"lan with users", Config{TCPAddress: "0.0.0.0:1883", WebSocketAddress: ":1884", Users: users}, nil},
		{"lan without users", Config{TCPAddress: "0.0.0.0:1883"}, []string{"TCPAddress", "0.0.0.0:1883", "configure Users", "127.0.0.1"}},
		{"all interfaces ws without users", Config{WebSocketAddress: ":1884"}, []string{"WebSocketAddress", "configure Users"}},
		{"lan ip without users", Config{TCPAddress: "192.168.1.5:1883"}, []string{"TCPAddress"}},
		{"lan with anonymous", Config{TCPAddress: "0.0.0.0:1883", Users: users, AllowAnonymous: true}, []string{"AllowAnonymous"}},
		{"loopback with anonymous", Config{Users: users, AllowAnonymous: true}, nil},
		{"off listener is not checked", Config{TCPAddress: Off, WebSocketAddress: "127.0.0.1:0"}, nil},
		{"both off", Config{TCPAddress: Off, WebSocketAddress: Off}, []string{"enable at least one"}},
		{"bad address", Config{TCPAddress: "1883"}, []string{"TCPAddress", "host:port"}},
		{"cert without key", Config{TLSCertFile: "c.pem"}, []string{"TLSKeyFile"}},
		{"empty password", Config{Users: map[string]string{"bob": ""}}, []string{"bob", "empty password"}},
		{"bad user name", Config{Users: map[string]string{"bo b": "x"}}, []string{"bo b"}},
		{"admin not a user", Config{Users: users, Admins: []string{"ha"}}, []string{"Admins", "ha"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestCapabilities(t *testing.T) {
	b, err := Start(Config{TCPAddress: "127.0.0.1:0", WebSocketAddress: Off})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	caps := b.srv.Options.Capabilities
	if !caps.Compatibilities.NoInheritedPropertiesOnAck {
		t.Error("NoInheritedPropertiesOnAck is off: MQTT.js v5 clients fail with \"Invalid puback reason code\"")
	}
	if caps.MaximumMessageExpiryInterval < 10*365*24*3600 {
		t.Errorf("MaximumMessageExpiryInterval = %d s: retained presence would expire", caps.MaximumMessageExpiryInterval)
	}
}

func TestOnWillRewritesForbiddenWills(t *testing.T) {
	h := &authHook{users: passwordBytes(map[string]string{"alice": "a"}), admins: map[string]bool{}, log: slog.New(slog.DiscardHandler)}
	cl := &mqtt.Client{}
	cl.Properties.Username = []byte("alice")
	own := mqtt.Will{TopicName: "intercom/v1/home/presence/alice/phone", Payload: []byte("offline"), Retain: true, Qos: 1}
	if got, err := h.OnWill(cl, own); err != nil || got.TopicName != own.TopicName || !got.Retain {
		t.Errorf("own will changed: %+v %v", got, err)
	}
	forged := mqtt.Will{TopicName: "intercom/v1/home/presence/bob/phone", Payload: []byte("offline"), Retain: true, Qos: 1}
	got, err := h.OnWill(cl, forged)
	if err != nil || got.TopicName != "" || got.Retain || got.Payload != nil {
		t.Errorf("forged will not neutralised: %+v %v", got, err)
	}
}
