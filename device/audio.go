package device

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"
)

// AudioConfig configures NewAudio: the microphone, the speaker and what
// happens between them. Zero fields take the defaults shown.
type AudioConfig struct {
	// Capture is the microphone's ALSA device: "default" (the first card
	// that can capture), "hw:1,0", "plughw:1,0" (same as hw: intercomd does
	// its own conversions), "hw:CARD=Device,DEV=0"; "none" sends no audio.
	Capture string `yaml:"capture"`
	// Playback is the speaker's ALSA device, written the same way (default:
	// the first card that can play, HDMI last); "none" plays nothing.
	Playback string `yaml:"playback"`
	// Rate is the hardware sample rate to ask for (default 48000); a card
	// without it gets the nearest of 44.1, 32, 16 or 8 kHz and intercomd
	// resamples to and from Opus' 48 kHz.
	Rate int `yaml:"rate"`
	// Channels to open (default 1); stereo-only cards are mixed down or fed
	// the same signal on both channels.
	Channels int `yaml:"channels"`
	// Period is the ALSA period (default 10ms): the capture latency and the
	// playback write size. The device buffer holds 4 periods; playback keeps
	// about 2 of them queued (more after an underrun).
	Period time.Duration `yaml:"period"`
	// GainDB amplifies the microphone (-20 to +30 dB, default 0).
	GainDB float64 `yaml:"gain_db"`
	// VolumeDB scales what the speaker plays (-60 to +12 dB, default 0).
	VolumeDB float64 `yaml:"volume_db"`
	// Mute starts with the microphone muted (silence is sent); SpeakerMute
	// starts with the speaker silent. Both change at run time through
	// SetMicMuted and SetSpeakerMuted.
	Mute        bool `yaml:"mute"`
	SpeakerMute bool `yaml:"speaker_mute"`
	// EchoCancel is auto (default), speex, halfduplex or off.
	EchoCancel EchoCancel `yaml:"echo_cancel"`
	// EchoTail is how much of the room's echo the adaptive filter models
	// (default 100ms), from just before the echo's onset: a delay estimator
	// finds that onset (the playback queue and the sound's way to the
	// microphone, up to 320 ms) and delays the reference to it.
	EchoTail time.Duration `yaml:"echo_tail"`
	// Jitter is the jitter buffer's target depth (default 40ms, 20–200ms).
	Jitter time.Duration `yaml:"jitter"`
	// BitRate is the Opus bit rate sent (default 32000).
	BitRate int `yaml:"bitrate"`

	// StreamID groups the audio track with the video track in the same
	// stream (default "intercomd"); use the camera's.
	StreamID string `yaml:"-"`
	// OnError receives errors the audio loops meet while running: above all
	// a device that vanished (errors.Is(err, ErrAudioDeviceGone)); the loops
	// retry with backoff and log when it comes back. It runs on the loop's
	// goroutine and must not block.
	OnError func(error) `yaml:"-"`
	// OnRecover is called when a device OnError reported works again, with
	// its role and name ("microphone hw:1,0"): capture or playback has
	// resumed. It runs on the loop's goroutine and must not block.
	OnRecover func(device string) `yaml:"-"`
	// Logger receives the audio loops' logs (default slog.Default()).
	Logger *slog.Logger `yaml:"-"`

	open    pcmOpener           // default openALSA
	devices func() AudioDevices // default ProbeAudio
	backoff time.Duration       // first retry delay (default 500ms)
}

