package gpio

import (
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

func ledConfig(leds ...LEDConfig) Config { return Config{LEDs: leds} }

func TestLEDStatusPatterns(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name      string
		status    call.Status
		online    bool
		heartbeat bool
		want      []levelAt
	}{
		{"idle online: off", call.StatusIdle, true, false, []levelAt{{0, lo}, {time.Second, lo}, {10 * time.Second, lo}}},
		{"idle online with heartbeat: a blip every 5 s", call.StatusIdle, true, true, []levelAt{
			{0, hi}, {99 * ms, hi}, {100 * ms, lo}, {4999 * ms, lo}, {5000 * ms, hi}, {5099 * ms, hi}, {5100 * ms, lo}}},
		{"idle offline: 50 ms flash every 2 s", call.StatusIdle, false, false, []levelAt{
			{0, hi}, {49 * ms, hi}, {50 * ms, lo}, {1999 * ms, lo}, {2000 * ms, hi}, {2050 * ms, lo}, {4000 * ms, hi}}},
		{"unknown status counts as idle", call.StatusUnknown, false, false, []levelAt{{0, hi}, {50 * ms, lo}, {2000 * ms, hi}}},
		{"calling: slow blink", call.StatusCalling, true, false, []levelAt{
			{0, hi}, {499 * ms, hi}, {500 * ms, lo}, {999 * ms, lo}, {1000 * ms, hi}, {1500 * ms, lo}, {60 * time.Second, hi}}},
		{"calling while offline still shows calling", call.StatusCalling, false, false, []levelAt{{0, hi}, {100 * ms, hi}, {500 * ms, lo}}},
		{"ringing: fast blink", call.StatusRinging, true, false, []levelAt{
			{0, hi}, {124 * ms, hi}, {125 * ms, lo}, {249 * ms, lo}, {250 * ms, hi}, {375 * ms, lo}, {10 * time.Second, hi}}},
		{"connecting: fast blink", call.StatusConnecting, true, false, []levelAt{{0, hi}, {125 * ms, lo}, {250 * ms, hi}}},
		{"connected: on", call.StatusConnected, true, false, []levelAt{{0, hi}, {time.Second, hi}, {time.Minute, hi}}},
		{"connected while offline: on", call.StatusConnected, false, false, []levelAt{{0, hi}, {3 * time.Second, hi}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}, Role: "status", Heartbeat: tt.heartbeat}), call.StatusIdle)
			if tt.online {
				r.p.SetOnline(true)
			}
			r.p.SetStatus(tt.status)
			wantLevels(t, r, 27, tt.want)
		})
	}
}

func TestLEDActiveLow(t *testing.T) {
	r := newRig(t, ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}, ActiveLow: true}), call.StatusIdle)
	r.p.SetOnline(true)
	if r.level(27) != hi {
		t.Fatalf("an active-low LED that is off must be high")
	}
	r.p.SetStatus(call.StatusRinging)
	wantLevels(t, r, 27, []levelAt{{0, lo}, {125 * time.Millisecond, hi}, {250 * time.Millisecond, lo}})
	r.p.SetStatus(call.StatusConnected)
	wantLevels(t, r, 27, []levelAt{{0, lo}, {time.Second, lo}})
	_ = r.p.Close()
	if r.level(27) != hi {
		t.Fatalf("Close must leave an active-low LED high (off)")
	}
}

func TestLEDErrorFlash(t *testing.T) {
	ms := time.Millisecond
	r := newRig(t, ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}}), call.StatusIdle)
	r.p.SetOnline(true)
	r.p.SetStatus(call.StatusConnected)
	r.p.Error()
	// A double blink per second for 3 s, then the status again.
	wantLevels(t, r, 27, []levelAt{
		{0, hi}, {99 * ms, hi}, {100 * ms, lo}, {249 * ms, lo}, {250 * ms, hi}, {350 * ms, lo}, {999 * ms, lo},
		{1000 * ms, hi}, {1100 * ms, lo}, {1250 * ms, hi}, {2999 * ms, lo}, {3000 * ms, hi}, {10 * time.Second, hi},
	})
	// Event-driven: EventFailed flashes too, and the status it carries shows after.
	r.p.HandleEvent(call.Event{Type: call.EventFailed, Status: call.StatusIdle})
	wantLevels(t, r, 27, []levelAt{{0, hi}, {100 * ms, lo}, {250 * ms, hi}, {3 * time.Second, lo}, {time.Minute, lo}})
}

