package device

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// fakeSoundCard stands in for ALSA: one card whose capture side plays a
// generator and whose playback side records what it is given, both paced in
// real time. Fields are the knobs a test turns to simulate hardware.
type fakeSoundCard struct {
	mu sync.Mutex
	// gone makes opens fail and open streams return ErrAudioDeviceGone, as an
	// unplugged USB card does.
	gone map[bool]bool // by capture
	// capRate, capChannels, playRate, playChannels are the hardware's only
	// formats (the negotiation intercomd would do).
	capRate, capChannels, playRate, playChannels int
	// gen makes capture samples: frame index → mono sample.
	gen     func(i int) int16
	genPos  int
	played  []int16 // mono, at playRate
	opens   map[bool]int
	streams []*fakePCM
}

func newFakeSoundCard() *fakeSoundCard {
	return &fakeSoundCard{
		gone: map[bool]bool{}, opens: map[bool]int{},
		capRate: 48000, capChannels: 1, playRate: 48000, playChannels: 1,
		gen: func(int) int16 { return 0 },
	}
}

func (c *fakeSoundCard) devices() AudioDevices {
	card := AudioCard{Index: 1, ID: "Fake", Driver: "fake", Name: "Fake Sound Card"}
	return AudioDevices{Cards: []AudioCard{card}, PCMs: []AudioPCM{{Card: card, Device: 0, Name: "Fake PCM", Capture: 1, Playback: 1}}}
}

func (c *fakeSoundCard) open(p AudioPCM, capture bool, want pcmParams) (pcmStream, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	dir := map[bool]string{true: "capture", false: "playback"}[capture]
	if c.gone[capture] {
		return nil, fmt.Errorf("device: ALSA %s %s: %w", dir, p.HW(), ErrAudioDeviceGone)
	}
	c.opens[capture]++
	rate, ch := c.playRate, c.playChannels
	if capture {
		rate, ch = c.capRate, c.capChannels
	}
	period := want.period * rate / want.rate
	f := &fakePCM{card: c, capture: capture, name: "ALSA " + dir + " " + p.HW(),
		p: pcmParams{rate: rate, channels: ch, format: pcmFormatS16LE, period: period, buffer: 4 * period}}
	c.streams = append(c.streams, f)
	return f, nil
}

func (c *fakeSoundCard) setGone(capture, gone bool) {
	c.mu.Lock()
	c.gone[capture] = gone
	c.mu.Unlock()
}

func (c *fakeSoundCard) openCount(capture bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opens[capture]
}

// playedSince returns the mono samples played after index from.
func (c *fakeSoundCard) playedSince(from int) []int16 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if from > len(c.played) {
		return nil
	}
	return append([]int16(nil), c.played[from:]...)
}

func (c *fakeSoundCard) playedLen() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.played)
}

// fakePCM is one open stream of a fakeSoundCard.
type fakePCM struct {
	card    *fakeSoundCard
	capture bool
	name    string
	p       pcmParams
	start   time.Time
	frames  int // frames moved so far, for pacing
	closed  atomic.Bool
}

func (f *fakePCM) params() pcmParams { return f.p }

// pace sleeps until frames worth of time has passed since the first call.
func (f *fakePCM) pace(frames int) {
	if f.start.IsZero() {
		f.start = time.Now()
	}
	f.frames += frames
	due := f.start.Add(time.Duration(f.frames) * time.Second / time.Duration(f.p.rate))
	if d := time.Until(due); d > 0 {
		time.Sleep(d)
	}
}

func (f *fakePCM) read(buf []int16) (int, error) {
	frames := min(len(buf)/f.p.channels, f.p.period)
	f.pace(frames)
	c := f.card
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gone[true] {
		return 0, fmt.Errorf("device: %s: read: %w", f.name, ErrAudioDeviceGone)
	}
	for i := range frames {
		v := c.gen(c.genPos)
		c.genPos++
		for k := range f.p.channels {
			buf[i*f.p.channels+k] = v
		}
	}
	return frames, nil
}

func (f *fakePCM) write(buf []int16) error {
	frames := len(buf) / f.p.channels
	f.pace(frames)
	c := f.card
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gone[false] {
		return fmt.Errorf("device: %s: write: %w", f.name, ErrAudioDeviceGone)
	}
	for i := range frames {
		c.played = append(c.played, buf[i*f.p.channels])
	}
	return nil
}

func (f *fakePCM) delay() int { return 0 }

// waitQueued returns at once: write paces in real time and queues nothing.
func (f *fakePCM) waitQueued(int) error { return nil }
func (f *fakePCM) xruns() int           { return 0 }

func (f *fakePCM) close() error {
	f.closed.Store(true)
	return nil
}
