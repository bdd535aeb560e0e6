package gpio

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/intercomd/intercomd/call"
)

// Defaults and limits of the configuration.
const (
	// DefaultDebounce is how long a button line must stay quiet before its level counts.
	DefaultDebounce = 30 * time.Millisecond
	// MaxDebounce bounds debounce: longer would make the button feel dead.
	MaxDebounce = 500 * time.Millisecond
	// MaxLongPress bounds long_press.
	MaxLongPress = 30 * time.Second
	// DefaultPulse is how long the door relay is energized per opening.
	DefaultPulse = 3 * time.Second
	// MinPulse and MaxPulse bound the relay pulse: a door strike needs some
	// time to release the latch, and most strikes are not rated for continuous duty.
	MinPulse = 100 * time.Millisecond
	MaxPulse = 30 * time.Second
	// RelayCooldown is added to the pulse to get the shortest time between two
	// openings (the rate limit).
	RelayCooldown = 2 * time.Second
)

// Config is the panel's configuration; the daemon's YAML file holds it under
// the key "gpio:". Zero values take the defaults documented on each field.
type Config struct {
	// Enabled turns the panel on. When false the daemon runs without one and
	// nothing else in this section is checked.
	Enabled bool `yaml:"enabled"`
	// Chip names the GPIO chip: "gpiochip0", its label ("pinctrl-bcm2711") or
	// "/dev/gpiochip4" (a symlink on the Pi 5 is followed). Default: the first chip
	// found, pinctrl-* chips first, which is the 40-pin header on every Pi.
	Chip string `yaml:"chip"`
	// Target is whom the call and doorbell buttons call, unless a button names its own.
	Target Target `yaml:"target"`
	// Buttons are push buttons.
	Buttons []ButtonConfig `yaml:"buttons"`
	// LEDs are indicator outputs.
	LEDs []LEDConfig `yaml:"leds"`
	// Relay is the door relay; leave its line empty for none.
	Relay RelayConfig `yaml:"relay"`
}

// Target is a channel and a user to call.
type Target struct {
	Channel string `yaml:"channel"`
	User    string `yaml:"user"`
}

func (t Target) isZero() bool { return t.Channel == "" && t.User == "" }

// LineRef names one line of the chip: by name (line: GPIO17, as the device
// tree names it) or by offset on the chip (offset: 17). Exactly one must be set.
type LineRef struct {
	Line   string `yaml:"line"`
	Offset *int   `yaml:"offset"`
}

// String returns the line as the config names it ("GPIO17" or "offset 17").
func (l LineRef) String() string {
	if l.Line != "" {
		return l.Line
	}
	if l.Offset != nil {
		return fmt.Sprintf("offset %d", *l.Offset)
	}
	return "(no line)"
}

// ButtonConfig is one push button.
type ButtonConfig struct {
	// Name is used in logs ("bell"); default: the line.
	Name    string `yaml:"name"`
	LineRef `yaml:",inline"`
	// Action on a short press: call, accept, reject, end or doorbell (does the
	// natural thing: idle → call, ringing → accept, in a call → end).
	Action string `yaml:"action"`
	// ActiveLow: pressed pulls the line low (button to ground). Default true.
	ActiveLow *bool `yaml:"active_low"`
	// Pull is the line's bias: up, down or none. Default: up when active low,
	// down when active high.
	Pull string `yaml:"pull"`
	// Debounce is how long the line must be quiet before its level counts.
	// Default 30ms.
	Debounce time.Duration `yaml:"debounce"`
	// LongPress, when set, makes a press held this long run LongAction instead
	// of Action; Action then runs on release.
	LongPress time.Duration `yaml:"long_press"`
	// LongAction is the action of a long press.
	LongAction string `yaml:"long_action"`
	// Target overrides the global target for this button's calls.
	Target Target `yaml:"target"`
}

