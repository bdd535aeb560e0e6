// Package mqtttest starts real MQTT brokers for integration tests: Debian's
// mosquitto and the embedded broker (package broker), each on a free loopback
// port, stopped in t.Cleanup, with Kill and Restart on the same port so tests
// can inject broker restarts. Proxy cuts client connections the way a dead
// Wi-Fi link does, so brokers publish wills.
package mqtttest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// MosquittoPath is where Debian's mosquitto package installs the broker.
const MosquittoPath = "/usr/sbin/mosquitto"

// Broker is a broker under test that can be killed and restarted on the same
// ports.
type Broker interface {
	// URL is the TCP URL clients use: tcp://127.0.0.1:PORT.
	URL() string
	// WebSocketURL is ws://127.0.0.1:PORT/mqtt, or "" without a WebSocket listener.
	WebSocketURL() string
	// Kill stops the broker abruptly: clients see their connection drop.
	Kill()
	// Restart starts a killed broker again on the same ports and waits until it
	// accepts connections.
	Restart()
}

// MosquittoOptions configure NewMosquitto.
type MosquittoOptions struct {
	// WebSocket adds a websockets listener.
	WebSocket bool
	// Users (name → password) turn anonymous access off; the password file is
	// made with mosquitto_passwd.
	Users map[string]string
	// ACL is the text of an acl_file (mosquitto's syntax), optional.
	ACL string
	// Extra lines appended to the configuration file.
	Extra []string
}

// Mosquitto is a mosquitto process under test.
type Mosquitto struct {
	t       testing.TB
	conf    string
	port    int
	wsPort  int
	mu      sync.Mutex
	cmd     *exec.Cmd
	waitErr chan error
	log     *SyncBuffer
}

var _ Broker = (*Mosquitto)(nil)

// StartMosquitto starts mosquitto with a plain TCP listener and returns its
// URL (tcp://127.0.0.1:PORT). See NewMosquitto.
func StartMosquitto(t testing.TB) string {
	t.Helper()
	return NewMosquitto(t, MosquittoOptions{}).URL()
}

// NewMosquitto starts /usr/sbin/mosquitto on free loopback ports with a
// temporary configuration (anonymous access, no persistence, and
// set_tcp_nodelay true: without it Nagle's algorithm delays small messages
// by ~40 ms). It is stopped in t.Cleanup.
//
// When mosquitto is not installed the test is skipped, unless the environment
// variable CI is set: then the test fails, so CI cannot pass by skipping.
// Install it with: apt-get install mosquitto.
func NewMosquitto(t testing.TB, opts MosquittoOptions) *Mosquitto {
	t.Helper()
	requireBinary(t, MosquittoPath)
	m := &Mosquitto{t: t, port: FreePort(t)}
	dir := t.TempDir()
	lines := []string{"per_listener_settings false"}
	if os.Geteuid() == 0 {
		// Started as root, mosquitto drops to user mosquitto, which cannot
		// read the password and ACL files in the test's private directory.
		lines = append(lines, "user root")
	}
	if len(opts.Users) == 0 {
		lines = append(lines, "allow_anonymous true")
	} else {
		lines = append(lines, "allow_anonymous false", "password_file "+writePasswords(t, dir, opts.Users))
	}
	if opts.ACL != "" {
		acl := filepath.Join(dir, "acl")
		if err := os.WriteFile(acl, []byte(opts.ACL), 0o600); err != nil {
			t.Fatalf("mqtttest: write ACL: %v", err)
		}
		lines = append(lines, "acl_file "+acl)
	}
	lines = append(lines,
		"persistence false",
		"set_tcp_nodelay true",
		"log_dest stderr",
		"log_type error",
		"log_type warning",
		"log_type notice",
		fmt.Sprintf("listener %d 127.0.0.1", m.port),
	)
	if opts.WebSocket {
		m.wsPort = FreePort(t)
		// Debian's mosquitto ignores the bind address of a websockets listener
		// and binds every interface; tests only connect over loopback.
		lines = append(lines, fmt.Sprintf("listener %d 127.0.0.1", m.wsPort), "protocol websockets")
	}
	lines = append(lines, opts.Extra...)
	m.conf = filepath.Join(dir, "mosquitto.conf")
	if err := os.WriteFile(m.conf, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatalf("mqtttest: write mosquitto config: %v", err)
	}
	m.start()
	t.Cleanup(m.Kill)
	return m
}

