//go:build cgo

package device

/*
#cgo LDFLAGS: -lm
#include <stdint.h>
#include <stdlib.h>

// A subset of opus.h (libopus 1.x ABI). The library itself is the static
// libopus that pion/mediadevices bundles and links (see the blank import
// below); declaring the few prototypes here avoids needing its headers.
typedef struct OpusEncoder OpusEncoder;
typedef struct OpusDecoder OpusDecoder;
OpusEncoder *opus_encoder_create(int32_t Fs, int channels, int application, int *error);
int32_t opus_encode(OpusEncoder *st, const int16_t *pcm, int frame_size, unsigned char *data, int32_t max_data_bytes);
int opus_encoder_ctl(OpusEncoder *st, int request, ...);
void opus_encoder_destroy(OpusEncoder *st);
OpusDecoder *opus_decoder_create(int32_t Fs, int channels, int *error);
int opus_decode(OpusDecoder *st, const unsigned char *data, int32_t len, int16_t *pcm, int frame_size, int decode_fec);
void opus_decoder_destroy(OpusDecoder *st);
const char *opus_strerror(int error);

// cgo cannot call variadic functions.
static int intercomd_opus_set(OpusEncoder *st, int request, int32_t v) {
	return opus_encoder_ctl(st, request, v);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	// Links pion/mediadevices' bundled static libopus (linux amd64, arm64,
	// armv7), which holds the decoder as well as the encoder.
	_ "github.com/pion/mediadevices/pkg/codec/opus"
)

const (
	opusApplicationVoIP   = 2048
	opusSetBitrate        = 4002
	opusSetComplexity     = 4010
	opusSetInbandFEC      = 4012
	opusSetPacketLossPerc = 4014
	opusSetSignal         = 4024
	opusSignalVoice       = 3001
	opusMaxPacket         = 1500
)

// OpusEncoder encodes 48 kHz mono 20 ms frames for the network. It is not safe
// for concurrent use; the capture goroutine owns it.
type OpusEncoder struct {
	st  *C.OpusEncoder
	out []byte
}

// NewOpusEncoder creates a VoIP-tuned encoder at bitRate bit/s with in-band
// FEC on (WebRTC peers negotiate useinbandfec=1).
func NewOpusEncoder(bitRate int) (*OpusEncoder, error) {
	var cerr C.int
	st := C.opus_encoder_create(audioRate, 1, opusApplicationVoIP, &cerr)
	if cerr != 0 || st == nil {
		return nil, fmt.Errorf("device: creating the Opus encoder: %s", C.GoString(C.opus_strerror(cerr)))
	}
	e := &OpusEncoder{st: st, out: make([]byte, opusMaxPacket)}
	for _, s := range []struct{ req, v int }{
		{opusSetBitrate, bitRate},
		{opusSetComplexity, 5}, // half the default: a Pi Zero 2 has little CPU to spare
		{opusSetInbandFEC, 1},
		{opusSetPacketLossPerc, 5},
		{opusSetSignal, opusSignalVoice},
	} {
		if rc := C.intercomd_opus_set(st, C.int(s.req), C.int32_t(s.v)); rc != 0 {
			C.opus_encoder_destroy(st)
			return nil, fmt.Errorf("device: configuring the Opus encoder (request %d = %d): %s", s.req, s.v, C.GoString(C.opus_strerror(rc)))
		}
	}
	return e, nil
}

// Encode encodes one 20 ms frame (960 samples) and returns the packet; the
// slice is valid until the next call.
func (e *OpusEncoder) Encode(pcm []int16) ([]byte, error) {
	if e.st == nil {
		return nil, errors.New("device: Opus encoder is closed")
	}
	if len(pcm) != audioSamples {
		return nil, fmt.Errorf("device: Opus frame of %d samples; need %d", len(pcm), audioSamples)
	}
	n := C.opus_encode(e.st, (*C.int16_t)(unsafe.Pointer(&pcm[0])), C.int(len(pcm)),
		(*C.uchar)(unsafe.Pointer(&e.out[0])), C.int32_t(len(e.out)))
	if n < 0 {
		return nil, fmt.Errorf("device: Opus encode: %s", C.GoString(C.opus_strerror(C.int(n))))
	}
	return e.out[:n], nil
}

// Close frees the encoder.
func (e *OpusEncoder) Close() error {
	if e.st != nil {
		C.opus_encoder_destroy(e.st)
		e.st = nil
	}
	return nil
}

// OpusDecoder decodes Opus packets to 48 kHz mono, with libopus' packet loss
// concealment. It is not safe for concurrent use; the playback goroutine owns it.
type OpusDecoder struct {
	st *C.OpusDecoder
}

// NewOpusDecoder creates a 48 kHz mono decoder (stereo packets are downmixed by
// libopus).
func NewOpusDecoder() (*OpusDecoder, error) {
	var cerr C.int
	st := C.opus_decoder_create(audioRate, 1, &cerr)
	if cerr != 0 || st == nil {
		return nil, fmt.Errorf("device: creating the Opus decoder: %s", C.GoString(C.opus_strerror(cerr)))
	}
	return &OpusDecoder{st: st}, nil
}

// Decode decodes packet into pcm and returns the number of samples written.
// A nil packet asks for concealment of one lost frame of len(pcm) samples
// (pcm should then be 20 ms long). pcm must hold at least 120 ms (5760
// samples) for arbitrary packets from the network.
func (d *OpusDecoder) Decode(packet []byte, pcm []int16) (int, error) {
	if d.st == nil {
		return 0, errors.New("device: Opus decoder is closed")
	}
	if len(pcm) == 0 {
		return 0, errors.New("device: Opus decode into an empty buffer")
	}
	var data *C.uchar
	if len(packet) > 0 {
		data = (*C.uchar)(unsafe.Pointer(&packet[0]))
	}
	n := C.opus_decode(d.st, data, C.int32_t(len(packet)), (*C.int16_t)(unsafe.Pointer(&pcm[0])), C.int(len(pcm)), 0)
	if n < 0 {
		return 0, fmt.Errorf("device: Opus decode of a %d-byte packet: %s", len(packet), C.GoString(C.opus_strerror(C.int(n))))
	}
	return int(n), nil
}

// Close frees the decoder.
func (d *OpusDecoder) Close() error {
	if d.st != nil {
		C.opus_decoder_destroy(d.st)
		d.st = nil
	}
	return nil
}

// OpusAvailable reports whether this build has Opus (it needs cgo).
const OpusAvailable = true
