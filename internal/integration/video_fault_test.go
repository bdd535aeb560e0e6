package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/internal/mqtttest"
)

// fakeRpicamScript stands in for rpicam-vid: it writes a real H.264
// recording (30 pictures, an IDR every 10) to stdout once a second, for
// ever, and takes orders from files in its state directory: "crash" makes it
// exit 1 with rpicam-vid's camera-timeout message, "hang" makes it stop
// writing without exiting (a camera that froze). Each start appends a line
// to "starts".
const fakeRpicamScript = `#!/bin/sh
state=%q
h264=%q
echo start >>"$state/starts"
while :; do
	if [ -e "$state/crash" ]; then
		rm -f "$state/crash"
		echo "ERROR: *** camera timed out ***" >&2
		exit 1
	fi
	if [ -e "$state/hang" ]; then
		rm -f "$state/hang"
		exec sleep 1000
	fi
	cat "$h264"
	sleep 1
done
`

type fakeRpicam struct {
	t     *testing.T
	dir   string
	path  string
	mu    sync.Mutex
	errs  []error
	errAt []time.Time
}

func newFakeRpicam(t *testing.T) *fakeRpicam {
	h264, err := filepath.Abs("../../device/testdata/doorbell-320x240.h264")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f := &fakeRpicam{t: t, dir: dir, path: filepath.Join(dir, "rpicam-vid")}
	if err := os.WriteFile(f.path, fmt.Appendf(nil, fakeRpicamScript, dir, h264), 0o755); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeRpicam) order(what string) {
	if err := os.WriteFile(filepath.Join(f.dir, what), nil, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fakeRpicam) starts() int {
	b, _ := os.ReadFile(filepath.Join(f.dir, "starts"))
	return strings.Count(string(b), "start")
}

func (f *fakeRpicam) onError(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, err)
	f.errAt = append(f.errAt, time.Now())
}

// waitError waits for the n-th device error and returns it with its time.
func (f *fakeRpicam) waitError(n int) (error, time.Time) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		f.mu.Lock()
		if len(f.errs) >= n {
			defer f.mu.Unlock()
			return f.errs[n-1], f.errAt[n-1]
		}
		f.mu.Unlock()
		if time.Now().After(deadline) {
			f.t.Fatalf("rpicam-vid: no device error number %d within 20 s", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCameraFailsMidCall runs a call whose video comes from rpicam-vid (a
// fake one playing a real H.264 recording) and breaks the camera during
// the connected call: rpicam-vid crashes (exits 1), then it hangs (stops
// writing without exiting). Each time the call must stay connected, audio
// must keep flowing, and video must come back by itself once the camera's
// restart backoff (1 s) has passed, with no new call.
func TestCameraFailsMidCall(t *testing.T) {
	cam := newFakeRpicam(t)
	log := mqtttest.Logger(t)
	video, err := device.OpenPlan(
		device.VideoPlan{Kind: device.PlanRpicam, Rpicam: cam.path, Size: device.FrameSize{Width: 320, Height: 240}, FPS: 15},
		device.VideoConfig{Width: 320, Height: 240, FPS: 15, StreamID: "door-pi", OnError: cam.onError, Logger: log},
	)
	if err != nil {
		t.Fatal(err)
	}
	audio, err := device.NewSynthetic(device.SyntheticConfig{NoVideo: true, StreamID: "door-pi", Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	src := device.Combine(video, audio)
	t.Cleanup(func() { src.Close() })

	url := mqtttest.StartEmbedded(t)
	door := newFaultStation(t, url, "door", "door-pi", faultOpts{source: src})
	panel := newFaultStation(t, url, "panel", "panel-1", faultOpts{noSource: true})
	info := connect(t, door, panel, nil)
	panel.waitMedia(20, 25)

	faults := []struct {
		order, want string
	}{
		{"crash", "camera timed out"},
		{"hang", "no frames"},
	}
	if testing.Short() {
		faults = faults[:1] // a hang takes 5 s to be noticed
	}
	for i, f := range faults {
		startsBefore := cam.starts()
		ordered := time.Now()
		cam.order(f.order)
		err, at := cam.waitError(i + 1)
		if !strings.Contains(err.Error(), f.want) {
			t.Errorf("%s: device error %q does not say %q", f.order, err, f.want)
		}
		atErr := panel.waitMedia(0, 0)
		// Audio goes on while the camera is down and restarting.
		panel.waitMedia(0, atErr.AudioPacketsReceived+25)
		// Video resumes from a new rpicam-vid: more pictures than one
		// burst of the dead one could still hold in flight.
		deadline := time.Now().Add(20 * time.Second)
		var back time.Duration
		for {
			st := panel.waitMedia(0, 0)
			if cam.starts() > startsBefore && st.VideoFramesReceived >= atErr.VideoFramesReceived+30 {
				back = time.Since(at)
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: video did not come back within 20 s: %d starts, %d frames at the error, %d now",
					f.order, cam.starts(), atErr.VideoFramesReceived, st.VideoFramesReceived)
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Logf("rpicam-vid %s: %q noticed %s after the fault; video back %s after that (30 more pictures received); rpicam-vid started %d times",
			f.order, err, at.Sub(ordered).Round(time.Millisecond), back.Round(time.Millisecond), cam.starts())
		if s := door.c.Snapshot(); s.Status != call.StatusConnected || s.Call.CallID != info.CallID {
			t.Fatalf("%s: the call did not survive: %s", f.order, s.Status)
		}
	}
	for _, s := range []*station{door, panel} {
		for _, e := range s.drainEvents() {
			if e.Type != call.EventStatusChanged {
				t.Errorf("%s: event during the camera faults: %s", s.c.DeviceID(), e)
			}
		}
	}
	if err := door.c.EndCall(bg); err != nil {
		t.Fatal(err)
	}
	panel.until(call.EventEnded)
	if err := video.Err(); err != nil {
		t.Errorf("the camera still reports %v after video came back", err)
	}
}
