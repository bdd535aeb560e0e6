package device

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"testing"
	"testing/iotest"
	"time"
)

// doorbellStream is a recorded stream: 30 frames of 320x240 constrained
// baseline H.264 at 15 fps, an IDR with SPS and PPS every 10 frames (made
// with ffmpeg -c:v libx264 -profile:v baseline -g 10 -bf 0, repeat-headers).
func doorbellStream(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/doorbell-320x240.h264")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readAll(t testing.TB, a *AnnexBReader) [][]byte {
	t.Helper()
	var out [][]byte
	for {
		au, err := a.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("Next after %d access units: %v", len(out), err)
		}
		out = append(out, au)
	}
}

// nalTypes lists the NAL unit types of an access unit.
func nalTypes(au []byte) []byte {
	var ts []byte
	forEachNAL(au, func(n []byte) { ts = append(ts, n[0]&0x1f) })
	return ts
}

func TestAnnexBReaderSplitsRecordedStream(t *testing.T) {
	aus := readAll(t, NewAnnexBReader(bytes.NewReader(doorbellStream(t))))
	if len(aus) != 30 {
		t.Fatalf("%d access units, want 30", len(aus))
	}
	for i, au := range aus {
		if !bytes.HasPrefix(au, []byte{0, 0, 0, 1}) {
			t.Errorf("access unit %d does not start with a 4-byte start code: % x", i, au[:min(8, len(au))])
		}
		ts := nalTypes(au)
		slices := 0
		for _, ty := range ts {
			if ty == 1 || ty == 5 {
				slices++
			}
		}
		if slices != 1 {
			t.Errorf("access unit %d has NAL types %v: want exactly one slice", i, ts)
		}
		key := i%10 == 0
		if HasIDR(au) != key {
			t.Errorf("access unit %d: IDR %v, want %v (NAL types %v)", i, HasIDR(au), key, ts)
		}
		if key && !(bytes.Contains(ts, []byte{7}) && bytes.Contains(ts, []byte{8})) {
			t.Errorf("keyframe %d lacks SPS/PPS: NAL types %v", i, ts)
		}
	}
	// Nothing lost: the output is the input with start codes normalised.
	var total int
	for _, au := range aus {
		total += len(au)
	}
	if in := len(doorbellStream(t)); total < in-30*2 || total > in+200 {
		t.Errorf("access units hold %d bytes, input %d", total, in)
	}
}

func TestAnnexBReaderPartialReads(t *testing.T) {
	want := readAll(t, NewAnnexBReader(bytes.NewReader(doorbellStream(t))))
	for name, r := range map[string]func([]byte) io.Reader{
		"one byte":   func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		"half":       func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
		"data+error": func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) },
	} {
		t.Run(name, func(t *testing.T) {
			got := readAll(t, NewAnnexBReader(r(doorbellStream(t))))
			if len(got) != len(want) {
				t.Fatalf("%d access units, want %d", len(got), len(want))
			}
			for i := range got {
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("access unit %d differs (%d bytes, want %d)", i, len(got[i]), len(want[i]))
				}
			}
		})
	}
}

