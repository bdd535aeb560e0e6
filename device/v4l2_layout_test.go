//go:build linux

package device

import (
	"runtime"
	"testing"
	"unsafe"
)

// TestV4L2Layout pins the Go V4L2 structs and ioctl numbers to what gcc
// computes from <linux/videodev2.h> for each architecture (Debian 12's
// x86_64-linux-gnu-gcc, aarch64-linux-gnu-gcc and arm-linux-gnueabihf-gcc
// with the default 32-bit time_t, printing sizeof, offsetof and the VIDIOC_*
// macros). Run it for the other architectures with
//
//	GOARCH=arm64 go test -c -o /tmp/d.arm64 ./device && qemu-aarch64-static /tmp/d.arm64 -test.run V4L2Layout
//	GOARCH=arm   go test -c -o /tmp/d.arm   ./device && qemu-arm-static     /tmp/d.arm   -test.run V4L2Layout
func TestV4L2Layout(t *testing.T) {
	type want struct{ v64, v32 uintptr }
	is64 := unsafe.Sizeof(uintptr(0)) == 8
	switch runtime.GOARCH {
	case "amd64", "arm64", "arm":
	default:
		t.Skipf("no reference layout for GOARCH=%s", runtime.GOARCH)
	}
	pick := func(w want) uintptr {
		if is64 {
			return w.v64
		}
		return w.v32
	}
	var (
		buf   v4l2Buffer
		plane v4l2Plane
		fmt_  v4l2Format
		ecs   v4l2ExtControls
	)
	sizes := []struct {
		name string
		got  uintptr
		want want
	}{
		{"sizeof v4l2_capability", unsafe.Sizeof(v4l2Capability{}), want{104, 104}},
		{"sizeof v4l2_fmtdesc", unsafe.Sizeof(v4l2Fmtdesc{}), want{64, 64}},
		{"sizeof v4l2_frmsizeenum", unsafe.Sizeof(v4l2Frmsizeenum{}), want{44, 44}},
		{"sizeof v4l2_frmivalenum", unsafe.Sizeof(v4l2Frmivalenum{}), want{52, 52}},
		{"sizeof v4l2_format", unsafe.Sizeof(fmt_), want{208, 204}},
		{"offsetof v4l2_format.fmt", unsafe.Offsetof(fmt_.Fmt), want{8, 4}},
		{"sizeof v4l2_pix_format", unsafe.Sizeof(v4l2PixFormat{}), want{48, 48}},
		{"sizeof v4l2_pix_format_mplane", unsafe.Sizeof(v4l2PixFormatMplane{}), want{192, 192}},
		{"sizeof v4l2_plane_pix_format", unsafe.Sizeof(v4l2PlanePixFormat{}), want{20, 20}},
		{"sizeof v4l2_streamparm", unsafe.Sizeof(v4l2Streamparm{}), want{204, 204}},
		{"sizeof v4l2_requestbuffers", unsafe.Sizeof(v4l2RequestBuffers{}), want{20, 20}},
		{"sizeof v4l2_buffer", unsafe.Sizeof(buf), want{88, 68}},
		{"offsetof v4l2_buffer.timestamp", unsafe.Offsetof(buf.Timestamp), want{24, 20}},
		{"offsetof v4l2_buffer.sequence", unsafe.Offsetof(buf.Sequence), want{56, 44}},
		{"offsetof v4l2_buffer.m", unsafe.Offsetof(buf.M), want{64, 52}},
		{"offsetof v4l2_buffer.length", unsafe.Offsetof(buf.Length), want{72, 56}},
		{"offsetof v4l2_buffer.request_fd", unsafe.Offsetof(buf.RequestFD), want{80, 64}},
		{"sizeof v4l2_plane", unsafe.Sizeof(plane), want{64, 60}},
		{"offsetof v4l2_plane.m", unsafe.Offsetof(plane.M), want{8, 8}},
		{"offsetof v4l2_plane.data_offset", unsafe.Offsetof(plane.DataOffset), want{16, 12}},
		{"sizeof v4l2_control", unsafe.Sizeof(v4l2Control{}), want{8, 8}},
		{"sizeof v4l2_ext_control", unsafe.Sizeof(v4l2ExtControl{}), want{20, 20}},
		{"sizeof v4l2_ext_controls", unsafe.Sizeof(ecs), want{32, 24}},
		{"offsetof v4l2_ext_controls.controls", unsafe.Offsetof(ecs.Controls), want{24, 20}},
		{"sizeof v4l2_encoder_cmd", unsafe.Sizeof(v4l2EncoderCmd{}), want{40, 40}},
		{"sizeof v4l2_selection", unsafe.Sizeof(v4l2Selection{}), want{64, 64}},
		{"sizeof v4l2_timecode", unsafe.Sizeof(v4l2Timecode{}), want{16, 16}},
		{"sizeof v4l2_queryctrl", unsafe.Sizeof(v4l2Queryctrl{}), want{68, 68}},
	}
	for _, s := range sizes {
		if w := pick(s.want); s.got != w {
			t.Errorf("%s on %s = %d, want %d", s.name, runtime.GOARCH, s.got, w)
		}
	}
	ioctls := []struct {
		name string
		got  uint
		want [2]uint // 64-bit, arm
	}{
		{"VIDIOC_QUERYCAP", vidiocQuerycap, [2]uint{0x80685600, 0x80685600}},
		{"VIDIOC_ENUM_FMT", vidiocEnumFmt, [2]uint{0xc0405602, 0xc0405602}},
		{"VIDIOC_G_FMT", vidiocGFmt, [2]uint{0xc0d05604, 0xc0cc5604}},
		{"VIDIOC_S_FMT", vidiocSFmt, [2]uint{0xc0d05605, 0xc0cc5605}},
		{"VIDIOC_REQBUFS", vidiocReqbufs, [2]uint{0xc0145608, 0xc0145608}},
		{"VIDIOC_QUERYBUF", vidiocQuerybuf, [2]uint{0xc0585609, 0xc0445609}},
		{"VIDIOC_QBUF", vidiocQbuf, [2]uint{0xc058560f, 0xc044560f}},
		{"VIDIOC_DQBUF", vidiocDqbuf, [2]uint{0xc0585611, 0xc0445611}},
		{"VIDIOC_STREAMON", vidiocStreamon, [2]uint{0x40045612, 0x40045612}},
		{"VIDIOC_STREAMOFF", vidiocStreamoff, [2]uint{0x40045613, 0x40045613}},
		{"VIDIOC_S_PARM", vidiocSParm, [2]uint{0xc0cc5616, 0xc0cc5616}},
		{"VIDIOC_S_CTRL", vidiocSCtrl, [2]uint{0xc008561c, 0xc008561c}},
		{"VIDIOC_QUERYCTRL", vidiocQueryctrl, [2]uint{0xc0445624, 0xc0445624}},
		{"VIDIOC_S_EXT_CTRLS", vidiocSExtCtrls, [2]uint{0xc0205648, 0xc0185648}},
		{"VIDIOC_ENUM_FRAMESIZES", vidiocEnumFramesizes, [2]uint{0xc02c564a, 0xc02c564a}},
		{"VIDIOC_ENUM_FRAMEINTERVALS", vidiocEnumFrameintervals, [2]uint{0xc034564b, 0xc034564b}},
		{"VIDIOC_ENCODER_CMD", vidiocEncoderCmd, [2]uint{0xc028564d, 0xc028564d}},
		{"VIDIOC_S_SELECTION", vidiocSSelection, [2]uint{0xc040565f, 0xc040565f}},
	}
	for _, c := range ioctls {
		w := c.want[0]
		if !is64 {
			w = c.want[1]
		}
		if c.got != w {
			t.Errorf("%s on %s = %#x, want %#x", c.name, runtime.GOARCH, c.got, w)
		}
	}
}

func TestFourCC(t *testing.T) {
	for _, c := range []struct {
		f    FourCC
		want string
	}{{FourCCYUYV, "YUYV"}, {FourCCI420, "YU12"}, {FourCCH264, "H264"}, {FourCC(0x00313050), "P01?"}, {FourCC(0x01020304), "????"}} {
		if got := c.f.String(); got != c.want {
			t.Errorf("%#x.String() = %q, want %q", uint32(c.f), got, c.want)
		}
	}
}
