//go:build linux

package device

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// alsaPCM is a PCM opened through the kernel's ioctl interface, without
// alsa-lib: hardware formats only, intercomd converts.
type alsaPCM struct {
	fd      int
	name    string // "ALSA capture hw:1,0", for errors
	capture bool
	p       pcmParams
	raw     []byte // conversion buffer for formats other than S16_LE
	sw      sndPCMSWParams
	nxruns  int
}

var _ pcmStream = (*alsaPCM)(nil)

// openALSA opens p's device node and negotiates parameters as close to want
// as the hardware allows: rate want.rate, else 48000, 44100, 32000, 16000,
// 8000 or 96000; channels want.channels, else the fewest it supports; S16_LE,
// else S32_LE, S24_LE or S24_3LE; want.period frames per period (or the
// nearest the driver allows) and want.buffer/want.period periods.
func openALSA(pc AudioPCM, capture bool, want pcmParams) (pcmStream, error) {
	dir, suffix := "playback", 'p'
	if capture {
		dir, suffix = "capture", 'c'
	}
	name := fmt.Sprintf("ALSA %s %s", dir, pc.HW())
	node := fmt.Sprintf("%s/pcmC%dD%d%c", devSnd, pc.Card.Index, pc.Device, suffix)
	fd, err := unix.Open(node, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		switch {
		case errors.Is(err, unix.EBUSY):
			return nil, fmt.Errorf("device: %s (%s): busy: another program (PulseAudio, PipeWire, aplay) holds it; stop it or pick another device: %w", name, node, err)
		case errors.Is(err, unix.ENOENT), errors.Is(err, unix.ENODEV), errors.Is(err, unix.ENXIO):
			return nil, fmt.Errorf("device: %s (%s): %w: %w", name, node, ErrAudioDeviceGone, err)
		case errors.Is(err, unix.EACCES):
			return nil, fmt.Errorf("device: %s (%s): permission denied; add intercomd's user to the audio group: %w", name, node, err)
		}
		return nil, fmt.Errorf("device: %s (%s): %w", name, node, err)
	}
	a := &alsaPCM{fd: fd, name: name, capture: capture}
	if err := a.setup(want); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return a, nil
}

func (a *alsaPCM) ioctl(req uintptr, arg unsafe.Pointer) error {
	_, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(a.fd), req, uintptr(arg))
	if e != 0 {
		return e
	}
	return nil
}

func (a *alsaPCM) refine(hw *sndPCMHWParams) error {
	err := a.ioctl(ioctlPCMHWRefine, unsafe.Pointer(hw))
	runtime.KeepAlive(hw)
	return err
}

// setup negotiates hardware and software parameters and prepares the PCM.
func (a *alsaPCM) setup(want pcmParams) error {
	var hw sndPCMHWParams
	hw.any()
	hw.setMask(hwParamAccess, pcmAccessRWInterleaved)
	if err := a.refine(&hw); err != nil {
		return fmt.Errorf("device: %s: no interleaved read/write access: %w", a.name, a.gone(err))
	}
	base := hw
	format := -1
	for _, f := range []int{pcmFormatS16LE, pcmFormatS32LE, pcmFormatS24LE, pcmFormatS243LE} {
		if base.maskHas(hwParamFormat, uint32(f)) {
			format = f
			break
		}
	}
	if format < 0 {
		return fmt.Errorf("device: %s: supports none of S16_LE, S32_LE, S24_LE, S24_3LE; intercomd converts no other format", a.name)
	}
	base.setMask(hwParamFormat, uint32(format))
	if err := a.refine(&base); err != nil {
		return fmt.Errorf("device: %s: format %s: %w", a.name, formatName(format), err)
	}
	// Channels: the wanted count if allowed, else the fewest.
	ch := base.interval(hwParamChannels)
	channels := want.channels
	if uint32(channels) < ch.min || uint32(channels) > ch.max {
		channels = int(ch.min)
	}
	base.setRange(hwParamChannels, uint32(channels), uint32(channels))
	if err := a.refine(&base); err != nil {
		return fmt.Errorf("device: %s: %d channels: %w", a.name, channels, err)
	}
	// Rate: the first candidate the hardware takes.
	rate := 0
	for _, r := range []int{want.rate, 48000, 44100, 32000, 16000, 8000, 96000} {
		try := base
		try.setRange(hwParamRate, uint32(r), uint32(r))
		if a.refine(&try) == nil {
			rate, base = r, try
			break
		}
	}
	if rate == 0 {
		iv := base.interval(hwParamRate)
		return fmt.Errorf("device: %s: no usable sample rate (the hardware allows %d–%d Hz); intercomd resamples from 8, 16, 32, 44.1, 48 or 96 kHz", a.name, iv.min, iv.max)
	}
	// Period and buffer: exact if possible, else the nearest the driver allows.
	period := want.period * rate / max(want.rate, 1)
	periods := max(2, want.buffer/max(want.period, 1))
	chosen := false
	for _, pr := range [][2]uint32{
		{uint32(period), uint32(period)},
		{uint32(period / 2), uint32(period * 2)},
		{16, uint32(period * 4)},
	} {
		for _, ps := range [][2]uint32{{uint32(periods), uint32(periods)}, {2, 16}} {
			try := base
			try.setRange(hwParamPeriodSize, pr[0], pr[1])
			try.setRange(hwParamPeriods, ps[0], ps[1])
			if a.refine(&try) == nil {
				base, chosen = try, true
				break
			}
		}
		if chosen {
			break
		}
	}
	if !chosen {
		return fmt.Errorf("device: %s: no period size near %d frames at %d Hz", a.name, period, rate)
	}
	hw = base
	if err := a.ioctl(ioctlPCMHWParams, unsafe.Pointer(&hw)); err != nil {
		return fmt.Errorf("device: %s: setting %d Hz %d ch %s: %w", a.name, rate, channels, formatName(format), a.gone(err))
	}
	a.p = pcmParams{
		rate:     int(hw.interval(hwParamRate).min),
		channels: int(hw.interval(hwParamChannels).min),
		format:   format,
		period:   int(hw.interval(hwParamPeriodSize).min),
		buffer:   int(hw.interval(hwParamBufferSize).min),
	}
	sw := sndPCMSWParams{periodStep: 1, availMin: uint(a.p.period)}
	sw.stopThreshold = uint(a.p.buffer) // stop and report an xrun when the buffer runs dry or full
	if a.capture {
		sw.startThreshold = 1
	} else {
		sw.startThreshold = uint(min(2*a.p.period, a.p.buffer))
	}
	if err := a.ioctl(ioctlPCMSWParams, unsafe.Pointer(&sw)); err != nil {
		return fmt.Errorf("device: %s: software parameters: %w", a.name, a.gone(err))
	}
	a.sw = sw
	if err := a.ioctl(ioctlPCMPrepare, nil); err != nil {
		return fmt.Errorf("device: %s: prepare: %w", a.name, a.gone(err))
	}
	return nil
}

