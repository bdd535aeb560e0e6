package call

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/intercomd/intercomd/clock"
)

// Default timeouts. See docs/protocol.md for the flows they bound.
const (
	DefaultRingTimeout       = 30 * time.Second
	DefaultConnectTimeout    = 15 * time.Second
	DefaultDisconnectTimeout = 10 * time.Second
	DefaultBusyGrace         = 500 * time.Millisecond
	// DefaultRestartAfter and DefaultRestartInterval: how long a connected
	// call is disconnected before its caller restarts ICE, and how long after
	// a restart was answered it tries again while still disconnected.
	DefaultRestartAfter    = time.Second
	DefaultRestartInterval = 3 * time.Second

	// ringGrace is how much longer than the caller's ring timeout a callee keeps
	// ringing when the caller's cancel never arrives.
	ringGrace = 2 * time.Second
	// finishedMemory is how many ended call ids a client remembers, so that a late
	// or re-sent message of a finished call cannot ring or change anything.
	finishedMemory = 256
)

// IDRule says in words what ValidID accepts, for error messages.
const IDRule = "1-64 characters of A-Z a-z 0-9 _ . -"

// ValidID reports whether s may be used as a channel, user, device or call id:
// 1 to 64 characters from A-Z a-z 0-9 _ . - (the regexp ^[A-Za-z0-9_.-]{1,64}$,
// checked by hand: it runs on every field of every signaling message).
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '.', c == '-':
		default:
			return false
		}
	}
	return true
}

// Config configures a Client. UserID, DeviceID, Signaler and Peers are required.
type Config struct {
	// UserID is who this client is ("door"); DeviceID tells this device apart from
	// other devices of the same user ("door-pi").
	UserID   string
	DeviceID string
	// Name is the display name sent with invites and accepts ("Front door").
	Name string

	Signaler Signaler
	Peers    PeerFactory
	// Clock defaults to clock.Real.
	Clock clock.Clock
	// Logger defaults to slog.Default().
	Logger *slog.Logger

	// RingTimeout bounds how long an outgoing call rings (default 30 s).
	RingTimeout time.Duration
	// ConnectTimeout bounds media setup after an answer (default 15 s).
	ConnectTimeout time.Duration
	// DisconnectTimeout is how long a connected call may stay disconnected before
	// it fails (default 10 s), ICE restarts included.
	DisconnectTimeout time.Duration
	// RestartAfter and RestartInterval pace ICE restarts (defaults
	// DefaultRestartAfter, DefaultRestartInterval); see docs/protocol.md.
	RestartAfter    time.Duration
	RestartInterval time.Duration
	// BusyGrace is how long a caller waits for another device of the callee to
	// ring after one device said busy (default 500 ms).
	BusyGrace time.Duration
	// NewCallID makes call ids; it defaults to 16 random hex characters. Tests set
	// it to make glare deterministic.
	NewCallID func() string
}

func (c *Config) setDefaults() {
	if c.Clock == nil {
		c.Clock = clock.Real
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.RingTimeout <= 0 {
		c.RingTimeout = DefaultRingTimeout
	}
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.DisconnectTimeout <= 0 {
		c.DisconnectTimeout = DefaultDisconnectTimeout
	}
	if c.BusyGrace <= 0 {
		c.BusyGrace = DefaultBusyGrace
	}
	if c.RestartAfter <= 0 {
		c.RestartAfter = DefaultRestartAfter
	}
	if c.RestartInterval <= 0 {
		c.RestartInterval = DefaultRestartInterval
	}
	if c.NewCallID == nil {
		c.NewCallID = randomCallID
	}
}

func (c *Config) validate() error {
	switch {
	case !ValidID(c.UserID):
		return fmt.Errorf("%w: UserID %q must be %s", ErrInvalidConfig, c.UserID, IDRule)
	case !ValidID(c.DeviceID):
		return fmt.Errorf("%w: DeviceID %q must be %s", ErrInvalidConfig, c.DeviceID, IDRule)
	case c.Signaler == nil:
		return fmt.Errorf("%w: Signaler is nil; pass an mqttsignal.Signaler", ErrInvalidConfig)
	case c.Peers == nil:
		return fmt.Errorf("%w: Peers is nil; pass a webrtcpeer.Factory", ErrInvalidConfig)
	}
	return nil
}

func randomCallID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b[:])
}

