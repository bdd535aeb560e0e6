package device

import (
	"fmt"
	"slices"
	"strings"
)

// FourCC is a V4L2 pixel format code, such as "YUYV" or "H264".
type FourCC uint32

// Pixel formats intercomd knows by name.
var (
	FourCCYUYV  = fourcc("YUYV")
	FourCCNV12  = fourcc("NV12")
	FourCCI420  = fourcc("YU12") // V4L2_PIX_FMT_YUV420: planar Y, U, V
	FourCCH264  = fourcc("H264")
	FourCCMJPEG = fourcc("MJPG")
	FourCCJPEG  = fourcc("JPEG")
	FourCCFWHT  = fourcc("FWHT")
)

func fourcc(s string) FourCC {
	return FourCC(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// String returns the four characters, with unprintable bytes as '?'.
func (f FourCC) String() string {
	b := []byte{byte(f), byte(f >> 8), byte(f >> 16), byte(f >> 24)}
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			b[i] = '?'
		}
	}
	return strings.TrimRight(string(b), " ")
}

// FrameSize is a width and height in pixels.
type FrameSize struct{ Width, Height int }

// String returns "WIDTHxHEIGHT".
func (s FrameSize) String() string { return fmt.Sprintf("%dx%d", s.Width, s.Height) }

// commonSizes are what a stepwise range is shown as.
var commonSizes = []FrameSize{{320, 240}, {640, 360}, {640, 480}, {800, 600}, {1280, 720}, {1920, 1080}}

// NodeKind is what a /dev/video* node is to intercomd.
type NodeKind int

// Node kinds, from most to least useful.
const (
	// NodeUnknown is the zero value: not classified.
	NodeUnknown NodeKind = iota
	// NodeCamera is a capture device intercomd can read frames from (a USB
	// UVC webcam, vivid in the lab).
	NodeCamera
	// NodeH264Encoder is a stateful memory-to-memory H.264 encoder
	// (bcm2835-codec-encode at /dev/video11 on a Pi Zero 2, 3 or 4).
	NodeH264Encoder
	// NodeEncoder is a stateful M2M encoder for another coded format (vicodec's
	// FWHT in the lab): useful only to test the M2M code.
	NodeEncoder
	// NodeCSI is a Pi camera module's receiver (unicam, rp1-cfe): it delivers
	// raw Bayer, which needs libcamera's ISP; use rpicam-vid instead.
	NodeCSI
	// NodeOther is anything else: metadata nodes, decoders, ISPs.
	NodeOther
)

// String returns a short name for the kind.
func (k NodeKind) String() string {
	switch k {
	case NodeCamera:
		return "camera"
	case NodeH264Encoder:
		return "H.264 encoder"
	case NodeEncoder:
		return "encoder"
	case NodeCSI:
		return "CSI camera receiver"
	case NodeOther:
		return "other"
	}
	return "unknown"
}

// CameraMode is one frame size a camera format offers, with its frame rates.
type CameraMode struct {
	Size FrameSize
	// FPS lists the frame rates (frames per second, rounded down), fastest
	// first when the driver says so; empty when the driver does not tell.
	FPS []int
}

// CameraFormat is one pixel format of a camera with the sizes it offers.
type CameraFormat struct {
	Format      FourCC
	Description string
	// Compressed is set for H.264, MJPEG and other coded formats; Emulated
	// for formats libv4l would convert in software (intercomd never uses them).
	Compressed, Emulated bool
	Modes                []CameraMode
}

// VideoNode is one /dev/video* node as Probe saw it.
type VideoNode struct {
	Path, Driver, Card, BusInfo string
	Kind                        NodeKind
	// Formats are a camera's capture formats (NodeCamera, NodeCSI).
	Formats []CameraFormat
	// Coded and Raw are an encoder's formats: Coded on its CAPTURE queue
	// (H264, FWHT), Raw on its OUTPUT queue (YU12, NV12, …).
	Coded, Raw []FourCC
	// Multiplanar is set when the node uses the multiplanar API.
	Multiplanar bool
	// Err is why the node could not be examined (busy, permissions).
	Err string
}

// Name is "path (card)", how messages name the node.
func (n VideoNode) Name() string {
	if n.Card == "" {
		return n.Path
	}
	return fmt.Sprintf("%s (%s)", n.Path, n.Card)
}

// Has reports whether a camera offers format f.
func (n VideoNode) Has(f FourCC) bool {
	return n.format(f) != nil
}

func (n VideoNode) format(f FourCC) *CameraFormat {
	for i := range n.Formats {
		if n.Formats[i].Format == f && !n.Formats[i].Emulated {
			return &n.Formats[i]
		}
	}
	return nil
}

// Inventory is what Probe found: video nodes, rpicam-vid, and which software
// encoder this binary has.
type Inventory struct {
	Nodes []VideoNode
	// Rpicam is the path of rpicam-vid (or the older libcamera-vid), empty
	// when neither is installed.
	Rpicam string
	// SoftwareH264 is set when this binary has the openh264 encoder (built
	// with cgo).
	SoftwareH264 bool
	// Arch is runtime.GOARCH: the MJPEG decision depends on it.
	Arch string
}

