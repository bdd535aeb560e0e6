package gpio

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	pgpio "periph.io/x/conn/v3/gpio"
)

// Input is a line the panel reads: a button. Its WaitForEdge has one meaning
// whatever drives it; periph's drivers disagree on timeouts (PRODUCT.md,
// "GPIO facts"), and the adapters here hide that.
type Input interface {
	// Name is the line's name for logs ("GPIO17").
	Name() string
	// Read returns the line's level now.
	Read() pgpio.Level
	// WaitForEdge blocks until the line sees an edge (true), or until timeout
	// (> 0) passes or Halt is called (false). Edges queued before the call count.
	WaitForEdge(timeout time.Duration) bool
	// Halt makes a pending WaitForEdge, and every later one, return false soon.
	Halt() error
	// Close releases the line. Call it only when no WaitForEdge is pending.
	Close() error
}

// Output is a line the panel drives: an LED or the relay.
type Output interface {
	// Name is the line's name for logs ("GPIO27").
	Name() string
	// Out drives the line to l.
	Out(l pgpio.Level) error
	// Close releases the line; it does not change its level first.
	Close() error
}

// Chip hands out lines by offset. [OpenChip] gives a real one, [NewPinChip] one
// made of periph pins (gpiotest fakes in tests).
type Chip interface {
	// Name is the kernel's name for the chip ("gpiochip0").
	Name() string
	// Label is the chip's driver label ("pinctrl-bcm2711").
	Label() string
	// Lines lists the line names by offset; an unnamed line is "".
	Lines() []string
	// Input requests the line at offset as an input with pull as bias,
	// reporting both edges.
	Input(offset int, pull pgpio.Pull) (Input, error)
	// Output requests the line at offset as an output driven to l.
	Output(offset int, l pgpio.Level) (Output, error)
	// Close releases the chip. Lines must be closed first.
	Close() error
}

// PinChip is a Chip made of periph pins: its line at offset i is pins[i]. Use
// it with gpiotest.Pin fakes (set EdgesChan on input pins), or with pins of
// any other periph driver.
type PinChip struct {
	name, label string
	pins        []pgpio.PinIO

	mu    sync.Mutex
	inUse map[int]bool
}

var _ Chip = (*PinChip)(nil)

// NewPinChip returns a chip called name with label whose lines are pins.
func NewPinChip(name, label string, pins ...pgpio.PinIO) *PinChip {
	return &PinChip{name: name, label: label, pins: pins, inUse: map[int]bool{}}
}

// Name returns the chip's name.
func (c *PinChip) Name() string { return c.name }

// Label returns the chip's label.
func (c *PinChip) Label() string { return c.label }

// Lines returns the pins' names.
func (c *PinChip) Lines() []string {
	names := make([]string, len(c.pins))
	for i, p := range c.pins {
		names[i] = p.Name()
	}
	return names
}

// ErrLineBusy is returned when a line is requested twice.
var ErrLineBusy = errors.New("gpio: line is already in use")

func (c *PinChip) take(offset int) (pgpio.PinIO, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if offset < 0 || offset >= len(c.pins) {
		return nil, fmt.Errorf("gpio: %s has no line at offset %d (it has %d lines)", c.name, offset, len(c.pins))
	}
	if c.inUse[offset] {
		return nil, fmt.Errorf("%w: %s line %d (%s); close it first", ErrLineBusy, c.name, offset, c.pins[offset].Name())
	}
	c.inUse[offset] = true
	return c.pins[offset], nil
}

func (c *PinChip) release(offset int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.inUse, offset)
}

// Input configures the pin at offset as an input with both edges.
func (c *PinChip) Input(offset int, pull pgpio.Pull) (Input, error) {
	p, err := c.take(offset)
	if err != nil {
		return nil, err
	}
	if err := p.In(pull, pgpio.BothEdges); err != nil {
		c.release(offset)
		return nil, fmt.Errorf("gpio: configuring %s as an input: %w", p.Name(), err)
	}
	return &pinInput{pin: p, release: func() { c.release(offset) }}, nil
}

// Output drives the pin at offset to l.
func (c *PinChip) Output(offset int, l pgpio.Level) (Output, error) {
	p, err := c.take(offset)
	if err != nil {
		return nil, err
	}
	if err := p.Out(l); err != nil {
		c.release(offset)
		return nil, fmt.Errorf("gpio: driving %s: %w", p.Name(), err)
	}
	return &pinOutput{pin: p, release: func() { c.release(offset) }}, nil
}

// Close does nothing: the pins belong to the caller.
func (c *PinChip) Close() error { return nil }

// pinPoll bounds each wait on a periph pin, because Halt does not unblock every
// driver's WaitForEdge (gpiotest's, for one).
const pinPoll = 10 * time.Millisecond

// pinInput adapts any periph pin. periph drivers disagree on what timeouts 0
// and -1 mean, so it only ever passes positive ones.
type pinInput struct {
	pin     pgpio.PinIO
	halted  atomic.Bool
	release func()
}

func (i *pinInput) Name() string             { return i.pin.Name() }
func (i *pinInput) Read() pgpio.Level        { return i.pin.Read() }
func (i *pinInput) Halt() error              { i.halted.Store(true); return i.pin.Halt() }
func (i *pinInput) Close() error             { i.release(); return nil }
func (i *pinInput) String() string           { return i.pin.Name() }
func (o *pinOutput) Name() string            { return o.pin.Name() }
func (o *pinOutput) Close() error            { o.release(); return nil }
func (o *pinOutput) String() string          { return o.pin.Name() }
func (o *pinOutput) Out(l pgpio.Level) error { return o.pin.Out(l) }

func (i *pinInput) WaitForEdge(timeout time.Duration) bool {
	for timeout > 0 && !i.halted.Load() {
		step := min(timeout, pinPoll)
		if i.pin.WaitForEdge(step) {
			return true
		}
		timeout -= step
	}
	return false
}

type pinOutput struct {
	pin     pgpio.PinIO
	release func()
}
