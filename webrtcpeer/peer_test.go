package webrtcpeer

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

var av = call.Constraints{Audio: true, Video: true}

func TestCallMediaBothWays(t *testing.T) {
	defer goleak.VerifyNone(t)
	srcA := newSource(t, device.SyntheticConfig{})
	defer srcA.Close()
	srcB := newSource(t, device.SyntheticConfig{})
	defer srcB.Close()
	a := newEndpoint(t, newFactory(t, loopbackConfig(srcA)), "a", av)
	b := newEndpoint(t, newFactory(t, loopbackConfig(srcB)), "b", av)
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)

	for _, e := range []*endpoint{a, b} {
		eventually(t, 5*time.Second, "15 video frames and 25 audio packets", func() bool {
			s := e.peer.Stats()
			return s.VideoFramesReceived >= 15 && s.AudioPacketsReceived >= 25
		})
		s := e.peer.Stats()
		if s.VideoPacketsReceived < s.VideoFramesReceived || s.BytesReceived == 0 || s.VideoFramesSent == 0 || s.AudioPacketsSent == 0 {
			t.Errorf("%s: implausible stats %+v", e.peer.opts.CallID, s)
		}
		if k := e.trackKinds(); k["audio"] != 1 || k["video"] != 1 {
			t.Errorf("%s: remote tracks %v, want one audio and one video", e.peer.opts.CallID, k)
		}
		e.tracksMu.Lock()
		for _, tr := range e.tracks {
			if tr.StreamID() != "intercomd" || tr.ID() == "" {
				t.Errorf("%s: remote track id %q stream %q", e.peer.opts.CallID, tr.ID(), tr.StreamID())
			}
		}
		e.tracksMu.Unlock()
	}
	a.close()
	b.close()
	// Stats stay readable, and frozen, after Close.
	s1 := a.peer.Stats()
	time.Sleep(30 * time.Millisecond)
	if s2 := a.peer.Stats(); s2 != s1 {
		t.Errorf("stats changed after Close: %+v then %+v", s1, s2)
	}
	eventually(t, 2*time.Second, "sources idle after both calls closed", func() bool {
		return srcA.Stats().VideoBound == 0 && srcB.Stats().AudioBound == 0
	})
}

func TestReceiveOnlySendsNoTracks(t *testing.T) {
	defer goleak.VerifyNone(t)
	srcA := newSource(t, device.SyntheticConfig{})
	defer srcA.Close()
	srcB := newSource(t, device.SyntheticConfig{})
	defer srcB.Close()
	// a (the caller) has a source but sends nothing; b sends both.
	a := newEndpoint(t, newFactory(t, loopbackConfig(srcA)), "a", call.Constraints{})
	b := newEndpoint(t, newFactory(t, loopbackConfig(srcB)), "b", av)
	wire(a, b)
	offer, err := a.peer.Offer()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(offer, "a=sendrecv") || strings.Contains(offer, "a=sendonly") || strings.Count(offer, "a=recvonly") != 2 {
		t.Fatalf("receive-only offer is not recvonly twice:\n%s", offer)
	}
	answer, err := b.peer.Answer(offer)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(answer, "a=sendonly") != 2 {
		t.Fatalf("answer to a receive-only offer should be sendonly twice:\n%s", answer)
	}
	b.setRemote()
	if err := a.peer.SetAnswer(answer); err != nil {
		t.Fatal(err)
	}
	a.setRemote()
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)
	eventually(t, 5*time.Second, "media at the receive-only side", func() bool {
		s := a.peer.Stats()
		return s.VideoFramesReceived >= 5 && s.AudioPacketsReceived >= 10
	})
	if s := b.peer.Stats(); s.AudioPacketsReceived+s.VideoPacketsReceived != 0 || len(b.trackKinds()) != 0 {
		t.Errorf("the receive-only side sent media: %+v, tracks %v", s, b.trackKinds())
	}
	if s := a.peer.Stats(); s.AudioPacketsSent+s.VideoFramesSent != 0 {
		t.Errorf("receive-only peer reports sent media: %+v", s)
	}
	if st := srcA.Stats(); st.VideoBound+st.AudioBound != 0 || st.VideoFrames != 0 {
		t.Errorf("the receive-only side's source was bound or encoded: %+v", st)
	}
	a.close()
	b.close()
}

