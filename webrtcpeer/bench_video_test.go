package webrtcpeer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// The sending benchmarks measure one process: the sender. The receiver runs
// in a child process (this test binary again, TestVideoReceiverProcess), so
// its decryption and reading are not counted, and signaling goes over two
// pipes as JSON lines.

var videoSend = flag.Duration("video.send", 10*time.Second,
	"BenchmarkVideoSendCPU: measured sending time per sender and round, after 1 s of warm-up")

const receiverEnv = "INTERCOMD_VIDEO_RECEIVER"

// sigMsg is one signaling or result line between the benchmark and its
// receiver process.
type sigMsg struct {
	SDP   string                   `json:"sdp,omitempty"`
	Cand  *webrtc.ICECandidateInit `json:"cand,omitempty"`
	Stats *receiverStats           `json:"stats,omitempty"`
	// Receiving says the first video packet has arrived.
	Receiving bool `json:"receiving,omitempty"`
}

// receiverStats is what the receiver process counted.
type receiverStats struct {
	Packets, Bytes, Frames uint64
}

// receiverAPI is the receiving side's pion API: this package's H.264 and Opus
// and RTCP reports, but no NACK generator, so that what a burst loses in the
// kernel's socket buffer is not sent again and does not add to the sender's
// cost.
func receiverAPI() (*webrtc.API, error) {
	m := &webrtc.MediaEngine{}
	fb := []webrtc.RTCPFeedback{{Type: "nack"}, {Type: "nack", Parameter: "pli"}, {Type: "ccm", Parameter: "fir"}}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{PayloadType: PayloadTypeH264, RTPCodecCapability: webrtc.RTPCodecCapability{
		MimeType: webrtc.MimeTypeH264, ClockRate: 90000, SDPFmtpLine: fmtpH264, RTCPFeedback: fb}}, webrtc.RTPCodecTypeVideo); err != nil {
		return nil, err
	}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{PayloadType: PayloadTypeOpus, RTPCodecCapability: device.OpusCapability}, webrtc.RTPCodecTypeAudio); err != nil {
		return nil, err
	}
	ir := &interceptor.Registry{}
	if err := webrtc.ConfigureRTCPReports(ir); err != nil {
		return nil, err
	}
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(ir), webrtc.WithSettingEngine(loopbackSettings())), nil
}

// loopbackSettings keeps ICE on lo, as loopbackConfig does for a Factory.
func loopbackSettings() webrtc.SettingEngine {
	s := webrtc.SettingEngine{LoggerFactory: NewLoggerFactory(nil, slog.LevelError)}
	s.SetIncludeLoopbackCandidate(true)
	s.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	s.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	s.SetInterfaceFilter(func(name string) bool { return name == "lo" })
	return s
}

// TestVideoReceiverProcess is the receiver of the sending benchmarks when run
// by them (INTERCOMD_VIDEO_RECEIVER set); otherwise it skips. It answers the
// offer read from fd 3, trickles its candidates to fd 4, counts the video it
// receives, and when fd 3 ends closes and writes its counts.
func TestVideoReceiverProcess(t *testing.T) {
	if os.Getenv(receiverEnv) == "" {
		t.Skip("the receiver process of BenchmarkVideoAUToWire and BenchmarkVideoSendCPU")
	}
	in, out := os.NewFile(3, "signal-in"), os.NewFile(4, "signal-out")
	if err := runReceiver(in, out); err != nil {
		t.Fatal(err)
	}
}