// LEDConfig is one indicator output.
type LEDConfig struct {
	// Name is used in logs; default: the line.
	Name    string `yaml:"name"`
	LineRef `yaml:",inline"`
	// ActiveLow: the LED lights when the line is low (LED to 3.3 V). Default false.
	ActiveLow bool `yaml:"active_low"`
	// Role says what the LED shows: status (a blink pattern per call status, see
	// README.md), power (always on), online (on while the broker is reachable),
	// ringing (on while a call rings here), in_call (on during any call), door
	// (on while the door relay is energized). Default status.
	Role string `yaml:"role"`
	// Heartbeat makes a status LED blip every 5 s when idle instead of staying off.
	Heartbeat bool `yaml:"heartbeat"`
}

// RelayConfig is the door relay.
type RelayConfig struct {
	LineRef `yaml:",inline"`
	// ActiveLow: the relay is energized when the line is low (many relay boards
	// are). Default false.
	ActiveLow bool `yaml:"active_low"`
	// Pulse is how long the relay stays energized per opening. Default 3s.
	Pulse time.Duration `yaml:"pulse"`
}

func (r RelayConfig) configured() bool { return r.Line != "" || r.Offset != nil }

// Action is what a button does.
type Action int

// Button actions.
const (
	ActionUnknown Action = iota
	// ActionCall calls the target when idle.
	ActionCall
	// ActionAccept answers a ringing call.
	ActionAccept
	// ActionReject declines a ringing call.
	ActionReject
	// ActionEnd ends the call in any state (cancel, decline or hang up).
	ActionEnd
	// ActionDoorbell does the natural thing: idle → call, ringing → accept,
	// calling, connecting or connected → end.
	ActionDoorbell
)

var actionNames = [...]string{"unknown", "call", "accept", "reject", "end", "doorbell"}

// String returns the config name of the action ("doorbell").
func (a Action) String() string {
	if a < 0 || int(a) >= len(actionNames) {
		return fmt.Sprintf("Action(%d)", int(a))
	}
	return actionNames[a]
}

// ParseAction is the inverse of Action.String.
func ParseAction(s string) (Action, bool) {
	for i, n := range actionNames {
		if i > 0 && n == s {
			return Action(i), true
		}
	}
	return ActionUnknown, false
}

// Role is what an LED shows.
type Role int

// LED roles.
const (
	RoleUnknown Role = iota
	// RoleStatus: a blink pattern per call status (README.md has the table).
	RoleStatus
	// RolePower: always on while the panel runs.
	RolePower
	// RoleOnline: on while the broker is reachable.
	RoleOnline
	// RoleRinging: on while a call rings here.
	RoleRinging
	// RoleInCall: on during any call (calling, ringing, connecting, connected).
	RoleInCall
	// RoleDoor: on while the door relay is energized.
	RoleDoor
)

var roleNames = [...]string{"unknown", "status", "power", "online", "ringing", "in_call", "door"}