// MakeCallOptions are makeCall's argument: {channelId, targetUserId, constraints}.
type MakeCallOptions struct {
	ChannelID    string
	TargetUserID string
	// Constraints say what this side sends; nil means DefaultConstraints.
	Constraints *Constraints
}

// AcceptOptions are acceptCall's argument.
type AcceptOptions struct {
	// Constraints say what this side sends; nil means DefaultConstraints.
	Constraints *Constraints
}

func constraintsOrDefault(c *Constraints) Constraints {
	if c == nil {
		return DefaultConstraints
	}
	return *c
}

// Client places and answers calls for one user on one device. Create it with
// NewClient; it is safe for concurrent use.
type Client struct {
	cfg  Config
	log  *slog.Logger
	work *mailbox[func()]
	disp *dispatcher

	quit      chan struct{}
	done      chan struct{}
	closeOnce sync.Once

	snapMu sync.Mutex
	snap   Snapshot

	// Loop state: touched only by run and what it calls.
	cur      *activeCall
	finished []string
	dnd      bool
}

// activeCall is the one call a Client can have at a time.
type activeCall struct {
	info      Info
	status    Status
	peerState PeerState
	send      Constraints
	peer      Peer
	offer     string // incoming: the remote offer, kept until accept
	remoteSet bool
	// pending holds candidates that arrived before the remote description, by
	// sending device: only the answering device's are applied. pendingCount
	// is their total, bounded by maxPendingCandidates.
	pending      map[string][]Candidate
	pendingCount int
	ringing      bool // outgoing: a callee device is alerting
	connected    bool // media connected at least once
	reoffered    bool // outgoing: an ICE-restart offer awaits its answer
	tracks       []RemoteTrack
	timers       map[string]clock.Timer
}

// NewClient starts a client. Close it to end any call and stop its goroutines.
func NewClient(cfg Config) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	cfg.setDefaults()
	c := &Client{
		cfg:  cfg,
		log:  cfg.Logger.With("user", cfg.UserID, "device", cfg.DeviceID),
		work: newMailbox[func()](),
		disp: newDispatcher(),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	c.snap = Snapshot{Status: StatusIdle, Since: cfg.Clock.Now()}
	go c.run()
	return c, nil
}

// On registers h for events of type t (the seed's client.call.on) and returns a
// function that removes it. Handlers run one at a time on the Client's
// dispatcher goroutine, in the order events happened; they may call the Client.
func (c *Client) On(t EventType, h func(Event)) (off func()) { return c.disp.on(t, h) }

// OnAny registers h for every event.
func (c *Client) OnAny(h func(Event)) (off func()) { return c.disp.on(EventUnknown, h) }

// UserID returns the user this client acts for.
func (c *Client) UserID() string { return c.cfg.UserID }

// DeviceID returns this client's device id.
func (c *Client) DeviceID() string { return c.cfg.DeviceID }

// Snapshot returns the current status and call.
func (c *Client) Snapshot() Snapshot {
	c.snapMu.Lock()
	defer c.snapMu.Unlock()
	return c.snap
}

// MakeCall calls opts.TargetUserID on opts.ChannelID (the seed's makeCall). It
// returns once the invite is sent; the outcome arrives as events. When that
// very user's call is ringing here (the two called each other at once and
// theirs arrived first), MakeCall answers it instead and returns its Info.
func (c *Client) MakeCall(ctx context.Context, opts MakeCallOptions) (Info, error) {
	switch {
	case !ValidID(opts.ChannelID):
		return Info{}, fmt.Errorf("%w: channel id %q must be %s", ErrInvalidOptions, opts.ChannelID, IDRule)
	case !ValidID(opts.TargetUserID):
		return Info{}, fmt.Errorf("%w: target user id %q must be %s", ErrInvalidOptions, opts.TargetUserID, IDRule)
	case opts.TargetUserID == c.cfg.UserID:
		return Info{}, fmt.Errorf("%w: cannot call yourself (%q)", ErrInvalidOptions, opts.TargetUserID)
	}
	var info Info
	err := c.do(ctx, func() (err error) {
		info, err = c.makeCall(opts.ChannelID, opts.TargetUserID, constraintsOrDefault(opts.Constraints))
		return err
	})
	return info, err
}

