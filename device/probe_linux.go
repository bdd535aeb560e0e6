//go:build linux

package device

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Probe lists /dev/video*, asks each node what it is (VIDIOC_QUERYCAP, its
// formats, sizes and frame rates) and looks for rpicam-vid. A node that
// cannot be opened is listed with the reason; Probe fails only when
// /dev cannot be read.
func Probe() (Inventory, error) {
	paths, err := filepath.Glob("/dev/video*")
	if err != nil {
		return Inventory{}, err
	}
	sort.Slice(paths, func(i, j int) bool { return videoIndex(paths[i]) < videoIndex(paths[j]) })
	inv := Inventory{Rpicam: findRpicam(), SoftwareH264: haveOpenH264, Arch: runtime.GOARCH}
	for _, p := range paths {
		inv.Nodes = append(inv.Nodes, probeNode(p))
	}
	return inv, nil
}

// videoIndex orders /dev/video2 before /dev/video10.
func videoIndex(p string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(p, "/dev/video"))
	if err != nil {
		return 1 << 30
	}
	return n
}

// findRpicam returns the path of rpicam-vid, or of libcamera-vid (its name
// before Bookworm), or "".
func findRpicam() string {
	for _, name := range []string{"rpicam-vid", "libcamera-vid"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// probeNode opens one node and describes it.
func probeNode(path string) VideoNode {
	vn := VideoNode{Path: path}
	n, err := openV4L2(path)
	if err != nil {
		vn.Err = err.Error()
		vn.Kind = NodeOther
		return vn
	}
	defer n.close()
	vn.Driver = cstr(n.cap.Driver[:])
	vn.Card = cstr(n.cap.Card[:])
	vn.BusInfo = cstr(n.cap.BusInfo[:])
	caps := n.cap.caps()
	vn.Multiplanar = caps&(capVideoM2MMplane|capVideoCaptureMplane|capVideoOutputMplane) != 0
	m2m := caps&(capVideoM2M|capVideoM2MMplane) != 0
	capType, outType := uint32(bufTypeVideoCapture), uint32(bufTypeVideoOutput)
	if vn.Multiplanar {
		capType, outType = bufTypeVideoCaptureMplane, bufTypeVideoOutputMplane
	}
	if m2m {
		for _, d := range n.formats(capType) {
			vn.Coded = append(vn.Coded, FourCC(d.PixelFormat))
		}
		for _, d := range n.formats(outType) {
			vn.Raw = append(vn.Raw, FourCC(d.PixelFormat))
		}
	} else if caps&(capVideoCapture|capVideoCaptureMplane) != 0 {
		for _, d := range n.formats(capType) {
			f := CameraFormat{
				Format:      FourCC(d.PixelFormat),
				Description: cstr(d.Description[:]),
				Compressed:  d.Flags&fmtFlagCompressed != 0,
				Emulated:    d.Flags&fmtFlagEmulated != 0,
			}
			for _, s := range n.frameSizes(f.Format) {
				f.Modes = append(f.Modes, CameraMode{Size: s, FPS: n.frameRates(f.Format, s)})
			}
			vn.Formats = append(vn.Formats, f)
		}
	}
	classify(&vn, caps)
	return vn
}

// classify decides what a node is from its driver name, capabilities and
// formats. It is separate from the ioctls so tests can feed it.
func classify(n *VideoNode, caps uint32) {
	m2m := caps&(capVideoM2M|capVideoM2MMplane) != 0 ||
		(caps&(capVideoCapture|capVideoCaptureMplane) != 0 && caps&(capVideoOutput|capVideoOutputMplane) != 0)
	switch {
	case m2m:
		rawIn := false
		for _, f := range n.Raw {
			if f == FourCCI420 || f == FourCCNV12 || f == FourCCYUYV || f == fourcc("NV21") || f == fourcc("YV12") {
				rawIn = true
			}
		}
		switch {
		case rawIn && slices.Contains(n.Coded, FourCCH264):
			n.Kind = NodeH264Encoder
		case rawIn && len(n.Coded) > 0:
			n.Kind = NodeEncoder
		default:
			n.Kind = NodeOther
		}
	case caps&(capVideoCapture|capVideoCaptureMplane) != 0:
		if n.Driver == "unicam" || n.Driver == "rp1-cfe" || n.Driver == "bcm2835-unicam" {
			n.Kind = NodeCSI
			return
		}
		usable, bayer := 0, 0
		for _, f := range n.Formats {
			if isBayer(f.Format, f.Description) {
				bayer++
			} else if !f.Emulated {
				usable++
			}
		}
		switch {
		case usable > 0:
			n.Kind = NodeCamera
		case bayer > 0:
			n.Kind = NodeCSI
		default:
			n.Kind = NodeOther
		}
	default:
		n.Kind = NodeOther
	}
}
