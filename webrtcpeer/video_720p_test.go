package webrtcpeer

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media/samplebuilder"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// H.264 NAL unit types this package's video carries (ITU-T H.264 table 7-1).
const (
	nalSlice = 1
	nalIDR   = 5
	nalSEI   = 6
	nalSPS   = 7
	nalPPS   = 8
	nalAUD   = 9
)

// annexBNALTypes returns the type of every NAL unit of an Annex-B access unit,
// or an error naming the first malformed one: bytes before the first start
// code, an empty NAL unit, the forbidden bit set, a type this stream must not
// hold, or an access unit without exactly one picture.
func annexBNALTypes(au []byte) ([]int, error) {
	var starts []int // index of each NAL header
	for i := 0; i+2 < len(au); i++ {
		if au[i] == 0 && au[i+1] == 0 && au[i+2] == 1 {
			starts = append(starts, i+3)
			i += 2
		}
	}
	if len(starts) == 0 {
		return nil, fmt.Errorf("no start code in %d bytes", len(au))
	}
	if lead := au[:starts[0]-3]; len(lead) > 1 || (len(lead) == 1 && lead[0] != 0) {
		return nil, fmt.Errorf("%d bytes before the first start code", len(lead))
	}
	var types []int
	slices := 0
	for k, s := range starts {
		end := len(au)
		if k+1 < len(starts) {
			end = starts[k+1] - 3
			if end > s && au[end-1] == 0 {
				end-- // a four-byte start code
			}
		}
		if end <= s {
			return nil, fmt.Errorf("NAL unit %d is empty", k)
		}
		h := au[s]
		if h&0x80 != 0 {
			return nil, fmt.Errorf("NAL unit %d has the forbidden bit set", k)
		}
		typ := int(h & 0x1f)
		switch typ {
		case nalSlice, nalIDR:
			slices++
			if end-s < 2 {
				return nil, fmt.Errorf("slice NAL unit %d has no slice data", k)
			}
		case nalSEI, nalSPS, nalPPS, nalAUD:
		default:
			return nil, fmt.Errorf("NAL unit %d has type %d, which constrained baseline from openh264 does not send", k, typ)
		}
		types = append(types, typ)
	}
	if slices == 0 {
		return nil, fmt.Errorf("no slice among NAL types %v", types)
	}
	return types, nil
}

func hasNAL(types []int, typ int) bool {
	for _, t := range types {
		if t == typ {
			return true
		}
	}
	return false
}

// receivedAU is one access unit reassembled by the in-test receiver.
type receivedAU struct {
	at    time.Time // when its last packet arrived
	rtpTS uint32
	types []int
}

