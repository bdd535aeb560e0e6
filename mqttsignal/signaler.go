package mqttsignal

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/call"
)

// ErrClosed is returned by a Signaler's methods after Close.
var ErrClosed = errors.New("mqttsignal: signaler is closed")

// MessageQueueLimit bounds the signaling messages waiting for the reader of
// Messages; more are dropped as DropQueueFull.
const MessageQueueLimit = 1024

// commandQueueLimit bounds the commands and watched-topic messages waiting.
const commandQueueLimit = 64

// dedupeSize is how many recent fromDevice+seq pairs a Signaler remembers.
const dedupeSize = 4096

// seq is shared by every Signaler in the process so that two Signalers with
// the same device id (tests, a restart within a microsecond) never reuse a
// number: it starts at the Unix time in µs when the process started.
var seq atomic.Uint64

func init() { seq.Store(uint64(time.Now().UnixMicro())) }

func nextSeq() uint64 { return seq.Add(1) }

// Signaler carries call.Messages over MQTT (docs/protocol.md). It also receives
// daemon commands, publishes command results and state, and tracks presence on
// its channels. Create it with New; it is safe for concurrent use.
type Signaler struct {
	opts   Options
	log    *slog.Logger
	client mqtt.Client
	self   Recipient

	messages  *queue[call.Message]
	commands  *queue[Command]
	watched   *queue[Watched]
	presence  presenceMap
	presenceC chan struct{} // capacity 1
	connC     chan struct{} // capacity 1

	auth     authHolder
	pending  atomic.Int64 // publishes not yet acknowledged
	drops    dropLimiter
	dedupeMu sync.Mutex
	dedupe   *recentSet

	received  atomic.Uint64
	delivered atomic.Uint64
	dropped   [len(dropReasonNames)]atomic.Uint64

	// mu guards closed, ready, readyGen and readyC. Goroutines are added to wg
	// only while holding mu and !closed, so Close's Wait sees them all.
	mu       sync.Mutex
	closed   bool
	ready    bool
	readyGen uint64
	readyC   chan struct{} // closed and replaced whenever ready changes
	stop     chan struct{}
	wg       sync.WaitGroup

	connectTok mqtt.Token // paho's first connect, retried until it succeeds or Close
}

var _ call.Signaler = (*Signaler)(nil)

// New validates opts and starts connecting in the background; it does not wait
// for the broker (use WaitConnected for that). The client reconnects by itself
// until Close.
func New(opts Options) (*Signaler, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	tlsCfg, err := opts.TLS.tlsConfig()
	if err != nil {
		return nil, err
	}
	s := &Signaler{
		opts:      opts,
		log:       opts.Logger.With("subsystem", "mqttsignal", "user", opts.UserID, "device", opts.DeviceID),
		self:      Recipient{User: opts.UserID, Device: opts.DeviceID},
		messages:  newQueue[call.Message](MessageQueueLimit),
		commands:  newQueue[Command](commandQueueLimit),
		watched:   newQueue[Watched](commandQueueLimit),
		presenceC: make(chan struct{}, 1),
		connC:     make(chan struct{}, 1),
		dedupe:    newRecentSet(dedupeSize),
		readyC:    make(chan struct{}),
		stop:      make(chan struct{}),
	}
	if opts.Auth != nil {
		s.auth.store(*opts.Auth)
	}
	if opts.TLS.InsecureSkipVerify {
		s.log.Warn("TLS certificate checks are off (TLS.InsecureSkipVerify); use only for testing")
	}

	co := mqtt.NewClientOptions()
	for _, b := range opts.Brokers {
		co.AddBroker(b)
	}
	co.SetClientID(opts.ClientID)
	co.SetUsername(opts.Username)
	co.SetPassword(opts.Password)
	if tlsCfg != nil {
		co.SetTLSConfig(tlsCfg)
	}
	co.SetProtocolVersion(4)
	co.SetCleanSession(true)
	co.SetKeepAlive(opts.KeepAlive)
	co.SetPingTimeout(opts.KeepAlive / 2)
	co.SetConnectTimeout(5 * time.Second)
	co.SetWriteTimeout(5 * time.Second)
	co.SetAutoReconnect(true)
	co.SetConnectRetry(true)
	co.SetConnectRetryInterval(time.Second)
	co.SetMaxReconnectInterval(opts.MaxReconnectInterval)
	// Ordered delivery keeps each inbox's messages in order (MQTT orders per topic);
	// the handlers only decode and queue, so one goroutine is enough.
	co.SetOrderMatters(true)
	co.SetStore(newCopyingStore())
	co.SetBinaryWill(PresenceTopic(opts.Channels[0], opts.UserID, opts.DeviceID),
		encodePresence(false, opts.Name, opts.Kind, opts.Clock.Now()), 1, true)
	co.SetDefaultPublishHandler(s.onMessage)
	co.SetOnConnectHandler(s.onConnect)
	co.SetConnectionLostHandler(s.onConnectionLost)
	co.SetReconnectingHandler(func(mqtt.Client, *mqtt.ClientOptions) {
		s.log.Debug("reconnecting to the broker")
	})
	s.client = mqtt.NewClient(co)

	s.wg.Add(3)
	go func() { defer s.wg.Done(); s.messages.run(s.stop) }()
	go func() { defer s.wg.Done(); s.commands.run(s.stop) }()
	go func() { defer s.wg.Done(); s.watched.run(s.stop) }()
	s.mu.Lock()
	s.connectTok = s.client.Connect()
	s.watch(s.connectTok, "connect")
	s.mu.Unlock()
	return s, nil
}

