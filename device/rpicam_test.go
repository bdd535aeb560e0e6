package device

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fakeRpicam(t *testing.T, mode string) (path, argsFile string) {
	t.Helper()
	p, err := filepath.Abs("testdata/fake-rpicam-vid")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the fake rpicam-vid")
	}
	argsFile = filepath.Join(t.TempDir(), "args")
	t.Setenv("FAKE_RPICAM_MODE", mode)
	t.Setenv("FAKE_RPICAM_ARGS", argsFile)
	return p, argsFile
}

func TestRpicamArgs(t *testing.T) {
	cfg := VideoConfig{FPS: 15, Bitrate: 800_000, KeyframeInterval: time.Second}.withDefaults()
	got := strings.Join(rpicamArgs(VideoPlan{Size: FrameSize{1280, 720}, FPS: 15}, cfg), " ")
	want := "-t 0 -n --codec h264 --inline --flush --intra 15 --profile baseline --bitrate 800000 --width 1280 --height 720 --framerate 15 -o -"
	if got != want {
		t.Errorf("args\n%s\nwant\n%s", got, want)
	}
}

// TestRpicamSessionStreams runs the fake rpicam-vid, which writes the
// recorded stream and waits: every picture comes out, and close stops it.
func TestRpicamSessionStreams(t *testing.T) {
	path, argsFile := fakeRpicam(t, "stream")
	plan := VideoPlan{Kind: PlanRpicam, Rpicam: path, Size: FrameSize{320, 240}, FPS: 15}
	s, err := rpicamOpener(plan, VideoConfig{})()
	if err != nil {
		t.Fatal(err)
	}
	var aus [][]byte
	deadline := time.Now().Add(10 * time.Second)
	for len(aus) < 30 && time.Now().Before(deadline) {
		got, err := s.next(time.Second)
		if err != nil {
			t.Fatalf("after %d access units: %v", len(aus), err)
		}
		aus = append(aus, got...)
	}
	// All 30 pictures, the last one included: the quiet pipe ends it
	// without a next start code.
	if len(aus) != 30 {
		t.Fatalf("%d access units, want 30", len(aus))
	}
	if !HasIDR(aus[0]) || !HasIDR(aus[10]) || HasIDR(aus[1]) {
		t.Error("keyframes not where the recording has them")
	}
	s.requestKeyframe() // a no-op, must not block
	start := time.Now()
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("close took %v", d)
	}
	args, _ := os.ReadFile(argsFile)
	if !strings.Contains(string(args), "--inline --flush --intra 30") || !strings.Contains(string(args), "--width 320 --height 240") {
		t.Errorf("rpicam-vid ran with %q", args)
	}
}

func TestRpicamSessionErrors(t *testing.T) {
	for _, c := range []struct {
		mode, want string
	}{
		{"busy", "the camera is busy (ERROR: *** failed to acquire camera"},
		{"none", "no camera module found"},
		{"die", "exited: exit status 1: ERROR: *** camera timed out ***"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			path, _ := fakeRpicam(t, c.mode)
			s, err := startRpicam(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.close()
			var got error
			deadline := time.Now().Add(10 * time.Second)
			for got == nil && time.Now().Before(deadline) {
				_, got = s.next(time.Second)
			}
			if got == nil || !strings.Contains(got.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", got, c.want)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		_, err := startRpicam(filepath.Join(t.TempDir(), "rpicam-vid"), nil)
		if err == nil || !strings.Contains(err.Error(), "install rpicam-apps") {
			t.Errorf("error %v, want one saying to install rpicam-apps", err)
		}
	})
}

func TestRpicamErrorText(t *testing.T) {
	if err := rpicamError("rpicam-vid", nil, nil, ""); !strings.Contains(err.Error(), "stopped sending video: no message") {
		t.Errorf("%v", err)
	}
	if err := rpicamError("rpicam-vid", errors.New("read failed"), nil, "x\n\n"); !strings.Contains(err.Error(), "read failed") {
		t.Errorf("%v", err)
	}
}
