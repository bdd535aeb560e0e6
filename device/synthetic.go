package device

import (
	"bytes"
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

// Codec capabilities of the synthetic source's tracks. They match what
// package webrtcpeer registers: H.264 constrained baseline (profile-level-id
// 42e01f, level 3.1), packetization mode 1, and Opus at 48 kHz.
var (
	// H264Capability is the codec of every H.264 track in this package.
	H264Capability = webrtc.RTPCodecCapability{
		MimeType:    webrtc.MimeTypeH264,
		ClockRate:   90000,
		SDPFmtpLine: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
	}
	// OpusCapability is the codec of every Opus track in this package.
	OpusCapability = webrtc.RTPCodecCapability{
		MimeType:    webrtc.MimeTypeOpus,
		ClockRate:   48000,
		Channels:    2,
		SDPFmtpLine: "minptime=10;useinbandfec=1",
	}
)

// Audio framing: Opus at 48 kHz, mono, 20 ms packets.
const (
	audioRate     = 48000
	audioInterval = 20 * time.Millisecond
	audioSamples  = audioRate / 50
	// audioCatchUp is how many packets the audio loop writes at once when its
	// timer fired late, before it gives up and restarts its schedule.
	audioCatchUp = 5
)

// SyntheticConfig configures NewSynthetic. Zero fields take the defaults shown.
type SyntheticConfig struct {
	// Width and Height of the test pattern in pixels, even, at least 160x48
	// (default 640x360). The timestamp code needs the width.
	Width, Height int
	// FrameRate in frames per second, 1..60 (default 15).
	FrameRate int
	// VideoBitRate is the H.264 target in bit/s (default 600000).
	VideoBitRate int
	// KeyframeInterval is the time between periodic keyframes (default 3 s);
	// calls that connect and receivers that report loss get one at once anyway.
	KeyframeInterval time.Duration
	// ToneHz is the beep's pitch (default 440).
	ToneHz float64
	// AudioBitRate is the Opus target in bit/s (default 32000).
	AudioBitRate int
	// NoAudio and NoVideo leave that track out.
	NoAudio, NoVideo bool
	// StreamID groups the two tracks into one stream (default "intercomd").
	StreamID string
	// Clock times frames and stamps them (default clock.Real).
	Clock clock.Clock
	// Logger receives encoder errors (default slog.Default()).
	Logger *slog.Logger
}

func (c SyntheticConfig) withDefaults() SyntheticConfig {
	if c.Width == 0 && c.Height == 0 {
		c.Width, c.Height = 640, 360
	}
	if c.FrameRate == 0 {
		c.FrameRate = 15
	}
	if c.VideoBitRate == 0 {
		c.VideoBitRate = 600_000
	}
	if c.KeyframeInterval == 0 {
		c.KeyframeInterval = 3 * time.Second
	}
	if c.ToneHz == 0 {
		c.ToneHz = 440
	}
	if c.AudioBitRate == 0 {
		c.AudioBitRate = 32_000
	}
	if c.StreamID == "" {
		c.StreamID = "intercomd"
	}
	if c.Clock == nil {
		c.Clock = clock.Real
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Validate reports the first field NewSynthetic would reject, after defaults.
func (c SyntheticConfig) Validate() error {
	c = c.withDefaults()
	switch {
	case c.NoAudio && c.NoVideo:
		return errors.New("device: synthetic source with NoAudio and NoVideo has nothing to send; drop one of them")
	case c.Width%2 != 0 || c.Height%2 != 0 || c.Width < codeColumns*minBlock || c.Height < 48 || c.Width > 1920 || c.Height > 1088:
		return fmt.Errorf("device: synthetic frame size %dx%d: need even sizes from 160x48 to 1920x1088", c.Width, c.Height)
	case c.FrameRate < 1 || c.FrameRate > 60:
		return fmt.Errorf("device: synthetic frame rate %d: need 1..60 frames per second", c.FrameRate)
	case c.VideoBitRate < 50_000 || c.AudioBitRate < 6_000:
		return fmt.Errorf("device: synthetic bit rates video %d audio %d bit/s: need at least 50000 and 6000", c.VideoBitRate, c.AudioBitRate)
	case c.ToneHz <= 0 || c.ToneHz >= audioRate/2:
		return fmt.Errorf("device: synthetic tone %g Hz: need 0 < Hz < 24000", c.ToneHz)
	case c.KeyframeInterval < 0:
		return fmt.Errorf("device: synthetic keyframe interval %v is negative", c.KeyframeInterval)
	}
	return nil
}

// videoEncoder and audioEncoder are what the synthetic source needs from a
// codec; synthetic_cgo.go provides openh264 and Opus, tests provide fakes.
type videoEncoder interface {
	// encode returns one Annex-B access unit for img; empty means the encoder
	// skipped the frame.
	encode(img *image.YCbCr, keyframe bool) ([]byte, error)
	close() error
}

type audioEncoder interface {
	// encode returns one Opus packet for 20 ms of mono samples.
	encode(pcm []int16) ([]byte, error)
	close() error
}

// Synthetic is the synthetic media source: a moving test pattern stamped with
// its capture time and a beep, encoded only while a call is bound to a track.
// It implements Source. Create it with NewSynthetic.
type Synthetic struct {
	cfg   SyntheticConfig
	log   *slog.Logger
	audio *SharedAudioTrack
	video *SharedTrack
	venc  videoEncoder
	aenc  audioEncoder
	pat   *pattern
	tone  *tone
	pcm   []int16

	videoWake chan struct{} // bind changes and keyframe requests
	videoTick chan struct{}
	audioWake chan struct{}
	audioTick chan struct{}
	keyframe  atomic.Bool
	frameNo   uint32

	videoFrames, videoKeyframes, videoBytes, audioPackets atomic.Uint64
	videoNanos, audioNanos                                atomic.Int64

	done      chan struct{}
	wg        sync.WaitGroup
	closeOnce sync.Once
}

var _ Source = (*Synthetic)(nil)

// newSynthetic builds the source around the given encoders and starts its
// loops (idle until a track is bound).
func newSynthetic(cfg SyntheticConfig, venc videoEncoder, aenc audioEncoder) (*Synthetic, error) {
	s := &Synthetic{
		cfg:       cfg,
		log:       cfg.Logger.With("source", "synthetic"),
		venc:      venc,
		aenc:      aenc,
		videoWake: make(chan struct{}, 1),
		videoTick: make(chan struct{}, 1),
		audioWake: make(chan struct{}, 1),
		audioTick: make(chan struct{}, 1),
		done:      make(chan struct{}),
	}
	if venc != nil {
		t, err := NewSharedTrack(H264Capability, "video", cfg.StreamID, func(int) { wake(s.videoWake) })
		if err != nil {
			return nil, fmt.Errorf("device: synthetic video track: %w", err)
		}
		s.video = t
		s.pat = newPattern(cfg.Width, cfg.Height)
		s.wg.Add(1)
		go s.runVideo()
	}
	if aenc != nil {
		// Opus, or G.711 for a peer without Opus, per call.
		t, err := NewSharedAudioTrack("audio", cfg.StreamID, func(int) { wake(s.audioWake) })
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("device: synthetic audio track: %w", err)
		}
		s.audio = t
		s.tone = newTone(cfg.ToneHz, audioRate)
		s.pcm = make([]int16, audioSamples)
		s.wg.Add(1)
		go s.runAudio()
	}
	return s, nil
}

// wake does a non-blocking send on a one-slot channel: wake-ups merge.
func wake(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// AudioTrack returns the beep track, or nil with NoAudio.
func (s *Synthetic) AudioTrack() webrtc.TrackLocal {
	if s.audio == nil {
		return nil
	}
	return s.audio
}

// VideoTrack returns the test pattern track, or nil with NoVideo.
func (s *Synthetic) VideoTrack() webrtc.TrackLocal {
	if s.video == nil {
		return nil
	}
	return s.video
}

// RequestKeyframe makes the next frame a keyframe and encodes it at once if a
// call is bound, instead of waiting for the next frame tick.
func (s *Synthetic) RequestKeyframe() {
	if s.video == nil || s.video.Bound() == 0 {
		return // nobody to send it to; the first frame after a bind is a keyframe anyway
	}
	s.keyframe.Store(true)
	wake(s.videoWake)
}

// SentCounts returns the audio packets and video frames written so far.
func (s *Synthetic) SentCounts() (audioPackets, videoFrames uint64) {
	return s.audioPackets.Load(), s.videoFrames.Load()
}

// Stats returns what the source has produced so far.
func (s *Synthetic) Stats() Stats {
	st := Stats{
		VideoFrames:     s.videoFrames.Load(),
		VideoKeyframes:  s.videoKeyframes.Load(),
		VideoBytes:      s.videoBytes.Load(),
		AudioPackets:    s.audioPackets.Load(),
		VideoEncodeTime: time.Duration(s.videoNanos.Load()),
		AudioEncodeTime: time.Duration(s.audioNanos.Load()),
	}
	if s.video != nil {
		st.VideoBound = s.video.Bound()
	}
	if s.audio != nil {
		st.AudioBound = s.audio.Bound()
	}
	return st
}

// Close stops both loops, waits for them and frees the encoders.
func (s *Synthetic) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.done)
		s.wg.Wait()
		if s.venc != nil {
			err = errors.Join(err, s.venc.close())
		}
		if s.aenc != nil {
			err = errors.Join(err, s.aenc.close())
		}
	})
	return err
}

