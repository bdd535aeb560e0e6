package device

import (
	"bytes"
	"image"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/interceptor"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/clock/clocktest"
)

// fakeVideo counts encodes and marks keyframes with an IDR NAL.
type fakeVideo struct {
	mu     sync.Mutex
	frames int
	keys   int
	closed bool
}

func (f *fakeVideo) encode(_ *image.YCbCr, key bool) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frames++
	if key {
		f.keys++
		return []byte{0, 0, 0, 1, 0x67, 0x42, 0, 0, 0, 1, 0x65, 1, 2, 3}, nil
	}
	return []byte{0, 0, 0, 1, 0x41, 1, 2, 3}, nil
}

func (f *fakeVideo) counts() (frames, keys int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.frames, f.keys
}

func (f *fakeVideo) close() error { f.closed = true; return nil }

type fakeAudio struct{ n atomic.Int64 }

func (f *fakeAudio) encode(pcm []int16) ([]byte, error) { f.n.Add(1); return []byte{0xf8, 1, 2}, nil }
func (f *fakeAudio) close() error                       { return nil }

// fakeBinding is the TrackLocalContext pion would pass to Bind; it records
// the RTP packets written to it.
type fakeBinding struct {
	id      string
	codec   webrtc.RTPCodecParameters
	packets atomic.Int64
	markers atomic.Int64
}

