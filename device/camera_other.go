//go:build !linux

package device

import "errors"

// errNotLinux is what the V4L2 functions return on other systems.
var errNotLinux = errors.New("device: cameras need Linux (V4L2, rpicam-vid)")

// Probe finds nothing outside Linux.
func Probe() (Inventory, error) { return Inventory{}, errNotLinux }

// OpenVideo fails outside Linux.
func OpenVideo(cfg VideoConfig) (*Camera, error) { return nil, errNotLinux }

// OpenPlan fails outside Linux.
func OpenPlan(plan VideoPlan, cfg VideoConfig) (*Camera, error) { return nil, errNotLinux }
