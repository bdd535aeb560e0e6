package gpio

import (
	"context"
	"time"

	pgpio "periph.io/x/conn/v3/gpio"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/clock"
)

// button is one push button. Its fields after in are guarded by Panel.mu.
type button struct {
	name        string
	activeLevel pgpio.Level
	pull        pgpio.Pull
	debounce    time.Duration
	longPress   time.Duration // 0: no long press
	action      Action
	longAction  Action
	target      Target
	in          Input

	pressed    bool      // the debounced state
	pending    bool      // edges came since the last settle
	burstStart time.Time // first edge of the current or last burst
	settleGen  int
	settle     clock.Timer

	// Long presses are timed from the first edge of the press to the first
	// edge of the release, so the debounce does not stretch a press.
	pressStart time.Time
	pressGen   int
	long       clock.Timer
	longDue    bool // the long-press time passed while a burst was settling
	longFired  bool
}

func newButton(c ButtonConfig, global Target) *button {
	activeLow := c.ActiveLow == nil || *c.ActiveLow
	b := &button{
		name:        c.Name,
		activeLevel: pgpio.Level(!activeLow),
		debounce:    c.Debounce,
		longPress:   c.LongPress,
		target:      c.Target,
	}
	if b.debounce == 0 {
		b.debounce = DefaultDebounce
	}
	if b.target.isZero() {
		b.target = global
	}
	b.action, _ = ParseAction(c.Action)
	if c.LongPress > 0 {
		b.longAction, _ = ParseAction(c.LongAction)
	}
	switch c.Pull {
	case "up":
		b.pull = pgpio.PullUp
	case "down":
		b.pull = pgpio.PullDown
	case "none":
		b.pull = pgpio.Float
	default:
		if activeLow {
			b.pull = pgpio.PullUp
		} else {
			b.pull = pgpio.PullDown
		}
	}
	return b
}

func (b *button) stopTimers() {
	if b.settle != nil {
		b.settle.Stop()
	}
	if b.long != nil {
		b.long.Stop()
	}
}

// watch is the button's goroutine: it waits for edges and hands each to edge.
// Bounce makes bursts of edges; every edge only restarts the debounce timer, so
// queued edges drain at once and a burst counts once, when the line has been
// quiet for the debounce time.
func (p *Panel) watch(b *button) {
	defer p.inputs.Done()
	for {
		select {
		case <-p.quit:
			return
		default:
		}
		if b.in.WaitForEdge(edgePoll) {
			p.edge(b)
		}
	}
}

// edge restarts b's debounce timer.
func (p *Panel) edge(b *button) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	if b.settle != nil {
		b.settle.Stop()
	}
	if !b.pending {
		b.pending = true
		b.burstStart = p.clk.Now()
	}
	b.settleGen++
	gen := b.settleGen
	b.settle = p.clk.AfterFunc(b.debounce, func() { p.settled(b, gen) })
	p.mu.Unlock()
	if p.onEdge != nil {
		p.onEdge(b.name)
	}
}

// settled runs when b's line has been quiet for the debounce time: a change of
// the level is a press or a release.
func (p *Panel) settled(b *button, gen int) {
	p.mu.Lock()
	if p.closed || gen != b.settleGen {
		p.mu.Unlock()
		return
	}
	b.pending = false
	pressed := b.in.Read() == b.activeLevel
	act, long := ActionUnknown, false
	switch {
	case pressed == b.pressed:
		// The bounce came back to where it was. If the long-press time passed
		// meanwhile, the button was held all along.
		if pressed && b.longDue && !b.longFired {
			b.longFired = true
			act, long = b.longAction, true
		}
	case pressed && b.longPress > 0:
		// Wait: a short press acts on release, a long one when the timer fires.
		b.pressed = true
		b.pressStart = b.burstStart
		b.pressGen++
		b.longDue, b.longFired = false, false
		pg := b.pressGen
		wait := max(b.pressStart.Add(b.longPress).Sub(p.clk.Now()), 0)
		b.long = p.clk.AfterFunc(wait, func() { p.held(b, pg) })
	case pressed:
		b.pressed = true
		act = b.action
	default: // released
		b.pressed = false
		if b.longPress > 0 {
			if b.long != nil {
				b.long.Stop()
			}
			b.pressGen++
			if !b.longFired {
				act = b.action
			}
		}
	}
	now := b.pressed
	if act == ActionUnknown {
		p.mu.Unlock()
	} else {
		p.busy.Add(1)
		p.mu.Unlock()
		p.act(b, act, long)
		p.busy.Done()
	}
	if p.onSettle != nil {
		p.onSettle(b.name, now)
	}
}

// held runs when b has been held for its long-press time.
func (p *Panel) held(b *button, pressGen int) {
	p.mu.Lock()
	if p.closed || pressGen != b.pressGen || !b.pressed {
		p.mu.Unlock()
		return
	}
	if b.pending {
		// A burst began before the long-press time: if it settles released,
		// the press was short; if it settles pressed, settled fires the long one.
		b.longDue = true
		p.mu.Unlock()
		return
	}
	b.longFired = true
	p.busy.Add(1)
	p.mu.Unlock()
	defer p.busy.Done()
	p.act(b, b.longAction, true)
}

// op is what a button action amounts to in a given status.
type op int

const (
	opNone op = iota
	opCall
	opAccept
	opReject
	opEnd
)

var opNames = [...]string{"nothing", "call", "accept", "reject", "end"}

func (o op) String() string { return opNames[o] }

// decide maps an action and the call status to what to ask the call engine.
func decide(a Action, s call.Status) op {
	inCall := s == call.StatusCalling || s == call.StatusRinging || s == call.StatusConnecting || s == call.StatusConnected
	switch a {
	case ActionCall:
		if s == call.StatusIdle {
			return opCall
		}
	case ActionAccept:
		if s == call.StatusRinging {
			return opAccept
		}
	case ActionReject:
		if s == call.StatusRinging {
			return opReject
		}
	case ActionEnd:
		if inCall {
			return opEnd
		}
	case ActionDoorbell:
		switch s {
		case call.StatusIdle:
			return opCall
		case call.StatusRinging:
			return opAccept
		case call.StatusCalling, call.StatusConnecting, call.StatusConnected:
			return opEnd
		}
	}
	return opNone
}

// act runs a button's action against the call engine. A failure shows the
// error pattern, so a visitor sees that the press did not get through.
func (p *Panel) act(b *button, a Action, long bool) {
	status := p.phone.Snapshot().Status
	o := decide(a, status)
	log := p.log.With("button", b.name, "action", a.String(), "long", long, "status", status.String())
	if o == opNone {
		log.Info("button press ignored: the action does nothing in this status")
		return
	}
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	var err error
	switch o {
	case opCall:
		if p.onRing != nil {
			p.onRing(b.name)
		}
		_, err = p.phone.MakeCall(ctx, call.MakeCallOptions{ChannelID: b.target.Channel, TargetUserID: b.target.User})
	case opAccept:
		err = p.phone.AcceptCall(ctx, call.AcceptOptions{})
	case opReject:
		err = p.phone.RejectCall(ctx)
	case opEnd:
		err = p.phone.EndCall(ctx)
	}
	if err != nil {
		log.Warn("button press failed", "op", o.String(), "err", err)
		p.Error()
		return
	}
	log.Info("button pressed", "op", o.String(), "channel", b.target.Channel, "target", b.target.User)
}
