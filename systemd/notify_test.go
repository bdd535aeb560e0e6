package systemd

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/intercomd/intercomd/clock/clocktest"
)

// notifySocket is a stand-in for systemd's end of NOTIFY_SOCKET: a real unixgram
// socket in a temporary directory.
type notifySocket struct {
	t    *testing.T
	conn *net.UnixConn
	path string
}

// listenNotify binds a notify socket and points $NOTIFY_SOCKET at it.
func listenNotify(t *testing.T) *notifySocket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatalf("binding a notify socket at %s: %v", path, err)
	}
	t.Cleanup(func() { conn.Close() })
	t.Setenv("NOTIFY_SOCKET", path)
	return &notifySocket{t: t, conn: conn, path: path}
}

// next returns the next datagram, failing the test when none comes within 5s.
func (s *notifySocket) next() string {
	s.t.Helper()
	msg, err := s.read(5 * time.Second)
	if err != nil {
		s.t.Fatalf("waiting for a notify message: %v", err)
	}
	return msg
}

// none fails the test when a datagram arrives within a short while.
func (s *notifySocket) none() {
	s.t.Helper()
	if msg, err := s.read(50 * time.Millisecond); err == nil {
		s.t.Fatalf("unexpected notify message %q", msg)
	}
}

func (s *notifySocket) read(wait time.Duration) (string, error) {
	buf := make([]byte, 4096)
	if err := s.conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
		return "", err
	}
	n, _, err := s.conn.ReadFromUnix(buf)
	if err != nil {
		return "", err
	}
	return string(buf[:n]), nil
}

// TestNotifierLifecycle walks a daemon's life as systemd sees it: ready, a status
// line, the watchdog's first ping, a reload and its end, then shutdown. Every
// message must arrive, whole and in order, on the socket named by NOTIFY_SOCKET.
func TestNotifierLifecycle(t *testing.T) {
	sock := listenNotify(t)
	n := NewNotifier()
	if !n.Enabled() {
		t.Fatal("Notifier with NOTIFY_SOCKET set reports Enabled() == false")
	}

	must(t, n.Ready())
	if got := sock.next(); got != "READY=1" {
		t.Fatalf("after Ready got %q, want READY=1", got)
	}
	must(t, n.Status("ringing from door"))
	if got := sock.next(); got != "STATUS=ringing from door" {
		t.Fatalf("after Status got %q", got)
	}

	clk := clocktest.New(time.Unix(1000, 0))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	wd := &Watchdog{Probe: func(context.Context) error { return nil }, Notifier: n, Timeout: 30 * time.Second, Clock: clk}
	go func() { done <- wd.Run(ctx) }()
	if got := sock.next(); got != "WATCHDOG=1" {
		t.Fatalf("after starting the Watchdog got %q, want WATCHDOG=1", got)
	}
	cancel()
	must(t, <-done)

	before := monotonicNow(t)
	must(t, n.Reloading())
	after := monotonicNow(t)
	got := sock.next()
	fields := strings.Split(got, "\n")
	if len(fields) != 2 || fields[0] != "RELOADING=1" || !strings.HasPrefix(fields[1], "MONOTONIC_USEC=") {
		t.Fatalf("after Reloading got %q, want RELOADING=1 and MONOTONIC_USEC=<µs>", got)
	}
	usec, err := strconv.ParseInt(strings.TrimPrefix(fields[1], "MONOTONIC_USEC="), 10, 64)
	if err != nil || usec < before || usec > after {
		t.Fatalf("MONOTONIC_USEC in %q is not a CLOCK_MONOTONIC reading between %d and %d", got, before, after)
	}
	must(t, n.Ready())
	if got := sock.next(); got != "READY=1" {
		t.Fatalf("after the reload's Ready got %q, want READY=1", got)
	}
	must(t, n.Stopping())
	if got := sock.next(); got != "STOPPING=1" {
		t.Fatalf("after Stopping got %q, want STOPPING=1", got)
	}
	sock.none()
}

