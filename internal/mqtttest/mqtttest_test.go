package mqtttest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/intercomd/intercomd/broker"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeTB records Skip and Fatal and stops the helper by panicking.
type fakeTB struct {
	testing.TB
	skipped, failed bool
}

type stop struct{}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skip(args ...any)      { f.skipped = true; panic(stop{}) }
func (f *fakeTB) Fatal(args ...any)     { f.failed = true; panic(stop{}) }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true; panic(stop{}) }

func runFake(f *fakeTB, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
		}
	}()
	fn()
}

func TestMissingMosquittoSkipsOnlyOutsideCI(t *testing.T) {
	t.Setenv("CI", "")
	f := &fakeTB{}
	runFake(f, func() { requireBinary(f, "/nonexistent/mosquitto") })
	if !f.skipped || f.failed {
		t.Errorf("without CI: skipped=%v failed=%v, want a skip", f.skipped, f.failed)
	}
	t.Setenv("CI", "true")
	f = &fakeTB{}
	runFake(f, func() { requireBinary(f, "/nonexistent/mosquitto") })
	if f.skipped || !f.failed {
		t.Errorf("with CI: skipped=%v failed=%v, want a failure", f.skipped, f.failed)
	}
}

// roundTrip connects, subscribes, publishes and waits for the message.
func roundTrip(t *testing.T, url string) error {
	got := make(chan struct{}, 1)
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker(url).SetClientID(fmt.Sprint("rt-", time.Now().UnixNano())).
		SetAutoReconnect(false).SetConnectTimeout(2 * time.Second))
	if tok := c.Connect(); !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
		return fmt.Errorf("connect %s: %v", url, tok.Error())
	}
	defer c.Disconnect(50)
	if tok := c.Subscribe("t", 1, func(mqtt.Client, mqtt.Message) { got <- struct{}{} }); !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
		return fmt.Errorf("subscribe: %v", tok.Error())
	}
	if tok := c.Publish("t", 1, false, "x"); !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
		return fmt.Errorf("publish: %v", tok.Error())
	}
	select {
	case <-got:
		return nil
	case <-time.After(5 * time.Second):
		return fmt.Errorf("no message back from %s", url)
	}
}

func TestBrokersKillAndRestart(t *testing.T) {
	for name, b := range map[string]Broker{
		"mosquitto": NewMosquitto(t, MosquittoOptions{WebSocket: true}),
		"embedded":  NewEmbedded(t, broker.Config{}),
	} {
		t.Run(name, func(t *testing.T) {
			for _, url := range []string{b.URL(), b.WebSocketURL()} {
				if err := roundTrip(t, url); err != nil {
					t.Fatal(err)
				}
			}
			b.Kill()
			if err := roundTrip(t, b.URL()); err == nil {
				t.Fatal("a killed broker answered")
			}
			b.Restart()
			for _, url := range []string{b.URL(), b.WebSocketURL()} {
				if err := roundTrip(t, url); err != nil {
					t.Fatalf("after restart: %v", err)
				}
			}
		})
	}
}

func TestMosquittoConfig(t *testing.T) {
	m := NewMosquitto(t, MosquittoOptions{Extra: []string{"max_packet_size 100000"}})
	b, err := os.ReadFile(m.conf)
	if err != nil {
		t.Fatal(err)
	}
	// Without it Nagle's algorithm holds small messages ~40 ms.
	for _, line := range []string{"set_tcp_nodelay true", "max_packet_size 100000", fmt.Sprintf("listener %d 127.0.0.1", m.port)} {
		if !strings.Contains(string(b), line+"\n") {
			t.Errorf("config lacks %q:\n%s", line, b)
		}
	}
	if err := roundTrip(t, StartMosquitto(t)); err != nil {
		t.Fatal(err)
	}
}

func TestProxyCut(t *testing.T) {
	url := StartEmbedded(t)
	p := NewProxy(t, url)
	lost := make(chan struct{}, 1)
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker(p.URL()).SetClientID("proxied").SetAutoReconnect(false).
		SetConnectionLostHandler(func(mqtt.Client, error) { lost <- struct{}{} }))
	if tok := c.Connect(); !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	p.Cut()
	select {
	case <-lost:
	case <-time.After(5 * time.Second):
		t.Fatal("the client did not notice the cut")
	}
	c.Disconnect(0)
	if err := roundTrip(t, p.URL()); err != nil {
		t.Fatalf("the proxy stopped accepting after Cut: %v", err)
	}
}
