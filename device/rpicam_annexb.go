package device

import (
	"bytes"
	"errors"
	"io"
	"os"
	"time"
)

// AnnexBReader splits an H.264 Annex-B byte stream (rpicam-vid's stdout, a
// recorded .h264 file) into access units, one picture each, as
// TrackLocalStaticSample wants them.
//
// Where one access unit ends is decided by the H.264 rules (ITU-T H.264
// 7.4.1.2.3), not by access unit delimiters, which rpicam-vid does not
// write: an AUD, SPS, PPS or SEI NAL, or a slice whose first_mb_in_slice is
// 0, after a slice of the current picture starts the next access unit. That
// boundary is only visible when the next picture's first NAL arrives, one
// frame later: 33–66 ms of added latency at 30–15 fps.
//
// So when the input is a pipe or file that supports read deadlines, the
// reader also ends an access unit when its input goes quiet: a slice has
// arrived, and no more bytes come within a short grace period (Grace, 3 ms
// by default). rpicam-vid (run with --flush) writes each encoded picture in
// one burst, so a quiet pipe after a slice means the picture is complete
// and it goes out at once. If a writer ever stalls mid-picture longer than
// that, the next read starts without a start code: the reader then knows it
// cut a picture short, drops the remainder, and stops ending access units
// early for the rest of the stream (Early reports it).
//
// Input before the first start code, NAL units with the forbidden bit set
// and NAL units larger than MaxNAL are dropped and counted in Dropped; the
// reader never panics on its input. Output uses 4-byte start codes.
type AnnexBReader struct {
	r  io.Reader
	dl interface{ SetReadDeadline(time.Time) error }
	// Grace is how long the input must stay quiet after a slice for the
	// access unit to end early (default 3 ms).
	Grace time.Duration
	// MaxNAL bounds one NAL unit (default 4 MiB); a longer one is dropped.
	MaxNAL int

	buf        []byte // unparsed input; buf[0:] starts with a start code once synced
	synced     bool
	au         []byte // the access unit being built
	hasVCL     bool
	ready      [][]byte // access units ready to return, in order
	eof        bool
	early      bool
	deadline   bool // a read deadline is set
	afterEarly bool // the last access unit ended early: the next bytes must start a NAL
	dropped    int
	chunk      []byte
}

// NewAnnexBReader returns a reader of access units from r. If r is an
// *os.File (a pipe) or has SetReadDeadline, access units end early when the
// input goes quiet (see AnnexBReader).
func NewAnnexBReader(r io.Reader) *AnnexBReader {
	a := &AnnexBReader{r: r, Grace: 3 * time.Millisecond, MaxNAL: 4 << 20, chunk: make([]byte, 64<<10)}
	if d, ok := r.(interface{ SetReadDeadline(time.Time) error }); ok {
		if f, isFile := r.(*os.File); !isFile || f.SetReadDeadline(time.Time{}) == nil {
			a.dl, a.early = d, true
		}
	}
	return a
}

// Early reports whether access units still end early when the input goes
// quiet.
func (a *AnnexBReader) Early() bool { return a.early }

// Dropped returns how many NAL units or stretches of garbage were dropped.
func (a *AnnexBReader) Dropped() int { return a.dropped }

// Next returns the next access unit. At the end of the input it returns the
// last one, then io.EOF. Other read errors are returned as they are.
func (a *AnnexBReader) Next() ([]byte, error) {
	for {
		if len(a.ready) > 0 {
			au := a.ready[0]
			a.ready = a.ready[1:]
			return au, nil
		}
		if a.eof {
			a.parse(true)
			a.finishAU()
			if len(a.ready) > 0 {
				continue
			}
			return nil, io.EOF
		}
		if err := a.fill(); err != nil {
			if errors.Is(err, io.EOF) {
				a.eof = true
				continue
			}
			return nil, err
		}
	}
}

// fill reads once and parses what came. A quiet input after a slice ends
// the access unit.
func (a *AnnexBReader) fill() error {
	useDeadline := a.early && (a.hasVCL || a.pendingSlice())
	if useDeadline {
		_ = a.dl.SetReadDeadline(time.Now().Add(a.Grace))
		a.deadline = true
	} else if a.deadline {
		_ = a.dl.SetReadDeadline(time.Time{})
		a.deadline = false
	}
	n, err := a.r.Read(a.chunk)
	if n == 0 && useDeadline && errors.Is(err, os.ErrDeadlineExceeded) {
		// Quiet after a slice: the NAL in buf and the picture are complete.
		a.parse(true)
		a.finishAU()
		a.afterEarly = true
		return nil
	}
	if n > 0 {
		data := a.chunk[:n]
		if a.afterEarly && !mayStartWithStartCode(data) {
			// The early end cut a picture short: stop ending early.
			a.early = false
			a.dropped++
		}
		a.afterEarly = false
		a.buf = append(a.buf, data...)
		a.parse(false)
	}
	if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	return nil
}

// pendingSlice reports whether buf holds the start of a slice NAL unit,
// whose end is not known yet.
func (a *AnnexBReader) pendingSlice() bool {
	if !a.synced || len(a.buf) < 4 {
		return false
	}
	t := a.buf[3] & 0x1f
	return t == 1 || t == 5
}

// mayStartWithStartCode reports whether b begins with a start code, or is
// too short to tell and could.
func mayStartWithStartCode(b []byte) bool {
	for _, sc := range [][]byte{{0, 0, 1}, {0, 0, 0, 1}} {
		if len(b) >= len(sc) && bytes.HasPrefix(b, sc) || len(b) < len(sc) && bytes.HasPrefix(sc, b) {
			return true
		}
	}
	return false
}

