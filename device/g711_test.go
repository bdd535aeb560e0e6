package device

import (
	"math"
	"testing"
)

// TestG711RoundTrip checks every code word survives decode→encode, and that a
// full-scale sweep of samples comes back within the codec's step size.
func TestG711RoundTrip(t *testing.T) {
	codecs := []struct {
		name string
		enc  func([]byte, []int16) []byte
		dec  func([]int16, []byte) []int16
	}{
		{"PCMU", EncodeULaw, DecodeULaw},
		{"PCMA", EncodeALaw, DecodeALaw},
	}
	for _, c := range codecs {
		t.Run(c.name, func(t *testing.T) {
			for b := range 256 {
				pcm := c.dec(nil, []byte{byte(b)})
				got := c.enc(nil, pcm)[0]
				// µ-law has two zeros (0x7f, 0xff); both decode to 0.
				if got != byte(b) && pcm[0] != 0 {
					t.Errorf("code %#02x decodes to %d, which encodes to %#02x", b, pcm[0], got)
				}
			}
			for s := math.MinInt16; s <= math.MaxInt16; s += 7 {
				in := int16(s)
				out := c.dec(nil, c.enc(nil, []int16{in}))[0]
				diff := math.Abs(float64(out) - float64(in))
				// Logarithmic quantisation: error grows with magnitude, at most
				// 1/16 of it plus the smallest step.
				limit := math.Abs(float64(in))/16 + 24
				if diff > limit {
					t.Fatalf("%d → %d: error %g above %g", in, out, diff, limit)
				}
			}
		})
	}
}

// TestG711KnownValues pins a few code words to ITU-T G.711 tables.
func TestG711KnownValues(t *testing.T) {
	if got := EncodeULaw(nil, []int16{0})[0]; got != 0xff {
		t.Errorf("µ-law of 0 = %#02x, want 0xff", got)
	}
	if got := EncodeALaw(nil, []int16{0})[0]; got != 0xd5 {
		t.Errorf("A-law of 0 = %#02x, want 0xd5", got)
	}
	if got := DecodeULaw(nil, []byte{0x80})[0]; got != 32124 {
		t.Errorf("µ-law 0x80 = %d, want 32124", got)
	}
	if got := DecodeALaw(nil, []byte{0xaa})[0]; got != 32256 {
		t.Errorf("A-law 0xaa = %d, want 32256", got)
	}
	// A 1 kHz tone keeps a signal-to-noise ratio above 35 dB (G.711's ~38 dB).
	tone := make([]int16, 8000)
	for i := range tone {
		tone[i] = int16(10000 * math.Sin(2*math.Pi*1000*float64(i)/8000+0.3))
	}
	for name, out := range map[string][]int16{
		"PCMU": DecodeULaw(nil, EncodeULaw(nil, tone)),
		"PCMA": DecodeALaw(nil, EncodeALaw(nil, tone)),
	} {
		if snr := snrDB(tone, out); snr < 35 {
			t.Errorf("%s SNR %.1f dB, want >= 35", name, snr)
		}
	}
}

func BenchmarkG711DecodeULaw20ms(b *testing.B) {
	in := EncodeULaw(nil, make([]int16, 160))
	out := make([]int16, 0, 160)
	for b.Loop() {
		out = DecodeULaw(out[:0], in)
	}
}
