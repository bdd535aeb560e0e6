package device

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/intercomd/intercomd/clock"
)

// ErrNoCamera is returned (wrapped) by Choose and OpenVideo when "auto" finds
// no camera intercomd can use. Callers fall back to the synthetic source.
var ErrNoCamera = errors.New("device: no usable camera")

// Encoder choices for VideoConfig.Encoder.
const (
	EncoderAuto        = "auto"
	EncoderPassthrough = "passthrough"
	EncoderHardware    = "hardware"
	EncoderSoftware    = "software"
)

// VideoConfig says which camera to use and how to encode it. It is the
// `media:` → `video:` part of the daemon's configuration; zero fields take the
// defaults shown.
type VideoConfig struct {
	// Device is "auto" (default), "rpicam" for a Pi camera module through
	// rpicam-vid, or a V4L2 capture node such as /dev/video0 or
	// /dev/v4l/by-id/usb-…-video-index0.
	Device string `yaml:"device"`
	// Width and Height of the picture (default 1280x720). A camera without
	// that size gives its nearest one.
	Width  int `yaml:"width"`
	Height int `yaml:"height"`
	// FPS is the frame rate (default 15).
	FPS int `yaml:"fps"`
	// Bitrate is the H.264 target in bit/s (default 1000000).
	Bitrate int `yaml:"bitrate"`
	// KeyframeInterval is the time between periodic keyframes (default 2 s).
	// rpicam-vid cannot make a keyframe on request, so for it this is also
	// the longest wait for a first picture.
	KeyframeInterval time.Duration `yaml:"keyframe_interval"`
	// Encoder is auto (default: passthrough > hardware > software),
	// passthrough (only a camera's own H.264), hardware (a V4L2 M2M encoder
	// such as bcm2835-codec) or software (openh264).
	Encoder string `yaml:"encoder"`
	// EncoderDevice is the M2M encoder node (default: the first H.264 encoder
	// Probe finds, /dev/video11 on a Pi).
	EncoderDevice string `yaml:"encoder_device"`
	// Rpicam is the rpicam-vid command (default: found in PATH).
	Rpicam string `yaml:"rpicam"`

	// StreamID groups the track with others in one stream (default "intercomd").
	StreamID string `yaml:"-"`
	// OnError, if set, receives every device error (unplugged camera,
	// rpicam-vid died) as it happens; the source retries by itself. It must
	// not block.
	OnError func(error) `yaml:"-"`
	// Clock times retries (default clock.Real).
	Clock clock.Clock `yaml:"-"`
	// Logger receives the source's logs (default slog.Default()).
	Logger *slog.Logger `yaml:"-"`
}

