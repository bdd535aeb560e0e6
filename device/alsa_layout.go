package device

import "unsafe"

// Kernel ALSA PCM structures (include/uapi/sound/asound.h), laid out as the
// kernel sees them on linux/amd64, arm64 and arm. snd_pcm_uframes_t and
// snd_pcm_sframes_t are C longs: Go's uint and int have the same size and
// alignment on all three, so one declaration serves 32- and 64-bit builds.
// alsa_layout_64.go and alsa_layout_32.go pin the sizes at compile time.

// sndMask is struct snd_mask: a 256-bit set.
type sndMask struct {
	bits [8]uint32
}

// sndInterval is struct snd_interval. flags holds the C bitfields openmin
// (bit 0), openmax (1), integer (2) and empty (3).
type sndInterval struct {
	min, max uint32
	flags    uint32
}

// sndPCMHWParams is struct snd_pcm_hw_params.
type sndPCMHWParams struct {
	flags     uint32
	masks     [3]sndMask
	mres      [5]sndMask
	intervals [12]sndInterval
	ires      [9]sndInterval
	rmask     uint32
	cmask     uint32
	info      uint32
	msbits    uint32
	rateNum   uint32
	rateDen   uint32
	fifoSize  uint
	reserved  [64]byte
}

// sndPCMSWParams is struct snd_pcm_sw_params.
type sndPCMSWParams struct {
	tstampMode       int32
	periodStep       uint32
	sleepMin         uint32
	availMin         uint
	xferAlign        uint
	startThreshold   uint
	stopThreshold    uint
	silenceThreshold uint
	silenceSize      uint
	boundary         uint
	proto            uint32
	tstampType       uint32
	reserved         [56]byte
}

// sndXferI is struct snd_xferi, the argument of READI_FRAMES/WRITEI_FRAMES.
// buf is a real pointer, not a uintptr, so the buffer stays alive and is
// found if it ever lives on a goroutine stack that moves.
type sndXferI struct {
	result int
	buf    unsafe.Pointer
	frames uint
}

// Parameter indices (SNDRV_PCM_HW_PARAM_*): masks first, then intervals.
const (
	hwParamAccess     = 0
	hwParamFormat     = 1
	hwParamSubformat  = 2
	hwParamSampleBits = 8
	hwParamChannels   = 10
	hwParamRate       = 11
	hwParamPeriodSize = 13
	hwParamPeriods    = 15
	hwParamBufferSize = 17
)

// Access and sample formats (SNDRV_PCM_ACCESS_*, SNDRV_PCM_FORMAT_*).
const (
	pcmAccessRWInterleaved = 3
	pcmFormatS16LE         = 2
	pcmFormatS24LE         = 6 // 24 bits in the low bytes of 32
	pcmFormatS32LE         = 10
	pcmFormatS243LE        = 32 // 24 bits packed in 3 bytes
)

// ioctl request numbers, from the generic _IOC encoding that amd64, arm64 and
// arm share: dir<<30 | size<<16 | type<<8 | nr.
const (
	alsaIOCNone  = 0
	alsaIOCWrite = 1
	alsaIOCRead  = 2
)

func alsaIOC(dir, typ, nr, size uintptr) uintptr {
	return dir<<30 | size<<16 | typ<<8 | nr
}

var (
	ioctlPCMHWRefine  = alsaIOC(alsaIOCRead|alsaIOCWrite, 'A', 0x10, unsafe.Sizeof(sndPCMHWParams{}))
	ioctlPCMHWParams  = alsaIOC(alsaIOCRead|alsaIOCWrite, 'A', 0x11, unsafe.Sizeof(sndPCMHWParams{}))
	ioctlPCMHWFree    = alsaIOC(alsaIOCNone, 'A', 0x12, 0)
	ioctlPCMSWParams  = alsaIOC(alsaIOCRead|alsaIOCWrite, 'A', 0x13, unsafe.Sizeof(sndPCMSWParams{}))
	ioctlPCMPrepare   = alsaIOC(alsaIOCNone, 'A', 0x40, 0)
	ioctlPCMStart     = alsaIOC(alsaIOCNone, 'A', 0x42, 0)
	ioctlPCMDrop      = alsaIOC(alsaIOCNone, 'A', 0x43, 0)
	ioctlPCMResume    = alsaIOC(alsaIOCNone, 'A', 0x47, 0)
	ioctlPCMDelay     = alsaIOC(alsaIOCRead, 'A', 0x21, unsafe.Sizeof(int(0)))
	ioctlPCMWriteIFrm = alsaIOC(alsaIOCWrite, 'A', 0x50, unsafe.Sizeof(sndXferI{}))
	ioctlPCMReadIFrm  = alsaIOC(alsaIOCRead, 'A', 0x51, unsafe.Sizeof(sndXferI{}))
)

// any sets every parameter to "anything", as alsa-lib's snd_pcm_hw_params_any.
func (p *sndPCMHWParams) any() {
	*p = sndPCMHWParams{}
	for i := range p.masks {
		for k := range p.masks[i].bits {
			p.masks[i].bits[k] = ^uint32(0)
		}
	}
	for i := range p.intervals {
		p.intervals[i] = sndInterval{min: 0, max: ^uint32(0)}
	}
	p.rmask = ^uint32(0)
	p.info = ^uint32(0)
}

// setMask restricts mask parameter i to the single value v.
func (p *sndPCMHWParams) setMask(i int, v uint32) {
	p.masks[i] = sndMask{}
	p.masks[i].bits[v/32] = 1 << (v % 32)
}

// maskHas reports whether mask parameter i allows v.
func (p *sndPCMHWParams) maskHas(i int, v uint32) bool {
	return p.masks[i].bits[v/32]&(1<<(v%32)) != 0
}

// interval returns interval parameter i.
func (p *sndPCMHWParams) interval(i int) *sndInterval {
	return &p.intervals[i-hwParamSampleBits]
}

// setRange restricts interval parameter i to [lo, hi], integers.
func (p *sndPCMHWParams) setRange(i int, lo, hi uint32) {
	*p.interval(i) = sndInterval{min: lo, max: hi, flags: 1 << 2}
}
