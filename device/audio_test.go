package device

import (
	"strings"
	"testing"
	"time"
)

func TestAudioConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		cfg  AudioConfig
		want string
	}{
		{AudioConfig{}, ""},
		{AudioConfig{Rate: 1000}, "audio rate 1000 Hz"},
		{AudioConfig{Period: time.Second}, "audio period 1s"},
		{AudioConfig{GainDB: 40}, "microphone gain 40 dB"},
		{AudioConfig{VolumeDB: 20}, "speaker volume"},
		{AudioConfig{Jitter: 5 * time.Millisecond}, "jitter buffer 5ms"},
		{AudioConfig{EchoCancel: EchoCancel(9)}, "echo cancellation mode 9"},
	} {
		err := tc.cfg.Validate()
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tc.cfg, err, tc.want)
		}
	}
	if !speexAvailable {
		if err := (AudioConfig{EchoCancel: EchoCancelSpeex}).Validate(); err == nil || !strings.Contains(err.Error(), "-tags speexdsp") {
			t.Errorf("speex without speexdsp: %v", err)
		}
	}
}

func TestEchoRefNeverLags(t *testing.T) {
	r := newEchoRef()
	frame := make([]int16, aecFrame)
	for i := range 20 { // playback runs ahead of capture by 200 ms
		frame[0] = int16(i)
		r.push(frame)
	}
	got := make([]int16, aecFrame)
	r.pop(got)
	if got[0] < 20-echoRefMax/aecFrame {
		t.Errorf("reference after a 200 ms backlog starts at frame %d; want one of the last %d", got[0], echoRefMax/aecFrame)
	}
	for range echoRefMax / aecFrame {
		r.pop(got)
	}
	if got[0] != 0 {
		t.Errorf("an empty reference gave %d, want silence", got[0])
	}
}

func TestDownmixUpmix(t *testing.T) {
	if got := downmix(nil, []int16{100, 300, -50, 50}, 2); len(got) != 2 || got[0] != 200 || got[1] != 0 {
		t.Errorf("downmix = %v", got)
	}
	if got := upmix(nil, []int16{1, 2}, 2); len(got) != 4 || got[2] != 2 || got[3] != 2 {
		t.Errorf("upmix = %v", got)
	}
}
