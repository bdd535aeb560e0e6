package gpio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	pgpio "periph.io/x/conn/v3/gpio"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/clock"
)

// Phone is what the panel needs from the call engine. *call.Client has it;
// the signatures mirror call.Client's.
type Phone interface {
	// MakeCall places a call (the call and doorbell actions).
	MakeCall(ctx context.Context, opts call.MakeCallOptions) (call.Info, error)
	// AcceptCall answers the ringing call.
	AcceptCall(ctx context.Context, opts call.AcceptOptions) error
	// RejectCall declines the ringing call.
	RejectCall(ctx context.Context) error
	// EndCall ends the call in any state.
	EndCall(ctx context.Context) error
	// Snapshot tells the status a press acts on and OpenDoor checks.
	Snapshot() call.Snapshot
}

var _ Phone = (*call.Client)(nil)

// Options are a Panel's dependencies besides its Config, Chip and Phone.
type Options struct {
	// Clock runs debounce, long presses, blink patterns and relay pulses;
	// default clock.Real.
	Clock clock.Clock
	// Logger defaults to slog.Default(); the panel adds subsystem=gpio.
	Logger *slog.Logger
	// OnRing, when set, runs each time a visitor rings: a press that places a
	// call (the call action, or the doorbell action while idle), before the
	// call is placed and whether or not it can be. Home Assistant's doorbell
	// event hangs off it. It runs on the button's goroutine: keep it short.
	OnRing func(button string)

	// onEdge, when set (tests only), runs after the panel has taken an edge of
	// the named button into account.
	onEdge func(button string)
	// onSettle, when set (tests only), runs after a button's debounce timer
	// has fired and any action it caused has run, with the debounced state.
	onSettle func(button string, pressed bool)
}

// Timings of the panel's own that are not configurable.
const (
	// actionTimeout bounds each call-engine request a button makes.
	actionTimeout = 10 * time.Second
	// edgePoll bounds each wait for an edge so that an input goroutine notices
	// Close even when a driver cannot interrupt its wait.
	edgePoll = 500 * time.Millisecond
	// errorShow is how long Error's double blink shows.
	errorShow = 3 * time.Second
)

// Errors of OpenDoor and the other Panel methods. Test with errors.Is.
var (
	// ErrClosed: the panel was closed.
	ErrClosed = errors.New("gpio: panel is closed")
	// ErrNoRelay: OpenDoor without a relay. Set gpio.relay.line.
	ErrNoRelay = errors.New("gpio: no door relay is configured; set gpio.relay.line")
	// ErrUnauthorized: OpenDoor for a request that was not authorized.
	ErrUnauthorized = errors.New("gpio: door open refused: the request is not authorized")
	// ErrNotInCall: OpenDoor while idle; the door opens only during a call.
	ErrNotInCall = errors.New("gpio: door open refused: no call is in progress")
	// ErrRateLimited: OpenDoor too soon after the last opening.
	ErrRateLimited = errors.New("gpio: door open refused: the door was opened moments ago")
	// ErrNoPhone: New without a Phone.
	ErrNoPhone = errors.New("gpio: no Phone given; pass the call.Client")
)

// Panel drives the door panel: it turns button presses into call actions, shows
// the call status on LEDs and pulses the door relay. Build it with Open (a real
// chip) or New (any Chip); it is safe for concurrent use.
//
// The daemon must call Close on every exit path (from its deferred shutdown),
// so LEDs and relay end off and the lines are released; a panic handler that
// cannot wait should call SafeOff.
type Panel struct {
	phone    Phone
	clk      clock.Clock
	log      *slog.Logger
	chip     Chip
	owns     bool // the panel opened chip and closes it
	onRing   func(string)
	onEdge   func(string)
	onSettle func(string, bool)

	ctx    context.Context // cancelled by Close: ends pending call-engine requests
	cancel context.CancelFunc
	quit   chan struct{}
	inputs sync.WaitGroup // one goroutine per button line
	busy   sync.WaitGroup // timer callbacks running button actions

	// off, once set by SafeOff or Close, keeps every output off for good.
	off atomic.Bool

	closeOnce sync.Once

	mu       sync.Mutex
	closed   bool
	status   call.Status
	online   bool
	errUntil time.Time
	errTimer clock.Timer
	buttons  []*button
	leds     []*led
	relay    *relay
	outputs  []outputLine // every output, for SafeOff; fixed after New
}