func (c AudioConfig) withDefaults() AudioConfig {
	if c.Rate == 0 {
		c.Rate = audioRate
	}
	if c.Channels == 0 {
		c.Channels = 1
	}
	if c.Period == 0 {
		c.Period = 10 * time.Millisecond
	}
	if c.EchoTail == 0 {
		c.EchoTail = 100 * time.Millisecond
	}
	if c.Jitter == 0 {
		c.Jitter = 40 * time.Millisecond
	}
	if c.BitRate == 0 {
		c.BitRate = 32_000
	}
	if c.StreamID == "" {
		c.StreamID = "intercomd"
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.open == nil {
		c.open = openALSA
	}
	if c.devices == nil {
		c.devices = ProbeAudio
	}
	if c.backoff == 0 {
		c.backoff = 500 * time.Millisecond
	}
	return c
}

// Validate reports the first field NewAudio would reject, after defaults.
func (c AudioConfig) Validate() error {
	c = c.withDefaults()
	switch {
	case c.Rate < 8000 || c.Rate > 192000:
		return fmt.Errorf("device: audio rate %d Hz: need 8000 to 192000", c.Rate)
	case c.Channels < 1 || c.Channels > 8:
		return fmt.Errorf("device: audio channels %d: need 1 to 8", c.Channels)
	case c.Period < 2*time.Millisecond || c.Period > 100*time.Millisecond:
		return fmt.Errorf("device: audio period %v: need 2ms to 100ms (10ms is a good start)", c.Period)
	case c.GainDB < -20 || c.GainDB > 30:
		return fmt.Errorf("device: microphone gain %g dB: need -20 to 30", c.GainDB)
	case c.VolumeDB < -60 || c.VolumeDB > 12:
		return fmt.Errorf("device: speaker volume %g dB: need -60 to 12", c.VolumeDB)
	case c.Jitter < 20*time.Millisecond || c.Jitter > 200*time.Millisecond:
		return fmt.Errorf("device: jitter buffer %v: need 20ms to 200ms", c.Jitter)
	case c.EchoTail < 20*time.Millisecond || c.EchoTail > 500*time.Millisecond:
		return fmt.Errorf("device: echo tail %v: need 20ms to 500ms", c.EchoTail)
	case c.BitRate < 6000 || c.BitRate > 510_000:
		return fmt.Errorf("device: Opus bit rate %d: need 6000 to 510000 bit/s", c.BitRate)
	case c.EchoCancel == EchoCancelSpeex && !speexAvailable:
		_, err := newSpeexAEC(aecFrame, 0, audioRate)
		return err
	case c.EchoCancel < EchoCancelAuto || c.EchoCancel > EchoCancelOff:
		return fmt.Errorf("device: echo cancellation mode %d: use auto, speex, halfduplex or off", int(c.EchoCancel))
	}
	return nil
}

func disabled(name string) bool { return strings.EqualFold(strings.TrimSpace(name), "none") }

// Audio is the door station's microphone and speaker. It is a Source with an
// audio track only (join it with a camera through Combine): ALSA capture →
// gain → echo cancellation → Opus, encoded once for every call. And it is the
// sink for received audio: each call's remote audio goes through its own
// jitter buffer and decoder, the calls are mixed and played on the speaker,
// and what is played is the echo canceller's reference.
//
// Capture runs only while a call is bound to the track and playback only
// while a call is receiving audio, so an idle station keeps both devices
// closed (and free for other programs). A device that vanishes is reported
// through AudioConfig.OnError; the other direction carries on, and the
// missing one is reopened with backoff (0.5 s doubling to 5 s) and reported
// through AudioConfig.OnRecover when it works again.
//
// Every goroutine belongs to Audio and Close waits for them.
type Audio struct {
	cfg  AudioConfig
	log  *slog.Logger
	mode EchoCancel // resolved: never auto

	track *SharedAudioTrack // nil without capture
	enc   *OpusEncoder
	ref   *echoRef

	micMuted, spkMuted atomic.Bool
	gain, volume       float64

	capWake, spkWake chan struct{}

	mu      sync.Mutex
	streams map[*AudioSink]struct{}
	closed  bool

	packets, captured, played atomic.Uint64
	capOut, spkOut, spkXruns  atomic.Uint64
	encNanos, aecNanos        atomic.Int64
	decNanos                  atomic.Int64
	jitter                    JitterStats // of closed streams, under mu

	done      chan struct{}
	wg        sync.WaitGroup
	closeOnce sync.Once
}

var _ Source = (*Audio)(nil)

// NewAudio starts the microphone and speaker loops (idle until a call uses
// them). Devices are opened when needed, not here: a missing card is
// reported through OnError and retried, not fatal, so the daemon can start
// before a USB card enumerates.
func NewAudio(cfg AudioConfig) (*Audio, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	a := &Audio{
		cfg:     cfg,
		log:     cfg.Logger.With("source", "audio"),
		ref:     newEchoRef(),
		gain:    math.Pow(10, cfg.GainDB/20),
		volume:  math.Pow(10, cfg.VolumeDB/20),
		capWake: make(chan struct{}, 1),
		spkWake: make(chan struct{}, 1),
		streams: map[*AudioSink]struct{}{},
		done:    make(chan struct{}),
	}
	a.micMuted.Store(cfg.Mute)
	a.spkMuted.Store(cfg.SpeakerMute)
	capture, playback := !disabled(cfg.Capture), !disabled(cfg.Playback)
	a.mode = cfg.EchoCancel
	if a.mode == EchoCancelAuto {
		switch {
		case !capture || !playback:
			a.mode = EchoCancelOff
		case speexAvailable:
			a.mode = EchoCancelSpeex
		default:
			a.mode = EchoCancelHalfDuplex
		}
	}
	if capture {
		// Without cgo there is no Opus; the microphone still goes out as
		// G.711, which peers negotiate when this build offers nothing else.
		enc, err := NewOpusEncoder(cfg.BitRate)
		if err != nil && !errors.Is(err, ErrNoEncoder) {
			return nil, fmt.Errorf("device: microphone %s: %w", cfg.Capture, err)
		}
		a.enc = enc
		t, err := NewSharedAudioTrack("audio", cfg.StreamID, func(int) { wake(a.capWake) })
		if err != nil {
			if enc != nil {
				enc.Close()
			}
			return nil, fmt.Errorf("device: microphone track: %w", err)
		}
		a.track = t
		a.wg.Add(1)
		go a.runCapture()
	}
	if playback {
		a.wg.Add(1)
		go a.runPlayback()
	}
	a.log.Info("audio ready", "capture", cfg.Capture, "playback", cfg.Playback, "echo_cancel", a.mode.String())
	return a, nil
}

// EchoCancelMode returns the echo cancellation in use (auto resolved).
func (a *Audio) EchoCancelMode() EchoCancel { return a.mode }

// AudioTrack returns the microphone's track, or nil with Capture "none".
func (a *Audio) AudioTrack() webrtc.TrackLocal {
	if a.track == nil {
		return nil
	}
	return a.track
}

// VideoTrack returns nil: Audio has no video. Combine it with a camera.
func (a *Audio) VideoTrack() webrtc.TrackLocal { return nil }

// RequestKeyframe does nothing: audio has no keyframes.
func (a *Audio) RequestKeyframe() {}

// SentCounts returns the Opus packets written to the track so far.
func (a *Audio) SentCounts() (audioPackets, videoFrames uint64) { return a.packets.Load(), 0 }

// SetMicMuted mutes or unmutes the microphone: muted, the track carries
// silence (the call stays up and the far end hears nothing).
func (a *Audio) SetMicMuted(muted bool) { a.micMuted.Store(muted) }

// MicMuted reports whether the microphone is muted.
func (a *Audio) MicMuted() bool { return a.micMuted.Load() }

// SetSpeakerMuted silences or restores the speaker; received audio is still
// decoded (so the jitter buffers keep time) but not played.
func (a *Audio) SetSpeakerMuted(muted bool) { a.spkMuted.Store(muted) }

// SpeakerMuted reports whether the speaker is muted.
func (a *Audio) SpeakerMuted() bool { return a.spkMuted.Load() }

// AudioStats describe what the audio pipeline has done so far.
type AudioStats struct {
	// PacketsSent counts Opus packets written to the track; CapturedFrames
	// and PlayedFrames count 48 kHz samples through the two devices.
	PacketsSent                  uint64
	CapturedFrames, PlayedFrames uint64
	// CaptureOutages and PlaybackOutages count times a device vanished or
	// could not be opened while needed.
	CaptureOutages, PlaybackOutages uint64
	// SpeakerUnderruns counts times the speaker ran dry (a click) and the
	// playback queue was made a period longer.
	SpeakerUnderruns uint64
	// EncodeTime, EchoCancelTime and DecodeTime are the CPU spent so far.
	EncodeTime, EchoCancelTime, DecodeTime time.Duration
	// Jitter sums the jitter buffers of every call, ended or not.
	Jitter JitterStats
	// EchoCancel is the mode in use.
	EchoCancel EchoCancel
}

// Stats returns the counters.
func (a *Audio) Stats() AudioStats {
	st := AudioStats{
		PacketsSent: a.packets.Load(), CapturedFrames: a.captured.Load(), PlayedFrames: a.played.Load(),
		CaptureOutages: a.capOut.Load(), PlaybackOutages: a.spkOut.Load(), SpeakerUnderruns: a.spkXruns.Load(),
		EncodeTime: time.Duration(a.encNanos.Load()), EchoCancelTime: time.Duration(a.aecNanos.Load()),
		DecodeTime: time.Duration(a.decNanos.Load()), EchoCancel: a.mode,
	}
	a.mu.Lock()
	st.Jitter = a.jitter
	for s := range a.streams {
		st.Jitter = addJitter(st.Jitter, s.jb.statsNow())
	}
	a.mu.Unlock()
	return st
}

func addJitter(a, b JitterStats) JitterStats {
	a.Received += b.Received
	a.Invalid += b.Invalid
	a.Late += b.Late
	a.Duplicate += b.Duplicate
	a.Played += b.Played
	a.Lost += b.Lost
	a.Dropped += b.Dropped
	a.Inserted += b.Inserted
	a.Underruns += b.Underruns
	a.Resets += b.Resets
	return a
}

// Close stops both loops, waits for them, closes the devices and ends every
// call's sink.
func (a *Audio) Close() error {
	a.closeOnce.Do(func() {
		a.mu.Lock()
		a.closed = true
		a.mu.Unlock()
		close(a.done)
		a.wg.Wait()
		if a.enc != nil {
			a.enc.Close()
		}
		a.mu.Lock()
		for s := range a.streams {
			s.free()
		}
		clear(a.streams)
		a.mu.Unlock()
	})
	return nil
}

// report hands a loop's error to OnError and the log.
func (a *Audio) report(err error) {
	a.log.Warn("audio device problem", "err", err)
	if a.cfg.OnError != nil {
		a.cfg.OnError(err)
	}
}

// sleep waits d or until Close; false when closing.
func (a *Audio) sleep(d time.Duration, wakeup chan struct{}) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-a.done:
		return false
	case <-t.C:
	case <-wakeup:
	}
	return true
}

