package gpio

import (
	"slices"
	"strings"
	"testing"
	"time"

	pgpio "periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"

	"github.com/intercomd/intercomd/call"
)

const (
	lo = pgpio.Low
	hi = pgpio.High
)

func bellConfig(action string) Config {
	return Config{
		Target:  Target{Channel: "home", User: "alice"},
		Buttons: []ButtonConfig{{Name: "bell", LineRef: LineRef{Line: "GPIO17"}, Action: action}},
	}
}

// edgeAt is one edge of a bounce sequence: the line goes to level, then the
// clock moves on by wait.
type edgeAt struct {
	level pgpio.Level
	wait  time.Duration
}

func TestButtonDebounce(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name  string
		edges []edgeAt
		want  int // presses, each a MakeCall
	}{
		{"clean press", []edgeAt{{lo, 40 * ms}}, 1},
		{"clean press and release", []edgeAt{{lo, 40 * ms}, {hi, 40 * ms}}, 1},
		{"bouncy press", []edgeAt{{lo, 1 * ms}, {hi, 2 * ms}, {lo, 1 * ms}, {hi, 3 * ms}, {lo, 1 * ms}, {hi, 1 * ms}, {lo, 30 * ms}}, 1},
		{"bouncy press and bouncy release", []edgeAt{
			{lo, 1 * ms}, {hi, 2 * ms}, {lo, 35 * ms},
			{hi, 2 * ms}, {lo, 1 * ms}, {hi, 4 * ms}, {lo, 1 * ms}, {hi, 40 * ms},
		}, 1},
		{"bounces within the debounce keep restarting it", []edgeAt{{lo, 29 * ms}, {hi, 1 * ms}, {lo, 29 * ms}, {hi, 1 * ms}, {lo, 29 * ms}}, 0},
		{"glitch back to released is no press", []edgeAt{{lo, 5 * ms}, {hi, 60 * ms}}, 0},
		{"two presses", []edgeAt{{lo, 40 * ms}, {hi, 40 * ms}, {lo, 40 * ms}, {hi, 40 * ms}}, 2},
		{"release bounce is no second press", []edgeAt{{lo, 40 * ms}, {hi, 1 * ms}, {lo, 1 * ms}, {hi, 40 * ms}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, bellConfig("call"), call.StatusIdle)
			for _, e := range tt.edges {
				r.drive(17, e.level)
				r.clk.Advance(e.wait)
			}
			ops := r.phone.takeOps()
			if len(ops) != tt.want {
				t.Fatalf("calls = %q, want %d", ops, tt.want)
			}
			for _, op := range ops {
				if op != "call alice@home" {
					t.Fatalf("op = %q, want call alice@home", op)
				}
			}
		})
	}
}

func TestButtonActsAfterDebounceNotBefore(t *testing.T) {
	r := newRig(t, bellConfig("call"), call.StatusIdle)
	r.drive(17, lo)
	r.clk.Advance(DefaultDebounce - time.Millisecond)
	if ops := r.phone.takeOps(); len(ops) != 0 {
		t.Fatalf("acted before the debounce: %q", ops)
	}
	r.clk.Advance(time.Millisecond)
	if ops := r.phone.takeOps(); !slices.Equal(ops, []string{"call alice@home"}) {
		t.Fatalf("after the debounce: %q, want one call", ops)
	}
}

func TestButtonActiveHighAndCustomDebounce(t *testing.T) {
	cfg := bellConfig("call")
	cfg.Buttons[0].ActiveLow = ptr(false)
	cfg.Buttons[0].Debounce = 50 * time.Millisecond
	r := newRig(t, cfg, call.StatusIdle)
	if r.pins[17].P != pgpio.PullDown {
		t.Fatalf("pull = %s, want PullDown for an active-high button", r.pins[17].P)
	}
	r.drive(17, hi)
	r.clk.Advance(49 * time.Millisecond)
	if ops := r.phone.takeOps(); len(ops) != 0 {
		t.Fatalf("acted before the 50ms debounce: %q", ops)
	}
	r.clk.Advance(time.Millisecond)
	if ops := r.phone.takeOps(); len(ops) != 1 {
		t.Fatalf("ops = %q, want one call", ops)
	}
	r.drive(17, lo) // release
	r.clk.Advance(time.Second)
	if ops := r.phone.takeOps(); len(ops) != 0 {
		t.Fatalf("release acted: %q", ops)
	}
}

