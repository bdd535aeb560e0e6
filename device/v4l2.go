//go:build linux

package device

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// This file is a minimal V4L2 binding in pure Go: the structs and ioctls
// intercomd needs for capture (single-planar) and stateful M2M encoders
// (multiplanar). Layouts follow include/uapi/linux/videodev2.h; the Go
// structs are written so that Go's own alignment rules give the C layout on
// amd64, arm64 and 32-bit arm (TestV4L2Layout checks sizes, offsets and the
// ioctl numbers against what gcc prints for each). Where C has a pointer or
// a "long" the Go struct has a uintptr; a union that holds a pointer gets a
// zero-length uintptr array to take its alignment.
//
// On 32-bit arm, struct v4l2_buffer is the 32-bit time_t variant (68 bytes,
// what the kernel calls VIDIOC_QBUF_TIME32), which both 32-bit kernels and
// 64-bit kernels running 32-bit programs accept.

// ioctl request encoding from include/uapi/asm-generic/ioctl.h.
const (
	iocWrite = 1
	iocRead  = 2
)

func ioc(dir, nr, size uintptr) uint {
	return uint(dir<<30 | size<<16 | 'V'<<8 | nr)
}

// The ioctls, numbered with the sizes of this architecture's structs.
var (
	vidiocQuerycap           = ioc(iocRead, 0, unsafe.Sizeof(v4l2Capability{}))
	vidiocEnumFmt            = ioc(iocRead|iocWrite, 2, unsafe.Sizeof(v4l2Fmtdesc{}))
	vidiocGFmt               = ioc(iocRead|iocWrite, 4, unsafe.Sizeof(v4l2Format{}))
	vidiocSFmt               = ioc(iocRead|iocWrite, 5, unsafe.Sizeof(v4l2Format{}))
	vidiocReqbufs            = ioc(iocRead|iocWrite, 8, unsafe.Sizeof(v4l2RequestBuffers{}))
	vidiocQuerybuf           = ioc(iocRead|iocWrite, 9, unsafe.Sizeof(v4l2Buffer{}))
	vidiocQbuf               = ioc(iocRead|iocWrite, 15, unsafe.Sizeof(v4l2Buffer{}))
	vidiocDqbuf              = ioc(iocRead|iocWrite, 17, unsafe.Sizeof(v4l2Buffer{}))
	vidiocStreamon           = ioc(iocWrite, 18, 4)
	vidiocStreamoff          = ioc(iocWrite, 19, 4)
	vidiocSParm              = ioc(iocRead|iocWrite, 22, unsafe.Sizeof(v4l2Streamparm{}))
	vidiocSCtrl              = ioc(iocRead|iocWrite, 28, unsafe.Sizeof(v4l2Control{}))
	vidiocQueryctrl          = ioc(iocRead|iocWrite, 36, unsafe.Sizeof(v4l2Queryctrl{}))
	vidiocSExtCtrls          = ioc(iocRead|iocWrite, 72, unsafe.Sizeof(v4l2ExtControls{}))
	vidiocEnumFramesizes     = ioc(iocRead|iocWrite, 74, unsafe.Sizeof(v4l2Frmsizeenum{}))
	vidiocEnumFrameintervals = ioc(iocRead|iocWrite, 75, unsafe.Sizeof(v4l2Frmivalenum{}))
	vidiocEncoderCmd         = ioc(iocRead|iocWrite, 77, unsafe.Sizeof(v4l2EncoderCmd{}))
	vidiocSSelection         = ioc(iocRead|iocWrite, 95, unsafe.Sizeof(v4l2Selection{}))
)

// Buffer types, memory types, capability bits and flags from videodev2.h.
const (
	bufTypeVideoCapture       = 1
	bufTypeVideoOutput        = 2
	bufTypeVideoCaptureMplane = 9
	bufTypeVideoOutputMplane  = 10

	memoryMmap = 1

	capVideoCapture       = 0x00000001
	capVideoOutput        = 0x00000002
	capVideoCaptureMplane = 0x00001000
	capVideoOutputMplane  = 0x00002000
	capVideoM2MMplane     = 0x00004000
	capVideoM2M           = 0x00008000
	capMetaCapture        = 0x00800000
	capStreaming          = 0x04000000
	capDeviceCaps         = 0x80000000

	bufFlagKeyframe = 0x00000008
	bufFlagError    = 0x00000040
	bufFlagLast     = 0x00100000

	fieldNone = 1

	frmsizeTypeDiscrete   = 1
	frmsizeTypeContinuous = 2
	frmsizeTypeStepwise   = 3
	frmivalTypeDiscrete   = 1

	fmtFlagCompressed = 0x0001
	fmtFlagEmulated   = 0x0002

	encCmdStart = 0
	encCmdStop  = 1

	selTgtCrop = 0

	ctrlClassCodec = 0x00990000
	ctrlWhichCur   = 0

	ctrlFlagDisabled = 0x0001
)

