package device

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
)

// Codec capabilities of G.711, which a SharedAudioTrack sends to peers
// without Opus. They match what package webrtcpeer registers.
var (
	// PCMUCapability is G.711 µ-law, 8 kHz mono.
	PCMUCapability = webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypePCMU, ClockRate: 8000, Channels: 1}
	// PCMACapability is G.711 A-law, 8 kHz mono.
	PCMACapability = webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypePCMA, ClockRate: 8000, Channels: 1}
)

// The codecs a SharedAudioTrack can bind, in order of preference.
const (
	sendOpus = iota
	sendPCMU
	sendPCMA
	sendCodecs
)

// g711Samples is one 20 ms G.711 packet: 160 samples at 8 kHz.
const g711Samples = 8000 / 50

// SharedAudioTrack is the audio track every call sends, like SharedTrack,
// except that each peer connection gets the codec it negotiated: Opus when
// the remote side has it, else G.711 µ-law or A-law (whichever the remote
// lists first). The source writes 48 kHz PCM once per 20 ms with WriteFrame;
// the track encodes it only into the codecs some peer connection is bound
// with, so a station talking to browsers alone never runs the G.711 path,
// and one talking to a G.711-only phone never runs Opus.
type SharedAudioTrack struct {
	id, streamID string
	codec        [sendCodecs]*webrtc.TrackLocalStaticSample
	bound        [sendCodecs]atomic.Int32
	total        atomic.Int32
	onChange     func(bound int)

	mu     sync.Mutex
	byBind map[string]int // binding id → codec index

	wmu       sync.Mutex // WriteFrame's state
	down      *resampler // 48 kHz → 8 kHz
	pcm8      []int16
	law       []byte
	g711Going bool
}

var _ webrtc.TrackLocal = (*SharedAudioTrack)(nil)

// NewSharedAudioTrack creates the track. onChange, if not nil, is called
// after every successful Bind and Unbind with the number of peer connections
// bound (all codecs); it runs on pion's goroutine and must not block.
func NewSharedAudioTrack(id, streamID string, onChange func(bound int)) (*SharedAudioTrack, error) {
	t := &SharedAudioTrack{id: id, streamID: streamID, onChange: onChange, byBind: map[string]int{}}
	for i, c := range []webrtc.RTPCodecCapability{OpusCapability, PCMUCapability, PCMACapability} {
		inner, err := webrtc.NewTrackLocalStaticSample(c, id, streamID)
		if err != nil {
			return nil, err
		}
		t.codec[i] = inner
	}
	return t, nil
}

// pick chooses the codec to send from what the call negotiated: Opus if it
// is there, else the first G.711 law listed; -1 when none is.
func pick(params []webrtc.RTPCodecParameters) int {
	g711 := -1
	for _, p := range params {
		switch {
		case strings.EqualFold(p.MimeType, webrtc.MimeTypeOpus):
			return sendOpus
		case g711 < 0 && strings.EqualFold(p.MimeType, webrtc.MimeTypePCMU) && p.ClockRate == 8000:
			g711 = sendPCMU
		case g711 < 0 && strings.EqualFold(p.MimeType, webrtc.MimeTypePCMA) && p.ClockRate == 8000:
			g711 = sendPCMA
		}
	}
	return g711
}

// Bind is called by pion when a peer connection starts sending the track.
// It fails with webrtc.ErrUnsupportedCodec when the call negotiated none of
// Opus, PCMU and PCMA.
func (t *SharedAudioTrack) Bind(ctx webrtc.TrackLocalContext) (webrtc.RTPCodecParameters, error) {
	k := pick(ctx.CodecParameters())
	if k < 0 {
		return webrtc.RTPCodecParameters{}, webrtc.ErrUnsupportedCodec
	}
	codec, err := t.codec[k].Bind(ctx)
	if err != nil {
		return codec, err
	}
	t.mu.Lock()
	t.byBind[ctx.ID()] = k
	t.mu.Unlock()
	t.bound[k].Add(1)
	n := t.total.Add(1)
	if t.onChange != nil {
		t.onChange(int(n))
	}
	return codec, nil
}

// Unbind is called by pion when a peer connection stops sending the track.
func (t *SharedAudioTrack) Unbind(ctx webrtc.TrackLocalContext) error {
	t.mu.Lock()
	k, ok := t.byBind[ctx.ID()]
	delete(t.byBind, ctx.ID())
	t.mu.Unlock()
	if !ok {
		return webrtc.ErrUnbindFailed
	}
	if err := t.codec[k].Unbind(ctx); err != nil {
		return err
	}
	t.bound[k].Add(-1)
	n := t.total.Add(-1)
	if t.onChange != nil {
		t.onChange(int(n))
	}
	return nil
}

// ID returns the track's id.
func (t *SharedAudioTrack) ID() string { return t.id }

// RID returns "": the track has no simulcast layers.
func (t *SharedAudioTrack) RID() string { return "" }

// StreamID returns the id of the stream the track belongs to.
func (t *SharedAudioTrack) StreamID() string { return t.streamID }

// Kind returns audio.
func (t *SharedAudioTrack) Kind() webrtc.RTPCodecType { return webrtc.RTPCodecTypeAudio }

// Bound returns how many peer connections are bound to the track now.
func (t *SharedAudioTrack) Bound() int { return int(t.total.Load()) }

// BoundWith returns how many of them send Opus and how many G.711.
func (t *SharedAudioTrack) BoundWith() (opus, g711 int) {
	return int(t.bound[sendOpus].Load()), int(t.bound[sendPCMU].Load() + t.bound[sendPCMA].Load())
}

// WriteFrame sends 20 ms of 48 kHz mono audio (audioSamples samples) to
// every bound peer connection in its codec: encodeOpus makes the Opus packet,
// and is called only when some peer connection sends Opus; G.711 is
// resampled to 8 kHz and encoded here. WriteFrame is meant for one writer
// (the source's loop); it returns encodeOpus' error, and write errors are
// dropped as pion's are for a closing connection.
func (t *SharedAudioTrack) WriteFrame(pcm []int16, encodeOpus func([]int16) ([]byte, error)) error {
	var err error
	if t.bound[sendOpus].Load() > 0 {
		var b []byte
		if b, err = encodeOpus(pcm); err == nil {
			_ = t.codec[sendOpus].WriteSample(media.Sample{Data: b, Duration: audioInterval})
		}
	}
	ulaw, alaw := t.bound[sendPCMU].Load() > 0, t.bound[sendPCMA].Load() > 0
	t.wmu.Lock()
	defer t.wmu.Unlock()
	if !ulaw && !alaw {
		t.g711Going = false
		return err
	}
	if !t.g711Going || t.down == nil {
		// A fresh start: no stale 8 kHz samples from an earlier call.
		t.down, t.pcm8, t.g711Going = newResampler(audioRate, 8000), t.pcm8[:0], true
	}
	t.pcm8 = t.down.process(t.pcm8, pcm)
	for len(t.pcm8) >= g711Samples {
		frame := t.pcm8[:g711Samples]
		if ulaw {
			t.law = EncodeULaw(t.law[:0], frame)
			_ = t.codec[sendPCMU].WriteSample(media.Sample{Data: t.law, Duration: audioInterval})
		}
		if alaw {
			t.law = EncodeALaw(t.law[:0], frame)
			_ = t.codec[sendPCMA].WriteSample(media.Sample{Data: t.law, Duration: audioInterval})
		}
		t.pcm8 = t.pcm8[:copy(t.pcm8, t.pcm8[g711Samples:])]
	}
	return err
}
