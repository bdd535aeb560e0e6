package device

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/pion/rtp"
)

// virtualSpeaker is a playback PCM on a simulated clock, so that the
// playback loop's pacing can be checked exactly on a busy machine. It plays
// one sample every 1/rate of virtual time; virtual time passes only while
// the loop waits in waitQueued (the loop's own work takes none), plus
// whatever late adds there, which is how a test makes the loop wake up late.
// As ALSA's does, the stream starts once two periods are queued and stops
// when its buffer runs dry (an underrun), to start again the same way.
type virtualSpeaker struct {
	p pcmParams
	// tick runs for each millisecond of virtual time that passes (on the
	// playback goroutine): the test delivers the packets due by now.
	tick func(now time.Duration)
	// late is how long after the due time the loop wakes at now.
	late func(now time.Duration) time.Duration
	// closed is closed when the playback loop closes the stream.
	closed chan struct{}

	mu              sync.Mutex
	now             int // virtual time, frames
	queued          int
	running         bool
	underruns       int
	maxQueued       int     // right after a write
	queuedAfterXrun int     // the most queued after a write that followed an underrun
	played          []int16 // everything written, channel 0
}

func newVirtualSpeaker(p pcmParams) *virtualSpeaker {
	return &virtualSpeaker{p: p, closed: make(chan struct{}),
		tick: func(time.Duration) {}, late: func(time.Duration) time.Duration { return 0 }}
}

var _ pcmStream = (*virtualSpeaker)(nil)

func (v *virtualSpeaker) params() pcmParams { return v.p }

func (v *virtualSpeaker) read([]int16) (int, error) {
	return 0, fmt.Errorf("virtual speaker: cannot capture")
}

func (v *virtualSpeaker) virtualNow() time.Duration {
	return time.Duration(v.now) * time.Second / time.Duration(v.p.rate)
}

// advance lets frames of virtual time pass, a millisecond at a time.
func (v *virtualSpeaker) advance(frames int) {
	step := v.p.rate / 1000
	for frames > 0 {
		d := min(step, frames)
		frames -= d
		v.now += d
		if v.running {
			if d >= v.queued {
				v.queued, v.running = 0, false
				v.underruns++
			} else {
				v.queued -= d
			}
		}
		tick, now := v.tick, v.virtualNow()
		v.mu.Unlock()
		tick(now)
		v.mu.Lock()
	}
}

func (v *virtualSpeaker) waitQueued(frames int) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.running {
		return nil
	}
	v.advance(max(0, v.queued-frames) + int(v.late(v.virtualNow())*time.Duration(v.p.rate)/time.Second))
	return nil
}

func (v *virtualSpeaker) write(buf []int16) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	n := len(buf) / v.p.channels
	if v.queued+n > v.p.buffer {
		return fmt.Errorf("virtual speaker: %d frames written onto %d queued overflow the %d-frame buffer", n, v.queued, v.p.buffer)
	}
	for i := range n {
		v.played = append(v.played, buf[i*v.p.channels])
	}
	v.queued += n
	if !v.running && v.queued >= 2*v.p.period {
		v.running = true
	}
	v.maxQueued = max(v.maxQueued, v.queued)
	if v.underruns > 0 {
		v.queuedAfterXrun = max(v.queuedAfterXrun, v.queued)
	}
	return nil
}

func (v *virtualSpeaker) delay() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.queued
}

func (v *virtualSpeaker) xruns() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.underruns
}

func (v *virtualSpeaker) close() error {
	close(v.closed)
	return nil
}

// playbackRun describes one simulated call: PCMU packets of a 440 Hz tone,
// sent every 20 ms for dur, the first arriving at phase, each delayed by a
// jitter drawn from arrive.
type playbackRun struct {
	target time.Duration // the jitter buffer's
	dur    time.Duration
	phase  time.Duration
	jitter func(r *rand.Rand) time.Duration
	late   func(now time.Duration) time.Duration
}

type playbackResult struct {
	spk    *virtualSpeaker
	stats  JitterStats
	stream []int16 // played from the first sound on, at 48 kHz
}

const toneHz = 440

