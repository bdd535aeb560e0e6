//go:build linux

package device

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"
)

// TestALSAErrnoMapping: the errnos a vanished device gives are
// ErrAudioDeviceGone (the loops reopen on it); others are not.
func TestALSAErrnoMapping(t *testing.T) {
	a := &alsaPCM{name: "ALSA capture hw:1,0", fd: -1}
	for errno, gone := range map[unix.Errno]bool{
		unix.ENODEV: true, unix.EBADFD: true, unix.ENXIO: true, unix.ESHUTDOWN: true,
		unix.EIO: false, unix.EINVAL: false, unix.EPIPE: false,
	} {
		if got := errors.Is(a.gone(errno), ErrAudioDeviceGone); got != gone {
			t.Errorf("%v: gone %v, want %v", errno, got, gone)
		}
		if !errors.Is(a.gone(errno), errno) {
			t.Errorf("%v: the errno is lost from the chain", errno)
		}
	}
	if err := a.close(); err != nil {
		t.Errorf("closing a closed PCM: %v", err)
	}
}

// TestALSAOpenMissingNode: opening a device whose node does not exist (the
// card was unplugged between probe and open) is ErrAudioDeviceGone.
func TestALSAOpenMissingNode(t *testing.T) {
	old := devSnd
	devSnd = t.TempDir()
	defer func() { devSnd = old }()
	_, err := openALSA(AudioPCM{Card: AudioCard{Index: 3}, Device: 0}, true, pcmParams{rate: 48000, channels: 1, period: 480, buffer: 1920})
	if !errors.Is(err, ErrAudioDeviceGone) {
		t.Errorf("open of a missing node: %v; want ErrAudioDeviceGone", err)
	}
}