// parse takes every complete NAL unit out of buf. With final, the rest of
// buf is a complete NAL unit too.
func (a *AnnexBReader) parse(final bool) {
	if !a.synced {
		i := bytes.Index(a.buf, []byte{0, 0, 1})
		if i < 0 {
			// Keep two bytes: a start code may straddle reads.
			if len(a.buf) > 2 {
				if len(bytes.Trim(a.buf[:len(a.buf)-2], "\x00")) > 0 {
					a.dropped++
				}
				a.buf = append(a.buf[:0], a.buf[len(a.buf)-2:]...)
			}
			return
		}
		if len(bytes.Trim(a.buf[:i], "\x00")) > 0 {
			a.dropped++
		}
		a.buf = a.buf[i:]
		a.synced = true
	}
	// buf starts with 00 00 01 (leading zeros of 4-byte codes were trimmed).
	start := 3
	for {
		j := bytes.Index(a.buf[start:], []byte{0, 0, 1})
		if j < 0 {
			if final {
				a.nal(bytes.TrimRight(a.buf[3:], "\x00"))
				a.buf = a.buf[:0]
				a.synced = false
			} else if len(a.buf) > a.MaxNAL {
				a.dropped++
				a.buf = a.buf[:0]
				a.synced = false
			}
			break
		}
		end := start + j
		a.nal(bytes.TrimRight(a.buf[3:end], "\x00"))
		a.buf = a.buf[end:]
		start = 3
	}
	// Compact, so buf does not creep forward through its array forever.
	if cap(a.buf) > 4*len(a.buf)+(1<<20) {
		a.buf = append([]byte(nil), a.buf...)
	}
}

// nal adds one complete NAL unit (without start code) to the access unit,
// ending the access unit first when this NAL starts the next one.
func (a *AnnexBReader) nal(n []byte) {
	if len(n) == 0 {
		return
	}
	if n[0]&0x80 != 0 || len(n) > a.MaxNAL {
		a.dropped++
		return
	}
	typ := n[0] & 0x1f
	vcl := typ == 1 || typ == 5
	if a.hasVCL && startsAU(n) {
		a.finishAU()
	}
	a.au = append(a.au, 0, 0, 0, 1)
	a.au = append(a.au, n...)
	if vcl {
		a.hasVCL = true
	}
}

// startsAU reports whether NAL unit n, seen after a slice of the current
// picture, begins a new access unit (H.264 7.4.1.2.3, for the streams
// encoders here produce: no redundant pictures, no data partitioning).
func startsAU(n []byte) bool {
	switch n[0] & 0x1f {
	case 6, 7, 8, 9, 14, 15, 16, 17, 18:
		return true
	case 1, 5:
		// first_mb_in_slice is ue(v): it is 0 exactly when its first bit is 1.
		return len(n) > 1 && n[1]&0x80 != 0
	}
	return false
}

// finishAU queues the access unit built so far, if it has a picture.
// Parameter sets without a picture stay for the next one.
func (a *AnnexBReader) finishAU() {
	if !a.hasVCL {
		return
	}
	a.ready = append(a.ready, a.au)
	a.au, a.hasVCL = nil, false
}

// paramSets remembers a stream's last SPS and PPS and puts them in front of
// every IDR access unit that lacks them, so a call that joins later (or a
// receiver after a loss) can decode from the next keyframe: some UVC cameras
// and hardware encoders send them only once, or in a buffer of their own.
type paramSets struct {
	sps, pps []byte // with 4-byte start codes
	held     []byte // a parameter-set-only buffer waiting for its picture
}

// fill returns au with parameter sets added where needed. A buffer with
// only parameter sets returns nil and is prepended to the next one.
func (p *paramSets) fill(au []byte) []byte {
	if len(p.held) > 0 {
		au = append(p.held, au...)
		p.held = nil
	}
	var hasSPS, hasPPS, hasIDR, hasVCL bool
	forEachNAL(au, func(n []byte) {
		switch n[0] & 0x1f {
		case 7:
			hasSPS = true
			p.sps = append(append(p.sps[:0], 0, 0, 0, 1), n...)
		case 8:
			hasPPS = true
			p.pps = append(append(p.pps[:0], 0, 0, 0, 1), n...)
		case 5:
			hasIDR, hasVCL = true, true
		case 1:
			hasVCL = true
		}
	})
	if !hasVCL {
		if hasSPS || hasPPS {
			p.held = au
			return nil
		}
		return au // not H.264 (FWHT in the lab): pass it on
	}
	if hasIDR && !hasSPS && len(p.sps) > 0 && len(p.pps) > 0 {
		out := make([]byte, 0, len(p.sps)+len(p.pps)+len(au))
		out = append(append(append(out, p.sps...), p.pps...), au...)
		return out
	}
	return au
}

// forEachNAL calls f with every non-empty NAL unit (without start code) of
// an Annex-B buffer.
func forEachNAL(b []byte, f func(n []byte)) {
	i := bytes.Index(b, []byte{0, 0, 1})
	for i >= 0 {
		b = b[i+3:]
		j := bytes.Index(b, []byte{0, 0, 1})
		n := b
		if j >= 0 {
			n = b[:j]
		}
		n = bytes.TrimRight(n, "\x00")
		if len(n) > 0 {
			f(n)
		}
		i = j
	}
}
