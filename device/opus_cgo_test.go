//go:build cgo

package device

import (
	"testing"
)

// opusRoundTrip encodes pcm in 20 ms frames and decodes them back.
func opusRoundTrip(t testing.TB, pcm []int16, bitRate int) []int16 {
	enc, err := NewOpusEncoder(bitRate)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	dec, err := NewOpusDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []int16
	buf := make([]int16, opusMaxFrameSamples48k)
	for i := 0; i+audioSamples <= len(pcm); i += audioSamples {
		pkt, err := enc.Encode(pcm[i : i+audioSamples])
		if err != nil {
			t.Fatal(err)
		}
		n, err := dec.Decode(pkt, buf)
		if err != nil {
			t.Fatal(err)
		}
		if n != audioSamples {
			t.Fatalf("decoded %d samples, want %d", n, audioSamples)
		}
		out = append(out, buf[:n]...)
	}
	return out
}

func TestOpusRoundTripTone(t *testing.T) {
	in := sine(audioRate, audioRate, 1000, 10000)
	out := opusRoundTrip(t, in, 32000)
	snr, lag := bestLagSNR(in, out, audioRate/5, 480)
	t.Logf("1 kHz tone at 32 kbit/s: SNR %.1f dB at a delay of %d samples", snr, lag)
	if snr < 15 {
		t.Errorf("SNR %.1f dB, want >= 15", snr)
	}
	if p := goertzel(out[audioRate/5:], audioRate, 1000); p < 0.9 {
		t.Errorf("decoded tone holds %.2f of its power at 1 kHz; want >= 0.9", p)
	}
}

func TestOpusDecodeConcealsAndRejects(t *testing.T) {
	dec, err := NewOpusDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	buf := make([]int16, audioSamples)
	if n, err := dec.Decode(nil, buf); err != nil || n != audioSamples {
		t.Errorf("concealment: %d samples, %v; want %d, nil", n, err, audioSamples)
	}
	// Garbage from the network must give an error, not a crash.
	big := make([]int16, opusMaxFrameSamples48k)
	for _, pkt := range [][]byte{{0xff, 0xff, 0xff}, {0x03}, make([]byte, 1400)} {
		_, _ = dec.Decode(pkt, big)
	}
	if _, err := dec.Decode([]byte{0xfc, 0xff, 0xfe}, make([]int16, 10)); err == nil {
		t.Error("decoding a 20 ms packet into 10 samples did not fail")
	}
}

func BenchmarkOpusEncode20ms(b *testing.B) {
	enc, err := NewOpusEncoder(32000)
	if err != nil {
		b.Fatal(err)
	}
	defer enc.Close()
	pcm := toInt16(speechLike(audioRate, audioRate, 1, 12000))
	i := 0
	for b.Loop() {
		if _, err := enc.Encode(pcm[i : i+audioSamples]); err != nil {
			b.Fatal(err)
		}
		i = (i + audioSamples) % (len(pcm) - audioSamples)
	}
}

func BenchmarkOpusDecode20ms(b *testing.B) {
	enc, err := NewOpusEncoder(32000)
	if err != nil {
		b.Fatal(err)
	}
	defer enc.Close()
	pcm := toInt16(speechLike(audioRate, audioRate, 1, 12000))
	var pkts [][]byte
	for i := 0; i+audioSamples <= len(pcm); i += audioSamples {
		p, _ := enc.Encode(pcm[i : i+audioSamples])
		pkts = append(pkts, append([]byte(nil), p...))
	}
	dec, _ := NewOpusDecoder()
	defer dec.Close()
	out := make([]int16, opusMaxFrameSamples48k)
	i := 0
	for b.Loop() {
		if _, err := dec.Decode(pkts[i], out); err != nil {
			b.Fatal(err)
		}
		i = (i + 1) % len(pkts)
	}
}