func (c VideoConfig) withDefaults() VideoConfig {
	if c.Device == "" {
		c.Device = "auto"
	}
	if c.Width == 0 && c.Height == 0 {
		c.Width, c.Height = 1280, 720
	}
	if c.FPS == 0 {
		c.FPS = 15
	}
	if c.Bitrate == 0 {
		c.Bitrate = 1_000_000
	}
	if c.KeyframeInterval == 0 {
		c.KeyframeInterval = 2 * time.Second
	}
	if c.Encoder == "" {
		c.Encoder = EncoderAuto
	}
	if c.StreamID == "" {
		c.StreamID = "intercomd"
	}
	if c.Clock == nil {
		c.Clock = clock.Real
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Validate reports the first field OpenVideo would reject, after defaults.
func (c VideoConfig) Validate() error {
	c = c.withDefaults()
	switch {
	case c.Width <= 0 || c.Height <= 0 || c.Width%2 != 0 || c.Height%2 != 0 || c.Width > 1920 || c.Height > 1088:
		return fmt.Errorf("device: video size %dx%d: need even sizes up to 1920x1088", c.Width, c.Height)
	case c.FPS < 1 || c.FPS > 60:
		return fmt.Errorf("device: video fps %d: need 1..60", c.FPS)
	case c.Bitrate < 50_000 || c.Bitrate > 20_000_000:
		return fmt.Errorf("device: video bitrate %d bit/s: need 50000..20000000", c.Bitrate)
	case c.KeyframeInterval < 0:
		return fmt.Errorf("device: video keyframe_interval %v is negative", c.KeyframeInterval)
	case !slices.Contains([]string{EncoderAuto, EncoderPassthrough, EncoderHardware, EncoderSoftware}, c.Encoder):
		return fmt.Errorf("device: video encoder %q: want auto, passthrough, hardware or software", c.Encoder)
	case c.Device != "auto" && c.Device != "rpicam" && !strings.HasPrefix(c.Device, "/dev/"):
		return fmt.Errorf("device: video device %q: want auto, rpicam or a /dev/video* path", c.Device)
	}
	return nil
}

// keyframeFrames is the keyframe interval in frames (at least 1).
func (c VideoConfig) keyframeFrames() int {
	n := int(c.KeyframeInterval * time.Duration(c.FPS) / time.Second)
	return max(n, 1)
}

// PlanKind is the path a video plan takes.
type PlanKind int

// Plan kinds, best first for a V4L2 camera.
const (
	// PlanNone is the zero value.
	PlanNone PlanKind = iota
	// PlanRpicam runs rpicam-vid for a Pi camera module.
	PlanRpicam
	// PlanPassthrough sends a UVC camera's own H.264 untouched.
	PlanPassthrough
	// PlanHardware feeds raw frames to a V4L2 M2M H.264 encoder.
	PlanHardware
	// PlanSoftware feeds raw frames to openh264.
	PlanSoftware
)

// String names the plan kind.
func (k PlanKind) String() string {
	switch k {
	case PlanRpicam:
		return "rpicam-vid"
	case PlanPassthrough:
		return "H.264 passthrough"
	case PlanHardware:
		return "hardware encoder"
	case PlanSoftware:
		return "software encoder (openh264)"
	}
	return "none"
}

// VideoPlan is what Choose decided: the camera, its format and mode, and
// the encoder.
type VideoPlan struct {
	Kind PlanKind
	// Camera is the capture node (V4L2 plans).
	Camera VideoNode
	// Format, Size and FPS are the camera mode asked for; the driver has
	// the last word when the camera opens.
	Format FourCC
	Size   FrameSize
	FPS    int
	// Encoder is the M2M encoder node (PlanHardware).
	Encoder VideoNode
	// Rpicam is the rpicam-vid command (PlanRpicam).
	Rpicam string
	// Notes explain choices a user may not expect (a smaller size, MJPEG).
	Notes []string
}

// String describes the plan in one line, as the daemon logs it.
func (p VideoPlan) String() string {
	var s string
	switch p.Kind {
	case PlanRpicam:
		s = fmt.Sprintf("Pi camera module through %s, H.264 %s@%d", p.Rpicam, p.Size, p.FPS)
	case PlanPassthrough:
		s = fmt.Sprintf("%s, its own H.264 %s@%d passed through", p.Camera.Name(), p.Size, p.FPS)
	case PlanHardware:
		s = fmt.Sprintf("%s, %s %s@%d → hardware encoder %s", p.Camera.Name(), p.Format, p.Size, p.FPS, p.Encoder.Name())
	case PlanSoftware:
		s = fmt.Sprintf("%s, %s %s@%d → software encoder openh264", p.Camera.Name(), p.Format, p.Size, p.FPS)
	default:
		return "nothing"
	}
	if len(p.Notes) > 0 {
		s += " (" + strings.Join(p.Notes, "; ") + ")"
	}
	return s
}

// mjpegAffordable reports whether decoding MJPEG in Go at this size keeps up:
// image/jpeg takes ~34 ms per 720p frame on a fast x86 core and 10–15× that
// on a Cortex-A53, so on ARM only up to 640x480 (~11 ms on x86 → ~130 ms on
// a Zero 2 at 5 fps at best) is accepted.
func mjpegAffordable(arch string, s FrameSize) bool {
	switch arch {
	case "amd64", "386":
		return true
	}
	return s.Width*s.Height <= 640*480
}

// rawPreference lists the raw formats intercomd converts to I420, cheapest
// first.
var rawPreference = []FourCC{FourCCI420, FourCCNV12, FourCCYUYV}

// Choose picks how to get video from what inv holds, by cfg: rpicam-vid for
// a Pi camera module; else a V4L2 camera with its own H.264 passed through,
// else raw frames to a hardware M2M encoder, else to openh264. It errs with
// ErrNoCamera (wrapped) when "auto" finds nothing usable, and with a message
// naming the device and the fix when a configured device cannot work.
func (inv Inventory) Choose(cfg VideoConfig) (VideoPlan, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return VideoPlan{}, err
	}
	rpicam := cfg.Rpicam
	if rpicam == "" {
		rpicam = inv.Rpicam
	}
	want := FrameSize{cfg.Width, cfg.Height}
	switch {
	case cfg.Device == "rpicam":
		if rpicam == "" {
			return VideoPlan{}, errors.New("device: video device rpicam: rpicam-vid is not installed; install rpicam-apps (apt install rpicam-apps)")
		}
		return VideoPlan{Kind: PlanRpicam, Rpicam: rpicam, Size: want, FPS: cfg.FPS}, nil
	case cfg.Device == "auto" && inv.CSI() && rpicam != "":
		return VideoPlan{Kind: PlanRpicam, Rpicam: rpicam, Size: want, FPS: cfg.FPS}, nil
	}
	var cams []VideoNode
	if cfg.Device == "auto" {
		cams = inv.Cameras()
	} else {
		n, ok := inv.Node(cfg.Device)
		switch {
		case !ok:
			return VideoPlan{}, fmt.Errorf("device: video device %s not found; cameras: %s", cfg.Device, listNames(inv.Cameras()))
		case n.Kind == NodeCSI:
			return VideoPlan{}, fmt.Errorf("device: %s is a Pi camera module receiver (raw Bayer); set the video device to rpicam (needs rpicam-apps)", n.Name())
		case n.Kind != NodeCamera:
			if n.Err != "" {
				return VideoPlan{}, fmt.Errorf("device: video device %s: %s", cfg.Device, n.Err)
			}
			return VideoPlan{}, fmt.Errorf("device: %s is a %s, not a camera; cameras: %s", n.Name(), n.Kind, listNames(inv.Cameras()))
		}
		cams = []VideoNode{n}
	}
	var reasons []string
	for _, cam := range cams {
		p, err := inv.planCamera(cam, cfg, want)
		if err == nil {
			p.Rpicam = ""
			return p, nil
		}
		reasons = append(reasons, err.Error())
	}
	switch {
	case cfg.Device != "auto":
		return VideoPlan{}, errors.New(reasons[0])
	case len(cams) == 0 && inv.CSI():
		return VideoPlan{}, fmt.Errorf("%w: a Pi camera module is attached but rpicam-vid is not installed; install rpicam-apps", ErrNoCamera)
	case len(cams) == 0:
		return VideoPlan{}, fmt.Errorf("%w: no camera among /dev/video*", ErrNoCamera)
	}
	return VideoPlan{}, fmt.Errorf("%w: %s", ErrNoCamera, strings.Join(reasons, "; "))
}

func listNames(ns []VideoNode) string {
	if len(ns) == 0 {
		return "none"
	}
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = n.Name()
	}
	return strings.Join(s, ", ")
}

