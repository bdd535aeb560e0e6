//go:build cgo

package device

import (
	"math"
	"testing"

	"github.com/pion/webrtc/v4"
)

// TestAudioSendsG711ToPeersWithoutOpus: the microphone (a 44.1 kHz card)
// goes to a PCMU call as 160-byte µ-law packets that hold its 1 kHz tone,
// to a PCMA call as A-law, and to an Opus call as Opus, all at once; each
// codec is encoded once per 20 ms whatever the number of calls using it.
func TestAudioSendsG711ToPeersWithoutOpus(t *testing.T) {
	card := newFakeSoundCard()
	card.capRate = 44100
	card.gen = func(i int) int16 { return int16(8000 * math.Sin(2*math.Pi*1000*float64(i)/44100)) }
	a, _, _ := newTestAudio(t, card, AudioConfig{EchoCancel: EchoCancelOff})
	track := a.AudioTrack()
	pcmu := &codecsBinding{fakeBinding: fakeBinding{id: "u"}, codecs: []webrtc.RTPCodecParameters{pcmuParams}}
	if _, err := track.Bind(pcmu); err != nil {
		t.Fatal(err)
	}
	eventually(t, "25 PCMU packets", func() bool { return pcmu.count() >= 25 })
	if st := a.Stats(); st.EncodeTime <= 0 || st.PacketsSent == 0 {
		t.Errorf("stats %+v: want G.711 packets counted", st)
	}
	pcma := &codecsBinding{fakeBinding: fakeBinding{id: "a"}, codecs: []webrtc.RTPCodecParameters{pcmaParams}}
	opus := &codecsBinding{fakeBinding: fakeBinding{id: "o"}, codecs: []webrtc.RTPCodecParameters{pcmuParams, opusParams}}
	for _, b := range []*codecsBinding{pcma, opus} {
		if _, err := track.Bind(b); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, "25 packets of each codec", func() bool { return pcma.count() >= 25 && opus.count() >= 25 })
	for _, b := range []*codecsBinding{pcmu, pcma, opus} {
		if err := track.Unbind(b); err != nil {
			t.Fatal(err)
		}
	}
	a.Close()

	for _, c := range []struct {
		b      *codecsBinding
		pt     uint8
		decode func([]int16, []byte) []int16
	}{{pcmu, 0, DecodeULaw}, {pcma, 8, DecodeALaw}} {
		var pcm []int16
		for i, p := range c.b.payloads {
			if len(p) != g711Samples || c.b.pts[i] != c.pt {
				t.Fatalf("packet %d: %d bytes, payload type %d; want %d bytes, type %d", i, len(p), c.b.pts[i], g711Samples, c.pt)
			}
			pcm = c.decode(pcm, p)
		}
		tail := pcm[len(pcm)/2:]
		if p := goertzel(tail, 8000, 1000); p < 0.9 {
			t.Errorf("payload type %d: %.2f of the power at 1 kHz; want >= 0.9", c.pt, p)
		}
		if r := rms(tail); math.Abs(20*math.Log10(r/(8000/math.Sqrt2))) > 1 {
			t.Errorf("payload type %d: RMS %.0f; want %.0f ±1 dB", c.pt, r, 8000/math.Sqrt2)
		}
	}
	for i, pt := range opus.pts {
		if pt != 111 {
			t.Fatalf("Opus binding got payload type %d at packet %d", pt, i)
		}
	}
	if p := goertzel(decodePayloads(t, opus.payloads[5:]), audioRate, 1000); p < 0.8 {
		t.Errorf("Opus call: %.2f of the power at 1 kHz; want >= 0.8", p)
	}
}
