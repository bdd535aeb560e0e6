package gpio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

func TestOpenChipWithoutChips(t *testing.T) {
	if paths, _ := filepath.Glob(devGlob); len(paths) > 0 {
		t.Skipf("this machine has GPIO chips (%s); the no-chip path needs one without", strings.Join(paths, ", "))
	}
	if _, err := OpenChip(""); !errors.Is(err, ErrNoChip) {
		t.Fatalf("OpenChip without chips = %v, want ErrNoChip", err)
	}
	cfg := bellConfig("call")
	cfg.Enabled = true
	if _, err := Open(cfg, &fakePhone{}, Options{Logger: quietLogger()}); !errors.Is(err, ErrNoChip) {
		t.Fatalf("Open without chips = %v, want ErrNoChip", err)
	}
}

// envOffset reads a line offset from the environment.
func envOffset(t *testing.T, key string, def int) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a line offset", key, v)
	}
	return n
}

// simLine is a gpio-sim line's sysfs directory: writing "pull-up" or
// "pull-down" to pull plays the outside world; value reads the line.
type simLine string

func findSimLine(t *testing.T, chip string, offset int) simLine {
	t.Helper()
	dirs, _ := filepath.Glob(fmt.Sprintf("/sys/devices/platform/gpio-sim.*/%s/sim_gpio%d", chip, offset))
	if len(dirs) != 1 {
		t.Fatalf("no gpio-sim sysfs directory for %s line %d (found %q): INTERCOMD_GPIO_CHIP must name a gpio-sim chip", chip, offset, dirs)
	}
	return simLine(dirs[0])
}

func (l simLine) pull(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(string(l), "pull"), []byte(dir), 0); err != nil {
		t.Fatalf("pulling %s %s: %v", l, dir, err)
	}
}

func (l simLine) value(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(string(l), "value"))
	if err != nil {
		t.Fatalf("reading %s: %v", l, err)
	}
	return strings.TrimSpace(string(b))
}

