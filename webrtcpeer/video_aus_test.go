package webrtcpeer

import (
	"image"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/intercomd/intercomd/device"
)

// Pre-encoded 720p30 video for the sending benchmarks: what a camera at
// 2 Mbit/s hands the track, with the encoder out of the measurement.
const (
	auWidth, auHeight = 1280, 720
	auFPS             = 30
	auBitrate         = 2_000_000
	// auFrames is 3 s of video, the synthetic source's default keyframe
	// interval: an IDR at the start (and another where openh264 sees a
	// scene change), then P frames.
	auFrames = 90
	// auWarmup frames are encoded and dropped first, so that the kept IDR is
	// made with a settled rate control.
	auWarmup = 15
)

var (
	ausOnce    sync.Once
	encodedAUs [][]byte
	ausErr     error
)

// preEncoded720p returns auFrames access units from openh264 at 1280x720,
// 30 fps, 2 Mbit/s, encoded once per process. The pictures are a textured
// background panning 2 px per frame with fresh sensor-like noise in every
// frame, the bouncing box, and the timestamp code: the noise keeps the rate
// control at its target, as a real camera's does, where the flat synthetic
// pattern would need only a few tens of kbit/s. It skips without cgo.
func preEncoded720p(tb testing.TB) [][]byte {
	tb.Helper()
	ausOnce.Do(func() {
		enc, err := device.NewSoftwareEncoder(device.EncoderConfig{Width: auWidth, Height: auHeight, FPS: auFPS, Bitrate: auBitrate})
		if err != nil {
			ausErr = err
			return
		}
		defer enc.Close()
		rng := rand.New(rand.NewPCG(1, 2))
		const texW = auWidth + 2*(auWarmup+auFrames)
		tex := make([]byte, texW*auHeight)
		for y := range auHeight {
			for x := range texW {
				// A gradient with noise in 4x4 blocks: detail an encoder must spend bits on.
				h := uint32((x/4)*2654435761 ^ (y/4)*40503)
				tex[y*texW+x] = byte(40 + x/16 + int(h>>27)*2)
			}
		}
		img := image.NewYCbCr(image.Rect(0, 0, auWidth, auHeight), image.YCbCrSubsampleRatio420)
		for i := range img.Cb {
			img.Cb[i], img.Cr[i] = 110+byte(i%7), 140-byte(i%5)
		}
		t0 := time.Unix(1_700_000_000, 0)
		for n := range auWarmup + auFrames {
			if n == auWarmup {
				enc.RequestKeyframe()
			}
			for y := range auHeight {
				row := img.Y[y*img.YStride : y*img.YStride+auWidth]
				copy(row, tex[y*texW+2*n:])
				// Sensor noise of 0..3 levels, 2 bits per pixel from one draw.
				for x := 0; x < len(row); x += 32 {
					r := rng.Uint64()
					for k := x; k < x+32 && k < len(row); k++ {
						row[k] += byte(r & 3)
						r >>= 2
					}
				}
			}
			box := 200 + (n*8)%800
			for y := 300; y < 500; y++ {
				for x := box; x < box+160; x++ {
					img.Y[y*img.YStride+x] = 235
				}
			}
			if err := device.DrawTimestamp(img, device.Timestamp{Time: t0.Add(time.Duration(n) * time.Second / auFPS), Frame: uint32(n)}); err != nil {
				ausErr = err
				return
			}
			out, err := enc.Encode(img)
			if err != nil {
				ausErr = err
				return
			}
			if n >= auWarmup {
				encodedAUs = append(encodedAUs, out...)
			}
		}
	})
	if ausErr != nil {
		tb.Skipf("no pre-encoded 720p video: %v", ausErr)
	}
	// The figures are only worth something for a realistic stream: an IDR
	// first (openh264 inserts another where it detects a scene change), P
	// frames, about 2 Mbit/s.
	if !device.HasIDR(encodedAUs[0]) {
		tb.Fatal("the first pre-encoded access unit is not an IDR")
	}
	total := 0
	for _, au := range encodedAUs {
		total += len(au)
	}
	if rate := float64(total*8) * auFPS / float64(len(encodedAUs)); rate < 0.8*auBitrate || rate > 1.2*auBitrate {
		tb.Fatalf("the pre-encoded stream is %.2f Mbit/s, not about %.1f: openh264's rate control changed; adjust the picture's noise in preEncoded720p", rate/1e6, auBitrate/1e6)
	}
	return encodedAUs
}
