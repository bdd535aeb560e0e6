//go:build linux

package device

import "testing"

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name string
		n    VideoNode
		caps uint32
		want NodeKind
	}{
		{"uvc webcam", VideoNode{Driver: "uvcvideo", Formats: []CameraFormat{{Format: FourCCYUYV}, {Format: FourCCMJPEG}}}, capVideoCapture | capStreaming, NodeCamera},
		{"uvc metadata node", VideoNode{Driver: "uvcvideo"}, capMetaCapture | capStreaming, NodeOther},
		{"bcm2835-codec-encode", VideoNode{Driver: "bcm2835-codec", Coded: []FourCC{FourCCH264}, Raw: []FourCC{FourCCI420, FourCCNV12}}, capVideoM2MMplane | capStreaming, NodeH264Encoder},
		{"bcm2835-codec-decode", VideoNode{Driver: "bcm2835-codec", Coded: []FourCC{FourCCI420}, Raw: []FourCC{FourCCH264}}, capVideoM2MMplane | capStreaming, NodeOther},
		{"vicodec encoder", VideoNode{Driver: "vicodec", Coded: []FourCC{FourCCFWHT}, Raw: []FourCC{FourCCI420}}, capVideoM2MMplane | capStreaming, NodeEncoder},
		{"unicam", VideoNode{Driver: "unicam", Formats: []CameraFormat{{Format: fourcc("pRAA")}}}, capVideoCapture | capStreaming, NodeCSI},
		{"bayer-only capture", VideoNode{Driver: "somecsi", Formats: []CameraFormat{{Format: fourcc("RGGB")}, {Format: fourcc("pBAA")}}}, capVideoCapture, NodeCSI},
		{"capture with no formats", VideoNode{Driver: "x"}, capVideoCapture, NodeOther},
		{"emulated formats only", VideoNode{Driver: "x", Formats: []CameraFormat{{Format: FourCCYUYV, Emulated: true}}}, capVideoCapture, NodeOther},
	} {
		n := c.n
		classify(&n, c.caps)
		if n.Kind != c.want {
			t.Errorf("%s: %v, want %v", c.name, n.Kind, c.want)
		}
	}
}

// TestProbeHere runs Probe on this machine: it must not fail, whatever
// /dev holds.
func TestProbeHere(t *testing.T) {
	inv, err := Probe()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", inv)
	if inv.SoftwareH264 != haveOpenH264 {
		t.Errorf("SoftwareH264 %v, build has openh264 %v", inv.SoftwareH264, haveOpenH264)
	}
}
