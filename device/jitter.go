package device

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// jitterSlots is the jitter buffer's capacity in packets: 1.28 s of 20 ms
// packets, far more than the target depth; a packet further ahead than that
// restarts the stream.
const jitterSlots = 64

// Errors of parseRTP: packets the jitter buffer refuses.
var (
	errRTPShort   = errors.New("device: RTP packet shorter than its header")
	errRTPVersion = errors.New("device: not an RTP version 2 packet")
	errRTPEmpty   = errors.New("device: RTP packet without payload")
)

// rtpPacket is the part of an RTP packet the receive path needs.
type rtpPacket struct {
	seq     uint16
	ts      uint32
	ssrc    uint32
	pt      uint8
	payload []byte // aliases the input
}

// parseRTP reads an RTP header (RFC 3550: CSRCs, one header extension,
// padding) without trusting any length in it.
func parseRTP(b []byte) (rtpPacket, error) {
	if len(b) < 12 {
		return rtpPacket{}, errRTPShort
	}
	if b[0]>>6 != 2 {
		return rtpPacket{}, errRTPVersion
	}
	p := rtpPacket{
		pt:   b[1] & 0x7f,
		seq:  binary.BigEndian.Uint16(b[2:]),
		ts:   binary.BigEndian.Uint32(b[4:]),
		ssrc: binary.BigEndian.Uint32(b[8:]),
	}
	end := len(b)
	hdr := 12 + 4*int(b[0]&0x0f)
	if b[0]&0x10 != 0 { // extension
		if hdr+4 > end {
			return rtpPacket{}, errRTPShort
		}
		hdr += 4 + 4*int(binary.BigEndian.Uint16(b[hdr+2:]))
	}
	if b[0]&0x20 != 0 { // padding: the last byte counts it
		pad := int(b[end-1])
		if pad == 0 || pad > end {
			return rtpPacket{}, errRTPShort
		}
		end -= pad
	}
	if hdr > end {
		return rtpPacket{}, errRTPShort
	}
	if hdr == end {
		return rtpPacket{}, errRTPEmpty
	}
	p.payload = b[hdr:end]
	return p, nil
}

// jitterKind says what a jitter buffer pop yields.
type jitterKind int

const (
	// jitterSilence: nothing to play (not started, or the stream stalled).
	// The player conceals briefly, then plays silence.
	jitterSilence jitterKind = iota
	// jitterPacket: the next packet in sequence.
	jitterPacket
	// jitterLost: the next packet is missing but later ones are here: conceal.
	jitterLost
	// jitterInsert: the buffer runs short (the sender's clock is slow):
	// conceal one frame without consuming a packet.
	jitterInsert
)

// String names the kind, for test traces.
func (k jitterKind) String() string {
	switch k {
	case jitterPacket:
		return "packet"
	case jitterLost:
		return "lost"
	case jitterInsert:
		return "insert"
	}
	return "silence"
}

// jitterFrame is one pop: a packet to decode (payload valid until the next
// pop), or what to do instead. Dropped are packets skipped to shorten the
// buffer; the player should decode and discard them so the decoder's state
// stays continuous.
type jitterFrame struct {
	kind    jitterKind
	seq     uint16
	pt      uint8
	payload []byte
	dropped [][]byte
}

// JitterStats count what a jitter buffer did.
type JitterStats struct {
	// Received is every packet accepted; Invalid, Late and Duplicate are
	// refused (not RTP, older than the play position, already buffered).
	Received, Invalid, Late, Duplicate uint64
	// Played packets were popped in order; Lost were concealed because the
	// packet never came; Dropped were skipped to bring the depth back to the
	// target (the sender's clock runs fast, or a burst arrived after a stall);
	// Inserted were concealment frames added because the depth stayed below
	// the target (the sender's clock runs slow); Underruns are pops with
	// nothing to play (the network stalled, or the sender stopped); after
	// three in a row the buffer refills to its target before playing again.
	// Resets restart on a new SSRC or a jump in sequence numbers.
	Played, Lost, Dropped, Inserted, Underruns, Resets uint64
}

// jitterBuffer reorders one remote audio stream's RTP packets by sequence
// number and hands them to the playback clock one packet per pop.
//
// Playout starts once target packets are buffered. Each pop takes the next
// sequence number; a gap with later packets present is a loss (concealed), an
// empty buffer is an underrun (the play position waits, so a late packet still
// plays; three underruns in a row refill the buffer to its target). Over each
// window of 50 pops (1 s) the smallest and largest depths are tracked: when
// even the smallest stayed above the target one packet is dropped (the
// sender's clock is fast, or a burst arrived after a stall), and when even the
// largest stayed below it one concealment frame is inserted (the sender's
// clock is slow). So the depth holds at the target within a packet and
// playback neither drifts nor runs dry. A depth beyond maxDepth is cut back to
// the target at once.
//
// Push and pop run on different goroutines (the track reader and the
// playback loop); a mutex guards the state.
type jitterBuffer struct {
	target, maxDepth, window int

	mu      sync.Mutex
	slots   [jitterSlots]jitterSlot
	started bool // the play position next is valid
	playing bool // the initial fill is done
	next    uint16
	ssrc    uint32
	haveSrc bool
	high    uint16 // highest sequence number buffered or played
	pops    int    // pops in this window
	minDep  int    // smallest depth in this window
	maxDep  int    // largest depth in this window
	dry     int    // underruns in a row
	stats   JitterStats
	out     []byte
}

