package device

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// rpicamArgs are rpicam-vid's arguments for plan: endless (-t 0), no
// preview window (-n), H.264 constrained baseline with SPS/PPS before every
// IDR (--inline) and an IDR every intra frames, each picture flushed to the
// pipe as soon as it is encoded (--flush, which lets AnnexBReader end it at
// once), on stdout (-o -). rpicam-vid uses the hardware encoder where there
// is one (Pi Zero 2/3/4) and libav's software one on a Pi 5.
func rpicamArgs(plan VideoPlan, cfg VideoConfig) []string {
	return []string{
		"-t", "0", "-n",
		"--codec", "h264", "--inline", "--flush",
		"--intra", strconv.Itoa(cfg.keyframeFrames()),
		"--profile", "baseline",
		"--bitrate", strconv.Itoa(cfg.Bitrate),
		"--width", strconv.Itoa(plan.Size.Width),
		"--height", strconv.Itoa(plan.Size.Height),
		"--framerate", strconv.Itoa(plan.FPS),
		"-o", "-",
	}
}

// rpicamSession is one running rpicam-vid: its stdout is split into access
// units by a reader goroutine that the session owns.
type rpicamSession struct {
	cmd    *exec.Cmd
	stdout *os.File
	stderr *tailBuffer
	aus    chan []byte
	done   chan struct{} // closed when the reader goroutine ends; err says why
	err    error
	wg     sync.WaitGroup
}

// rpicamOpener returns the opener of rpicam-vid sessions for plan.
func rpicamOpener(plan VideoPlan, cfg VideoConfig) sessionOpener {
	cfg = cfg.withDefaults()
	return func() (videoSession, error) { return startRpicam(plan.Rpicam, rpicamArgs(plan, cfg)) }
}

func startRpicam(path string, args []string) (*rpicamSession, error) {
	cmd := exec.Command(path, args...)
	s := &rpicamSession{cmd: cmd, stderr: &tailBuffer{max: 4096}, aus: make(chan []byte, 4), done: make(chan struct{})}
	cmd.Stderr = s.stderr
	// Its own process group, so a shell wrapper's children die with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("device: rpicam-vid: %w", err)
	}
	cmd.Stdout = w
	if err := cmd.Start(); err != nil {
		r.Close()
		w.Close()
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("device: %s not found; install rpicam-apps (apt install rpicam-apps) for a Pi camera module", path)
		}
		return nil, fmt.Errorf("device: starting %s: %w", path, err)
	}
	w.Close()
	s.stdout = r
	s.wg.Add(1)
	go s.read()
	return s, nil
}

// read owns stdout: it hands access units to next until rpicam-vid exits.
func (s *rpicamSession) read() {
	defer s.wg.Done()
	a := NewAnnexBReader(s.stdout)
	var err error
	for {
		var au []byte
		au, err = a.Next()
		if err != nil {
			break
		}
		s.aus <- au // close drains aus while it waits for this goroutine
	}
	werr := s.cmd.Wait()
	s.err = rpicamError(s.cmd.Path, err, werr, s.stderr.String())
	close(s.done)
}

// rpicamError explains why rpicam-vid stopped, from its stderr.
func rpicamError(path string, readErr, waitErr error, stderr string) error {
	low := strings.ToLower(stderr)
	last := lastLine(stderr)
	switch {
	case strings.Contains(low, "no cameras available"):
		return fmt.Errorf("device: %s: no camera module found (%s); check the ribbon cable and camera_auto_detect=1 in /boot/firmware/config.txt", path, last)
	case strings.Contains(low, "in use") || strings.Contains(low, "busy") || strings.Contains(low, "failed to acquire"):
		return fmt.Errorf("device: %s: the camera is busy (%s); stop the other program using it (another rpicam app, motion, a second intercomd)", path, last)
	case waitErr != nil:
		return fmt.Errorf("device: %s exited: %v: %s", path, waitErr, last)
	case readErr != nil && !errors.Is(readErr, io.EOF):
		return fmt.Errorf("device: reading from %s: %w", path, readErr)
	}
	return fmt.Errorf("device: %s stopped sending video: %s", path, last)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return l
		}
	}
	return "no message"
}

func (s *rpicamSession) next(timeout time.Duration) ([][]byte, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case au := <-s.aus:
		out := [][]byte{au}
		for len(s.aus) > 0 {
			out = append(out, <-s.aus)
		}
		return out, nil
	case <-s.done:
		if s.err == nil {
			return nil, errClosed
		}
		return nil, s.err
	case <-t.C:
		return nil, nil
	}
}

// requestKeyframe does nothing: rpicam-vid has no way to ask for one, so
// its intra period (VideoConfig.KeyframeInterval) bounds the wait.
func (s *rpicamSession) requestKeyframe() {}

// close stops rpicam-vid (SIGTERM, then SIGKILL after 2 s) and waits for
// the reader.
func (s *rpicamSession) close() error {
	if p := s.cmd.Process; p != nil {
		_ = syscall.Kill(-p.Pid, syscall.SIGTERM)
		go func() {
			select {
			case <-s.done:
			case <-time.After(2 * time.Second):
				_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
			}
		}()
	}
	// Unblock a reader waiting to hand over an access unit.
	go func() {
		for {
			select {
			case <-s.aus:
			case <-s.done:
				return
			}
		}
	}()
	s.wg.Wait()
	s.stdout.Close()
	return nil
}

// tailBuffer keeps the last max bytes written to it (rpicam-vid's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

// Write keeps the tail of p.
func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append([]byte(nil), t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

// String returns what is kept.
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