func TestNotifierAbstractSocket(t *testing.T) {
	name := fmt.Sprintf("@intercomd-test-%d-%d", os.Getpid(), time.Now().UnixNano())
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		t.Fatalf("binding abstract socket %s: %v", name, err)
	}
	defer conn.Close()
	t.Setenv("NOTIFY_SOCKET", name)
	must(t, NewNotifier().Ready())
	sock := &notifySocket{t: t, conn: conn}
	if got := sock.next(); got != "READY=1" {
		t.Fatalf("got %q on abstract socket, want READY=1", got)
	}
}

// TestNotifierWithoutSystemd: without NOTIFY_SOCKET, as on a terminal or in CI,
// every method is a silent no-op, on a nil Notifier too.
func TestNotifierWithoutSystemd(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", "")
	for name, n := range map[string]*Notifier{"unset": NewNotifier(), "nil": nil} {
		if n.Enabled() {
			t.Errorf("%s Notifier: Enabled() == true without NOTIFY_SOCKET", name)
		}
		for _, err := range []error{n.Ready(), n.Status("idle"), n.Reloading(), n.Stopping(), n.Watchdog()} {
			if err != nil {
				t.Errorf("%s Notifier: %v, want nil without NOTIFY_SOCKET", name, err)
			}
		}
	}
}

func TestNotifierErrorsNameTheSocket(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.sock")
	for _, tc := range []struct{ socket, want string }{
		{"relative.sock", `NOTIFY_SOCKET="relative.sock" is neither an absolute path nor an abstract socket name`},
		{missing, "connecting to NOTIFY_SOCKET " + missing},
	} {
		t.Setenv("NOTIFY_SOCKET", tc.socket)
		err := NewNotifier().Ready()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NOTIFY_SOCKET=%s: Ready() = %v, want an error containing %q", tc.socket, err, tc.want)
		}
	}
}

// TestNotifierStatusCannotInject: a peer name from the network must not add
// assignments of its own (READY=1, WATCHDOG=1) to a STATUS= message.
func TestNotifierStatusCannotInject(t *testing.T) {
	sock := listenNotify(t)
	n := NewNotifier()
	must(t, n.Status("ringing from evil\nWATCHDOG=1\r\nREADY=1"))
	if got := sock.next(); got != "STATUS=ringing from evil WATCHDOG=1  READY=1" {
		t.Fatalf("got %q, want one STATUS= line with the control characters blanked", got)
	}
	must(t, n.Status(strings.Repeat("é", 1000)))
	got := strings.TrimPrefix(sock.next(), "STATUS=")
	if len(got) > maxStatusBytes || len(got) < maxStatusBytes-1 || !utf8.ValidString(got) {
		t.Fatalf("a 2000-byte status became %d bytes (valid UTF-8: %v), want it cut to at most %d on a rune boundary", len(got), utf8.ValidString(got), maxStatusBytes)
	}
}

func TestWatchdogTimeout(t *testing.T) {
	pid := strconv.Itoa(os.Getpid())
	for _, tc := range []struct {
		name, usec, pid string
		want            time.Duration
		wantErr         bool
	}{
		{name: "unset"},
		{name: "set", usec: "30000000", want: 30 * time.Second},
		{name: "for this process", usec: "30000000", pid: pid, want: 30 * time.Second},
		{name: "for another process", usec: "30000000", pid: "1"},
		{name: "malformed", usec: "30s", wantErr: true},
		{name: "zero", usec: "0", wantErr: true},
		{name: "malformed pid", usec: "30000000", pid: "me", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("WATCHDOG_USEC", tc.usec)
			t.Setenv("WATCHDOG_PID", tc.pid)
			got, err := WatchdogTimeout()
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Fatalf("WatchdogTimeout() = %v, %v; want %v, error %v", got, err, tc.want, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "WATCHDOG_") {
				t.Fatalf("error %q does not name the variable", err)
			}
		})
	}
}

func monotonicNow(t *testing.T) int64 {
	t.Helper()
	usec, err := monotonicMicros()
	if err != nil {
		t.Fatal(err)
	}
	return usec
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
