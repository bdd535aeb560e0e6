package scenarios

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pion/interceptor"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/webrtcpeer"
)

// The alsa_call scenario's wiring on the one snd-aloop card (hw:C). The
// loopback is symmetric: what is played on device 0 comes out of device
// 1's capture, and what is played on device 1 out of device 0's. Each of
// the four streams below is the only one of its device and direction, so
// each gets substream 0 and the two paths are separate cables (intercomd's
// device names have no subdevice, so subdevices cannot be chosen):
//
//	tone injector  → play hw:C,1 ⇒ capture hw:C,0 → door's microphone
//	panel's speaker → play hw:C,0 ⇒ capture hw:C,1 → recorder
const (
	callToneHz    = 1000
	callToneAmp   = 12000 // peak; RMS 8485, −11.7 dBFS
	callToneLen   = 3 * time.Second
	callLeadIn    = 600 * time.Millisecond // silence before the tone
	callTail      = 1500 * time.Millisecond
	callWindow    = 800 // 100 ms at 8 kHz: the analysis window
	callLevelTolD = 3.0 // dB either way

	// A VM under TCG on a shared host stalls for tens of milliseconds: the
	// daemon's defaults (10 ms periods, a 40 ms buffer, a 40 ms jitter
	// target) underrun there, so the lab configures what audio.period and
	// audio.jitter allow for a slow machine: 50 ms periods (a 200 ms
	// buffer, about 100 ms kept queued) and a 100 ms jitter target.
	labPeriod = 50 * time.Millisecond
	labJitter = 100 * time.Millisecond
)

