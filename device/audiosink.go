package device

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// opusMaxFrameSamples48k is the longest Opus packet, 120 ms at 48 kHz.
const opusMaxFrameSamples48k = 5760

// Codecs an AudioSink decodes.
const (
	sinkOpus = iota
	sinkPCMU
	sinkPCMA
)

// AudioSink is one call's received audio on its way to the speaker: RTP
// packets in, through a jitter buffer and a decoder, mixed with the other
// calls by the playback loop. Package webrtcpeer writes to it from the
// track's reader goroutine; create it with Audio.NewAudioSink.
type AudioSink struct {
	a      *Audio
	callID string
	jb     *jitterBuffer
	closed atomic.Bool

	mu       sync.Mutex // held by the playback loop while decoding; Close frees under it
	codec    int
	opus     *OpusDecoder
	up       *resampler // 8 kHz G.711 to 48 kHz
	upPrimed bool       // the first packet went through up
	pcm      []int16    // decoded, not yet played
	scratch  []int16
	g711     []int16
	last     []int16 // last good frame, for G.711 concealment
	conceal  int     // concealment frames in a row
	frameLen int     // samples per packet at 48 kHz
}

// NewAudioSink starts receiving a call's audio: mimeType and clockRate are
// the negotiated codec's (audio/opus 48000, audio/PCMU or audio/PCMA 8000).
// The speaker opens with the first sink and closes after the last one.
func (a *Audio) NewAudioSink(callID, mimeType string, clockRate uint32) (*AudioSink, error) {
	s := &AudioSink{a: a, callID: callID, frameLen: audioSamples}
	target := max(1, int(a.cfg.Jitter/audioInterval))
	s.jb = newJitterBuffer(target, target+8)
	switch {
	case strings.EqualFold(mimeType, "audio/opus"):
		dec, err := NewOpusDecoder()
		if err != nil {
			return nil, fmt.Errorf("device: call %s: %w", callID, err)
		}
		s.opus, s.codec = dec, sinkOpus
		s.scratch = make([]int16, opusMaxFrameSamples48k)
	case strings.EqualFold(mimeType, "audio/PCMU"), strings.EqualFold(mimeType, "audio/PCMA"):
		if clockRate != 8000 {
			return nil, fmt.Errorf("device: call %s: %s at %d Hz; G.711 runs at 8000", callID, mimeType, clockRate)
		}
		s.codec = sinkPCMU
		if strings.EqualFold(mimeType, "audio/PCMA") {
			s.codec = sinkPCMA
		}
		s.up = newResampler(8000, audioRate)
	default:
		return nil, fmt.Errorf("device: call %s: cannot play %s; intercomd decodes Opus, PCMU and PCMA", callID, mimeType)
	}
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		s.free()
		return nil, ErrAudioClosed
	}
	a.streams[s] = struct{}{}
	a.mu.Unlock()
	wake(a.spkWake)
	return s, nil
}

// WriteRTP hands over one RTP packet as received (the sink copies what it
// keeps). It never blocks; packets that are not RTP are counted and refused.
func (s *AudioSink) WriteRTP(packet []byte) error {
	if s.closed.Load() {
		return ErrAudioClosed
	}
	return s.jb.push(packet)
}

// Stats returns the sink's jitter buffer counters.
func (s *AudioSink) Stats() JitterStats { return s.jb.statsNow() }

// Close ends the call's audio; the speaker closes when no call is left.
func (s *AudioSink) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	a := s.a
	a.mu.Lock()
	if _, ok := a.streams[s]; ok {
		delete(a.streams, s)
		a.jitter = addJitter(a.jitter, s.jb.statsNow())
	}
	a.mu.Unlock()
	s.free()
	a.log.Debug("call audio ended", "call", s.callID, "jitter", s.jb.statsNow().String())
	return nil
}

func (s *AudioSink) free() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opus != nil {
		s.opus.Close()
		s.opus = nil
	}
}

// fill decodes until at least n samples are pending. Playback loop only.
func (s *AudioSink) fill(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.pcm) < n {
		s.decodeNext()
	}
}

// consume drops n played samples.
func (s *AudioSink) consume(n int) {
	s.mu.Lock()
	s.pcm = s.pcm[:copy(s.pcm, s.pcm[n:])]
	s.mu.Unlock()
}

// decodeNext pops one frame and appends at least one sample to s.pcm.
func (s *AudioSink) decodeNext() {
	f := s.jb.pop()
	for _, d := range f.dropped {
		// Decode and discard, so the decoder's state runs on unbroken.
		if s.opus != nil {
			_, _ = s.opus.Decode(d, s.scratch)
		}
	}
	switch f.kind {
	case jitterPacket:
		if s.decodePacket(f.payload) {
			s.conceal = 0
			return
		}
		s.concealFrame()
	case jitterLost, jitterInsert:
		s.concealFrame()
	default:
		if s.frameLen > 0 && s.conceal < 5 && (s.last != nil || s.opus != nil && s.conceal > 0) {
			s.concealFrame()
			return
		}
		s.pcm = append(s.pcm, make([]int16, max(s.frameLen, 1))...)
	}
}

// decodePacket appends one packet's samples; false if it would not decode.
func (s *AudioSink) decodePacket(payload []byte) bool {
	switch s.codec {
	case sinkOpus:
		if s.opus == nil {
			return false
		}
		n, err := s.opus.Decode(payload, s.scratch)
		if err != nil || n == 0 {
			return false
		}
		s.pcm = append(s.pcm, s.scratch[:n]...)
		s.frameLen = n
		s.last = s.scratch[:0] // mark that audio has played
		return true
	default:
		if len(payload) > 1920 { // 240 ms at 8 kHz: not a real packet
			return false
		}
		if s.codec == sinkPCMU {
			s.g711 = DecodeULaw(s.g711[:0], payload)
		} else {
			s.g711 = DecodeALaw(s.g711[:0], payload)
		}
		start := len(s.pcm)
		s.pcm = s.up.process(s.pcm, s.g711)
		s.frameLen = len(payload) * audioRate / 8000
		if !s.upPrimed {
			// The upsampler holds back its kernel (2 ms) on the first
			// packet. Pad it to a whole frame, so that every packet
			// gives 20 ms and the playback loop pops one every 20 ms:
			// otherwise the pops run 10 ms early, the depth the jitter
			// buffer sees is one packet short of its target, and it
			// inserts a concealment frame a second later.
			s.upPrimed = true
			if short := s.frameLen - (len(s.pcm) - start); short > 0 {
				s.pcm = slices.Insert(s.pcm, start, make([]int16, short)...)
			}
		}
		s.last = append(s.last[:0], s.pcm[start:]...)
		return true
	}
}

// concealFrame appends one frame of concealment: libopus' PLC for Opus; for
// G.711 the last frame again at half the level each time, then silence.
func (s *AudioSink) concealFrame() {
	s.conceal++
	n := max(s.frameLen, audioSamples/2)
	if s.opus != nil {
		m := min(n, len(s.scratch))
		if k, err := s.opus.Decode(nil, s.scratch[:m]); err == nil && k > 0 {
			s.pcm = append(s.pcm, s.scratch[:k]...)
			return
		}
	}
	g := 1.0 / float64(int(1)<<min(s.conceal, 16))
	for i := range n {
		var v int16
		if len(s.last) > 0 && s.conceal < 5 {
			v = int16(float64(s.last[i%len(s.last)]) * g)
		}
		s.pcm = append(s.pcm, v)
	}
}