// Cameras returns the capture cameras intercomd can read.
func (inv Inventory) Cameras() []VideoNode { return inv.kind(NodeCamera) }

// H264Encoders returns the hardware H.264 encoders.
func (inv Inventory) H264Encoders() []VideoNode { return inv.kind(NodeH264Encoder) }

// CSI reports whether a Pi camera module receiver is present.
func (inv Inventory) CSI() bool { return len(inv.kind(NodeCSI)) > 0 }

func (inv Inventory) kind(k NodeKind) []VideoNode {
	var out []VideoNode
	for _, n := range inv.Nodes {
		if n.Kind == k {
			out = append(out, n)
		}
	}
	return out
}

// Node returns the node at path.
func (inv Inventory) Node(path string) (VideoNode, bool) {
	for _, n := range inv.Nodes {
		if n.Path == path {
			return n, true
		}
	}
	return VideoNode{}, false
}

// String is the human-readable listing `intercomd devices` prints: every
// node with its formats, rpicam-vid, the encoders, and what intercomd would
// choose with the default video configuration.
func (inv Inventory) String() string {
	var b strings.Builder
	if len(inv.Nodes) == 0 {
		b.WriteString("video devices: none (/dev/video* is empty)\n")
	}
	for _, n := range inv.Nodes {
		fmt.Fprintf(&b, "%s: %s", n.Name(), n.Kind)
		if n.Driver != "" {
			fmt.Fprintf(&b, ", driver %s", n.Driver)
		}
		if n.BusInfo != "" {
			fmt.Fprintf(&b, ", %s", n.BusInfo)
		}
		b.WriteString("\n")
		if n.Err != "" {
			fmt.Fprintf(&b, "    error: %s\n", n.Err)
		}
		switch n.Kind {
		case NodeCamera, NodeCSI:
			var others []string
			for _, f := range n.Formats {
				if !usableFormat(f.Format) {
					others = append(others, f.Format.String())
					continue
				}
				fmt.Fprintf(&b, "    %-4s %s", f.Format, f.Description)
				if f.Emulated {
					b.WriteString(" (emulated, unused)")
				}
				b.WriteString(":")
				for i, m := range f.Modes {
					if i == 8 {
						fmt.Fprintf(&b, " … (%d sizes)", len(f.Modes))
						break
					}
					fmt.Fprintf(&b, " %s", m.Size)
					if len(m.FPS) > 0 {
						fmt.Fprintf(&b, "@%d", slices.Max(m.FPS))
					}
				}
				b.WriteString("\n")
			}
			if len(others) > 0 {
				fmt.Fprintf(&b, "    and %d formats intercomd does not use: %s\n", len(others), strings.Join(others, ","))
			}
			if n.Kind == NodeCSI {
				b.WriteString("    raw Bayer from a camera module: intercomd reads it through rpicam-vid\n")
			}
		case NodeH264Encoder, NodeEncoder:
			fmt.Fprintf(&b, "    %s → %s\n", joinFourCC(n.Raw), joinFourCC(n.Coded))
		}
	}
	switch {
	case inv.Rpicam != "":
		fmt.Fprintf(&b, "rpicam-vid: %s\n", inv.Rpicam)
	default:
		b.WriteString("rpicam-vid: not installed (needed only for Pi camera modules: apt install rpicam-apps)\n")
	}
	if inv.SoftwareH264 {
		b.WriteString("software H.264 encoder: openh264\n")
	} else {
		b.WriteString("software H.264 encoder: none (built with CGO_ENABLED=0)\n")
	}
	plan, err := inv.Choose(VideoConfig{})
	if err != nil {
		fmt.Fprintf(&b, "intercomd would use: the synthetic test pattern (%v)\n", err)
	} else {
		fmt.Fprintf(&b, "intercomd would use: %s\n", plan)
	}
	return b.String()
}

// usableFormat reports whether intercomd can send a camera format: H.264
// as it is, the rest through an encoder.
func usableFormat(f FourCC) bool {
	return f == FourCCH264 || f == FourCCMJPEG || f == FourCCJPEG || slices.Contains(rawPreference, f)
}

func joinFourCC(fs []FourCC) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.String()
	}
	return strings.Join(s, ",")
}

// isBayer reports whether f is a raw Bayer (or packed CSI-2 raw) format.
func isBayer(f FourCC, desc string) bool {
	if strings.Contains(strings.ToLower(desc), "bayer") {
		return true
	}
	s := f.String()
	switch s {
	case "BA81", "GBRG", "GRBG", "RGGB":
		return true
	}
	// 10/12/14/16-bit and packed variants: BG10, pBAA, pRCC, …
	if len(s) == 4 && (s[0] == 'p' || s[0] == 'B' || s[0] == 'G' || s[0] == 'R') &&
		(strings.HasSuffix(s, "10") || strings.HasSuffix(s, "12") || strings.HasSuffix(s, "14") || strings.HasSuffix(s, "16") || strings.HasSuffix(s, "AA") || strings.HasSuffix(s, "CC") || strings.HasSuffix(s, "EE")) {
		return true
	}
	return false
}
