package scenarios

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A minimal ALSA PCM client on the kernel's own ioctls (no alsa-lib): one
// hardware device, interleaved S16_LE, fixed rate, channels and period.
// Layouts are amd64's; TestALSALayout pins them to <sound/asound.h>.

var (
	sndrvPcmIoctlHwParams = ioc(iocRead|iocWrite, 'A', 0x11, unsafe.Sizeof(sndPcmHwParams{}))
	sndrvPcmIoctlPrepare  = ioc(0, 'A', 0x40, 0)
	sndrvPcmIoctlStart    = ioc(0, 'A', 0x42, 0)
	sndrvPcmIoctlDrop     = ioc(0, 'A', 0x43, 0)
	sndrvPcmIoctlWritei   = ioc(iocWrite, 'A', 0x50, unsafe.Sizeof(sndXferi{}))
	sndrvPcmIoctlReadi    = ioc(iocRead, 'A', 0x51, unsafe.Sizeof(sndXferi{}))
)

// Parameter indices and values from <sound/asound.h>.
const (
	hwParamAccess     = 0 // masks
	hwParamFormat     = 1
	hwParamSubformat  = 2
	hwParamChannels   = 10 // intervals, from hwParamFirstInterval
	hwParamRate       = 11
	hwParamPeriodSize = 13
	hwParamPeriods    = 15
	hwParamBufferSize = 17

	hwParamFirstInterval = 8

	pcmAccessRWInterleaved = 3
	pcmFormatS16LE         = 2
	pcmSubformatStd        = 0

	intervalInteger = 1 << 2 // the "integer" bit of struct snd_interval's flags
)

type sndMask struct{ Bits [8]uint32 }

type sndInterval struct {
	Min, Max uint32
	Flags    uint32 // openmin:1, openmax:1, integer:1, empty:1
}

type sndPcmHwParams struct {
	Flags     uint32
	Masks     [3]sndMask
	Mres      [5]sndMask
	Intervals [12]sndInterval
	Ires      [9]sndInterval
	Rmask     uint32
	Cmask     uint32
	Info      uint32
	Msbits    uint32
	RateNum   uint32
	RateDen   uint32
	FifoSize  uint64
	Reserved  [64]byte
}

type sndXferi struct {
	Result int64  // snd_pcm_sframes_t
	Buf    *int16 // a real pointer: tracked by the GC and stack copying
	Frames uint64
}

func (p *sndPcmHwParams) interval(param int) *sndInterval {
	return &p.Intervals[param-hwParamFirstInterval]
}

// setMask leaves only bit v in mask param.
func (p *sndPcmHwParams) setMask(param int, v uint) {
	p.Masks[param] = sndMask{}
	p.Masks[param].Bits[v/32] = 1 << (v % 32)
}

// setInt fixes an interval parameter to one integer value.
func (p *sndPcmHwParams) setInt(param int, v uint32) {
	*p.interval(param) = sndInterval{Min: v, Max: v, Flags: intervalInteger}
}

// pcm is one open ALSA PCM substream, mono S16_LE.
type pcm struct {
	fd     int
	path   string
	rate   int
	period int // frames
	buffer int // frames
}

// openPCM opens /dev/snd/pcmC<card>D<dev><dir> (dir 'p' or 'c') non-blocking
// and sets it up the way alsa-lib's snd_pcm_hw_params would: start from
// "anything goes", pin access, format, channels, rate and period, and let
// the kernel choose the rest.
func openPCM(t *testing.T, card, dev int, dir byte, rate, period, periods int) *pcm {
	t.Helper()
	path := fmt.Sprintf("/dev/snd/pcmC%dD%d%c", card, dev, dir)
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() {
		ioctl(fd, sndrvPcmIoctlDrop, nil)
		unix.Close(fd)
	})
	var hw sndPcmHwParams
	for i := range hw.Masks {
		for j := range hw.Masks[i].Bits {
			hw.Masks[i].Bits[j] = ^uint32(0)
		}
	}
	for i := range hw.Intervals {
		hw.Intervals[i] = sndInterval{Max: ^uint32(0)}
	}
	hw.Rmask = ^uint32(0)
	hw.Info = ^uint32(0)
	hw.setMask(hwParamAccess, pcmAccessRWInterleaved)
	hw.setMask(hwParamFormat, pcmFormatS16LE)
	hw.setMask(hwParamSubformat, pcmSubformatStd)
	hw.setInt(hwParamChannels, 1)
	hw.setInt(hwParamRate, uint32(rate))
	hw.setInt(hwParamPeriodSize, uint32(period))
	hw.setInt(hwParamPeriods, uint32(periods))
	if err := ioctl(fd, sndrvPcmIoctlHwParams, unsafe.Pointer(&hw)); err != nil {
		t.Fatalf("%s HW_PARAMS S16_LE mono %d Hz, period %d × %d: %v", path, rate, period, periods, err)
	}
	p := &pcm{
		fd: fd, path: path,
		rate:   int(hw.interval(hwParamRate).Min),
		period: int(hw.interval(hwParamPeriodSize).Min),
		buffer: int(hw.interval(hwParamBufferSize).Min),
	}
	if err := ioctl(fd, sndrvPcmIoctlPrepare, nil); err != nil {
		t.Fatalf("%s PREPARE: %v", path, err)
	}
	t.Logf("%s: S16_LE mono %d Hz, period %d, buffer %d frames", path, p.rate, p.period, p.buffer)
	return p
}

