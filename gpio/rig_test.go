package gpio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	pgpio "periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/clock/clocktest"
)

// fakePhone records what the panel asks of the call engine.
type fakePhone struct {
	mu     sync.Mutex
	status call.Status
	ops    []string
	rings  []string // buttons that rang (Options.OnRing)
	err    error    // returned by every request when set
	onOp   func(string)
}

func (f *fakePhone) record(op string) error {
	f.mu.Lock()
	f.ops = append(f.ops, op)
	err, hook := f.err, f.onOp
	f.mu.Unlock()
	if hook != nil {
		hook(op)
	}
	return err
}

func (f *fakePhone) MakeCall(_ context.Context, o call.MakeCallOptions) (call.Info, error) {
	return call.Info{}, f.record(fmt.Sprintf("call %s@%s", o.TargetUserID, o.ChannelID))
}
func (f *fakePhone) AcceptCall(context.Context, call.AcceptOptions) error { return f.record("accept") }
func (f *fakePhone) RejectCall(context.Context) error                     { return f.record("reject") }
func (f *fakePhone) EndCall(context.Context) error                        { return f.record("end") }
func (f *fakePhone) Snapshot() call.Snapshot {
	f.mu.Lock()
	defer f.mu.Unlock()
	return call.Snapshot{Status: f.status}
}

func (f *fakePhone) setStatus(s call.Status) {
	f.mu.Lock()
	f.status = s
	f.mu.Unlock()
}

func (f *fakePhone) ring(button string) {
	f.mu.Lock()
	f.rings = append(f.rings, button)
	f.mu.Unlock()
}

// takeRings returns the rings recorded since the last call.
func (f *fakePhone) takeRings() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.rings
	f.rings = nil
	return r
}

// takeOps returns the requests recorded since the last call.
func (f *fakePhone) takeOps() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	ops := f.ops
	f.ops = nil
	return ops
}

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// newPins returns 28 fake lines named GPIO0..GPIO27, as on a Pi's header.
func newPins() []*gpiotest.Pin {
	pins := make([]*gpiotest.Pin, 28)
	for i := range pins {
		pins[i] = &gpiotest.Pin{N: fmt.Sprintf("GPIO%d", i), Num: i, EdgesChan: make(chan pgpio.Level)}
	}
	return pins
}

func pinChip(pins []*gpiotest.Pin) *PinChip {
	ios := make([]pgpio.PinIO, len(pins))
	for i, p := range pins {
		ios[i] = p
	}
	return NewPinChip("gpiochip0", "pinctrl-bcm2711", ios...)
}

// rig is a panel on fake pins, a fake clock and a fake phone.
type rig struct {
	t     testing.TB
	clk   *clocktest.Fake
	phone *fakePhone
	pins  []*gpiotest.Pin
	chip  *PinChip
	p     *Panel
	edges chan string
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newRig(t testing.TB, cfg Config, status call.Status) *rig {
	t.Helper()
	return newRigWith(t, cfg, status, nil)
}

// newRigWith is newRig with a chance to set up the pins before the panel opens.
func newRigWith(t testing.TB, cfg Config, status call.Status, prep func([]*gpiotest.Pin)) *rig {
	t.Helper()
	r := &rig{
		t:     t,
		clk:   clocktest.New(t0),
		phone: &fakePhone{status: status},
		pins:  newPins(),
		edges: make(chan string, 16),
	}
	if prep != nil {
		prep(r.pins)
	}
	r.chip = pinChip(r.pins)
	cfg.Enabled = true
	p, err := New(cfg, r.chip, r.phone, Options{Clock: r.clk, Logger: quietLogger(), OnRing: r.phone.ring, onEdge: func(string) { r.edges <- "" }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r.p = p
	t.Cleanup(func() { _ = p.Close() })
	return r
}

// drive sets the level of an input pin as the hardware would, and waits until
// the panel has taken the edge into account.
func (r *rig) drive(gpio int, l pgpio.Level) {
	r.t.Helper()
	select {
	case r.pins[gpio].EdgesChan <- l:
	case <-time.After(5 * time.Second):
		r.t.Fatalf("GPIO%d: nobody waits for edges", gpio)
	}
	select {
	case <-r.edges:
	case <-time.After(5 * time.Second):
		r.t.Fatalf("GPIO%d: the panel did not take the edge", gpio)
	}
}

func (r *rig) level(gpio int) pgpio.Level { return r.pins[gpio].Read() }

func ptr[T any](v T) *T { return &v }

var errTest = errors.New("test failure")

// levelAt is a line level expected at a time after a pattern started.
type levelAt struct {
	at    time.Duration
	level pgpio.Level
}

// wantLevels advances the clock through want (times relative to now, in
// order) and checks the output line's level at each.
func wantLevels(t *testing.T, r *rig, gpio int, want []levelAt) {
	t.Helper()
	start := r.clk.Now()
	for _, w := range want {
		r.clk.Advance(start.Add(w.at).Sub(r.clk.Now()))
		if got := r.level(gpio); got != w.level {
			t.Fatalf("GPIO%d at +%s = %s, want %s", gpio, w.at, got, w.level)
		}
	}
}
