package webrtcpeer

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
)

// ErrClosed is returned by a Peer's methods after Close.
var ErrClosed = errors.New("webrtcpeer: peer is closed")

// Peer is one call's peer connection. It implements call.Peer; create it with
// Factory.NewPeer. Its methods are safe for concurrent use, but Offer, Answer
// and SetAnswer follow the offer/answer order of the W3C API.
//
// PeerOptions.OnEvent runs on pion's goroutines: it must neither block nor
// call the Peer's methods (hand the event to the owner's loop instead).
// A PeerClosed state that the owner did not cause by Close means the other
// side closed its connection (pion got a DTLS close_notify); it arrives within
// milliseconds, long before ICE would notice.
type Peer struct {
	opts call.PeerOptions
	pc   *webrtc.PeerConnection
	log  *slog.Logger
	src  MediaSource

	audioSink NewSink
	videoSink NewSink

	sendAudio, sendVideo bool

	// mu guards closed; emit holds it for reading so that Close, which takes it
	// for writing, waits for an event in flight and no event follows Close. It
	// also orders wg.Add against wg.Wait.
	mu     sync.RWMutex
	closed bool
	wg     sync.WaitGroup

	audioPackets, videoPackets, videoFrames, bytes atomic.Uint64

	// sinks are the remote tracks' sinks, closed by their readers, or by
	// Close when it gives up on pion (the readers may never return then).
	sinksMu sync.Mutex
	sinks   []*onceSink

	// Sent counts are the source's counts minus those seen when the call
	// connected, frozen at Close.
	sentMu                   sync.Mutex
	connected                bool
	baseAudio, baseVideo     uint64
	frozen                   bool
	frozenAudio, frozenVideo uint64
}

var _ call.Peer = (*Peer)(nil)

// register installs pion's callbacks. OnICECandidate is set before any
// SetLocalDescription, so no candidate is missed.
func (p *Peer) register() {
	p.pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			p.emit(call.PeerEvent{Type: call.PeerEventCandidate}) // end of candidates
			return
		}
		init := c.ToJSON()
		p.emit(call.PeerEvent{Type: call.PeerEventCandidate, Candidate: call.Candidate{
			Candidate: init.Candidate, SDPMid: init.SDPMid, SDPMLineIndex: init.SDPMLineIndex,
		}})
	})
	p.pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			p.onConnected()
		}
		if ps := peerState(s); ps != call.PeerUnknown {
			p.emit(call.PeerEvent{Type: call.PeerEventState, State: ps})
		}
	})
	p.pc.OnTrack(p.onTrack)
}

// peerState maps pion's connection state to call's.
func peerState(s webrtc.PeerConnectionState) call.PeerState {
	switch s {
	case webrtc.PeerConnectionStateNew:
		return call.PeerNew
	case webrtc.PeerConnectionStateConnecting:
		return call.PeerConnecting
	case webrtc.PeerConnectionStateConnected:
		return call.PeerConnected
	case webrtc.PeerConnectionStateDisconnected:
		return call.PeerDisconnected
	case webrtc.PeerConnectionStateFailed:
		return call.PeerFailed
	case webrtc.PeerConnectionStateClosed:
		return call.PeerClosed
	}
	return call.PeerUnknown
}

// emit hands an event to the owner unless the peer is closed.
func (p *Peer) emit(e call.PeerEvent) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed || p.opts.OnEvent == nil {
		return
	}
	p.opts.OnEvent(e)
}

// goOwned starts f on a goroutine Close waits for; false when already closed.
func (p *Peer) goOwned(f func()) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		f()
	}()
	return true
}

// onConnected starts the sent counters and asks for a keyframe: the one the
// source wrote when the track was bound went out before SRTP was ready.
func (p *Peer) onConnected() {
	if p.src == nil {
		return
	}
	p.sentMu.Lock()
	if !p.connected && !p.frozen {
		p.connected = true
		p.baseAudio, p.baseVideo = p.src.SentCounts()
	}
	p.sentMu.Unlock()
	if p.sendVideo {
		p.src.RequestKeyframe()
	}
}