// planCamera picks a format, mode and encoder for one camera.
func (inv Inventory) planCamera(cam VideoNode, cfg VideoConfig, want FrameSize) (VideoPlan, error) {
	p := VideoPlan{Camera: cam}
	// Passthrough first: no encoder at all.
	if f := cam.format(FourCCH264); f != nil && (cfg.Encoder == EncoderAuto || cfg.Encoder == EncoderPassthrough) {
		p.Kind, p.Format = PlanPassthrough, FourCCH264
		p.Size, p.FPS = pickMode(f.Modes, want, cfg.FPS)
		return p, nil
	}
	if cfg.Encoder == EncoderPassthrough {
		return p, fmt.Errorf("device: %s offers no H.264 of its own (encoder: passthrough); formats: %s", cam.Name(), listFormats(cam))
	}
	// An encoder for raw frames.
	var hw VideoNode
	haveHW := false
	if cfg.EncoderDevice != "" {
		if n, ok := inv.Node(cfg.EncoderDevice); ok && n.Kind == NodeH264Encoder {
			hw, haveHW = n, true
		} else if cfg.Encoder == EncoderHardware {
			return p, fmt.Errorf("device: encoder device %s is not an H.264 M2M encoder; H.264 encoders: %s", cfg.EncoderDevice, listNames(inv.H264Encoders()))
		}
	} else if encs := inv.H264Encoders(); len(encs) > 0 {
		hw, haveHW = encs[0], true
	}
	switch cfg.Encoder {
	case EncoderHardware:
		if !haveHW {
			return p, fmt.Errorf("device: no hardware H.264 encoder (encoder: hardware); a Pi Zero 2/3/4 has bcm2835-codec at /dev/video11, a Pi 5 has none: use encoder: software")
		}
		p.Kind, p.Encoder = PlanHardware, hw
	case EncoderSoftware:
		if !inv.SoftwareH264 {
			return p, errors.New("device: encoder: software, but this intercomd was built with CGO_ENABLED=0 and has no openh264; rebuild with cgo")
		}
		p.Kind = PlanSoftware
	default:
		switch {
		case haveHW:
			p.Kind, p.Encoder = PlanHardware, hw
		case inv.SoftwareH264:
			p.Kind = PlanSoftware
		default:
			return p, fmt.Errorf("device: %s needs an H.264 encoder for its raw frames, and there is no hardware encoder and this intercomd was built with CGO_ENABLED=0 (no openh264); rebuild with cgo or use a camera with H.264", cam.Name())
		}
	}
	for _, rf := range rawPreference {
		if f := cam.format(rf); f != nil {
			p.Format = rf
			p.Size, p.FPS = pickMode(f.Modes, want, cfg.FPS)
			return p, nil
		}
	}
	if f := cam.format(FourCCMJPEG); f != nil {
		// The smallest mode at least as large as asked, or the one asked.
		size, fps := pickMode(f.Modes, want, cfg.FPS)
		if !mjpegAffordable(inv.Arch, size) {
			small, sfps := pickMode(f.Modes, FrameSize{640, 480}, cfg.FPS)
			if small.Width*small.Height > 640*480 {
				return p, fmt.Errorf("device: %s offers no format intercomd can use: MJPEG only, at %s and larger; decoding MJPEG in Go costs ~34 ms per 720p frame on a fast x86 core and 10-15x that on a Pi (%s), too slow for live video; use a camera with YUYV or H.264", cam.Name(), small, inv.Arch)
			}
			p.Notes = append(p.Notes, fmt.Sprintf("MJPEG-only camera: %s instead of %s, as decoding MJPEG in Go on %s is slow", small, size, inv.Arch))
			size, fps = small, sfps
		}
		p.Format, p.Size, p.FPS = FourCCMJPEG, size, fps
		return p, nil
	}
	return p, fmt.Errorf("device: %s offers no format intercomd can use: %s; need H264, YU12, NV12, YUYV or MJPEG", cam.Name(), listFormats(cam))
}

