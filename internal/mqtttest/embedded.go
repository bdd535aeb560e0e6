package mqtttest

import (
	"sync"
	"testing"

	"github.com/intercomd/intercomd/broker"
)

// Embedded is an embedded broker (package broker) under test.
type Embedded struct {
	t   testing.TB
	cfg broker.Config

	mu sync.Mutex
	b  *broker.Broker
}

var _ Broker = (*Embedded)(nil)

// StartEmbedded starts the embedded broker on free loopback ports (TCP and
// WebSocket, anonymous access) and returns its TCP URL. It is closed in
// t.Cleanup.
func StartEmbedded(t testing.TB) string {
	t.Helper()
	return NewEmbedded(t, broker.Config{}).URL()
}

// NewEmbedded starts the embedded broker with cfg. Empty addresses become
// 127.0.0.1:0 (a free port) instead of the production defaults; the logger
// defaults to Logger(t).
func NewEmbedded(t testing.TB, cfg broker.Config) *Embedded {
	t.Helper()
	if cfg.TCPAddress == "" {
		cfg.TCPAddress = "127.0.0.1:0"
	}
	if cfg.WebSocketAddress == "" {
		cfg.WebSocketAddress = "127.0.0.1:0"
	}
	if cfg.Logger == nil {
		cfg.Logger = Logger(t)
	}
	e := &Embedded{t: t, cfg: cfg}
	e.start()
	// Restart binds the same ports again.
	if e.cfg.TCPAddress != broker.Off {
		e.cfg.TCPAddress = e.b.TCPAddr()
	}
	if e.cfg.WebSocketAddress != broker.Off {
		e.cfg.WebSocketAddress = e.b.WebSocketAddr()
	}
	t.Cleanup(e.Kill)
	return e
}

func (e *Embedded) start() {
	e.t.Helper()
	b, err := broker.Start(e.cfg)
	if err != nil {
		e.t.Fatalf("mqtttest: start embedded broker: %v", err)
	}
	e.mu.Lock()
	e.b = b
	e.mu.Unlock()
}

// Broker returns the running broker (nil after Kill).
func (e *Embedded) Broker() *broker.Broker {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.b
}

// URL is the TCP URL: tcp://127.0.0.1:PORT.
func (e *Embedded) URL() string {
	if e.cfg.TCPAddress == broker.Off {
		return ""
	}
	return "tcp://" + e.cfg.TCPAddress
}

// WebSocketURL is ws://127.0.0.1:PORT/mqtt.
func (e *Embedded) WebSocketURL() string {
	if e.cfg.WebSocketAddress == broker.Off {
		return ""
	}
	return "ws://" + e.cfg.WebSocketAddress + "/mqtt"
}

// Kill closes the broker. Its clients' connections drop (and, this being
// mochi, their wills are published to the dying broker, reaching nobody).
func (e *Embedded) Kill() {
	e.mu.Lock()
	b := e.b
	e.b = nil
	e.mu.Unlock()
	if b != nil {
		_ = b.Close()
	}
}

// Restart starts the broker again on the same ports, with empty state.
func (e *Embedded) Restart() {
	e.t.Helper()
	e.Kill()
	e.start()
}
