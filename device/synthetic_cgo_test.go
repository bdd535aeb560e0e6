//go:build cgo

package device

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// encodeFrames draws and encodes n frames at cfg's size and rate and returns
// the access units and the timestamps drawn into them.
func encodeFrames(t testing.TB, cfg SyntheticConfig, n int) ([][]byte, []Timestamp) {
	cfg = cfg.withDefaults()
	enc, err := newOpenH264(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.close()
	p := newPattern(cfg.Width, cfg.Height)
	start := time.UnixMilli(1764213000000)
	var aus [][]byte
	var stamps []Timestamp
	for i := range n {
		ts := Timestamp{Time: start.Add(time.Duration(i) * time.Second / time.Duration(cfg.FrameRate)).Truncate(time.Millisecond), Frame: uint32(i)}
		p.draw(ts)
		au, err := enc.encode(p.frame, i == 0)
		if err != nil {
			t.Fatal(err)
		}
		aus = append(aus, au)
		stamps = append(stamps, ts)
	}
	return aus, stamps
}

func TestOpenH264StreamIsConstrainedBaseline(t *testing.T) {
	aus, _ := encodeFrames(t, SyntheticConfig{}, 3)
	if !HasIDR(aus[0]) {
		t.Fatal("first access unit is not an IDR")
	}
	if HasIDR(aus[1]) {
		t.Fatal("second access unit is an IDR; expected a P frame")
	}
	// SPS: start code, NAL header 0x67, profile_idc, constraint flags, level.
	i := bytes.Index(aus[0], []byte{0, 0, 1, 0x67})
	if i < 0 || i+7 > len(aus[0]) {
		t.Fatal("no SPS in the first access unit")
	}
	profile, flags := aus[0][i+4], aus[0][i+5]
	if profile != 66 || flags&0x40 == 0 {
		t.Fatalf("SPS profile_idc %d constraint flags %#x; want 66 (baseline) with constraint_set1 (constrained)", profile, flags)
	}
}

// TestTimestampSurvivesH264 encodes the pattern with openh264 and decodes it
// with ffmpeg (mediadevices has no H.264 decoder): every frame's code must
// read back exactly.
func TestTimestampSurvivesH264(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed (apt-get install ffmpeg): cannot decode H.264 here")
	}
	for _, rate := range []int{150_000, 600_000} {
		cfg := SyntheticConfig{VideoBitRate: rate}.withDefaults()
		aus, stamps := encodeFrames(t, cfg, 45)
		file := filepath.Join(t.TempDir(), "pattern.h264")
		if err := os.WriteFile(file, bytes.Join(aus, nil), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(ffmpeg, "-v", "error", "-f", "h264", "-i", file, "-f", "rawvideo", "-pix_fmt", "gray", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg: %v", err)
		}
		size := cfg.Width * cfg.Height
		if len(out) != size*len(aus) {
			t.Fatalf("ffmpeg decoded %d bytes, want %d frames of %d", len(out), len(aus), size)
		}
		for i := range aus {
			img := &image.Gray{Pix: out[i*size : (i+1)*size], Stride: cfg.Width, Rect: image.Rect(0, 0, cfg.Width, cfg.Height)}
			got, err := DecodeTimestamp(img)
			if err != nil {
				t.Fatalf("%d bit/s frame %d: %v", rate, i, err)
			}
			if !got.Time.Equal(stamps[i].Time) || got.Frame != stamps[i].Frame {
				t.Fatalf("%d bit/s frame %d: decoded %d/%d, want %d/%d", rate, i, got.Time.UnixMilli(), got.Frame, stamps[i].Time.UnixMilli(), stamps[i].Frame)
			}
		}
	}
}

func TestNewSyntheticStartsIdleAndCloses(t *testing.T) {
	defer goleak.VerifyNone(t)
	s, err := NewSynthetic(SyntheticConfig{})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if st := s.Stats(); st.VideoFrames != 0 || st.AudioPackets != 0 {
		t.Fatalf("an unbound source encoded: %+v", st)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal("second Close:", err)
	}
}

func TestOpusEncodes20ms(t *testing.T) {
	enc, err := newOpus(SyntheticConfig{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer enc.close()
	tn := newTone(440, audioRate)
	pcm := make([]int16, audioSamples)
	for range 10 {
		tn.fill(pcm)
		pkt, err := enc.encode(pcm)
		if err != nil {
			t.Fatal(err)
		}
		// TOC byte: config 0..31; 20 ms frames are configs 1, 5, 9, 13, 15, 19, 23, 27, 31... check the duration bits.
		if len(pkt) == 0 {
			t.Fatal("empty Opus packet")
		}
		if d := opusFrameMillis(pkt[0]); d != 20 {
			t.Fatalf("Opus TOC %#x says %g ms frames, want 20", pkt[0], d)
		}
	}
	if _, err := enc.encode(pcm[:10]); err == nil {
		t.Fatal("encoding a short frame succeeded")
	}
}

// opusFrameMillis decodes the frame duration from an Opus TOC byte (RFC 6716 §3.1).
func opusFrameMillis(toc byte) float64 {
	config := toc >> 3
	switch {
	case config < 12: // SILK: 10, 20, 40, 60
		return []float64{10, 20, 40, 60}[config%4]
	case config < 16: // hybrid: 10, 20
		return []float64{10, 20}[config%2]
	default: // CELT: 2.5, 5, 10, 20
		return []float64{2.5, 5, 10, 20}[config%4]
	}
}

// BenchmarkVideoFrame640x360 measures drawing plus encoding one P frame of the
// default pattern (ms/frame), the CPU an active synthetic source spends per frame.
func BenchmarkVideoFrame640x360(b *testing.B) {
	cfg := SyntheticConfig{}.withDefaults()
	enc, err := newOpenH264(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer enc.close()
	p := newPattern(cfg.Width, cfg.Height)
	start := time.Now()
	bytes := 0
	for i := 0; b.Loop(); i++ {
		p.draw(Timestamp{Time: start.Add(time.Duration(i) * time.Second / 15), Frame: uint32(i)})
		au, err := enc.encode(p.frame, i == 0)
		if err != nil {
			b.Fatal(err)
		}
		bytes += len(au)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
	// What the default 15 fps stream costs on the wire with frame skipping off.
	b.ReportMetric(float64(bytes)*8*15/1000/float64(b.N), "kbit/s@15fps")
}

// BenchmarkKeyframe640x360 measures a forced keyframe, what a connecting call waits for.
func BenchmarkKeyframe640x360(b *testing.B) {
	cfg := SyntheticConfig{}.withDefaults()
	enc, err := newOpenH264(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer enc.close()
	p := newPattern(cfg.Width, cfg.Height)
	for i := 0; b.Loop(); i++ {
		p.draw(Timestamp{Time: time.Now(), Frame: uint32(i)})
		if _, err := enc.encode(p.frame, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkDrawPattern640x360 measures the drawing alone.
func BenchmarkDrawPattern640x360(b *testing.B) {
	p := newPattern(640, 360)
	now := time.Now()
	for i := 0; b.Loop(); i++ {
		p.draw(Timestamp{Time: now, Frame: uint32(i)})
	}
}

// BenchmarkOpusPacket measures generating and encoding 20 ms of beep.
func BenchmarkOpusPacket(b *testing.B) {
	enc, err := newOpus(SyntheticConfig{}.withDefaults())
	if err != nil {
		b.Fatal(err)
	}
	defer enc.close()
	tn := newTone(440, audioRate)
	pcm := make([]int16, audioSamples)
	for b.Loop() {
		tn.fill(pcm)
		if _, err := enc.encode(pcm); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/packet")
}