// TestALSACall is issue 3's two-station test in a real kernel: the door's
// microphone is a snd-aloop capture into which a 1 kHz tone is played, the
// panel's speaker is a snd-aloop playback whose other end is recorded, and
// between them a whole call as the daemon wires it (cmd/intercomd/media.go,
// daemon.go): device.Audio, webrtcpeer.Factory, mqttsignal.Signaler and
// call.Client on both sides, over an embedded broker on loopback. Both
// stations offer only PCMU: the binary is CGO_ENABLED=0 (no Opus). The tone
// goes ALSA capture → G.711 → SRTP over pion → jitter buffer → G.711 decode
// → ALSA playback, and must come out at 1 kHz and at the level sent.
func TestALSACall(t *testing.T) {
	cardEnv := os.Getenv("INTERCOMD_ALSA_CALL_CARD")
	if cardEnv == "" {
		t.Skip("INTERCOMD_ALSA_CALL_CARD is unset: this runs in the kernel lab (LAB_SCENARIOS=alsa_call test/lab/run.sh)")
	}
	card, err := strconv.Atoi(cardEnv)
	if err != nil {
		t.Fatalf("INTERCOMD_ALSA_CALL_CARD=%q: want a card number", cardEnv)
	}
	dev0, dev1 := fmt.Sprintf("hw:%d,0", card), fmt.Sprintf("hw:%d,1", card)
	base := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	b, err := broker.Start(broker.Config{
		TCPAddress: "127.0.0.1:0", WebSocketAddress: broker.Off,
		Users: map[string]string{"door": "door-secret", "panel": "panel-secret"}, Logger: base.With("component", "broker"),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	// The recorder: a third device.Audio whose microphone is the other end
	// of the panel's speaker. Its track is bound here, with PCMU, to a
	// writer that keeps the packets: intercomd's own ALSA capture loop,
	// without a third call.
	rec := newCallRecorder(t, dev1, base.With("station", "recorder"))

	door := newAudioStation(t, b.TCPURL(), "door", "door-pi", "door-secret",
		device.AudioConfig{Capture: dev0, Playback: "none", Period: labPeriod, Jitter: labJitter}, base.With("station", "door"))
	panel := newAudioStation(t, b.TCPURL(), "panel", "panel-1", "panel-secret",
		device.AudioConfig{Capture: "none", Playback: dev0, Period: labPeriod, Jitter: labJitter}, base.With("station", "panel"))
	panel.c.On(call.EventIncoming, func(call.Event) {
		if err := panel.c.AcceptCall(context.Background(), call.AcceptOptions{}); err != nil {
			t.Errorf("panel: accept: %v", err)
		}
	})

	start := callPanel(t, door.c, door.sig, func() bool {
		return door.c.Snapshot().Status == call.StatusConnected && panel.c.Snapshot().Status == call.StatusConnected
	})
	t.Logf("connected %s after makeCall", time.Since(start).Round(time.Millisecond))
	// Media flowing both ends of the call: the door's microphone is open and
	// the panel is receiving (its speaker is open).
	waitFor(t, 30*time.Second, "audio at the panel", func() bool {
		s, err := panel.c.Stats(context.Background())
		return err == nil && s.AudioPacketsReceived > 10
	})

	// The tone, played into the door's microphone through device 1.
	cpu0, wall0 := vmCPU(), time.Now()
	toneAt := injectTone(t, dev1, base.With("station", "injector"))
	time.Sleep(callTail)
	busy, wall := vmCPU().busySince(cpu0), time.Since(wall0)
	pcm, stamps := rec.stop()
	t.Logf("the VM's CPU was %.0f %% busy over the %s of tone and tail", 100*busy, wall.Round(100*time.Millisecond))

	ds, _ := door.c.Stats(context.Background())
	ps, _ := panel.c.Stats(context.Background())
	t.Logf("door: audio %+v; call stats: %d audio packets sent", door.audio.Stats(), ds.AudioPacketsSent)
	t.Logf("panel: audio %+v; call stats: %d audio packets received", panel.audio.Stats(), ps.AudioPacketsReceived)
	t.Logf("recorder: %d packets (%.1f s) of PCMU from %s", len(stamps), float64(len(pcm))/8000, dev1)

	analyseCallTone(t, pcm, stamps, toneAt)
}

// analyseCallTone finds the tone in the recording (8 kHz, one packet of 160
// samples per stamp) and checks its pitch and level over 100 ms windows.
func analyseCallTone(t *testing.T, pcm []int16, stamps []time.Time, toneAt time.Time) {
	t.Helper()
	want := callToneAmp / math.Sqrt2
	var shares, levels []float64
	first, last := -1, -1
	for i := 0; i+callWindow <= len(pcm); i += callWindow {
		w := pcm[i : i+callWindow]
		if rmsOf(w) < want/4 { // −12 dB: not the tone
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 {
		t.Fatalf("no tone at the panel's speaker: the loudest 100 ms has RMS %.0f (the tone sent has %.0f)", loudest(pcm), want)
	}
	// The steady part: skip the windows holding the onset and the end.
	for i := first + callWindow; i+callWindow <= last; i += callWindow {
		w := pcm[i : i+callWindow]
		shares = append(shares, toneShare(w, 8000, callToneHz))
		levels = append(levels, rmsOf(w))
	}
	if len(levels) < 10 {
		t.Fatalf("the tone lasted %d × 100 ms at the panel (sent: %s)", len(levels)+2, callToneLen)
	}
	t.Logf("windows (share/RMS): %s", windowList(shares, levels))
	share, level := median(shares), median(levels)
	db := 20 * math.Log10(level/want)
	t.Logf("tone at the panel's speaker: %.1f s; over %d windows of 100 ms: %g Hz share median %.3f (min %.3f), RMS median %.0f = %.1f dBFS (min %.0f), %+.2f dB from the %.0f sent",
		float64(last+callWindow-first)/8000, len(levels), float64(callToneHz), share, minOf(shares), level,
		20*math.Log10(level/32768), minOf(levels), db, want)

	// The onset: the first sample over a quarter of the tone's amplitude,
	// timed by the arrival of its packet (a packet leaves the recorder once
	// its last sample is captured).
	for i := max(0, first-callWindow); i < len(pcm); i++ {
		if math.Abs(float64(pcm[i])) > callToneAmp/4 {
			p := i / 160
			at := stamps[p].Add(-time.Duration(160-i%160) * time.Second / 8000)
			t.Logf("delay: tone handed to the injector's speaker → heard at the panel's speaker output: %s (both measuring ends included: the injector's jitter buffer and speaker queue, the recorder's capture period and 20 ms packet)",
				at.Sub(toneAt).Round(time.Millisecond))
			break
		}
	}

	if share < 0.8 {
		t.Errorf("the tone at the panel has only %.2f of its power at %d Hz (want ≥ 0.8)", share, callToneHz)
	}
	if math.Abs(db) > callLevelTolD {
		t.Errorf("the tone at the panel is %+.1f dB from the level sent (want within ±%.0f dB: all gains are 0 dB, G.711 keeps the level)", db, callLevelTolD)
	}
}

// audioStation is one station as the daemon builds it.
type audioStation struct {
	c     *call.Client
	sig   *mqttsignal.Signaler
	audio *device.Audio
}

// newAudioStation wires device.Audio, webrtcpeer.Factory, mqttsignal and
// call.Client the way cmd/intercomd (newMedia, daemon.start) does, with
// only PCMU offered: a CGO_ENABLED=0 build has no Opus.
func newAudioStation(t *testing.T, url, user, dev, password string, acfg device.AudioConfig, log *slog.Logger) *audioStation {
	t.Helper()
	sig, err := mqttsignal.New(mqttsignal.Options{
		Brokers: []string{url}, UserID: user, DeviceID: dev, Name: user,
		Username: user, Password: password, Kind: mqttsignal.KindStation,
		Channels: []string{"home"}, Logger: log.With("component", "mqtt"),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sig.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := sig.WaitConnected(ctx); err != nil {
		t.Fatalf("%s: %v", dev, err)
	}

	acfg.StreamID, acfg.Logger = dev, log.With("media", "audio")
	acfg.OnError = func(err error) { t.Errorf("%s: audio: %v", dev, err) }
	audio := newLabAudio(t, dev, acfg)
	t.Cleanup(func() { audio.Close() })
	wcfg := webrtcpeer.Config{
		Logger:       log.With("component", "media"),
		AudioCodecs:  []string{"PCMU"},
		NetworkTypes: []webrtc.NetworkType{webrtc.NetworkTypeUDP4},
	}
	if audio.AudioTrack() != nil {
		wcfg.Source = audio
	}
	if audio.Playing() {
		wcfg.AudioSink = func(callID, mime string, rate uint32) (webrtcpeer.Sink, error) {
			s, err := audio.NewAudioSink(callID, mime, rate)
			if err != nil {
				return nil, err
			}
			return s, nil
		}
	}
	peers, err := webrtcpeer.NewFactory(wcfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := call.NewClient(call.Config{UserID: user, DeviceID: dev, Name: user, Signaler: sig, Peers: peers, Logger: log.With("component", "call")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &audioStation{c: c, sig: sig, audio: audio}
}

// newLabAudio is device.NewAudio, failing the test with a pointer to the
// cause when a CGO_ENABLED=0 build refuses a microphone for want of Opus.
func newLabAudio(t *testing.T, who string, cfg device.AudioConfig) *device.Audio {
	t.Helper()
	a, err := device.NewAudio(cfg)
	if errors.Is(err, device.ErrNoEncoder) {
		t.Fatalf("%s: %v\n(device.NewAudio requires the Opus encoder for any microphone, though SharedAudioTrack sends G.711 without it and these calls negotiate only PCMU: a CGO_ENABLED=0 build cannot capture)", who, err)
	}
	if err != nil {
		t.Fatalf("%s: %v", who, err)
	}
	return a
}

// injectTone plays callLeadIn of silence, the tone and 200 ms of silence on
// playback device name, through device.Audio's speaker path fed with PCMU
// packets every 20 ms, then closes the injector. It returns the time the
// tone's first packet was handed over.
func injectTone(t *testing.T, name string, log *slog.Logger) time.Time {
	t.Helper()
	a := newLabAudio(t, "injector", device.AudioConfig{
		Capture: "none", Playback: name, Period: labPeriod, Jitter: labJitter, Logger: log,
		OnError: func(err error) { t.Errorf("injector: %v", err) },
	})
	defer a.Close()
	sink, err := a.NewAudioSink("tone", "audio/PCMU", 8000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	lead, tone := int(callLeadIn/(20*time.Millisecond)), int(callToneLen/(20*time.Millisecond))
	var toneAt time.Time
	first := time.Now()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	frame := make([]int16, 160)
	for seq := 0; seq < lead+tone+10; seq++ {
		clear(frame)
		if seq >= lead && seq < lead+tone {
			for i := range frame {
				n := (seq-lead)*160 + i
				frame[i] = int16(math.Round(callToneAmp * math.Sin(2*math.Pi*callToneHz*float64(n)/8000)))
			}
		}
		pkt := []byte{0x80, 0, byte(seq >> 8), byte(seq), 0, 0, 0, 0, 0, 0, 0, 9}
		ts := uint32(seq * 160)
		pkt[4], pkt[5], pkt[6], pkt[7] = byte(ts>>24), byte(ts>>16), byte(ts>>8), byte(ts)
		if err := sink.WriteRTP(device.EncodeULaw(pkt, frame)); err != nil {
			t.Fatalf("injector: %v", err)
		}
		if seq == lead {
			toneAt = time.Now()
		}
		<-tick.C
	}
	t.Logf("injector: %d packets in %s; %+v", lead+tone+10, time.Since(first).Round(time.Millisecond), a.Stats())
	return toneAt
}

// callRecorder captures a device through device.Audio's microphone loop;
// the track is bound to it directly (no peer connection) with PCMU.
type callRecorder struct {
	t     *testing.T
	audio *device.Audio
	track webrtc.TrackLocal
	ctx   *recorderBinding

	mu     sync.Mutex
	pcm    []int16
	stamps []time.Time
}

func newCallRecorder(t *testing.T, name string, log *slog.Logger) *callRecorder {
	t.Helper()
	a := newLabAudio(t, "recorder", device.AudioConfig{
		Capture: name, Playback: "none", Period: labPeriod, StreamID: "recorder", Logger: log,
		OnError: func(err error) { t.Errorf("recorder: %v", err) },
	})
	r := &callRecorder{t: t, audio: a, track: a.AudioTrack()}
	r.ctx = &recorderBinding{r: r}
	if _, err := r.track.Bind(r.ctx); err != nil {
		a.Close()
		t.Fatalf("recorder: binding the microphone's track with PCMU: %v", err)
	}
	t.Cleanup(func() { r.stop() })
	return r
}

// stop closes the recorder and returns what it recorded (8 kHz) and when
// each 160-sample packet arrived.
func (r *callRecorder) stop() ([]int16, []time.Time) {
	if r.audio != nil {
		r.track.Unbind(r.ctx)
		r.audio.Close()
		r.audio = nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pcm, r.stamps
}

// recorderBinding is the webrtc.TrackLocalContext and TrackLocalWriter the
// recorder binds the microphone's track with.
type recorderBinding struct{ r *callRecorder }

func (b *recorderBinding) CodecParameters() []webrtc.RTPCodecParameters {
	return []webrtc.RTPCodecParameters{{RTPCodecCapability: device.PCMUCapability, PayloadType: 0}}
}
func (b *recorderBinding) HeaderExtensions() []webrtc.RTPHeaderExtensionParameter { return nil }
func (b *recorderBinding) SSRC() webrtc.SSRC                                      { return 1 }
func (b *recorderBinding) SSRCRetransmission() webrtc.SSRC                        { return 0 }
func (b *recorderBinding) SSRCForwardErrorCorrection() webrtc.SSRC                { return 0 }
func (b *recorderBinding) WriteStream() webrtc.TrackLocalWriter                   { return b }
func (b *recorderBinding) ID() string                                             { return "lab-recorder" }
func (b *recorderBinding) RTCPReader() interceptor.RTCPReader                     { return nil }

func (b *recorderBinding) WriteRTP(h *rtp.Header, payload []byte) (int, error) {
	r := b.r
	r.mu.Lock()
	r.pcm = device.DecodeULaw(r.pcm, payload)
	for range len(payload) / 160 {
		r.stamps = append(r.stamps, time.Now())
	}
	r.mu.Unlock()
	return len(payload), nil
}

func (b *recorderBinding) Write(p []byte) (int, error) {
	var pkt rtp.Packet
	if err := pkt.Unmarshal(p); err != nil {
		return 0, err
	}
	return b.WriteRTP(&pkt.Header, pkt.Payload)
}

// toneShare is the share of x's power at hz (Goertzel).
func toneShare(x []int16, rate int, hz float64) float64 {
	c := 2 * math.Cos(2*math.Pi*hz/float64(rate))
	var s1, s2, e float64
	for _, v := range x {
		f := float64(v)
		s1, s2 = f+c*s1-s2, s1
		e += f * f
	}
	if e == 0 {
		return 0
	}
	p := s1*s1 + s2*s2 - c*s1*s2 // |X(hz)|²
	return 2 * p / float64(len(x)) / e
}

func rmsOf(x []int16) float64 {
	var e float64
	for _, v := range x {
		e += float64(v) * float64(v)
	}
	return math.Sqrt(e / float64(max(len(x), 1)))
}

func loudest(x []int16) float64 {
	best := 0.0
	for i := 0; i+callWindow <= len(x); i += callWindow / 4 {
		best = max(best, rmsOf(x[i:i+callWindow]))
	}
	return best
}

func median(x []float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func minOf(x []float64) float64 {
	m := math.Inf(1)
	for _, v := range x {
		m = min(m, v)
	}
	return m
}

func windowList(shares, levels []float64) string {
	var b strings.Builder
	for i := range shares {
		fmt.Fprintf(&b, " %.2f/%.0f", shares[i], levels[i])
	}
	return b.String()
}

// cpuTimes is the first line of /proc/stat: all CPUs' time by state.
type cpuTimes struct{ idle, total float64 }

func vmCPU() cpuTimes {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuTimes{}
	}
	line, _, _ := strings.Cut(string(b), "\n")
	var c cpuTimes
	for i, f := range strings.Fields(line)[1:] {
		v, _ := strconv.ParseFloat(f, 64)
		c.total += v
		if i == 3 || i == 4 { // idle, iowait
			c.idle += v
		}
	}
	return c
}

// busySince is the share of CPU time spent not idle since c0.
func (c cpuTimes) busySince(c0 cpuTimes) float64 {
	if c.total <= c0.total {
		return 0
	}
	return 1 - (c.idle-c0.idle)/(c.total-c0.total)
}
