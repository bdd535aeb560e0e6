package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/webrtcpeer"
)

// media is the local media source and the peer factory that sends it.
type media struct {
	source device.Source
	peers  *webrtcpeer.Factory
}

// newMedia opens the media the configuration asks for and builds the WebRTC
// factory around it. With media.source auto it uses the best camera it finds
// (docs/devices.md) and falls back to the synthetic test pattern when there is
// none; the audio is the synthetic tone until the ALSA microphone is wired.
func newMedia(cfg config.Config, log *slog.Logger) (*media, error) {
	src, err := openSource(cfg, log)
	if err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	wcfg := webrtcpeer.Config{
		NoLoopback: !cfg.WebRTC.Loopback,
		Source:     src,
		Logger:     log,
	}
	for _, u := range cfg.WebRTC.ICEServers {
		wcfg.ICEServers = append(wcfg.ICEServers, webrtc.ICEServer{URLs: []string{u}})
	}
	if len(cfg.WebRTC.Interfaces) > 0 {
		allowed := cfg.WebRTC.Interfaces
		wcfg.InterfaceFilter = func(name string) bool { return slices.Contains(allowed, name) }
	}
	peers, err := webrtcpeer.NewFactory(wcfg)
	if err != nil {
		src.Close()
		return nil, fmt.Errorf("media: %w", err)
	}
	return &media{source: src, peers: peers}, nil
}

func synthetic(cfg config.Config, log *slog.Logger, noVideo bool) (*device.Synthetic, error) {
	return device.NewSynthetic(device.SyntheticConfig{
		Width: cfg.Media.Width, Height: cfg.Media.Height, FrameRate: cfg.Media.FrameRate,
		VideoBitRate: cfg.Media.Bitrate, NoVideo: noVideo, StreamID: cfg.Device, Logger: log,
	})
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

func openSource(cfg config.Config, log *slog.Logger) (device.Source, error) {
	if cfg.Media.Source == "synthetic" {
		log.Info("media: synthetic test pattern and tone (media.source is synthetic)")
		return synthetic(cfg, log, false)
	}
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
		log.Log(context.Background(), level, "no usable camera; using the synthetic test pattern and tone", "why", err)
		return synthetic(cfg, log, false)
	}
	log.Info("video", "plan", plan.String())
	cam, err := device.OpenPlan(plan, vcfg)
	if err != nil {
		return nil, err
	}
	tone, err := synthetic(cfg, log, true)
	if err != nil {
		cam.Close()
		return nil, err
	}
	return device.Combine(cam, tone), nil
}

func (m *media) close() {
	if err := m.source.Close(); err != nil {
		slog.Warn("closing the media source", "err", err)
	}
}
