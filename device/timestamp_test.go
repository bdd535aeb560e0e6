package device

import (
	"errors"
	"image"
	"image/color"
	"image/draw"
	"testing"
	"time"
)

func TestTimestampRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		ts   Timestamp
	}{
		{"default size", 640, 360, Timestamp{Time: time.UnixMilli(1764213000123), Frame: 42}},
		{"zero", 640, 360, Timestamp{Time: time.UnixMilli(0), Frame: 0}},
		{"all ones", 640, 360, Timestamp{Time: time.UnixMilli(1<<48 - 1), Frame: 1<<24 - 1}},
		{"smallest", 160, 48, Timestamp{Time: time.UnixMilli(1764213000999), Frame: 7}},
		{"odd block side", 200, 64, Timestamp{Time: time.UnixMilli(1700000000001), Frame: 123456}},
		{"hd", 1280, 720, Timestamp{Time: time.UnixMilli(1764213000500), Frame: 99999}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPattern(tt.w, tt.h)
			p.draw(tt.ts)
			got, err := DecodeTimestamp(p.frame)
			if err != nil {
				t.Fatalf("DecodeTimestamp: %v", err)
			}
			if !got.Time.Equal(tt.ts.Time) || got.Frame != tt.ts.Frame {
				t.Fatalf("got %v frame %d, want %v frame %d", got.Time.UnixMilli(), got.Frame, tt.ts.Time.UnixMilli(), tt.ts.Frame)
			}
			// The same frame converted to RGBA, as a browser canvas gives it.
			rgba := image.NewRGBA(p.frame.Bounds())
			draw.Draw(rgba, rgba.Bounds(), p.frame, image.Point{}, draw.Src)
			got, err = DecodeTimestamp(rgba)
			if err != nil || got.Frame != tt.ts.Frame || !got.Time.Equal(tt.ts.Time) {
				t.Fatalf("RGBA: got %v frame %d err %v", got.Time.UnixMilli(), got.Frame, err)
			}
		})
	}
}

func TestTimestampFrameWraps(t *testing.T) {
	p := newPattern(640, 360)
	p.draw(Timestamp{Time: time.UnixMilli(5), Frame: 1<<24 + 3})
	got, err := DecodeTimestamp(p.frame)
	if err != nil || got.Frame != 3 {
		t.Fatalf("got frame %d err %v, want 3", got.Frame, err)
	}
}

func TestDecodeTimestampRejects(t *testing.T) {
	flipped := newPattern(640, 360)
	flipped.draw(Timestamp{Time: time.UnixMilli(1764213000123), Frame: 1})
	// Invert block 10 (a time bit) in row 0.
	s := TimestampBlockSize(640)
	for y := range s {
		for x := 10 * s; x < 11*s; x++ {
			i := y*flipped.frame.YStride + x
			flipped.frame.Y[i] = 251 - flipped.frame.Y[i]
		}
	}
	grey := image.NewGray(image.Rect(0, 0, 640, 360))
	draw.Draw(grey, grey.Bounds(), image.NewUniform(color.Gray{Y: 128}), image.Point{}, draw.Src)
	bars := newPattern(640, 360).background // bars, no code

	tests := []struct {
		name string
		img  image.Image
		want error
	}{
		{"flat grey", grey, ErrNoTimestamp},
		{"bars without code", bars, ErrNoTimestamp},
		{"too narrow", image.NewGray(image.Rect(0, 0, 100, 100)), ErrNoTimestamp},
		{"too short", image.NewGray(image.Rect(0, 0, 640, 20)), ErrNoTimestamp},
		{"empty", image.NewGray(image.Rectangle{}), ErrNoTimestamp},
		{"one bit flipped", flipped.frame, ErrTimestampCheck},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeTimestamp(tt.img)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDrawTimestampRejectsSmallFrames(t *testing.T) {
	img := image.NewYCbCr(image.Rect(0, 0, 100, 100), image.YCbCrSubsampleRatio420)
	if err := DrawTimestamp(img, Timestamp{}); err == nil {
		t.Fatal("DrawTimestamp on a 100 px wide frame succeeded")
	}
	img = image.NewYCbCr(image.Rect(0, 0, 640, 360), image.YCbCrSubsampleRatio444)
	if err := DrawTimestamp(img, Timestamp{}); err == nil {
		t.Fatal("DrawTimestamp on a 4:4:4 frame succeeded")
	}
}

// FuzzDecodeTimestamp feeds arbitrary grey images to the decoder: it must
// never panic, and whatever it accepts must carry valid markers.
func FuzzDecodeTimestamp(f *testing.F) {
	p := newPattern(160, 48)
	p.draw(Timestamp{Time: time.UnixMilli(1764213000123), Frame: 9})
	seed := make([]byte, 160*48)
	copy(seed, p.frame.Y)
	f.Add(uint16(160), seed)
	f.Add(uint16(7), []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, w uint16, pix []byte) {
		if w == 0 || int(w) > len(pix) || w > 4096 {
			return
		}
		h := len(pix) / int(w)
		img := &image.Gray{Pix: pix, Stride: int(w), Rect: image.Rect(0, 0, int(w), h)}
		ts, err := DecodeTimestamp(img)
		if err == nil && ts.Frame > 1<<24-1 {
			t.Fatalf("decoded frame %d beyond 24 bits", ts.Frame)
		}
	})
}

func TestHasIDR(t *testing.T) {
	tests := []struct {
		name string
		au   []byte
		want bool
	}{
		{"sps pps idr", []byte{0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 1, 0x65, 9}, true},
		{"non-idr slice", []byte{0, 0, 0, 1, 0x41, 1, 2}, false},
		{"empty", nil, false},
		{"truncated start code", []byte{0, 0, 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasIDR(tt.au); got != tt.want {
				t.Fatalf("HasIDR = %v, want %v", got, tt.want)
			}
		})
	}
}