// AcceptCall answers the ringing call (the seed's acceptCall).
func (c *Client) AcceptCall(ctx context.Context, opts AcceptOptions) error {
	return c.do(ctx, func() error { return c.accept(constraintsOrDefault(opts.Constraints)) })
}

// RejectCall declines the ringing call (the seed's rejectCall).
func (c *Client) RejectCall(ctx context.Context) error {
	return c.do(ctx, func() error {
		if c.cur == nil || c.cur.status != StatusRinging {
			return ErrNoIncomingCall
		}
		c.reply(MsgReject, ReasonRejected)
		c.end(ReasonRejected, nil)
		return nil
	})
}

// EndCall ends the call in whatever state it is (the seed's endCall): it cancels
// an unanswered outgoing call, declines a ringing one and hangs up an answered one.
func (c *Client) EndCall(ctx context.Context) error {
	return c.do(ctx, func() error {
		if c.cur == nil {
			return ErrNoCall
		}
		c.hangUp()
		return nil
	})
}

// OpenDoor asks the other side of the connected call to pulse its door relay.
func (c *Client) OpenDoor(ctx context.Context) error {
	return c.do(ctx, func() error {
		if c.cur == nil || c.cur.status != StatusConnected {
			return fmt.Errorf("%w: open-door needs a connected call", ErrNoCall)
		}
		c.reply(MsgOpenDoor, ReasonUnknown)
		return nil
	})
}

// SetDoNotDisturb turns do-not-disturb on or off. While it is on, incoming
// calls are rejected as busy without ringing; outgoing calls still work.
func (c *Client) SetDoNotDisturb(ctx context.Context, on bool) error {
	return c.do(ctx, func() error {
		if c.dnd != on {
			c.log.Info("do not disturb", "on", on)
		}
		c.dnd = on
		c.snapMu.Lock()
		c.snap.DoNotDisturb = on
		c.snapMu.Unlock()
		return nil
	})
}

// Stats returns the media counters of the current call (zero when idle).
func (c *Client) Stats(ctx context.Context) (MediaStats, error) {
	var s MediaStats
	err := c.do(ctx, func() error {
		if c.cur != nil && c.cur.peer != nil {
			s = c.cur.peer.Stats()
		}
		return nil
	})
	return s, err
}

// Ping returns once the Client's loop has run a no-op: proof that the call
// engine is alive, for the systemd watchdog.
func (c *Client) Ping(ctx context.Context) error {
	return c.do(ctx, func() error { return nil })
}

// Close ends any call as EndCall would (so the other side hears of it), stops the
// loop and waits for every event to reach its handlers. It does not close the
// Signaler.
func (c *Client) Close() error {
	c.closeOnce.Do(func() { close(c.quit) })
	<-c.done
	return nil
}

// do runs f on the loop and waits for its result.
func (c *Client) do(ctx context.Context, f func() error) error {
	res := make(chan error, 1)
	c.work.put(func() {
		if err := ctx.Err(); err != nil {
			res <- err // the caller gave up before the loop got here
			return
		}
		res <- f()
	})
	select {
	case err := <-res:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-c.done:
		return ErrClosed
	}
}

func (c *Client) run() {
	defer close(c.done)
	defer c.disp.close()
	msgs := c.cfg.Signaler.Messages()
	for {
		select {
		case <-c.work.ready:
			for _, f := range c.work.take() {
				f()
			}
		case m, ok := <-msgs:
			if !ok {
				msgs = nil
				c.log.Warn("signaler stopped delivering messages; calls can no longer be signaled")
				continue
			}
			c.handle(m)
		case <-c.quit:
			if c.cur != nil {
				c.hangUp()
			}
			return
		}
	}
}