func TestButtonHeldAtStartIsNoPress(t *testing.T) {
	cfg := bellConfig("call")
	cfg.Buttons[0].Pull = "none" // leaves the fake's level alone
	r := newRigWith(t, cfg, call.StatusIdle, func(pins []*gpiotest.Pin) {
		pins[17].L = lo // held down while the daemon starts
	})
	r.clk.Advance(time.Second)
	r.drive(17, lo) // noise while held: still held, no change
	r.clk.Advance(time.Second)
	r.drive(17, hi) // let go
	r.clk.Advance(time.Second)
	if ops := r.phone.takeOps(); len(ops) != 0 {
		t.Fatalf("a button held at start acted: %q", ops)
	}
	r.drive(17, lo)
	r.clk.Advance(time.Second)
	if ops := r.phone.takeOps(); len(ops) != 1 {
		t.Fatalf("the next press: %q, want one call", ops)
	}
}

func TestButtonLongPress(t *testing.T) {
	cfg := bellConfig("doorbell")
	cfg.Buttons[0].LongPress = 2 * time.Second
	cfg.Buttons[0].LongAction = "reject"
	tests := []struct {
		name string
		hold time.Duration
		want []string
	}{
		{"short press acts on release", 500 * time.Millisecond, []string{"accept"}},
		{"just short of long", 2*time.Second - time.Millisecond, []string{"accept"}},
		{"long press acts while held, release does nothing", 2 * time.Second, []string{"reject"}},
		{"very long press acts once", 10 * time.Second, []string{"reject"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, cfg, call.StatusRinging)
			r.drive(17, lo)
			r.clk.Advance(tt.hold)
			r.drive(17, hi)
			r.clk.Advance(time.Second)
			if ops := r.phone.takeOps(); !slices.Equal(ops, tt.want) {
				t.Fatalf("ops = %q, want %q", ops, tt.want)
			}
		})
	}
	for _, glitchAt := range []time.Duration{time.Second, 1990 * time.Millisecond} {
		t.Run("a glitch while held keeps it long/"+glitchAt.String(), func(t *testing.T) {
			r := newRig(t, cfg, call.StatusRinging)
			r.drive(17, lo)
			r.clk.Advance(glitchAt)
			r.drive(17, hi)
			r.clk.Advance(time.Millisecond)
			r.drive(17, lo)
			r.clk.Advance(2*time.Second - glitchAt)
			r.clk.Advance(DefaultDebounce)
			if ops := r.phone.takeOps(); !slices.Equal(ops, []string{"reject"}) {
				t.Fatalf("ops = %q, want the long action", ops)
			}
			r.drive(17, hi)
			r.clk.Advance(time.Second)
			if ops := r.phone.takeOps(); len(ops) != 0 {
				t.Fatalf("release after a long press acted: %q", ops)
			}
		})
	}
	t.Run("timed from the first edge of a bouncy press", func(t *testing.T) {
		r := newRig(t, cfg, call.StatusRinging)
		r.drive(17, lo)
		r.clk.Advance(10 * time.Millisecond)
		r.drive(17, hi)
		r.clk.Advance(10 * time.Millisecond)
		r.drive(17, lo)
		r.clk.Advance(2*time.Second - 21*time.Millisecond)
		if ops := r.phone.takeOps(); len(ops) != 0 {
			t.Fatalf("early: %q", ops)
		}
		r.clk.Advance(time.Millisecond) // 2 s after the first edge
		if ops := r.phone.takeOps(); !slices.Equal(ops, []string{"reject"}) {
			t.Fatalf("2 s after the first edge: %q, want reject", ops)
		}
	})
	t.Run("long press fires when held, before release", func(t *testing.T) {
		r := newRig(t, cfg, call.StatusRinging)
		r.drive(17, lo)
		r.clk.Advance(2*time.Second - time.Millisecond)
		if ops := r.phone.takeOps(); len(ops) != 0 {
			t.Fatalf("early: %q", ops)
		}
		r.clk.Advance(time.Millisecond)
		if ops := r.phone.takeOps(); !slices.Equal(ops, []string{"reject"}) {
			t.Fatalf("at 2s: %q, want reject", ops)
		}
	})
}