func TestLEDRoles(t *testing.T) {
	r := newRig(t, ledConfig(
		LEDConfig{Name: "power", LineRef: LineRef{Line: "GPIO20"}, Role: "power"},
		LEDConfig{Name: "online", LineRef: LineRef{Line: "GPIO21"}, Role: "online"},
		LEDConfig{Name: "ringing", LineRef: LineRef{Line: "GPIO22"}, Role: "ringing"},
		LEDConfig{Name: "in call", LineRef: LineRef{Line: "GPIO23"}, Role: "in_call"},
		LEDConfig{Name: "door", LineRef: LineRef{Line: "GPIO24"}, Role: "door"},
	), call.StatusIdle)
	type levels [5]bool // power, online, ringing, in call, door
	check := func(when string, want levels) {
		t.Helper()
		for i, w := range want {
			if got := bool(r.level(20 + i)); got != w {
				t.Errorf("%s: GPIO%d = %v, want %v", when, 20+i, got, w)
			}
		}
	}
	check("start", levels{true, false, false, false, false})
	r.p.SetOnline(true)
	check("online", levels{true, true, false, false, false})
	r.p.SetStatus(call.StatusRinging)
	check("ringing", levels{true, true, true, true, false})
	r.p.SetStatus(call.StatusConnected)
	check("connected", levels{true, true, false, true, false})
	r.p.SetOnline(false)
	r.clk.Advance(time.Hour)
	check("offline", levels{true, false, false, true, false})
	r.p.SetStatus(call.StatusIdle)
	check("idle", levels{true, false, false, false, false})
}

func TestSafeOffAndClose(t *testing.T) {
	cfg := ledConfig(
		LEDConfig{LineRef: LineRef{Line: "GPIO27"}},
		LEDConfig{LineRef: LineRef{Line: "GPIO26"}, ActiveLow: true, Role: "power"},
	)
	cfg.Relay = RelayConfig{LineRef: LineRef{Line: "GPIO22"}}
	cfg.Target = Target{Channel: "home", User: "alice"}
	cfg.Buttons = []ButtonConfig{{LineRef: LineRef{Line: "GPIO17"}, Action: "doorbell"}}

	t.Run("SafeOff", func(t *testing.T) {
		r := newRig(t, cfg, call.StatusConnected)
		if err := r.p.OpenDoor("test", true); err != nil {
			t.Fatal(err)
		}
		if r.level(27) != hi || r.level(26) != lo || r.level(22) != hi {
			t.Fatalf("before: LED %s, power LED %s, relay %s", r.level(27), r.level(26), r.level(22))
		}
		r.p.SafeOff()
		r.p.SetStatus(call.StatusRinging)
		r.clk.Advance(time.Minute)
		if r.level(27) != lo || r.level(26) != hi || r.level(22) != lo {
			t.Fatalf("after SafeOff: LED %s, power LED %s (active low), relay %s; want all off", r.level(27), r.level(26), r.level(22))
		}
	})
	t.Run("Close", func(t *testing.T) {
		r := newRig(t, cfg, call.StatusConnected)
		if err := r.p.OpenDoor("test", true); err != nil {
			t.Fatal(err)
		}
		if err := r.p.Close(); err != nil {
			t.Fatal(err)
		}
		if r.level(27) != lo || r.level(26) != hi || r.level(22) != lo {
			t.Fatalf("after Close: LED %s, power LED %s (active low), relay %s; want all off", r.level(27), r.level(26), r.level(22))
		}
		if r.clk.Pending() != 0 {
			t.Errorf("%d timers still pending after Close", r.clk.Pending())
		}
		// The lines are released: they can be taken again.
		for _, off := range []int{17, 22, 26, 27} {
			if off == 17 {
				in, err := r.chip.Input(off, 0)
				if err != nil {
					t.Fatalf("GPIO%d not released: %v", off, err)
				}
				_ = in.Close()
				continue
			}
			out, err := r.chip.Output(off, lo)
			if err != nil {
				t.Fatalf("GPIO%d not released: %v", off, err)
			}
			_ = out.Close()
		}
		// Closed: every input is ignored, Close again is fine.
		if err := r.p.OpenDoor("test", true); err == nil {
			t.Fatal("OpenDoor after Close succeeded")
		}
		r.p.SetStatus(call.StatusRinging)
		r.p.Error()
		if r.level(27) != lo {
			t.Fatal("an LED lit after Close")
		}
		if err := r.p.Close(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestStartsWithEverythingOff(t *testing.T) {
	cfg := ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}, ActiveLow: true})
	cfg.Relay = RelayConfig{LineRef: LineRef{Line: "GPIO22"}, ActiveLow: true}
	r := newRigWith(t, cfg, call.StatusIdle, nil)
	r.p.SetOnline(true)
	if r.level(27) != hi || r.level(22) != hi {
		t.Fatalf("at start: active-low LED %s, active-low relay %s; want both high (off)", r.level(27), r.level(22))
	}
}