func (a *Audio) stopping() bool {
	select {
	case <-a.done:
		return true
	default:
		return false
	}
}

// openDevice resolves name afresh (a replugged USB card can change number)
// and opens it at 48 kHz-ish.
func (a *Audio) openDevice(name string, capture bool) (pcmStream, error) {
	pc, err := a.cfg.devices().Resolve(name, capture)
	if err != nil {
		return nil, err
	}
	period := int(a.cfg.Period * time.Duration(a.cfg.Rate) / time.Second)
	return a.cfg.open(pc, capture, pcmParams{rate: a.cfg.Rate, channels: a.cfg.Channels, format: pcmFormatS16LE, period: period, buffer: 4 * period})
}

// outage tracks one direction's failures: report the first error of an
// outage, log the recovery, back off between attempts.
type outage struct {
	down    bool
	delay   time.Duration
	counter *atomic.Uint64
}

func (o *outage) fail(a *Audio, err error) time.Duration {
	if !o.down {
		o.down = true
		o.delay = a.cfg.backoff
		o.counter.Add(1)
		a.report(err)
	} else {
		o.delay = min(2*o.delay, 5*time.Second)
	}
	return o.delay
}

func (o *outage) ok(a *Audio, what string, p pcmParams) {
	if o.down {
		a.log.Info("audio device is back", "device", what, "params", p.String())
		if a.cfg.OnRecover != nil {
			a.cfg.OnRecover(what)
		}
	} else {
		a.log.Info("audio device open", "device", what, "params", p.String())
	}
	o.down = false
}