func TestAnnexBReaderSplitPoints(t *testing.T) {
	sps := []byte{0x67, 0x42, 0xc0, 0x1e}
	pps := []byte{0x68, 0xce, 0x3c, 0x80}
	idr := []byte{0x65, 0x88, 0x84} // first_mb_in_slice 0
	p0 := []byte{0x41, 0x9a, 0x02}  // first_mb 0
	p1 := []byte{0x41, 0x40, 0x11}  // first_mb != 0: second slice of the same picture
	aud := []byte{0x09, 0xf0}
	sc4, sc3 := []byte{0, 0, 0, 1}, []byte{0, 0, 1}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	au := func(nals ...[]byte) []byte {
		var b []byte
		for _, n := range nals {
			b = append(append(b, sc4...), n...)
		}
		return b
	}
	for _, c := range []struct {
		name string
		in   []byte
		want [][]byte
		drop int
	}{
		{"sps pps idr then p", cat(sc4, sps, sc4, pps, sc4, idr, sc4, p0), [][]byte{au(sps, pps, idr), au(p0)}, 0},
		{"3-byte start codes", cat(sc3, sps, sc3, pps, sc3, idr, sc3, p0), [][]byte{au(sps, pps, idr), au(p0)}, 0},
		{"two slices one picture", cat(sc4, idr, sc4, p1, sc4, p0, sc4, p1), [][]byte{au(idr, p1), au(p0, p1)}, 0},
		{"aud splits", cat(sc4, aud, sc4, p0, sc4, aud, sc4, p0), [][]byte{au(aud, p0), au(aud, p0)}, 0},
		{"garbage before first start code", cat([]byte("junk!"), sc4, p0, sc4, p0), [][]byte{au(p0), au(p0)}, 1},
		{"forbidden bit", cat(sc4, p0, sc4, []byte{0xe1, 1, 2}, sc4, p0), [][]byte{au(p0), au(p0)}, 1},
		{"empty NALs and trailing zeros", cat(sc4, sc4, p0, []byte{0, 0}, sc4, sc3, p0, []byte{0, 0, 0}), [][]byte{au(p0), au(p0)}, 0},
		{"parameter sets without a picture", cat(sc4, sps, sc4, pps), nil, 0},
		{"no start code at all", []byte("plain text, not H.264"), nil, 1},
		{"empty", nil, nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := NewAnnexBReader(bytes.NewReader(c.in))
			got := readAll(t, a)
			if len(got) != len(c.want) {
				t.Fatalf("got %d access units %x, want %d %x", len(got), got, len(c.want), c.want)
			}
			for i := range got {
				if !bytes.Equal(got[i], c.want[i]) {
					t.Errorf("access unit %d = % x, want % x", i, got[i], c.want[i])
				}
			}
			if a.Dropped() != c.drop {
				t.Errorf("Dropped() = %d, want %d", a.Dropped(), c.drop)
			}
		})
	}
}

func TestAnnexBReaderMaxNAL(t *testing.T) {
	in := append([]byte{0, 0, 0, 1, 0x41, 0x9a}, bytes.Repeat([]byte{7}, 5000)...)
	in = append(in, 0, 0, 0, 1, 0x41, 0x9a, 1)
	a := NewAnnexBReader(iotest.HalfReader(bytes.NewReader(in)))
	a.MaxNAL = 1000
	got := readAll(t, a)
	if len(got) != 1 || len(got[0]) != 7 || a.Dropped() == 0 {
		t.Errorf("got %d access units (%d bytes), dropped %d: want the oversized NAL dropped and the small one kept", len(got), len(got[0]), a.Dropped())
	}
}

// TestAnnexBReaderEndsEarlyOnQuietPipe checks that, from a pipe, each access
// unit comes out as soon as it is written, without waiting for the next one.
func TestAnnexBReaderEndsEarlyOnQuietPipe(t *testing.T) {
	aus := readAll(t, NewAnnexBReader(bytes.NewReader(doorbellStream(t))))
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	a := NewAnnexBReader(r)
	if !a.Early() {
		t.Fatal("a pipe should allow early ends")
	}
	var lat []time.Duration
	for i, au := range aus[:12] {
		start := time.Now()
		if _, err := w.Write(au); err != nil {
			t.Fatal(err)
		}
		got, err := nextWithin(a, 2*time.Second)
		lat = append(lat, time.Since(start))
		if err != nil {
			t.Fatalf("access unit %d written alone: %v", i, err)
		}
		if !bytes.Equal(got, au) {
			t.Fatalf("access unit %d: got %d bytes, want %d", i, len(got), len(au))
		}
	}
	if !a.Early() || a.Dropped() != 0 {
		t.Errorf("Early %v Dropped %d after clean bursts", a.Early(), a.Dropped())
	}
	slices.Sort(lat)
	t.Logf("write to access unit: median %v, max %v (Grace %v)", lat[len(lat)/2], lat[len(lat)-1], a.Grace)
}

