package device

import (
	"errors"
	"strings"
	"testing"
)

func modes(sizes ...FrameSize) []CameraMode {
	var m []CameraMode
	for _, s := range sizes {
		m = append(m, CameraMode{Size: s, FPS: []int{30, 15, 5}})
	}
	return m
}

var (
	vga, hd, fhd = FrameSize{640, 480}, FrameSize{1280, 720}, FrameSize{1920, 1080}

	uvcYUYV = VideoNode{Path: "/dev/video0", Card: "HD Webcam", Kind: NodeCamera, Formats: []CameraFormat{
		{Format: FourCCMJPEG, Compressed: true, Modes: modes(vga, hd, fhd)},
		{Format: FourCCYUYV, Modes: modes(vga, hd)},
	}}
	uvcH264 = VideoNode{Path: "/dev/video2", Card: "C920", Kind: NodeCamera, Formats: []CameraFormat{
		{Format: FourCCYUYV, Modes: modes(vga)},
		{Format: FourCCH264, Compressed: true, Modes: modes(vga, hd, fhd)},
	}}
	uvcMJPEG = VideoNode{Path: "/dev/video4", Card: "Cheap Cam", Kind: NodeCamera, Formats: []CameraFormat{
		{Format: FourCCMJPEG, Compressed: true, Modes: modes(hd, fhd)},
	}}
	uvcMJPEGSmall = VideoNode{Path: "/dev/video4", Card: "Cheap Cam", Kind: NodeCamera, Formats: []CameraFormat{
		{Format: FourCCMJPEG, Compressed: true, Modes: modes(FrameSize{320, 240}, vga, hd)},
	}}
	bcm2835 = VideoNode{Path: "/dev/video11", Card: "bcm2835-codec-encode", Kind: NodeH264Encoder, Coded: []FourCC{FourCCH264}, Raw: []FourCC{FourCCI420, FourCCNV12}, Multiplanar: true}
	unicam  = VideoNode{Path: "/dev/video0", Card: "unicam", Driver: "unicam", Kind: NodeCSI}
	vicodec = VideoNode{Path: "/dev/video1", Card: "vicodec", Kind: NodeEncoder, Coded: []FourCC{FourCCFWHT}, Raw: []FourCC{FourCCI420}}
)

