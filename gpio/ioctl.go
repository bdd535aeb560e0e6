package gpio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"periph.io/x/conn/v3/driver/driverreg"
	pgpio "periph.io/x/conn/v3/gpio"
	"periph.io/x/host/v3/gpioioctl"
)

// ErrNoChip means the machine has no GPIO chip at all (a laptop, a CI runner):
// the daemon should say it runs without a panel and go on. Test with errors.Is.
var ErrNoChip = errors.New("gpio: no GPIO chip found (/dev/gpiochip* is absent)")

// devGlob is where GPIO chips appear.
const devGlob = "/dev/gpiochip*"

// OpenChip opens the GPIO chip called name through periph's gpioioctl driver
// (the GPIO character device, uAPI v2). name may be the kernel name
// ("gpiochip0"), the label ("pinctrl-rp1") or a device path ("/dev/gpiochip4";
// symlinks are followed, so the Pi 5's gpiochip4 finds gpiochip0); "" picks the
// first chip, pinctrl-* chips first, which is the 40-pin header on every Pi.
//
// It loads only the drivers linked into the binary (driverreg.Init); this
// package links gpioioctl and nothing else from periph.io/x/host. Without any
// chip it returns an error that wraps ErrNoChip.
func OpenChip(name string) (Chip, error) {
	// gpioioctl.Chips is filled by the driver's Init, which driverreg runs once
	// per process; a failure of another driver is not ours to report.
	if _, err := driverreg.Init(); err != nil {
		return nil, fmt.Errorf("gpio: loading periph drivers: %w", err)
	}
	chips := gpioioctl.Chips
	if len(chips) == 0 {
		return nil, noChipError()
	}
	var chip *gpioioctl.GPIOChip
	if name == "" {
		chip = chips[0]
	} else {
		chip = findChip(chips, name)
	}
	if chip == nil {
		var have []string
		for _, c := range chips {
			have = append(have, fmt.Sprintf("%s (%s)", c.Name(), c.Label()))
		}
		return nil, fmt.Errorf("gpio: chip %q not found; set gpio.chip to one of: %s", name, strings.Join(have, ", "))
	}
	return &ioctlChip{chip: chip, open: map[int]bool{}}, nil
}

// noChipError tells "no chip" (ErrNoChip) apart from "chips we may not open".
func noChipError() error {
	paths, _ := filepath.Glob(devGlob)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("gpio: %s exists but cannot be opened: %w; add the daemon's user to the gpio group and install the udev rule (gpio/README.md, \"Permissions\")", p, err)
		}
		_ = f.Close()
	}
	return ErrNoChip
}

func findChip(chips []*gpioioctl.GPIOChip, name string) *gpioioctl.GPIOChip {
	for _, c := range chips {
		if c.Name() == name || c.Label() == name || c.Path() == name {
			return c
		}
	}
	// A path or a name of a symlink: compare what the device nodes resolve to.
	p := name
	if !strings.HasPrefix(p, "/") {
		p = "/dev/" + p
	}
	want, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil
	}
	for _, c := range chips {
		if got, err := filepath.EvalSymlinks(c.Path()); err == nil && got == want {
			return c
		}
	}
	return nil
}

// ioctlChip is a real chip. gpioioctl keeps its chips open for the life of the
// process, so Close releases only the lines this chip handed out.
type ioctlChip struct {
	chip *gpioioctl.GPIOChip

	mu   sync.Mutex
	open map[int]bool
}

func (c *ioctlChip) Name() string  { return c.chip.Name() }
func (c *ioctlChip) Label() string { return c.chip.Label() }

func (c *ioctlChip) Lines() []string {
	lines := c.chip.Lines()
	names := make([]string, len(lines))
	for i, l := range lines {
		names[i] = l.Name()
	}
	return names
}