// TestAnnexBReaderDetectsCutPicture writes a picture in two parts with a
// pause longer than Grace: the reader ends it early (too early), notices,
// and from then on splits only by the H.264 rules.
func TestAnnexBReaderDetectsCutPicture(t *testing.T) {
	aus := readAll(t, NewAnnexBReader(bytes.NewReader(doorbellStream(t))))
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	a := NewAnnexBReader(r)
	go func() {
		defer w.Close()
		w.Write(aus[0])
		time.Sleep(50 * time.Millisecond)
		w.Write(aus[1][:len(aus[1])/2])
		time.Sleep(50 * time.Millisecond)
		w.Write(aus[1][len(aus[1])/2:])
		for _, au := range aus[2:5] {
			w.Write(au)
		}
	}()
	got := readAll(t, a)
	if a.Early() {
		t.Error("Early() still true after a picture was cut")
	}
	if a.Dropped() == 0 {
		t.Error("the cut picture's remainder was not counted as dropped")
	}
	// aus[0], the cut half of aus[1], then aus[2..4] intact.
	if len(got) != 5 || !bytes.Equal(got[0], aus[0]) || !bytes.Equal(got[4], aus[4]) || !bytes.Equal(got[2], aus[2]) {
		t.Errorf("got %d access units; want 5 with the first and the last three intact", len(got))
	}
}

func nextWithin(a *AnnexBReader, d time.Duration) ([]byte, error) {
	type res struct {
		au  []byte
		err error
	}
	c := make(chan res, 1)
	go func() {
		au, err := a.Next()
		c <- res{au, err}
	}()
	select {
	case r := <-c:
		return r.au, r.err
	case <-time.After(d):
		return nil, errors.New("timed out: the access unit waited for more input")
	}
}

func TestParamSetsFill(t *testing.T) {
	var p paramSets
	sps := []byte{0, 0, 0, 1, 0x67, 1, 2}
	pps := []byte{0, 0, 0, 1, 0x68, 3}
	idr := []byte{0, 0, 0, 1, 0x65, 0x88}
	pf := []byte{0, 0, 0, 1, 0x41, 0x9a}
	if got := p.fill(append(append([]byte(nil), sps...), pps...)); got != nil {
		t.Fatalf("parameter sets alone: got % x, want nil (held)", got)
	}
	want := bytes.Join([][]byte{sps, pps, idr}, nil)
	if got := p.fill(idr); !bytes.Equal(got, want) {
		t.Errorf("IDR after held parameter sets = % x, want % x", got, want)
	}
	if got := p.fill(pf); !bytes.Equal(got, pf) {
		t.Errorf("P frame = % x, want unchanged", got)
	}
	if got := p.fill(idr); !bytes.Equal(got, want) {
		t.Errorf("later IDR without parameter sets = % x, want them added: % x", got, want)
	}
	fwht := []byte{0x4f, 0x4f, 0x4f, 0x4f}
	if got := p.fill(fwht); !bytes.Equal(got, fwht) {
		t.Errorf("non-H.264 buffer = % x, want unchanged", got)
	}
}

// FuzzAnnexBReader feeds the reader arbitrary input (rpicam-vid's stdout is
// outside input): it must not panic, and every access unit must be
// well-formed.
func FuzzAnnexBReader(f *testing.F) {
	f.Add(doorbellStream(f)[:2000])
	f.Add([]byte{0, 0, 0, 1, 0x67, 0, 0, 1, 0x65, 0x80, 0, 0, 1, 0x41, 0x80})
	f.Add([]byte{0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, in []byte) {
		a := NewAnnexBReader(iotest.HalfReader(bytes.NewReader(in)))
		a.MaxNAL = 512
		for n := 0; ; n++ {
			au, err := a.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(au, []byte{0, 0, 0, 1}) {
				t.Fatalf("access unit %d does not start with a start code: % x", n, au)
			}
			vcl := false
			forEachNAL(au, func(n []byte) {
				if ty := n[0] & 0x1f; ty == 1 || ty == 5 {
					vcl = true
				}
			})
			if !vcl {
				t.Fatalf("access unit %d has no slice: % x", n, au)
			}
			if n > len(in) {
				t.Fatalf("more access units (%d) than input bytes (%d)", n, len(in))
			}
		}
	})
}

// BenchmarkAnnexBReader is the reader's throughput on the recorded stream.
func BenchmarkAnnexBReader(b *testing.B) {
	in := bytes.Repeat(doorbellStream(b), 20)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		a := NewAnnexBReader(bytes.NewReader(in))
		for {
			if _, err := a.Next(); err != nil {
				break
			}
		}
	}
}