// ticker schedules one wake-up at a time on the injected clock.
type ticker struct {
	clock clock.Clock
	c     chan struct{}
	timer clock.Timer
}

func (t *ticker) at(now, when time.Time) {
	t.stop()
	c := t.c
	t.timer = t.clock.AfterFunc(when.Sub(now), func() { wake(c) })
}

func (t *ticker) stop() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
}

// runVideo owns the video encoder. It sleeps while no call is bound, encodes
// a frame per tick while one is, and encodes a keyframe at once when asked.
//
// Becoming bound does not encode at once: pion binds a track when a call's
// descriptions are set, before DTLS and SRTP are up, and drops what is written
// before, so a keyframe encoded then would be lost and would take CPU from the
// DTLS handshake (measured: setup p50 9.6 ms instead of 4 ms). The first frame,
// a keyframe, goes out when the connected call asks for it (webrtcpeer does) or
// one frame interval after the bind, whichever comes first.
func (s *Synthetic) runVideo() {
	defer s.wg.Done()
	interval := time.Second / time.Duration(s.cfg.FrameRate)
	t := &ticker{clock: s.cfg.Clock, c: s.videoTick}
	defer t.stop()
	var next, lastKey time.Time // next zero: idle
	needKey := false
	for {
		select {
		case <-s.done:
			return
		case <-s.videoWake:
		case <-s.videoTick:
		}
		if s.video.Bound() == 0 {
			t.stop()
			next = time.Time{}
			continue
		}
		now := s.cfg.Clock.Now()
		if next.IsZero() {
			next = now.Add(interval)
			needKey = true // the first frame after idle is a keyframe
		}
		requested := s.keyframe.Swap(false)
		if !requested && now.Before(next) {
			t.at(now, next) // the bind itself, or an early or stale tick
			continue
		}
		key := requested || needKey || now.Sub(lastKey) >= s.cfg.KeyframeInterval
		if key {
			lastKey, needKey = now, false
		}
		s.writeVideo(now, key, interval)
		if requested || now.Sub(next) > interval {
			next = now.Add(interval) // restart the schedule after a pushed keyframe or a stall
		} else {
			next = next.Add(interval)
		}
		t.at(now, next)
	}
}