// Messages delivers signaling addressed to this device, validated and without
// duplicates, in arrival order. paho's callbacks never wait for the reader:
// they queue up to MessageQueueLimit messages and drop beyond. Closed by Close.
func (s *Signaler) Messages() <-chan call.Message { return s.messages.out }

// Commands delivers validated commands sent to intercom/v1/ctl/{DeviceID}.
// Invalid commands are dropped; when they carried an id, the Signaler answers
// them itself on the result topic. Answer valid ones with PublishResult.
// Closed by Close.
func (s *Signaler) Commands() <-chan Command { return s.commands.out }

// Send publishes m (QoS 1) to m.To's inbox on m.Channel, after filling in From,
// FromDevice and Seq. It does not wait for the broker: failures after the
// message was queued are logged. It returns an error when m is malformed (the
// same rules receivers apply), its channel was not joined, or the Signaler is
// closed.
func (s *Signaler) Send(m call.Message) error {
	if !slices.Contains(s.opts.Channels, m.Channel) {
		return fmt.Errorf("mqttsignal: send %s: channel %q is not joined (joined: %v); add it to Options.Channels", m.Type, m.Channel, s.opts.Channels)
	}
	m.From, m.FromDevice, m.Seq = s.opts.UserID, s.opts.DeviceID, nextSeq()
	var key ed25519.PrivateKey
	if a := s.auth.load(); a != nil {
		key = a.Key
	}
	b, err := EncodeSignedEnvelope(m, s.opts.Clock.Now(), key)
	if err != nil {
		return fmt.Errorf("mqttsignal: send %s: %w", m.Type, err)
	}
	return s.publish(InboxTopic(m.Channel, m.To), false, b, m.Type.String())
}

// PublishResult answers the command with the given id: ok when err is nil,
// else err's text.
func (s *Signaler) PublishResult(id string, err error) error {
	if !ValidID(id) {
		return fmt.Errorf("mqttsignal: publish result: command id %q is not an id", id)
	}
	r := resultWire{V: Version, ID: id, OK: err == nil}
	if err != nil {
		r.Error = err.Error()
	}
	b, _ := json.Marshal(&r)
	return s.publish(ResultTopic(s.opts.DeviceID), false, b, "result")
}

// Watched delivers the messages of the Options.Watch topics, raw, in arrival
// order. Closed by Close.
func (s *Signaler) Watched() <-chan Watched { return s.watched.out }

// Watched is one message on a watched topic.
type Watched struct {
	Topic    string
	Payload  []byte
	Retained bool
}

