package main

import (
	"encoding/json"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// retainedWatcher records the last payload seen on every topic under a filter.
type retainedWatcher struct {
	c    paho.Client
	mu   sync.Mutex
	last map[string][]byte
}

func watchTopics(t *testing.T, url, filter string) *retainedWatcher {
	t.Helper()
	w := &retainedWatcher{last: map[string][]byte{}}
	w.c = paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID("e2e-" + randomHex(4)))
	if tok := w.c.Connect(); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	t.Cleanup(func() { w.c.Disconnect(100) })
	w.c.Subscribe(filter, 1, func(_ paho.Client, m paho.Message) {
		w.mu.Lock()
		w.last[m.Topic()] = append([]byte(nil), m.Payload()...)
		w.mu.Unlock()
	}).Wait()
	return w
}

// configs returns the non-empty payloads seen, by topic.
func (w *retainedWatcher) configs() map[string][]byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := map[string][]byte{}
	for k, v := range w.last {
		if len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

func (w *retainedWatcher) waitFor(t *testing.T, what string, ok func(map[string][]byte) bool) map[string][]byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if c := w.configs(); ok(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("never saw %s; saw %d topics", what, len(w.configs()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (w *retainedWatcher) publish(t *testing.T, topic string, retained bool, payload string) {
	t.Helper()
	if tok := w.c.Publish(topic, 1, retained, payload); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
}

// TestHomeAssistant runs a station against mosquitto as Home Assistant would
// see it: discovery configs retained, republished when Home Assistant comes
// online, do-not-disturb from its switch, availability offline when the
// station dies.
func TestHomeAssistant(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	ha := watchTopics(t, url, "homeassistant/+/intercomd_door-pi/#")

	const entities = 8 // no relay configured: no open-door button
	cfgs := ha.waitFor(t, "the door's discovery configs", func(c map[string][]byte) bool { return len(c) == entities })
	availability := ""
	for topic, p := range cfgs {
		var m map[string]any
		if err := json.Unmarshal(p, &m); err != nil {
			t.Fatalf("%s: %v", topic, err)
		}
		a := m["availability"].([]any)[0].(map[string]any)
		availability = a["availability_topic"].(string)
		if m["unique_id"] == nil || m["device"] == nil {
			t.Fatalf("%s lacks unique_id or device: %s", topic, p)
		}
	}
	if availability != mqttsignal.PresenceTopic("home", "door", "door-pi") {
		t.Fatalf("availability topic %s", availability)
	}

	// Home Assistant restarts with an empty broker: discovery comes back.
	for topic := range cfgs {
		ha.publish(t, topic, true, "")
	}
	ha.waitFor(t, "the configs cleared", func(c map[string][]byte) bool { return len(c) == 0 })
	ha.publish(t, "homeassistant/status", false, "online")
	ha.waitFor(t, "discovery republished", func(c map[string][]byte) bool { return len(c) == entities })

	// The do-not-disturb switch: the payload the switch sends.
	var sw map[string]any
	json.Unmarshal(cfgs["homeassistant/switch/intercomd_door-pi/do_not_disturb/config"], &sw)
	ha.publish(t, sw["command_topic"].(string), false, sw["payload_on"].(string))
	states := watchStates(t, url)
	states.wait(t, "door-pi", "dnd on", func(s state) bool { return s.DND })
	ctl(t, panel.cfg, "call", "--to", "door")
	panel.waitLog(t, "reason=busy", 10*time.Second)
	if strings.Contains(door.log.String(), "incoming call") {
		t.Fatal("the door rang with do-not-disturb on")
	}

	// The station dies: the broker's will marks it offline, so every entity
	// is unavailable.
	presence := watchTopics(t, url, availability)
	door.cmd.Process.Signal(syscall.SIGKILL)
	presence.waitFor(t, "offline presence", func(c map[string][]byte) bool {
		return strings.Contains(string(c[availability]), `"offline"`)
	})
}