func (s *Synthetic) writeVideo(now time.Time, key bool, d time.Duration) {
	start := time.Now()
	s.pat.draw(Timestamp{Time: now, Frame: s.frameNo})
	s.frameNo = (s.frameNo + 1) & maxFrame
	au, err := s.venc.encode(s.pat.frame, key)
	s.videoNanos.Add(int64(time.Since(start)))
	if err != nil {
		s.log.Warn("encoding a video frame failed", "err", err)
		return
	}
	if len(au) == 0 {
		if key {
			s.keyframe.Store(true) // try again on the next frame
		}
		return
	}
	if err := s.video.WriteSample(media.Sample{Data: au, Duration: d}); err != nil {
		s.log.Debug("writing a video frame failed", "err", err)
	}
	s.videoFrames.Add(1)
	s.videoBytes.Add(uint64(len(au)))
	if HasIDR(au) {
		s.videoKeyframes.Add(1)
	}
}

// runAudio owns the audio encoder: 20 ms of beep per tick while a call is bound.
func (s *Synthetic) runAudio() {
	defer s.wg.Done()
	t := &ticker{clock: s.cfg.Clock, c: s.audioTick}
	defer t.stop()
	var next time.Time
	for {
		select {
		case <-s.done:
			return
		case <-s.audioWake:
		case <-s.audioTick:
		}
		if s.audio.Bound() == 0 {
			t.stop()
			next = time.Time{}
			continue
		}
		now := s.cfg.Clock.Now()
		if next.IsZero() || now.Sub(next) > audioCatchUp*audioInterval {
			next = now
		}
		for n := 0; !now.Before(next) && n < audioCatchUp; n++ {
			s.writeAudio()
			next = next.Add(audioInterval)
		}
		t.at(now, next)
	}
}

func (s *Synthetic) writeAudio() {
	start := time.Now()
	s.tone.fill(s.pcm)
	err := s.audio.WriteFrame(s.pcm, s.aenc.encode)
	s.audioNanos.Add(int64(time.Since(start)))
	if err != nil {
		s.log.Warn("encoding an audio packet failed", "err", err)
		return
	}
	s.audioPackets.Add(1)
}

// HasIDR reports whether an Annex-B H.264 access unit is an IDR picture, one
// a decoder can start from: whether its first slice NAL unit has type 5.
// Every slice of an IDR picture has type 5, so HasIDR stops at the first
// slice and never reads the slice data: it runs on every frame sent, and
// scanning a 720p access unit byte by byte cost as much as 15 % of writing it
// to a call (BenchmarkVideoAUToWire in webrtcpeer).
func HasIDR(au []byte) bool {
	for {
		i := bytes.Index(au, startCode)
		if i < 0 || i+3 >= len(au) {
			return false
		}
		switch au[i+3] & 0x1f {
		case 5:
			return true
		case 1, 2, 3, 4: // a non-IDR slice or partition: the picture is not IDR
			return false
		}
		au = au[i+3:]
	}
}

// startCode begins every NAL unit of an Annex-B stream (a four-byte start
// code ends with it too).
var startCode = []byte{0, 0, 1}
