package device

import (
	"strings"
	"testing"
)

func withProc(t *testing.T, dir string) {
	t.Helper()
	oldProc, oldDev := procAsound, devSnd
	procAsound, devSnd = "testdata/audio/"+dir+"/asound", "testdata/audio/"+dir+"/snd"
	t.Cleanup(func() { procAsound, devSnd = oldProc, oldDev })
}

func TestProbeAudioAndResolve(t *testing.T) {
	withProc(t, "proc-pi")
	d := ProbeAudio()
	if d.Err != nil || len(d.Cards) != 3 || len(d.PCMs) != 3 {
		t.Fatalf("probe: %+v", d)
	}
	if c := d.PCMs[2]; c.Card.ID != "Device" || c.Capture != 1 || c.Playback != 1 || len(c.Missing) != 1 {
		t.Errorf("USB card: %+v (its capture node is missing from testdata)", c)
	}
	for _, tc := range []struct {
		name    string
		capture bool
		want    string // hw name or error substring
	}{
		{"default", true, "hw:2,0"},
		{"default", false, "hw:1,0"}, // headphones before HDMI
		{"hw:2,0", true, "hw:2,0"},
		{"plughw:2,0", false, "hw:2,0"},
		{"hw:2", true, "hw:2,0"},
		{"hw:CARD=Device,DEV=0", true, "hw:2,0"},
		{"hw:Device", true, "hw:2,0"},
		{"hw:5,0", true, "device: ALSA capture hw:5,0: no such card; cards: 0 (vc4-hdmi-0), 1 (bcm2835 Headphones), 2 (USB PnP Sound Device)"},
		{"hw:1,0", true, "card 1 has no capture device"},
		{"hw:2,3", false, "card 2 has no playback device 3; its playback devices: 0"},
		{"dmix", false, "hardware devices only"},
		{"hw:x,y", true, "no such card"},
		{"hw:2,y", true, "not a number"},
	} {
		p, err := d.Resolve(tc.name, tc.capture)
		got := p.HW()
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("Resolve(%q, capture=%v) = %q, want %q", tc.name, tc.capture, got, tc.want)
		}
	}
	s := d.String()
	for _, want := range []string{"hw:2,0   USB Audio", "[default]", "missing testdata/audio/proc-pi/snd/pcmC2D0c"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
}

func TestProbeAudioWithoutSound(t *testing.T) {
	withProc(t, "no-such-dir")
	d := ProbeAudio()
	if d.Err == nil || len(d.PCMs) != 0 {
		t.Fatalf("probe without /proc/asound: %+v", d)
	}
	if _, err := d.Resolve("default", true); err == nil || !strings.Contains(err.Error(), "cards: none") {
		t.Errorf("Resolve without cards: %v", err)
	}
	if !strings.Contains(d.String(), "none") {
		t.Errorf("String: %s", d.String())
	}
}