// after runs f on the loop after d, if the call with id is still the current one.
func (c *Client) after(name string, d time.Duration, id string) {
	cur := c.cur
	if old, ok := cur.timers[name]; ok {
		old.Stop()
	}
	// The timer checks that it is still the one armed under its name: one
	// that fired just as it was stopped or re-armed (a disconnect timer racing
	// the reconnect) must not act.
	var t clock.Timer
	t = c.cfg.Clock.AfterFunc(d, func() {
		c.work.put(func() {
			if c.cur != nil && c.cur.info.CallID == id && c.cur.timers[name] == t {
				c.timeout(name)
			}
		})
	})
	cur.timers[name] = t
}

func (c *Client) stopTimer(name string) {
	if t, ok := c.cur.timers[name]; ok {
		t.Stop()
		delete(c.cur.timers, name)
	}
}

const (
	timerRing       = "ring"
	timerConnect    = "connect"
	timerDisconnect = "disconnect"
	timerBusy       = "busy"
	timerRestart    = "restart"
)

func (c *Client) timeout(name string) {
	switch name {
	case timerRing:
		if c.cur.info.Direction == Outgoing {
			c.reply(MsgCancel, ReasonNoAnswer)
		}
		c.end(ReasonNoAnswer, nil)
	case timerBusy:
		if c.cur.status == StatusCalling && !c.cur.ringing {
			c.emit(Event{Type: EventRejected, Reason: ReasonBusy})
			c.reply(MsgCancel, ReasonBusy)
			c.end(ReasonBusy, nil)
		}
	case timerConnect:
		c.fail(fmt.Errorf("call: media did not connect within %s of the answer", c.cfg.ConnectTimeout))
	case timerDisconnect:
		c.fail(fmt.Errorf("call: connection lost for %s", c.cfg.DisconnectTimeout))
	case timerRestart:
		delete(c.cur.timers, timerRestart) // fired: scheduleRestart may arm it again
		c.restartICE()
	}
}

func (c *Client) makeCall(channel, target string, send Constraints) (Info, error) {
	if cur := c.cur; cur != nil {
		if cur.info.Direction == Incoming && cur.status == StatusRinging &&
			cur.info.CallerID == target && cur.info.ChannelID == channel {
			// The late half of glare: the peer's invite got here first. The
			// user wants to talk to exactly this peer, so answer its call.
			c.log.Info("glare: answering the peer's ringing call instead of placing ours", "call_id", cur.info.CallID, "to", target)
			if err := c.accept(send); err != nil {
				return Info{}, err
			}
			return cur.info, nil
		}
		return Info{}, ErrBusy
	}
	if r, ok := c.cfg.Signaler.(ConnectivityReporter); ok && !r.Connected() {
		return Info{}, ErrOffline
	}
	id := c.cfg.NewCallID()
	cur := &activeCall{
		info: Info{
			ChannelID: channel, CallID: id, CallerID: c.cfg.UserID, CalleeID: target,
			Direction: Outgoing,
		},
		send:    send,
		pending: map[string][]Candidate{},
		timers:  map[string]clock.Timer{},
	}
	peer, err := c.cfg.Peers.NewPeer(PeerOptions{CallID: id, Send: send, OnEvent: c.peerEvents(id)})
	if err != nil {
		return Info{}, fmt.Errorf("call: creating the peer connection: %w", err)
	}
	offer, err := peer.Offer()
	if err != nil {
		_ = peer.Close()
		return Info{}, fmt.Errorf("call: creating the offer: %w", err)
	}
	cur.peer = peer
	err = c.cfg.Signaler.Send(Message{
		Type: MsgInvite, Channel: channel, CallID: id, To: target,
		TTL: c.cfg.RingTimeout, SDP: offer, Media: &send, Name: c.cfg.Name,
	})
	if err != nil {
		_ = peer.Close()
		return Info{}, fmt.Errorf("call: sending the invite: %w", err)
	}
	c.cur = cur
	c.after(timerRing, c.cfg.RingTimeout, id)
	c.log.Info("calling", "call_id", id, "channel", channel, "to", target, "send", send.String())
	c.setStatus(StatusCalling)
	return cur.info, nil
}