// Codec control IDs (V4L2_CID_MPEG_*: V4L2_CID_CODEC_BASE is 0x00990900).
const (
	cidCodecBase                   = 0x00990900
	cidMpegVideoGopSize            = cidCodecBase + 203
	cidMpegVideoBitrateMode        = cidCodecBase + 206
	cidMpegVideoBitrate            = cidCodecBase + 207
	cidMpegVideoRepeatSeqHeader    = cidCodecBase + 226
	cidMpegVideoForceKeyFrame      = cidCodecBase + 229
	cidMpegVideoH264IPeriod        = cidCodecBase + 358
	cidMpegVideoH264Level          = cidCodecBase + 359
	cidMpegVideoH264Profile        = cidCodecBase + 363
	bitrateModeCBR                 = 1
	h264ProfileConstrainedBaseline = 1
	h264Level31                    = 9
	h264Level40                    = 11
)

type v4l2Capability struct {
	Driver       [16]byte
	Card         [32]byte
	BusInfo      [32]byte
	Version      uint32
	Capabilities uint32
	DeviceCaps   uint32
	Reserved     [3]uint32
}

// caps returns what this node can do: device_caps when the driver fills it.
func (c *v4l2Capability) caps() uint32 {
	if c.Capabilities&capDeviceCaps != 0 {
		return c.DeviceCaps
	}
	return c.Capabilities
}

type v4l2Fmtdesc struct {
	Index       uint32
	Type        uint32
	Flags       uint32
	Description [32]byte
	PixelFormat uint32
	MbusCode    uint32
	Reserved    [3]uint32
}

type v4l2FrmsizeDiscrete struct{ Width, Height uint32 }

type v4l2FrmsizeStepwise struct {
	MinWidth, MaxWidth, StepWidth    uint32
	MinHeight, MaxHeight, StepHeight uint32
}

type v4l2Frmsizeenum struct {
	Index       uint32
	PixelFormat uint32
	Type        uint32
	U           [6]uint32 // discrete or stepwise
	Reserved    [2]uint32
}

func (f *v4l2Frmsizeenum) discrete() v4l2FrmsizeDiscrete {
	return v4l2FrmsizeDiscrete{f.U[0], f.U[1]}
}

func (f *v4l2Frmsizeenum) stepwise() v4l2FrmsizeStepwise {
	return v4l2FrmsizeStepwise{f.U[0], f.U[1], f.U[2], f.U[3], f.U[4], f.U[5]}
}

type v4l2Fract struct{ Numerator, Denominator uint32 }

type v4l2Frmivalenum struct {
	Index       uint32
	PixelFormat uint32
	Width       uint32
	Height      uint32
	Type        uint32
	U           [6]uint32 // discrete fract, or stepwise min/max/step
	Reserved    [2]uint32
}

// v4l2Format is struct v4l2_format. Its union holds struct v4l2_window, which
// has pointers, so it is pointer-aligned: 8 bytes in on 64-bit, 4 on arm.
type v4l2Format struct {
	Type uint32
	Fmt  struct {
		_   [0]uintptr
		Raw [200]byte
	}
}

func (f *v4l2Format) pix() *v4l2PixFormat {
	return (*v4l2PixFormat)(unsafe.Pointer(&f.Fmt.Raw[0]))
}

func (f *v4l2Format) pixMP() *v4l2PixFormatMplane {
	return (*v4l2PixFormatMplane)(unsafe.Pointer(&f.Fmt.Raw[0]))
}

type v4l2PixFormat struct {
	Width, Height, PixelFormat, Field, BytesPerLine, SizeImage uint32
	Colorspace, Priv, Flags, YCbCrEnc, Quantization, XferFunc  uint32
}

// v4l2PlanePixFormat and v4l2PixFormatMplane are packed in C; every field
// falls on its natural alignment anyway, so Go lays them out the same.
type v4l2PlanePixFormat struct {
	SizeImage    uint32
	BytesPerLine uint32
	Reserved     [6]uint16
}

type v4l2PixFormatMplane struct {
	Width, Height, PixelFormat, Field, Colorspace uint32
	PlaneFmt                                      [8]v4l2PlanePixFormat
	NumPlanes, Flags, YCbCrEnc, Quantization      uint8
	XferFunc                                      uint8
	Reserved                                      [7]uint8
}

type v4l2Captureparm struct {
	Capability   uint32
	CaptureMode  uint32
	TimePerFrame v4l2Fract
	ExtendedMode uint32
	ReadBuffers  uint32
	Reserved     [4]uint32
}