// waitValue polls a sim line until it reads want or the deadline passes.
func (l simLine) waitValue(t *testing.T, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got := l.value(t)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/value = %s, want %s within %s", l, got, want, within)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestRealChip drives a gpio-sim chip through the real gpioioctl path: a
// button pulled low by the "outside world" places one call, the status LED and
// the door relay read back as the panel drives them, and Close leaves both off
// and releases the lines. It runs in the kernel lab (another issue), where
// INTERCOMD_GPIO_CHIP names the gpio-sim chip (gpiochipN or its label);
// INTERCOMD_GPIO_BUTTON, _LED and _RELAY give the offsets (default 0, 1, 2).
func TestRealChip(t *testing.T) {
	chipName := os.Getenv("INTERCOMD_GPIO_CHIP")
	if chipName == "" {
		t.Skip("set INTERCOMD_GPIO_CHIP to a gpio-sim chip (the kernel lab does) to test real lines")
	}
	btnOff := envOffset(t, "INTERCOMD_GPIO_BUTTON", 0)
	ledOff := envOffset(t, "INTERCOMD_GPIO_LED", 1)
	relayOff := envOffset(t, "INTERCOMD_GPIO_RELAY", 2)

	chip, err := OpenChip(chipName)
	if err != nil {
		t.Fatalf("OpenChip(%q): %v", chipName, err)
	}
	t.Logf("chip %s (%s), lines %s", chip.Name(), chip.Label(), summarizeLines(chip.Lines()))
	t.Run("chip by symlink", func(t *testing.T) {
		// As on the Pi 5, where /dev/gpiochip4 links to gpiochip0.
		link := filepath.Join(t.TempDir(), "gpiochip4")
		if err := os.Symlink("/dev/"+chip.Name(), link); err != nil {
			t.Fatal(err)
		}
		c, err := OpenChip(link)
		if err != nil || c.Name() != chip.Name() {
			t.Fatalf("OpenChip(%s → %s) = %v, %v", link, chip.Name(), c, err)
		}
		c, err = OpenChip(chip.Label())
		if err != nil || c.Name() != chip.Name() {
			t.Fatalf("OpenChip(%q) by label = %v, %v", chip.Label(), c, err)
		}
		if _, err := OpenChip("gpiochip99"); err == nil || !strings.Contains(err.Error(), "set gpio.chip to one of: "+chip.Name()) {
			t.Fatalf("OpenChip of a missing chip = %v, want the list of chips", err)
		}
	})
	t.Run("unknown and duplicate lines", func(t *testing.T) {
		cfg := Config{Chip: chipName, Relay: RelayConfig{LineRef: LineRef{Line: "GPIO99"}},
			LEDs: []LEDConfig{{LineRef: LineRef{Offset: ptr(ledOff)}}, {LineRef: LineRef{Offset: ptr(ledOff)}}}}
		_, err := Open(cfg, &fakePhone{}, Options{Logger: quietLogger()})
		want := []string{
			fmt.Sprintf("gpio.relay: line GPIO99 not found on %s (%s); lines: ", chip.Name(), chip.Label()),
			// The line is named by its name when the chip gives it one, else by offset.
			"gpio.leds[1]: line ",
			"is already used by gpio.leds[0]",
		}
		if !errors.Is(err, ErrInvalidConfig) {
			t.Fatalf("Open = %v, want ErrInvalidConfig", err)
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q\nlacks %q", err, w)
			}
		}
		t.Log(err)
	})

	btn := findSimLine(t, chip.Name(), btnOff)
	ledLine := findSimLine(t, chip.Name(), ledOff)
	relayLine := findSimLine(t, chip.Name(), relayOff)
	btn.pull(t, "pull-up") // released: an active-low button reads high

	cfg := Config{
		Enabled: true,
		Chip:    chipName,
		Target:  Target{Channel: "home", User: "alice"},
		Buttons: []ButtonConfig{{Name: "bell", LineRef: LineRef{Offset: ptr(btnOff)}, Action: "doorbell"}},
		LEDs:    []LEDConfig{{Name: "status", LineRef: LineRef{Offset: ptr(ledOff)}}},
		Relay:   RelayConfig{LineRef: LineRef{Offset: ptr(relayOff)}, Pulse: 300 * time.Millisecond},
	}
	ops := make(chan string, 16)
	phone := &fakePhone{status: call.StatusIdle, onOp: func(op string) { ops <- op }}
	p, err := Open(cfg, phone, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer p.Close()
	p.SetOnline(true)
	ledLine.waitValue(t, "0", time.Second)
	if v := relayLine.value(t); v != "0" {
		t.Fatalf("relay reads %s at start, want 0", v)
	}

	t.Run("button", func(t *testing.T) {
		// A bouncy press: three pulls in quick succession, then held.
		start := time.Now()
		for _, dir := range []string{"pull-down", "pull-up", "pull-down"} {
			btn.pull(t, dir)
		}
		select {
		case op := <-ops:
			t.Logf("press → %s in %s (debounce %s)", op, time.Since(start), DefaultDebounce)
			if op != "call alice@home" {
				t.Fatalf("op = %q, want call alice@home", op)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("no call within 2 s of pulling the button line low")
		}
		btn.pull(t, "pull-up")
		time.Sleep(200 * time.Millisecond)
		if extra := phone.takeOps(); len(extra) != 1 {
			t.Fatalf("ops = %q, want exactly the one call", extra)
		}
	})

	t.Run("led", func(t *testing.T) {
		p.SetStatus(call.StatusConnected)
		ledLine.waitValue(t, "1", time.Second)
		p.SetStatus(call.StatusRinging) // 125 ms on, 125 ms off
		var seen []string
		for range 100 {
			if v := ledLine.value(t); len(seen) == 0 || seen[len(seen)-1] != v {
				seen = append(seen, v)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if len(seen) < 5 {
			t.Fatalf("ringing LED over 1 s read %q, want it to blink", seen)
		}
		p.SetStatus(call.StatusIdle)
		ledLine.waitValue(t, "0", time.Second)
	})

	t.Run("relay", func(t *testing.T) {
		phone.setStatus(call.StatusIdle)
		if err := p.OpenDoor("lab", true); !errors.Is(err, ErrNotInCall) {
			t.Fatalf("OpenDoor when idle = %v, want ErrNotInCall", err)
		}
		phone.setStatus(call.StatusConnected)
		if err := p.OpenDoor("lab", false); !errors.Is(err, ErrUnauthorized) {
			t.Fatalf("unauthorized OpenDoor = %v", err)
		}
		if v := relayLine.value(t); v != "0" {
			t.Fatalf("relay reads %s after refusals, want 0", v)
		}
		start := time.Now()
		if err := p.OpenDoor("lab", true); err != nil {
			t.Fatalf("OpenDoor: %v", err)
		}
		if v := relayLine.value(t); v != "1" {
			t.Fatalf("relay reads %s during the pulse, want 1", v)
		}
		relayLine.waitValue(t, "0", 2*time.Second)
		if d := time.Since(start); d < 300*time.Millisecond {
			t.Fatalf("pulse lasted %s, want 300 ms", d)
		}
	})

	t.Run("close", func(t *testing.T) {
		p.SetStatus(call.StatusConnected)
		ledLine.waitValue(t, "1", time.Second)
		start := time.Now()
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		// Halt interrupts the button's wait: Close must not sit out edgePoll.
		if d := time.Since(start); d > edgePoll/2 {
			t.Errorf("Close took %s", d)
		} else {
			t.Logf("Close took %s", d)
		}
		// Released lines keep their last value on gpio-sim only while
		// requested; Close drove them off before releasing.
		for name, l := range map[string]simLine{"led": ledLine, "relay": relayLine} {
			if v := l.value(t); v != "0" {
				t.Errorf("%s reads %s after Close, want 0", name, v)
			}
		}
		// Released: a new panel can take the same lines.
		p2, err := Open(cfg, phone, Options{Logger: quietLogger()})
		if err != nil {
			t.Fatalf("reopening after Close: %v", err)
		}
		if err := p2.Close(); err != nil {
			t.Fatal(err)
		}
	})
}
