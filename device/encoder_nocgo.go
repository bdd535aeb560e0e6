//go:build !cgo

package device

import (
	"errors"
	"image"
)

// haveOpenH264 is false in builds without cgo: openh264 is a C++ library.
const haveOpenH264 = false

// errNoSoftwareEncoder is what NewSoftwareEncoder returns without cgo.
var errNoSoftwareEncoder = errors.New("device: software H.264 encoder: compiled without cgo, so openh264 is missing; build with CGO_ENABLED=1, or use a camera with H.264 or a hardware encoder")

// SoftwareEncoder would be openh264; this binary was built without cgo.
type SoftwareEncoder struct{}

var _ Encoder = (*SoftwareEncoder)(nil)

// NewSoftwareEncoder always fails in a build without cgo, saying so.
func NewSoftwareEncoder(cfg EncoderConfig) (*SoftwareEncoder, error) {
	return nil, errNoSoftwareEncoder
}

// Encode always fails.
func (e *SoftwareEncoder) Encode(*image.YCbCr) ([][]byte, error) { return nil, errNoSoftwareEncoder }

// RequestKeyframe does nothing.
func (e *SoftwareEncoder) RequestKeyframe() {}

// Close does nothing.
func (e *SoftwareEncoder) Close() error { return nil }
