package systemd

import (
	"fmt"
	"net"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxStatusBytes bounds one STATUS= text. systemd reads notify datagrams into a
// buffer of a few kilobytes; a status line is meant for one terminal line anyway.
const maxStatusBytes = 512

// Notifier sends service state to systemd over the sd_notify protocol. Create it
// with NewNotifier. Without NOTIFY_SOCKET every method is a no-op that returns nil,
// and so is every method of a nil *Notifier. It is safe for concurrent use.
type Notifier struct {
	socket string
}

// NewNotifier returns a Notifier for the socket systemd named in $NOTIFY_SOCKET,
// read once now. The unit must say NotifyAccess=main (intercomd.service does), so
// that child processes which inherit the variable cannot change the service state.
func NewNotifier() *Notifier {
	return &Notifier{socket: os.Getenv("NOTIFY_SOCKET")}
}

// Enabled reports whether the Notifier sends anything: whether the daemon was
// started by systemd with Type=notify.
func (n *Notifier) Enabled() bool { return n != nil && n.socket != "" }

// Ready tells systemd that start-up is finished (READY=1): the broker connection,
// devices and panel are up. systemd starts units ordered after intercomd only
// then. Call it again after a reload announced with Reloading.
func (n *Notifier) Ready() error { return n.send("READY=1") }

// Status sets the free-form line `systemctl status` shows (STATUS=...), usually
// a StatusLine. Control characters, which could otherwise inject notify
// assignments, are replaced with spaces, and overlong text is cut.
func (n *Notifier) Status(status string) error {
	return n.send("STATUS=" + cleanStatus(status))
}

// Reloading tells systemd that the daemon is re-reading its configuration
// (RELOADING=1 with MONOTONIC_USEC, which systemd 253+ uses to match the message
// to the reload job and 252 ignores). Send it when SIGHUP arrives, before reading
// the file; send Ready when the reload is done, whether the new configuration was
// taken or refused, or systemctl reload waits until its timeout.
func (n *Notifier) Reloading() error {
	if !n.Enabled() {
		return nil
	}
	usec, err := monotonicMicros()
	if err != nil {
		return fmt.Errorf("systemd: reading CLOCK_MONOTONIC for RELOADING=1: %w", err)
	}
	return n.send(fmt.Sprintf("RELOADING=1\nMONOTONIC_USEC=%d", usec))
}

// Stopping tells systemd that shutdown has begun (STOPPING=1), so that
// `systemctl status` says "deactivating" while calls are hung up.
func (n *Notifier) Stopping() error { return n.send("STOPPING=1") }

// Watchdog sends one keep-alive (WATCHDOG=1). The daemon should not call it
// directly: Watchdog calls it after its liveness probe answers.
func (n *Notifier) Watchdog() error { return n.send("WATCHDOG=1") }

// watchdogStatus sends a keep-alive and a status line in one datagram.
func (n *Notifier) watchdogStatus(status string) error {
	return n.send("WATCHDOG=1\nSTATUS=" + cleanStatus(status))
}

// send writes state as one datagram. A fresh connection per message keeps the
// Notifier free of state, and notify messages are rare (a few a minute).
func (n *Notifier) send(state string) error {
	if !n.Enabled() {
		return nil
	}
	// Go's net package maps a leading '@' to Linux's abstract namespace itself.
	if n.socket[0] != '/' && n.socket[0] != '@' {
		return fmt.Errorf("systemd: NOTIFY_SOCKET=%q is neither an absolute path nor an abstract socket name; unset it when intercomd is not started by systemd", n.socket)
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: n.socket, Net: "unixgram"})
	if err != nil {
		return fmt.Errorf("systemd: connecting to NOTIFY_SOCKET %s: %w; unset NOTIFY_SOCKET when intercomd is not started by systemd", n.socket, err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(state)); err != nil {
		return fmt.Errorf("systemd: sending %q to NOTIFY_SOCKET %s: %w", firstLine(state), n.socket, err)
	}
	return nil
}

// cleanStatus makes s safe as the value of one STATUS= assignment.
func cleanStatus(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	if len(s) > maxStatusBytes {
		cut := maxStatusBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
