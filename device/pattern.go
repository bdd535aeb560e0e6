package device

import (
	"image"
	"image/color"
)

// pattern draws the synthetic test picture: the timestamp code on top, seven
// colour bars below it and a box that bounces left and right across the bars,
// so motion (and a frozen picture) is obvious to a person and to an encoder.
type pattern struct {
	background *image.YCbCr // bars, drawn once
	frame      *image.YCbCr // what the encoder reads
	box        int          // box side
	boxY       int
}

// barColours are 75% colour bars: white, yellow, cyan, green, magenta, red, blue.
var barColours = [...]color.RGBA{
	{191, 191, 191, 255}, {191, 191, 0, 255}, {0, 191, 191, 255}, {0, 191, 0, 255},
	{191, 0, 191, 255}, {191, 0, 0, 255}, {0, 0, 191, 255},
}

func newPattern(w, h int) *pattern {
	r := image.Rect(0, 0, w, h)
	bg := image.NewYCbCr(r, image.YCbCrSubsampleRatio420)
	for x := range w {
		c := barColours[x*len(barColours)/w]
		yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
		for y := range h {
			bg.Y[y*bg.YStride+x] = yy
			if x%2 == 0 && y%2 == 0 {
				ci := bg.COffset(x, y)
				bg.Cb[ci], bg.Cr[ci] = cb, cr
			}
		}
	}
	codeH := codeRows * TimestampBlockSize(w)
	box := max(8, (h-codeH)/4) &^ 1
	return &pattern{
		background: bg,
		frame:      image.NewYCbCr(r, image.YCbCrSubsampleRatio420),
		box:        box,
		boxY:       (codeH + (h-codeH-box)/2) &^ 1,
	}
}

// draw renders frame n captured at ts into p.frame.
func (p *pattern) draw(ts Timestamp) {
	f, bg := p.frame, p.background
	copy(f.Y, bg.Y)
	copy(f.Cb, bg.Cb)
	copy(f.Cr, bg.Cr)
	w := f.Rect.Dx()
	// The box moves 8 px per frame and bounces at the edges.
	span := max(1, w-p.box)
	pos := int(ts.Frame*8) % (2 * span)
	if pos >= span {
		pos = 2*span - pos
	}
	x0 := pos &^ 1
	for y := p.boxY; y < p.boxY+p.box && y < f.Rect.Dy(); y++ {
		line := f.Y[y*f.YStride:]
		for x := x0; x < x0+p.box && x < w; x++ {
			// A white box with a black border two pixels wide.
			if y < p.boxY+2 || y >= p.boxY+p.box-2 || x < x0+2 || x >= x0+p.box-2 {
				line[x] = 16
			} else {
				line[x] = 235
			}
		}
		if y%2 == 0 {
			ci := f.COffset(x0, y)
			for i := 0; i < p.box/2 && x0+2*i < w; i++ {
				f.Cb[ci+i], f.Cr[ci+i] = 128, 128
			}
		}
	}
	// The size was checked when the source was made, so this cannot fail.
	_ = DrawTimestamp(f, ts)
}