// requireBinary skips the test when path is missing, or fails it when the
// environment variable CI is set: CI must not pass by skipping.
func requireBinary(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		msg := fmt.Sprintf("mqtttest: %s not found (%v); install it with `apt-get install mosquitto`", path, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (CI is set, so this test fails instead of skipping)")
		}
		t.Skip(msg)
	}
}

// writePasswords makes a mosquitto password file with mosquitto_passwd.
func writePasswords(t testing.TB, dir string, users map[string]string) string {
	t.Helper()
	const tool = "/usr/bin/mosquitto_passwd"
	requireBinary(t, tool)
	file := filepath.Join(dir, "passwd")
	for user, pass := range users {
		args := []string{"-b", file, user, pass}
		if _, err := os.Stat(file); err != nil {
			args = append([]string{"-c"}, args...)
		}
		if out, err := exec.Command(tool, args...).CombinedOutput(); err != nil {
			t.Fatalf("mqtttest: mosquitto_passwd %s: %v\n%s", user, err, out)
		}
	}
	return file
}

// URL is tcp://127.0.0.1:PORT.
func (m *Mosquitto) URL() string { return fmt.Sprintf("tcp://127.0.0.1:%d", m.port) }

// WebSocketURL is ws://127.0.0.1:PORT/mqtt, or "" without WebSocket.
func (m *Mosquitto) WebSocketURL() string {
	if m.wsPort == 0 {
		return ""
	}
	return fmt.Sprintf("ws://127.0.0.1:%d/mqtt", m.wsPort)
}

// Log returns what mosquitto has logged so far.
func (m *Mosquitto) Log() string { return m.log.String() }

func (m *Mosquitto) start() {
	m.t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.log = &SyncBuffer{}
	cmd := exec.Command(MosquittoPath, "-c", m.conf)
	cmd.Stdout = m.log
	cmd.Stderr = m.log
	if err := cmd.Start(); err != nil {
		m.t.Fatalf("mqtttest: start mosquitto: %v", err)
	}
	m.cmd = cmd
	m.waitErr = make(chan error, 1)
	go func() { m.waitErr <- cmd.Wait() }()
	ports := []int{m.port}
	if m.wsPort != 0 {
		ports = append(ports, m.wsPort)
	}
	for _, p := range ports {
		if err := waitListening(p, 5*time.Second, m.waitErr); err != nil {
			_ = cmd.Process.Kill()
			m.cmd = nil // Wait's result may have been consumed; do not wait again
			m.t.Fatalf("mqtttest: mosquitto did not start on port %d: %v\nconfig %s\nlog:\n%s", p, err, m.conf, m.log.String())
		}
	}
}

// Kill sends SIGKILL and waits for the process to exit. Clients see the
// connection drop; mosquitto publishes no wills when it dies itself.
func (m *Mosquitto) Kill() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cmd == nil {
		return
	}
	_ = m.cmd.Process.Kill()
	<-m.waitErr
	m.cmd = nil
}

// Restart starts mosquitto again on the same ports after Kill.
func (m *Mosquitto) Restart() {
	m.t.Helper()
	m.Kill()
	m.start()
}

// waitListening dials 127.0.0.1:port until it answers or timeout passes.
func waitListening(port int, timeout time.Duration, exited <-chan error) error {
	deadline := time.Now().Add(timeout)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case werr := <-exited:
			return fmt.Errorf("the process exited: %v", werr)
		default:
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("mqtttest: find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// SyncBuffer is a bytes.Buffer safe for a child process's output writers and
// the test reading it at once.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns everything written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func lookupEnv(k string) bool { return os.Getenv(k) != "" }
