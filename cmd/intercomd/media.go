package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"

	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/webrtcpeer"
)

// media is the local media source, the speaker, and the peer factory that
// sends the one and feeds the other.
type media struct {
	source device.Source
	audio  *device.Audio // nil: no sound card in use
	peers  *webrtcpeer.Factory
	calls  atomic.Pointer[call.Client] // hears of sound cards vanishing and returning, once it exists
}

// newMedia opens the media the configuration asks for and builds the WebRTC
// factory around it. With media.source auto it uses the best camera it finds
// (docs/devices.md) and falls back to the synthetic test pattern when there is
// none; the audio is the synthetic tone until the ALSA microphone is wired.
func newMedia(cfg config.Config, log *slog.Logger, onError func(error)) (*media, error) {
	m := &media{}
	var err error
	if cfg.Media.Source != "synthetic" {
		m.audio, err = openAudio(cfg, log, func(err error) { onError(err); m.report(err) },
			func(dev string) { m.report(fmt.Errorf("media: the %s works again", dev)) })
		if err != nil {
			return nil, fmt.Errorf("media: %w", err)
		}
	}
	m.source, err = openSource(cfg, log, m.audio)
	switch {
	case errors.Is(err, device.ErrNoEncoder):
		// A CGO_ENABLED=0 build: it can still ring, signal, receive and open
		// the door, so it runs with receive-only calls rather than not at all.
		log.Warn("this build cannot send media; calls are receive-only", "why", err)
	case err != nil:
		m.close()
		return nil, fmt.Errorf("media: %w", err)
	}
	wcfg := webrtcpeer.Config{
		NoLoopback: !cfg.WebRTC.Loopback,
		Logger:     log,
	}
	if !device.OpusAvailable {
		// Without cgo there is no Opus either way: offer only what this
		// build can send and play, and peers fall back to G.711.
		wcfg.AudioCodecs = []string{"pcmu", "pcma"}
	}
	if m.source != nil {
		wcfg.Source = m.source // never a nil Source in the interface
	}
	if a := m.audio; a != nil && a.Playing() {
		wcfg.AudioSink = func(callID, mime string, rate uint32) (webrtcpeer.Sink, error) {
			s, err := a.NewAudioSink(callID, mime, rate)
			if err != nil {
				return nil, err // an untyped nil: a typed one would hide in the interface
			}
			return s, nil
		}
	}
	for _, u := range cfg.WebRTC.ICEServers {
		wcfg.ICEServers = append(wcfg.ICEServers, webrtc.ICEServer{URLs: []string{u}})
	}
	if len(cfg.WebRTC.Interfaces) > 0 {
		allowed := cfg.WebRTC.Interfaces
		wcfg.InterfaceFilter = func(name string) bool { return slices.Contains(allowed, name) }
	}
	if spec := cfg.Media.VideoSink; spec != "" {
		wcfg.VideoSink = func(callID, mime string, _ uint32) (webrtcpeer.Sink, error) {
			s, err := device.OpenVideoSink(spec, callID, mime, log)
			if err != nil {
				return nil, err
			}
			return s, nil
		}
	}
	m.peers, err = webrtcpeer.NewFactory(wcfg)
	if err != nil {
		m.close()
		return nil, fmt.Errorf("media: %w", err)
	}
	return m, nil
}

// openAudio opens the microphone and speaker the audio section names. With
// "default", a direction the machine has no card for is turned off (and the
// synthetic tone stands in for the microphone); a card named explicitly must
// exist. It returns nil when neither direction is in use.
func openAudio(cfg config.Config, log *slog.Logger, onError func(error), onRecover func(string)) (*device.Audio, error) {
	acfg := cfg.Audio
	cards := device.ProbeAudio()
	for _, dir := range []struct {
		name    *string
		capture bool
		what    string
	}{{&acfg.Capture, true, "microphone"}, {&acfg.Playback, false, "speaker"}} {
		if *dir.name == "none" {
			continue
		}
		pcm, err := cards.Resolve(*dir.name, dir.capture)
		switch {
		case err == nil:
			log.Info("audio", dir.what, pcm.HW(), "name", pcm.Name)
		case *dir.name == "default":
			log.Info("audio: no "+dir.what+" found; going without", "why", err)
			*dir.name = "none"
		default:
			return nil, err
		}
	}
	if acfg.Capture == "none" && acfg.Playback == "none" {
		return nil, nil
	}
	acfg.StreamID, acfg.Logger, acfg.OnError, acfg.OnRecover = cfg.Device, log.With("media", "audio"), onError, onRecover
	return device.NewAudio(acfg)
}

