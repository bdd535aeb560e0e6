package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/intercomd/intercomd/internal/mqtttest"
)

// signedStation is a station configuration with its own key and trusted-keys
// file in dir, and its enrollment line.
type signedStation struct {
	yaml, cfg, line string
}

func newSignedStation(t *testing.T, user, device, target, url string) signedStation {
	t.Helper()
	dir := t.TempDir()
	yaml := stationConfig(user, device, target, url) + fmt.Sprintf(`call:
  ring_timeout: 3s
security:
  key_file: %s
  trusted_keys: %s
`, filepath.Join(dir, "device.key"), filepath.Join(dir, "trusted_keys"))
	cfg := filepath.Join(dir, "intercomd.yaml")
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(keys(t, "init", "--config", cfg))
	if !strings.HasPrefix(line, user+" "+device+" ed25519:") {
		t.Fatalf("keys init printed %q, want an enrollment line for %s/%s", line, user, device)
	}
	return signedStation{yaml: yaml, cfg: cfg, line: line}
}

func keys(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(binary, append([]string{"keys"}, args...)...).Output()
	if err != nil {
		t.Fatalf("intercomd keys %s: %v\n%s", strings.Join(args, " "), err, stderrOf(err))
	}
	return string(out)
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// TestSignedSignaling runs three daemons on mosquitto. The door and the panel
// have enrolled each other's keys with `intercomd keys add`; the gate is
// enrolled nowhere. The door and the panel call each other; the gate's call
// is dropped by the door unheard; after `keys add` and a reload it rings.
func TestSignedSignaling(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	doorS := newSignedStation(t, "door", "door-pi", "panel", url)
	panelS := newSignedStation(t, "panel", "panel-1", "door", url)
	gateS := newSignedStation(t, "gate", "gate-pi", "door", url)
	keys(t, "add", "--config", doorS.cfg, panelS.line)
	keys(t, "add", "--config", panelS.cfg, doorS.line)
	keys(t, "add", "--config", gateS.cfg, doorS.line)
	if list := keys(t, "list", "--config", doorS.cfg); strings.TrimSpace(list) != panelS.line {
		t.Fatalf("door's trusted keys:\n%s\nwant only %s", list, panelS.line)
	}

	door := startDaemon(t, "door", doorS.yaml)
	panel := startDaemon(t, "panel", panelS.yaml)
	gate := startDaemon(t, "gate", gateS.yaml)
	door.waitLog(t, "signaling is signed and checked", time.Second)
	states := watchStates(t, url)

	ctl(t, door.cfg, "call")
	states.wait(t, "panel-1", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, panel.cfg, "accept")
	for _, dev := range []string{"door-pi", "panel-1"} {
		states.wait(t, dev, "status connected", func(s state) bool { return s.Status == "connected" })
	}
	ctl(t, panel.cfg, "end")
	states.wait(t, "door-pi", "status idle", func(s state) bool { return s.Status == "idle" })

	// The gate is not enrolled at the door: its invite is dropped before it
	// touches the door's call state, and the gate hears nothing.
	states.reset()
	ctl(t, gate.cfg, "call")
	door.waitLog(t, "reason=unknown-sender", 5*time.Second)
	gate.waitLog(t, "reason=no-answer", 10*time.Second)
	for _, s := range states.snapshot("door-pi") {
		if s.Status != "idle" {
			t.Fatalf("the door left idle (%s) for an unenrolled caller", s.Status)
		}
	}

	// Enroll the gate and reload: now it rings.
	keys(t, "add", "--config", doorS.cfg, gateS.line)
	door.cmd.Process.Signal(syscall.SIGHUP)
	door.waitLog(t, "trusted_keys=2", 5*time.Second)
	ctl(t, gate.cfg, "call")
	states.wait(t, "door-pi", "status ringing", func(s state) bool { return s.Status == "ringing" })
}

func TestKeysErrors(t *testing.T) {
	s := newSignedStation(t, "door", "door-pi", "panel", "tcp://127.0.0.1:1")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--config", s.cfg, "alice phone ed25519:AAAA"}, "holds 3 bytes; an Ed25519 public key has 32"},
		{[]string{"add", "--config", s.cfg}, "give the enrollment line in quotes"},
		{[]string{"remove", "--config", s.cfg, "alice", "phone"}, "alice/phone is not enrolled"},
		{[]string{"frobnicate"}, `unknown subcommand "frobnicate"`},
	} {
		out, err := exec.Command(binary, append([]string{"keys"}, tc.args...)...).CombinedOutput()
		if err == nil || !strings.Contains(string(out), tc.want) {
			t.Errorf("keys %v: err=%v out=%s; want %q", tc.args, err, out, tc.want)
		}
	}
	// A second key for an enrolled device is refused unless --replace.
	other := newSignedStation(t, "door", "door-pi", "panel", "tcp://127.0.0.1:1")
	keys(t, "add", "--config", s.cfg, other.line)
	clash := strings.Replace(s.line, "door door-pi", "door door-pi", 1)
	if out, err := exec.Command(binary, "keys", "add", "--config", s.cfg, clash).CombinedOutput(); err == nil || !strings.Contains(string(out), "already enrolled") {
		t.Fatalf("a second key for door/door-pi: err=%v out=%s", err, out)
	}
	keys(t, "add", "--config", s.cfg, "--replace", clash)
}
