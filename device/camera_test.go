package device

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/intercomd/intercomd/clock/clocktest"
)

// fakeSession is a videoSession whose next returns what the test puts in
// results (and nil after a short real wait when there is nothing).
type fakeSession struct {
	results chan fakeResult
	keys    atomic.Int32
	closed  atomic.Bool
}

type fakeResult struct {
	aus [][]byte
	err error
}

func newFakeSession() *fakeSession { return &fakeSession{results: make(chan fakeResult, 16)} }

func (s *fakeSession) next(timeout time.Duration) ([][]byte, error) {
	select {
	case r := <-s.results:
		return r.aus, r.err
	case <-time.After(min(timeout, 5*time.Millisecond)):
		return nil, nil
	}
}
func (s *fakeSession) requestKeyframe() { s.keys.Add(1) }
func (s *fakeSession) close() error     { s.closed.Store(true); return nil }

// fakeOpener hands out scripted sessions and errors, one per call.
type fakeOpener struct {
	mu    sync.Mutex
	steps []any // *fakeSession or error
	calls atomic.Int32
}

func (o *fakeOpener) open() (videoSession, error) {
	o.calls.Add(1)
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.steps) == 0 {
		return nil, errors.New("fake: no more steps")
	}
	s := o.steps[0]
	o.steps = o.steps[1:]
	if err, ok := s.(error); ok {
		return nil, err
	}
	return s.(*fakeSession), nil
}

var idrAU = []byte{0, 0, 0, 1, 0x67, 0x42, 0, 0, 0, 1, 0x68, 0xce, 0, 0, 0, 1, 0x65, 0x88}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func bind(c *Camera, n int32) {
	c.track.bound.Store(n)
	wake(c.wake)
}

// TestCameraUnplugRetriesWithBackoff: the device fails with ENODEV, cannot
// be opened twice, then comes back; errors are reported, retries wait 1, 2
// and 4 s, and the backoff resets once frames flow.
func TestCameraUnplugRetriesWithBackoff(t *testing.T) {
	clk := clocktest.New(time.Unix(1_700_000_000, 0))
	a, b := newFakeSession(), newFakeSession()
	enodev := fmt.Errorf("device: /dev/video0 (Cam): camera disconnected: %w", errors.New("no such device"))
	notFound := errors.New("device: opening /dev/video0: no such file or directory")
	op := &fakeOpener{steps: []any{a, notFound, notFound, b}}
	errs := make(chan error, 10)
	cam, err := newCamera(VideoConfig{FPS: 10, Clock: clk, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), OnError: func(err error) { errs <- err }},
		VideoPlan{Kind: PlanPassthrough, FPS: 10, Camera: VideoNode{Path: "/dev/video0", Card: "Cam"}}, op.open)
	if err != nil {
		t.Fatal(err)
	}
	defer cam.Close()

	time.Sleep(20 * time.Millisecond)
	if n := op.calls.Load(); n != 0 {
		t.Fatalf("opened %d times while no call was bound", n)
	}
	bind(cam, 1)
	a.results <- fakeResult{aus: [][]byte{idrAU}}
	waitFor(t, "the first frame", func() bool { _, v := cam.SentCounts(); return v == 1 })
	a.results <- fakeResult{err: enodev}
	if got := <-errs; !errors.Is(got, enodev) {
		t.Fatalf("reported %v, want the ENODEV error", got)
	}
	if !a.closed.Load() {
		t.Error("the failed session was not closed")
	}
	for i, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		calls := op.calls.Load()
		waitFor(t, "the retry timer", func() bool { return clk.Pending() > 0 })
		clk.Advance(wait - time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		if op.calls.Load() != calls {
			t.Fatalf("retry %d came before %v", i, wait)
		}
		clk.Advance(time.Millisecond)
		waitFor(t, fmt.Sprintf("retry %d after %v", i, wait), func() bool { return op.calls.Load() == calls+1 })
		if i < 2 {
			if got := <-errs; !errors.Is(got, notFound) {
				t.Fatalf("retry %d reported %v, want %v", i, got, notFound)
			}
		}
	}
	b.results <- fakeResult{aus: [][]byte{idrAU}}
	waitFor(t, "a frame after the camera came back", func() bool { _, v := cam.SentCounts(); return v == 2 })
	if cam.Err() != nil {
		t.Errorf("Err() = %v after frames flowed again", cam.Err())
	}
	// Backoff is back at 1 s.
	op.mu.Lock()
	c := newFakeSession()
	op.steps = []any{c}
	op.mu.Unlock()
	b.results <- fakeResult{err: enodev}
	<-errs
	calls := op.calls.Load()
	waitFor(t, "the retry timer", func() bool { return clk.Pending() > 0 })
	clk.Advance(time.Second)
	waitFor(t, "a retry after 1 s", func() bool { return op.calls.Load() == calls+1 })
	if st := cam.Stats(); st.VideoKeyframes != 2 || st.VideoFrames != 2 {
		t.Errorf("stats %+v, want 2 frames, both keyframes", st)
	}
}

