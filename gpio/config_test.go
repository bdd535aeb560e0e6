package gpio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/intercomd/intercomd/call"
)

func TestConfigYAML(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "panel.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		GPIO Config `yaml:"gpio"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("decoding testdata/panel.yaml: %v", err)
	}
	c := doc.GPIO
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	b := c.Buttons[0]
	if !c.Enabled || c.Chip != "gpiochip0" || c.Target != (Target{"home", "household"}) ||
		b.Line != "GPIO17" || b.Action != "doorbell" || b.ActiveLow == nil || !*b.ActiveLow || b.Pull != "up" ||
		b.Debounce != 30*time.Millisecond || b.LongPress != 2*time.Second || b.LongAction != "end" {
		t.Fatalf("decoded %+v; button %+v", c, b)
	}
	if c.Buttons[1].Offset == nil || *c.Buttons[1].Offset != 5 || c.Buttons[1].Target.User != "alice" {
		t.Fatalf("second button %+v", c.Buttons[1])
	}
	if len(c.LEDs) != 2 || c.LEDs[0].Line != "GPIO27" || c.LEDs[0].Role != "status" || !c.LEDs[0].Heartbeat || c.LEDs[1].Role != "door" {
		t.Fatalf("leds %+v", c.LEDs)
	}
	if c.Relay.Line != "GPIO22" || c.Relay.Pulse != 3*time.Second || c.Relay.ActiveLow {
		t.Fatalf("relay %+v", c.Relay)
	}
	// The example builds a panel on a Pi-like chip.
	r := newRig(t, c, call.StatusIdle)
	if len(r.p.buttons) != 2 || len(r.p.leds) != 2 || r.p.relay == nil {
		t.Fatalf("panel has %d buttons, %d leds, relay %v", len(r.p.buttons), len(r.p.leds), r.p.relay != nil)
	}
}

func TestValidate(t *testing.T) {
	btn := func(mod func(*ButtonConfig)) Config {
		c := bellConfig("call")
		mod(&c.Buttons[0])
		return c
	}
	tests := []struct {
		name string
		cfg  Config
		want []string // substrings of the error; none: valid
	}{
		{"minimal button", bellConfig("call"), nil},
		{"bad action", bellConfig("ring"), []string{`gpio.buttons[0] (bell).action "ring" is not an action; use one of call, accept, reject, end, doorbell`}},
		{"no action", bellConfig(""), []string{`.action "" is not an action`}},
		{"bad pull", btn(func(b *ButtonConfig) { b.Pull = "high" }), []string{`gpio.buttons[0] (bell).pull "high" is not a bias; use up, down or none`}},
		{"negative debounce", btn(func(b *ButtonConfig) { b.Debounce = -time.Millisecond }), []string{"debounce -1ms is out of range"}},
		{"debounce too long", btn(func(b *ButtonConfig) { b.Debounce = time.Second }), []string{"debounce 1s is out of range; use 0 (default 30ms) to 500ms"}},
		{"long press without action", btn(func(b *ButtonConfig) { b.LongPress = 2 * time.Second }), []string{`long_action "" is not an action; with long_press set`}},
		{"long action without long press", btn(func(b *ButtonConfig) { b.LongAction = "end" }), []string{"long_action is set but long_press is not"}},
		{"long press shorter than debounce", btn(func(b *ButtonConfig) { b.LongPress = 20 * time.Millisecond; b.LongAction = "end" }), []string{"must be longer than the debounce"}},
		{"long press fine", btn(func(b *ButtonConfig) { b.LongPress = 2 * time.Second; b.LongAction = "end" }), nil},
		{"no line", btn(func(b *ButtonConfig) { b.Line = "" }), []string{"gpio.buttons[0] (bell): no line; set line (say GPIO17) or offset"}},
		{"line and offset", btn(func(b *ButtonConfig) { b.Offset = ptr(17) }), []string{"both line (GPIO17) and offset (17) are set; keep one"}},
		{"negative offset", btn(func(b *ButtonConfig) { b.Line = ""; b.Offset = ptr(-1) }), []string{"offset -1 is negative"}},
		{"bad button target", btn(func(b *ButtonConfig) { b.Target = Target{Channel: "home", User: "a b"} }), []string{`gpio.buttons[0] (bell).target: user "a b" must be`}},
		{"call without any target", func() Config { c := bellConfig("doorbell"); c.Target = Target{}; return c }(), []string{"action doorbell places calls but no target is set; set gpio.target (channel and user) or gpio.buttons[0] (bell).target"}},
		{"accept needs no target", func() Config { c := bellConfig("accept"); c.Target = Target{}; return c }(), nil},
		{"bad global target", func() Config { c := bellConfig("call"); c.Target.Channel = ""; return c }(), []string{`gpio.target: channel "" must be`}},
		{"bad role", ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}, Role: "blink"}), []string{`gpio.leds[0].role "blink" is not a role; use one of status, power, online, ringing, in_call, door`}},
		{"led without line", ledConfig(LEDConfig{Name: "st"}), []string{"gpio.leds[0] (st): no line"}},
		{"relay pulse too short", Config{Relay: RelayConfig{LineRef: LineRef{Line: "GPIO22"}, Pulse: time.Millisecond}}, []string{"gpio.relay.pulse 1ms is out of range; use 100ms to 30s (default 3s)"}},
		{"relay pulse too long", Config{Relay: RelayConfig{LineRef: LineRef{Line: "GPIO22"}, Pulse: time.Minute}}, []string{"gpio.relay.pulse 1m0s is out of range"}},
		{"relay settings without line", Config{LEDs: []LEDConfig{{LineRef: LineRef{Line: "GPIO27"}}}, Relay: RelayConfig{Pulse: time.Second}}, []string{"gpio.relay has settings but no line"}},
		{"nothing configured", Config{}, []string{"gpio.enabled is true but no buttons, leds or relay are set"}},
		{"every problem at once", Config{Buttons: []ButtonConfig{{Action: "x"}, {LineRef: LineRef{Line: "GPIO1"}, Action: "call"}}}, []string{
			"gpio.buttons[0]: no line", `gpio.buttons[0].action "x"`, "gpio.buttons[1]: action call places calls but no target"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Enabled = true
			err := tt.cfg.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate = nil, want an error with %q", tt.want)
			}
			if !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("the error does not wrap ErrInvalidConfig: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
		})
	}
	t.Run("disabled is not checked", func(t *testing.T) {
		c := bellConfig("nonsense")
		if err := c.Validate(); err != nil {
			t.Fatalf("disabled config: %v", err)
		}
	})
}