func runReceiver(in io.Reader, out io.Writer) error {
	api, err := receiverAPI()
	if err != nil {
		return err
	}
	pc, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		return err
	}
	var (
		wmu      sync.Mutex
		enc      = json.NewEncoder(out)
		answered bool
		held     []webrtc.ICECandidateInit
		st       receiverStats
		smu      sync.Mutex
		readers  sync.WaitGroup
	)
	send := func(m sigMsg) {
		wmu.Lock()
		defer wmu.Unlock()
		_ = enc.Encode(m)
	}
	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			return
		}
		init := c.ToJSON()
		wmu.Lock()
		if !answered {
			held = append(held, init)
			wmu.Unlock()
			return
		}
		wmu.Unlock()
		send(sigMsg{Cand: &init})
	})
	pc.OnTrack(func(tr *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
		readers.Add(1)
		defer readers.Done()
		first := true
		buf := make([]byte, readBufferSize)
		for {
			n, _, err := tr.Read(buf)
			if err != nil {
				return
			}
			if first {
				send(sigMsg{Receiving: true})
				first = false
			}
			smu.Lock()
			st.Packets++
			st.Bytes += uint64(n)
			if n > 1 && buf[1]&0x80 != 0 {
				st.Frames++
			}
			smu.Unlock()
		}
	})
	dec := json.NewDecoder(bufio.NewReader(in))
	for {
		var m sigMsg
		if err := dec.Decode(&m); err != nil {
			break // the benchmark closed its end: the call is over
		}
		switch {
		case m.SDP != "":
			if err := pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: m.SDP}); err != nil {
				return fmt.Errorf("receiver: applying the offer: %w", err)
			}
			answer, err := pc.CreateAnswer(nil)
			if err != nil {
				return fmt.Errorf("receiver: creating the answer: %w", err)
			}
			if err := pc.SetLocalDescription(answer); err != nil {
				return fmt.Errorf("receiver: setting the answer: %w", err)
			}
			wmu.Lock()
			_ = enc.Encode(sigMsg{SDP: answer.SDP})
			answered = true
			for i := range held {
				_ = enc.Encode(sigMsg{Cand: &held[i]})
			}
			held = nil
			wmu.Unlock()
		case m.Cand != nil:
			_ = pc.AddICECandidate(*m.Cand)
		}
	}
	err = pc.GracefulClose()
	readers.Wait()
	smu.Lock()
	s := st
	smu.Unlock()
	send(sigMsg{Stats: &s})
	return err
}

// receiverProcess is the benchmark's end of a receiver process.
type receiverProcess struct {
	cmd       *exec.Cmd
	stderr    bytes.Buffer
	wmu       sync.Mutex
	toRecv    *os.File
	enc       *json.Encoder
	answer    chan string
	receiving chan struct{}
	stats     chan receiverStats
	// onCandidate receives the receiver's candidates, after the answer.
	onCandidate func(webrtc.ICECandidateInit)
}

// startReceiver starts a receiver process; onCandidate gets its candidates.
func startReceiver(tb testing.TB, onCandidate func(webrtc.ICECandidateInit)) *receiverProcess {
	tb.Helper()
	childIn, toRecv, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	fromRecv, childOut, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	r := &receiverProcess{
		toRecv: toRecv, enc: json.NewEncoder(toRecv),
		answer: make(chan string, 1), receiving: make(chan struct{}), stats: make(chan receiverStats, 1),
		onCandidate: onCandidate,
	}
	r.cmd = exec.Command(os.Args[0], "-test.run=^TestVideoReceiverProcess$")
	r.cmd.Env = append(os.Environ(), receiverEnv+"=1")
	r.cmd.ExtraFiles = []*os.File{childIn, childOut}
	r.cmd.Stderr = &r.stderr
	if err := r.cmd.Start(); err != nil {
		tb.Fatalf("starting the receiver process %s: %v", os.Args[0], err)
	}
	_ = childIn.Close()
	_ = childOut.Close()
	go func() {
		dec := json.NewDecoder(bufio.NewReader(fromRecv))
		defer fromRecv.Close()
		for {
			var m sigMsg
			if err := dec.Decode(&m); err != nil {
				close(r.stats)
				return
			}
			switch {
			case m.SDP != "":
				r.answer <- m.SDP
			case m.Cand != nil:
				r.onCandidate(*m.Cand)
			case m.Stats != nil:
				r.stats <- *m.Stats
			case m.Receiving:
				close(r.receiving)
			}
		}
	}()
	return r
}

