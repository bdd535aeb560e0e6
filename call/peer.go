package call

// PeerFactory creates the WebRTC side of a call. Package webrtcpeer implements it
// with pion; tests use calltest's fake.
type PeerFactory interface {
	// NewPeer creates a peer connection for one call. It sends local media as
	// opts.Send says and always accepts remote audio and video.
	NewPeer(opts PeerOptions) (Peer, error)
}

// PeerOptions configure one Peer.
type PeerOptions struct {
	CallID string
	// Send says which local tracks to send.
	Send Constraints
	// OnEvent receives everything the peer reports. It never blocks, and the peer
	// must not call it after Close returns.
	OnEvent func(PeerEvent)
}

// Peer is one WebRTC peer connection.
type Peer interface {
	// Offer creates an offer, sets it as the local description and returns its SDP.
	// Candidates trickle through OnEvent afterwards.
	Offer() (string, error)
	// Answer applies a remote offer, creates the answer, sets it as the local
	// description and returns its SDP.
	Answer(offer string) (string, error)
	// SetAnswer applies the remote answer to an offer made by Offer.
	SetAnswer(answer string) error
	// AddCandidate adds a remote ICE candidate. The Client calls it only after the
	// remote description is set; it buffers earlier ones.
	AddCandidate(c Candidate) error
	// Stats returns what media has flowed so far.
	Stats() MediaStats
	// Close tears the connection down and releases its media.
	Close() error
}

// Restarter is implemented by Peers that can restart ICE on an established
// connection, which lets a call survive a network change or a long drop.
type Restarter interface {
	// RestartOffer creates an ICE-restart offer (new credentials, new
	// candidates), sets it as the local description and returns its SDP. The
	// answer goes to SetAnswer.
	RestartOffer() (string, error)
	// Reanswer applies the other side's restart offer and returns the answer.
	Reanswer(offer string) (string, error)
}

// PeerEventType names what a PeerEvent reports.
type PeerEventType int

// Peer event types.
const (
	PeerEventUnknown PeerEventType = iota
	// PeerEventCandidate: a local ICE candidate to trickle to the other side.
	PeerEventCandidate
	// PeerEventState: the connection state changed.
	PeerEventState
	// PeerEventTrack: a remote track arrived.
	PeerEventTrack
	// PeerEventError: something failed asynchronously (a media source broke, say).
	PeerEventError
)

// PeerEvent is what a Peer reports to its Client.
type PeerEvent struct {
	Type      PeerEventType
	Candidate Candidate
	State     PeerState
	Track     RemoteTrack
	Err       error
}

// RemoteTrack is a track received from the other side.
type RemoteTrack interface {
	// ID is the track's id, Kind "audio" or "video", StreamID the id of the stream
	// it belongs to (the seed's event.streams[0].id).
	ID() string
	Kind() string
	StreamID() string
}

// MediaStats counts media on a call.
type MediaStats struct {
	AudioPacketsSent     uint64 `json:"audioPacketsSent"`
	VideoFramesSent      uint64 `json:"videoFramesSent"`
	AudioPacketsReceived uint64 `json:"audioPacketsReceived"`
	VideoPacketsReceived uint64 `json:"videoPacketsReceived"`
	VideoFramesReceived  uint64 `json:"videoFramesReceived"`
	BytesReceived        uint64 `json:"bytesReceived"`
}
