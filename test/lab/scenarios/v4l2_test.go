package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A minimal V4L2 client: just the ioctls and structs the lab's probes use.
// Layouts are the amd64 ones (the lab VM); TestV4L2Layout pins them to the
// numbers the kernel headers give (32-bit ARM layouts differ: v4l2_buffer
// holds a 32-bit timeval and pointer there).

// ioctl request encoding from include/uapi/asm-generic/ioctl.h.
const (
	iocWrite = 1
	iocRead  = 2
)

func ioc(dir, typ, nr, size uintptr) uintptr { return dir<<30 | size<<16 | typ<<8 | nr }

var (
	vidiocQuerycap   = ioc(iocRead, 'V', 0, unsafe.Sizeof(v4l2Capability{}))
	vidiocEnumFmt    = ioc(iocRead|iocWrite, 'V', 2, unsafe.Sizeof(v4l2Fmtdesc{}))
	vidiocGFmt       = ioc(iocRead|iocWrite, 'V', 4, unsafe.Sizeof(v4l2Format{}))
	vidiocSFmt       = ioc(iocRead|iocWrite, 'V', 5, unsafe.Sizeof(v4l2Format{}))
	vidiocReqbufs    = ioc(iocRead|iocWrite, 'V', 8, unsafe.Sizeof(v4l2RequestBuffers{}))
	vidiocQuerybuf   = ioc(iocRead|iocWrite, 'V', 9, unsafe.Sizeof(v4l2Buffer{}))
	vidiocQbuf       = ioc(iocRead|iocWrite, 'V', 15, unsafe.Sizeof(v4l2Buffer{}))
	vidiocDqbuf      = ioc(iocRead|iocWrite, 'V', 17, unsafe.Sizeof(v4l2Buffer{}))
	vidiocStreamon   = ioc(iocWrite, 'V', 18, 4)
	vidiocStreamoff  = ioc(iocWrite, 'V', 19, 4)
	vidiocSParm      = ioc(iocRead|iocWrite, 'V', 22, unsafe.Sizeof(v4l2Streamparm{}))
	vidiocSCtrl      = ioc(iocRead|iocWrite, 'V', 28, unsafe.Sizeof(v4l2Control{}))
	vidiocEncoderCmd = ioc(iocRead|iocWrite, 'V', 77, unsafe.Sizeof(v4l2EncoderCmd{}))
	vidiocSSelection = ioc(iocRead|iocWrite, 'V', 95, unsafe.Sizeof(v4l2Selection{}))
)

// Buffer types, memory types, capabilities and flags from videodev2.h.
const (
	bufTypeVideoCapture       = 1
	bufTypeVideoOutput        = 2
	bufTypeVideoCaptureMplane = 9
	bufTypeVideoOutputMplane  = 10
	memoryMmap                = 1

	capVideoCapture   = 0x00000001
	capVideoM2MMplane = 0x00004000
	capStreaming      = 0x04000000
	capDeviceCaps     = 0x80000000

	bufFlagLast = 0x00100000

	encCmdStop = 1
	selTgtCrop = 0

	cidMpegVideoGopSize = 0x00990900 + 203 // V4L2_CID_MPEG_VIDEO_GOP_SIZE
)

func fourcc(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func fourccString(v uint32) string {
	return string([]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)})
}

type v4l2Capability struct {
	Driver       [16]byte
	Card         [32]byte
	BusInfo      [32]byte
	Version      uint32
	Capabilities uint32
	DeviceCaps   uint32
	Reserved     [3]uint32
}

// caps is what this node can do (device_caps when the driver fills it).
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

// v4l2Format is struct v4l2_format: the union is 8-byte aligned on 64-bit
// because struct v4l2_window in it holds pointers.
type v4l2Format struct {
	Type uint32
	_    uint32
	Fmt  [200]byte
}

func (f *v4l2Format) pix() *v4l2PixFormat { return (*v4l2PixFormat)(unsafe.Pointer(&f.Fmt[0])) }
func (f *v4l2Format) pixMP() *v4l2PixFormatMplane {
	return (*v4l2PixFormatMplane)(unsafe.Pointer(&f.Fmt[0]))
}