// PublishEvent publishes payload on this device's event topic
// (intercom/v1/event/{DeviceID}), not retained: a doorbell ring, say.
func (s *Signaler) PublishEvent(payload []byte) error {
	return s.publish(EventTopic(s.opts.DeviceID), false, payload, "event")
}

// PublishRetained publishes payload, retained, on topic: for integrations that
// describe the device on topics of their own (Home Assistant discovery). An
// empty payload clears the topic.
func (s *Signaler) PublishRetained(topic string, payload []byte) error {
	if topic == "" || strings.ContainsAny(topic, "+#") {
		return fmt.Errorf("mqttsignal: publish retained: topic %q must be a plain topic without wildcards", topic)
	}
	return s.publish(topic, true, payload, "retained")
}

// PublishState publishes v, marshalled to JSON, as the retained state snapshot
// of this device (intercom/v1/state/{DeviceID}).
func (s *Signaler) PublishState(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("mqttsignal: publish state: %w", err)
	}
	return s.publish(StateTopic(s.opts.DeviceID), true, b, "state")
}

// Online lists the devices whose presence record on channel says online,
// sorted by user and device, this device included. The list is as fresh as
// the connection: while offline it is not updated, and after a reconnect the
// broker's retained records refresh it.
func (s *Signaler) Online(channel string) []Presence { return s.presence.online(channel) }

// PresenceChanged receives a value (without blocking the sender: changes
// coalesce) whenever the result of Online may have changed.
func (s *Signaler) PresenceChanged() <-chan struct{} { return s.presenceC }

// Connected reports whether the link to the broker is up and this device's
// subscriptions are in place. While paho reconnects it is false.
func (s *Signaler) Connected() bool {
	s.mu.Lock()
	ready := s.ready
	s.mu.Unlock()
	return ready && s.client.IsConnectionOpen()
}

// ConnectivityChanged receives a value (coalesced, never blocking the sender)
// whenever Connected may have changed. The GPIO panel uses it to show offline.
func (s *Signaler) ConnectivityChanged() <-chan struct{} { return s.connC }

// WaitConnected blocks until Connected is true, ctx is done or the Signaler is
// closed.
func (s *Signaler) WaitConnected(ctx context.Context) error {
	for {
		s.mu.Lock()
		ready, ch, closed := s.ready, s.readyC, s.closed
		s.mu.Unlock()
		if closed {
			return ErrClosed
		}
		if ready && s.client.IsConnectionOpen() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("mqttsignal: waiting for broker %v: %w", s.opts.Brokers, ctx.Err())
		case <-s.stop:
			return ErrClosed
		}
	}
}

// Stats counts what the Signaler received.
type Stats struct {
	// Received counts signaling payloads that arrived on this user's inboxes.
	Received uint64
	// Delivered counts messages handed to Messages.
	Delivered uint64
	// Dropped counts dropped payloads (signaling, presence and commands) by reason.
	Dropped map[DropReason]uint64
	// QueueHighWater is the longest the Messages queue has been.
	QueueHighWater int
}

// Stats returns the counters so far.
func (s *Signaler) Stats() Stats {
	st := Stats{Received: s.received.Load(), Delivered: s.delivered.Load(), Dropped: map[DropReason]uint64{}, QueueHighWater: s.messages.highWater()}
	for r := range s.dropped {
		if n := s.dropped[r].Load(); n > 0 {
			st.Dropped[DropReason(r)] = n
		}
	}
	return st
}

// SetAuth replaces the signing key, trusted keys and policy, as a reload does.
// Envelopes received from then on are checked against the new ones.
func (s *Signaler) SetAuth(a Auth) {
	s.auth.store(a)
	s.log.Info("signaling authentication set", "signs", a.Key != nil, "trusted_keys", a.Trust.Len(), "require", a.Require)
}