// outputLine is an output with its polarity.
type outputLine struct {
	out       Output
	activeLow bool
}

func (o outputLine) level(on bool) pgpio.Level { return pgpio.Level(on != o.activeLow) }

// Open opens the chip cfg.Chip names through gpioioctl and builds the panel on
// it (see New). Without any GPIO chip it returns an error wrapping ErrNoChip:
// the daemon should log that it runs without a panel and go on. It does not
// look at cfg.Enabled; the daemon does.
func Open(cfg Config, phone Phone, opts Options) (*Panel, error) {
	chip, err := OpenChip(cfg.Chip)
	if err != nil {
		return nil, err
	}
	p, err := New(cfg, chip, phone, opts)
	if err != nil {
		_ = chip.Close()
		return nil, err
	}
	p.owns = true
	return p, nil
}

// New builds a panel on chip: it validates cfg, resolves every line against
// the chip (an unknown line or a line used twice is an error naming it and
// listing the chip's lines), drives the LEDs and relay off, and starts one
// goroutine per button. The LEDs then follow phone's status; the broker counts
// as offline until SetOnline(true). It does not look at cfg.Enabled.
func New(cfg Config, chip Chip, phone Phone, opts Options) (*Panel, error) {
	cfg.Enabled = true
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if phone == nil {
		return nil, ErrNoPhone
	}
	if chip == nil {
		return nil, fmt.Errorf("gpio: no Chip given; use Open, or OpenChip and pass the result")
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	p := &Panel{
		phone:    phone,
		clk:      opts.Clock,
		log:      opts.Logger.With("subsystem", "gpio", "chip", chip.Name()),
		chip:     chip,
		onRing:   opts.OnRing,
		onEdge:   opts.onEdge,
		onSettle: opts.onSettle,
		quit:     make(chan struct{}),
		status:   phone.Snapshot().Status,
	}
	p.ctx, p.cancel = context.WithCancel(context.Background())

	plan, err := planLines(cfg, chip)
	if err != nil {
		return nil, err
	}
	if err := p.request(cfg, plan); err != nil {
		p.releaseAll()
		return nil, err
	}
	p.mu.Lock()
	p.refreshLEDs()
	p.mu.Unlock()
	for _, b := range p.buttons {
		p.inputs.Add(1)
		go p.watch(b)
	}
	p.log.Info("panel ready", "label", chip.Label(), "buttons", len(p.buttons), "leds", len(p.leds), "relay", p.relay != nil)
	return p, nil
}

// linePlan holds the offsets New resolved, in config order.
type linePlan struct {
	buttons, leds []int
	relay         int
}

func planLines(cfg Config, chip Chip) (linePlan, error) {
	r := newResolver(chip)
	var plan linePlan
	var errs []error
	for i, b := range cfg.Buttons {
		off, err := r.resolve(itemKey("gpio.buttons", i, b.Name), b.LineRef)
		errs = append(errs, err)
		plan.buttons = append(plan.buttons, off)
	}
	for i, l := range cfg.LEDs {
		off, err := r.resolve(itemKey("gpio.leds", i, l.Name), l.LineRef)
		errs = append(errs, err)
		plan.leds = append(plan.leds, off)
	}
	if cfg.Relay.configured() {
		off, err := r.resolve("gpio.relay", cfg.Relay.LineRef)
		errs = append(errs, err)
		plan.relay = off
	}
	return plan, errors.Join(errs...)
}

func itemKey(list string, i int, name string) string {
	if name == "" {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return fmt.Sprintf("%s[%d] (%s)", list, i, name)
}

// request takes the lines: outputs first, driven off, then the inputs.
func (p *Panel) request(cfg Config, plan linePlan) error {
	for i, lc := range cfg.LEDs {
		o := outputLine{activeLow: lc.ActiveLow}
		out, err := p.chip.Output(plan.leds[i], o.level(false))
		if err != nil {
			return fmt.Errorf("%s: %w", itemKey("gpio.leds", i, lc.Name), err)
		}
		o.out = out
		p.outputs = append(p.outputs, o)
		p.leds = append(p.leds, newLED(lc, o))
	}
	if cfg.Relay.configured() {
		o := outputLine{activeLow: cfg.Relay.ActiveLow}
		out, err := p.chip.Output(plan.relay, o.level(false))
		if err != nil {
			return fmt.Errorf("gpio.relay: %w", err)
		}
		o.out = out
		p.outputs = append(p.outputs, o)
		p.relay = newRelay(cfg.Relay, o)
	}
	for i, bc := range cfg.Buttons {
		b := newButton(bc, cfg.Target)
		in, err := p.chip.Input(plan.buttons[i], b.pull)
		if err != nil {
			return fmt.Errorf("%s: %w", itemKey("gpio.buttons", i, bc.Name), err)
		}
		b.in = in
		if b.name == "" {
			b.name = in.Name()
		}
		// A button held at start is not a press: only a change counts.
		b.pressed = in.Read() == b.activeLevel
		p.buttons = append(p.buttons, b)
	}
	return nil
}

// SetStatus shows s on the LEDs. HandleEvent calls it for every call event.
func (p *Panel) SetStatus(s call.Status) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.status == s {
		return
	}
	p.status = s
	p.refreshLEDs()
}

// SetOnline tells the panel whether the broker is reachable; while it is not
// and no call is in progress, status LEDs flash briefly every 2 s.
func (p *Panel) SetOnline(online bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.online == online {
		return
	}
	p.online = online
	p.refreshLEDs()
}

// Error shows the error pattern (a double blink) on status LEDs for 3 s.
func (p *Panel) Error() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.errUntil = p.clk.Now().Add(errorShow)
	if p.errTimer != nil {
		p.errTimer.Stop()
	}
	p.errTimer = p.clk.AfterFunc(errorShow, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if !p.closed {
			p.refreshLEDs()
		}
	})
	p.refreshLEDs()
}

