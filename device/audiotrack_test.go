package device

import (
	"errors"
	"sync"
	"testing"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// codecsBinding is a TrackLocalContext that offers a list of negotiated
// codecs and keeps what is written to it.
type codecsBinding struct {
	fakeBinding
	codecs   []webrtc.RTPCodecParameters
	mu       sync.Mutex
	pts      []uint8
	payloads [][]byte
}

func (b *codecsBinding) CodecParameters() []webrtc.RTPCodecParameters { return b.codecs }
func (b *codecsBinding) WriteStream() webrtc.TrackLocalWriter         { return b }
func (b *codecsBinding) WriteRTP(h *rtp.Header, payload []byte) (int, error) {
	b.mu.Lock()
	b.pts = append(b.pts, h.PayloadType)
	b.payloads = append(b.payloads, append([]byte(nil), payload...))
	b.mu.Unlock()
	return len(payload), nil
}

func (b *codecsBinding) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.payloads)
}

var (
	opusParams = webrtc.RTPCodecParameters{RTPCodecCapability: OpusCapability, PayloadType: 111}
	pcmuParams = webrtc.RTPCodecParameters{RTPCodecCapability: PCMUCapability, PayloadType: 0}
	pcmaParams = webrtc.RTPCodecParameters{RTPCodecCapability: PCMACapability, PayloadType: 8}
	h264Params = webrtc.RTPCodecParameters{RTPCodecCapability: H264Capability, PayloadType: 102}
)

// TestSharedAudioTrackPicksTheCodec: Opus whenever the call has it, else the
// first G.711 law listed, else an error pion reports.
func TestSharedAudioTrackPicksTheCodec(t *testing.T) {
	for _, c := range []struct {
		name   string
		codecs []webrtc.RTPCodecParameters
		want   webrtc.PayloadType
		err    error
	}{
		{"opus only", []webrtc.RTPCodecParameters{opusParams}, 111, nil},
		{"opus after G.711", []webrtc.RTPCodecParameters{pcmuParams, pcmaParams, opusParams}, 111, nil},
		{"PCMU only", []webrtc.RTPCodecParameters{pcmuParams}, 0, nil},
		{"PCMA first", []webrtc.RTPCodecParameters{pcmaParams, pcmuParams}, 8, nil},
		{"nothing we send", []webrtc.RTPCodecParameters{h264Params}, 0, webrtc.ErrUnsupportedCodec},
	} {
		t.Run(c.name, func(t *testing.T) {
			changes := []int{}
			tr, err := NewSharedAudioTrack("audio", "s", func(n int) { changes = append(changes, n) })
			if err != nil {
				t.Fatal(err)
			}
			b := &codecsBinding{fakeBinding: fakeBinding{id: "b1"}, codecs: c.codecs}
			got, err := tr.Bind(b)
			if !errors.Is(err, c.err) {
				t.Fatalf("Bind: %v; want %v", err, c.err)
			}
			if err != nil {
				if tr.Bound() != 0 || len(changes) != 0 {
					t.Errorf("a failed Bind counted: bound %d, changes %v", tr.Bound(), changes)
				}
				return
			}
			if got.PayloadType != c.want {
				t.Errorf("bound payload type %d; want %d", got.PayloadType, c.want)
			}
			opus, g711 := tr.BoundWith()
			if wantOpus := c.want == 111; (opus == 1) != wantOpus || opus+g711 != 1 || tr.Bound() != 1 {
				t.Errorf("BoundWith %d, %d, Bound %d", opus, g711, tr.Bound())
			}
			if err := tr.Unbind(b); err != nil {
				t.Fatal(err)
			}
			if err := tr.Unbind(b); !errors.Is(err, webrtc.ErrUnbindFailed) {
				t.Errorf("second Unbind: %v; want ErrUnbindFailed", err)
			}
			if len(changes) != 2 || changes[0] != 1 || changes[1] != 0 {
				t.Errorf("onChange saw %v; want [1 0]", changes)
			}
		})
	}
}

// BenchmarkG711Send is the G.711 path of WriteFrame for one 20 ms frame:
// 48 kHz → 8 kHz and µ-law, with a PCMU call bound.
func BenchmarkG711Send(b *testing.B) {
	tr, err := NewSharedAudioTrack("audio", "s", nil)
	if err != nil {
		b.Fatal(err)
	}
	bind := &codecsBinding{fakeBinding: fakeBinding{id: "u"}, codecs: []webrtc.RTPCodecParameters{pcmuParams}}
	if _, err := tr.Bind(bind); err != nil {
		b.Fatal(err)
	}
	pcm := sine(audioSamples, audioRate, 1000, 8000)
	for b.Loop() {
		_ = tr.WriteFrame(pcm, nil)
		bind.mu.Lock()
		bind.payloads, bind.pts = bind.payloads[:0], bind.pts[:0]
		bind.mu.Unlock()
	}
}
