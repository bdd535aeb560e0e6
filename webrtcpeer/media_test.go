package webrtcpeer

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
)

// TestReceivedVideoDecodesWithTimestamps sends the synthetic source from an
// intercomd Peer to a plain pion receiver, reassembles the H.264 it receives,
// decodes it with ffmpeg and reads every frame's timestamp code: the first
// frame received is a keyframe (the one sent when the call connected), no
// frame is lost on loopback, and the capture → receive latency is logged.
func TestReceivedVideoDecodesWithTimestamps(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed (apt-get install ffmpeg): cannot decode the received H.264")
	}
	defer goleak.VerifyNone(t)
	src := newSource(t, device.SyntheticConfig{})
	defer src.Close()
	f := newFactory(t, loopbackConfig(src))
	a := newEndpoint(t, f, "sender", call.Constraints{Video: true})

	type frame struct {
		au []byte
		at time.Time
	}
	var (
		mu      sync.Mutex
		frames  []frame
		skipped int // access units before the first keyframe
		done    = make(chan struct{})
	)
	const want = 30
	recv := newBareEndpoint(t, f.api, webrtc.Configuration{Certificates: []webrtc.Certificate{f.cert}}, nil)
	recv.pc.OnTrack(func(tr *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
		if tr.Kind() != webrtc.RTPCodecTypeVideo {
			return
		}
		var h264 codecs.H264Packet
		var au []byte
		for {
			pkt, _, err := tr.ReadRTP()
			if err != nil {
				return
			}
			nal, err := h264.Unmarshal(pkt.Payload)
			if err != nil {
				t.Errorf("depacketizing: %v", err)
				return
			}
			au = append(au, nal...)
			if !pkt.Marker {
				continue
			}
			mu.Lock()
			if len(frames) > 0 || device.HasIDR(au) { // start at the first keyframe
				frames = append(frames, frame{au: au, at: time.Now()})
			} else {
				skipped++
			}
			if len(frames) == want {
				close(done)
			}
			mu.Unlock()
			au = nil
		}
	})
	connectBare(t, a, recv)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		mu.Lock()
		t.Fatalf("received %d of %d frames in 10 s", len(frames), want)
	}
	_ = a.peer.Close()
	close(a.events)
	_ = recv.pc.GracefulClose()

	mu.Lock()
	defer mu.Unlock()
	if skipped > 0 {
		t.Errorf("%d frames arrived before the first keyframe: the keyframe sent on connect was lost", skipped)
	}
	var stream []byte
	for _, fr := range frames[:want] {
		stream = append(stream, fr.au...)
	}
	file := filepath.Join(t.TempDir(), "received.h264")
	if err := os.WriteFile(file, stream, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(ffmpeg, "-v", "error", "-f", "h264", "-i", file, "-f", "rawvideo", "-pix_fmt", "gray", "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, stderr.String())
	}
	const w, h = 640, 360
	if len(out) != want*w*h {
		t.Fatalf("ffmpeg decoded %d frames, want %d\n%s", len(out)/(w*h), want, stderr.String())
	}
	var latency []time.Duration
	var prev uint32
	for i := range want {
		img := &image.Gray{Pix: out[i*w*h : (i+1)*w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
		ts, err := device.DecodeTimestamp(img)
		if err != nil {
			t.Fatalf("received frame %d: %v", i, err)
		}
		if i > 0 && ts.Frame != prev+1 {
			t.Fatalf("received frame %d has number %d after %d: a frame was lost or reordered", i, ts.Frame, prev)
		}
		prev = ts.Frame
		d := frames[i].at.Sub(ts.Time)
		if d < -time.Millisecond || d > time.Second {
			t.Fatalf("frame %d: capture → receive %v: the timestamp is wrong", i, d)
		}
		latency = append(latency, d)
	}
	slices.Sort(latency)
	t.Logf("capture → received (draw, encode, packetize, SRTP, loopback, reassemble) over %d frames: p50 %v, max %v", want, latency[want/2], latency[want-1])
}
