package main

import (
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/intercomd/intercomd/internal/mqtttest"
)

// notifySocket listens where systemd would (NOTIFY_SOCKET) and collects what
// the daemon says.
type notifySocket struct {
	path string
	conn *net.UnixConn
	got  chan string
}

func listenNotify(t *testing.T) *notifySocket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	n := &notifySocket{path: path, conn: conn, got: make(chan string, 256)}
	go func() {
		buf := make([]byte, 4096)
		for {
			k, err := conn.Read(buf)
			if err != nil {
				close(n.got)
				return
			}
			n.got <- string(buf[:k])
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return n
}

// expect waits for a datagram containing every one of want.
func (n *notifySocket) expect(t *testing.T, want ...string) string {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case msg := <-n.got:
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(msg, w)
			}
			if ok {
				return msg
			}
		case <-timeout:
			t.Fatalf("systemd was never told %q", want)
		}
	}
}

// TestSystemdNotify runs the daemon as systemd would: READY=1 once it is up,
// STATUS lines that follow the call, WATCHDOG=1 pings from the call engine's
// loop, RELOADING=1 then READY=1 on SIGHUP, STOPPING=1 on SIGTERM.
func TestSystemdNotify(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	n := listenNotify(t)
	cfg := filepath.Join(t.TempDir(), "door.yaml")
	os.WriteFile(cfg, []byte(stationConfig("door", "door-pi", "panel", url)), 0o600)
	p := &proc{cfg: cfg, log: &mqtttest.SyncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(binary, "run", "--config", cfg)
	p.cmd.Env = append(os.Environ(), "NOTIFY_SOCKET="+n.path, "WATCHDOG_USEC=2000000")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { p.stop(t) })
	// WATCHDOG_PID is unset, so the pings are for whoever reads them.

	n.expect(t, "READY=1")
	n.expect(t, "STATUS=idle")
	n.expect(t, "WATCHDOG=1")

	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	ctl(t, panel.cfg, "call", "--to", "door")
	n.expect(t, "STATUS=ringing from panel")
	ctl(t, panel.cfg, "end")
	n.expect(t, "STATUS=idle")

	p.cmd.Process.Signal(syscall.SIGHUP)
	reload := n.expect(t, "RELOADING=1")
	if !strings.Contains(reload, "MONOTONIC_USEC=") {
		t.Fatalf("RELOADING=1 without MONOTONIC_USEC: %q", reload)
	}
	n.expect(t, "READY=1")
	p.waitLog(t, "configuration reloaded", 5*time.Second)

	p.cmd.Process.Signal(syscall.SIGTERM)
	n.expect(t, "STOPPING=1")
	<-p.done
	if code := p.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("exit status %d after SIGTERM:\n%s", code, p.log.String())
	}
}

// TestReloadRefusesBadConfig checks that an invalid file on SIGHUP is refused
// with the reason and the daemon goes on with the old configuration.
func TestReloadRefusesBadConfig(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	os.WriteFile(door.cfg, []byte("user: door\nlog:\n  level: loud\n"), 0o600)
	door.cmd.Process.Signal(syscall.SIGHUP)
	door.waitLog(t, "reload refused; keeping the running configuration", 5*time.Second)
	door.waitLog(t, `log.level \"loud\"`, time.Second)
	select {
	case <-door.done:
		t.Fatalf("the daemon exited after a bad reload:\n%s", door.log.String())
	case <-time.After(200 * time.Millisecond):
	}
}

// TestHTTPS serves the page over TLS with a configured certificate, as phones
// need for the microphone.
func TestHTTPS(t *testing.T) {
	cert, key := mqtttest.WriteCert(t)
	port := mqtttest.FreePort(t)
	yaml := strings.Replace(stationConfig("door", "door-pi", "panel", mqtttest.StartMosquitto(t)),
		"http:\n  listen: \"\"\n", fmt.Sprintf("http:\n  listen: 127.0.0.1:%d\n  tls_cert: %s\n  tls_key: %s\n", port, cert, key), 1)
	door := startDaemon(t, "door", yaml)
	door.waitLog(t, "https://127.0.0.1:", time.Second)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // the test's own certificate
	resp, err := client.Get(fmt.Sprintf("https://127.0.0.1:%d/", port))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<html") {
		t.Fatalf("GET / over https: %d\n%.200s", resp.StatusCode, body)
	}
}