// TestVideo720p30CallKeyframeOnPLI carries 720p30 video at 2 Mbit/s from the
// synthetic source through openh264 over a real call: an intercomd Peer sends,
// a plain pion peer on the same API receives, reassembles every access unit
// with pion's sample builder and parses its NAL units. The first access unit
// must carry SPS, PPS and an IDR; none may be lost (RTP timestamps advance one
// frame interval per access unit); mid-call the receiver sends an RTCP PLI and
// an IDR must arrive within 1 s. Periodic keyframes are off, so a Peer that
// ignored the PLI fails the test.
func TestVideo720p30CallKeyframeOnPLI(t *testing.T) {
	defer goleak.VerifyNone(t)
	const (
		fps = 30
		// beforePLI and afterPLI access units: about 1 s each, enough for the
		// rate control to settle and for a keyframe to be due, and short on
		// two shared cores (a 720p openh264 frame costs several ms).
		beforePLI, afterPLI = 30, 30
		frameTicks          = 90000 / fps
	)
	src := newSource(t, device.SyntheticConfig{
		Width: 1280, Height: 720, FrameRate: fps, VideoBitRate: 2_000_000,
		NoAudio: true, KeyframeInterval: time.Hour,
	})
	defer src.Close()
	f := newFactory(t, loopbackConfig(src))
	a := newEndpoint(t, f, "sender", call.Constraints{Video: true})

	var (
		mu      sync.Mutex
		aus     []receivedAU
		dropped int
		bad     []string
		ssrc    webrtc.SSRC
		gotSSRC = make(chan struct{})
		// more is signalled after every access unit.
		more = make(chan struct{}, 1)
	)
	recv := newBareEndpoint(t, f.api, webrtc.Configuration{Certificates: []webrtc.Certificate{f.cert}}, nil)
	var readers sync.WaitGroup
	recv.pc.OnTrack(func(tr *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
		if tr.Kind() != webrtc.RTPCodecTypeVideo {
			return
		}
		readers.Add(1)
		defer readers.Done()
		mu.Lock()
		ssrc = tr.SSRC()
		mu.Unlock()
		close(gotSSRC)
		// 512 packets of reordering room: a 720p IDR is ~100 packets, and a
		// NACKed packet comes back within a few milliseconds on loopback.
		sb := samplebuilder.New(512, &codecs.H264Packet{}, 90000)
		// The sample builder hands out an access unit when the next one
		// begins; its arrival is when its last packet (marker bit) came.
		complete := map[uint32]time.Time{}
		for {
			pkt, _, err := tr.ReadRTP()
			if err != nil {
				return
			}
			if pkt.Marker {
				complete[pkt.Timestamp] = time.Now()
			}
			sb.Push(pkt)
			for s := sb.Pop(); s != nil; s = sb.Pop() {
				now, ok := complete[s.PacketTimestamp]
				if !ok {
					now = time.Now()
				}
				delete(complete, s.PacketTimestamp)
				types, err := annexBNALTypes(s.Data)
				mu.Lock()
				dropped += int(s.PrevDroppedPackets)
				if err != nil {
					bad = append(bad, fmt.Sprintf("access unit %d (RTP time %d): %v", len(aus), s.PacketTimestamp, err))
				}
				aus = append(aus, receivedAU{at: now, rtpTS: s.PacketTimestamp, types: types})
				mu.Unlock()
				select {
				case more <- struct{}{}:
				default:
				}
			}
		}
	})
	var closeOnce sync.Once
	closeAll := func() {
		closeOnce.Do(func() {
			_ = a.peer.Close()
			close(a.events)
			_ = recv.pc.GracefulClose()
			readers.Wait()
		})
	}
	defer closeAll() // also when a check below fails the test early
	connectBare(t, a, recv)
	a.waitConnected(10 * time.Second)

	// waitFor waits until cond holds on the received access units.
	waitFor := func(d time.Duration, what string, cond func([]receivedAU) bool) {
		t.Helper()
		deadline := time.After(d)
		for {
			mu.Lock()
			ok := cond(aus)
			n := len(aus)
			mu.Unlock()
			if ok {
				return
			}
			select {
			case <-more:
			case <-deadline:
				t.Fatalf("waited %v for %s; %d access units received", d, what, n)
			}
		}
	}
	waitFor(10*time.Second, fmt.Sprint(beforePLI, " access units"), func(r []receivedAU) bool { return len(r) >= beforePLI })
	<-gotSSRC
	mu.Lock()
	pli := &rtcp.PictureLossIndication{MediaSSRC: uint32(ssrc)}
	mu.Unlock()
	sentPLI := time.Now()
	if err := recv.pc.WriteRTCP([]rtcp.Packet{pli}); err != nil {
		t.Fatal("sending the PLI:", err)
	}
	var keyAt time.Time
	waitFor(time.Second, "an IDR after the PLI", func(r []receivedAU) bool {
		for _, au := range r {
			if au.at.After(sentPLI) && hasNAL(au.types, nalIDR) {
				keyAt = au.at
				return true
			}
		}
		return false
	})
	pliToIDR := keyAt.Sub(sentPLI)
	waitFor(5*time.Second, "the access units after the keyframe", func(r []receivedAU) bool { return len(r) >= beforePLI+afterPLI })

	closeAll()

	mu.Lock()
	defer mu.Unlock()
	for _, s := range bad {
		t.Error(s)
	}
	if dropped > 0 {
		t.Errorf("the sample builder dropped %d packets: access units were lost on loopback", dropped)
	}
	if first := aus[0].types; !hasNAL(first, nalSPS) || !hasNAL(first, nalPPS) || !hasNAL(first, nalIDR) {
		t.Errorf("the first access unit has NAL types %v; want SPS (7), PPS (8) and IDR (5): a receiver cannot start decoding", first)
	}
	keyframes := 0
	for i, au := range aus {
		if hasNAL(au.types, nalIDR) {
			keyframes++
			if !hasNAL(au.types, nalSPS) || !hasNAL(au.types, nalPPS) {
				t.Errorf("access unit %d is an IDR without SPS and PPS (NAL types %v)", i, au.types)
			}
		}
		if i > 0 {
			// pion carries the fraction of a tick over, so 3000 ± 1.
			if d := int32(au.rtpTS - aus[i-1].rtpTS); d < frameTicks-1 || d > frameTicks+1 {
				t.Errorf("access unit %d: RTP time advanced %d, want %d: an access unit was lost or reordered", i, d, frameTicks)
			}
		}
	}
	// The connect keyframe and the PLI's; with periodic keyframes off, a
	// third would mean something else forces them and the PLI proved nothing.
	if keyframes != 2 {
		t.Errorf("%d IDRs received; want 2 (on connect, after the PLI)", keyframes)
	}
	if st := src.Stats(); st.VideoFrames > 0 {
		t.Logf("720p30: %d access units received and parsed, %d keyframes; source encoded %d frames, %.0f bytes average, %.1f ms draw + encode per frame",
			len(aus), keyframes, st.VideoFrames, float64(st.VideoBytes)/float64(st.VideoFrames),
			float64(st.VideoEncodeTime.Microseconds())/float64(st.VideoFrames)/1000)
	}
	t.Logf("PLI sent → IDR received: %v", pliToIDR)
}

