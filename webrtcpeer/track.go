package webrtcpeer

import (
	"fmt"
	"sync"

	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
)

// RemoteTrack is a track received from the other side. It implements
// call.RemoteTrack.
type RemoteTrack struct {
	id, kind, streamID string
}

var _ call.RemoteTrack = RemoteTrack{}

// ID returns the track's id.
func (t RemoteTrack) ID() string { return t.id }

// Kind returns "audio" or "video".
func (t RemoteTrack) Kind() string { return t.kind }

// StreamID returns the id of the stream the track belongs to.
func (t RemoteTrack) StreamID() string { return t.streamID }

// readBufferSize holds any RTP packet pion accepts (its receive MTU is 1460).
const readBufferSize = 1500

// onTrack starts the reader of a new remote track and reports the track.
//
// It sends no PLI: the sending side starts with a keyframe when the call
// connects (webrtcpeer asks its source; browsers do it themselves), and a
// second one here would only double the start-up keyframes between stations.
func (p *Peer) onTrack(track *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
	video := track.Kind() == webrtc.RTPCodecTypeVideo
	newSink := p.audioSink
	if video {
		newSink = p.videoSink
	}
	var sink Sink
	if newSink != nil {
		c := track.Codec()
		s, err := newSink(p.opts.CallID, c.MimeType, c.ClockRate)
		if err != nil {
			kind := track.Kind().String()
			p.log.Warn("cannot pass on the remote "+kind, "codec", c.MimeType, "err", err)
			p.emit(call.PeerEvent{Type: call.PeerEventError, Err: fmt.Errorf("webrtcpeer: passing on the remote %s of call %s: %w", kind, p.opts.CallID, err)})
		} else {
			once := &onceSink{sink: s}
			p.sinksMu.Lock()
			p.sinks = append(p.sinks, once)
			p.sinksMu.Unlock()
			sink = once
		}
	}
	if !p.goOwned(func() { p.readTrack(track, video, sink) }) {
		if sink != nil {
			_ = sink.Close()
		}
		return
	}
	p.emit(call.PeerEvent{Type: call.PeerEventTrack, Track: RemoteTrack{
		id: track.ID(), kind: track.Kind().String(), streamID: track.StreamID(),
	}})
}

// onceSink lets a sink be closed from two places, its reader and an
// abandoned Close, and drops what is written after that.
type onceSink struct {
	mu     sync.Mutex
	sink   Sink
	closed bool
}

func (s *onceSink) WriteRTP(pkt []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	return s.sink.WriteRTP(pkt)
}

func (s *onceSink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.sink.Close()
}

// readTrack counts a remote track's packets until the connection closes, and
// hands them to sink when there is one (closing it at the end). Frames are
// counted by the RTP marker bit, which ends every video frame.
func (p *Peer) readTrack(track *webrtc.TrackRemote, video bool, sink Sink) {
	if sink != nil {
		defer sink.Close()
	}
	buf := make([]byte, readBufferSize)
	for {
		n, _, err := track.Read(buf)
		if err != nil {
			return
		}
		if n < 12 {
			continue // not RTP; pion should not pass it on
		}
		p.bytes.Add(uint64(n))
		if !video {
			p.audioPackets.Add(1)
			if sink != nil {
				_ = sink.WriteRTP(buf[:n])
			}
			continue
		}
		p.videoPackets.Add(1)
		if buf[1]&0x80 != 0 {
			p.videoFrames.Add(1)
		}
		if sink != nil {
			_ = sink.WriteRTP(buf[:n])
		}
	}
}
