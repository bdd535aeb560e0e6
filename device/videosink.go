package device

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
)

// VideoSink passes one call's remote H.264 video on, as an Annex-B byte
// stream, to a file or to a program's standard input (a player on an indoor
// panel with a screen). It implements webrtcpeer.Sink. Packets are
// depacketized on the caller's goroutine and written by the sink's own, so a
// slow player never stalls the call; when it falls behind, whole access units
// are dropped until the next keyframe.
type VideoSink struct {
	log    *slog.Logger
	depack codecs.H264Packet
	out    io.WriteCloser
	cmd    *exec.Cmd // exec: sinks
	queue  chan []byte
	done   chan struct{}

	lastSeq  uint16
	started  bool // a packet has been seen
	waitIDR  bool // at the start, after a gap or a drop: skip until a keyframe
	closeErr error
	once     sync.Once
}

const (
	// videoSinkQueue is how many NAL units may wait for a slow writer.
	videoSinkQueue = 256
	// sinkGrace is how long a player may take to exit after its stdin closes.
	sinkGrace = 2 * time.Second
)

// OpenVideoSink opens the sink spec names for call callID, for a remote track
// of type mimeType:
//
//   - "file:PATH" writes the stream to PATH (created or truncated); "{call}"
//     in PATH becomes the call id;
//   - "exec:COMMAND" runs COMMAND with sh -c and writes the stream to its
//     standard input, e.g. "exec:ffplay -loglevel error -fflags nobuffer -i -".
//
// Only H.264 can be passed on.
func OpenVideoSink(spec, callID, mimeType string, log *slog.Logger) (*VideoSink, error) {
	if !strings.EqualFold(mimeType, "video/H264") {
		return nil, fmt.Errorf("device: video sink: %s cannot be passed on; only H.264", mimeType)
	}
	if log == nil {
		log = slog.Default()
	}
	s := &VideoSink{log: log.With("sink", spec, "call_id", callID), queue: make(chan []byte, videoSinkQueue), done: make(chan struct{}), waitIDR: true}
	kind, arg, _ := strings.Cut(spec, ":")
	switch {
	case kind == "file" && arg != "":
		f, err := os.OpenFile(strings.ReplaceAll(arg, "{call}", callID), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o640)
		if err != nil {
			return nil, fmt.Errorf("device: video sink: %w", err)
		}
		s.out = f
	case kind == "exec" && arg != "":
		s.cmd = exec.Command("/bin/sh", "-c", arg)
		s.cmd.Stdout, s.cmd.Stderr = nil, nil
		w, err := s.cmd.StdinPipe()
		if err != nil {
			return nil, fmt.Errorf("device: video sink %q: %w", arg, err)
		}
		if err := s.cmd.Start(); err != nil {
			return nil, fmt.Errorf("device: video sink %q: %w", arg, err)
		}
		s.out = w
	default:
		return nil, fmt.Errorf("device: video sink %q: write file:PATH or exec:COMMAND", spec)
	}
	go s.write()
	return s, nil
}

// ValidVideoSink checks a sink spec without opening it: "" (none),
// "file:PATH" or "exec:COMMAND".
func ValidVideoSink(spec string) error {
	if spec == "" {
		return nil
	}
	kind, arg, _ := strings.Cut(spec, ":")
	if (kind != "file" && kind != "exec") || arg == "" {
		return fmt.Errorf("%q is not file:PATH or exec:COMMAND", spec)
	}
	return nil
}

// WriteRTP takes one RTP packet of the remote video track.
func (s *VideoSink) WriteRTP(packet []byte) error {
	var p rtp.Packet
	if err := p.Unmarshal(packet); err != nil {
		return fmt.Errorf("device: video sink: %w", err)
	}
	if s.started && p.SequenceNumber != s.lastSeq+1 {
		s.waitIDR = true // a lost packet corrupts the picture: resync on a keyframe
		s.depack = codecs.H264Packet{}
	}
	s.started, s.lastSeq = true, p.SequenceNumber
	nals, err := s.depack.Unmarshal(p.Payload)
	if err != nil || len(nals) == 0 {
		return err // a fragment in the middle of a NAL unit, or a bad one
	}
	if s.waitIDR {
		// Resync on the SPS that starts a keyframe, not on an IDR NAL unit: the
		// tail of an IDR whose first fragments were lost would pass for one.
		if !hasSPS(nals) {
			return nil
		}
		s.waitIDR = false
	}
	select {
	case s.queue <- nals:
	default:
		s.waitIDR = true // the reader is behind: drop until the next keyframe
		s.log.Debug("video sink is behind; dropping until the next keyframe")
	}
	return nil
}

// hasSPS reports whether an Annex-B chunk holds a sequence parameter set,
// which starts every keyframe the sources send.
func hasSPS(au []byte) bool {
	for i := 0; i+3 < len(au); i++ {
		if au[i] == 0 && au[i+1] == 0 && au[i+2] == 1 && au[i+3]&0x1f == 7 {
			return true
		}
	}
	return false
}

func (s *VideoSink) write() {
	defer close(s.done)
	broken := false
	for nals := range s.queue {
		if broken {
			continue // keep draining so WriteRTP never blocks
		}
		if _, err := s.out.Write(nals); err != nil {
			s.log.Warn("video sink stopped taking video", "err", err)
			broken = true
		}
	}
}

// Close ends the stream: the file is closed, the program's stdin too, and
// the program is waited for (or killed if it does not end).
func (s *VideoSink) Close() error {
	s.once.Do(func() {
		close(s.queue)
		<-s.done
		s.closeErr = s.out.Close()
		if s.cmd != nil {
			waited := make(chan error, 1)
			go func() { waited <- s.cmd.Wait() }()
			select {
			case err := <-waited:
				var exit *exec.ExitError
				if err != nil && !errors.As(err, &exit) {
					s.closeErr = errors.Join(s.closeErr, err)
				}
			case <-time.After(sinkGrace):
				_ = s.cmd.Process.Kill()
				<-waited
			}
		}
	})
	return s.closeErr
}