// TestResolveLines checks the errors New gives for lines the chip lacks or
// that are used twice: they name the line and list the chip's lines.
func TestResolveLines(t *testing.T) {
	const lines = "lines: GPIO0..GPIO27"
	tests := []struct {
		name string
		cfg  Config
		want []string
	}{
		{"known line", bellConfig("call"), nil},
		{"unknown line", func() Config { c := bellConfig("call"); c.Buttons[0].Line = "GPIO99"; return c }(),
			[]string{"gpio.buttons[0] (bell): line GPIO99 not found on gpiochip0 (pinctrl-bcm2711); " + lines}},
		{"offset out of range", func() Config {
			c := bellConfig("call")
			c.Buttons[0].Line = ""
			c.Buttons[0].Offset = ptr(28)
			return c
		}(),
			[]string{"gpio.buttons[0] (bell): offset 28 not found on gpiochip0 (pinctrl-bcm2711), which has offsets 0..27; " + lines}},
		{"a line used twice", func() Config {
			c := bellConfig("call")
			c.LEDs = []LEDConfig{{Name: "status", LineRef: LineRef{Line: "GPIO17"}}}
			return c
		}(), []string{"gpio.leds[0] (status): line GPIO17 is already used by gpio.buttons[0] (bell); give each its own line; " + lines}},
		{"the same line by name and by offset", func() Config {
			c := bellConfig("call")
			c.Relay = RelayConfig{LineRef: LineRef{Offset: ptr(17)}}
			return c
		}(), []string{"gpio.relay: line GPIO17 is already used by gpio.buttons[0] (bell)"}},
		{"every problem at once", func() Config {
			c := bellConfig("call")
			c.Buttons[0].Line = "GPIO40"
			c.LEDs = []LEDConfig{{LineRef: LineRef{Line: "LED"}}, {LineRef: LineRef{Line: "GPIO3"}}, {LineRef: LineRef{Line: "GPIO3"}}}
			return c
		}(), []string{"line GPIO40 not found", "gpio.leds[0]: line LED not found", "gpio.leds[2]: line GPIO3 is already used by gpio.leds[1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Enabled = true
			p, err := New(tt.cfg, pinChip(newPins()), &fakePhone{status: call.StatusIdle}, Options{Clock: nil, Logger: quietLogger()})
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				_ = p.Close()
				return
			}
			if err == nil {
				_ = p.Close()
				t.Fatalf("New succeeded, want an error with %q", tt.want)
			}
			if !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("the error does not wrap ErrInvalidConfig: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestNewRefusesBadInput(t *testing.T) {
	if _, err := New(bellConfig("ring"), pinChip(newPins()), &fakePhone{}, Options{}); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("bad action: %v", err)
	}
	if _, err := New(bellConfig("call"), pinChip(newPins()), nil, Options{}); !errors.Is(err, ErrNoPhone) {
		t.Errorf("no phone: %v", err)
	}
	if _, err := New(bellConfig("call"), nil, &fakePhone{}, Options{}); err == nil {
		t.Errorf("no chip: no error")
	}
	// A line that cannot be taken: every line taken before it is released.
	chip := pinChip(newPins())
	held, err := chip.Output(17, lo)
	if err != nil {
		t.Fatal(err)
	}
	cfg := bellConfig("call")
	cfg.LEDs = []LEDConfig{{LineRef: LineRef{Line: "GPIO27"}}}
	if _, err := New(cfg, chip, &fakePhone{}, Options{}); !errors.Is(err, ErrLineBusy) || !strings.Contains(err.Error(), "gpio.buttons[0] (bell)") {
		t.Fatalf("busy line: %v", err)
	}
	out, err := chip.Output(27, lo)
	if err != nil {
		t.Fatalf("GPIO27 was not released after New failed: %v", err)
	}
	_ = out.Close()
	_ = held.Close()
}

func TestSummarizeLines(t *testing.T) {
	pi4 := []string{"ID_SDA", "ID_SCL"}
	for i := 2; i <= 27; i++ {
		pi4 = append(pi4, fmt.Sprintf("GPIO%d", i))
	}
	pi4 = append(pi4, "RGMII_MDIO", "RGMIO_MDC", "CTS0", "RTS0")
	tests := []struct {
		names []string
		want  string
	}{
		{nil, "(none)"},
		{[]string{"GPIO0", "GPIO1", "GPIO2"}, "GPIO0..GPIO2"},
		{[]string{"GPIO0", "GPIO1"}, "GPIO0, GPIO1"},
		{pi4, "ID_SDA, ID_SCL, GPIO2..GPIO27, RGMII_MDIO, RGMIO_MDC, CTS0, RTS0"},
		{[]string{"", "", "", "LED", ""}, "offsets 0..2 (unnamed), LED, offset 4 (unnamed)"},
		{[]string{"GPIO5", "GPIO7", "GPIO8", "GPIO9"}, "GPIO5, GPIO7..GPIO9"},
	}
	for _, tt := range tests {
		if got := summarizeLines(tt.names); got != tt.want {
			t.Errorf("summarizeLines(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
	var many []string
	for i := range 100 {
		many = append(many, fmt.Sprintf("L%dX", i))
	}
	if got := summarizeLines(many); !strings.HasSuffix(got, "… (100 lines in all; `gpioinfo` lists them)") {
		t.Errorf("a long list is not cut: %q", got)
	}
}

func TestParseRoundTrips(t *testing.T) {
	for a := ActionCall; a <= ActionDoorbell; a++ {
		if got, ok := ParseAction(a.String()); !ok || got != a {
			t.Errorf("ParseAction(%q) = %v, %v", a, got, ok)
		}
	}
	for r := RoleStatus; r <= RoleDoor; r++ {
		if got, ok := ParseRole(r.String()); !ok || got != r {
			t.Errorf("ParseRole(%q) = %v, %v", r, got, ok)
		}
	}
	if _, ok := ParseAction("unknown"); ok {
		t.Error(`ParseAction("unknown") succeeded`)
	}
	if Action(42).String() != "Action(42)" || Role(-1).String() != "Role(-1)" {
		t.Error("out-of-range String")
	}
}
