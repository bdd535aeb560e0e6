//go:build amd64 || arm64 || arm || 386

package device

import (
	"runtime"
	"testing"
	"unsafe"
)

// TestALSALayout checks the structure sizes, field offsets and ioctl numbers
// against the kernel's (asound.h; numbers as strace prints them on amd64).
// Run it for each GOARCH: GOARCH=arm64 go test -c and GOARCH=arm go vet fail
// at compile time on a size mismatch as well.
func TestALSALayout(t *testing.T) {
	var hw sndPCMHWParams
	var sw sndPCMSWParams
	sizes := map[string][2]uintptr{
		"snd_pcm_hw_params": {unsafe.Sizeof(hw), sizeofHWParams},
		"snd_pcm_sw_params": {unsafe.Sizeof(sw), sizeofSWParams},
		"snd_xferi":         {unsafe.Sizeof(sndXferI{}), sizeofXferI},
		"snd_interval":      {unsafe.Sizeof(sndInterval{}), 12},
		"snd_mask":          {unsafe.Sizeof(sndMask{}), 32},
	}
	for name, s := range sizes {
		if s[0] != s[1] {
			t.Errorf("%s on %s: %d bytes, kernel has %d", name, runtime.GOARCH, s[0], s[1])
		}
	}
	offsets := []struct {
		name      string
		got, want uintptr
	}{
		{"hw.masks", unsafe.Offsetof(hw.masks), 4},
		{"hw.intervals", unsafe.Offsetof(hw.intervals), 260},
		{"hw.rmask", unsafe.Offsetof(hw.rmask), 512},
		{"hw.msbits", unsafe.Offsetof(hw.msbits), 524},
		{"sw.boundary", unsafe.Offsetof(sw.boundary), map[bool]uintptr{true: 64, false: 36}[unsafe.Sizeof(uint(0)) == 8]},
	}
	for _, o := range offsets {
		if o.got != o.want {
			t.Errorf("%s at offset %d, kernel has %d", o.name, o.got, o.want)
		}
	}
	if unsafe.Sizeof(uint(0)) == 8 {
		for name, n := range map[string][2]uintptr{
			"HW_REFINE":     {ioctlPCMHWRefine, 0xc2604110},
			"HW_PARAMS":     {ioctlPCMHWParams, 0xc2604111},
			"SW_PARAMS":     {ioctlPCMSWParams, 0xc0884113},
			"PREPARE":       {ioctlPCMPrepare, 0x4140},
			"WRITEI_FRAMES": {ioctlPCMWriteIFrm, 0x40184150},
			"READI_FRAMES":  {ioctlPCMReadIFrm, 0x80184151},
		} {
			if n[0] != n[1] {
				t.Errorf("%s = %#x, kernel has %#x", name, n[0], n[1])
			}
		}
	}
}