// String returns the config name of the role ("in_call").
func (r Role) String() string {
	if r < 0 || int(r) >= len(roleNames) {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// ParseRole is the inverse of Role.String.
func ParseRole(s string) (Role, bool) {
	for i, n := range roleNames {
		if i > 0 && n == s {
			return Role(i), true
		}
	}
	return RoleUnknown, false
}

// ErrInvalidConfig is wrapped by every error Validate returns, and by the
// errors New and Open return for lines the chip lacks or lines used twice.
var ErrInvalidConfig = errors.New("gpio: invalid configuration")

// Validate checks the configuration without touching hardware; lines are
// checked against the chip when the panel opens. Every problem is reported,
// each naming its key and the fix. A disabled panel is not checked.
func (c *Config) Validate() error {
	if !c.Enabled {
		return nil
	}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidConfig}, args...)...))
	}
	if !c.Target.isZero() {
		if msg := checkTarget(c.Target); msg != "" {
			bad("gpio.target: %s", msg)
		}
	}
	for i, b := range c.Buttons {
		key := fmt.Sprintf("gpio.buttons[%d]", i)
		if b.Name != "" {
			key += fmt.Sprintf(" (%s)", b.Name)
		}
		if msg := checkLine(b.LineRef); msg != "" {
			bad("%s: %s", key, msg)
		}
		a, ok := ParseAction(b.Action)
		if !ok {
			bad("%s.action %q is not an action; use one of %s", key, b.Action, strings.Join(actionNames[1:], ", "))
		}
		switch b.Pull {
		case "", "up", "down", "none":
		default:
			bad("%s.pull %q is not a bias; use up, down or none", key, b.Pull)
		}
		if b.Debounce < 0 || b.Debounce > MaxDebounce {
			bad("%s.debounce %s is out of range; use 0 (default %s) to %s", key, b.Debounce, DefaultDebounce, MaxDebounce)
		}
		debounce := b.Debounce
		if debounce == 0 {
			debounce = DefaultDebounce
		}
		var la Action
		switch {
		case b.LongPress < 0 || b.LongPress > MaxLongPress:
			bad("%s.long_press %s is out of range; use 0 (no long press) or up to %s", key, b.LongPress, MaxLongPress)
		case b.LongPress > 0 && b.LongPress <= debounce:
			bad("%s.long_press %s must be longer than the debounce (%s); use 1s or more", key, b.LongPress, debounce)
		case b.LongPress > 0:
			la, ok = ParseAction(b.LongAction)
			if !ok {
				bad("%s.long_action %q is not an action; with long_press set use one of %s", key, b.LongAction, strings.Join(actionNames[1:], ", "))
			}
		case b.LongAction != "":
			bad("%s.long_action is set but long_press is not; set long_press (say 2s) or remove long_action", key)
		}
		if !b.Target.isZero() {
			if msg := checkTarget(b.Target); msg != "" {
				bad("%s.target: %s", key, msg)
			}
		}
		calls := a == ActionCall || a == ActionDoorbell || la == ActionCall || la == ActionDoorbell
		if calls && b.Target.isZero() && c.Target.isZero() {
			bad("%s: action %s places calls but no target is set; set gpio.target (channel and user) or %s.target", key, b.Action, key)
		}
	}
	for i, l := range c.LEDs {
		key := fmt.Sprintf("gpio.leds[%d]", i)
		if l.Name != "" {
			key += fmt.Sprintf(" (%s)", l.Name)
		}
		if msg := checkLine(l.LineRef); msg != "" {
			bad("%s: %s", key, msg)
		}
		if l.Role != "" {
			if _, ok := ParseRole(l.Role); !ok {
				bad("%s.role %q is not a role; use one of %s", key, l.Role, strings.Join(roleNames[1:], ", "))
			}
		}
	}
	if c.Relay.configured() {
		if msg := checkLine(c.Relay.LineRef); msg != "" {
			bad("gpio.relay: %s", msg)
		}
		if c.Relay.Pulse != 0 && (c.Relay.Pulse < MinPulse || c.Relay.Pulse > MaxPulse) {
			bad("gpio.relay.pulse %s is out of range; use %s to %s (default %s)", c.Relay.Pulse, MinPulse, MaxPulse, DefaultPulse)
		}
	} else if c.Relay.Pulse != 0 || c.Relay.ActiveLow {
		bad("gpio.relay has settings but no line; set gpio.relay.line (say GPIO22) or remove gpio.relay")
	}
	if len(c.Buttons) == 0 && len(c.LEDs) == 0 && !c.Relay.configured() {
		bad("gpio.enabled is true but no buttons, leds or relay are set; add some (see gpio/README.md) or set gpio.enabled: false")
	}
	return errors.Join(errs...)
}

func checkLine(l LineRef) string {
	switch {
	case l.Line != "" && l.Offset != nil:
		return fmt.Sprintf("both line (%s) and offset (%d) are set; keep one", l.Line, *l.Offset)
	case l.Line == "" && l.Offset == nil:
		return "no line; set line (say GPIO17) or offset (the line's number on the chip)"
	case l.Offset != nil && *l.Offset < 0:
		return fmt.Sprintf("offset %d is negative; use the line's number on the chip (gpioinfo lists them)", *l.Offset)
	}
	return ""
}

func checkTarget(t Target) string {
	switch {
	case !call.ValidID(t.Channel):
		return fmt.Sprintf("channel %q must be 1-64 characters of A-Z a-z 0-9 _ . -", t.Channel)
	case !call.ValidID(t.User):
		return fmt.Sprintf("user %q must be 1-64 characters of A-Z a-z 0-9 _ . -", t.User)
	}
	return ""
}
