package systemd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/intercomd/intercomd/clock"
)

// WatchdogTimeout returns the watchdog timeout systemd set for this process
// (WatchdogSec= in the unit, passed as $WATCHDOG_USEC), or 0 when there is none
// or it is meant for another process ($WATCHDOG_PID names a different pid, as in
// a child that inherited the environment).
func WatchdogTimeout() (time.Duration, error) {
	usecText := os.Getenv("WATCHDOG_USEC")
	if usecText == "" {
		return 0, nil
	}
	if pidText := os.Getenv("WATCHDOG_PID"); pidText != "" {
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			return 0, fmt.Errorf("systemd: WATCHDOG_PID=%q is not a process id; unset it or let systemd set it", pidText)
		}
		if pid != os.Getpid() {
			return 0, nil
		}
	}
	usec, err := strconv.ParseUint(usecText, 10, 63)
	if err != nil || usec == 0 {
		return 0, fmt.Errorf("systemd: WATCHDOG_USEC=%q is not a positive number of microseconds; unset it or let systemd set it from WatchdogSec=", usecText)
	}
	return time.Duration(usec) * time.Microsecond, nil
}

// errProbeTimeout is the cause given to a probe's context when it runs out of time.
var errProbeTimeout = errors.New("probe timed out")

// Watchdog keeps systemd's watchdog fed while, and only while, the daemon's call
// engine answers. Every Timeout/2 it runs Probe and sends WATCHDOG=1 when the probe
// returns nil in time. When the probe fails or hangs it logs why and sends nothing,
// so if the engine stays stuck systemd kills the service when Timeout runs out
// (with SIGABRT, whose goroutine dump lands in the journal) and Restart=on-failure
// starts it again. A probe that answers again before then resumes the pings: a
// stall shorter than WatchdogSec= is logged but not punished.
//
// Fill in the exported fields and call Run in a goroutine the daemon owns.
type Watchdog struct {
	// Probe proves liveness. The daemon passes the call engine's loop round-trip
	// (call.Client.Ping), not something that merely runs on a timer. It must
	// return when its context is done; one that does not still stops the pings,
	// but then Run cannot return before it does. Required.
	Probe func(ctx context.Context) error
	// Notifier receives WATCHDOG=1. Required; when it is not Enabled, Run returns
	// at once.
	Notifier *Notifier
	// Timeout is the unit's WatchdogSec=. Zero: read $WATCHDOG_USEC with
	// WatchdogTimeout; when systemd set none, Run returns at once.
	Timeout time.Duration
	// ProbeTimeout bounds one probe. Zero: a quarter of Timeout, which leaves a
	// stuck loop one more probe before systemd gives up.
	ProbeTimeout time.Duration
	// Status, when set, is sent as STATUS= in the same datagram as each
	// WATCHDOG=1, so that a running call duration stays fresh in
	// `systemctl status` (the daemon passes StatusLine of the client's Snapshot).
	Status func() string
	// Clock schedules pings and probe deadlines. Nil: clock.Real.
	Clock clock.Clock
	// Logger receives probe failures and recoveries. Nil: slog.Default().
	Logger *slog.Logger
}

// Run feeds the watchdog until ctx is done, then returns nil. It probes and pings
// once at once and then every Timeout/2. It returns an error only when the
// Watchdog is misconfigured or $WATCHDOG_USEC is malformed, and returns nil
// straight away when systemd asked for no watchdog.
func (w *Watchdog) Run(ctx context.Context) error {
	if w.Probe == nil {
		return errors.New("systemd: Watchdog.Probe is nil; pass the call engine's loop round-trip (call.Client.Ping)")
	}
	log := w.Logger
	if log == nil {
		log = slog.Default()
	}
	if !w.Notifier.Enabled() {
		log.Debug("watchdog off: no NOTIFY_SOCKET")
		return nil
	}
	timeout := w.Timeout
	if timeout == 0 {
		var err error
		if timeout, err = WatchdogTimeout(); err != nil {
			return err
		}
		if timeout == 0 {
			log.Debug("watchdog off: the unit sets no WatchdogSec=")
			return nil
		}
	}
	if timeout < 0 || w.ProbeTimeout < 0 {
		return fmt.Errorf("systemd: Watchdog.Timeout %v and ProbeTimeout %v must not be negative", timeout, w.ProbeTimeout)
	}
	interval := timeout / 2
	probeTimeout := w.ProbeTimeout
	if probeTimeout == 0 {
		probeTimeout = timeout / 4
	}
	clk := w.Clock
	if clk == nil {
		clk = clock.Real
	}
	log.Debug("watchdog on", "timeout", timeout, "interval", interval, "probe_timeout", probeTimeout)

	failures := 0
	for {
		// The next beat is scheduled before this one runs, so a slow probe does
		// not stretch the interval.
		due := make(chan struct{}, 1)
		next := clk.AfterFunc(interval, func() { due <- struct{}{} })

		err := w.probe(ctx, clk, probeTimeout)
		switch {
		case ctx.Err() != nil:
			next.Stop()
			return nil
		case err != nil:
			failures++
			log.Error("watchdog: the call engine did not answer its liveness probe; withholding WATCHDOG=1 so that systemd restarts intercomd if this lasts",
				"err", err, "failures", failures, "restart_after", timeout)
		default:
			if failures > 0 {
				log.Warn("watchdog: the call engine answers again; resuming WATCHDOG=1", "failures", failures)
				failures = 0
			}
			if err := w.ping(); err != nil {
				log.Warn("watchdog: sending WATCHDOG=1 failed", "err", err)
			}
		}

		select {
		case <-ctx.Done():
			next.Stop()
			return nil
		case <-due:
		}
	}
}

// probe runs one Probe under a deadline kept by clk.
func (w *Watchdog) probe(ctx context.Context, clk clock.Clock, limit time.Duration) error {
	pctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	deadline := clk.AfterFunc(limit, func() { cancel(errProbeTimeout) })
	defer deadline.Stop()
	err := w.Probe(pctx)
	if err != nil && errors.Is(context.Cause(pctx), errProbeTimeout) {
		return fmt.Errorf("no answer within %v: %w", limit, err)
	}
	return err
}

func (w *Watchdog) ping() error {
	if w.Status != nil {
		return w.Notifier.watchdogStatus(w.Status())
	}
	return w.Notifier.Watchdog()
}
