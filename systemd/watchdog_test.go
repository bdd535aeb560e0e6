package systemd

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intercomd/intercomd/clock/clocktest"
)

const (
	testTimeout  = 30 * time.Second // WatchdogSec=30 as in intercomd.service
	testInterval = testTimeout / 2
	testProbeMax = testTimeout / 4 // the default ProbeTimeout
)

var start = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// watchdogRig runs a Watchdog on a fake clock against a real notify socket. Its
// Status reports the fake time, so every WATCHDOG=1 says when it was sent.
type watchdogRig struct {
	t    *testing.T
	sock *notifySocket
	clk  *clocktest.Fake
	logs *lockedBuffer
	stop func()
}

func startWatchdog(t *testing.T, probe func(context.Context) error) *watchdogRig {
	t.Helper()
	r := &watchdogRig{t: t, sock: listenNotify(t), clk: clocktest.New(start), logs: &lockedBuffer{}}
	wd := &Watchdog{
		Probe:    probe,
		Notifier: NewNotifier(),
		Timeout:  testTimeout,
		Status:   func() string { return r.clk.Now().Sub(start).String() },
		Clock:    r.clk,
		Logger:   slog.New(slog.NewTextHandler(r.logs, nil)),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- wd.Run(ctx) }()
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Watchdog.Run returned %v after cancel, want nil", err)
			}
		})
	}
	t.Cleanup(r.stop)
	return r
}

// expectPing waits for the next datagram and checks it is a WATCHDOG=1 sent at
// the given fake time since start.
func (r *watchdogRig) expectPing(at time.Duration) {
	r.t.Helper()
	want := "WATCHDOG=1\nSTATUS=" + at.String()
	if got := r.sock.next(); got != want {
		r.t.Fatalf("got notify message %q, want %q (a ping at +%v)", got, want, at)
	}
}

// waitPending waits until the Watchdog has scheduled n timers on the fake clock:
// its next beat, plus a probe deadline while a probe runs.
func (r *watchdogRig) waitPending(n int) {
	r.t.Helper()
	waitFor(r.t, func() bool { return r.clk.Pending() == n }, "%d timers pending on the fake clock (have %d)", n, r.clk.Pending())
}

// failProbe waits for the probe of a beat to be running, fires its deadline and
// waits for the failure to be logged as the n-th one.
func (r *watchdogRig) failProbe(n int) {
	r.t.Helper()
	r.waitPending(2)
	r.clk.Advance(testProbeMax)
	waitFor(r.t, func() bool { return strings.Count(r.logs.String(), "level=ERROR") == n },
		"%d failed probes logged; logs:\n%s", n, r.logs)
}

// TestWatchdogHealthyProbePingsAtHalfInterval: with a probe that answers, a
// WATCHDOG=1 goes out at once and then every WatchdogSec/2, each after a probe.
func TestWatchdogHealthyProbePingsAtHalfInterval(t *testing.T) {
	var mu sync.Mutex
	var probedAt []time.Duration
	var r *watchdogRig
	ready := make(chan struct{})
	r = startWatchdog(t, func(ctx context.Context) error {
		<-ready
		mu.Lock()
		defer mu.Unlock()
		probedAt = append(probedAt, r.clk.Now().Sub(start))
		return nil
	})
	close(ready)

	r.expectPing(0)
	for i := 1; i <= 4; i++ {
		r.clk.Advance(testInterval - time.Millisecond)
		r.clk.Advance(time.Millisecond)
		r.expectPing(time.Duration(i) * testInterval)
	}
	r.stop()
	r.sock.none()

	mu.Lock()
	defer mu.Unlock()
	want := []time.Duration{0, 15 * time.Second, 30 * time.Second, 45 * time.Second, 60 * time.Second}
	if len(probedAt) != len(want) {
		t.Fatalf("probed at %v, want %v: one probe before each ping", probedAt, want)
	}
	for i := range want {
		if probedAt[i] != want[i] {
			t.Fatalf("probed at %v, want %v", probedAt, want)
		}
	}
	if strings.Contains(r.logs.String(), "level=ERROR") {
		t.Fatalf("a healthy probe logged an error:\n%s", r.logs)
	}
}