func (r *receiverProcess) send(m sigMsg) {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	_ = r.enc.Encode(m)
}

// exchange sends the offer and waits for the answer.
func (r *receiverProcess) exchange(tb testing.TB, offer string) string {
	tb.Helper()
	r.send(sigMsg{SDP: offer})
	select {
	case a := <-r.answer:
		return a
	case <-time.After(10 * time.Second):
		tb.Fatalf("no answer from the receiver process in 10 s; its stderr:\n%s", r.stderr.String())
		return ""
	}
}

// stop ends the call at the receiver and returns what it counted.
func (r *receiverProcess) stop(tb testing.TB) receiverStats {
	tb.Helper()
	_ = r.toRecv.Close()
	var st receiverStats
	var ok bool
	select {
	case st, ok = <-r.stats:
	case <-time.After(10 * time.Second):
		_ = r.cmd.Process.Kill()
	}
	if err := r.cmd.Wait(); err != nil || !ok {
		tb.Fatalf("receiver process: %v (counts received: %v); its stderr:\n%s", err, ok, r.stderr.String())
	}
	return st
}

// videoSender is one way of putting pre-encoded access units on the wire,
// connected to a receiver process.
type videoSender struct {
	// write sends one access unit of duration d.
	write func(au []byte, d time.Duration) error
	close func()
	recv  *receiverProcess
}

// senderKinds are the senders compared: intercomd's path, and pion's
// play-from-disk loop (TrackLocalStaticSample.WriteSample) on pion's default
// API and on this package's API.
var senderKinds = []string{"intercomd", "pion-defaults", "pion-same-api"}

// auSource is a MediaSource that writes pre-encoded access units the way
// device's sources do (Camera.write, Synthetic.writeVideo): WriteSample on a
// device.SharedTrack, then the frame, byte and keyframe counters.
type auSource struct {
	track                     *device.SharedTrack
	frames, keyframes, nbytes atomic.Uint64
	keyRequests               atomic.Uint64
}

func (s *auSource) AudioTrack() webrtc.TrackLocal { return nil }
func (s *auSource) VideoTrack() webrtc.TrackLocal { return s.track }
func (s *auSource) RequestKeyframe()              { s.keyRequests.Add(1) }
func (s *auSource) SentCounts() (uint64, uint64)  { return 0, s.frames.Load() }

func (s *auSource) write(au []byte, d time.Duration) error {
	err := s.track.WriteSample(media.Sample{Data: au, Duration: d})
	s.frames.Add(1)
	s.nbytes.Add(uint64(len(au)))
	if device.HasIDR(au) {
		s.keyframes.Add(1)
	}
	return err
}

// connectSender builds a sender of the given kind and connects it to a new
// receiver process.
func connectSender(tb testing.TB, kind string) *videoSender {
	tb.Helper()
	switch kind {
	case "intercomd":
		return connectPeerSender(tb)
	case "pion-defaults":
		m := &webrtc.MediaEngine{}
		if err := m.RegisterDefaultCodecs(); err != nil {
			tb.Fatal(err)
		}
		ir := &interceptor.Registry{}
		if err := webrtc.RegisterDefaultInterceptors(m, ir); err != nil {
			tb.Fatal(err)
		}
		api := webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(ir), webrtc.WithSettingEngine(loopbackSettings()))
		return connectBareSender(tb, api, webrtc.Configuration{})
	case "pion-same-api":
		f := newFactory(tb, loopbackConfig(nil))
		return connectBareSender(tb, f.api, webrtc.Configuration{Certificates: []webrtc.Certificate{f.cert}, BundlePolicy: webrtc.BundlePolicyMaxBundle})
	}
	tb.Fatalf("unknown sender %q", kind)
	return nil
}

