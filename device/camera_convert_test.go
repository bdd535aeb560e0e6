package device

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"
)

func TestYUYVToI420(t *testing.T) {
	// 4x2 frame, stride 10 (2 bytes of padding a row).
	src := []byte{
		10, 100, 11, 200, 12, 50, 13, 60, 0xee, 0xee,
		20, 110, 21, 201, 22, 70, 23, 90, 0xee, 0xee,
	}
	dst := newI420(4, 2)
	if err := yuyvToI420(dst, src, 10); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want []byte
	}{
		{"Y row 0", dst.Y[0:4], []byte{10, 11, 12, 13}},
		{"Y row 1", dst.Y[dst.YStride : dst.YStride+4], []byte{20, 21, 22, 23}},
		{"Cb", dst.Cb[:2], []byte{105, 60}}, // (100+110+1)/2, (50+70+1)/2
		{"Cr", dst.Cr[:2], []byte{201, 75}}, // (200+201+1)/2, (60+90+1)/2
	} {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestYUYVToI420MatchesReference checks the word-at-a-time conversion
// against a plain per-pixel one, at a width whose chroma row has an odd
// length (the byte-wise tail) and a padded stride.
func TestYUYVToI420MatchesReference(t *testing.T) {
	for _, s := range []FrameSize{{646, 10}, {640, 480}, {2, 2}, {6, 4}} {
		stride := 2*s.Width + 6
		src := make([]byte, stride*s.Height)
		for i := range src {
			src[i] = byte(i*7 + i/3)
		}
		got := newI420(s.Width, s.Height)
		if err := yuyvToI420(got, src, stride); err != nil {
			t.Fatal(err)
		}
		for y := 0; y < s.Height; y++ {
			for x := 0; x < s.Width; x++ {
				if want := src[y*stride+2*x]; got.Y[y*got.YStride+x] != want {
					t.Fatalf("%s: Y(%d,%d) = %d, want %d", s, x, y, got.Y[y*got.YStride+x], want)
				}
			}
		}
		for y := 0; y < s.Height/2; y++ {
			for x := 0; x < s.Width/2; x++ {
				r0, r1 := src[2*y*stride+4*x:], src[(2*y+1)*stride+4*x:]
				wcb := uint8((int(r0[1]) + int(r1[1]) + 1) / 2)
				wcr := uint8((int(r0[3]) + int(r1[3]) + 1) / 2)
				if got.Cb[y*got.CStride+x] != wcb || got.Cr[y*got.CStride+x] != wcr {
					t.Fatalf("%s: chroma (%d,%d) = %d,%d, want %d,%d", s, x, y, got.Cb[y*got.CStride+x], got.Cr[y*got.CStride+x], wcb, wcr)
				}
			}
		}
	}
}

func TestConvertRejectsShortFrames(t *testing.T) {
	for _, c := range []struct {
		name string
		f    FourCC
		n    int
	}{
		{"YUYV", FourCCYUYV, 640*480*2 - 1},
		{"NV12", FourCCNV12, 640*480*3/2 - 1},
		{"YU12", FourCCI420, 640*480*3/2 - 1},
		{"MJPEG garbage", FourCCMJPEG, 100},
		{"empty", FourCCYUYV, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			stride := 640
			if c.f == FourCCYUYV {
				stride = 1280
			}
			if err := toI420(newI420(640, 480), c.f, make([]byte, c.n), stride); err == nil {
				t.Errorf("%s frame of %d bytes for 640x480: no error", c.f, c.n)
			}
		})
	}
	if err := toI420(newI420(4, 2), fourcc("RGB3"), make([]byte, 100), 12); err == nil {
		t.Error("RGB3: no error")
	}
}

func TestNV12AndI420ToI420(t *testing.T) {
	// 4x2, stride 6.
	nv12 := []byte{
		1, 2, 3, 4, 0, 0,
		5, 6, 7, 8, 0, 0,
		100, 200, 101, 201, 0, 0,
	}
	dst := newI420(4, 2)
	if err := nv12ToI420(dst, nv12, 6); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dst.Y[:4], []byte{1, 2, 3, 4}) || !bytes.Equal(dst.Cb[:2], []byte{100, 101}) || !bytes.Equal(dst.Cr[:2], []byte{200, 201}) {
		t.Errorf("NV12: Y %v Cb %v Cr %v", dst.Y[:4], dst.Cb[:2], dst.Cr[:2])
	}
	// YU12 4x2 stride 4: Y 8 bytes, Cb 2, Cr 2.
	yu12 := []byte{1, 2, 3, 4, 5, 6, 7, 8, 50, 51, 60, 61}
	dst = newI420(4, 2)
	if err := i420Copy(dst, yu12, 4); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dst.Y[dst.YStride:dst.YStride+4], []byte{5, 6, 7, 8}) || !bytes.Equal(dst.Cb[:2], []byte{50, 51}) || !bytes.Equal(dst.Cr[:2], []byte{60, 61}) {
		t.Errorf("YU12: Y %v Cb %v Cr %v", dst.Y, dst.Cb[:2], dst.Cr[:2])
	}
}

func TestMJPEGToI420(t *testing.T) {
	src := image.NewYCbCr(image.Rect(0, 0, 64, 32), image.YCbCrSubsampleRatio422)
	for i := range src.Y {
		src.Y[i] = 180
	}
	for i := range src.Cb {
		src.Cb[i], src.Cr[i] = 90, 160
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	dst := newI420(64, 32)
	if err := mjpegToI420(dst, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	near := func(a, b uint8) bool { return int(a)-int(b) < 4 && int(b)-int(a) < 4 }
	if !near(dst.Y[33*0+10], 180) || !near(dst.Cb[5], 90) || !near(dst.Cr[5], 160) {
		t.Errorf("decoded Y %d Cb %d Cr %d, want ~180 90 160", dst.Y[10], dst.Cb[5], dst.Cr[5])
	}
}

func benchmarkYUYV(b *testing.B, w, h int) {
	src := make([]byte, w*h*2)
	for i := range src {
		src[i] = byte(i)
	}
	dst := newI420(w, h)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := yuyvToI420(dst, src, 2*w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYUYVToI420 is the per-frame cost of a raw UVC camera's conversion.
func BenchmarkYUYVToI420(b *testing.B) {
	b.Run("640x480", func(b *testing.B) { benchmarkYUYV(b, 640, 480) })
	b.Run("1280x720", func(b *testing.B) { benchmarkYUYV(b, 1280, 720) })
}

// BenchmarkMJPEGToI420 measures image/jpeg decoding, why MJPEG is refused on ARM above 640x480.
func BenchmarkMJPEGToI420(b *testing.B) {
	for _, s := range []FrameSize{{640, 480}, {1280, 720}} {
		b.Run(s.String(), func(b *testing.B) {
			img := newI420(s.Width, s.Height)
			for i := range img.Y {
				img.Y[i] = byte(i * 7)
			}
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
				b.Fatal(err)
			}
			dst := newI420(s.Width, s.Height)
			b.ReportAllocs()
			for b.Loop() {
				if err := mjpegToI420(dst, buf.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
