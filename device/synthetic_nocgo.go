//go:build !cgo

package device

// NewSynthetic would create the synthetic source, but this binary was built
// without cgo and so has neither openh264 nor Opus: it always returns an error
// saying so.
func NewSynthetic(cfg SyntheticConfig) (*Synthetic, error) {
	return nil, ErrNoEncoder
}