func TestAudioOnly(t *testing.T) {
	defer goleak.VerifyNone(t)
	srcA := newSource(t, device.SyntheticConfig{})
	defer srcA.Close()
	srcB := newSource(t, device.SyntheticConfig{NoVideo: true})
	defer srcB.Close()
	audio := call.Constraints{Audio: true}
	a := newEndpoint(t, newFactory(t, loopbackConfig(srcA)), "a", audio)
	b := newEndpoint(t, newFactory(t, loopbackConfig(srcB)), "b", av) // wants video, has none
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)
	for _, e := range []*endpoint{a, b} {
		eventually(t, 5*time.Second, "audio", func() bool { return e.peer.Stats().AudioPacketsReceived >= 25 })
	}
	time.Sleep(100 * time.Millisecond)
	for _, e := range []*endpoint{a, b} {
		if s := e.peer.Stats(); s.VideoPacketsReceived != 0 || s.VideoFramesSent != 0 {
			t.Errorf("%s: video in an audio-only call: %+v", e.peer.opts.CallID, s)
		}
		if k := e.trackKinds(); k["video"] != 0 || k["audio"] != 1 {
			t.Errorf("%s: remote tracks %v, want audio only", e.peer.opts.CallID, k)
		}
	}
	if st := srcA.Stats(); st.VideoFrames != 0 {
		t.Errorf("audio-only caller encoded %d video frames", st.VideoFrames)
	}
	a.close()
	b.close()
}