// connectBare negotiates an intercomd Peer (the offerer) with a plain pion
// peer in this process, trickling candidates both ways.
func connectBare(t *testing.T, a *endpoint, recv *bareEndpoint) {
	t.Helper()
	// The receiver's candidates wait for the answer to be applied at a.
	var (
		mu       sync.Mutex
		answered bool
		pending  []webrtc.ICECandidateInit
	)
	addToA := func(c webrtc.ICECandidateInit) {
		if err := a.peer.AddCandidate(call.Candidate{Candidate: c.Candidate, SDPMid: c.SDPMid, SDPMLineIndex: c.SDPMLineIndex}); err != nil && !a.peer.isClosed() {
			t.Errorf("AddCandidate(%q): %v", c.Candidate, err)
		}
	}
	recv.onCandidate = func(c webrtc.ICECandidateInit) {
		if c.Candidate == "" {
			return
		}
		mu.Lock()
		if !answered {
			pending = append(pending, c)
			mu.Unlock()
			return
		}
		mu.Unlock()
		addToA(c)
	}
	go func() {
		for ev := range a.events {
			if ev.Type == call.PeerEventCandidate && ev.Candidate.Candidate != "" {
				recv.add(webrtc.ICECandidateInit{Candidate: ev.Candidate.Candidate, SDPMid: ev.Candidate.SDPMid, SDPMLineIndex: ev.Candidate.SDPMLineIndex})
			}
			if ev.Type == call.PeerEventState && ev.State == call.PeerConnected {
				a.connectedOnce.Do(func() { close(a.connected) })
			}
		}
	}()
	offer, err := a.peer.Offer()
	if err != nil {
		t.Fatal(err)
	}
	recv.setRemote(t, webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer})
	answer, err := recv.pc.CreateAnswer(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := recv.pc.SetLocalDescription(answer); err != nil {
		t.Fatal(err)
	}
	if err := a.peer.SetAnswer(answer.SDP); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	answered = true
	held := pending
	pending = nil
	mu.Unlock()
	for _, c := range held {
		addToA(c)
	}
}
