package device

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"time"
)

// Timestamp is what the block code in a synthetic frame carries.
type Timestamp struct {
	// Time is the capture time, to the millisecond.
	Time time.Time
	// Frame is the frame number modulo 2^24.
	Frame uint32
}

// Block code geometry and field positions; the package doc describes the layout.
const (
	codeColumns = 40
	codeRows    = 2
	codeBits    = codeColumns * codeRows
	timeBits    = 48
	frameBits   = 24
	timeFirst   = 2
	frameFirst  = timeFirst + timeBits   // 50
	checkFirst  = frameFirst + frameBits // 74
	stopFirst   = checkFirst + 4         // 78
	// minBlock is the smallest block side the code is drawn with (frames at
	// least 160 px wide).
	minBlock = 4
	// codeWhite and codeBlack are the luma of 1 and 0 blocks (video range).
	codeWhite = 235
	codeBlack = 16
	// minContrast is the least difference between the darkest and brightest
	// block means for the code to be read at all.
	minContrast = 48
	maxFrame    = 1<<frameBits - 1
)

// Errors from DecodeTimestamp and DrawTimestamp.
var (
	// ErrNoTimestamp: the image has no readable block code at its top (too
	// small, no contrast, or the start and stop markers are missing).
	ErrNoTimestamp = errors.New("device: no timestamp block code at the top of the frame")
	// ErrTimestampCheck: a block code was found but its check nibble does not
	// match, so some blocks were misread (heavy compression, scaling).
	ErrTimestampCheck = errors.New("device: timestamp block code check nibble mismatch")
)

// TimestampBlockSize returns the side in pixels of one code block in a frame of
// the given width: width/40, or 0 when the frame is narrower than 160 pixels
// and cannot carry the code.
func TimestampBlockSize(width int) int {
	s := width / codeColumns
	if s < minBlock {
		return 0
	}
	return s
}

// encodeTimestamp returns the 80 code bits for ts.
func encodeTimestamp(ts Timestamp) [codeBits]bool {
	var bits [codeBits]bool
	bits[0], bits[1] = true, false
	ms := uint64(ts.Time.UnixMilli())
	for i := range timeBits {
		bits[timeFirst+i] = ms>>(timeBits-1-i)&1 == 1
	}
	f := ts.Frame & maxFrame
	for i := range frameBits {
		bits[frameFirst+i] = f>>(frameBits-1-i)&1 == 1
	}
	check := checkNibble(&bits)
	for i := range 4 {
		bits[checkFirst+i] = check>>(3-i)&1 == 1
	}
	bits[stopFirst], bits[stopFirst+1] = false, true
	return bits
}

// checkNibble XORs the 18 nibbles of bits 2..73.
func checkNibble(bits *[codeBits]bool) uint8 {
	var x uint8
	for n := timeFirst; n < checkFirst; n += 4 {
		var nib uint8
		for i := range 4 {
			nib <<= 1
			if bits[n+i] {
				nib |= 1
			}
		}
		x ^= nib
	}
	return x
}

// DrawTimestamp draws the block code for ts over the top 2*s rows of img, s
// being TimestampBlockSize(img width). img must be 4:2:0 (what encoders take).
func DrawTimestamp(img *image.YCbCr, ts Timestamp) error {
	r := img.Rect
	s := TimestampBlockSize(r.Dx())
	if s == 0 || r.Dy() < codeRows*s {
		return fmt.Errorf("device: frame %dx%d too small for the timestamp code; need at least %dx%d", r.Dx(), r.Dy(), codeColumns*minBlock, codeRows*minBlock)
	}
	if img.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		return fmt.Errorf("device: DrawTimestamp needs a 4:2:0 frame, got subsample ratio %v", img.SubsampleRatio)
	}
	bits := encodeTimestamp(ts)
	for row := range codeRows {
		for y := row * s; y < (row+1)*s; y++ {
			line := img.Y[y*img.YStride : y*img.YStride+codeColumns*s]
			for col := range codeColumns {
				v := uint8(codeBlack)
				if bits[row*codeColumns+col] {
					v = codeWhite
				}
				block := line[col*s : (col+1)*s]
				for i := range block {
					block[i] = v
				}
			}
		}
	}
	// Neutral chroma under the code: half the rows and columns, rounded up.
	cw := (codeColumns*s + 1) / 2
	ch := (codeRows*s + 1) / 2
	for y := range ch {
		cb := img.Cb[y*img.CStride : y*img.CStride+cw]
		cr := img.Cr[y*img.CStride : y*img.CStride+cw]
		for i := range cb {
			cb[i], cr[i] = 128, 128
		}
	}
	return nil
}

// DecodeTimestamp reads the block code from the top of img: a frame drawn by
// the synthetic source, possibly after encoding, decoding and conversion to
// RGB. It returns ErrNoTimestamp when there is no code and ErrTimestampCheck
// when the code was misread. It never panics, whatever the image.
func DecodeTimestamp(img image.Image) (Timestamp, error) {
	r := img.Bounds()
	s := TimestampBlockSize(r.Dx())
	if s == 0 || r.Dy() < codeRows*s {
		return Timestamp{}, ErrNoTimestamp
	}
	luma := lumaFunc(img)
	var means [codeBits]int
	lo, hi := 255, 0
	q0, q1 := s/4, s-s/4 // the central half of a block
	for i := range codeBits {
		x0 := r.Min.X + (i%codeColumns)*s
		y0 := r.Min.Y + (i/codeColumns)*s
		sum, n := 0, 0
		for y := y0 + q0; y < y0+q1; y++ {
			for x := x0 + q0; x < x0+q1; x++ {
				sum += int(luma(x, y))
				n++
			}
		}
		m := sum / n
		means[i] = m
		lo, hi = min(lo, m), max(hi, m)
	}
	if hi-lo < minContrast {
		return Timestamp{}, ErrNoTimestamp
	}
	threshold := (lo + hi) / 2
	var bits [codeBits]bool
	for i, m := range means {
		bits[i] = m > threshold
	}
	if !bits[0] || bits[1] || bits[stopFirst] || !bits[stopFirst+1] {
		return Timestamp{}, ErrNoTimestamp
	}
	var check uint8
	for i := range 4 {
		check <<= 1
		if bits[checkFirst+i] {
			check |= 1
		}
	}
	if check != checkNibble(&bits) {
		return Timestamp{}, ErrTimestampCheck
	}
	var ms uint64
	for i := range timeBits {
		ms <<= 1
		if bits[timeFirst+i] {
			ms |= 1
		}
	}
	var f uint32
	for i := range frameBits {
		f <<= 1
		if bits[frameFirst+i] {
			f |= 1
		}
	}
	return Timestamp{Time: time.UnixMilli(int64(ms)), Frame: f}, nil
}

// lumaFunc returns a fast luma reader for the image types receivers produce and
// a generic one for the rest.
func lumaFunc(img image.Image) func(x, y int) uint8 {
	switch m := img.(type) {
	case *image.YCbCr:
		return func(x, y int) uint8 { return m.Y[m.YOffset(x, y)] }
	case *image.Gray:
		return func(x, y int) uint8 { return m.Pix[m.PixOffset(x, y)] }
	case *image.RGBA:
		return func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			yy, _, _ := color.RGBToYCbCr(p[0], p[1], p[2])
			return yy
		}
	}
	return func(x, y int) uint8 {
		return color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y
	}
}
