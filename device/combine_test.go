package device

import (
	"errors"
	"testing"

	"github.com/pion/webrtc/v4"
)

// stubSource is a Source with fixed tracks and counts.
type stubSource struct {
	audio, video webrtc.TrackLocal
	a, v         uint64
	keys         int
	closed       bool
	err          error
}

func (s *stubSource) AudioTrack() webrtc.TrackLocal { return s.audio }
func (s *stubSource) VideoTrack() webrtc.TrackLocal { return s.video }
func (s *stubSource) RequestKeyframe()              { s.keys++ }
func (s *stubSource) SentCounts() (uint64, uint64)  { return s.a, s.v }
func (s *stubSource) Close() error                  { s.closed = true; return s.err }

func TestCombine(t *testing.T) {
	at, _ := NewSharedTrack(OpusCapability, "audio", "s", nil)
	vt, _ := NewSharedTrack(H264Capability, "video", "s", nil)
	other, _ := NewSharedTrack(H264Capability, "video2", "s", nil)
	video := &stubSource{audio: nil, video: vt, a: 99, v: 7}
	audio := &stubSource{audio: at, video: other, a: 50, v: 99, err: errors.New("alsa: close failed")}
	c := Combine(video, audio)
	if c.AudioTrack() != at || c.VideoTrack() != vt {
		t.Error("tracks not taken from the right sources")
	}
	if a, v := c.SentCounts(); a != 50 || v != 7 {
		t.Errorf("SentCounts = %d, %d, want 50, 7", a, v)
	}
	c.RequestKeyframe()
	if video.keys != 1 || audio.keys != 0 {
		t.Errorf("keyframe requests: video %d audio %d", video.keys, audio.keys)
	}
	if err := c.Close(); err == nil || !video.closed || !audio.closed {
		t.Errorf("Close = %v, closed %v %v; want both closed and the audio error", err, video.closed, audio.closed)
	}
	v := Combine(video, nil)
	if v.AudioTrack() != nil || v.VideoTrack() != vt {
		t.Error("video only: wrong tracks")
	}
	if a, _ := v.SentCounts(); a != 0 {
		t.Errorf("video only: %d audio packets", a)
	}
	a := Combine(nil, audio)
	a.RequestKeyframe()
	if a.VideoTrack() != nil || a.AudioTrack() != at {
		t.Error("audio only: wrong tracks")
	}
}
