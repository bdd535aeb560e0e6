package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// binary is the intercomd built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "intercomd-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "intercomd")
	// Daemons without security.key_file keep their key under XDG_STATE_HOME:
	// here, not in the home of whoever runs the tests.
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building intercomd:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// proc is a running intercomd with its log.
type proc struct {
	cmd  *exec.Cmd
	cfg  string
	log  *mqtttest.SyncBuffer
	done chan struct{}
}

// startDaemon writes yaml to a config file and runs intercomd run on it.
func startDaemon(t *testing.T, name, yaml string) *proc {
	t.Helper()
	return startBinary(t, binary, name, yaml)
}

// startBinary is startDaemon with another intercomd binary.
func startBinary(t *testing.T, binary, name, yaml string) *proc {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), name+".yaml")
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	p := &proc{cfg: cfg, log: &mqtttest.SyncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(binary, "run", "--config", cfg)
	p.cmd.Stderr = p.log
	p.cmd.Stdout = p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.stop(t)
		if t.Failed() {
			t.Logf("%s log:\n%s", name, p.log.String())
		}
	})
	p.waitLog(t, "intercomd ready", 15*time.Second)
	return p
}

func (p *proc) waitLog(t *testing.T, want string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(p.log.String(), want) {
		select {
		case <-p.done:
			t.Fatalf("intercomd exited before logging %q:\n%s", want, p.log.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("intercomd did not log %q within %s:\n%s", want, d, p.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (p *proc) stop(t *testing.T) {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		t.Errorf("intercomd did not stop within 10s of SIGTERM")
	}
}

// ctl runs `intercomd ctl args...` against the daemon configured by cfg.
func ctl(t *testing.T, cfg string, args ...string) string {
	t.Helper()
	out, err := exec.Command(binary, append(append([]string{"ctl"}, args...), "--config", cfg)...).CombinedOutput()
	if err != nil {
		t.Fatalf("intercomd ctl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// stateWatcher follows the retained state topics of every device.
type stateWatcher struct {
	mu     sync.Mutex
	states map[string][]state
}

func watchStates(t *testing.T, url string) *stateWatcher {
	w := &stateWatcher{states: map[string][]state{}}
	c := paho.NewClient(paho.NewClientOptions().AddBroker(url).SetClientID("e2e-watcher"))
	if tok := c.Connect(); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	t.Cleanup(func() { c.Disconnect(100) })
	tok := c.Subscribe(mqttsignal.StateTopic("+"), 1, func(_ paho.Client, m paho.Message) {
		var s state
		if err := json.Unmarshal(m.Payload(), &s); err != nil {
			t.Errorf("state payload %q: %v", m.Payload(), err)
			return
		}
		device := strings.TrimPrefix(m.Topic(), mqttsignal.StateTopic(""))
		w.mu.Lock()
		w.states[device] = append(w.states[device], s)
		w.mu.Unlock()
	})
	tok.Wait()
	return w
}

// wait returns the first state of device, from now on or already seen, that ok accepts.
func (w *stateWatcher) wait(t *testing.T, device string, what string, ok func(state) bool) state {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		w.mu.Lock()
		for _, s := range w.states[device] {
			if ok(s) {
				w.mu.Unlock()
				return s
			}
		}
		w.mu.Unlock()
		if time.Now().After(deadline) {
			t.Fatalf("%s: no state with %s within 15s", device, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// snapshot returns the states of device seen so far.
func (w *stateWatcher) snapshot(device string) []state {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]state(nil), w.states[device]...)
}

func (w *stateWatcher) reset() {
	w.mu.Lock()
	w.states = map[string][]state{}
	w.mu.Unlock()
}

func stationConfig(user, device, target, mqtt string) string {
	return fmt.Sprintf(`user: %s
device: %s
name: %s station
target: %s
channels: [home]
mqtt:
  url: %s
http:
  listen: ""
media:
  width: 320
  height: 180
telemetry:
  stats_interval: 300ms
`, user, device, user, target, mqtt)
}

// TestTwoDaemonsCall starts two intercomd processes on mosquitto, has one call
// the other through `intercomd ctl`, and checks both connect and media flows
// both ways before the call is ended.
func TestTwoDaemonsCall(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	states := watchStates(t, url)

	ctl(t, door.cfg, "call") // to the configured target: panel
	states.wait(t, "panel-1", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, panel.cfg, "accept")
	for _, dev := range []string{"door-pi", "panel-1"} {
		first := states.wait(t, dev, "status connected", func(s state) bool { return s.Status == "connected" })
		if first.Call == nil || first.Call.CallerID != "door" || first.Call.CalleeID != "panel" {
			t.Fatalf("%s: connected state without the call: %+v", dev, first)
		}
		// Media counters rise: two later states with more received frames.
		var seen uint64
		for range 2 {
			s := states.wait(t, dev, fmt.Sprintf("more than %d frames and audio", seen), func(s state) bool {
				return s.Media != nil && s.Media.VideoFramesReceived > seen && s.Media.AudioPacketsReceived > 0
			})
			seen = s.Media.VideoFramesReceived
		}
		t.Logf("%s: received %d video frames", dev, seen)
	}
	states.reset()
	ctl(t, door.cfg, "end")
	for _, dev := range []string{"door-pi", "panel-1"} {
		states.wait(t, dev, "status idle", func(s state) bool { return s.Status == "idle" })
	}
	panel.waitLog(t, "reason=hangup", 5*time.Second)
}

// TestCtlErrorsAreNamed checks that a refused command comes back to the CLI.
func TestCtlErrorsAreNamed(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	out, err := exec.Command(binary, "ctl", "accept", "--config", door.cfg).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no incoming call is ringing") {
		t.Fatalf("ctl accept while idle: err=%v out=%s", err, out)
	}
	// This machine has no sound card: the daemon says so rather than pretend.
	out, err = exec.Command(binary, "ctl", "mute", "--config", door.cfg).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no sound card is in use") {
		t.Fatalf("ctl mute without a sound card: err=%v out=%s", err, out)
	}
	if out := ctl(t, door.cfg, "dnd"); !strings.Contains(out, "dnd: ok") {
		t.Fatalf("ctl dnd: %s", out)
	}
}

// TestSIGTERMHangsUp checks that stopping a daemon mid-call ends the call on
// the other side with a hangup and publishes the stopped station offline.
func TestSIGTERMHangsUp(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	states := watchStates(t, url)
	ctl(t, door.cfg, "call")
	states.wait(t, "panel-1", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, panel.cfg, "accept")
	states.wait(t, "door-pi", "status connected", func(s state) bool { return s.Status == "connected" })
	door.stop(t)
	panel.waitLog(t, "reason=hangup", 5*time.Second)
	states.wait(t, "panel-1", "status idle", func(s state) bool { return s.Status == "idle" })
}

// TestEmbeddedBroker runs the door on its embedded broker and the panel
// against it, and places a call.
func TestEmbeddedBroker(t *testing.T) {
	port := mqtttest.FreePort(t)
	wsPort := mqtttest.FreePort(t)
	url := fmt.Sprintf("tcp://127.0.0.1:%d", port)
	doorYAML := strings.Replace(stationConfig("door", "door-pi", "panel", ""), "mqtt:\n  url: \n", fmt.Sprintf("broker:\n  tcp: 127.0.0.1:%d\n  websocket: 127.0.0.1:%d\n", port, wsPort), 1)
	door := startDaemon(t, "door", doorYAML)
	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	states := watchStates(t, url)
	ctl(t, panel.cfg, "call")
	states.wait(t, "door-pi", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, door.cfg, "accept", "--video=false")
	states.wait(t, "panel-1", "media received", func(s state) bool {
		return s.Status == "connected" && s.Media != nil && s.Media.AudioPacketsReceived > 0 && s.Media.VideoFramesReceived == 0
	})
	states.wait(t, "door-pi", "video received", func(s state) bool {
		return s.Status == "connected" && s.Media != nil && s.Media.VideoFramesReceived > 0
	})
	ctl(t, panel.cfg, "end")
	states.wait(t, "door-pi", "status idle", func(s state) bool { return s.Status == "idle" && s.Call == nil })
}

// TestDevicesCommand lists devices on this machine and refuses a camera that
// is not there, naming it.
func TestDevicesCommand(t *testing.T) {
	out, err := exec.Command(binary, "devices").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "intercomd would use") || !strings.Contains(string(out), "ALSA capture devices") {
		t.Fatalf("intercomd devices: %v\n%s", err, out)
	}
	cfg := filepath.Join(t.TempDir(), "cam.yaml")
	os.WriteFile(cfg, []byte("media:\n  camera: /dev/video99\n"), 0o600)
	out, err = exec.Command(binary, "devices", "--config", cfg).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "/dev/video99") {
		t.Fatalf("intercomd devices with a missing camera: err=%v\n%s", err, out)
	}
}

// TestNoCgoBuildAnswersReceiveOnly runs a CGO_ENABLED=0 intercomd (no H.264
// or Opus encoder, as on a Pi Zero 1): it starts, says why it cannot send, and
// answers a call in which it receives the caller's media.
func TestNoCgoBuildAnswersReceiveOnly(t *testing.T) {
	nocgo := filepath.Join(t.TempDir(), "intercomd-nocgo")
	build := exec.Command("go", "build", "-o", nocgo, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 build: %v\n%s", err, out)
	}
	url := mqtttest.StartMosquitto(t)
	door := startBinary(t, nocgo, "door", stationConfig("door", "door-pi", "panel", url))
	door.waitLog(t, "calls are receive-only", time.Second)
	panel := startDaemon(t, "panel", stationConfig("panel", "panel-1", "door", url))
	states := watchStates(t, url)
	ctl(t, panel.cfg, "call", "--to", "door")
	states.wait(t, "door-pi", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, door.cfg, "accept")
	states.wait(t, "door-pi", "video received", func(s state) bool {
		return s.Status == "connected" && s.Media != nil && s.Media.VideoFramesReceived > 0 && s.Media.AudioPacketsReceived > 0
	})
	states.wait(t, "panel-1", "connected, receiving nothing", func(s state) bool {
		return s.Status == "connected" && s.Media != nil && s.Media.VideoFramesReceived == 0
	})
	ctl(t, panel.cfg, "end")
}

// TestVideoSink has an indoor panel pass the door's video on to a file, as it
// would to a player: the file holds an H.264 stream that starts on a keyframe.
func TestVideoSink(t *testing.T) {
	url := mqtttest.StartMosquitto(t)
	dir := t.TempDir()
	door := startDaemon(t, "door", stationConfig("door", "door-pi", "panel", url))
	panelYAML := strings.Replace(stationConfig("panel", "panel-1", "door", url), "media:\n",
		"media:\n  video_sink: file:"+filepath.Join(dir, "{call}.h264")+"\n", 1)
	panel := startDaemon(t, "panel", panelYAML)
	states := watchStates(t, url)
	ctl(t, door.cfg, "call")
	states.wait(t, "panel-1", "status ringing", func(s state) bool { return s.Status == "ringing" })
	ctl(t, panel.cfg, "accept")
	states.wait(t, "panel-1", "video received", func(s state) bool {
		return s.Media != nil && s.Media.VideoFramesReceived > 20
	})
	ctl(t, panel.cfg, "end")
	states.wait(t, "panel-1", "status idle", func(s state) bool { return s.Status == "idle" })
	files, _ := filepath.Glob(filepath.Join(dir, "*.h264"))
	if len(files) != 1 {
		t.Fatalf("video sink files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	// Annex-B: a start code, then the SPS (NAL type 7) the keyframe starts with.
	if len(data) < 1000 || !strings.HasPrefix(string(data), "\x00\x00\x00\x01") && !strings.HasPrefix(string(data), "\x00\x00\x01") {
		t.Fatalf("video sink wrote %d bytes, not an Annex-B stream", len(data))
	}
	if i := strings.Index(string(data), "\x00\x00\x01"); data[i+3]&0x1f != 7 {
		t.Fatalf("the stream starts with NAL type %d, not an SPS", data[i+3]&0x1f)
	}
}