// runPlayback plays r through a real Audio's playback loop into a
// virtualSpeaker (48 kHz mono, 10 ms periods, 4 of them).
func runPlayback(t *testing.T, r playbackRun) playbackResult {
	t.Helper()
	spk := newVirtualSpeaker(pcmParams{rate: audioRate, channels: 1, format: pcmFormatS16LE, period: aecFrame, buffer: 4 * aecFrame})
	if r.late != nil {
		spk.late = r.late
	}
	card := newFakeSoundCard()
	cfg := AudioConfig{Capture: "none", Playback: "hw:1,0", EchoCancel: EchoCancelOff, Jitter: r.target}
	cfg.devices = card.devices
	opened, ready := 0, make(chan struct{})
	cfg.open = func(AudioPCM, bool, pcmParams) (pcmStream, error) {
		if opened++; opened > 1 {
			return nil, fmt.Errorf("virtual speaker opened %d times", opened)
		}
		<-ready // virtual time starts once the call's packets are set up
		return spk, nil
	}
	a, err := NewAudio(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sink, err := a.NewAudioSink("c", "audio/PCMU", 8000)
	if err != nil {
		t.Fatal(err)
	}

	// The packets and when they arrive.
	rng := rand.New(rand.NewPCG(uint64(r.phase), 7))
	n := int(r.dur / audioInterval)
	type arrival struct {
		at  time.Duration
		pkt []byte
	}
	arrivals := make([]arrival, n)
	tone := make([]int16, 160)
	for k := range n {
		for i := range tone {
			tone[i] = int16(8000 * math.Sin(2*math.Pi*toneHz*float64(160*k+i)/8000))
		}
		p := rtp.Packet{Header: rtp.Header{Version: 2, SequenceNumber: uint16(k), Timestamp: uint32(160 * k), SSRC: 1}, Payload: EncodeULaw(nil, tone)}
		b, err := p.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		at := r.phase + time.Duration(k)*audioInterval
		if r.jitter != nil {
			at += r.jitter(rng)
		}
		arrivals[k] = arrival{at, b}
	}
	// Deliver in arrival order (jitter may reorder), and end the call
	// after the last one.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && arrivals[j].at < arrivals[j-1].at; j-- {
			arrivals[j], arrivals[j-1] = arrivals[j-1], arrivals[j]
		}
	}
	next, end := 0, arrivals[n-1].at+audioInterval
	var stats JitterStats
	spk.tick = func(now time.Duration) {
		for next < n && arrivals[next].at <= now {
			if err := sink.WriteRTP(arrivals[next].pkt); err != nil {
				t.Error(err)
			}
			next++
		}
		if next == n && now >= end {
			stats = sink.Stats()
			sink.Close()
			next++
		}
	}
	close(ready)
	select {
	case <-spk.closed:
	case <-time.After(30 * time.Second):
		t.Fatal("the playback loop did not finish the simulated call")
	}
	spk.mu.Lock()
	defer spk.mu.Unlock()
	res := playbackResult{spk: spk, stats: stats}
	for i, v := range spk.played {
		if v > 1000 || v < -1000 {
			res.stream = spk.played[i:]
			break
		}
	}
	return res
}

// toneSNR is how closely the stream follows one unbroken 440 Hz tone: a
// gap, a concealed or repeated frame or a dropped one breaks it.
func toneSNR(stream []int16) float64 {
	if len(stream) < audioRate/10 {
		return math.Inf(-1)
	}
	ref := sine(len(stream)+audioRate/toneHz+1, audioRate, toneHz, 8000)
	snr, _ := bestLagSNR(stream, ref, 0, audioRate/toneHz+1)
	return snr
}