// runCapture owns the microphone: opened while a call is bound to the track,
// read period by period, converted to 48 kHz mono, gained, echo-cancelled
// and encoded in 20 ms packets.
func (a *Audio) runCapture() {
	defer a.wg.Done()
	o := outage{counter: &a.capOut}
	for !a.stopping() {
		if a.track.Bound() == 0 {
			select {
			case <-a.done:
				return
			case <-a.capWake:
				continue
			}
		}
		pcm, err := a.openDevice(a.cfg.Capture, true)
		if err != nil {
			if !a.sleep(o.fail(a, fmt.Errorf("device: microphone: %w", err)), nil) {
				return
			}
			continue
		}
		o.ok(a, "microphone "+a.cfg.Capture, pcm.params())
		err = a.capture(pcm)
		pcm.close()
		if err != nil {
			if !a.sleep(o.fail(a, fmt.Errorf("device: microphone: %w", err)), nil) {
				return
			}
		}
	}
}

// capture runs one open capture device until the track is unbound (nil), the
// device fails (its error) or Audio closes (nil).
func (a *Audio) capture(pcm pcmStream) error {
	p := pcm.params()
	aec, err := newEchoCanceller(a.mode, int(a.cfg.EchoTail*audioRate/time.Second))
	if err != nil {
		a.report(fmt.Errorf("device: %w; continuing without echo cancellation", err))
		aec = passThrough{}
	}
	defer aec.close()
	rs := newResampler(p.rate, audioRate)
	a.ref.reset()
	in := make([]int16, p.period*p.channels)
	var mono, frame48 []int16
	ref := make([]int16, aecFrame)
	out := make([]int16, aecFrame)
	pkt := make([]int16, 0, audioSamples)
	for a.track.Bound() > 0 && !a.stopping() {
		n, err := pcm.read(in)
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		mono = downmix(mono[:0], in[:n*p.channels], p.channels)
		frame48 = rs.process(frame48, mono)
		a.captured.Add(uint64(n))
		for len(frame48) >= aecFrame {
			mic := frame48[:aecFrame]
			for i, v := range mic {
				mic[i] = clip16(float64(v) * a.gain)
			}
			a.ref.pop(ref)
			start := time.Now()
			aec.process(mic, ref, out)
			a.aecNanos.Add(int64(time.Since(start)))
			pkt = append(pkt, out...)
			frame48 = frame48[:copy(frame48, frame48[aecFrame:])]
			if len(pkt) == audioSamples {
				a.send(pkt)
				pkt = pkt[:0]
			}
		}
	}
	return nil
}

