//go:build !cgo

package device

import "errors"

// errNoCgo is what NewSynthetic returns in a build without cgo.
var errNoCgo = errors.New("device: synthetic source: compiled without cgo: no H.264/Opus encoder; build with CGO_ENABLED=1")

// NewSynthetic would create the synthetic source, but this binary was built
// without cgo and so has neither openh264 nor Opus: it always returns an error
// saying so.
func NewSynthetic(cfg SyntheticConfig) (*Synthetic, error) {
	return nil, errNoCgo
}