func (a *alsaPCM) params() pcmParams { return a.p }

// gone wraps errors that mean the device vanished.
func (a *alsaPCM) gone(err error) error {
	if errors.Is(err, unix.ENODEV) || errors.Is(err, unix.EBADFD) || errors.Is(err, unix.ENXIO) || errors.Is(err, unix.ESHUTDOWN) {
		return fmt.Errorf("%w (%w); intercomd reopens it when it returns", ErrAudioDeviceGone, err)
	}
	return err
}

// recover handles an xrun or a suspend and reports whether to retry.
func (a *alsaPCM) recover(err error) bool {
	switch {
	case errors.Is(err, unix.EPIPE):
		a.nxruns++
		return a.ioctl(ioctlPCMPrepare, nil) == nil
	case errors.Is(err, unix.ESTRPIPE):
		for range 10 {
			if e := a.ioctl(ioctlPCMResume, nil); !errors.Is(e, unix.EAGAIN) {
				break
			}
			unix.Nanosleep(&unix.Timespec{Nsec: 10e6}, nil)
		}
		return a.ioctl(ioctlPCMPrepare, nil) == nil
	}
	return false
}

// wait polls for readiness for at most 100 ms; false on timeout.
func (a *alsaPCM) wait() (bool, error) {
	ev := int16(unix.POLLOUT)
	if a.capture {
		ev = unix.POLLIN
	}
	fds := []unix.PollFd{{Fd: int32(a.fd), Events: ev}}
	n, err := unix.Poll(fds, 100)
	if err != nil && !errors.Is(err, unix.EINTR) {
		return false, err
	}
	if n > 0 && fds[0].Revents&(unix.POLLERR|unix.POLLNVAL) != 0 && fds[0].Revents&ev == 0 {
		// A disconnected device polls as an error; the next transfer says which.
		return true, nil
	}
	return n > 0, nil
}

func (a *alsaPCM) frameBytes() int {
	switch a.p.format {
	case pcmFormatS16LE:
		return 2 * a.p.channels
	case pcmFormatS243LE:
		return 3 * a.p.channels
	}
	return 4 * a.p.channels
}

// xfer moves frames between the device and p (frames*frameBytes bytes).
func (a *alsaPCM) xfer(p unsafe.Pointer, frames int) (int, error) {
	x := sndXferI{buf: p, frames: uint(frames)}
	req := ioctlPCMWriteIFrm
	if a.capture {
		req = ioctlPCMReadIFrm
	}
	err := a.ioctl(req, unsafe.Pointer(&x))
	if err != nil {
		return 0, err
	}
	return int(x.result), nil
}

