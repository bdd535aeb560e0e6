package systemd

import "golang.org/x/sys/unix"

// monotonicMicros reads CLOCK_MONOTONIC in microseconds, the clock systemd uses
// for MONOTONIC_USEC. Go's time package keeps its monotonic reading private.
func monotonicMicros() (int64, error) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return 0, err
	}
	return ts.Nano() / 1000, nil
}