// TestPlaybackKeepsTheSpeakerQueueShort: with a steady feed and with jittery
// delivery, the playback loop keeps at most 2 periods queued on the speaker,
// never lets it run dry, and the tone comes out unbroken.
func TestPlaybackKeepsTheSpeakerQueueShort(t *testing.T) {
	const maxPeriods = 2
	for _, tc := range []struct {
		name string
		run  playbackRun
	}{
		{"steady", playbackRun{target: 40 * time.Millisecond, dur: 3 * time.Second, phase: 7 * time.Millisecond}},
		{"steady/jitter20ms", playbackRun{target: 20 * time.Millisecond, dur: 3 * time.Second, phase: 13 * time.Millisecond}},
		// Up to 15 ms late on a 40 ms target, as a busy Wi-Fi delivers.
		{"jittery", playbackRun{target: 40 * time.Millisecond, dur: 5 * time.Second, phase: 3 * time.Millisecond,
			jitter: func(r *rand.Rand) time.Duration { return time.Duration(r.Float64() * float64(15*time.Millisecond)) }}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runPlayback(t, tc.run)
			spk := res.spk
			snr := toneSNR(res.stream)
			t.Logf("speaker queue at most %d frames (%.1f periods); %d underruns; jitter buffer: %v; tone SNR %.1f dB",
				spk.maxQueued, float64(spk.maxQueued)/float64(spk.p.period), spk.underruns, res.stats, snr)
			if spk.maxQueued > maxPeriods*spk.p.period {
				t.Errorf("%d frames queued after a write; want at most %d periods (%d)", spk.maxQueued, maxPeriods, maxPeriods*spk.p.period)
			}
			if spk.maxQueued < spk.p.period+aecFrame {
				t.Errorf("only %d frames queued after a write: the loop waits too long", spk.maxQueued)
			}
			if spk.underruns > 0 {
				t.Errorf("the speaker ran dry %d times", spk.underruns)
			}
			if st := res.stats; st.Lost+st.Underruns+st.Inserted+st.Dropped > 0 {
				t.Errorf("jitter buffer concealed or adjusted: %v", st)
			}
			if snr < 30 {
				t.Errorf("the tone came out broken: SNR %.1f dB against an unbroken 440 Hz tone, want >= 30", snr)
			}
			if want := int(tc.run.dur/audioInterval) * audioSamples; len(res.stream) < want-int(tc.run.target/audioInterval+2)*audioSamples {
				t.Errorf("%d samples of tone played, want about %d", len(res.stream), want)
			}
		})
	}
}

// TestPlaybackLengthensTheQueueAfterAnUnderrun: a loop that wakes up 15 ms
// late once (longer than the 10 ms margin) makes the speaker run dry; from
// then on it keeps a period more queued, and the same late wakeup no longer
// reaches the speaker.
func TestPlaybackLengthensTheQueueAfterAnUnderrun(t *testing.T) {
	lateAt := []time.Duration{time.Second, 2 * time.Second}
	res := runPlayback(t, playbackRun{target: 40 * time.Millisecond, dur: 3 * time.Second, phase: 5 * time.Millisecond,
		late: func(now time.Duration) time.Duration {
			if len(lateAt) > 0 && now >= lateAt[0] {
				lateAt = lateAt[1:]
				return 15 * time.Millisecond
			}
			return 0
		}})
	spk := res.spk
	t.Logf("%d underruns; queue at most %d frames, %d after the underrun", spk.underruns, spk.maxQueued, spk.queuedAfterXrun)
	if spk.underruns != 1 {
		t.Errorf("%d underruns from two late wakeups; want 1 (the second finds a longer queue)", spk.underruns)
	}
	if want := 3 * spk.p.period; spk.queuedAfterXrun != want {
		t.Errorf("after the underrun %d frames queued; want %d (3 periods)", spk.queuedAfterXrun, want)
	}
}

// TestJitterTargetOnALAN weighs the jitter buffer's target against delivery
// jitter: packets late by a uniform 0..J, at ten phases between the
// sender's and the speaker's clocks (real clocks drift, so a call sweeps
// through all of them), 10 s each. It reports the glitches (concealed,
// inserted or skipped packets, and silences) per minute for each target and
// asserts that the default target plays up to 10 ms of jitter without one.
func TestJitterTargetOnALAN(t *testing.T) {
	const phases = 10
	for _, target := range []time.Duration{20 * time.Millisecond, 40 * time.Millisecond} {
		for _, j := range []time.Duration{2 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond} {
			var glitches uint64
			bad := 0
			for ph := range phases {
				res := runPlayback(t, playbackRun{target: target, dur: 10 * time.Second,
					phase:  time.Duration(ph) * audioInterval / phases,
					jitter: func(r *rand.Rand) time.Duration { return time.Duration(r.Float64() * float64(j)) }})
				st := res.stats
				g := st.Lost + st.Underruns + st.Inserted + st.Dropped
				glitches += g
				if g > 0 {
					bad++
				}
				if res.spk.underruns > 0 {
					t.Errorf("target %v, jitter %v, phase %d: the speaker ran dry", target, j, ph)
				}
			}
			perMin := float64(glitches) / (phases * 10.0 / 60)
			t.Logf("jitter target %v, delivery jitter 0–%v: %.1f glitches per minute; %d of %d phases glitch", target, j, perMin, bad, phases)
			if target == 40*time.Millisecond && j <= 10*time.Millisecond && glitches > 0 {
				t.Errorf("the default target glitched %d times with %v of jitter", glitches, j)
			}
		}
	}
}