func listFormats(n VideoNode) string {
	var s []string
	for _, f := range n.Formats {
		s = append(s, f.Format.String())
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// pickMode returns the mode closest to want: the exact size if offered, else
// the smallest one that covers it, else the largest; and the asked frame rate
// if offered, else the slowest faster one, else the fastest. A format without
// listed modes gets what was asked (the driver adjusts it).
func pickMode(modes []CameraMode, want FrameSize, fps int) (FrameSize, int) {
	if len(modes) == 0 {
		return want, fps
	}
	best := -1
	area := func(s FrameSize) int { return s.Width * s.Height }
	for i, m := range modes {
		if m.Size == want {
			best = i
			break
		}
		covers := m.Size.Width >= want.Width && m.Size.Height >= want.Height
		if !covers {
			continue
		}
		if best < 0 || area(m.Size) < area(modes[best].Size) {
			best = i
		}
	}
	if best < 0 {
		for i, m := range modes {
			if best < 0 || area(m.Size) > area(modes[best].Size) {
				best = i
			}
		}
	}
	m := modes[best]
	if len(m.FPS) == 0 || slices.Contains(m.FPS, fps) {
		return m.Size, fps
	}
	got := 0
	for _, r := range m.FPS {
		if r >= fps && (got == 0 || r < got) {
			got = r
		}
	}
	if got == 0 {
		got = slices.Max(m.FPS)
	}
	return m.Size, got
}