// synthetic opens the test pattern and tone, or only one of them. It returns a
// nil interface, not a nil *Synthetic, on error.
func synthetic(cfg config.Config, log *slog.Logger, noVideo, noAudio bool) (device.Source, error) {
	s, err := device.NewSynthetic(device.SyntheticConfig{
		Width: cfg.Media.Width, Height: cfg.Media.Height, FrameRate: cfg.Media.FrameRate,
		VideoBitRate: cfg.Media.Bitrate, NoVideo: noVideo, NoAudio: noAudio, StreamID: cfg.Device, Logger: log,
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// videoConfig is the camera part of the configuration in device's terms.
func videoConfig(cfg config.Config, log *slog.Logger) device.VideoConfig {
	return device.VideoConfig{
		Device: cfg.Media.Camera, Width: cfg.Media.Width, Height: cfg.Media.Height,
		FPS: cfg.Media.FrameRate, Bitrate: cfg.Media.Bitrate, KeyframeInterval: cfg.Media.KeyframeInterval,
		Encoder: cfg.Media.Encoder, EncoderDevice: cfg.Media.EncoderDevice, Rpicam: cfg.Media.Rpicam,
		StreamID: cfg.Device, Logger: log.With("media", "video"),
		OnError: func(err error) { log.Warn("camera", "err", err) },
	}
}

// openSource opens the video and audio to send: camera (or the test pattern)
// and microphone (or the tone).
func openSource(cfg config.Config, log *slog.Logger, audio *device.Audio) (device.Source, error) {
	if cfg.Media.Source == "synthetic" {
		log.Info("media: synthetic test pattern and tone (media.source is synthetic)")
		return synthetic(cfg, log, false, false)
	}
	mic := audio != nil && audio.AudioTrack() != nil
	vcfg := videoConfig(cfg, log)
	inv, err := device.Probe()
	var plan device.VideoPlan
	if err == nil {
		plan, err = inv.Choose(vcfg)
	}
	if err != nil {
		if cfg.Media.Camera != "auto" {
			return nil, err // the configured camera cannot work: the message names the fix
		}
		level := slog.LevelWarn // a camera is there but unusable: say so loudly
		if errors.Is(err, device.ErrNoCamera) {
			level = slog.LevelInfo
		}
		log.Log(context.Background(), level, "no usable camera; using the synthetic test pattern", "why", err)
		if mic {
			pattern, err := synthetic(cfg, log, false, true)
			if errors.Is(err, device.ErrNoEncoder) {
				// A build without cgo draws no pattern, but the microphone
				// still goes out, as G.711.
				log.Warn("this build cannot encode video; calls carry the microphone only", "why", err)
				return device.Combine(nil, audio), nil
			}
			if err != nil {
				return nil, err
			}
			return device.Combine(pattern, audio), nil
		}
		return synthetic(cfg, log, false, false)
	}
	log.Info("video", "plan", plan.String())
	cam, err := device.OpenPlan(plan, vcfg)
	if err != nil {
		return nil, err
	}
	if mic {
		return device.Combine(cam, audio), nil
	}
	tone, err := synthetic(cfg, log, true, false)
	if err != nil {
		cam.Close()
		return nil, err
	}
	return device.Combine(cam, tone), nil
}

// report makes a media problem an error event of the current call.
func (m *media) report(err error) {
	if c := m.calls.Load(); c != nil {
		c.ReportError(err)
	}
}

// close releases the sources and the sound card.
func (m *media) close() {
	if m.source != nil {
		if err := m.source.Close(); err != nil {
			slog.Warn("closing the media source", "err", err)
		}
	}
	if m.audio != nil {
		if err := m.audio.Close(); err != nil {
			slog.Warn("closing the sound card", "err", err)
		}
	}
}

// mute mutes or unmutes the microphone (mic) or the speaker.
func (m *media) mute(mic, on bool) error {
	switch {
	case m.audio == nil:
		return errors.New("mute: no sound card is in use (see audio.capture and audio.playback)")
	case mic && m.audio.AudioTrack() == nil:
		return errors.New("mute: no microphone is in use (audio.capture)")
	case !mic && !m.audio.Playing():
		return errors.New("speaker-mute: no speaker is in use (audio.playback)")
	case mic:
		m.audio.SetMicMuted(on)
	default:
		m.audio.SetSpeakerMuted(on)
	}
	return nil
}