func (b *fakeBinding) CodecParameters() []webrtc.RTPCodecParameters {
	return []webrtc.RTPCodecParameters{b.codec}
}
func (b *fakeBinding) HeaderExtensions() []webrtc.RTPHeaderExtensionParameter { return nil }
func (b *fakeBinding) SSRC() webrtc.SSRC                                      { return 1234 }
func (b *fakeBinding) SSRCRetransmission() webrtc.SSRC                        { return 0 }
func (b *fakeBinding) SSRCForwardErrorCorrection() webrtc.SSRC                { return 0 }
func (b *fakeBinding) WriteStream() webrtc.TrackLocalWriter                   { return b }
func (b *fakeBinding) ID() string                                             { return b.id }
func (b *fakeBinding) RTCPReader() interceptor.RTCPReader                     { return nil }
func (b *fakeBinding) WriteRTP(h *rtp.Header, payload []byte) (int, error) {
	b.packets.Add(1)
	if h.Marker {
		b.markers.Add(1)
	}
	return len(payload), nil
}
func (b *fakeBinding) Write(p []byte) (int, error) { return len(p), nil }

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestSyntheticEncodesOnlyWhileBound(t *testing.T) {
	defer goleak.VerifyNone(t)
	clk := clocktest.New(time.UnixMilli(1764213000000))
	cfg := SyntheticConfig{Clock: clk, FrameRate: 10}.withDefaults()
	fv, fa := &fakeVideo{}, &fakeAudio{}
	s, err := newSynthetic(cfg, fv, fa)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	// Idle: no timers, no frames, however long we wait.
	clk.Advance(time.Second)
	time.Sleep(20 * time.Millisecond)
	if f, _ := fv.counts(); f != 0 || fa.n.Load() != 0 || clk.Pending() != 0 {
		t.Fatalf("idle source encoded %d frames, %d audio packets, has %d timers", f, fa.n.Load(), clk.Pending())
	}

	vb := &fakeBinding{id: "v1", codec: webrtc.RTPCodecParameters{RTPCodecCapability: H264Capability, PayloadType: 102}}
	ab := &fakeBinding{id: "a1", codec: webrtc.RTPCodecParameters{RTPCodecCapability: OpusCapability, PayloadType: 111}}
	if _, err := s.VideoTrack().Bind(vb); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AudioTrack().Bind(ab); err != nil {
		t.Fatal(err)
	}
	// Binding starts the loops but encodes no video yet (pion would drop it):
	// the first frame, a keyframe, comes one interval later or on request.
	eventually(t, "first audio packet", func() bool { return fa.n.Load() >= 1 && ab.packets.Load() >= 1 })
	eventually(t, "video and audio timers", func() bool { return clk.Pending() == 2 })
	if f, _ := fv.counts(); f != 0 {
		t.Fatalf("%d video frames encoded at bind time, want 0", f)
	}
	clk.Advance(100 * time.Millisecond)
	eventually(t, "first keyframe", func() bool { _, k := fv.counts(); return k == 1 && vb.markers.Load() == 1 })
	if st := s.Stats(); st.VideoBound != 1 || st.AudioBound != 1 || st.VideoKeyframes != 1 {
		t.Fatalf("stats after bind: %+v", st)
	}

	// Ticks: one frame per 100 ms, not keyframes.
	for i := 2; i <= 4; i++ {
		eventually(t, "video timer", func() bool { return clk.Pending() == 2 })
		clk.Advance(100 * time.Millisecond)
		eventually(t, "ticked frame", func() bool { f, _ := fv.counts(); return f == i })
	}
	if _, k := fv.counts(); k != 1 {
		t.Fatalf("%d keyframes after ticks, want 1", k)
	}

	// A keyframe request is served at once, without a tick.
	s.RequestKeyframe()
	eventually(t, "requested keyframe", func() bool { _, k := fv.counts(); return k == 2 })
	// After the keyframe interval (3 s by default) a periodic keyframe.
	eventually(t, "video timer", func() bool { return clk.Pending() == 2 })
	fk, k0 := fv.counts()
	for i := range 30 {
		eventually(t, "video timer", func() bool { f, _ := fv.counts(); return f == fk+i && clk.Pending() == 2 })
		clk.Advance(100 * time.Millisecond)
	}
	eventually(t, "30 more frames", func() bool { f, _ := fv.counts(); return f == fk+30 })
	if _, k := fv.counts(); k != k0+1 {
		t.Fatalf("%d keyframes in 3 s of frames, want 1", k-k0)
	}

	audio, video := s.SentCounts()
	if video < 5 || audio < 1 {
		t.Fatalf("SentCounts = %d audio, %d video", audio, video)
	}

	// Unbind both: the loops go idle and schedule nothing.
	if err := s.VideoTrack().Unbind(vb); err != nil {
		t.Fatal(err)
	}
	if err := s.AudioTrack().Unbind(ab); err != nil {
		t.Fatal(err)
	}
	eventually(t, "idle again", func() bool { return clk.Pending() == 0 })
	f0, _ := fv.counts()
	a0 := fa.n.Load()
	clk.Advance(time.Second)
	time.Sleep(20 * time.Millisecond)
	if f, _ := fv.counts(); f != f0 || fa.n.Load() != a0 {
		t.Fatalf("unbound source kept encoding: %d→%d frames, %d→%d packets", f0, f, a0, fa.n.Load())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !fv.closed {
		t.Fatal("Close did not close the video encoder")
	}
}

func TestSyntheticConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  SyntheticConfig
		ok   bool
	}{
		{"defaults", SyntheticConfig{}, true},
		{"audio only", SyntheticConfig{NoVideo: true}, true},
		{"nothing", SyntheticConfig{NoVideo: true, NoAudio: true}, false},
		{"odd width", SyntheticConfig{Width: 641, Height: 360}, false},
		{"too narrow", SyntheticConfig{Width: 120, Height: 90}, false},
		{"frame rate", SyntheticConfig{FrameRate: 61}, false},
		{"low bit rate", SyntheticConfig{VideoBitRate: 1000}, false},
		{"tone", SyntheticConfig{ToneHz: 30000}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.Validate(); (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

// TestHasIDRReadsUpToTheFirstSlice covers what TestHasIDR does not: the
// first slice decides, whatever follows it, and start codes split across
// the cases HasIDR skips (SEI, AUD, a zero byte before a start code).
func TestHasIDRReadsUpToTheFirstSlice(t *testing.T) {
	sps := []byte{0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1f}
	pps := []byte{0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80}
	sei := []byte{0, 0, 1, 0x06, 5, 1, 0}
	aud := []byte{0, 0, 0, 1, 0x09, 0xf0}
	idr := []byte{0, 0, 1, 0x65, 0x88, 0x84}
	p := []byte{0, 0, 1, 0x41, 0x9a, 0x02}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		au   []byte
		want bool
	}{
		{"aud sps pps sei idr", cat(aud, sps, pps, sei, idr), true},
		{"idr in two slices", cat(sps, pps, idr, idr), true},
		{"p slices", cat(p, p), false},
		{"sei then p", cat(sei, p), false},
		{"parameter sets only", cat(sps, pps), false},
		{"idr slice data holding a start code and type 1", cat(idr, []byte{0, 0, 1, 0x41}), true},
		{"p slice data holding a start code and type 5", cat(p, []byte{0, 0, 1, 0x65}), false},
		{"start code at the very end", cat(sps, []byte{0, 0, 1}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasIDR(tt.au); got != tt.want {
				t.Fatalf("HasIDR(% x) = %v, want %v", tt.au, got, tt.want)
			}
		})
	}
}

// BenchmarkHasIDR720p is HasIDR on a P frame the size of a 720p 2 Mbit/s
// one: it must not depend on the size of the slice data.
func BenchmarkHasIDR720p(b *testing.B) {
	au := append([]byte{0, 0, 0, 1, 0x41}, make([]byte, 8300)...)
	for i := 5; i < len(au); i++ {
		au[i] = byte(i*7 + 1) // slice data; no start code
	}
	b.SetBytes(int64(len(au)))
	for range b.N {
		if HasIDR(au) {
			b.Fatal("a P frame reported as IDR")
		}
	}
}
