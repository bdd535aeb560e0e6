package gpio

import (
	"fmt"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/clock"
)

// relay is the door relay. Fields after line are guarded by Panel.mu.
type relay struct {
	pulse time.Duration
	line  outputLine

	active    bool
	opened    bool      // it was ever pulsed
	lastStart time.Time // start of the last pulse
	gen       int
	timer     clock.Timer
}

func newRelay(c RelayConfig, o outputLine) *relay {
	r := &relay{pulse: c.Pulse, line: o}
	if r.pulse == 0 {
		r.pulse = DefaultPulse
	}
	return r
}

func (r *relay) stop() {
	r.gen++
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
}

// OpenDoor pulses the door relay for the configured time, if the request may
// open the door: it must be authorized (the caller decides: EventOpenDoor from
// the call engine is, and so is a Home Assistant command the daemon trusts), a
// call must be in progress (never when idle), and the last opening must be at
// least pulse + 2 s ago. Every attempt is logged with who asked and whether it
// was granted. A refusal returns ErrUnauthorized, ErrNotInCall,
// ErrRateLimited, ErrNoRelay or ErrClosed.
func (p *Panel) OpenDoor(who string, authorized bool) error {
	status := p.phone.Snapshot().Status
	p.mu.Lock()
	defer p.mu.Unlock()
	log := p.log.With("who", who, "authorized", authorized, "status", status.String())
	refuse := func(err error) error {
		log.Warn("door open refused", "reason", err)
		return err
	}
	switch {
	case p.closed:
		return refuse(ErrClosed)
	case p.relay == nil:
		return refuse(ErrNoRelay)
	case !authorized:
		return refuse(ErrUnauthorized)
	case status < call.StatusCalling || status > call.StatusConnected:
		return refuse(ErrNotInCall)
	}
	r := p.relay
	now := p.clk.Now()
	if next := r.lastStart.Add(r.pulse + RelayCooldown); r.opened && now.Before(next) {
		return refuse(fmt.Errorf("%w; next opening allowed in %s", ErrRateLimited, next.Sub(now).Round(time.Millisecond)))
	}
	if err := p.write(r.line, true); err != nil {
		return refuse(fmt.Errorf("gpio: driving the relay line %s: %w", r.line.out.Name(), err))
	}
	r.stop()
	r.active, r.opened, r.lastStart = true, true, now
	gen := r.gen
	r.timer = p.clk.AfterFunc(r.pulse, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if gen != r.gen || p.closed {
			return
		}
		p.relayOff()
	})
	p.refreshLEDs()
	log.Info("door opened", "pulse", r.pulse)
	return nil
}

// relayOff ends a pulse; p.mu is held.
func (p *Panel) relayOff() {
	r := p.relay
	r.active = false
	if err := p.write(r.line, false); err != nil {
		p.log.Error("door relay could not be switched off", "line", r.line.out.Name(), "err", err)
	}
	p.refreshLEDs()
}
