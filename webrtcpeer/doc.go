// Package webrtcpeer is the WebRTC side of an intercomd call: it implements
// call.PeerFactory and call.Peer with pion/webrtc v4.
//
// A [Factory] holds what every call shares and what is costly to make: one
// webrtc.API (a MediaEngine with only the codecs intercomd sends and every
// browser has, a trimmed interceptor chain, ICE settings) and one DTLS
// certificate, renewed before it expires. Each [Factory.NewPeer] is one
// RTCPeerConnection:
//
//   - Offer adds an audio and a video transceiver (sendrecv when the call sends
//     that kind and the media source has a track for it, recvonly otherwise),
//     and Answer applies a remote offer and reuses its transceivers for the local
//     tracks, so the answer never grows m-lines the offer lacked.
//   - Local ICE candidates trickle out through PeerOptions.OnEvent as soon as
//     they are gathered, the end of gathering as an empty candidate.
//   - Remote tracks are read by one goroutine each, which counts packets, bytes
//     and video frames (RTP marker bit) for Stats, and hands remote audio
//     packets to Config.AudioSink (device.Audio plays them). A receiver's PLI or FIR turns
//     into a keyframe request to the media source, and so does the call
//     connecting, so the first picture arrives without waiting for the next
//     periodic keyframe.
//   - Close closes the connection and waits for every goroutine the peer started;
//     OnEvent is never called after Close returns.
//
// pion's own logging goes to log/slog through [NewLoggerFactory], at warn level
// unless configured otherwise.
package webrtcpeer
