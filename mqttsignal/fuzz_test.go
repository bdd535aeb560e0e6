package mqttsignal

import (
	"reflect"
	"testing"
	"time"
)

// FuzzDecodeEnvelope: no input panics, every accepted payload re-encodes to a
// payload that decodes to the same message, and every rejection is a
// *DecodeError with a reason. Seeds: testdata/fuzz/FuzzDecodeEnvelope.
func FuzzDecodeEnvelope(f *testing.F) {
	f.Add("intercom/v1/home/user/panel", readTestdata(f, "invite.json"))
	f.Add("intercom/v1/home/user/door", readTestdata(f, "hangup.json"))
	f.Fuzz(func(t *testing.T, topic string, payload []byte) {
		m, err := DecodeEnvelope(topic, payload, panelTab)
		if err != nil {
			if ReasonOf(err) == DropUnknown {
				t.Fatalf("error without a reason: %v", err)
			}
			return
		}
		b, err := EncodeEnvelope(m, time.UnixMilli(1))
		if err != nil {
			if ReasonOf(err) == DropOversize {
				return // JSON escaping can grow a payload that was just under the limit
			}
			t.Fatalf("decoded %+v but cannot encode it: %v", m, err)
		}
		m2, err := DecodeEnvelope(topic, b, panelTab)
		if err != nil {
			t.Fatalf("re-encoded payload is dropped: %v\n%s", err, b)
		}
		if !reflect.DeepEqual(m, m2) {
			t.Fatalf("round trip changed the message:\n%+v\n%+v", m, m2)
		}
	})
}

// FuzzDecodeCommand: no input panics, accepted commands round-trip, and
// rejections carry a reason. Seeds: testdata/fuzz/FuzzDecodeCommand.
func FuzzDecodeCommand(f *testing.F) {
	f.Add(readTestdata(f, "command-call.json"))
	f.Fuzz(func(t *testing.T, payload []byte) {
		c, err := DecodeCommand(payload)
		if err != nil {
			if ReasonOf(err) == DropUnknown {
				t.Fatalf("error without a reason: %v", err)
			}
			if c.ID != "" && !ValidID(c.ID) {
				t.Fatalf("invalid id %q returned with the error", c.ID)
			}
			return
		}
		b, err := EncodeCommand(c)
		if err != nil {
			t.Fatalf("decoded %+v but cannot encode it: %v", c, err)
		}
		c2, err := DecodeCommand(b)
		if err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("round trip: %+v -> %s -> %+v, %v", c, b, c2, err)
		}
	})
}

// FuzzDecodePresence: no input panics, rejections carry a reason, and an
// accepted record names the ids of its topic.
func FuzzDecodePresence(f *testing.F) {
	f.Add("intercom/v1/home/presence/door/door-pi", readTestdata(f, "presence-online.json"))
	f.Add("intercom/v1/home/presence/door/door-pi", []byte(`{"v":1,"state":"offline"}`))
	f.Add("intercom/v1/home/presence/door/door-pi", []byte{})
	f.Fuzz(func(t *testing.T, topic string, payload []byte) {
		p, _, err := DecodePresence(topic, payload)
		if err != nil {
			if ReasonOf(err) == DropUnknown {
				t.Fatalf("error without a reason: %v", err)
			}
			return
		}
		if PresenceTopic(p.Channel, p.User, p.Device) != topic {
			t.Fatalf("record %+v does not match topic %q", p, topic)
		}
	})
}