// send encodes one 20 ms packet (silence when muted) in the codecs the
// calls negotiated (Opus, or G.711 for peers without it) and writes it.
func (a *Audio) send(pcm []int16) {
	if a.micMuted.Load() {
		clear(pcm)
	}
	start := time.Now()
	err := a.track.WriteFrame(pcm, a.encodeOpus)
	a.encNanos.Add(int64(time.Since(start)))
	if err != nil {
		a.log.Warn("encoding an audio packet failed", "err", err)
		return
	}
	a.packets.Add(1)
}

// downmix averages interleaved channels into mono.
func downmix(dst, in []int16, ch int) []int16 {
	if ch == 1 {
		return append(dst, in...)
	}
	for i := 0; i+ch <= len(in); i += ch {
		var s int
		for c := range ch {
			s += int(in[i+c])
		}
		dst = append(dst, int16(s/ch))
	}
	return dst
}

// upmix copies mono to every channel.
func upmix(dst, in []int16, ch int) []int16 {
	if ch == 1 {
		return append(dst, in...)
	}
	for _, v := range in {
		for range ch {
			dst = append(dst, v)
		}
	}
	return dst
}

// runPlayback owns the speaker: open while a call receives audio; every
// 10 ms it mixes the calls' decoded audio, writes it (the speaker's queue
// paces the loop, see playback) and hands it to the echo canceller as the
// reference.
func (a *Audio) runPlayback() {
	defer a.wg.Done()
	o := outage{counter: &a.spkOut}
	for !a.stopping() {
		if a.streamCount() == 0 {
			select {
			case <-a.done:
				return
			case <-a.spkWake:
				continue
			}
		}
		pcm, err := a.openDevice(a.cfg.Playback, false)
		if err != nil {
			if !a.sleep(o.fail(a, fmt.Errorf("device: speaker: %w", err)), nil) {
				return
			}
			continue
		}
		o.ok(a, "speaker "+a.cfg.Playback, pcm.params())
		err = a.playback(pcm)
		pcm.close()
		if err != nil {
			if !a.sleep(o.fail(a, fmt.Errorf("device: speaker: %w", err)), nil) {
				return
			}
		}
	}
}

func (a *Audio) streamCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.streams)
}