func (c *ioctlChip) take(offset int) (*gpioioctl.GPIOLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if offset < 0 || offset >= c.chip.LineCount() {
		return nil, fmt.Errorf("gpio: %s has no line at offset %d (it has %d lines)", c.chip.Name(), offset, c.chip.LineCount())
	}
	if c.open[offset] {
		return nil, fmt.Errorf("%w: %s line %d; close it first", ErrLineBusy, c.chip.Name(), offset)
	}
	c.open[offset] = true
	return c.chip.Lines()[offset], nil
}

func (c *ioctlChip) release(offset int, l *gpioioctl.GPIOLine) {
	l.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.open, offset)
}

func lineLabel(chip string, offset int, name string) string {
	if name == "" {
		return fmt.Sprintf("%s line %d", chip, offset)
	}
	return name
}

func (c *ioctlChip) Input(offset int, pull pgpio.Pull) (Input, error) {
	l, err := c.take(offset)
	if err != nil {
		return nil, err
	}
	if err := l.In(pull, pgpio.BothEdges); err != nil {
		c.release(offset, l)
		return nil, requestError(c.chip.Name(), offset, l.Name(), "input", err)
	}
	return &ioctlInput{line: l, name: lineLabel(c.chip.Name(), offset, l.Name()), armed: make(chan struct{}), release: func() { c.release(offset, l) }}, nil
}

func (c *ioctlChip) Output(offset int, lv pgpio.Level) (Output, error) {
	l, err := c.take(offset)
	if err != nil {
		return nil, err
	}
	// gpioioctl switches a line to output at level low and then sets lv: a
	// glitch of microseconds, far shorter than an LED shows or a relay pulls in.
	if err := l.Out(lv); err != nil {
		c.release(offset, l)
		return nil, requestError(c.chip.Name(), offset, l.Name(), "output", err)
	}
	return &ioctlOutput{line: l, name: lineLabel(c.chip.Name(), offset, l.Name()), release: func() { c.release(offset, l) }}, nil
}

func requestError(chip string, offset int, name, as string, err error) error {
	return fmt.Errorf("gpio: requesting %s (%s offset %d) as an %s: %w; if another program holds it, `gpioinfo %s` names the consumer; if permission is denied, see gpio/README.md \"Permissions\"",
		lineLabel(chip, offset, name), chip, offset, as, err, chip)
}

// Close does not close the gpioioctl chip: the driver shares it process-wide.
func (c *ioctlChip) Close() error { return nil }

// ioctlInput is a gpioioctl line. Its WaitForEdge: timeout 0 means forever and
// Halt works only once a wait has created the line's event file, so this
// adapter passes positive timeouts only and halts the line only once armed.
type ioctlInput struct {
	line    *gpioioctl.GPIOLine
	name    string
	halted  atomic.Bool
	armOnce sync.Once
	armed   chan struct{} // closed after the first WaitForEdge returns
	release func()
}

func (i *ioctlInput) Name() string      { return i.name }
func (i *ioctlInput) Read() pgpio.Level { return i.line.Read() }
func (i *ioctlInput) Close() error      { i.release(); return nil }

func (i *ioctlInput) WaitForEdge(timeout time.Duration) bool {
	if i.halted.Load() || timeout <= 0 {
		return false
	}
	ok := i.line.WaitForEdge(timeout)
	i.armOnce.Do(func() { close(i.armed) })
	return ok && !i.halted.Load()
}

func (i *ioctlInput) Halt() error {
	i.halted.Store(true)
	select {
	case <-i.armed:
		return i.line.Halt()
	default:
		// Not armed: the wait in progress, if any, ends at its timeout and
		// the next one sees halted.
		return nil
	}
}

type ioctlOutput struct {
	line    *gpioioctl.GPIOLine
	name    string
	release func()
}

func (o *ioctlOutput) Name() string            { return o.name }
func (o *ioctlOutput) Out(l pgpio.Level) error { return o.line.Out(l) }
func (o *ioctlOutput) Close() error            { o.release(); return nil }
