package webrtcpeer

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/pion/transport/v5"
	"github.com/pion/webrtc/v4"
)

// MediaSource is the local media a Factory sends: the shared tracks of a
// camera, microphone or synthetic generator. Every device.Source satisfies it
// (package device declares the same method set and documents the contract).
type MediaSource interface {
	// AudioTrack and VideoTrack return the shared tracks, nil when the source
	// lacks that kind. The same track is added to every call.
	AudioTrack() webrtc.TrackLocal
	VideoTrack() webrtc.TrackLocal
	// RequestKeyframe asks for a keyframe as soon as possible; it must not block.
	RequestKeyframe()
	// SentCounts returns the audio packets and video frames written to the
	// tracks since the source started.
	SentCounts() (audioPackets, videoFrames uint64)
}

// Sink receives one remote track of one call: every RTP packet as received
// (the sink copies what it keeps). device.AudioSink implements it for audio (a
// jitter buffer, a decoder and the speaker), device.VideoSink for video (H.264
// to a file or a player's stdin).
type Sink interface {
	// WriteRTP takes one packet. It runs on the track's reader goroutine and
	// must not block; errors (a packet that is not RTP) are only counted.
	WriteRTP(packet []byte) error
	// Close ends the track; the peer calls it when the track ends.
	Close() error
}

// NewSink makes the Sink for one remote track of a call, given the negotiated
// codec (mimeType such as "audio/opus" or "video/H264", and clock rate).
type NewSink func(callID, mimeType string, clockRate uint32) (Sink, error)

// Config configures a Factory. The zero Config works for calls on one host or
// a LAN without media to send; set Source to send media.
type Config struct {
	// ICEServers are STUN and TURN servers (none by default: host candidates only).
	ICEServers []webrtc.ICEServer
	// NetworkTypes limits candidate gathering (default udp4 and udp6).
	NetworkTypes []webrtc.NetworkType
	// InterfaceFilter, if set, keeps only the interfaces it returns true for
	// ("wlan0", say); IPFilter does the same per local address.
	InterfaceFilter func(name string) bool
	IPFilter        func(ip net.IP) bool
	// NoLoopback leaves loopback addresses out of the candidates. They are in by
	// default: a call between two processes on one host (tests, a local panel)
	// has no other path when the host has no other interface.
	NoLoopback bool
	// ResolveMDNS lets pion resolve remote ".local" candidates, which browsers
	// send to hide LAN addresses. Off by default (mDNS fully disabled): the call
	// still connects through peer-reflexive candidates, and no multicast socket
	// is opened.
	ResolveMDNS bool
	// PortMin and PortMax bound the UDP ports ICE uses (both zero: any port),
	// for firewalls.
	PortMin, PortMax uint16
	// Source supplies the media to send; nil makes every peer receive-only.
	Source MediaSource
	// AudioSink, if set, is called when a call's remote audio track arrives,
	// with the negotiated codec (mimeType such as "audio/opus", clock rate),
	// and receives the track's packets until the call ends. With
	// device.Audio: func(id, m string, r uint32) (Sink, error) { return
	// audio.NewAudioSink(id, m, r) }. An error is logged and reported as a
	// PeerEventError; the call goes on without playing that track. Nil:
	// remote audio is only counted.
	AudioSink NewSink
	// AudioCodecs are the audio codecs offered and accepted, in order of
	// preference: "opus", "PCMU", "PCMA" (default: all three, in that
	// order). The audio track sends whichever the call negotiates, Opus
	// first. Leaving Opus out makes the peer behave as a G.711-only phone
	// does, for tests and for gateways that only pass G.711 on.
	AudioCodecs []string
	// VideoSink, likewise, receives the remote video track's packets (an indoor
	// panel showing the door). Nil: remote video is only counted.
	VideoSink NewSink
	// Logger receives the package's and pion's logs (default slog.Default()).
	Logger *slog.Logger
	// PionLogLevel is the least level of pion messages that are logged
	// (default slog.LevelWarn).
	PionLogLevel slog.Leveler
	// Net replaces the host's network, for tests: a pion vnet.Net puts the
	// peers on a virtual network with loss, delay or NAT (nil: the real one).
	Net transport.Net
}

// Validate reports a Config that NewFactory would reject.
func (c Config) Validate() error {
	if (c.PortMin == 0) != (c.PortMax == 0) || c.PortMin > c.PortMax {
		return fmt.Errorf("webrtcpeer: UDP port range %d-%d: set both ends, min <= max, or neither", c.PortMin, c.PortMax)
	}
	for i, s := range c.ICEServers {
		if len(s.URLs) == 0 {
			return fmt.Errorf("webrtcpeer: ICE server %d has no URLs; give it stun: or turn: URLs or remove it", i)
		}
	}
	seen := map[string]bool{}
	for _, name := range c.AudioCodecs {
		k := strings.ToLower(strings.TrimSpace(name))
		if _, ok := audioCodecs[k]; !ok {
			return fmt.Errorf("webrtcpeer: audio codec %q: use opus, PCMU or PCMA", name)
		}
		if seen[k] {
			return fmt.Errorf("webrtcpeer: audio codec %q listed twice in AudioCodecs", name)
		}
		seen[k] = true
	}
	for _, nt := range c.NetworkTypes {
		if nt == 0 {
			return errors.New("webrtcpeer: unknown network type in NetworkTypes; use webrtc.NetworkTypeUDP4 and friends")
		}
	}
	return nil
}
