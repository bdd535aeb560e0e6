package integration

import (
	"bytes"
	"sync"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	pgpio "periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/gpio"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// BenchmarkButtonToInvite times a doorbell press on a simulated GPIO line to
// the invite arriving at the callee's inbox on mosquitto, through the real
// panel, call engine, pion offer and MQTT signaling. The debounce (30 ms,
// the default) is subtracted: the figure is what intercomd adds after it.
func BenchmarkButtonToInvite(b *testing.B) {
	url := mqtttest.StartMosquitto(b)
	door := newStation(b, url, "door", "door-pi", stationOpts{})

	invites := make(chan time.Time, 16)
	sub := bareClient(b, url, "bench-callee")
	sub.Subscribe(mqttsignal.InboxTopic("home", "panel"), 1, func(_ paho.Client, m paho.Message) {
		if bytes.Contains(m.Payload(), []byte(`"type":"invite"`)) { // not the candidates and cancels
			invites <- time.Now()
		}
	}).Wait()

	bell := &gpiotest.Pin{N: "GPIO17", Num: 17, L: pgpio.High, EdgesChan: make(chan pgpio.Level)}
	var mu sync.Mutex
	level := func(l pgpio.Level) {
		mu.Lock()
		bell.L = l
		mu.Unlock()
		bell.EdgesChan <- l
	}
	panel, err := gpio.New(gpio.Config{
		Enabled: true,
		Target:  gpio.Target{Channel: "home", User: "panel"},
		Buttons: []gpio.ButtonConfig{{Name: "bell", LineRef: gpio.LineRef{Line: "GPIO17"}, Action: "doorbell"}},
	}, gpio.NewPinChip("gpiochip0", "bench", bell), door.c, gpio.Options{Logger: mqtttest.Logger(b)})
	if err != nil {
		b.Fatal(err)
	}
	defer panel.Close()

	var after time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		level(pgpio.Low)
		var at time.Time
		select {
		case at = <-invites:
		case <-time.After(5 * time.Second):
			b.Fatal("no invite within 5 s of the press")
		}
		after += at.Sub(start) - gpio.DefaultDebounce
		b.StopTimer()
		time.Sleep(2 * gpio.DefaultDebounce)
		level(pgpio.High)
		time.Sleep(2 * gpio.DefaultDebounce)
		door.c.EndCall(bg)
		door.until(call.EventEnded)
		b.StartTimer()
	}
	b.ReportMetric(float64(after.Microseconds())/float64(b.N)/1000, "ms-after-debounce")
}
