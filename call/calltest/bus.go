// Package calltest provides in-memory fakes of call's Signaler and PeerFactory
// for fast tests of anything built on package call. They follow the contracts
// the real mqttsignal and webrtcpeer packages keep, and expose knobs to
// simulate the network: holding messages, dropping them, breaking connections.
package calltest

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/intercomd/intercomd/call"
)

// Bus is an in-memory signaling network. Every Endpoint joined to it can reach
// every other by user id, as MQTT topics per user would.
type Bus struct {
	mu        sync.Mutex
	endpoints []*Endpoint
	seq       uint64
	inflight  atomic.Int64
	held      []call.Message
	hold      bool
	sent      []call.Message
	// Drop, when set, is asked about every message; true loses it.
	Drop func(call.Message) bool
}

// NewBus returns an empty bus.
func NewBus() *Bus { return &Bus{} }

// Join adds a device of a user to the bus.
func (b *Bus) Join(user, device string) *Endpoint {
	e := &Endpoint{bus: b, user: user, device: device, out: make(chan call.Message), quit: make(chan struct{}), done: make(chan struct{})}
	e.queue.ready = make(chan struct{}, 1)
	b.mu.Lock()
	b.endpoints = append(b.endpoints, e)
	b.mu.Unlock()
	go e.run()
	return e
}

// Hold makes the bus keep messages instead of delivering them, until Release.
func (b *Bus) Hold() {
	b.mu.Lock()
	b.hold = true
	b.mu.Unlock()
}

// Release delivers the held messages in the order they were sent and stops holding.
func (b *Bus) Release() {
	b.mu.Lock()
	held := b.held
	b.held, b.hold = nil, false
	b.mu.Unlock()
	for _, m := range held {
		b.deliver(m)
	}
}

// Sent returns a copy of every message sent so far.
func (b *Bus) Sent() []call.Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]call.Message(nil), b.sent...)
}

// SentOfType returns the messages of type t sent so far.
func (b *Bus) SentOfType(t call.MessageType) []call.Message {
	var out []call.Message
	for _, m := range b.Sent() {
		if m.Type == t {
			out = append(out, m)
		}
	}
	return out
}

func (b *Bus) send(from *Endpoint, m call.Message) {
	b.mu.Lock()
	b.seq++
	m.From, m.FromDevice, m.Seq = from.user, from.device, b.seq
	b.sent = append(b.sent, m)
	if b.Drop != nil && b.Drop(m) {
		b.mu.Unlock()
		return
	}
	if b.hold {
		b.held = append(b.held, m)
		b.mu.Unlock()
		return
	}
	b.mu.Unlock()
	b.deliver(m)
}

func (b *Bus) deliver(m call.Message) {
	b.mu.Lock()
	targets := make([]*Endpoint, 0, len(b.endpoints))
	for _, e := range b.endpoints {
		if e.user == m.To && (m.ToDevice == "" || m.ToDevice == e.device) {
			targets = append(targets, e)
		}
	}
	b.mu.Unlock()
	for _, e := range targets {
		e.enqueue(m)
	}
}

// Endpoint is one device on a Bus. It implements call.Signaler.
type Endpoint struct {
	bus          *Bus
	user, device string
	out          chan call.Message
	quit, done   chan struct{}
	closeOnce    sync.Once
	offline      atomic.Bool

	queue struct {
		sync.Mutex
		items []call.Message
		ready chan struct{}
	}
}

var _ call.Signaler = (*Endpoint)(nil)

// Send delivers m to every endpoint of m.To (only m.ToDevice when set).
func (e *Endpoint) Send(m call.Message) error {
	select {
	case <-e.quit:
		return call.ErrClosed
	default:
	}
	e.bus.send(e, m)
	return nil
}

// Offline makes the endpoint report its transport down (true) or up again.
func (e *Endpoint) Offline(down bool) { e.offline.Store(down) }

// Connected reports whether the endpoint is online (see Offline).
func (e *Endpoint) Connected() bool { return !e.offline.Load() }

// Messages delivers what others sent to this endpoint.
func (e *Endpoint) Messages() <-chan call.Message { return e.out }

// Close stops delivery and closes Messages.
func (e *Endpoint) Close() error {
	e.closeOnce.Do(func() { close(e.quit) })
	<-e.done
	return nil
}

// WaitIdle blocks until every message sent so far (and not held or dropped) has
// been taken by its receiver.
func (b *Bus) WaitIdle() {
	for b.inflight.Load() > 0 {
		time.Sleep(100 * time.Microsecond)
	}
}

func (e *Endpoint) enqueue(m call.Message) {
	e.bus.inflight.Add(1)
	e.queue.Lock()
	e.queue.items = append(e.queue.items, m)
	e.queue.Unlock()
	select {
	case e.queue.ready <- struct{}{}:
	default:
	}
}

func (e *Endpoint) run() {
	defer close(e.done)
	defer close(e.out)
	for {
		select {
		case <-e.quit:
			return
		case <-e.queue.ready:
		}
		e.queue.Lock()
		items := e.queue.items
		e.queue.items = nil
		e.queue.Unlock()
		for i, m := range items {
			select {
			case e.out <- m:
				e.bus.inflight.Add(-1)
			case <-e.quit:
				e.bus.inflight.Add(-int64(len(items) - i))
				return
			}
		}
	}
}
