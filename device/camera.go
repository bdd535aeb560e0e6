package device

import (
	"errors"
	"fmt"
	"image"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"

	"github.com/intercomd/intercomd/clock"
)

// Retry and stall timing of a Camera.
const (
	retryFirst = time.Second
	retryMax   = 30 * time.Second
	// pollEvery bounds how long the loop waits for a frame before it looks
	// at binds, keyframe requests and Close again.
	pollEvery = 250 * time.Millisecond
	// stallAfter is how long without a frame counts as a failure.
	stallAfter = 5 * time.Second
)

// videoSession is one run of a video device, from the first bind (or a
// retry) until the last unbind or a failure: an open V4L2 camera with its
// encoder, or a running rpicam-vid.
type videoSession interface {
	// next waits up to timeout and returns the access units ready (none on
	// timeout). An error ends the session.
	next(timeout time.Duration) ([][]byte, error)
	// requestKeyframe asks for a keyframe as soon as the device can.
	requestKeyframe()
	// close stops the device and frees everything.
	close() error
}

// sessionOpener starts a session.
type sessionOpener func() (videoSession, error)

// Camera is a video Source fed by a real camera: a V4L2 (UVC) camera, raw or
// H.264, or a Pi camera module through rpicam-vid. It opens the device when
// the first call binds its track and closes it after the last one unbinds,
// so an idle intercom neither captures nor encodes. A failing device (an
// unplugged camera, rpicam-vid dying) is reported to VideoConfig.OnError and
// the log, and reopened with backoff (1 s doubling to 30 s) while a call
// wants video. Create it with OpenVideo.
type Camera struct {
	cfg   VideoConfig
	plan  VideoPlan
	log   *slog.Logger
	track *SharedTrack
	open  sessionOpener

	wake     chan struct{}
	retry    chan struct{}
	keyframe atomic.Bool

	frames, keyframes, bytes atomic.Uint64
	failures                 atomic.Uint64
	lastErr                  atomic.Pointer[error]

	done      chan struct{}
	wg        sync.WaitGroup
	closeOnce sync.Once
}

var _ Source = (*Camera)(nil)

// newCamera builds the source around an opener and starts its loop (idle
// until bound).
func newCamera(cfg VideoConfig, plan VideoPlan, open sessionOpener) (*Camera, error) {
	cfg = cfg.withDefaults()
	c := &Camera{
		cfg:   cfg,
		plan:  plan,
		log:   cfg.Logger.With("source", "camera", "plan", plan.Kind.String()),
		open:  open,
		wake:  make(chan struct{}, 1),
		retry: make(chan struct{}, 1),
		done:  make(chan struct{}),
	}
	t, err := NewSharedTrack(H264Capability, "video", cfg.StreamID, func(int) { wake(c.wake) })
	if err != nil {
		return nil, fmt.Errorf("device: camera video track: %w", err)
	}
	c.track = t
	c.wg.Add(1)
	go c.run()
	return c, nil
}

// Plan returns what the camera runs: device, format, size, encoder.
func (c *Camera) Plan() VideoPlan { return c.plan }

// AudioTrack returns nil: a camera has no audio (see Combine).
func (c *Camera) AudioTrack() webrtc.TrackLocal { return nil }

// VideoTrack returns the camera's H.264 track.
func (c *Camera) VideoTrack() webrtc.TrackLocal { return c.track }

// RequestKeyframe asks for a keyframe with the next frame: the encoder makes
// one, an H.264 camera is asked through its FORCE_KEY_FRAME control when it
// has one, and rpicam-vid cannot (its intra period bounds the wait).
func (c *Camera) RequestKeyframe() {
	if c.track.Bound() == 0 {
		return
	}
	c.keyframe.Store(true)
	wake(c.wake)
}

// SentCounts returns 0 audio packets and the video frames written so far.
func (c *Camera) SentCounts() (audioPackets, videoFrames uint64) {
	return 0, c.frames.Load()
}

// Stats returns what the camera has produced so far.
func (c *Camera) Stats() Stats {
	return Stats{VideoFrames: c.frames.Load(), VideoKeyframes: c.keyframes.Load(), VideoBytes: c.bytes.Load(), VideoBound: c.track.Bound()}
}

// Err returns the last device error, nil when none happened since the
// device last delivered a frame.
func (c *Camera) Err() error {
	if p := c.lastErr.Load(); p != nil {
		return *p
	}
	return nil
}

// Close stops the loop and the device and waits for them.
func (c *Camera) Close() error {
	c.closeOnce.Do(func() {
		close(c.done)
		c.wg.Wait()
	})
	return nil
}