// Close announces this device offline on every channel (a clean disconnect
// sends no will), disconnects, stops the queues and waits for every goroutine
// it started. Messages and Commands are closed. Close is idempotent.
func (s *Signaler) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var toks []mqtt.Token
	if s.client.IsConnectionOpen() {
		off := encodePresence(false, s.opts.Name, s.opts.Kind, s.opts.Clock.Now())
		for _, ch := range s.opts.Channels {
			toks = append(toks, s.client.Publish(PresenceTopic(ch, s.opts.UserID, s.opts.DeviceID), 1, true, off))
		}
	}
	s.mu.Unlock()

	for _, t := range toks {
		if !t.WaitTimeout(time.Second) || t.Error() != nil {
			s.log.Warn("could not announce offline before disconnecting; the presence record may stay online", "error", t.Error())
			break
		}
	}
	if s.client.IsConnectionOpen() {
		s.client.Disconnect(250) // lets the DISCONNECT packet out
	} else {
		// Nothing to flush. paho's Disconnect waits in a goroutine for a
		// connect attempt in progress, then for the quiesce time; with 0 it
		// ends as soon as the attempt does, which the connect token reports.
		s.client.Disconnect(0)
		select {
		case <-s.connectTok.Done():
		case <-time.After(10 * time.Second):
			s.log.Warn("paho's first connect attempt did not end within 10 s of Close")
		}
	}
	close(s.stop)
	s.wg.Wait()
	s.setReady(false, 0)
	return nil
}

// MaxPendingPublishes bounds the messages sent but not yet acknowledged by the
// broker. While the broker is away paho keeps them to send after the
// reconnect; beyond this many, publish refuses more instead of growing.
const MaxPendingPublishes = 256

// ErrBacklog is returned by sends while MaxPendingPublishes messages wait for
// the broker.
var ErrBacklog = errors.New("mqttsignal: too many messages wait for the broker; is it reachable?")

// publish sends one message without waiting; a goroutine logs a failure.
func (s *Signaler) publish(topic string, retained bool, payload []byte, what string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.pending.Load() >= MaxPendingPublishes {
		return fmt.Errorf("%w (%d unacknowledged; dropping %s)", ErrBacklog, MaxPendingPublishes, what)
	}
	s.pending.Add(1)
	tok := s.client.Publish(topic, 1, retained, payload)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.pending.Add(-1)
		s.await(tok, what)
	}()
	return nil
}

// watch waits for tok in a goroutine owned by s and logs a failure. The caller
// holds s.mu and has checked !s.closed.
func (s *Signaler) watch(tok mqtt.Token, what string) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.await(tok, what)
	}()
}

// onConnect runs (in its own goroutine, started by paho) after every
// successful connect. The session is clean, so it subscribes again; announce
// does the rest. It never waits on a token itself.
func (s *Signaler) onConnect(c mqtt.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.readyGen++
	if s.setReadyLocked(false) { // a new session has no subscriptions yet
		notify(s.connC)
	}
	subs := map[string]byte{CommandTopic(s.opts.DeviceID): 1}
	for _, ch := range s.opts.Channels {
		subs[InboxTopic(ch, s.opts.UserID)] = 1
		subs[PresenceFilter(ch)] = 1
	}
	for _, t := range s.opts.Watch {
		subs[t] = 1
	}
	tok := c.SubscribeMultiple(subs, s.onMessage)
	s.wg.Add(1)
	go s.announce(c, s.readyGen, tok)
}

// announce waits for the subscriptions, then publishes presence online and,
// once the broker has acknowledged it, marks the Signaler ready. Waiting has
// two reasons: paho resends stored QoS 1 packets right after a reconnect and
// races with publishes made at that moment (eclipse-paho/paho.mqtt.golang#703),
// and a broker finishes sending retained presence for a subscription before
// it acknowledges the client's next publish, so "ready" means the presence
// list is complete too.
func (s *Signaler) announce(c mqtt.Client, gen uint64, sub mqtt.Token) {
	defer s.wg.Done()
	if !s.await(sub, "subscribe") {
		return
	}
	if st, ok := sub.(*mqtt.SubscribeToken); ok {
		for topic, code := range st.Result() {
			switch {
			case code <= 2:
			case topic == CommandTopic(s.opts.DeviceID):
				s.log.Warn("the broker refused the command topic; commands are off for this device", "topic", topic, "code", code)
			default:
				s.log.Error("the broker refused a subscription; check its ACL for this user", "topic", topic, "code", code)
				return
			}
		}
	}
	on := encodePresence(true, s.opts.Name, s.opts.Kind, s.opts.Clock.Now())
	toks := make([]mqtt.Token, 0, len(s.opts.Channels))
	// Under mu: Close publishes "offline" under mu after setting closed, so an
	// "online" can never be queued behind it.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	for _, ch := range s.opts.Channels {
		toks = append(toks, c.Publish(PresenceTopic(ch, s.opts.UserID, s.opts.DeviceID), 1, true, on))
	}
	s.mu.Unlock()
	for _, t := range toks {
		if !s.await(t, "presence") {
			return
		}
	}
	s.setReady(true, gen)
	s.log.Info("connected to the broker; subscribed and announced")
}