type v4l2PixFormat struct {
	Width, Height, PixelFormat, Field, BytesPerLine, SizeImage uint32
	Colorspace, Priv, Flags, YCbCrEnc, Quantization, XferFunc  uint32
}

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

type v4l2Buffer struct {
	Index, Type, BytesUsed, Flags, Field uint32
	_                                    uint32
	TimestampSec, TimestampUsec          int64
	Timecode                             v4l2Timecode
	Sequence                             uint32
	Memory                               uint32
	M                                    uint64 // m.offset for MMAP
	Length                               uint32
	Reserved2                            uint32
	RequestFD                            int32
	_                                    uint32
}

// v4l2BufferMplane is v4l2Buffer for multi-planar queues: the m union holds
// a pointer to the planes, and Length counts them.
type v4l2BufferMplane struct {
	Index, Type, BytesUsed, Flags, Field uint32
	_                                    uint32
	TimestampSec, TimestampUsec          int64
	Timecode                             v4l2Timecode
	Sequence                             uint32
	Memory                               uint32
	Planes                               *v4l2Plane
	Length                               uint32
	Reserved2                            uint32
	RequestFD                            int32
	_                                    uint32
}

type v4l2Plane struct {
	BytesUsed  uint32
	Length     uint32
	M          uint64 // mem_offset for MMAP
	DataOffset uint32
	Reserved   [11]uint32
}

type v4l2EncoderCmd struct {
	Cmd, Flags uint32
	Data       [8]uint32
}

// v4l2Streamparm is struct v4l2_streamparm with the capture member of its
// 200-byte union spelled out (struct v4l2_captureparm, 40 bytes).
type v4l2Streamparm struct {
	Type            uint32
	Capability      uint32
	CaptureMode     uint32
	TimePerFrameNum uint32
	TimePerFrameDen uint32
	ExtendedMode    uint32
	ReadBuffers     uint32
	Reserved        [4]uint32
	_               [160]byte
}

// v4l2Selection is struct v4l2_selection with its v4l2_rect spelled out.
type v4l2Selection struct {
	Type, Target, Flags uint32
	Left, Top           int32
	Width, Height       uint32
	Reserved            [9]uint32
}

type v4l2Control struct {
	ID    uint32
	Value int32
}

