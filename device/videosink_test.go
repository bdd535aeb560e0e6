package device

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
)

// packetize turns the recorded test stream into RTP packets as a sender would.
func packetize(t testing.TB) (aus [][]byte, packets [][]byte) {
	t.Helper()
	f, err := os.Open("testdata/doorbell-320x240.h264")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewAnnexBReader(f)
	p := rtp.NewPacketizer(1200, 102, 0x1234, &codecs.H264Payloader{}, rtp.NewRandomSequencer(), 90000)
	for {
		au, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		aus = append(aus, au)
		for _, pkt := range p.Packetize(au, 6000) {
			b, err := pkt.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			packets = append(packets, b)
		}
	}
	if len(aus) < 5 || !HasIDR(aus[0]) {
		t.Fatalf("test stream: %d access units, first has IDR: %v", len(aus), len(aus) > 0 && HasIDR(aus[0]))
	}
	return aus, packets
}

// readAUs parses an Annex-B file back into access units.
func readAUs(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewAnnexBReader(f)
	var out [][]byte
	for {
		au, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, au)
	}
}

func TestVideoSinkWritesTheStreamToAFile(t *testing.T) {
	aus, packets := packetize(t)
	path := filepath.Join(t.TempDir(), "call-{call}.h264")
	s, err := OpenVideoSink("file:"+path, "c1", "video/H264", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range packets {
		if err := s.WriteRTP(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got := readAUs(t, strings.ReplaceAll(path, "{call}", "c1"))
	if len(got) != len(aus) {
		t.Fatalf("%d access units out, %d in", len(got), len(aus))
	}
	for i := range aus {
		if !bytes.Equal(stripStartCodes(got[i]), stripStartCodes(aus[i])) {
			t.Fatalf("access unit %d differs", i)
		}
	}
}

// stripStartCodes compares NAL payloads whatever start code length was used.
func stripStartCodes(au []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(au, []byte{0, 0, 0, 1}, []byte{0, 0, 1}), []byte{0, 0, 1}, nil)
}

func TestVideoSinkResyncsOnAKeyframeAfterLoss(t *testing.T) {
	aus, packets := packetize(t)
	path := filepath.Join(t.TempDir(), "lossy.h264")
	s, err := OpenVideoSink("file:"+path, "c2", "video/H264", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range packets {
		if i == 3 {
			continue // one packet lost in the first picture
		}
		s.WriteRTP(p)
	}
	s.Close()
	got := readAUs(t, path)
	if len(got) == 0 || !hasSPS(got[0]) {
		t.Fatalf("after a loss the stream must restart on a keyframe; got %d access units", len(got))
	}
	if len(got) >= len(aus) {
		t.Fatalf("%d access units out of %d in: the damaged ones were not skipped", len(got), len(aus))
	}
}

func TestVideoSinkToAProgram(t *testing.T) {
	_, packets := packetize(t)
	path := filepath.Join(t.TempDir(), "piped.h264")
	s, err := OpenVideoSink("exec:cat > "+path, "c3", "video/H264", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range packets {
		s.WriteRTP(p)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := readAUs(t, path); len(got) == 0 || !HasIDR(got[0]) {
		t.Fatalf("the program received %d access units", len(got))
	}
}

func TestVideoSinkRefusesWhatItCannotDo(t *testing.T) {
	for _, tc := range []struct{ spec, mime, want string }{
		{"file:/x", "video/VP8", "only H.264"},
		{"udp:1.2.3.4", "video/H264", "file:PATH or exec:COMMAND"},
		{"file:", "video/H264", "file:PATH or exec:COMMAND"},
		{"file:/nonexistent-dir/x.h264", "video/H264", "no such file"},
	} {
		if _, err := OpenVideoSink(tc.spec, "c", tc.mime, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("OpenVideoSink(%q, %s) = %v, want %q", tc.spec, tc.mime, err, tc.want)
		}
	}
	if err := ValidVideoSink("exec:ffplay -"); err != nil {
		t.Error(err)
	}
	if err := ValidVideoSink("tcp:x"); err == nil {
		t.Error("tcp:x accepted")
	}
	if _, packets := packetize(t); true {
		s, _ := OpenVideoSink("file:"+filepath.Join(t.TempDir(), "x"), "c", "video/H264", nil)
		if err := s.WriteRTP([]byte{1, 2, 3}); err == nil {
			t.Error("a packet that is not RTP was accepted")
		}
		s.WriteRTP(packets[0])
		s.Close()
	}
}

// FuzzVideoSinkRTP feeds the sink arbitrary packets, as a hostile peer could:
// nothing may panic and Close must still work.
func FuzzVideoSinkRTP(f *testing.F) {
	_, packets := packetize(f)
	for _, p := range packets[:6] {
		f.Add(p)
	}
	f.Add([]byte{0x80, 102, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0x7c, 0x45})
	f.Fuzz(func(t *testing.T, packet []byte) {
		s, err := OpenVideoSink("file:/dev/null", "fuzz", "video/H264", nil)
		if err != nil {
			t.Fatal(err)
		}
		_ = s.WriteRTP(packet)
		_ = s.WriteRTP(packet)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})
}
