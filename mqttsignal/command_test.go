package mqttsignal

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

func TestDecodeCommand(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		want    Command
		reason  DropReason
		field   string
	}{
		{name: "call sample", payload: string(readTestdata(t, "command-call.json")),
			want: Command{ID: "abc", Type: CmdCall, Channel: "home", To: "panel", Constraints: &call.Constraints{Audio: true, Video: true}}},
		{name: "open-door sample", payload: string(readTestdata(t, "command-open-door.json")), want: Command{Type: CmdOpenDoor}},
		{name: "accept audio only", payload: `{"v":1,"id":"a1","cmd":"accept","constraints":{"audio":true,"video":false}}`,
			want: Command{ID: "a1", Type: CmdAccept, Constraints: &call.Constraints{Audio: true}}},
		{name: "reject", payload: `{"v":1,"cmd":"reject"}`, want: Command{Type: CmdReject}},
		{name: "end", payload: `{"v":1,"cmd":"end"}`, want: Command{Type: CmdEnd}},
		{name: "dnd on", payload: `{"v":1,"id":"d1","cmd":"dnd","on":true}`, want: Command{ID: "d1", Type: CmdDND, On: true}},
		{name: "dnd off", payload: `{"v":1,"cmd":"dnd","on":false}`, want: Command{Type: CmdDND}},
		{name: "dnd without on", payload: `{"v":1,"id":"d2","cmd":"dnd"}`, want: Command{ID: "d2"}, reason: DropMissingField, field: "on"},
		{name: "mute", payload: `{"v":1,"cmd":"mute","on":true}`, want: Command{Type: CmdMute, On: true}},
		{name: "speaker mute off", payload: `{"v":1,"cmd":"speaker-mute","on":false}`, want: Command{Type: CmdSpeakerMute}},
		{name: "mute without on", payload: `{"v":1,"cmd":"mute"}`, reason: DropMissingField, field: "on"},
		{name: "on on end", payload: `{"v":1,"cmd":"end","on":true}`, reason: DropBadValue, field: "on"},
		{name: "not json", payload: `call door`, reason: DropInvalidJSON},
		{name: "oversize", payload: `{"v":1,"cmd":"end","x":"` + strings.Repeat("x", MaxCommandPayload) + `"}`, reason: DropOversize},
		{name: "no v", payload: `{"cmd":"end"}`, reason: DropVersion, field: "v"},
		{name: "v 2", payload: `{"v":2,"cmd":"end"}`, reason: DropVersion, field: "v"},
		{name: "no cmd", payload: `{"v":1,"id":"q"}`, want: Command{ID: "q"}, reason: DropType, field: "cmd"},
		{name: "unknown cmd", payload: `{"v":1,"id":"q","cmd":"explode"}`, want: Command{ID: "q"}, reason: DropType, field: "cmd"},
		{name: "bad id", payload: `{"v":1,"id":"a b","cmd":"end"}`, reason: DropBadID, field: "id"},
		{name: "call without to", payload: `{"v":1,"id":"q","cmd":"call","channel":"home"}`, want: Command{ID: "q"}, reason: DropMissingField, field: "to"},
		{name: "call without channel", payload: `{"v":1,"cmd":"call","to":"panel"}`, reason: DropMissingField, field: "channel"},
		{name: "call bad to", payload: `{"v":1,"cmd":"call","channel":"home","to":"pa nel"}`, reason: DropBadID, field: "to"},
		{name: "call reserved channel", payload: `{"v":1,"cmd":"call","channel":"state","to":"panel"}`, reason: DropBadID, field: "channel"},
		{name: "end with to", payload: `{"v":1,"cmd":"end","to":"panel"}`, reason: DropBadValue, field: "to"},
		{name: "end with channel", payload: `{"v":1,"cmd":"end","channel":"home"}`, reason: DropBadValue, field: "channel"},
		{name: "reject with constraints", payload: `{"v":1,"cmd":"reject","constraints":{"audio":true}}`, reason: DropBadValue, field: "constraints"},
		{name: "constraints wrong type", payload: `{"v":1,"cmd":"accept","constraints":true}`, reason: DropInvalidJSON, field: "constraints"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeCommand([]byte(tt.payload))
			if ReasonOf(err) != tt.reason {
				t.Fatalf("got error %v, want reason %s", err, tt.reason)
			}
			if err != nil {
				if de := err.(*DecodeError); de.Field != tt.field {
					t.Errorf("error names field %q, want %q (%v)", de.Field, tt.field, err)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCommandTypeNames(t *testing.T) {
	for i := range commandNames {
		c := CommandType(i)
		if i == 0 {
			continue
		}
		back, ok := ParseCommandType(c.String())
		if !ok || back != c {
			t.Errorf("ParseCommandType(%q) = %v, %v", c.String(), back, ok)
		}
	}
	if _, ok := ParseCommandType("unknown"); ok {
		t.Error(`"unknown" parses as a command`)
	}
}

func TestDecodePresence(t *testing.T) {
	const topic = "intercom/v1/home/presence/door/door-pi"
	p, online, err := DecodePresence(topic, readTestdata(t, "presence-online.json"))
	want := Presence{Channel: "home", User: "door", Device: "door-pi", Name: "Front door", Kind: KindStation, Since: time.UnixMilli(1764213000123)}
	if err != nil || !online || p != want {
		t.Fatalf("got %+v %v %v, want %+v online", p, online, err, want)
	}
	if _, online, err := DecodePresence(topic, encodePresence(false, "x", KindBrowser, time.Now())); err != nil || online {
		t.Errorf("offline record: online=%v err=%v", online, err)
	}
	if p, online, err := DecodePresence(topic, nil); err != nil || online || p.Device != "door-pi" {
		t.Errorf("cleared record: %+v online=%v err=%v", p, online, err)
	}
	bad := []struct {
		topic, payload string
		reason         DropReason
	}{
		{"intercom/v1/home/user/door", `{"v":1,"state":"online"}`, DropTopicMismatch},
		{"intercom/v1/home/presence/do or/pi", `{"v":1,"state":"online"}`, DropBadID},
		{topic, `{"v":1}`, DropMissingField},
		{topic, `{"v":1,"state":"away"}`, DropBadValue},
		{topic, `{"state":"online"}`, DropVersion},
		{topic, `online`, DropInvalidJSON},
		{topic, `{"v":1,"state":"online","name":"` + strings.Repeat("n", 300) + `"}`, DropBadValue},
		{topic, strings.Repeat(" ", MaxPresencePayload+1), DropOversize},
	}
	for _, b := range bad {
		if _, _, err := DecodePresence(b.topic, []byte(b.payload)); ReasonOf(err) != b.reason {
			t.Errorf("DecodePresence(%q, %.40q) = %v, want reason %s", b.topic, b.payload, err, b.reason)
		}
	}
}

func TestOptionsValidation(t *testing.T) {
	good := Options{Brokers: []string{"tcp://127.0.0.1:1883"}, UserID: "door", DeviceID: "door-pi", Channels: []string{"home"}}
	if _, err := good.withDefaults(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		mutate func(*Options)
		want   string
	}{
		{"no broker", func(o *Options) { o.Brokers = nil }, "Brokers"},
		{"bad scheme", func(o *Options) { o.Brokers = []string{"http://x:1"} }, "scheme"},
		{"no port", func(o *Options) { o.Brokers = []string{"tcp://x"} }, "host:port"},
		{"bad user", func(o *Options) { o.UserID = "a b" }, "UserID"},
		{"bad device", func(o *Options) { o.DeviceID = "" }, "DeviceID"},
		{"no channel", func(o *Options) { o.Channels = nil }, "Channels"},
		{"reserved channel", func(o *Options) { o.Channels = []string{"ctl"} }, "ctl"},
		{"duplicate channel", func(o *Options) { o.Channels = []string{"home", "home"} }, "twice"},
		{"cert without key", func(o *Options) { o.TLS.CertFile = "c.pem" }, "KeyFile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := good
			tt.mutate(&o)
			_, err := New(o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}
