// Package systemd is intercomd's side of running under systemd: it tells the
// service manager what the daemon is doing, proves to it that the daemon is alive,
// and writes logs the journal keeps structured. The unit file, the sysusers.d entry
// and the udev rule that go with it live in this folder too (see README.md).
//
// The package owns four things:
//
//   - [Notifier] speaks the sd_notify protocol: READY=1, STATUS=, RELOADING=1
//     with MONOTONIC_USEC, STOPPING=1 and WATCHDOG=1, as datagrams to
//     $NOTIFY_SOCKET. It is written here rather than taken from go-systemd's
//     daemon package because the protocol is one datagram per call, because the
//     Notifier must sanitise STATUS= text that may carry a peer's name from the
//     network (a newline would smuggle in READY=1 or WATCHDOG=1), and because
//     RELOADING=1 needs MONOTONIC_USEC, which go-systemd does not provide.
//   - [Watchdog] sends WATCHDOG=1 only after a liveness probe (the call engine's
//     loop round-trip) has answered, so a stuck loop stops the pings and systemd
//     restarts the service.
//   - [StatusLine] turns a call.Snapshot into the line `systemctl status` shows.
//   - [NewLogHandler] returns a slog.Handler that writes journal-friendly lines
//     (syslog priority prefixes) when stderr is connected to the journal, sends
//     native journal entries with one field per attribute (CALL_ID, PEER) when the
//     journal socket is there, and falls back to slog's text handler on a terminal.
//
// Without systemd (a terminal, a test, CI) every part is a silent no-op: no
// NOTIFY_SOCKET means no datagrams, no WATCHDOG_USEC means no watchdog, no
// JOURNAL_STREAM means plain text logs.
package systemd