// await waits for t or Close and logs a failure.
func (s *Signaler) await(t mqtt.Token, what string) bool {
	select {
	case <-t.Done():
	case <-s.stop:
		return false
	}
	if err := t.Error(); err != nil {
		s.log.Warn("MQTT operation failed", "op", what, "error", err)
		return false
	}
	return true
}

// onConnectionLost only reports: paho runs it in a goroutine of its own, which
// may run after the reconnect it announces has already succeeded, so it must
// not change state. Connected checks the link itself.
func (s *Signaler) onConnectionLost(_ mqtt.Client, err error) {
	s.log.Warn("lost the broker connection; reconnecting", "error", err)
	notify(s.connC)
}

// setReady records readiness: true only from the announce of the latest
// connect (gen), false from anywhere (gen 0).
func (s *Signaler) setReady(ready bool, gen uint64) {
	s.mu.Lock()
	if ready && gen != s.readyGen {
		s.mu.Unlock()
		return
	}
	changed := s.setReadyLocked(ready)
	s.mu.Unlock()
	if changed {
		notify(s.connC)
	}
}

// setReadyLocked sets s.ready, wakes WaitConnected and reports a change. The
// caller holds s.mu and sends the notification after unlocking.
func (s *Signaler) setReadyLocked(ready bool) bool {
	if s.ready == ready {
		return false
	}
	s.ready = ready
	close(s.readyC)
	s.readyC = make(chan struct{})
	return true
}