func TestPictureLossTriggersKeyframe(t *testing.T) {
	defer goleak.VerifyNone(t)
	// No periodic keyframes: only the connect and the PLI can cause one.
	srcA := newSource(t, device.SyntheticConfig{KeyframeInterval: time.Hour})
	defer srcA.Close()
	a := newEndpoint(t, newFactory(t, loopbackConfig(srcA)), "a", av)
	b := newEndpoint(t, newFactory(t, loopbackConfig(nil)), "b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	eventually(t, 5*time.Second, "video at b", func() bool { return b.peer.Stats().VideoFramesReceived >= 3 })

	// Let the start-up keyframe (sent when the call connects) settle.
	var keys uint64
	eventually(t, 5*time.Second, "keyframe count to settle", func() bool {
		k := srcA.Stats().VideoKeyframes
		time.Sleep(300 * time.Millisecond)
		keys = srcA.Stats().VideoKeyframes
		return k == keys
	})
	var ssrc webrtc.SSRC
	for _, r := range b.peer.pc.GetReceivers() {
		if tr := r.Track(); tr != nil && tr.Kind() == webrtc.RTPCodecTypeVideo {
			ssrc = tr.SSRC()
		}
	}
	if ssrc == 0 {
		t.Fatal("b has no remote video track")
	}
	for i, req := range []struct {
		name string
		pkt  rtcp.Packet
	}{
		{"PLI", &rtcp.PictureLossIndication{MediaSSRC: uint32(ssrc)}},
		{"FIR", &rtcp.FullIntraRequest{MediaSSRC: uint32(ssrc), FIR: []rtcp.FIREntry{{SSRC: uint32(ssrc), SequenceNumber: 1}}}},
	} {
		if err := b.peer.pc.WriteRTCP([]rtcp.Packet{req.pkt}); err != nil {
			t.Fatal(err)
		}
		want := keys + uint64(i) + 1
		eventually(t, 2*time.Second, "a keyframe after a "+req.name, func() bool {
			return srcA.Stats().VideoKeyframes >= want
		})
	}
	a.close()
	b.close()
}

func TestBadInputFromTheNetwork(t *testing.T) {
	defer goleak.VerifyNone(t)
	f := newFactory(t, loopbackConfig(nil))
	p, err := f.newPeer(call.PeerOptions{CallID: "bad"})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.AddCandidate(call.Candidate{Candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host"}); err == nil {
		t.Error("AddCandidate before a remote description succeeded")
	}
	for _, sdp := range []string{"", "garbage", "v=0\r\nm=audio"} {
		if _, err := p.Answer(sdp); err == nil {
			t.Errorf("Answer(%q) succeeded", sdp)
		}
	}
	if err := p.SetAnswer("v=0"); err == nil {
		t.Error("SetAnswer without an offer succeeded")
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Offer(); !errors.Is(err, ErrClosed) {
		t.Errorf("Offer after Close: %v, want ErrClosed", err)
	}
	if err := p.AddCandidate(call.Candidate{}); !errors.Is(err, ErrClosed) {
		t.Errorf("AddCandidate after Close: %v, want ErrClosed", err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestGarbageCandidatesAfterNegotiation(t *testing.T) {
	defer goleak.VerifyNone(t)
	f := newFactory(t, loopbackConfig(nil))
	a := newEndpoint(t, f, "a", call.Constraints{})
	b := newEndpoint(t, f, "b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	mid, idx := "0", uint16(0)
	for _, c := range []string{"candidate:garbage", "candidate:1 1 udp x 1.2.3.4 9 typ host", "candidate:1 1 udp 1 1.2.3.4 99999999 typ host"} {
		if err := a.peer.AddCandidate(call.Candidate{Candidate: c, SDPMid: &mid, SDPMLineIndex: &idx}); err == nil {
			t.Errorf("AddCandidate(%q) succeeded", c)
		}
	}
	a.waitConnected(5 * time.Second)
	a.close()
	b.close()
}

func TestNoEventsAfterClose(t *testing.T) {
	defer goleak.VerifyNone(t)
	f := newFactory(t, loopbackConfig(nil))
	var closed atomicBool
	var late atomicBool
	p, err := f.newPeer(call.PeerOptions{CallID: "c", OnEvent: func(call.PeerEvent) {
		if closed.Load() {
			late.Store(true)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Offer(); err != nil { // starts gathering: candidates race Close
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	closed.Store(true)
	time.Sleep(50 * time.Millisecond)
	if late.Load() {
		t.Fatal("OnEvent called after Close returned")
	}
}

func TestNilSourcePointerMeansNoSource(t *testing.T) {
	defer goleak.VerifyNone(t)
	var src *device.Synthetic // e.g. "no source configured"
	f := newFactory(t, loopbackConfig(src))
	p, err := f.newPeer(call.PeerOptions{CallID: "nil", Send: av})
	if err != nil {
		t.Fatal(err)
	}
	offer, err := p.Offer()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(offer, "a=recvonly") != 2 {
		t.Errorf("a peer without a source should offer receive-only:\n%s", offer)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"zero", Config{}, true},
		{"port range", Config{PortMin: 50000, PortMax: 50100}, true},
		{"half a range", Config{PortMin: 50000}, false},
		{"inverted range", Config{PortMin: 2, PortMax: 1}, false},
		{"server without urls", Config{ICEServers: []webrtc.ICEServer{{}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if _, ferr := NewFactory(tt.cfg); (ferr == nil) != tt.ok {
				t.Fatalf("NewFactory error %v, want ok=%v", ferr, tt.ok)
			}
		})
	}
}

func TestLoggerFactoryLevels(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: LevelTrace}))
	l := NewLoggerFactory(log, nil).NewLogger("ice")
	l.Debugf("debug %d", 1)
	l.Infof("info %d", 2)
	l.Warnf("warn %d", 3)
	l.Error("error 4")
	out := buf.String()
	if strings.Contains(out, "debug 1") || strings.Contains(out, "info 2") {
		t.Errorf("messages below warn logged by default:\n%s", out)
	}
	if !strings.Contains(out, "warn 3") || !strings.Contains(out, "error 4") || !strings.Contains(out, "pion=ice") {
		t.Errorf("warn and error missing or unscoped:\n%s", out)
	}
	buf.Reset()
	l = NewLoggerFactory(log, LevelTrace).NewLogger("dtls")
	l.Tracef("trace %d", 5)
	if !strings.Contains(buf.String(), "trace 5") {
		t.Errorf("trace not logged at LevelTrace:\n%s", buf.String())
	}
}

// TestAnswerOfferWithoutVideo answers an offer that has no video m-line: the
// answer must not grow one, and audio must flow.
func TestAnswerOfferWithoutVideo(t *testing.T) {
	defer goleak.VerifyNone(t)
	src := newSource(t, device.SyntheticConfig{})
	defer src.Close()
	f := newFactory(t, loopbackConfig(src))
	caller := newBareEndpoint(t, f.api, webrtc.Configuration{Certificates: []webrtc.Certificate{f.cert}}, nil)
	if _, err := caller.pc.AddTransceiverFromKind(webrtc.RTPCodecTypeAudio, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionRecvonly}); err != nil {
		t.Fatal(err)
	}
	got := make(chan struct{})
	caller.pc.OnTrack(func(tr *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
		if _, _, err := tr.ReadRTP(); err == nil && tr.Kind() == webrtc.RTPCodecTypeAudio {
			close(got)
		}
	})
	b := newEndpoint(t, f, "callee", av)
	cands := make(chan webrtc.ICECandidateInit, 64)
	caller.onCandidate = func(c webrtc.ICECandidateInit) { cands <- c }
	offer, err := caller.pc.CreateOffer(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := caller.pc.SetLocalDescription(offer); err != nil {
		t.Fatal(err)
	}
	answer, err := b.peer.Answer(offer.SDP)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(answer, "m=video") || !strings.Contains(answer, "a=sendonly") {
		t.Fatalf("answer to an audio-only receive offer:\n%s", answer)
	}
	go func() {
		for ev := range b.events {
			if ev.Type == call.PeerEventCandidate {
				caller.add(webrtc.ICECandidateInit{Candidate: ev.Candidate.Candidate, SDPMid: ev.Candidate.SDPMid, SDPMLineIndex: ev.Candidate.SDPMLineIndex})
			}
		}
	}()
	caller.setRemote(t, webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: answer})
	go func() {
		for c := range cands {
			_ = b.peer.AddCandidate(call.Candidate{Candidate: c.Candidate, SDPMid: c.SDPMid, SDPMLineIndex: c.SDPMLineIndex})
		}
	}()
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("no audio at the caller in 5 s")
	}
	if st := src.Stats(); st.VideoBound != 0 {
		t.Errorf("video track bound without a video m-line: %+v", st)
	}
	_ = b.peer.Close()
	close(b.events)
	_ = caller.pc.GracefulClose()
	close(cands)
}

// TestOneSourceTwoCalls: one station in two calls at once encodes once and
// both callees get the same frames; ending one call leaves the other running.
func TestOneSourceTwoCalls(t *testing.T) {
	defer goleak.VerifyNone(t)
	src := newSource(t, device.SyntheticConfig{})
	defer src.Close()
	station := newFactory(t, loopbackConfig(src))
	viewers := newFactory(t, loopbackConfig(nil))
	a1 := newEndpoint(t, station, "a1", av)
	b := newEndpoint(t, viewers, "b", call.Constraints{})
	a2 := newEndpoint(t, station, "a2", av)
	c := newEndpoint(t, viewers, "c", call.Constraints{})
	wire(a1, b)
	wire(a2, c)
	negotiate(t, a1, b)
	negotiate(t, a2, c)
	for _, e := range []*endpoint{a1, a2, b, c} {
		e.waitConnected(5 * time.Second)
	}
	eventually(t, 5*time.Second, "both tracks bound twice", func() bool {
		st := src.Stats()
		return st.VideoBound == 2 && st.AudioBound == 2
	})
	start := src.Stats().VideoFrames
	bStart, cStart := b.peer.Stats().VideoFramesReceived, c.peer.Stats().VideoFramesReceived
	eventually(t, 5*time.Second, "15 more frames at each viewer", func() bool {
		return b.peer.Stats().VideoFramesReceived >= bStart+15 && c.peer.Stats().VideoFramesReceived >= cStart+15
	})
	encoded := src.Stats().VideoFrames - start
	received := b.peer.Stats().VideoFramesReceived - bStart
	if encoded > received+received/2 {
		t.Errorf("source encoded %d frames while one viewer received %d: not encoding once for both", encoded, received)
	}
	a1.close()
	b.close()
	eventually(t, 2*time.Second, "one binding left", func() bool { return src.Stats().VideoBound == 1 })
	n := c.peer.Stats().VideoFramesReceived
	eventually(t, 5*time.Second, "the second call to go on", func() bool { return c.peer.Stats().VideoFramesReceived >= n+10 })
	a2.close()
	c.close()
	eventually(t, 2*time.Second, "the source to go idle", func() bool {
		st := src.Stats()
		return st.VideoBound == 0 && st.AudioBound == 0
	})
}

// TestRemoteCloseReportsClosed: when the other side closes its peer, pion
// receives DTLS close_notify and this side reports PeerClosed at once, without
// its own Close: the call engine can treat it as the remote hanging up.
func TestRemoteCloseReportsClosed(t *testing.T) {
	defer goleak.VerifyNone(t)
	f := newFactory(t, loopbackConfig(nil))
	a := newEndpoint(t, f, "a", call.Constraints{})
	b := newEndpoint(t, f, "b", call.Constraints{})
	wire(a, b)
	negotiate(t, a, b)
	a.waitConnected(5 * time.Second)
	b.waitConnected(5 * time.Second)
	b.close()
	select {
	case <-a.remoteClosed:
	case <-time.After(2 * time.Second):
		t.Fatal("no PeerClosed 2 s after the other side closed")
	}
	if a.failed.Load() {
		t.Error("a remote close was reported as failed")
	}
	a.close()
}