type jitterSlot struct {
	full    bool
	seq     uint16
	pt      uint8
	payload []byte
}

// newJitterBuffer makes a buffer that plays once target packets are in, and
// never holds more than maxDepth.
func newJitterBuffer(target, maxDepth int) *jitterBuffer {
	target = max(1, min(target, jitterSlots/2))
	maxDepth = max(target+2, min(maxDepth, jitterSlots-1))
	return &jitterBuffer{target: target, maxDepth: maxDepth, window: 50, minDep: jitterSlots}
}

// seqDiff is a-b in sequence space, -32768..32767.
func seqDiff(a, b uint16) int { return int(int16(a - b)) }

// push adds one RTP packet. It copies what it keeps.
func (j *jitterBuffer) push(b []byte) error {
	p, err := parseRTP(b)
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		j.stats.Invalid++
		return err
	}
	if j.haveSrc && p.ssrc != j.ssrc {
		j.resetLocked()
	}
	j.ssrc, j.haveSrc = p.ssrc, true
	if !j.started {
		j.started = true
		j.next, j.high = p.seq, p.seq
	}
	d := seqDiff(p.seq, j.next)
	switch {
	case d < 0 && !j.playing && d > -jitterSlots/2:
		// Reordered before playout began: start earlier.
		if seqDiff(j.high, p.seq) >= jitterSlots-1 {
			j.stats.Late++
			return nil
		}
		j.next = p.seq
	case d < 0:
		j.stats.Late++
		return nil
	case d >= jitterSlots-1:
		// Far ahead: the sender restarted or we missed a second of packets.
		j.resetLocked()
		j.started, j.next, j.high = true, p.seq, p.seq
	}
	s := &j.slots[p.seq%jitterSlots]
	if s.full && s.seq == p.seq {
		j.stats.Duplicate++
		return nil
	}
	s.full, s.seq, s.pt = true, p.seq, p.pt
	s.payload = append(s.payload[:0], p.payload...)
	if seqDiff(p.seq, j.high) > 0 {
		j.high = p.seq
	}
	j.stats.Received++
	return nil
}

// resetLocked forgets everything buffered.
func (j *jitterBuffer) resetLocked() {
	for i := range j.slots {
		j.slots[i].full = false
	}
	j.started, j.playing = false, false
	j.pops, j.minDep, j.maxDep, j.dry = 0, jitterSlots, 0, 0
	j.stats.Resets++
}

// depthLocked is how many packets from the play position to the highest one
// buffered, counting gaps.
func (j *jitterBuffer) depthLocked() int {
	if !j.started {
		return 0
	}
	d := seqDiff(j.high, j.next) + 1
	return max(d, 0)
}

// pop yields what to play next.
func (j *jitterBuffer) pop() jitterFrame {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.started {
		return jitterFrame{kind: jitterSilence}
	}
	depth := j.depthLocked()
	if !j.playing {
		if depth < j.target {
			return jitterFrame{kind: jitterSilence}
		}
		j.playing = true
	}
	var f jitterFrame
	// Too deep: cut back to the target now (a burst after a stall).
	if depth > j.maxDepth {
		f.dropped = j.dropLocked(f.dropped, depth-j.target)
		depth = j.target
	}
	j.minDep = min(j.minDep, depth)
	j.maxDep = max(j.maxDep, depth)
	j.pops++
	if j.pops >= j.window {
		long, short := j.minDep > j.target, j.maxDep < j.target
		j.pops, j.minDep, j.maxDep = 0, jitterSlots, 0
		switch {
		case long:
			f.dropped = j.dropLocked(f.dropped, 1)
			depth--
		case short && depth > 0:
			f.kind = jitterInsert
			j.stats.Inserted++
			return f
		}
	}
	if depth <= 0 {
		j.stats.Underruns++
		if j.dry++; j.dry >= 3 {
			j.playing, j.dry = false, 0
		}
		return jitterFrame{kind: jitterSilence, dropped: f.dropped}
	}
	j.dry = 0
	s := &j.slots[j.next%jitterSlots]
	f.seq = j.next
	j.next++
	if s.full && s.seq == f.seq {
		s.full = false
		j.out = append(j.out[:0], s.payload...)
		f.kind, f.pt, f.payload = jitterPacket, s.pt, j.out
		j.stats.Played++
		return f
	}
	f.kind = jitterLost
	j.stats.Lost++
	return f
}

// dropLocked skips n packets at the play position and returns the payloads
// skipped (copies).
func (j *jitterBuffer) dropLocked(dst [][]byte, n int) [][]byte {
	for ; n > 0; n-- {
		s := &j.slots[j.next%jitterSlots]
		if s.full && s.seq == j.next {
			dst = append(dst, append([]byte(nil), s.payload...))
			s.full = false
		}
		j.next++
		j.stats.Dropped++
	}
	return dst
}

// depth returns the current depth in packets.
func (j *jitterBuffer) depth() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.depthLocked()
}

// statsNow returns the counters.
func (j *jitterBuffer) statsNow() JitterStats {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.stats
}

// String formats the counters for logs.
func (s JitterStats) String() string {
	return fmt.Sprintf("received %d played %d lost %d late %d dup %d dropped %d inserted %d underruns %d resets %d invalid %d",
		s.Received, s.Played, s.Lost, s.Late, s.Duplicate, s.Dropped, s.Inserted, s.Underruns, s.Resets, s.Invalid)
}
