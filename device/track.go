package device

import (
	"sync/atomic"

	"github.com/pion/webrtc/v4"
)

// SharedTrack is a webrtc.TrackLocal that one source writes and every call
// sends: the media is encoded once and pion packetizes it for each bound peer
// connection. It counts the peer connections bound to it and reports every
// change to its owner, which starts encoding on the first bind and stops after
// the last unbind.
//
// pion binds a track when a call's descriptions are both set, before DTLS is up,
// and silently drops what is written before SRTP is ready: a keyframe written at
// bind time is lost. Sources therefore wait for webrtcpeer's keyframe request
// when the call connects (or one frame interval) before the first frame.
type SharedTrack struct {
	*webrtc.TrackLocalStaticSample

	bound    atomic.Int32
	onChange func(bound int)
}

var _ webrtc.TrackLocal = (*SharedTrack)(nil)

// NewSharedTrack creates a track for codec c. onChange, if not nil, is called
// after every successful Bind and Unbind with the new number of bound peer
// connections; it runs on pion's goroutine and must not block.
func NewSharedTrack(c webrtc.RTPCodecCapability, id, streamID string, onChange func(bound int)) (*SharedTrack, error) {
	inner, err := webrtc.NewTrackLocalStaticSample(c, id, streamID)
	if err != nil {
		return nil, err
	}
	return &SharedTrack{TrackLocalStaticSample: inner, onChange: onChange}, nil
}

// Bind is called by pion when a peer connection starts sending the track.
func (t *SharedTrack) Bind(ctx webrtc.TrackLocalContext) (webrtc.RTPCodecParameters, error) {
	codec, err := t.TrackLocalStaticSample.Bind(ctx)
	if err != nil {
		return codec, err
	}
	n := t.bound.Add(1)
	if t.onChange != nil {
		t.onChange(int(n))
	}
	return codec, nil
}

// Unbind is called by pion when a peer connection stops sending the track.
func (t *SharedTrack) Unbind(ctx webrtc.TrackLocalContext) error {
	if err := t.TrackLocalStaticSample.Unbind(ctx); err != nil {
		return err
	}
	n := t.bound.Add(-1)
	if t.onChange != nil {
		t.onChange(int(n))
	}
	return nil
}

// Bound returns how many peer connections are bound to the track now.
func (t *SharedTrack) Bound() int { return int(t.bound.Load()) }
