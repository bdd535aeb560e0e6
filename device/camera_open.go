//go:build linux

package device

import (
	"fmt"
)

// OpenVideo finds the best video path on this machine by itself and opens
// it: rpicam-vid for a Pi camera module; else a V4L2 camera, its own H.264
// passed through, else raw frames to the hardware encoder (bcm2835-codec),
// else to openh264. cfg overrides the choice (device, encoder). The camera
// itself opens when the first call binds the track.
//
// When "auto" finds nothing usable the error wraps ErrNoCamera: the daemon
// then falls back to the synthetic source. Other errors mean a configured
// device cannot work, and say why and how to fix it.
func OpenVideo(cfg VideoConfig) (*Camera, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	inv, err := Probe()
	if err != nil {
		return nil, fmt.Errorf("device: listing video devices: %w", err)
	}
	plan, err := inv.Choose(cfg)
	if err != nil {
		return nil, err
	}
	return OpenPlan(plan, cfg)
}

// OpenPlan opens what Choose decided, for callers that probe and choose
// themselves (to log or print the plan first).
func OpenPlan(plan VideoPlan, cfg VideoConfig) (*Camera, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var open sessionOpener
	switch plan.Kind {
	case PlanRpicam:
		open = rpicamOpener(plan, cfg)
	case PlanPassthrough:
		open = captureOpener(plan, cfg, openV4L2Capture, nil)
	case PlanHardware:
		enc := plan.Encoder.Path
		open = captureOpener(plan, cfg, openV4L2Capture, func(c EncoderConfig) (Encoder, error) {
			return NewM2MEncoder(enc, FourCCH264, c, cfg.Logger)
		})
	case PlanSoftware:
		open = captureOpener(plan, cfg, openV4L2Capture, func(c EncoderConfig) (Encoder, error) {
			return NewSoftwareEncoder(c)
		})
	default:
		return nil, fmt.Errorf("device: no video plan to open (%v)", plan.Kind)
	}
	return newCamera(cfg, plan, open)
}