func (c *Client) accept(send Constraints) error {
	cur := c.cur
	if cur == nil || cur.status != StatusRinging {
		return ErrNoIncomingCall
	}
	id := cur.info.CallID
	peer, err := c.cfg.Peers.NewPeer(PeerOptions{CallID: id, Send: send, OnEvent: c.peerEvents(id)})
	if err != nil {
		err = fmt.Errorf("call: creating the peer connection: %w", err)
		c.fail(err)
		return err
	}
	cur.peer = peer
	cur.send = send
	answer, err := peer.Answer(cur.offer)
	if err != nil {
		err = fmt.Errorf("call: answering the offer: %w", err)
		c.fail(err)
		return err
	}
	cur.offer = ""
	c.applyPending(cur.info.PeerDevice)
	err = c.cfg.Signaler.Send(Message{
		Type: MsgAccept, Channel: cur.info.ChannelID, CallID: id,
		To: cur.info.CallerID, ToDevice: cur.info.PeerDevice,
		SDP: answer, Media: &send, Name: c.cfg.Name,
	})
	if err != nil {
		err = fmt.Errorf("call: sending the answer: %w", err)
		c.fail(err)
		return err
	}
	c.stopTimer(timerRing)
	c.after(timerConnect, c.cfg.ConnectTimeout, id)
	c.log.Info("accepted", "call_id", id, "from", cur.info.CallerID, "send", send.String())
	c.setStatus(StatusConnecting)
	return nil
}

// hangUp ends the current call the way its state calls for and tells the peer.
func (c *Client) hangUp() {
	switch c.cur.status {
	case StatusCalling:
		c.reply(MsgCancel, ReasonCancelled)
		c.end(ReasonCancelled, nil)
	case StatusRinging:
		c.reply(MsgReject, ReasonRejected)
		c.end(ReasonRejected, nil)
	default:
		c.reply(MsgHangup, ReasonHangup)
		c.end(ReasonHangup, nil)
	}
}

// fail ends the current call as failed and tells the other side.
func (c *Client) fail(err error) {
	if c.cur.status == StatusCalling {
		c.reply(MsgCancel, ReasonFailed)
	} else {
		c.reply(MsgHangup, ReasonFailed)
	}
	c.end(ReasonFailed, err)
}

// reply sends a message of type t about the current call to the other side: the
// answering device once known, else every device of the callee.
func (c *Client) reply(t MessageType, reason EndReason) {
	cur := c.cur
	m := Message{
		Type: t, Channel: cur.info.ChannelID, CallID: cur.info.CallID,
		To: cur.info.PeerUserID(), ToDevice: cur.info.PeerDevice, Reason: reason,
	}
	if t == MsgCancel {
		m.ToDevice = "" // a cancel stops every device of the callee
	}
	c.send(m)
}

func (c *Client) send(m Message) {
	if err := c.cfg.Signaler.Send(m); err != nil {
		c.log.Warn("sending failed", "type", m.Type, "call_id", m.CallID, "err", err)
		c.emit(Event{Type: EventError, Err: fmt.Errorf("call: sending %s: %w", m.Type, err)})
	}
}

// end finishes the current call: it stops timers, closes the peer, emits the
// closing events and returns to idle.
func (c *Client) end(reason EndReason, err error) {
	cur := c.cur
	for name := range cur.timers {
		c.stopTimer(name)
	}
	if cur.peer != nil {
		if cerr := cur.peer.Close(); cerr != nil {
			c.log.Warn("closing the peer connection", "call_id", cur.info.CallID, "err", cerr)
		}
	}
	if reason == ReasonFailed {
		c.emit(Event{Type: EventFailed, Reason: reason, Err: err})
	}
	if cur.connected {
		c.emit(Event{Type: EventDisconnected, Reason: reason})
	}
	c.emit(Event{Type: EventEnded, Reason: reason, Err: err})
	c.log.Info("call ended", "call_id", cur.info.CallID, "reason", reason, "err", err)
	c.markFinished(cur.info.CallID)
	c.setStatus(StatusIdle) // still carries the ended call's info
	c.cur = nil
}

// markFinished remembers that call id is over, so its late messages change nothing.
func (c *Client) markFinished(id string) {
	c.finished = append(c.finished, id)
	if len(c.finished) > finishedMemory {
		c.finished = c.finished[1:]
	}
}

