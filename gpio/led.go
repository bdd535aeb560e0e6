package gpio

import (
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/clock"
)

// pattern is a blink pattern: steps repeated forever; one step is a steady level.
type pattern struct {
	name  string
	steps []step
}

type step struct {
	on  bool
	dur time.Duration
}

func (s step) String() string {
	if s.on {
		return "on " + s.dur.String()
	}
	return "off " + s.dur.String()
}

// The patterns; README.md has the same table. Kept distinct enough to tell
// apart across a hallway: calling blinks slowly, ringing and connecting fast,
// an error blinks twice, offline is a short flash every 2 s.
var (
	patOff       = &pattern{"off", []step{{false, 0}}}
	patOn        = &pattern{"on", []step{{true, 0}}}
	patHeartbeat = &pattern{"heartbeat", []step{{true, 100 * time.Millisecond}, {false, 4900 * time.Millisecond}}}
	patSlow      = &pattern{"slow blink", []step{{true, 500 * time.Millisecond}, {false, 500 * time.Millisecond}}}
	patFast      = &pattern{"fast blink", []step{{true, 125 * time.Millisecond}, {false, 125 * time.Millisecond}}}
	patDouble    = &pattern{"double blink", []step{{true, 100 * time.Millisecond}, {false, 150 * time.Millisecond}, {true, 100 * time.Millisecond}, {false, 650 * time.Millisecond}}}
	patOffline   = &pattern{"offline flash", []step{{true, 50 * time.Millisecond}, {false, 1950 * time.Millisecond}}}
)

// statusPattern is what a status LED shows. An error flash wins; then a call in
// progress; offline shows only when idle, since a connected call's media does
// not need the broker.
func statusPattern(s call.Status, online, errorShowing, heartbeat bool) *pattern {
	switch {
	case errorShowing:
		return patDouble
	case s == call.StatusCalling:
		return patSlow
	case s == call.StatusRinging, s == call.StatusConnecting:
		return patFast
	case s == call.StatusConnected:
		return patOn
	case !online:
		return patOffline
	case heartbeat:
		return patHeartbeat
	}
	return patOff
}

// led is one indicator. Fields after line are guarded by Panel.mu.
type led struct {
	name      string
	role      Role
	heartbeat bool
	line      outputLine

	pat    *pattern
	step   int
	gen    int
	timer  clock.Timer
	failed bool // a write failed and was logged
}

func newLED(c LEDConfig, o outputLine) *led {
	l := &led{name: c.Name, line: o, heartbeat: c.Heartbeat, role: RoleStatus}
	if r, ok := ParseRole(c.Role); ok {
		l.role = r
	}
	if l.name == "" {
		l.name = o.out.Name()
	}
	return l
}

func (l *led) stop() {
	l.gen++
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
}

// refreshLEDs gives every LED the pattern its role calls for now; p.mu is held.
func (p *Panel) refreshLEDs() {
	errShowing := p.errorShowing()
	inCall := p.status >= call.StatusCalling && p.status <= call.StatusConnected
	doorOpen := p.relay != nil && p.relay.active
	for _, l := range p.leds {
		var pat *pattern
		switch l.role {
		case RoleStatus:
			pat = statusPattern(p.status, p.online, errShowing, l.heartbeat)
		case RolePower:
			pat = patOn
		case RoleOnline:
			pat = onOff(p.online)
		case RoleRinging:
			pat = onOff(p.status == call.StatusRinging)
		case RoleInCall:
			pat = onOff(inCall)
		case RoleDoor:
			pat = onOff(doorOpen)
		default:
			pat = patOff
		}
		if pat != l.pat {
			p.startPattern(l, pat)
		}
	}
}

func onOff(on bool) *pattern {
	if on {
		return patOn
	}
	return patOff
}

// startPattern switches l to pat from its first step; p.mu is held.
func (p *Panel) startPattern(l *led, pat *pattern) {
	l.stop()
	l.pat = pat
	l.step = 0
	p.showStep(l)
}

// showStep drives l's current step and schedules the next; p.mu is held.
func (p *Panel) showStep(l *led) {
	s := l.pat.steps[l.step]
	if err := p.write(l.line, s.on); err != nil && !l.failed {
		l.failed = true
		p.log.Warn("LED line cannot be driven; its pattern will not show", "led", l.name, "err", err)
	}
	if len(l.pat.steps) == 1 {
		return
	}
	gen := l.gen
	l.timer = p.clk.AfterFunc(s.dur, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.closed || gen != l.gen {
			return
		}
		l.step = (l.step + 1) % len(l.pat.steps)
		p.showStep(l)
	})
}
