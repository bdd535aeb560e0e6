package calltest

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/intercomd/intercomd/call"
)

// Network links fake peers: an offer made by one Peer and answered by another
// connects both once the offerer applies the answer, unless the network is told
// otherwise.
type Network struct {
	mu      sync.Mutex
	n       int
	peers   map[string]*Peer
	open    int
	created int
	// Stall, when true, keeps newly linked peers from connecting (a firewall
	// between them): the call times out in connecting.
	Stall bool
}

// NewNetwork returns an empty network.
func NewNetwork() *Network { return &Network{peers: map[string]*Peer{}} }

// Factory returns a call.PeerFactory whose peers live on this network.
func (n *Network) Factory() call.PeerFactory { return factory{n} }

// Open reports how many peers were created and not closed yet.
func (n *Network) Open() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.open
}

// Created reports how many peers were ever created.
func (n *Network) Created() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.created
}

// Break makes every open peer of the call report disconnected, as when the other
// side vanishes from the network.
func (n *Network) Break(callID string) { n.report(callID, call.PeerDisconnected) }

// Fail makes every open peer of the call report failed.
func (n *Network) Fail(callID string) { n.report(callID, call.PeerFailed) }

// Heal makes every open peer of the call report connected again.
func (n *Network) Heal(callID string) { n.report(callID, call.PeerConnected) }

func (n *Network) report(callID string, s call.PeerState) {
	n.mu.Lock()
	var ps []*Peer
	for _, p := range n.peers {
		if p.opts.CallID == callID && !p.closed {
			ps = append(ps, p)
		}
	}
	n.mu.Unlock()
	for _, p := range ps {
		p.event(call.PeerEvent{Type: call.PeerEventState, State: s})
	}
}

type factory struct{ n *Network }

func (f factory) NewPeer(opts call.PeerOptions) (call.Peer, error) {
	n := f.n
	n.mu.Lock()
	defer n.mu.Unlock()
	n.n++
	n.open++
	n.created++
	p := &Peer{net: n, opts: opts, token: fmt.Sprintf("peer%d", n.n)}
	n.peers[p.token] = p
	return p, nil
}

// Peer is a fake call.Peer. Its SDP is "fake <token> <media>".
type Peer struct {
	net    *Network
	opts   call.PeerOptions
	token  string
	remote *Peer
	closed bool
	// Candidates counts remote candidates added.
	candidates int
	// linked: SetAnswer connected the pair once; later answers are ICE
	// restarts, which bring no new tracks.
	linked bool
}

var (
	_ call.Peer      = (*Peer)(nil)
	_ call.Restarter = (*Peer)(nil)
)

// RestartOffer returns a fake restart offer. The answer's SetAnswer
// reconnects both peers unless the network stalls, as a restart over a
// working network does.
func (p *Peer) RestartOffer() (string, error) { return p.sdp(), nil }

// Reanswer answers a fake restart offer.
func (p *Peer) Reanswer(offer string) (string, error) {
	if _, err := p.net.lookup(offer); err != nil {
		return "", err
	}
	return p.sdp(), nil
}

func (p *Peer) sdp() string { return "fake " + p.token + " " + p.opts.Send.String() }

func (p *Peer) event(ev call.PeerEvent) {
	p.net.mu.Lock()
	closed := p.closed
	p.net.mu.Unlock()
	if !closed {
		p.opts.OnEvent(ev)
	}
}

// Offer returns a fake offer and trickles one candidate.
func (p *Peer) Offer() (string, error) {
	p.event(call.PeerEvent{Type: call.PeerEventCandidate, Candidate: call.Candidate{Candidate: "candidate:" + p.token}})
	return p.sdp(), nil
}

// Answer links p to the offering peer.
func (p *Peer) Answer(offer string) (string, error) {
	other, err := p.net.lookup(offer)
	if err != nil {
		return "", err
	}
	p.net.mu.Lock()
	p.remote = other
	p.net.mu.Unlock()
	p.event(call.PeerEvent{Type: call.PeerEventCandidate, Candidate: call.Candidate{Candidate: "candidate:" + p.token}})
	return p.sdp(), nil
}

// SetAnswer links the answering peer and, unless the network stalls, connects both.
func (p *Peer) SetAnswer(answer string) error {
	other, err := p.net.lookup(answer)
	if err != nil {
		return err
	}
	p.net.mu.Lock()
	p.remote = other
	stall := p.net.Stall || other.remote != p
	restart := p.linked
	p.linked = true
	p.net.mu.Unlock()
	if stall {
		return nil
	}
	for _, x := range []*Peer{p, other} {
		x.event(call.PeerEvent{Type: call.PeerEventState, State: call.PeerConnecting})
	}
	for _, x := range []*Peer{p, other} {
		if !restart {
			x.event(call.PeerEvent{Type: call.PeerEventTrack, Track: fakeTrack{kind: "video", id: x.remoteToken()}})
		}
		x.event(call.PeerEvent{Type: call.PeerEventState, State: call.PeerConnected})
	}
	return nil
}

func (p *Peer) remoteToken() string {
	p.net.mu.Lock()
	defer p.net.mu.Unlock()
	if p.remote == nil {
		return ""
	}
	return p.remote.token
}

// AddCandidate counts the candidate.
func (p *Peer) AddCandidate(c call.Candidate) error {
	p.net.mu.Lock()
	defer p.net.mu.Unlock()
	p.candidates++
	return nil
}

// Candidates reports how many remote candidates were added.
func (p *Peer) Candidates() int {
	p.net.mu.Lock()
	defer p.net.mu.Unlock()
	return p.candidates
}

// Stats returns zero counters.
func (p *Peer) Stats() call.MediaStats { return call.MediaStats{} }

// Close marks the peer closed; it reports nothing afterwards.
func (p *Peer) Close() error {
	p.net.mu.Lock()
	defer p.net.mu.Unlock()
	if p.closed {
		return errors.New("calltest: peer closed twice")
	}
	p.closed = true
	p.net.open--
	return nil
}

// Send reports what the peer was created to send.
func (p *Peer) Send() call.Constraints { return p.opts.Send }

func (n *Network) lookup(sdp string) (*Peer, error) {
	f := strings.Fields(sdp)
	if len(f) < 2 || f[0] != "fake" {
		return nil, fmt.Errorf("calltest: %q is not a fake SDP", sdp)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	p, ok := n.peers[f[1]]
	if !ok {
		return nil, fmt.Errorf("calltest: no peer %s", f[1])
	}
	return p, nil
}

type fakeTrack struct{ kind, id string }

func (t fakeTrack) ID() string       { return t.kind + "-" + t.id }
func (t fakeTrack) Kind() string     { return t.kind }
func (t fakeTrack) StreamID() string { return "stream-" + t.id }