// Offer adds the audio and video transceivers, creates the offer and sets it
// as the local description. Candidates follow through OnEvent.
func (p *Peer) Offer() (string, error) {
	if p.isClosed() {
		return "", ErrClosed
	}
	for _, k := range []struct {
		kind  webrtc.RTPCodecType
		send  bool
		track func() webrtc.TrackLocal
	}{
		{webrtc.RTPCodecTypeAudio, p.sendAudio, p.audioTrack},
		{webrtc.RTPCodecTypeVideo, p.sendVideo, p.videoTrack},
	} {
		if k.send {
			tr, err := p.pc.AddTransceiverFromTrack(k.track(), webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendrecv})
			if err != nil {
				return "", fmt.Errorf("webrtcpeer: adding the local %s track: %w", k.kind, err)
			}
			p.readRTCP(tr.Sender(), k.kind)
			continue
		}
		if _, err := p.pc.AddTransceiverFromKind(k.kind, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionRecvonly}); err != nil {
			return "", fmt.Errorf("webrtcpeer: adding a receive-only %s transceiver: %w", k.kind, err)
		}
	}
	offer, err := p.pc.CreateOffer(nil)
	if err != nil {
		return "", fmt.Errorf("webrtcpeer: creating the offer: %w", err)
	}
	if err := p.pc.SetLocalDescription(offer); err != nil {
		return "", fmt.Errorf("webrtcpeer: setting the local offer: %w", err)
	}
	return offer.SDP, nil
}

// Answer applies a remote offer, adds the local tracks to the transceivers the
// offer created, creates the answer and sets it as the local description.
// A kind the offer has no m-line for is not sent.
func (p *Peer) Answer(offer string) (string, error) {
	if p.isClosed() {
		return "", ErrClosed
	}
	if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer}); err != nil {
		return "", fmt.Errorf("webrtcpeer: applying the remote offer: %w", err)
	}
	for _, k := range []struct {
		kind  webrtc.RTPCodecType
		send  bool
		track func() webrtc.TrackLocal
	}{
		{webrtc.RTPCodecTypeAudio, p.sendAudio, p.audioTrack},
		{webrtc.RTPCodecTypeVideo, p.sendVideo, p.videoTrack},
	} {
		if !k.send {
			continue
		}
		if !p.offered(k.kind) {
			p.log.Debug("the offer has no m-line for a kind we would send; not sending it", "kind", k.kind.String())
			continue
		}
		sender, err := p.pc.AddTrack(k.track())
		if err != nil {
			return "", fmt.Errorf("webrtcpeer: adding the local %s track to the offer's transceiver: %w", k.kind, err)
		}
		p.readRTCP(sender, k.kind)
	}
	answer, err := p.pc.CreateAnswer(nil)
	if err != nil {
		return "", fmt.Errorf("webrtcpeer: creating the answer: %w", err)
	}
	if err := p.pc.SetLocalDescription(answer); err != nil {
		return "", fmt.Errorf("webrtcpeer: setting the local answer: %w", err)
	}
	return answer.SDP, nil
}

// offered reports whether the remote offer created a transceiver of kind with
// no sender yet, which AddTrack will reuse.
func (p *Peer) offered(kind webrtc.RTPCodecType) bool {
	for _, t := range p.pc.GetTransceivers() {
		if t.Kind() == kind && t.Sender() == nil {
			return true
		}
	}
	return false
}

func (p *Peer) audioTrack() webrtc.TrackLocal { return p.src.AudioTrack() }
func (p *Peer) videoTrack() webrtc.TrackLocal { return p.src.VideoTrack() }

// SetAnswer applies the remote answer to the offer made by Offer.
func (p *Peer) SetAnswer(answer string) error {
	if p.isClosed() {
		return ErrClosed
	}
	if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: answer}); err != nil {
		return fmt.Errorf("webrtcpeer: applying the remote answer: %w", err)
	}
	return nil
}

// RestartOffer creates an ICE-restart offer on the established connection:
// new ICE credentials, so both sides gather and check candidates anew, while
// DTLS, SRTP and the tracks stay as they are. The answer goes to SetAnswer.
func (p *Peer) RestartOffer() (string, error) {
	if p.isClosed() {
		return "", ErrClosed
	}
	offer, err := p.pc.CreateOffer(&webrtc.OfferOptions{ICERestart: true})
	if err != nil {
		return "", fmt.Errorf("webrtcpeer: creating the ICE restart offer: %w", err)
	}
	if err := p.pc.SetLocalDescription(offer); err != nil {
		return "", fmt.Errorf("webrtcpeer: setting the ICE restart offer: %w", err)
	}
	return offer.SDP, nil
}

// Reanswer applies the other side's ICE-restart offer and returns the answer.
func (p *Peer) Reanswer(offer string) (string, error) {
	if p.isClosed() {
		return "", ErrClosed
	}
	if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer}); err != nil {
		return "", fmt.Errorf("webrtcpeer: applying the ICE restart offer: %w", err)
	}
	answer, err := p.pc.CreateAnswer(nil)
	if err != nil {
		return "", fmt.Errorf("webrtcpeer: answering the ICE restart: %w", err)
	}
	if err := p.pc.SetLocalDescription(answer); err != nil {
		return "", fmt.Errorf("webrtcpeer: setting the ICE restart answer: %w", err)
	}
	return answer.SDP, nil
}

var _ call.Restarter = (*Peer)(nil)