func ioctl(fd int, req uintptr, arg unsafe.Pointer) error {
	for {
		_, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
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

// labOnly skips a test outside the lab VM.
func labOnly(t *testing.T) {
	t.Helper()
	if os.Getenv("INTERCOMD_LAB") == "" {
		t.Skip("INTERCOMD_LAB is unset: this runs in the kernel lab (test/lab/run.sh)")
	}
}

// videoDev is one open /dev/videoN node.
type videoDev struct {
	fd   int
	path string
	cap  v4l2Capability
}

// openVideo opens the first /dev/video* node for which match returns true and
// fails the test, listing every node it saw, when none does.
func openVideo(t *testing.T, what string, match func(d *videoDev) bool) *videoDev {
	t.Helper()
	paths, _ := filepath.Glob("/dev/video*")
	var seen []string
	for _, p := range paths {
		fd, err := unix.Open(p, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if err != nil {
			seen = append(seen, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		d := &videoDev{fd: fd, path: p}
		if err := ioctl(fd, vidiocQuerycap, unsafe.Pointer(&d.cap)); err != nil {
			unix.Close(fd)
			seen = append(seen, fmt.Sprintf("%s: QUERYCAP: %v", p, err))
			continue
		}
		seen = append(seen, fmt.Sprintf("%s: %s/%s caps %#x", p, cstr(d.cap.Driver[:]), cstr(d.cap.Card[:]), d.cap.caps()))
		if match(d) {
			t.Cleanup(func() { unix.Close(fd) })
			t.Logf("%s: driver %s, card %q, caps %#x", p, cstr(d.cap.Driver[:]), cstr(d.cap.Card[:]), d.cap.caps())
			return d
		}
		unix.Close(fd)
	}
	t.Fatalf("no %s among /dev/video*: %s", what, strings.Join(seen, "; "))
	return nil
}

// formats lists the pixel formats a queue type offers.
func (d *videoDev) formats(typ uint32) []uint32 {
	var out []uint32
	for i := uint32(0); ; i++ {
		desc := v4l2Fmtdesc{Index: i, Type: typ}
		if err := ioctl(d.fd, vidiocEnumFmt, unsafe.Pointer(&desc)); err != nil {
			return out
		}
		out = append(out, desc.PixelFormat)
	}
}

func (d *videoDev) stream(t *testing.T, typ uint32, on bool) {
	t.Helper()
	req, name := vidiocStreamon, "STREAMON"
	if !on {
		req, name = vidiocStreamoff, "STREAMOFF"
	}
	v := int32(typ)
	if err := ioctl(d.fd, req, unsafe.Pointer(&v)); err != nil {
		t.Fatalf("%s %s type %d: %v", d.path, name, typ, err)
	}
}

// queue is one buffer queue of a device, with MMAP buffers of one plane.
type queue struct {
	dev    *videoDev
	typ    uint32
	mplane bool
	bufs   [][]byte
}

func newQueue(t *testing.T, d *videoDev, typ uint32, mplane bool, count int) *queue {
	t.Helper()
	q := &queue{dev: d, typ: typ, mplane: mplane}
	req := v4l2RequestBuffers{Count: uint32(count), Type: typ, Memory: memoryMmap}
	if err := ioctl(d.fd, vidiocReqbufs, unsafe.Pointer(&req)); err != nil {
		t.Fatalf("%s REQBUFS type %d count %d: %v", d.path, typ, count, err)
	}
	if req.Count == 0 {
		t.Fatalf("%s REQBUFS type %d: driver gave no buffers", d.path, typ)
	}
	q.bufs = make([][]byte, req.Count)
	for i := range q.bufs {
		_, p, err := q.bufIoctl(vidiocQuerybuf, uint32(i), 0)
		if err != nil {
			t.Fatalf("%s QUERYBUF %d: %v", d.path, i, err)
		}
		off := int64(uint32(p.M)) // m.offset / m.mem_offset
		m, err := unix.Mmap(d.fd, off, int(p.Length), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
		if err != nil {
			t.Fatalf("%s mmap buffer %d (offset %#x, %d bytes): %v", d.path, i, off, p.Length, err)
		}
		q.bufs[i] = m
	}
	t.Cleanup(func() {
		for _, m := range q.bufs {
			unix.Munmap(m)
		}
	})
	return q
}

// bufIoctl runs QUERYBUF, QBUF or DQBUF for buffer index (DQBUF fills it in)
// with payload used, and returns the buffer and its one plane: for a
// single-planar queue the plane holds the buffer's offset, length and
// payload. A multi-planar v4l2_buffer points at its planes through a real Go
// pointer (v4l2BufferMplane), so the plane stays valid and tracked, even on a
// stack that grows, while the kernel reads and writes it.
func (q *queue) bufIoctl(req uintptr, index uint32, used int) (v4l2Buffer, v4l2Plane, error) {
	if !q.mplane {
		b := v4l2Buffer{Index: index, Type: q.typ, Memory: memoryMmap, BytesUsed: uint32(used)}
		err := ioctl(q.dev.fd, req, unsafe.Pointer(&b))
		return b, v4l2Plane{BytesUsed: b.BytesUsed, Length: b.Length, M: b.M}, err
	}
	plane := &v4l2Plane{BytesUsed: uint32(used)}
	b := v4l2BufferMplane{Index: index, Type: q.typ, Memory: memoryMmap, Planes: plane, Length: 1}
	err := ioctl(q.dev.fd, req, unsafe.Pointer(&b))
	return v4l2Buffer{
		Index: b.Index, Type: b.Type, BytesUsed: b.BytesUsed, Flags: b.Flags, Field: b.Field,
		TimestampSec: b.TimestampSec, TimestampUsec: b.TimestampUsec,
		Sequence: b.Sequence, Memory: b.Memory, Length: b.Length,
	}, *plane, err
}

// qbuf queues buffer i; used is its payload (for output queues).
func (q *queue) qbuf(i int, used int) error {
	_, _, err := q.bufIoctl(vidiocQbuf, uint32(i), used)
	return err
}

// dqbuf dequeues one buffer, waiting up to within; it returns the buffer and
// its payload size. unix.EPIPE means the queue is drained (after LAST).
func (q *queue) dqbuf(within time.Duration) (v4l2Buffer, int, error) {
	deadline := time.Now().Add(within)
	for {
		b, p, err := q.bufIoctl(vidiocDqbuf, 0, 0)
		if errors.Is(err, unix.EAGAIN) {
			if time.Now().After(deadline) {
				return b, 0, fmt.Errorf("%s DQBUF type %d: nothing within %s", q.dev.path, q.typ, within)
			}
			time.Sleep(2 * time.Millisecond)
			continue
		}
		return b, int(p.BytesUsed), err
	}
}

func TestV4L2Layout(t *testing.T) {
	// Sizes and request numbers as gcc prints them from <linux/videodev2.h>
	// on amd64; PRODUCT.md's lab notes give v4l2_buffer 88, v4l2_format 208.
	sizes := []struct {
		name      string
		got, want uintptr
	}{
		{"v4l2_capability", unsafe.Sizeof(v4l2Capability{}), 104},
		{"v4l2_fmtdesc", unsafe.Sizeof(v4l2Fmtdesc{}), 64},
		{"v4l2_format", unsafe.Sizeof(v4l2Format{}), 208},
		{"v4l2_pix_format_mplane", unsafe.Sizeof(v4l2PixFormatMplane{}), 192},
		{"v4l2_requestbuffers", unsafe.Sizeof(v4l2RequestBuffers{}), 20},
		{"v4l2_buffer", unsafe.Sizeof(v4l2Buffer{}), 88},
		{"v4l2_buffer.sequence", unsafe.Offsetof(v4l2Buffer{}.Sequence), 56},
		{"v4l2_buffer.m", unsafe.Offsetof(v4l2Buffer{}.M), 64},
		{"v4l2_buffer (multi-planar)", unsafe.Sizeof(v4l2BufferMplane{}), 88},
		{"v4l2_buffer.m.planes", unsafe.Offsetof(v4l2BufferMplane{}.Planes), 64},
		{"v4l2_plane", unsafe.Sizeof(v4l2Plane{}), 64},
		{"v4l2_encoder_cmd", unsafe.Sizeof(v4l2EncoderCmd{}), 40},
		{"v4l2_control", unsafe.Sizeof(v4l2Control{}), 8},
		{"v4l2_selection", unsafe.Sizeof(v4l2Selection{}), 64},
		{"v4l2_streamparm", unsafe.Sizeof(v4l2Streamparm{}), 204},
	}
	if runtime.GOARCH != "amd64" {
		t.Skipf("layouts are checked for amd64 (the lab VM), not %s", runtime.GOARCH)
	}
	for _, s := range sizes {
		if s.got != s.want {
			t.Errorf("%s: %d bytes, want %d", s.name, s.got, s.want)
		}
	}
	reqs := []struct {
		name      string
		got, want uintptr
	}{
		{"VIDIOC_QUERYCAP", vidiocQuerycap, 0x80685600},
		{"VIDIOC_ENUM_FMT", vidiocEnumFmt, 0xc0405602},
		{"VIDIOC_G_FMT", vidiocGFmt, 0xc0d05604},
		{"VIDIOC_S_FMT", vidiocSFmt, 0xc0d05605},
		{"VIDIOC_REQBUFS", vidiocReqbufs, 0xc0145608},
		{"VIDIOC_QUERYBUF", vidiocQuerybuf, 0xc0585609},
		{"VIDIOC_QBUF", vidiocQbuf, 0xc058560f},
		{"VIDIOC_DQBUF", vidiocDqbuf, 0xc0585611},
		{"VIDIOC_STREAMON", vidiocStreamon, 0x40045612},
		{"VIDIOC_STREAMOFF", vidiocStreamoff, 0x40045613},
		{"VIDIOC_S_PARM", vidiocSParm, 0xc0cc5616},
		{"VIDIOC_S_CTRL", vidiocSCtrl, 0xc008561c},
		{"VIDIOC_ENCODER_CMD", vidiocEncoderCmd, 0xc028564d},
		{"VIDIOC_S_SELECTION", vidiocSSelection, 0xc040565f},
	}
	for _, r := range reqs {
		if r.got != r.want {
			t.Errorf("%s = %#x, want %#x", r.name, r.got, r.want)
		}
	}
}
