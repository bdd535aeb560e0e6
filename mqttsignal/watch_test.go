package mqttsignal_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

func TestWatchEventsAndRetained(t *testing.T) {
	brokers(t, func(t *testing.T, b mqtttest.Broker) {
		s := newSignaler(t, b.URL(), "door", "door-pi", func(o *mqttsignal.Options) {
			o.Watch = []string{"homeassistant/status"}
		})
		obs := newObserver(t, b.URL(), "#")

		obs.publish(t, "homeassistant/status", false, []byte("online"))
		select {
		case w := <-s.Watched():
			if w.Topic != "homeassistant/status" || string(w.Payload) != "online" {
				t.Fatalf("watched %+v", w)
			}
		case <-time.After(wait):
			t.Fatal("the watched topic's message never arrived")
		}

		if err := s.PublishEvent([]byte(`{"event_type":"ring"}`)); err != nil {
			t.Fatal(err)
		}
		obs.waitFor(t, "the ring event", func(topic string, p []byte, retained bool) bool {
			return topic == mqttsignal.EventTopic("door-pi") && string(p) == `{"event_type":"ring"}` && !retained
		})
		if err := s.PublishRetained("homeassistant/event/x/doorbell/config", []byte(`{"a":1}`)); err != nil {
			t.Fatal(err)
		}
		late := newObserver(t, b.URL(), "homeassistant/event/#")
		late.waitFor(t, "the retained config", func(topic string, p []byte, retained bool) bool {
			return retained && bytes.Equal(p, []byte(`{"a":1}`))
		})
		if err := s.PublishRetained("homeassistant/#", nil); err == nil || !strings.Contains(err.Error(), "without wildcards") {
			t.Fatalf("wildcard topic accepted: %v", err)
		}
	})
}

func TestWatchRefusesWildcards(t *testing.T) {
	_, err := mqttsignal.New(mqttsignal.Options{Brokers: []string{"tcp://127.0.0.1:1"}, UserID: "door", DeviceID: "door-pi", Channels: []string{"home"}, Watch: []string{"homeassistant/#"}})
	if err == nil || !strings.Contains(err.Error(), "without wildcards") {
		t.Fatalf("New with a wildcard watch = %v", err)
	}
}
