//go:build !linux

package device

import "errors"

// openALSA fails outside Linux: ALSA is Linux's sound API.
func openALSA(pc AudioPCM, capture bool, want pcmParams) (pcmStream, error) {
	return nil, errors.New("device: ALSA: compiled without support: intercomd's audio needs Linux")
}
