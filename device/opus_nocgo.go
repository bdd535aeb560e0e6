//go:build !cgo

package device

import "fmt"

// errNoOpus is what the Opus constructors return in a build without cgo.
var errNoOpus = fmt.Errorf("device: Opus: %w (libopus is linked through cgo); or let peers fall back to PCMU/PCMA", ErrNoEncoder)

// OpusEncoder would encode Opus; this build has no libopus.
type OpusEncoder struct{}

// NewOpusEncoder returns an error: compiled without cgo.
func NewOpusEncoder(bitRate int) (*OpusEncoder, error) { return nil, errNoOpus }

// Encode returns an error: compiled without cgo.
func (e *OpusEncoder) Encode(pcm []int16) ([]byte, error) { return nil, errNoOpus }

// Close does nothing.
func (e *OpusEncoder) Close() error { return nil }

// OpusDecoder would decode Opus; this build has no libopus.
type OpusDecoder struct{}

// NewOpusDecoder returns an error: compiled without cgo.
func NewOpusDecoder() (*OpusDecoder, error) { return nil, errNoOpus }

// Decode returns an error: compiled without cgo.
func (d *OpusDecoder) Decode(packet []byte, pcm []int16) (int, error) { return 0, errNoOpus }

// Close does nothing.
func (d *OpusDecoder) Close() error { return nil }

// OpusAvailable reports whether this build has Opus (it needs cgo).
const OpusAvailable = false