// run owns the session: it opens it on the first bind, reads access units
// into the track while bound, closes it when idle, and retries failures
// with backoff.
func (c *Camera) run() {
	defer c.wg.Done()
	var (
		sess    videoSession
		backoff = retryFirst
		last    time.Time // last frame, or session start
		wrote   time.Time // last write, for sample durations
	)
	stop := func() {
		if sess != nil {
			if err := sess.close(); err != nil {
				c.log.Debug("closing the video device", "err", err)
			}
			sess = nil
		}
	}
	defer stop()
	fail := func(err error) bool {
		stop()
		c.failures.Add(1)
		c.lastErr.Store(&err)
		c.log.Warn("video device failed; retrying", "err", err, "in", backoff)
		if c.cfg.OnError != nil {
			c.cfg.OnError(err)
		}
		ok := c.sleep(backoff)
		backoff = min(2*backoff, retryMax)
		return ok
	}
	for {
		if c.track.Bound() == 0 {
			stop()
			backoff = retryFirst // the next call tries at once
			select {
			case <-c.done:
				return
			case <-c.wake:
				continue
			}
		}
		select {
		case <-c.done:
			return
		default:
		}
		if sess == nil {
			s, err := c.open()
			if err != nil {
				if !fail(err) {
					return
				}
				continue
			}
			sess, last, wrote = s, c.cfg.Clock.Now(), time.Time{}
			c.keyframe.Store(false) // a new session starts with a keyframe
		}
		if c.keyframe.Swap(false) {
			sess.requestKeyframe()
		}
		aus, err := sess.next(pollEvery)
		now := c.cfg.Clock.Now()
		if err == nil && len(aus) == 0 && now.Sub(last) > stallAfter {
			err = fmt.Errorf("device: %s: no frames for %v", c.deviceName(), stallAfter)
		}
		if err != nil {
			if !fail(err) {
				return
			}
			continue
		}
		if len(aus) == 0 {
			continue
		}
		last = now
		if backoff != retryFirst || c.lastErr.Load() != nil {
			backoff = retryFirst
			c.lastErr.Store(nil)
			c.log.Info("video device running", "device", c.deviceName())
		}
		for _, au := range aus {
			d := time.Second / time.Duration(c.plan.FPS)
			if !wrote.IsZero() {
				d = min(max(now.Sub(wrote), time.Millisecond), time.Second)
			}
			wrote = now
			c.write(au, d)
		}
	}
}

// sleep waits d on the camera's clock, or until no call is bound any more;
// it returns false when closed.
func (c *Camera) sleep(d time.Duration) bool {
	retry := c.retry
	t := c.cfg.Clock.AfterFunc(d, func() { wake(retry) })
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return false
		case <-retry:
			return true
		case <-c.wake:
			if c.track.Bound() == 0 {
				return true
			}
		}
	}
}

func (c *Camera) deviceName() string {
	if c.plan.Kind == PlanRpicam {
		return c.plan.Rpicam
	}
	return c.plan.Camera.Name()
}

func (c *Camera) write(au []byte, d time.Duration) {
	if err := c.track.WriteSample(media.Sample{Data: au, Duration: d}); err != nil {
		c.log.Debug("writing a video frame failed", "err", err)
	}
	c.frames.Add(1)
	c.bytes.Add(uint64(len(au)))
	if HasIDR(au) {
		c.keyframes.Add(1)
	}
}

// grabFormat is what a capture device agreed to deliver.
type grabFormat struct {
	Format FourCC
	Size   FrameSize
	Stride int // bytes per line of the first plane
	FPS    int
}

// frameGrabber is what a camera session needs from a V4L2 capture device:
// v4l2Capture on Linux, fakes in tests.
type frameGrabber interface {
	format() grabFormat
	// next returns the next frame's bytes, valid until the following call,
	// or nil after timeout.
	next(timeout time.Duration) ([]byte, error)
	// requestKeyframe asks an H.264 camera for an IDR; false if it cannot.
	requestKeyframe() bool
	close() error
}

// grabberOpener opens a capture device streaming format f.
type grabberOpener func(path string, f FourCC, s FrameSize, fps int) (frameGrabber, error)

// encoderOpener starts an encoder for frames of the grabbed size.
type encoderOpener func(cfg EncoderConfig) (Encoder, error)

// captureSession is a V4L2 camera with, unless it passes H.264 through, a
// converter and an encoder.
type captureSession struct {
	g     frameGrabber
	enc   Encoder
	frame *image.YCbCr
	ps    paramSets
	// keyRequested is set when a passthrough camera cannot make keyframes.
	noKeyCtrl bool
}

func (s *captureSession) next(timeout time.Duration) ([][]byte, error) {
	data, err := s.g.next(timeout)
	if err != nil || data == nil {
		return nil, err
	}
	f := s.g.format()
	if s.enc == nil {
		au := s.ps.fill(append([]byte(nil), data...))
		return [][]byte{au}, nil
	}
	if err := toI420(s.frame, f.Format, data, f.Stride); err != nil {
		return nil, err
	}
	aus, err := s.enc.Encode(s.frame)
	if err != nil {
		return nil, err
	}
	for i := range aus {
		aus[i] = s.ps.fill(aus[i])
	}
	return aus, nil
}

func (s *captureSession) requestKeyframe() {
	if s.enc != nil {
		s.enc.RequestKeyframe()
		return
	}
	if !s.g.requestKeyframe() {
		s.noKeyCtrl = true // the camera's own GOP decides
	}
}

func (s *captureSession) close() error {
	var err error
	if s.enc != nil {
		err = s.enc.Close()
	}
	return errors.Join(err, s.g.close())
}

// captureOpener returns the opener of a V4L2 camera session for plan.
func captureOpener(plan VideoPlan, cfg VideoConfig, grab grabberOpener, newEnc encoderOpener) sessionOpener {
	cfg = cfg.withDefaults()
	return func() (videoSession, error) {
		g, err := grab(plan.Camera.Path, plan.Format, plan.Size, plan.FPS)
		if err != nil {
			return nil, err
		}
		s := &captureSession{g: g}
		if plan.Kind == PlanPassthrough {
			return s, nil
		}
		f := g.format()
		s.frame = newI420(f.Size.Width, f.Size.Height)
		s.enc, err = newEnc(EncoderConfig{
			Width: f.Size.Width, Height: f.Size.Height, FPS: max(f.FPS, 1),
			Bitrate: cfg.Bitrate, KeyframeEvery: cfg.keyframeFrames(),
		})
		if err != nil {
			g.close()
			return nil, err
		}
		return s, nil
	}
}

// errClosed is returned by sessions used after close.
var errClosed = errors.New("device: video session closed")

// clockOrReal returns c, or the real clock.
func clockOrReal(c clock.Clock) clock.Clock {
	if c == nil {
		return clock.Real
	}
	return c
}