func notify(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// onMessage is paho's handler for every subscription. It decodes and queues;
// it never blocks and never publishes-and-waits.
func (s *Signaler) onMessage(_ mqtt.Client, msg mqtt.Message) {
	topic, payload := msg.Topic(), msg.Payload()
	switch pt := parseTopic(topic); pt.kind {
	case topicInbox:
		s.received.Add(1)
		if msg.Retained() {
			s.drop(DropRetained, topic, errors.New("mqttsignal: dropped (retained): signaling must not be retained; clear the topic with an empty retained message"))
			return
		}
		w, m, err := decodeWire(topic, payload, s.self)
		if err != nil {
			s.drop(ReasonOf(err), topic, err)
			return
		}
		// Verify before deduplicating: only authentic envelopes may take a
		// place in the dedupe memory, so forged ones cannot flush it and
		// make room for a replay.
		if a := s.auth.load(); a != nil {
			if err := a.authenticate(w, s.opts.Clock.Now()); err != nil {
				s.drop(err.Reason, topic, err)
				return
			}
		}
		s.dedupeMu.Lock()
		fresh := s.dedupe.add(dedupeKey{m.From, m.FromDevice, m.Seq})
		s.dedupeMu.Unlock()
		if !fresh {
			s.drop(DropDuplicate, topic, fmt.Errorf("mqttsignal: dropped (duplicate): %s from %s seq %d was already delivered", m.Type, m.FromDevice, m.Seq))
			return
		}
		// Counted before the push: a reader may see the message (and read
		// Stats) before push returns.
		s.delivered.Add(1)
		if !s.messages.push(m) {
			s.delivered.Add(^uint64(0)) // it was not delivered after all
			s.drop(DropQueueFull, topic, fmt.Errorf("mqttsignal: dropped (queue-full): %s from %s/%s: %d messages wait for the call engine; it is stuck or the broker is flooded", m.Type, m.From, m.FromDevice, MessageQueueLimit))
		}
	case topicPresence:
		p, online, err := DecodePresence(topic, payload)
		if err != nil {
			s.drop(ReasonOf(err), topic, err)
			return
		}
		if !online && p.User == s.opts.UserID && p.Device == s.opts.DeviceID && s.client.IsConnectionOpen() {
			// Our own will, published late: the broker noticed the old
			// connection's death after we had reconnected (a session takeover
			// does that). Say online again, or we stay "offline" for everyone.
			s.log.Info("the broker published our will after we reconnected; announcing online again", "channel", p.Channel)
			_ = s.publish(topic, true, encodePresence(true, s.opts.Name, s.opts.Kind, s.opts.Clock.Now()), "presence")
			return
		}
		changed, err := s.presence.set(p, online)
		if err != nil {
			s.drop(DropPresenceFull, topic, err)
			return
		}
		if changed {
			notify(s.presenceC)
		}
	case topicCommand:
		if pt.device != s.opts.DeviceID {
			s.drop(DropTopicMismatch, topic, fmt.Errorf("mqttsignal: dropped (topic-mismatch): command for device %q", pt.device))
			return
		}
		c, err := DecodeCommand(payload)
		if err != nil {
			s.drop(ReasonOf(err), topic, err)
			if c.ID != "" {
				_ = s.PublishResult(c.ID, err)
			}
			return
		}
		if !s.commands.push(c) {
			err := fmt.Errorf("mqttsignal: dropped (queue-full): %d commands wait for the daemon; try again", commandQueueLimit)
			s.drop(DropQueueFull, topic, err)
			if c.ID != "" {
				_ = s.PublishResult(c.ID, err)
			}
		}
	default:
		if slices.Contains(s.opts.Watch, topic) {
			if !s.watched.push(Watched{Topic: topic, Payload: slices.Clone(payload), Retained: msg.Retained()}) {
				s.drop(DropQueueFull, topic, fmt.Errorf("mqttsignal: dropped (queue-full): %d messages on watched topics wait", commandQueueLimit))
			}
			return
		}
		s.log.Debug("ignoring a message on an unexpected topic", "topic", truncate(topic))
	}
}

// drop counts and logs a dropped payload. Drops that happen in normal
// operation are logged at debug, the rest at warn.
func (s *Signaler) drop(r DropReason, topic string, err error) {
	if int(r) >= 0 && int(r) < len(s.dropped) {
		s.dropped[r].Add(1)
	}
	level := slog.LevelWarn
	switch r {
	case DropDuplicate, DropOwnDevice, DropOtherDevice:
		level = slog.LevelDebug
	}
	// A flood must not flood the journal: per reason, one warning per
	// dropLogInterval, the next one saying how many were left unsaid.
	suppressed, ok := s.drops.allow(r, s.opts.Clock.Now())
	if level > slog.LevelDebug && !ok {
		level = slog.LevelDebug
	}
	if suppressed > 0 {
		s.log.Log(context.Background(), level, "dropped a message", "reason", r.String(), "topic", truncate(topic), "error", err, "also_dropped_unlogged", suppressed)
		return
	}
	s.log.Log(context.Background(), level, "dropped a message", "reason", r.String(), "topic", truncate(topic), "error", err)
}

// dropLogInterval is the shortest time between two warnings for one drop reason.
const dropLogInterval = 10 * time.Second

// dropLimiter decides which drops are worth a warning.
type dropLimiter struct {
	mu   sync.Mutex
	last [len(dropReasonNames)]time.Time
	held [len(dropReasonNames)]uint64
}

// allow reports whether a drop for r may be logged at warn now, and how many
// drops for r went unlogged since the last one that was.
func (l *dropLimiter) allow(r DropReason, now time.Time) (suppressed uint64, ok bool) {
	if r < 0 || int(r) >= len(l.last) {
		return 0, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.last[r].IsZero() && now.Sub(l.last[r]) < dropLogInterval {
		l.held[r]++
		return 0, false
	}
	l.last[r] = now
	suppressed, l.held[r] = l.held[r], 0
	return suppressed, true
}