// connectPeerSender is intercomd's path: a Factory with a pre-encoded source,
// a Peer offering video only.
func connectPeerSender(tb testing.TB) *videoSender {
	tb.Helper()
	track, err := device.NewSharedTrack(device.H264Capability, "video", "bench", nil)
	if err != nil {
		tb.Fatal(err)
	}
	src := &auSource{track: track}
	f := newFactory(tb, loopbackConfig(src))
	var (
		mu        sync.Mutex
		offered   bool
		held      []call.Candidate
		connected = make(chan struct{})
		once      sync.Once
		peer      *Peer
		recv      *receiverProcess
	)
	toRecv := func(c call.Candidate) {
		recv.send(sigMsg{Cand: &webrtc.ICECandidateInit{Candidate: c.Candidate, SDPMid: c.SDPMid, SDPMLineIndex: c.SDPMLineIndex}})
	}
	peer, err = f.newPeer(call.PeerOptions{CallID: "bench", Send: call.Constraints{Video: true}, OnEvent: func(ev call.PeerEvent) {
		switch {
		case ev.Type == call.PeerEventCandidate && ev.Candidate.Candidate != "":
			mu.Lock()
			if !offered {
				held = append(held, ev.Candidate)
				mu.Unlock()
				return
			}
			mu.Unlock()
			toRecv(ev.Candidate)
		case ev.Type == call.PeerEventState && ev.State == call.PeerConnected:
			once.Do(func() { close(connected) })
		}
	}})
	if err != nil {
		tb.Fatal(err)
	}
	recv = startReceiver(tb, func(c webrtc.ICECandidateInit) {
		_ = peer.AddCandidate(call.Candidate{Candidate: c.Candidate, SDPMid: c.SDPMid, SDPMLineIndex: c.SDPMLineIndex})
	})
	offer, err := peer.Offer()
	if err != nil {
		tb.Fatal(err)
	}
	recv.send(sigMsg{SDP: offer})
	mu.Lock()
	offered = true
	for _, c := range held {
		toRecv(c)
	}
	held = nil
	mu.Unlock()
	var answer string
	select {
	case answer = <-recv.answer:
	case <-time.After(10 * time.Second):
		tb.Fatalf("no answer from the receiver process in 10 s; its stderr:\n%s", recv.stderr.String())
	}
	if err := peer.SetAnswer(answer); err != nil {
		tb.Fatal(err)
	}
	waitClosed(tb, connected, "intercomd sender connected")
	return &videoSender{write: src.write, recv: recv, close: func() { _ = peer.Close() }}
}

// connectBareSender is pion's play-from-disk sender: a PeerConnection with a
// TrackLocalStaticSample and a goroutine reading the sender's RTCP.
func connectBareSender(tb testing.TB, api *webrtc.API, conf webrtc.Configuration) *videoSender {
	tb.Helper()
	track, err := webrtc.NewTrackLocalStaticSample(device.H264Capability, "video", "bench")
	if err != nil {
		tb.Fatal(err)
	}
	pc, err := api.NewPeerConnection(conf)
	if err != nil {
		tb.Fatal(err)
	}
	sender, err := pc.AddTrack(track)
	if err != nil {
		tb.Fatal(err)
	}
	rtcpDone := make(chan struct{})
	go func() {
		defer close(rtcpDone)
		buf := make([]byte, 1500)
		for {
			if _, _, err := sender.Read(buf); err != nil {
				return
			}
		}
	}()
	connected := make(chan struct{})
	var once sync.Once
	pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			once.Do(func() { close(connected) })
		}
	})
	var (
		mu      sync.Mutex
		offered bool
		held    []webrtc.ICECandidateInit
		recv    *receiverProcess
	)
	recv = startReceiver(tb, func(c webrtc.ICECandidateInit) { _ = pc.AddICECandidate(c) })
	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			return
		}
		init := c.ToJSON()
		mu.Lock()
		if !offered {
			held = append(held, init)
			mu.Unlock()
			return
		}
		mu.Unlock()
		recv.send(sigMsg{Cand: &init})
	})
	offer, err := pc.CreateOffer(nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := pc.SetLocalDescription(offer); err != nil {
		tb.Fatal(err)
	}
	recv.send(sigMsg{SDP: offer.SDP})
	mu.Lock()
	offered = true
	for i := range held {
		recv.send(sigMsg{Cand: &held[i]})
	}
	held = nil
	mu.Unlock()
	var answer string
	select {
	case answer = <-recv.answer:
	case <-time.After(10 * time.Second):
		tb.Fatalf("no answer from the receiver process in 10 s; its stderr:\n%s", recv.stderr.String())
	}
	if err := pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: answer}); err != nil {
		tb.Fatal(err)
	}
	waitClosed(tb, connected, "pion sender connected")
	return &videoSender{
		write: func(au []byte, d time.Duration) error { return track.WriteSample(media.Sample{Data: au, Duration: d}) },
		recv:  recv,
		close: func() { _ = pc.GracefulClose(); <-rtcpDone },
	}
}

