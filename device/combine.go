package device

import (
	"errors"

	"github.com/pion/webrtc/v4"
)

// Combine makes one Source of a video source and an audio source: a camera
// and a microphone, or a camera and the synthetic tone
// (NewSynthetic(SyntheticConfig{NoVideo: true})). Video comes from video,
// audio from audio; keyframe requests go to video; Close closes both. A nil
// argument leaves that kind out (Combine(cam, nil) sends video only).
func Combine(video, audio Source) Source {
	return &combined{video: video, audio: audio}
}

type combined struct{ video, audio Source }

var _ Source = (*combined)(nil)

// AudioTrack is the audio source's track.
func (c *combined) AudioTrack() webrtc.TrackLocal {
	if c.audio == nil {
		return nil
	}
	return c.audio.AudioTrack()
}

// VideoTrack is the video source's track.
func (c *combined) VideoTrack() webrtc.TrackLocal {
	if c.video == nil {
		return nil
	}
	return c.video.VideoTrack()
}

// RequestKeyframe goes to the video source.
func (c *combined) RequestKeyframe() {
	if c.video != nil {
		c.video.RequestKeyframe()
	}
}

// SentCounts takes audio packets from the audio source and frames from the video source.
func (c *combined) SentCounts() (audioPackets, videoFrames uint64) {
	if c.audio != nil {
		audioPackets, _ = c.audio.SentCounts()
	}
	if c.video != nil {
		_, videoFrames = c.video.SentCounts()
	}
	return audioPackets, videoFrames
}

// Close closes both sources.
func (c *combined) Close() error {
	var err error
	if c.video != nil {
		err = c.video.Close()
	}
	if c.audio != nil {
		err = errors.Join(err, c.audio.Close())
	}
	return err
}