// TestCameraIdleClosesDevice: the device is open only while a call is bound.
func TestCameraIdleClosesDevice(t *testing.T) {
	a, b := newFakeSession(), newFakeSession()
	op := &fakeOpener{steps: []any{a, b}}
	cam, err := newCamera(VideoConfig{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, VideoPlan{Kind: PlanSoftware, FPS: 15}, op.open)
	if err != nil {
		t.Fatal(err)
	}
	bind(cam, 1)
	waitFor(t, "open on bind", func() bool { return op.calls.Load() == 1 })
	cam.RequestKeyframe()
	waitFor(t, "the keyframe request to reach the session", func() bool { return a.keys.Load() == 1 })
	bind(cam, 0)
	waitFor(t, "close when idle", a.closed.Load)
	bind(cam, 2)
	waitFor(t, "reopen on the next bind", func() bool { return op.calls.Load() == 2 })
	if err := cam.Close(); err != nil {
		t.Fatal(err)
	}
	if !b.closed.Load() {
		t.Error("Close left the session open")
	}
	cam.RequestKeyframe() // after Close: must not block or panic
}

// TestCameraStall: a device that delivers nothing for 5 s is reopened.
func TestCameraStall(t *testing.T) {
	clk := clocktest.New(time.Unix(1_700_000_000, 0))
	a, b := newFakeSession(), newFakeSession()
	op := &fakeOpener{steps: []any{a, b}}
	errs := make(chan error, 4)
	cam, err := newCamera(VideoConfig{Clock: clk, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), OnError: func(err error) { errs <- err }},
		VideoPlan{Kind: PlanRpicam, Rpicam: "rpicam-vid", FPS: 15}, op.open)
	if err != nil {
		t.Fatal(err)
	}
	defer cam.Close()
	bind(cam, 1)
	waitFor(t, "open", func() bool { return op.calls.Load() == 1 })
	clk.Advance(stallAfter + time.Second)
	select {
	case err := <-errs:
		t.Logf("reported: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no stall reported")
	}
	waitFor(t, "the stalled session closed", a.closed.Load)
}

// fakeGrabber is a frameGrabber that returns the same frame, n times.
type fakeGrabber struct {
	f      grabFormat
	frame  []byte
	n      int
	err    error
	closed bool
	keyOK  bool
}

func (g *fakeGrabber) format() grabFormat { return g.f }
func (g *fakeGrabber) next(time.Duration) ([]byte, error) {
	if g.n == 0 {
		return nil, g.err
	}
	g.n--
	return g.frame, nil
}
func (g *fakeGrabber) requestKeyframe() bool { return g.keyOK }
func (g *fakeGrabber) close() error          { g.closed = true; return nil }

// fakeEncoder records frames and returns one access unit each.
type fakeEncoder struct {
	frames int
	keys   int
	lastY  byte
	closed bool
}

func (e *fakeEncoder) Encode(f *image.YCbCr) ([][]byte, error) {
	e.frames++
	e.lastY = f.Y[0]
	return [][]byte{{0, 0, 0, 1, 0x41, 0x9a}}, nil
}
func (e *fakeEncoder) RequestKeyframe() { e.keys++ }
func (e *fakeEncoder) Close() error     { e.closed = true; return nil }