func waitClosed(tb testing.TB, c chan struct{}, what string) {
	tb.Helper()
	select {
	case <-c:
	case <-time.After(10 * time.Second):
		tb.Fatalf("timed out after 10 s waiting for %s", what)
	}
}

// untilReceiving writes access units at 30 fps until the receiver has its
// first packet: pion reports connected on the sending side before the
// receiving side has its SRTP session, and drops what it gets until then.
func (s *videoSender) untilReceiving(tb testing.TB, aus [][]byte) {
	tb.Helper()
	const interval = time.Second / auFPS
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; ; i++ {
		if err := s.write(aus[i%len(aus)], interval); err != nil {
			tb.Fatal(err)
		}
		select {
		case <-s.recv.receiving:
			return
		case <-time.After(interval):
		}
		if time.Now().After(deadline) {
			tb.Fatalf("the receiver got no video in 10 s; its stderr:\n%s", s.recv.stderr.String())
		}
	}
}

// finish closes the sender and returns what the receiver counted.
func (s *videoSender) finish(tb testing.TB) receiverStats {
	tb.Helper()
	s.close()
	return s.recv.stop(tb)
}

// BenchmarkVideoAUToWire is the cost of one 720p access unit from the
// encoder's output to SRTP packets handed to the kernel: packetization, the
// interceptors (NACK responder's buffer, sender reports), SRTP and the UDP
// write, all on the writing goroutine. Access units are pre-encoded 720p30
// openh264 at 2 Mbit/s (90 of them, one IDR), written back to back; the
// receiver is another process. ns/op (wall), cpu-ns/op (this process's CPU
// time, user + system, from getrusage: steadier than ns/op when other work
// shares the cores), B/op and allocs/op are per access unit.
func BenchmarkVideoAUToWire(b *testing.B) {
	aus := preEncoded720p(b)
	counts := rtpPackets(aus)
	for _, kind := range senderKinds {
		b.Run(kind, func(b *testing.B) {
			s := connectSender(b, kind)
			s.untilReceiving(b, aus)
			const d = time.Second / auFPS
			var sent, pkts uint64
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime(b)
			for i := range b.N {
				au := aus[i%len(aus)]
				if err := s.write(au, d); err != nil {
					b.Fatal(err)
				}
				sent += uint64(len(au))
				pkts += uint64(counts[i%len(aus)])
			}
			cpu = cpuTime(b) - cpu
			b.StopTimer()
			st := s.finish(b)
			if st.Packets == 0 {
				b.Fatalf("the receiver got no packets; its stderr:\n%s", s.recv.stderr.String())
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(sent)/float64(b.N), "au-bytes")
			b.ReportMetric(float64(pkts)/float64(b.N), "pkts/op")
		})
	}
}

// rtpPackets returns how many RTP packets pion makes of each access unit:
// its H.264 payloader at its outbound MTU of 1200 bytes.
func rtpPackets(aus [][]byte) []int {
	p := rtp.NewPacketizer(1200, uint8(PayloadTypeH264), 1, &codecs.H264Payloader{}, rtp.NewRandomSequencer(), 90000)
	n := make([]int, len(aus))
	for i, au := range aus {
		n[i] = len(p.Packetize(au, 90000/auFPS))
	}
	return n
}

