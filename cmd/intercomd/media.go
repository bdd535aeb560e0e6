package main

import (
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

// newMedia opens the media source the configuration asks for and builds the
// WebRTC factory around it. Until the V4L2/ALSA sources land, "auto" means the
// synthetic source, and the log says so.
func newMedia(cfg config.Config, log *slog.Logger) (*media, error) {
	if cfg.Media.Source == "auto" {
		log.Info("no camera or microphone support in this build yet; using the synthetic test pattern and tone")
	}
	src, err := device.NewSynthetic(device.SyntheticConfig{
		Width: cfg.Media.Width, Height: cfg.Media.Height, FrameRate: cfg.Media.FrameRate,
		VideoBitRate: cfg.Media.Bitrate, StreamID: cfg.Device, Logger: log,
	})
	if err != nil {
		return nil, fmt.Errorf("media: starting the synthetic source: %w", err)
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

func (m *media) close() {
	if err := m.source.Close(); err != nil {
		slog.Warn("closing the media source", "err", err)
	}
}