type v4l2Streamparm struct {
	Type uint32
	Parm [200]byte // capture or output parameters
}

func (p *v4l2Streamparm) capture() *v4l2Captureparm {
	return (*v4l2Captureparm)(unsafe.Pointer(&p.Parm[0]))
}

type v4l2RequestBuffers struct {
	Count, Type, Memory, Capabilities uint32
	Flags                             uint8
	Reserved                          [3]uint8
}

type v4l2Timecode struct {
	Type, Flags                    uint32
	Frames, Seconds, Minutes, Hour uint8
	Userbits                       [4]uint8
}

// v4l2Buffer is struct v4l2_buffer. unix.Timeval is struct timeval of this
// architecture (two 32-bit words on arm), and M (offset, user pointer, plane
// array pointer or fd) is pointer-sized.
type v4l2Buffer struct {
	Index, Type, BytesUsed, Flags, Field uint32
	Timestamp                            unix.Timeval
	Timecode                             v4l2Timecode
	Sequence                             uint32
	Memory                               uint32
	M                                    uintptr
	Length                               uint32
	Reserved2                            uint32
	RequestFD                            int32
}

type v4l2Plane struct {
	BytesUsed uint32
	Length    uint32
	// M is the union of mem_offset (u32), userptr (unsigned long) and fd:
	// pointer-sized, with mem_offset in its low 32 bits (every target is
	// little endian).
	M          uintptr
	DataOffset uint32
	Reserved   [11]uint32
}

type v4l2Control struct {
	ID    uint32
	Value int32
}

// v4l2ExtControl is packed in C: 12 bytes of header and an 8-byte union.
type v4l2ExtControl struct {
	ID        uint32
	Size      uint32
	Reserved2 uint32
	Value     [2]int32 // value (first word, little endian) or value64
}

type v4l2ExtControls struct {
	Which     uint32
	Count     uint32
	ErrorIdx  uint32
	RequestFD int32
	Reserved  uint32
	Controls  uintptr
}

type v4l2Queryctrl struct {
	ID           uint32
	Type         uint32
	Name         [32]byte
	Minimum      int32
	Maximum      int32
	Step         int32
	DefaultValue int32
	Flags        uint32
	Reserved     [2]uint32
}

type v4l2EncoderCmd struct {
	Cmd, Flags uint32
	Data       [8]uint32
}

type v4l2Selection struct {
	Type, Target, Flags uint32
	Left, Top           int32
	Width, Height       uint32
	Reserved            [9]uint32
}

// ioctl runs one V4L2 ioctl, retrying on EINTR.
func ioctl(fd int, req uint, arg unsafe.Pointer) error {
	for {
		_, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(arg))
		switch e {
		case 0:
			return nil
		case unix.EINTR:
			continue
		default:
			return e
		}
	}
}

func cstr(b []byte) string {
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// v4l2Node is one open /dev/videoN.
type v4l2Node struct {
	path string
	fd   int
	cap  v4l2Capability
}

// openV4L2 opens path non-blocking and queries its capabilities.
func openV4L2(path string) (*v4l2Node, error) {
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("device: opening %s: %w%s", path, err, openHint(err))
	}
	n := &v4l2Node{path: path, fd: fd}
	if err := ioctl(fd, vidiocQuerycap, unsafe.Pointer(&n.cap)); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("device: %s is not a V4L2 device (VIDIOC_QUERYCAP: %w)", path, err)
	}
	return n, nil
}

// openHint says how to fix the usual reasons open fails.
func openHint(err error) string {
	switch {
	case errors.Is(err, unix.EACCES), errors.Is(err, unix.EPERM):
		return "; add the intercomd user to the video group"
	case errors.Is(err, unix.EBUSY):
		return "; another program is using the camera"
	case errors.Is(err, unix.ENOENT), errors.Is(err, unix.ENODEV), errors.Is(err, unix.ENXIO):
		return "; is the camera plugged in? (intercomd devices lists what is there)"
	}
	return ""
}

func (n *v4l2Node) close() error { return unix.Close(n.fd) }

// name is "path (card)" for messages.
func (n *v4l2Node) name() string {
	return fmt.Sprintf("%s (%s)", n.path, cstr(n.cap.Card[:]))
}

func (n *v4l2Node) ioctl(req uint, arg unsafe.Pointer) error { return ioctl(n.fd, req, arg) }

// formats lists the pixel formats of one buffer type.
func (n *v4l2Node) formats(typ uint32) []v4l2Fmtdesc {
	var out []v4l2Fmtdesc
	for i := uint32(0); i < 64; i++ {
		d := v4l2Fmtdesc{Index: i, Type: typ}
		if n.ioctl(vidiocEnumFmt, unsafe.Pointer(&d)) != nil {
			break
		}
		out = append(out, d)
	}
	return out
}

