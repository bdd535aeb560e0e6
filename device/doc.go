// Package device owns intercomd's local media sources: the things that turn a
// camera, a microphone or a synthetic generator into encoded media that every
// call shares.
//
// A [Source] hands out one audio and one video [webrtc.TrackLocal]. Each track is
// a [SharedTrack]: encoded once and fanned out to every peer connection bound to
// it, and it tells its source when the first peer binds and the last one
// unbinds, so a source encodes only while somebody is listening and an idle Pi
// spends no CPU on media. Package webrtcpeer adds the tracks to its peer
// connections and forwards a receiver's PLI or FIR to [Source.RequestKeyframe].
//
// The sources, each behind the same Source interface:
//
//   - cameras ([Probe], [Inventory.Choose], [OpenPlan]): a Pi camera module
//     through rpicam-vid, a USB camera through V4L2 with its own H.264 passed
//     through, or raw frames encoded by a V4L2 memory-to-memory encoder
//     (bcm2835-codec) or by openh264 (docs/devices.md);
//   - the microphone and speaker ([NewAudio]): ALSA in pure Go, Opus and G.711,
//     a jitter buffer, echo cancellation (docs/audio.md);
//   - the synthetic source ([NewSynthetic]): a moving test pattern encoded to
//     H.264 constrained baseline by openh264 and a 440 Hz beep encoded to Opus,
//     for machines without a camera or microphone and for tests.
//
// [Combine] joins a video source and an audio source into one. Built with
// CGO_ENABLED=0 the package still compiles; the parts that need openh264 or
// libopus return an error that says how to get them.
//
// # Timestamp block code
//
// Every synthetic video frame carries its capture time and frame number in a
// block code drawn at its top-left corner, so a receiver (a Go test, a browser
// test reading a canvas) can measure glass-to-glass latency and count lost
// frames. [DrawTimestamp] writes it and [DecodeTimestamp] reads it back.
//
// Layout: the code is 2 rows of 40 square blocks. The block side s is the frame
// width divided by 40, rounded down (16 px at 640 px wide), so the code spans
// the full width at the top of the frame: blocks occupy x in [c*s, (c+1)*s) and
// y in [r*s, (r+1)*s) for column c in 0..39 and row r in 0..1. Block c of row r
// carries bit number i = 40*r + c. A 1 is a white block (luma 235), a 0 a black
// one (luma 16); chroma is neutral (128) under the code. The 80 bits are, bit 0
// first:
//
//	bits  0..1   start marker: 1, 0
//	bits  2..49  capture time, Unix milliseconds, 48 bits, most significant bit first
//	bits 50..73  frame number modulo 2^24, 24 bits, most significant bit first
//	bits 74..77  check nibble: XOR of the 18 nibbles of bits 2..73 (each nibble
//	             read most significant bit first), most significant bit first
//	bits 78..79  stop marker: 0, 1
//
// A reader takes the mean luma of the central half (s/4 to 3s/4 in both axes)
// of every block, thresholds at the midpoint between the darkest and the
// brightest block mean, and checks both markers and the check nibble. The code
// survives H.264 at the bit rates used here (docs/media.md has the figures).
package device