func TestChoose(t *testing.T) {
	for _, c := range []struct {
		name string
		inv  Inventory
		cfg  VideoConfig
		kind PlanKind
		want string // in the plan's String, or in the error
		err  error  // errors.Is target, when an error is expected
	}{
		{"pi zero 2, camera module", Inventory{Nodes: []VideoNode{unicam, bcm2835}, Rpicam: "/usr/bin/rpicam-vid", Arch: "arm64"}, VideoConfig{}, PlanRpicam, "rpicam-vid, H.264 1280x720@15", nil},
		{"camera module and a webcam: rpicam first", Inventory{Nodes: []VideoNode{unicam, uvcYUYV, bcm2835}, Rpicam: "/usr/bin/rpicam-vid", Arch: "arm64"}, VideoConfig{}, PlanRpicam, "rpicam", nil},
		{"camera module without rpicam-apps, a webcam", Inventory{Nodes: []VideoNode{unicam, uvcYUYV, bcm2835}, Arch: "arm64"}, VideoConfig{}, PlanHardware, "/dev/video0 (HD Webcam), YUYV 1280x720@15 → hardware encoder /dev/video11", nil},
		{"camera module without rpicam-apps only", Inventory{Nodes: []VideoNode{unicam}, Arch: "arm64", SoftwareH264: true}, VideoConfig{}, PlanNone, "install rpicam-apps", ErrNoCamera},
		{"pi 4, webcam with H.264", Inventory{Nodes: []VideoNode{uvcH264, bcm2835}, Arch: "arm64", SoftwareH264: true}, VideoConfig{}, PlanPassthrough, "C920), its own H.264 1280x720@15", nil},
		{"pi 4, raw webcam", Inventory{Nodes: []VideoNode{uvcYUYV, bcm2835}, Arch: "arm64", SoftwareH264: true}, VideoConfig{}, PlanHardware, "YUYV 1280x720@15 → hardware encoder", nil},
		{"pi 5, raw webcam", Inventory{Nodes: []VideoNode{uvcYUYV}, Arch: "arm64", SoftwareH264: true}, VideoConfig{}, PlanSoftware, "YUYV 1280x720@15 → software encoder", nil},
		{"x86, raw webcam, odd size", Inventory{Nodes: []VideoNode{uvcYUYV}, Arch: "amd64", SoftwareH264: true}, VideoConfig{Width: 800, Height: 600, FPS: 20}, PlanSoftware, "YUYV 1280x720@30", nil},
		{"H.264 webcam, encoder software", Inventory{Nodes: []VideoNode{uvcH264}, Arch: "amd64", SoftwareH264: true}, VideoConfig{Encoder: EncoderSoftware}, PlanSoftware, "YUYV 640x480@15", nil},
		{"encoder hardware on a pi 5", Inventory{Nodes: []VideoNode{uvcYUYV}, Arch: "arm64", SoftwareH264: true}, VideoConfig{Device: "/dev/video0", Encoder: EncoderHardware}, PlanNone, "Pi 5 has none", nil},
		{"encoder passthrough without H.264", Inventory{Nodes: []VideoNode{uvcYUYV}, Arch: "arm64"}, VideoConfig{Device: "/dev/video0", Encoder: EncoderPassthrough}, PlanNone, "offers no H.264", nil},
		{"no cgo, no hardware, raw webcam", Inventory{Nodes: []VideoNode{uvcYUYV}, Arch: "arm64"}, VideoConfig{}, PlanNone, "CGO_ENABLED=0", ErrNoCamera},
		{"no cgo, H.264 webcam", Inventory{Nodes: []VideoNode{uvcH264}, Arch: "arm64"}, VideoConfig{}, PlanPassthrough, "passed through", nil},
		{"MJPEG-only on x86", Inventory{Nodes: []VideoNode{uvcMJPEG}, Arch: "amd64", SoftwareH264: true}, VideoConfig{}, PlanSoftware, "MJPG 1280x720@15", nil},
		{"MJPEG-only 720p+ on ARM refused", Inventory{Nodes: []VideoNode{uvcMJPEG, bcm2835}, Arch: "arm"}, VideoConfig{Device: "/dev/video4"}, PlanNone, "(Cheap Cam) offers no format intercomd can use: MJPEG only", nil},
		{"MJPEG-only on ARM at 640x480", Inventory{Nodes: []VideoNode{uvcMJPEGSmall, bcm2835}, Arch: "arm64"}, VideoConfig{}, PlanHardware, "MJPG 640x480@15 → hardware encoder /dev/video11 (bcm2835-codec-encode) (MJPEG-only camera: 640x480 instead of 1280x720", nil},
		{"configured device missing", Inventory{Nodes: []VideoNode{uvcYUYV}, SoftwareH264: true}, VideoConfig{Device: "/dev/video9"}, PlanNone, "/dev/video9 not found; cameras: /dev/video0 (HD Webcam)", nil},
		{"configured device is an encoder", Inventory{Nodes: []VideoNode{uvcYUYV, bcm2835}}, VideoConfig{Device: "/dev/video11"}, PlanNone, "is a H.264 encoder, not a camera", nil},
		{"configured device is CSI", Inventory{Nodes: []VideoNode{unicam}}, VideoConfig{Device: "/dev/video0"}, PlanNone, "set the video device to rpicam", nil},
		{"rpicam asked, not installed", Inventory{}, VideoConfig{Device: "rpicam"}, PlanNone, "install rpicam-apps", nil},
		{"rpicam asked, path configured", Inventory{}, VideoConfig{Device: "rpicam", Rpicam: "/opt/rpicam-vid"}, PlanRpicam, "/opt/rpicam-vid", nil},
		{"nothing at all", Inventory{SoftwareH264: true}, VideoConfig{}, PlanNone, "no camera among /dev/video*", ErrNoCamera},
		{"lab: vicodec is no H.264 encoder", Inventory{Nodes: []VideoNode{uvcYUYV, vicodec}, Arch: "amd64"}, VideoConfig{}, PlanNone, "needs an H.264 encoder", ErrNoCamera},
		{"bad config", Inventory{}, VideoConfig{Encoder: "gpu"}, PlanNone, `encoder "gpu"`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := c.inv.Choose(c.cfg)
			if c.kind == PlanNone {
				if err == nil {
					t.Fatalf("plan %s, want an error containing %q", p, c.want)
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("error %q, want it to contain %q", err, c.want)
				}
				if c.err != nil && !errors.Is(err, c.err) {
					t.Errorf("error %v is not %v", err, c.err)
				}
				if c.err == nil && errors.Is(err, ErrNoCamera) {
					t.Errorf("error %v is ErrNoCamera; a configured device's failure should not be", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != c.kind || !strings.Contains(p.String(), c.want) {
				t.Errorf("plan %v %q, want %v containing %q", p.Kind, p, c.kind, c.want)
			}
		})
	}
}

func TestPickMode(t *testing.T) {
	ms := []CameraMode{{vga, []int{30, 15}}, {hd, []int{10, 5}}, {fhd, []int{5}}}
	for _, c := range []struct {
		want    FrameSize
		fps     int
		gotSize FrameSize
		gotFPS  int
	}{
		{vga, 15, vga, 15},
		{vga, 20, vga, 30},
		{hd, 30, hd, 10},
		{FrameSize{800, 600}, 5, hd, 5},
		{FrameSize{2560, 1440}, 5, fhd, 5},
		{FrameSize{320, 240}, 30, vga, 30},
	} {
		s, f := pickMode(ms, c.want, c.fps)
		if s != c.gotSize || f != c.gotFPS {
			t.Errorf("pickMode(%s@%d) = %s@%d, want %s@%d", c.want, c.fps, s, f, c.gotSize, c.gotFPS)
		}
	}
	if s, f := pickMode(nil, hd, 15); s != hd || f != 15 {
		t.Errorf("no modes: %s@%d", s, f)
	}
}

func TestInventoryString(t *testing.T) {
	inv := Inventory{Nodes: []VideoNode{uvcYUYV, bcm2835, {Path: "/dev/video1", Kind: NodeOther, Err: "permission denied"}}, Arch: "arm64"}
	s := inv.String()
	for _, want := range []string{
		"/dev/video0 (HD Webcam): camera",
		"YUYV", "640x480@30",
		"/dev/video11 (bcm2835-codec-encode): H.264 encoder",
		"YU12,NV12 → H264",
		"error: permission denied",
		"rpicam-vid: not installed",
		"software H.264 encoder: none",
		"intercomd would use: /dev/video0 (HD Webcam), YUYV 1280x720@15 → hardware encoder",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
}

func TestVideoConfigValidate(t *testing.T) {
	for _, c := range []struct {
		cfg VideoConfig
		ok  bool
	}{
		{VideoConfig{}, true},
		{VideoConfig{Device: "/dev/v4l/by-id/usb-cam-video-index0", Encoder: "hardware"}, true},
		{VideoConfig{Width: 641, Height: 480}, false},
		{VideoConfig{FPS: 120}, false},
		{VideoConfig{Bitrate: 1000}, false},
		{VideoConfig{Device: "video0"}, false},
		{VideoConfig{KeyframeInterval: -1}, false},
	} {
		if err := c.cfg.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: Validate() = %v, want ok %v", c.cfg, err, c.ok)
		}
	}
	if n := (VideoConfig{FPS: 15}).withDefaults().keyframeFrames(); n != 30 {
		t.Errorf("keyframe frames at 15 fps, 2 s = %d, want 30", n)
	}
}