func TestCaptureSession(t *testing.T) {
	t.Run("raw YUYV to encoder", func(t *testing.T) {
		g := &fakeGrabber{f: grabFormat{Format: FourCCYUYV, Size: FrameSize{4, 2}, Stride: 8, FPS: 30}, frame: bytes.Repeat([]byte{77, 128}, 8), n: 2, err: errors.New("gone")}
		enc := &fakeEncoder{}
		var gotCfg EncoderConfig
		open := captureOpener(VideoPlan{Kind: PlanSoftware, Format: FourCCYUYV}, VideoConfig{FPS: 30, KeyframeInterval: 2 * time.Second}, func(string, FourCC, FrameSize, int) (frameGrabber, error) { return g, nil },
			func(c EncoderConfig) (Encoder, error) { gotCfg = c; return enc, nil })
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		if gotCfg.Width != 4 || gotCfg.Height != 2 || gotCfg.FPS != 30 || gotCfg.KeyframeEvery != 60 || gotCfg.Bitrate != 1_000_000 {
			t.Errorf("encoder config %+v", gotCfg)
		}
		for i := 0; i < 2; i++ {
			aus, err := s.next(time.Second)
			if err != nil || len(aus) != 1 {
				t.Fatalf("frame %d: %d access units, %v", i, len(aus), err)
			}
		}
		s.requestKeyframe()
		if _, err := s.next(time.Second); err == nil {
			t.Error("no error after the grabber failed")
		}
		if enc.frames != 2 || enc.lastY != 77 || enc.keys != 1 {
			t.Errorf("encoder saw %d frames (Y %d), %d keyframe requests", enc.frames, enc.lastY, enc.keys)
		}
		s.close()
		if !g.closed || !enc.closed {
			t.Error("close left the grabber or the encoder open")
		}
	})
	t.Run("passthrough", func(t *testing.T) {
		sps := []byte{0, 0, 0, 1, 0x67, 0x42}
		pps := []byte{0, 0, 0, 1, 0x68, 0xce}
		idr := []byte{0, 0, 0, 1, 0x65, 0x88}
		g := &fakeGrabber{f: grabFormat{Format: FourCCH264, Size: FrameSize{1280, 720}}, frame: bytes.Join([][]byte{sps, pps, idr}, nil), n: 1}
		open := captureOpener(VideoPlan{Kind: PlanPassthrough, Format: FourCCH264}, VideoConfig{}, func(string, FourCC, FrameSize, int) (frameGrabber, error) { return g, nil }, nil)
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		aus, _ := s.next(time.Second)
		g.frame, g.n = idr, 1 // a later IDR without parameter sets
		aus2, _ := s.next(time.Second)
		if len(aus) != 1 || len(aus2) != 1 || !bytes.Equal(aus2[0], aus[0]) {
			t.Errorf("second IDR %x, want parameter sets added: %x", aus2, aus)
		}
		s.requestKeyframe()
		if !s.(*captureSession).noKeyCtrl {
			t.Error("a camera without FORCE_KEY_FRAME was not noted")
		}
	})
	t.Run("open error", func(t *testing.T) {
		open := captureOpener(VideoPlan{Kind: PlanSoftware}, VideoConfig{}, func(string, FourCC, FrameSize, int) (frameGrabber, error) { return nil, errors.New("busy") }, nil)
		if _, err := open(); err == nil {
			t.Error("no error")
		}
	})
	t.Run("encoder error closes grabber", func(t *testing.T) {
		g := &fakeGrabber{f: grabFormat{Format: FourCCYUYV, Size: FrameSize{4, 2}, Stride: 8}}
		open := captureOpener(VideoPlan{Kind: PlanHardware}, VideoConfig{}, func(string, FourCC, FrameSize, int) (frameGrabber, error) { return g, nil },
			func(EncoderConfig) (Encoder, error) { return nil, errors.New("no encoder") })
		if _, err := open(); err == nil || !g.closed {
			t.Errorf("err %v, grabber closed %v", err, g.closed)
		}
	})
}

// TestCameraUnbindDuringBackoff: a call that ends while the device is
// failing stops the retries, and the next call tries at once.
func TestCameraUnbindDuringBackoff(t *testing.T) {
	clk := clocktest.New(time.Unix(1_700_000_000, 0))
	a := newFakeSession()
	op := &fakeOpener{steps: []any{errors.New("busy"), errors.New("busy"), a}}
	cam, err := newCamera(VideoConfig{Clock: clk, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, VideoPlan{Kind: PlanSoftware, FPS: 15}, op.open)
	if err != nil {
		t.Fatal(err)
	}
	defer cam.Close()
	bind(cam, 1)
	waitFor(t, "the first attempt", func() bool { return op.calls.Load() == 1 })
	waitFor(t, "the retry timer", func() bool { return clk.Pending() > 0 })
	clk.Advance(time.Second)
	waitFor(t, "the second attempt", func() bool { return op.calls.Load() == 2 })
	waitFor(t, "the 2 s retry timer", func() bool { return clk.Pending() > 0 })
	bind(cam, 0)
	waitFor(t, "the retry timer stopped", func() bool { return clk.Pending() == 0 })
	bind(cam, 1)
	waitFor(t, "an attempt at once on the next bind", func() bool { return op.calls.Load() == 3 })
}
