package main

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/intercomd/intercomd/device"
)

// runDevices lists the cameras, encoders and sound cards intercomd finds and
// says which it would use with the given configuration.
func runDevices(args []string, stdout io.Writer) error {
	cfg, _, err := loadFromFlags("devices", args)
	if err != nil {
		return err
	}
	inv, err := device.Probe()
	if err != nil {
		return fmt.Errorf("devices: %w", err)
	}
	fmt.Fprint(stdout, inv.String()) // ends with what media.camera auto would pick
	if cfg.Media.Camera != "auto" {
		plan, err := inv.Choose(videoConfig(cfg, slog.Default()))
		if err != nil {
			return fmt.Errorf("devices: media.camera %s: %w", cfg.Media.Camera, err)
		}
		fmt.Fprintf(stdout, "media.camera %s: intercomd would use %s\n", cfg.Media.Camera, plan)
	}
	fmt.Fprint(stdout, device.ProbeAudio().String())
	return nil
}
