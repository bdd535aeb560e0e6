package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"periph.io/x/conn/v3/driver/driverreg"
	"periph.io/x/conn/v3/gpio"
	"periph.io/x/host/v3/gpioioctl"
)

// TestGPIOSim checks the lab's gpio-sim chip through periph's gpioioctl, the
// driver the gpio package uses: lines are found by name, an input sees both
// edges when the simulator pulls it, and an output's level reads back from
// the simulator's sysfs. init.sh names the lines after the Pi header.
func TestGPIOSim(t *testing.T) {
	chipName := os.Getenv("INTERCOMD_GPIO_CHIP")
	if chipName == "" {
		t.Skip("INTERCOMD_GPIO_CHIP is unset: this runs in the kernel lab (test/lab/run.sh)")
	}
	if _, err := driverreg.Init(); err != nil {
		t.Fatalf("periph driverreg.Init: %v", err)
	}
	var chip *gpioioctl.GPIOChip
	var names []string
	for _, c := range gpioioctl.Chips {
		names = append(names, c.Name()+" ("+c.Label()+")")
		if c.Name() == chipName || c.Label() == chipName {
			chip = c
		}
	}
	if chip == nil {
		t.Fatalf("chip %s not among gpioioctl.Chips: %s", chipName, strings.Join(names, ", "))
	}
	t.Logf("chip %s label %q, %d lines", chip.Name(), chip.Label(), chip.LineCount())

	t.Run("input edges", func(t *testing.T) {
		line := chip.ByName("GPIO17")
		if line == nil {
			t.Fatal("no line named GPIO17")
		}
		sim := simDir(t, chip.Name(), line.Number())
		writeSim(t, sim, "pull", "pull-up")
		if err := line.In(gpio.PullUp, gpio.BothEdges); err != nil {
			t.Fatalf("In: %v", err)
		}
		defer line.Close()
		for _, step := range []struct {
			pull string
			want gpio.Level
		}{{"pull-down", gpio.Low}, {"pull-up", gpio.High}, {"pull-down", gpio.Low}} {
			writeSim(t, sim, "pull", step.pull)
			if !line.WaitForEdge(2 * time.Second) {
				t.Fatalf("no edge within 2 s after %s", step.pull)
			}
			if got := line.Read(); got != step.want {
				t.Fatalf("after %s the line reads %v, want %v", step.pull, got, step.want)
			}
		}
	})

	t.Run("output value", func(t *testing.T) {
		line := chip.ByName("GPIO23")
		if line == nil {
			t.Fatal("no line named GPIO23")
		}
		sim := simDir(t, chip.Name(), line.Number())
		defer line.Close()
		for _, l := range []gpio.Level{gpio.High, gpio.Low, gpio.High} {
			if err := line.Out(l); err != nil {
				t.Fatalf("Out(%v): %v", l, err)
			}
			want := "0"
			if l {
				want = "1"
			}
			if got := readSim(t, sim, "value"); got != want {
				t.Fatalf("after Out(%v) sim value = %s, want %s", l, got, want)
			}
		}
	})
}

// simDir is the gpio-sim sysfs directory of one line.
func simDir(t *testing.T, chip string, offset int) string {
	t.Helper()
	dirs, _ := filepath.Glob(fmt.Sprintf("/sys/devices/platform/gpio-sim.*/%s/sim_gpio%d", chip, offset))
	if len(dirs) != 1 {
		t.Fatalf("gpio-sim sysfs for %s line %d: found %q, want one directory", chip, offset, dirs)
	}
	return dirs[0]
}

func writeSim(t *testing.T, dir, attr, v string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, attr), []byte(v), 0); err != nil {
		t.Fatalf("writing %s to %s/%s: %v", v, dir, attr, err)
	}
}

func readSim(t *testing.T, dir, attr string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, attr))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}