func (a *alsaPCM) read(buf []int16) (int, error) {
	frames := len(buf) / a.p.channels
	if frames == 0 {
		return 0, nil
	}
	for range 3 {
		var n int
		var err error
		if a.p.format == pcmFormatS16LE {
			n, err = a.xfer(unsafe.Pointer(&buf[0]), frames)
			runtime.KeepAlive(buf)
		} else {
			need := frames * a.frameBytes()
			if cap(a.raw) < need {
				a.raw = make([]byte, need)
			}
			a.raw = a.raw[:need]
			n, err = a.xfer(unsafe.Pointer(&a.raw[0]), frames)
			if err == nil {
				a.toS16(buf[:n*a.p.channels])
			}
		}
		switch {
		case err == nil:
			return n, nil
		case errors.Is(err, unix.EAGAIN):
			ready, perr := a.wait()
			if perr != nil {
				return 0, fmt.Errorf("device: %s: poll: %w", a.name, perr)
			}
			if !ready {
				return 0, nil
			}
		case a.recover(err):
		default:
			return 0, fmt.Errorf("device: %s: read: %w", a.name, a.gone(err))
		}
	}
	return 0, nil
}

func (a *alsaPCM) write(buf []int16) error {
	ch := a.p.channels
	idle := 0
	for len(buf) >= ch {
		frames := len(buf) / ch
		var n int
		var err error
		if a.p.format == pcmFormatS16LE {
			n, err = a.xfer(unsafe.Pointer(&buf[0]), frames)
			runtime.KeepAlive(buf)
		} else {
			a.fromS16(buf[:frames*ch])
			n, err = a.xfer(unsafe.Pointer(&a.raw[0]), frames)
		}
		switch {
		case err == nil:
			buf = buf[n*ch:]
			idle = 0
		case errors.Is(err, unix.EAGAIN):
			ready, perr := a.wait()
			if perr != nil {
				return fmt.Errorf("device: %s: poll: %w", a.name, perr)
			}
			if !ready {
				if idle++; idle >= 10 {
					return fmt.Errorf("device: %s: %w", a.name, errPCMStalled)
				}
			}
		case a.recover(err):
		default:
			return fmt.Errorf("device: %s: write: %w", a.name, a.gone(err))
		}
	}
	return nil
}

// waitQueued lets the kernel pace the playback loop: avail_min is set so
// that the stream polls writable once no more than frames are queued, and
// the wakeup comes from the driver's period interrupt. A Go timer computed
// from DELAY would have to guess when a pointer that moves once a period
// (bcm2835, most I2S codecs) next moves, and waking just before the move
// costs a whole period.
func (a *alsaPCM) waitQueued(frames int) error {
	room := uint(max(a.p.period, a.p.buffer-frames))
	if room != a.sw.availMin {
		sw := a.sw
		sw.availMin = room
		if err := a.ioctl(ioctlPCMSWParams, unsafe.Pointer(&sw)); err != nil {
			return fmt.Errorf("device: %s: avail_min %d: %w", a.name, room, a.gone(err))
		}
		a.sw = sw
	}
	for range 10 {
		ready, err := a.wait()
		if err != nil {
			return fmt.Errorf("device: %s: poll: %w", a.name, err)
		}
		if ready {
			return nil
		}
	}
	return fmt.Errorf("device: %s: %w", a.name, errPCMStalled)
}

func (a *alsaPCM) xruns() int { return a.nxruns }

func (a *alsaPCM) delay() int {
	var d int
	if a.ioctl(ioctlPCMDelay, unsafe.Pointer(&d)) != nil {
		return 0
	}
	return d
}

// toS16 converts a.raw (the hardware format) to buf.
func (a *alsaPCM) toS16(buf []int16) {
	r := a.raw
	for i := range buf {
		switch a.p.format {
		case pcmFormatS32LE:
			buf[i] = int16(binary.LittleEndian.Uint32(r[4*i:]) >> 16)
		case pcmFormatS24LE:
			buf[i] = int16(binary.LittleEndian.Uint32(r[4*i:]) >> 8)
		case pcmFormatS243LE:
			buf[i] = int16(uint16(r[3*i+1]) | uint16(r[3*i+2])<<8)
		}
	}
}

// fromS16 converts buf into a.raw in the hardware format.
func (a *alsaPCM) fromS16(buf []int16) {
	need := len(buf) / a.p.channels * a.frameBytes()
	if cap(a.raw) < need {
		a.raw = make([]byte, need)
	}
	a.raw = a.raw[:need]
	r := a.raw
	for i, s := range buf {
		v := uint32(int32(s))
		switch a.p.format {
		case pcmFormatS32LE:
			binary.LittleEndian.PutUint32(r[4*i:], v<<16)
		case pcmFormatS24LE:
			binary.LittleEndian.PutUint32(r[4*i:], uint32(int32(s)<<8))
		case pcmFormatS243LE:
			r[3*i], r[3*i+1], r[3*i+2] = 0, byte(s), byte(uint16(s)>>8)
		}
	}
}

func (a *alsaPCM) close() error {
	if a.fd < 0 {
		return nil
	}
	_ = a.ioctl(ioctlPCMDrop, nil)
	_ = a.ioctl(ioctlPCMHWFree, nil)
	err := unix.Close(a.fd)
	a.fd = -1
	return err
}