func (c *Client) isFinished(id string) bool {
	for _, f := range c.finished {
		if f == id {
			return true
		}
	}
	return false
}

// setStatus moves the current call to s and announces it.
func (c *Client) setStatus(s Status) {
	c.storeStatus(s)
	c.emit(Event{Type: EventStatusChanged})
}

// storeStatus moves the current call to s and updates the Snapshot, so that
// handlers of the events that follow already see s.
func (c *Client) storeStatus(s Status) {
	if c.cur != nil {
		c.cur.status = s
	}
	snap := Snapshot{Status: s, Since: c.cfg.Clock.Now(), DoNotDisturb: c.dnd}
	if s != StatusIdle && c.cur != nil {
		snap.Call = c.cur.info
	}
	c.snapMu.Lock()
	c.snap = snap
	c.snapMu.Unlock()
}

// emit completes e with the current call and status and hands it to the dispatcher.
func (c *Client) emit(e Event) {
	if c.cur != nil {
		e.Call = c.cur.info
		e.Status = c.cur.status
		e.PeerState = c.cur.peerState
		e.UserID = c.cur.info.PeerUserID()
	} else {
		e.Status = StatusIdle
	}
	c.disp.emit(e)
}

// peerEvents returns the callback a Peer reports through: it hands each event to
// the loop, where events of calls other than the current one are dropped.
func (c *Client) peerEvents(id string) func(PeerEvent) {
	return func(ev PeerEvent) {
		c.work.put(func() {
			if c.cur != nil && c.cur.info.CallID == id {
				c.handlePeer(ev)
			}
		})
	}
}

func (c *Client) handlePeer(ev PeerEvent) {
	cur := c.cur
	switch ev.Type {
	case PeerEventCandidate:
		cand := ev.Candidate
		c.send(Message{
			Type: MsgCandidate, Channel: cur.info.ChannelID, CallID: cur.info.CallID,
			To: cur.info.PeerUserID(), ToDevice: cur.info.PeerDevice, Candidate: &cand,
		})
	case PeerEventTrack:
		cur.tracks = append(cur.tracks, ev.Track)
	case PeerEventError:
		c.emit(Event{Type: EventError, Err: ev.Err})
	case PeerEventState:
		c.peerState(ev.State)
	}
}

func (c *Client) peerState(s PeerState) {
	cur := c.cur
	if cur.peerState == s {
		return
	}
	cur.peerState = s
	c.log.Debug("peer state", "call_id", cur.info.CallID, "state", s)
	switch s {
	case PeerConnected:
		c.stopTimer(timerDisconnect)
		c.stopTimer(timerRestart)
		if cur.status == StatusConnecting {
			c.stopTimer(timerConnect)
			cur.connected = true
			c.storeStatus(StatusConnected)
			c.log.Info("connected", "call_id", cur.info.CallID, "peer", cur.info.PeerUserID())
			c.emit(Event{Type: EventConnected, Tracks: append([]RemoteTrack(nil), cur.tracks...)})
		}
	case PeerDisconnected, PeerClosed:
		// Closed can only come from the other side here (we stop listening before
		// closing ours): wait as for a disconnect, so a hangup racing the DTLS
		// close still ends the call as a hangup.
		if _, running := cur.timers[timerDisconnect]; !running {
			c.after(timerDisconnect, c.cfg.DisconnectTimeout, cur.info.CallID)
		}
		if s == PeerDisconnected {
			c.scheduleRestart(c.cfg.RestartAfter)
		}
	case PeerFailed:
		c.fail(fmt.Errorf("call: the peer connection failed (ICE or DTLS)"))
		return
	}
	c.emit(Event{Type: EventStatusChanged})
}

// applyPending adds the buffered candidates of device to the peer.
func (c *Client) applyPending(device string) {
	cur := c.cur
	cur.remoteSet = true
	for _, cand := range cur.pending[device] {
		if err := cur.peer.AddCandidate(cand); err != nil {
			c.log.Debug("adding a buffered candidate", "call_id", cur.info.CallID, "err", err)
		}
	}
	cur.pending = nil
}