// TestButtonActions runs every action in every status through a real press.
func TestButtonActions(t *testing.T) {
	want := map[Action]map[call.Status]string{
		ActionCall:     {call.StatusIdle: "call alice@home"},
		ActionAccept:   {call.StatusRinging: "accept"},
		ActionReject:   {call.StatusRinging: "reject"},
		ActionEnd:      {call.StatusCalling: "end", call.StatusRinging: "end", call.StatusConnecting: "end", call.StatusConnected: "end"},
		ActionDoorbell: {call.StatusIdle: "call alice@home", call.StatusRinging: "accept", call.StatusCalling: "end", call.StatusConnecting: "end", call.StatusConnected: "end"},
	}
	statuses := append([]call.Status{call.StatusUnknown}, call.Statuses()...)
	for a := ActionCall; a <= ActionDoorbell; a++ {
		for _, s := range statuses {
			t.Run(a.String()+"/"+s.String(), func(t *testing.T) {
				r := newRig(t, bellConfig(a.String()), s)
				r.drive(17, lo)
				r.clk.Advance(100 * time.Millisecond)
				r.drive(17, hi)
				r.clk.Advance(100 * time.Millisecond)
				var wantOps []string
				if w := want[a][s]; w != "" {
					wantOps = []string{w}
				}
				if ops := r.phone.takeOps(); !slices.Equal(ops, wantOps) {
					t.Fatalf("%s in %s: ops = %q, want %q", a, s, ops, wantOps)
				}
				// Only a press that places a call is a ring.
				var wantRings []string
				if strings.HasPrefix(want[a][s], "call ") {
					wantRings = []string{"bell"}
				}
				if rings := r.phone.takeRings(); !slices.Equal(rings, wantRings) {
					t.Fatalf("%s in %s: rings = %q, want %q", a, s, rings, wantRings)
				}
			})
		}
	}
}

func TestButtonTargetPerButton(t *testing.T) {
	cfg := bellConfig("call")
	cfg.Buttons[0].Target = Target{Channel: "office", User: "bob"}
	r := newRig(t, cfg, call.StatusIdle)
	r.drive(17, lo)
	r.clk.Advance(time.Second)
	if ops := r.phone.takeOps(); !slices.Equal(ops, []string{"call bob@office"}) {
		t.Fatalf("ops = %q, want the button's own target", ops)
	}
}

func TestButtonFailureFlashesError(t *testing.T) {
	cfg := bellConfig("call")
	cfg.LEDs = []LEDConfig{{LineRef: LineRef{Line: "GPIO27"}}}
	r := newRig(t, cfg, call.StatusIdle)
	r.p.SetOnline(true)
	r.phone.err = errTest
	r.drive(17, lo)
	r.clk.Advance(DefaultDebounce) // the press fails: the double blink starts now
	wantLevels(t, r, 27, []levelAt{{0, hi}, {99 * time.Millisecond, hi}, {100 * time.Millisecond, lo}, {250 * time.Millisecond, hi}, {350 * time.Millisecond, lo}, {3 * time.Second, lo}, {4 * time.Second, lo}})
}

func TestDecideIsTotal(t *testing.T) {
	// Unknown actions and statuses do nothing.
	for _, s := range []call.Status{call.StatusUnknown, call.Status(99)} {
		for a := ActionUnknown; a <= ActionDoorbell+1; a++ {
			if got := decide(a, s); got != opNone {
				t.Errorf("decide(%s, %s) = %s, want nothing", a, s, got)
			}
		}
	}
}
