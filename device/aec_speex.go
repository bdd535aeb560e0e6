//go:build cgo && speexdsp

package device

/*
#cgo pkg-config: speexdsp
#include <speex/speex_echo.h>
#include <speex/speex_preprocess.h>

static int intercomd_echo_rate(SpeexEchoState *st, int rate) {
	return speex_echo_ctl(st, SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
}
static int intercomd_pp_setup(SpeexPreprocessState *pp, SpeexEchoState *st) {
	int off = 0, on = 1;
	if (speex_preprocess_ctl(pp, SPEEX_PREPROCESS_SET_ECHO_STATE, st) != 0) return -1;
	speex_preprocess_ctl(pp, SPEEX_PREPROCESS_SET_AGC, &off);
	speex_preprocess_ctl(pp, SPEEX_PREPROCESS_SET_DEREVERB, &off);
	speex_preprocess_ctl(pp, SPEEX_PREPROCESS_SET_DENOISE, &on);
	return 0;
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

// speexAvailable reports whether this build has speexdsp.
const speexAvailable = true

// speexAEC is speexdsp's multidelay adaptive filter plus its preprocessor as
// residual echo suppressor and noise suppressor (AGC and dereverb off).
type speexAEC struct {
	st    *C.SpeexEchoState
	pp    *C.SpeexPreprocessState
	frame int
}

func newSpeexAEC(frame, tail, rate int) (echoCanceller, error) {
	st := C.speex_echo_state_init(C.int(frame), C.int(tail))
	if st == nil {
		return nil, errors.New("device: speexdsp: creating the echo canceller failed")
	}
	C.intercomd_echo_rate(st, C.int(rate))
	pp := C.speex_preprocess_state_init(C.int(frame), C.int(rate))
	if pp == nil || C.intercomd_pp_setup(pp, st) != 0 {
		C.speex_echo_state_destroy(st)
		if pp != nil {
			C.speex_preprocess_state_destroy(pp)
		}
		return nil, errors.New("device: speexdsp: creating the echo suppressor failed")
	}
	return &speexAEC{st: st, pp: pp, frame: frame}, nil
}

func (s *speexAEC) process(mic, ref, out []int16) {
	if len(mic) < s.frame || len(ref) < s.frame || len(out) < s.frame {
		copy(out, mic)
		return
	}
	C.speex_echo_cancellation(s.st, (*C.spx_int16_t)(unsafe.Pointer(&mic[0])),
		(*C.spx_int16_t)(unsafe.Pointer(&ref[0])), (*C.spx_int16_t)(unsafe.Pointer(&out[0])))
	C.speex_preprocess_run(s.pp, (*C.spx_int16_t)(unsafe.Pointer(&out[0])))
}

func (s *speexAEC) reset() {
	if s.st != nil {
		C.speex_echo_state_reset(s.st)
	}
}

func (s *speexAEC) close() {
	if s.st != nil {
		C.speex_preprocess_state_destroy(s.pp)
		C.speex_echo_state_destroy(s.st)
		s.st, s.pp = nil, nil
	}
}
