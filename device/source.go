package device

import (
	"errors"
	"time"

	"github.com/pion/webrtc/v4"
)

// ErrNoEncoder is what the sources that need openh264 or libopus return in a
// build without cgo (CGO_ENABLED=0): such a binary can signal and receive, but
// has nothing to encode what it would send with.
var ErrNoEncoder = errors.New("device: compiled without cgo: no H.264/Opus encoder; build with CGO_ENABLED=1")

// Source is a local media source shared by every call. Package webrtcpeer uses
// it (through its own, identical MediaSource interface); every source in this
// package implements it.
//
// A Source starts with nothing to do: it encodes only while at least one peer
// connection is bound to one of its tracks. Its first video frame after
// becoming bound is a keyframe, and RequestKeyframe produces one at once:
// webrtcpeer calls it when a call connects, because pion binds tracks before
// SRTP is up and drops whatever is written until then.
//
// A source that cannot make keyframes on demand (rpicam-vid) should use a
// short intra period instead and may treat RequestKeyframe as a no-op.
type Source interface {
	// AudioTrack returns the shared audio track, or nil when the source has no audio.
	AudioTrack() webrtc.TrackLocal
	// VideoTrack returns the shared video track, or nil when the source has no video.
	VideoTrack() webrtc.TrackLocal
	// RequestKeyframe asks for a keyframe as soon as possible: a receiver lost
	// a picture (PLI, FIR) or a new call just connected. It never blocks; requests
	// made before the keyframe is out are merged into one.
	RequestKeyframe()
	// SentCounts reports how many audio packets and video frames the source has
	// written to its tracks since it was created. Peers subtract the counts they
	// saw when they connected to get their own.
	SentCounts() (audioPackets, videoFrames uint64)
	// Close stops the source and waits for its goroutines. Tracks already added to
	// peer connections stay valid but carry no more media.
	Close() error
}

// Stats describe what a source has produced so far.
type Stats struct {
	// VideoFrames, VideoKeyframes and VideoBytes count encoded frames written to
	// the video track; AudioPackets counts encoded audio packets (one Opus frame
	// each) written to the audio track.
	VideoFrames    uint64
	VideoKeyframes uint64
	VideoBytes     uint64
	AudioPackets   uint64
	// VideoEncodeTime is the total time spent drawing and encoding video frames,
	// AudioEncodeTime the same for audio packets.
	VideoEncodeTime time.Duration
	AudioEncodeTime time.Duration
	// VideoBound and AudioBound are how many peer connections are bound to each
	// track right now.
	VideoBound int
	AudioBound int
}