// frameSizes lists the sizes a capture format offers. Stepwise and
// continuous ranges are reported as their common sizes within the range,
// plus the maximum.
func (n *v4l2Node) frameSizes(pf FourCC) []FrameSize {
	var out []FrameSize
	for i := uint32(0); i < 64; i++ {
		e := v4l2Frmsizeenum{Index: i, PixelFormat: uint32(pf)}
		if n.ioctl(vidiocEnumFramesizes, unsafe.Pointer(&e)) != nil {
			break
		}
		switch e.Type {
		case frmsizeTypeDiscrete:
			d := e.discrete()
			out = append(out, FrameSize{int(d.Width), int(d.Height)})
		case frmsizeTypeContinuous, frmsizeTypeStepwise:
			s := e.stepwise()
			for _, c := range commonSizes {
				if c.Width >= int(s.MinWidth) && c.Width <= int(s.MaxWidth) && c.Height >= int(s.MinHeight) && c.Height <= int(s.MaxHeight) {
					out = append(out, c)
				}
			}
			out = append(out, FrameSize{int(s.MaxWidth), int(s.MaxHeight)})
			return out
		}
	}
	return out
}

// frameRates lists the discrete frame rates (frames per second, rounded
// down) of one format and size; a stepwise range gives its fastest rate.
func (n *v4l2Node) frameRates(pf FourCC, s FrameSize) []int {
	var out []int
	for i := uint32(0); i < 32; i++ {
		e := v4l2Frmivalenum{Index: i, PixelFormat: uint32(pf), Width: uint32(s.Width), Height: uint32(s.Height)}
		if n.ioctl(vidiocEnumFrameintervals, unsafe.Pointer(&e)) != nil {
			break
		}
		// Discrete: U[0]/U[1] is the interval; stepwise: U[0]/U[1] is the minimum.
		if e.U[0] == 0 {
			continue
		}
		out = append(out, int(e.U[1]/e.U[0]))
		if e.Type != frmivalTypeDiscrete {
			break
		}
	}
	return out
}

// setCtrl sets one control with VIDIOC_S_CTRL.
func (n *v4l2Node) setCtrl(id uint32, v int32) error {
	c := v4l2Control{ID: id, Value: v}
	return n.ioctl(vidiocSCtrl, unsafe.Pointer(&c))
}

// hasCtrl reports whether the node has an enabled control id.
func (n *v4l2Node) hasCtrl(id uint32) bool {
	q := v4l2Queryctrl{ID: id}
	return n.ioctl(vidiocQueryctrl, unsafe.Pointer(&q)) == nil && q.Flags&ctrlFlagDisabled == 0
}

// setExtCtrls sets codec controls in one VIDIOC_S_EXT_CTRLS call. On failure
// it names the control the driver rejected.
func (n *v4l2Node) setExtCtrls(ids []uint32, vals []int32) error {
	cs := make([]v4l2ExtControl, len(ids))
	for i := range ids {
		cs[i] = v4l2ExtControl{ID: ids[i], Value: [2]int32{vals[i], 0}}
	}
	ec := v4l2ExtControls{Which: ctrlClassCodec, Count: uint32(len(cs)), Controls: uintptr(unsafe.Pointer(&cs[0]))}
	err := n.ioctl(vidiocSExtCtrls, unsafe.Pointer(&ec))
	// cs must stay alive (and, being heap memory, unmoved) through the call.
	keepAlive(cs)
	if err != nil {
		if int(ec.ErrorIdx) < len(ids) {
			return fmt.Errorf("control %#x: %w", ids[ec.ErrorIdx], err)
		}
		return err
	}
	return nil
}

// stream turns streaming of one queue on or off.
func (n *v4l2Node) stream(typ uint32, on bool) error {
	t := typ
	req := vidiocStreamoff
	if on {
		req = vidiocStreamon
	}
	return n.ioctl(req, unsafe.Pointer(&t))
}

// wait polls the node for events (unix.POLLIN for CAPTURE, unix.POLLOUT for
// OUTPUT) for at most d. It returns false on timeout.
func (n *v4l2Node) wait(events int16, d time.Duration) (bool, error) {
	ms := int(d / time.Millisecond)
	if d > 0 && ms == 0 {
		ms = 1
	}
	for {
		fds := []unix.PollFd{{Fd: int32(n.fd), Events: events}}
		k, err := unix.Poll(fds, ms)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return false, err
		}
		if k == 0 {
			return false, nil
		}
		if fds[0].Revents&(unix.POLLERR|unix.POLLHUP|unix.POLLNVAL) != 0 && fds[0].Revents&events == 0 {
			// POLLERR without data: not streaming, or the device is gone.
			return true, nil
		}
		return true, nil
	}
}
