package homeassistant

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

var station = Station{
	Device: "door-pi", Name: "Front door", Version: "v1.0.0", Channel: "home", Target: "household",
	StateTopic:    "intercom/v1/state/door-pi",
	PresenceTopic: "intercom/v1/home/presence/door/door-pi",
	EventTopic:    "intercom/v1/event/door-pi",
	CommandTopic:  "intercom/v1/ctl/door-pi",
	HasRelay:      true,
}

// required lists, per component, the keys Home Assistant's MQTT schema needs
// for the entity to work as intended here.
var required = map[string][]string{
	"event":         {"state_topic", "event_types", "device_class"},
	"sensor":        {"state_topic", "value_template", "device_class", "options"},
	"binary_sensor": {"state_topic", "value_template", "device_class", "payload_on", "payload_off"},
	"switch":        {"command_topic", "payload_on", "payload_off", "state_topic", "value_template", "state_on", "state_off"},
	"button":        {"command_topic", "payload_press"},
}

func TestDiscoveryHasWhatHomeAssistantNeeds(t *testing.T) {
	msgs, err := DefaultConfig().Discovery(station)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	ids := map[string]bool{}
	for _, m := range msgs {
		parts := strings.Split(m.Topic, "/")
		if len(parts) != 5 || parts[0] != "homeassistant" || parts[2] != "intercomd_door-pi" || parts[4] != "config" {
			t.Fatalf("topic %q is not homeassistant/<component>/<node>/<object>/config", m.Topic)
		}
		component, object := parts[1], parts[3]
		var cfg map[string]any
		if err := json.Unmarshal(m.Payload, &cfg); err != nil {
			t.Fatalf("%s: %v", m.Topic, err)
		}
		keys, ok := required[component]
		if !ok {
			t.Fatalf("%s: unexpected component %s", m.Topic, component)
		}
		for _, k := range append(keys, "unique_id", "name", "device", "availability") {
			if _, ok := cfg[k]; !ok {
				t.Errorf("%s: missing %s", m.Topic, k)
			}
		}
		id := cfg["unique_id"].(string)
		if ids[id] {
			t.Errorf("unique_id %s used twice", id)
		}
		ids[id] = true
		dev := cfg["device"].(map[string]any)
		if ident := dev["identifiers"].([]any); len(ident) != 1 || ident[0] != "intercomd_door-pi" {
			t.Errorf("%s: device identifiers %v", m.Topic, ident)
		}
		avail := cfg["availability"].([]any)[0].(map[string]any)
		if avail["availability_topic"] != station.PresenceTopic || avail["payload_available"] != "online" {
			t.Errorf("%s: availability %v", m.Topic, avail)
		}
		seen[component+"/"+object] = true
		switch component + "/" + object {
		case "event/doorbell":
			if cfg["device_class"] != "doorbell" || !slices.Equal(toStrings(cfg["event_types"]), []string{"ring"}) || cfg["state_topic"] != station.EventTopic {
				t.Errorf("doorbell entity %v", cfg)
			}
		case "sensor/call_state":
			if cfg["device_class"] != "enum" || !slices.Equal(toStrings(cfg["options"]), CallStates) {
				t.Errorf("call state sensor %v", cfg)
			}
		case "button/call":
			assertCommand(t, cfg["payload_press"], map[string]any{"v": 1.0, "cmd": "call", "channel": "home", "to": "household"})
		case "button/open_door":
			assertCommand(t, cfg["payload_press"], map[string]any{"v": 1.0, "cmd": "open-door"})
		case "switch/do_not_disturb":
			assertCommand(t, cfg["payload_on"], map[string]any{"v": 1.0, "cmd": "dnd", "on": true})
			assertCommand(t, cfg["payload_off"], map[string]any{"v": 1.0, "cmd": "dnd", "on": false})
		}
	}
	for _, want := range []string{"event/doorbell", "sensor/call_state", "binary_sensor/connectivity", "switch/do_not_disturb",
		"button/call", "button/answer", "button/reject", "button/hang_up", "button/open_door"} {
		if !seen[want] {
			t.Errorf("no %s entity", want)
		}
	}
}

func TestNoOpenDoorWithoutRelay(t *testing.T) {
	s := station
	s.HasRelay = false
	msgs, _ := DefaultConfig().Discovery(s)
	for _, m := range msgs {
		if strings.Contains(m.Topic, "open_door") {
			t.Fatal("open-door button announced without a relay")
		}
	}
	if len(DefaultConfig().Removal(s)) != len(msgs)+1 {
		t.Fatal("Removal must also remove the open-door button")
	}
}

func TestPrefixAndValidate(t *testing.T) {
	c := Config{Enabled: true, Prefix: "ha"}
	msgs, _ := c.Discovery(station)
	if !strings.HasPrefix(msgs[0].Topic, "ha/") || c.StatusTopic() != "ha/status" {
		t.Fatalf("prefix not used: %s %s", msgs[0].Topic, c.StatusTopic())
	}
	for _, p := range []string{"", "home/assistant", "#", "a b"} {
		if err := (Config{Enabled: true, Prefix: p}).Validate(); err == nil {
			t.Errorf("prefix %q accepted", p)
		}
	}
	if err := (Config{Enabled: false}).Validate(); err != nil {
		t.Errorf("disabled discovery needs no prefix: %v", err)
	}
}

func TestNodeIDCleansDeviceID(t *testing.T) {
	if got := nodeID("door.pi"); got != "intercomd_door_pi" {
		t.Fatalf("nodeID = %s", got)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func assertCommand(t *testing.T, payload any, want map[string]any) {
	t.Helper()
	var got map[string]any
	if err := json.Unmarshal([]byte(payload.(string)), &got); err != nil {
		t.Fatalf("command payload %v: %v", payload, err)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("command %v: %s = %v, want %v", got, k, got[k], v)
		}
	}
}