// cpuTime is the CPU time, user and system, this process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal("getrusage:", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// tickerOnly is BenchmarkVideoSendCPU's baseline: the 30 fps ticker loop
// alone, no call, which is the floor every sender's figure stands on.
const tickerOnly = "ticker-only"

// sendCPU sends the access units at 30 fps on a ticker for warm-up + d and
// returns the process CPU time used during d (sender only: the receiver is
// another process), the bytes sent in d, what the receiver counted and the
// frames written.
func sendCPU(b *testing.B, kind string, aus [][]byte, warmup, d time.Duration) (cpu time.Duration, sent uint64, st receiverStats, frames int) {
	var s *videoSender
	if kind != tickerOnly {
		s = connectSender(b, kind)
		s.untilReceiving(b, aus)
	}
	const interval = time.Second / auFPS
	tick := time.NewTicker(interval)
	defer tick.Stop()
	warm := int(warmup / interval)
	measured := int(d / interval)
	var start time.Duration
	for i := range warm + measured {
		<-tick.C
		if i == warm {
			start = cpuTime(b)
		}
		if s == nil {
			continue
		}
		au := aus[i%len(aus)]
		if err := s.write(au, interval); err != nil {
			b.Fatal(err)
		}
		if i >= warm {
			sent += uint64(len(au))
		}
	}
	cpu = cpuTime(b) - start
	if s != nil {
		st = s.finish(b)
	}
	return cpu, sent, st, warm + measured
}

// BenchmarkVideoSendCPU is the sending side's CPU per minute of a 720p30
// 2 Mbit/s call with a pre-encoded source (no encoder), for intercomd's path
// and for pion's play-from-disk loop (a ticker, WriteSample) on pion's
// default API and on this package's, one after the other in this process,
// each to a receiver in another process; and, as the floor under all three,
// the ticker loop alone. Each runs 1 s of warm-up, then -video.send (default
// 10 s) measured with getrusage(RUSAGE_SELF) (user + system) and scaled to a
// minute. Every b.N round measures each once, in a rotating order. ratio is
// intercomd over pion-defaults, ratio-same-api intercomd over pion-same-api;
// the target is ≤ 1.2.
func BenchmarkVideoSendCPU(b *testing.B) {
	aus := preEncoded720p(b)
	kinds := append(senderKinds[:len(senderKinds):len(senderKinds)], tickerOnly)
	total := map[string]time.Duration{}
	var bits float64
	for round := range b.N {
		for k := range kinds {
			kind := kinds[(k+round)%len(kinds)]
			cpu, sent, st, frames := sendCPU(b, kind, aus, time.Second, *videoSend)
			total[kind] += cpu
			if kind == tickerOnly {
				continue
			}
			// Loopback loses nothing at 2 Mbit/s; a sender whose frames do
			// not arrive measured nothing.
			if st.Frames < uint64(frames)*95/100 {
				b.Fatalf("%s: the receiver counted %d of %d frames", kind, st.Frames, frames)
			}
			bits = float64(sent*8) / videoSend.Seconds()
		}
	}
	perMin := func(kind string) float64 {
		return total[kind].Seconds() / float64(b.N) * float64(time.Minute) / float64(*videoSend)
	}
	b.ReportMetric(perMin("intercomd"), "cpu-s/min")
	b.ReportMetric(perMin("pion-defaults"), "pion-cpu-s/min")
	b.ReportMetric(perMin("pion-same-api"), "same-api-cpu-s/min")
	b.ReportMetric(perMin(tickerOnly), "ticker-cpu-s/min")
	b.ReportMetric(perMin("intercomd")/perMin("pion-defaults"), "ratio")
	b.ReportMetric(perMin("intercomd")/perMin("pion-same-api"), "ratio-same-api")
	b.ReportMetric(bits/1e6, "Mbit/s")
}