// playback runs one open playback device until no call receives audio (nil),
// the device fails or Audio closes.
//
// The loop keeps the speaker's queue short rather than full: it waits until
// no more than a margin (one period, 10 ms) is left queued, then pops the
// jitter buffers, mixes and writes 10 ms, so about 2 periods are queued
// right after a write instead of the 4 the buffer holds: what is popped
// leaves the speaker 10 ms later instead of about 40 (a 30 ms queue ahead,
// and the pop a period before the write had room). The margin is what
// the loop has to wake up and write in; after an underrun it grows by a
// period (up to the buffer), so a slow or busy machine trades latency for
// clean sound instead of clicking again.
func (a *Audio) playback(pcm pcmStream) error {
	p := pcm.params()
	rs := newResampler(audioRate, p.rate)
	mix := make([]int32, aecFrame)
	frame := make([]int16, aecFrame)
	var dev, out []int16
	var list []*AudioSink
	chunk := p.rate / 100 // frames per write
	margin := playbackMargin(p, chunk)
	xruns := pcm.xruns()
	for !a.stopping() {
		if err := pcm.waitQueued(margin); err != nil {
			return err
		}
		a.mu.Lock()
		list = list[:0]
		for s := range a.streams {
			list = append(list, s)
		}
		a.mu.Unlock()
		if len(list) == 0 {
			return nil
		}
		clear(mix)
		for _, s := range list {
			start := time.Now()
			s.fill(aecFrame)
			a.decNanos.Add(int64(time.Since(start)))
			for i, v := range s.pcm[:aecFrame] {
				mix[i] += int32(v)
			}
			s.consume(aecFrame)
		}
		vol := a.volume
		if a.spkMuted.Load() {
			vol = 0
		}
		for i, v := range mix {
			frame[i] = clip16(float64(v) * vol)
		}
		dev = rs.process(dev[:0], frame)
		out = upmix(out[:0], dev, p.channels)
		if err := pcm.write(out); err != nil {
			return err
		}
		a.ref.push(frame)
		a.played.Add(aecFrame)
		if n := pcm.xruns(); n > xruns {
			a.spkXruns.Add(uint64(n - xruns))
			xruns = n
			if margin+chunk+p.period <= p.buffer {
				margin += p.period
				a.log.Info("speaker underrun: queueing one period more", "queued_after_write", time.Duration(margin+chunk)*time.Second/time.Duration(p.rate))
			}
		}
	}
	return nil
}

// playbackMargin is how many frames the playback loop leaves queued when it
// wakes to write chunk more: a period, or a chunk if that is longer (the
// write must fit the time the queue lasts), and enough that the queue after
// the write reaches the start threshold of two periods.
func playbackMargin(p pcmParams, chunk int) int {
	m := max(p.period, chunk, 2*p.period-chunk)
	return min(m, max(p.buffer-chunk, 0))
}

// echoRef carries what the speaker played to the echo canceller. The
// playback loop pushes each 10 ms it writes; the capture loop pops 10 ms per
// microphone frame. The reference must never lag the echo (the canceller
// cannot model a negative delay), so the backlog is kept short: a reference
// that is early by the playback buffer and the room is what the adaptive
// filter's tail covers.
type echoRef struct {
	mu  sync.Mutex
	buf []int16
}

const (
	echoRefMax  = 6 * aecFrame // 60 ms backlog: trim
	echoRefKeep = 2 * aecFrame
)

func newEchoRef() *echoRef { return &echoRef{} }

func (r *echoRef) push(p []int16) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf = append(r.buf, p...)
	if len(r.buf) > echoRefMax {
		r.buf = r.buf[:copy(r.buf, r.buf[len(r.buf)-echoRefKeep:])]
	}
}

// pop fills dst with the oldest reference, zeros where there is none.
func (r *echoRef) pop(dst []int16) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := copy(dst, r.buf)
	clear(dst[n:])
	r.buf = r.buf[:copy(r.buf, r.buf[n:])]
}

func (r *echoRef) reset() {
	r.mu.Lock()
	r.buf = r.buf[:0]
	r.mu.Unlock()
}

// ErrAudioClosed is returned by NewAudioSink after Close.
var ErrAudioClosed = errors.New("device: audio is closed")

// Playing reports whether the speaker direction is in use (Playback is not "none").
func (a *Audio) Playing() bool { return !disabled(a.cfg.Playback) }

// encodeOpus is the microphone's Opus encoder, or ErrNoEncoder in a build
// without cgo (whose peers get G.711 and never ask for Opus).
func (a *Audio) encodeOpus(pcm []int16) ([]byte, error) {
	if a.enc == nil {
		return nil, fmt.Errorf("device: microphone: no Opus in this build: %w", ErrNoEncoder)
	}
	return a.enc.Encode(pcm)
}