// xfer moves up to len(buf) frames; 0 frames means "try again later". An
// xrun (EPIPE) is recovered with PREPARE and reported as xrun with 0 frames.
func (p *pcm) xfer(req uintptr, buf []int16) (frames int, xrun bool, err error) {
	x := sndXferi{Buf: &buf[0], Frames: uint64(len(buf))}
	err = ioctl(p.fd, req, unsafe.Pointer(&x))
	switch {
	case err == nil:
		return int(x.Result), false, nil
	case errors.Is(err, unix.EAGAIN):
		return 0, false, nil
	case errors.Is(err, unix.EPIPE):
		if err := ioctl(p.fd, sndrvPcmIoctlPrepare, nil); err != nil {
			return 0, true, fmt.Errorf("%s: PREPARE after an xrun: %w", p.path, err)
		}
		if req == sndrvPcmIoctlReadi {
			// A capture stream needs an explicit restart.
			return 0, true, ioctl(p.fd, sndrvPcmIoctlStart, nil)
		}
		return 0, true, nil
	default:
		return 0, false, fmt.Errorf("%s: %w", p.path, err)
	}
}

// loopbackCard finds the snd-aloop card's number in /proc/asound/cards.
func loopbackCard(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/asound/cards")
	if err != nil {
		t.Fatalf("no ALSA: %v", err)
	}
	m := regexp.MustCompile(`(?m)^\s*(\d+) \[Loopback\s*\]`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no Loopback card (snd-aloop) in /proc/asound/cards:\n%s", b)
	}
	var n int
	fmt.Sscan(string(m[1]), &n)
	return n
}

func TestALSALayout(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skipf("layouts are checked for amd64 (the lab VM), not %s", runtime.GOARCH)
	}
	// As gcc prints them from <sound/asound.h> on amd64.
	checks := []struct {
		name      string
		got, want uintptr
	}{
		{"sizeof snd_pcm_hw_params", unsafe.Sizeof(sndPcmHwParams{}), 608},
		{"offsetof snd_pcm_hw_params.intervals", unsafe.Offsetof(sndPcmHwParams{}.Intervals), 260},
		{"offsetof snd_pcm_hw_params.rmask", unsafe.Offsetof(sndPcmHwParams{}.Rmask), 512},
		{"offsetof snd_pcm_hw_params.fifo_size", unsafe.Offsetof(sndPcmHwParams{}.FifoSize), 536},
		{"sizeof snd_xferi", unsafe.Sizeof(sndXferi{}), 24},
		{"SNDRV_PCM_IOCTL_HW_PARAMS", sndrvPcmIoctlHwParams, 0xc2604111},
		{"SNDRV_PCM_IOCTL_PREPARE", sndrvPcmIoctlPrepare, 0x4140},
		{"SNDRV_PCM_IOCTL_START", sndrvPcmIoctlStart, 0x4142},
		{"SNDRV_PCM_IOCTL_DROP", sndrvPcmIoctlDrop, 0x4143},
		{"SNDRV_PCM_IOCTL_WRITEI_FRAMES", sndrvPcmIoctlWritei, 0x40184150},
		{"SNDRV_PCM_IOCTL_READI_FRAMES", sndrvPcmIoctlReadi, 0x80184151},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %#x, want %#x", c.name, c.got, c.want)
		}
	}
}

// waitFor polls f every 2 ms until it reports done or within passes.
func waitFor(within time.Duration, f func() (bool, error)) error {
	deadline := time.Now().Add(within)
	for {
		done, err := f()
		if err != nil || done {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not done within %s", within)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
