//go:build !cgo || !speexdsp

package device

import "errors"

// speexAvailable reports whether this build has speexdsp.
const speexAvailable = false

func newSpeexAEC(frame, tail, rate int) (echoCanceller, error) {
	return nil, errors.New("device: echo cancellation speex: compiled without speexdsp; install libspeexdsp-dev and build with CGO_ENABLED=1 -tags speexdsp, or set echo_cancel: halfduplex")
}