// errorShowing reports whether Error's pattern is on; p.mu is held.
func (p *Panel) errorShowing() bool { return p.clk.Now().Before(p.errUntil) }

// HandleEvent follows the call engine; register it with client.OnAny. Every
// event sets the LEDs' status; EventOpenDoor (which the engine emits only for
// the peer of a connected call) pulses the relay; EventError and EventFailed
// flash the error pattern.
func (p *Panel) HandleEvent(e call.Event) {
	p.SetStatus(e.Status)
	switch e.Type {
	case call.EventOpenDoor:
		who := fmt.Sprintf("%s/%s (call %s)", e.UserID, e.Call.PeerDevice, e.Call.CallID)
		_ = p.OpenDoor(who, true) // OpenDoor logs the outcome
	case call.EventError, call.EventFailed:
		p.Error()
	}
}

// SafeOff drives every LED and the relay off at once and keeps them off, without
// waiting for anything: for a panic handler. Close is still needed to release
// the lines.
func (p *Panel) SafeOff() {
	p.off.Store(true)
	for _, o := range p.outputs {
		_ = o.out.Out(o.level(false))
	}
}

// Close stops the button goroutines and timers, waits for them and for any
// button action in progress (which it cancels), drives the LEDs and relay off
// and releases every line. The daemon calls it from its deferred shutdown path.
// Close is idempotent.
func (p *Panel) Close() error {
	p.closeOnce.Do(func() {
		p.mu.Lock()
		p.closed = true
		for _, b := range p.buttons {
			b.stopTimers()
		}
		for _, l := range p.leds {
			l.stop()
		}
		if p.relay != nil {
			p.relay.stop()
		}
		if p.errTimer != nil {
			p.errTimer.Stop()
		}
		p.mu.Unlock()

		close(p.quit)
		p.cancel()
		for _, b := range p.buttons {
			_ = b.in.Halt()
		}
		p.inputs.Wait()
		p.busy.Wait()
		p.SafeOff()
		p.releaseAll()
		p.log.Info("panel closed; LEDs and relay off, lines released")
	})
	return nil
}

// releaseAll closes every line the panel holds, and the chip if it owns it.
func (p *Panel) releaseAll() {
	for _, o := range p.outputs {
		_ = o.out.Close()
	}
	for _, b := range p.buttons {
		_ = b.in.Close()
	}
	if p.owns {
		_ = p.chip.Close()
	}
}

// write drives an output unless SafeOff or Close switched the panel off.
func (p *Panel) write(o outputLine, on bool) error {
	if p.off.Load() {
		return nil
	}
	return o.out.Out(o.level(on))
}

// HasRelay reports whether the panel drives a door relay.
func (p *Panel) HasRelay() bool { return p.relay != nil }
