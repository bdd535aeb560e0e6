// Package homeassistant describes an intercomd station to Home Assistant through
// MQTT discovery: a doorbell event, a call-state sensor, buttons to call,
// answer, reject, hang up and open the door, a do-not-disturb switch and a
// connectivity sensor. The entities read intercomd's own topics (state,
// presence, events) and press buttons by publishing the same JSON commands
// `intercomd ctl` sends, so Home Assistant needs no topic of its own.
package homeassistant

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Config turns discovery on or off and sets its prefix.
type Config struct {
	// Enabled publishes discovery configurations (default true).
	Enabled bool `yaml:"enabled"`
	// Prefix is Home Assistant's discovery prefix (default "homeassistant").
	Prefix string `yaml:"discovery_prefix"`
}

// DefaultConfig is discovery on, with Home Assistant's default prefix.
func DefaultConfig() Config { return Config{Enabled: true, Prefix: "homeassistant"} }

// Validate checks the prefix is usable as the first level of a topic.
func (c Config) Validate() error {
	if c.Enabled && (c.Prefix == "" || strings.ContainsAny(c.Prefix, "+#/ ")) {
		return fmt.Errorf("homeassistant.discovery_prefix %q must be one topic level without + # / or spaces (default homeassistant)", c.Prefix)
	}
	return nil
}

// StatusTopic is where Home Assistant announces itself; on "online" every
// integration republishes its discovery configurations.
func (c Config) StatusTopic() string { return c.Prefix + "/status" }

// Station is what discovery needs to know about the intercomd it describes.
type Station struct {
	// Device is the intercomd device id; it names the Home Assistant device.
	Device string
	// Name is the display name ("Front door").
	Name string
	// Version is intercomd's version.
	Version string
	// Channel and Target: whom the "call" button calls.
	Channel string
	Target  string
	// Topics the entities read and write.
	StateTopic    string // retained JSON state with "status" and "dnd"
	PresenceTopic string // retained JSON presence with "state": online/offline
	EventTopic    string // {"event_type":"ring"} on each doorbell press
	CommandTopic  string // JSON commands, as `intercomd ctl` sends
	// HasRelay adds the open-door button.
	HasRelay bool
}

// Message is one retained discovery configuration.
type Message struct {
	Topic   string
	Payload []byte
}

// CallStates are the call-state sensor's options, call.Status names.
var CallStates = []string{"idle", "calling", "ringing", "connecting", "connected"}

// RingPayload is the doorbell event's payload (Home Assistant's DoorbellEventType.RING).
var RingPayload = []byte(`{"event_type":"ring"}`)

// Discovery returns the retained configurations that make Home Assistant show
// s as a device with its entities. Publishing an empty payload to the same
// topics removes them (Removal).
func (c Config) Discovery(s Station) ([]Message, error) {
	node := nodeID(s.Device)
	device := map[string]any{
		"identifiers":  []string{node},
		"name":         s.Name,
		"manufacturer": "intercomd",
		"model":        "Door intercom",
		"sw_version":   s.Version,
	}
	availability := map[string]any{
		"availability_topic":    s.PresenceTopic,
		"availability_template": "{{ value_json.state }}",
		"payload_available":     "online",
		"payload_not_available": "offline",
	}
	command := func(cmd string, extra ...string) string {
		fields := []string{`"v":1`, fmt.Sprintf(`"cmd":%q`, cmd)}
		return "{" + strings.Join(append(fields, extra...), ",") + "}"
	}
	var errs []error
	entity := func(component, object string, fields map[string]any) Message {
		cfg := map[string]any{
			"unique_id":          node + "_" + object,
			"object_id":          node + "_" + object,
			"device":             device,
			"origin":             map[string]any{"name": "intercomd", "sw": s.Version},
			"availability_mode":  "all",
			"availability":       []map[string]any{availability},
			"qos":                1,
			"enabled_by_default": true,
		}
		for k, v := range fields {
			cfg[k] = v
		}
		payload, err := json.Marshal(cfg)
		if err != nil {
			errs = append(errs, fmt.Errorf("homeassistant: encoding the %s %s: %w", component, object, err))
		}
		return Message{Topic: fmt.Sprintf("%s/%s/%s/%s/config", c.Prefix, component, node, object), Payload: payload}
	}
	button := func(object, name, icon, payload string) Message {
		return entity("button", object, map[string]any{
			"name": name, "icon": icon, "command_topic": s.CommandTopic, "payload_press": payload,
		})
	}
	msgs := []Message{
		entity("event", "doorbell", map[string]any{
			"name": "Doorbell", "device_class": "doorbell", "event_types": []string{"ring"},
			"state_topic": s.EventTopic,
		}),
		entity("sensor", "call_state", map[string]any{
			"name": "Call", "device_class": "enum", "options": CallStates,
			"state_topic": s.StateTopic, "value_template": "{{ value_json.status }}", "icon": "mdi:phone",
		}),
		entity("binary_sensor", "connectivity", map[string]any{
			"name": "Connectivity", "device_class": "connectivity", "entity_category": "diagnostic",
			"state_topic": s.PresenceTopic, "value_template": "{{ 'ON' if value_json.state == 'online' else 'OFF' }}",
			"payload_on": "ON", "payload_off": "OFF",
		}),
		entity("switch", "do_not_disturb", map[string]any{
			"name": "Do not disturb", "icon": "mdi:bell-off", "command_topic": s.CommandTopic,
			"payload_on": command("dnd", `"on":true`), "payload_off": command("dnd", `"on":false`),
			"state_topic": s.StateTopic, "value_template": "{{ 'ON' if value_json.dnd else 'OFF' }}",
			"state_on": "ON", "state_off": "OFF",
		}),
		button("call", "Call "+s.Target, "mdi:phone-outgoing", command("call", fmt.Sprintf(`"channel":%q`, s.Channel), fmt.Sprintf(`"to":%q`, s.Target))),
		button("answer", "Answer", "mdi:phone-check", command("accept")),
		button("reject", "Reject", "mdi:phone-cancel", command("reject")),
		button("hang_up", "Hang up", "mdi:phone-hangup", command("end")),
	}
	if s.HasRelay {
		msgs = append(msgs, button("open_door", "Open door", "mdi:door-open", command("open-door")))
	}
	return msgs, errors.Join(errs...)
}

// Removal returns empty retained payloads for every topic of Discovery(s), which
// makes Home Assistant forget the entities (discovery turned off).
func (c Config) Removal(s Station) []Message {
	s.HasRelay = true         // remove the open-door button too, if it was ever announced
	msgs, _ := c.Discovery(s) // only the topics are used
	for i := range msgs {
		msgs[i].Payload = nil
	}
	return msgs
}

// nodeID makes a Home Assistant node id from a device id: [a-zA-Z0-9_-] only.
func nodeID(device string) string {
	return "intercomd_" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '_'
	}, device)
}