// AddCandidate adds a remote ICE candidate; an empty one marks the end of the
// remote candidates. Candidates of unknown types are dropped with a warning.
func (p *Peer) AddCandidate(c call.Candidate) error {
	if p.isClosed() {
		return ErrClosed
	}
	err := p.pc.AddICECandidate(webrtc.ICECandidateInit{
		Candidate: c.Candidate, SDPMid: c.SDPMid, SDPMLineIndex: c.SDPMLineIndex,
	})
	if err != nil {
		return fmt.Errorf("webrtcpeer: adding remote candidate %q: %w", c.Candidate, err)
	}
	return nil
}

// readRTCP reads the RTCP a sender receives, which pion's interceptors need
// (NACK responses), and turns PLI and FIR into keyframe requests.
func (p *Peer) readRTCP(sender *webrtc.RTPSender, kind webrtc.RTPCodecType) {
	p.goOwned(func() {
		for {
			pkts, _, err := sender.ReadRTCP()
			if err != nil {
				return // the sender stopped: Close
			}
			if kind != webrtc.RTPCodecTypeVideo {
				continue
			}
			for _, pkt := range pkts {
				switch pkt.(type) {
				case *rtcp.PictureLossIndication, *rtcp.FullIntraRequest:
					p.src.RequestKeyframe()
				}
			}
		}
	})
}

// Stats returns the media counted so far. Received counts are per call;
// BytesReceived counts whole RTP packets (header and payload) after SRTP
// decryption. Sent counts are the source's since this call connected, because
// the source writes one stream to every call at once; they stop at Close.
func (p *Peer) Stats() call.MediaStats {
	s := call.MediaStats{
		AudioPacketsReceived: p.audioPackets.Load(),
		VideoPacketsReceived: p.videoPackets.Load(),
		VideoFramesReceived:  p.videoFrames.Load(),
		BytesReceived:        p.bytes.Load(),
	}
	s.AudioPacketsSent, s.VideoFramesSent = p.sent()
	return s
}

func (p *Peer) sent() (audio, video uint64) {
	p.sentMu.Lock()
	defer p.sentMu.Unlock()
	if p.frozen {
		return p.frozenAudio, p.frozenVideo
	}
	if !p.connected {
		return 0, 0
	}
	a, v := p.src.SentCounts()
	if p.sendAudio {
		audio = a - p.baseAudio
	}
	if p.sendVideo {
		video = v - p.baseVideo
	}
	return audio, video
}

func (p *Peer) isClosed() bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.closed
}

// Close closes the peer connection, releases its tracks and waits for every
// goroutine the peer started, for at most CloseTimeout (see there). OnEvent is not called once Close has begun.
// Close must not be called from OnEvent. Calling it again does nothing.
func (p *Peer) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.mu.Unlock()

	a, v := p.sent()
	p.sentMu.Lock()
	p.frozen, p.frozenAudio, p.frozenVideo = true, a, v
	p.sentMu.Unlock()

	// GracefulClose also waits for pion's own goroutines and handlers. It can
	// hang for good (see CloseTimeout), and the call engine closes peers on its
	// own loop, so the wait is bounded.
	done := make(chan error, 1)
	go func() {
		err := p.pc.GracefulClose()
		p.wg.Wait()
		done <- err
	}()
	timer := time.NewTimer(CloseTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("webrtcpeer: closing the peer connection of call %s: %w", p.opts.CallID, err)
		}
		return nil
	case <-timer.C:
		abandonedCloses.Add(1)
		// The track readers may stay blocked in pion: close their sinks here,
		// or a sound card or player would stay held by a call that is over.
		p.sinksMu.Lock()
		for _, s := range p.sinks {
			_ = s.Close()
		}
		p.sinksMu.Unlock()
		p.log.Warn("pion did not finish closing the peer connection; leaving its goroutines behind", "call_id", p.opts.CallID, "waited", CloseTimeout)
		return fmt.Errorf("webrtcpeer: closing the peer connection of call %s: pion did not finish within %s; its goroutines are left behind", p.opts.CallID, CloseTimeout)
	}
}

// CloseTimeout bounds Peer.Close. pion v4.2 can hang in Close for good: when
// a packet of a new SSRC arrives while the connection closes (its own close
// after a failed DTLS handshake, say), SRTP's read loop waits to hand the new
// stream to an acceptor that has already stopped, and closing SRTP waits for
// that read loop. The integration soak meets it about once in a thousand calls.
// After CloseTimeout Close returns an error and the goroutines stay behind.
var CloseTimeout = 3 * time.Second

// abandonedCloses counts the Close calls that gave up after CloseTimeout.
var abandonedCloses atomic.Uint64

// AbandonedCloses returns how many times Peer.Close gave up waiting for pion
// in this process. Each one leaves a handful of pion goroutines behind.
func AbandonedCloses() uint64 { return abandonedCloses.Load() }