// TestWatchdogStuckLoopStopsPings: when the call loop stops answering, pings stop
// (so systemd would restart the daemon after WatchdogSec), each failed probe is
// logged with its reason, and pings resume when the loop answers again.
func TestWatchdogStuckLoopStopsPings(t *testing.T) {
	var mu sync.Mutex
	stuck := false
	r := startWatchdog(t, func(ctx context.Context) error {
		mu.Lock()
		s := stuck
		mu.Unlock()
		if s {
			<-ctx.Done() // a stuck loop never takes the request; Ping gives up with ctx
			return ctx.Err()
		}
		return nil
	})
	r.expectPing(0)
	mu.Lock()
	stuck = true
	mu.Unlock()

	// Two beats, each with a probe that hangs until its deadline: a whole
	// WatchdogSec without a ping, which is when systemd kills the service.
	r.clk.Advance(testInterval) // +15s: a beat; its probe hangs
	r.failProbe(1)              // +22.5s: its deadline passes
	r.clk.Advance(testInterval - testProbeMax)
	r.failProbe(2) // +30s and +37.5s: the same again
	logs := r.logs.String()
	for _, want := range []string{"withholding WATCHDOG=1", "no answer within 7.5s", "context canceled", "failures=2"} {
		if !strings.Contains(logs, want) {
			t.Fatalf("logs lack %q:\n%s", want, logs)
		}
	}

	mu.Lock()
	stuck = false
	mu.Unlock()
	r.clk.Advance(testInterval - testProbeMax)
	// The next message must be the recovery ping at +45s: any ping while the
	// probe was failing would have come first.
	r.expectPing(3 * testInterval)
	waitFor(t, func() bool { return strings.Contains(r.logs.String(), "answers again") }, "a recovery log line")
}

// TestWatchdogProbeIgnoringContextStopsPings: a probe that hangs and ignores its
// deadline blocks the Watchdog, which must then send nothing at all until it
// returns.
func TestWatchdogProbeIgnoringContextStopsPings(t *testing.T) {
	release := make(chan struct{})
	var calls int
	var mu sync.Mutex
	r := startWatchdog(t, func(ctx context.Context) error {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 2 {
			<-release
		}
		return nil
	})
	r.expectPing(0)
	r.clk.Advance(testInterval) // second probe starts and hangs
	r.waitPending(2)
	r.clk.Advance(testProbeMax)     // its deadline passes unnoticed
	r.clk.Advance(3 * testInterval) // and several beats fall due
	r.sock.none()
	close(release)
	// The hung probe finally returns nil: the loop did answer, late.
	r.expectPing(testInterval + testProbeMax + 3*testInterval)
}

func TestWatchdogOffWithoutSystemd(t *testing.T) {
	probe := func(context.Context) error { return errors.New("probe must not run") }
	t.Run("no NOTIFY_SOCKET", func(t *testing.T) {
		t.Setenv("NOTIFY_SOCKET", "")
		wd := &Watchdog{Probe: probe, Notifier: NewNotifier(), Timeout: testTimeout}
		if err := wd.Run(context.Background()); err != nil {
			t.Fatalf("Run = %v, want nil at once", err)
		}
	})
	t.Run("no WATCHDOG_USEC", func(t *testing.T) {
		listenNotify(t)
		t.Setenv("WATCHDOG_USEC", "")
		wd := &Watchdog{Probe: probe, Notifier: NewNotifier()}
		if err := wd.Run(context.Background()); err != nil {
			t.Fatalf("Run = %v, want nil at once", err)
		}
	})
	t.Run("no probe", func(t *testing.T) {
		wd := &Watchdog{Notifier: NewNotifier(), Timeout: testTimeout}
		if err := wd.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "Probe is nil") {
			t.Fatalf("Run = %v, want an error naming the missing Probe", err)
		}
	})
}

// TestWatchdogReadsWatchdogUSEC: with no Timeout the interval comes from systemd.
func TestWatchdogReadsWatchdogUSEC(t *testing.T) {
	sock := listenNotify(t)
	t.Setenv("WATCHDOG_USEC", "8000000")
	t.Setenv("WATCHDOG_PID", "")
	clk := clocktest.New(start)
	wd := &Watchdog{Probe: func(context.Context) error { return nil }, Notifier: NewNotifier(), Clock: clk}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- wd.Run(ctx) }()
	defer func() { cancel(); <-done }()
	sock.next()
	clk.Advance(4*time.Second - time.Millisecond)
	sock.none()
	clk.Advance(time.Millisecond)
	if got := sock.next(); got != "WATCHDOG=1" {
		t.Fatalf("got %q 4s after start, want WATCHDOG=1 (half of WATCHDOG_USEC=8s)", got)
	}
}

// waitFor polls cond for up to 5s of real time; the Watchdog's goroutine needs a
// moment to act on what the fake clock fired.
func waitFor(t *testing.T, cond func() bool, format string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for "+format, args...)
		}
		time.Sleep(time.Millisecond)
	}
}

// lockedBuffer is a bytes.Buffer safe for the Watchdog's logger and the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
