package broker

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"sync"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/listeners"
)

// retainForever stands in for "no expiry". mochi deletes retained messages
// older than Capabilities.MaximumMessageExpiryInterval (default 24 h), which
// would make a station that has been up for a day disappear from presence; 0
// is no cure, as mochi then expires MQTT 5 acknowledgements after a second.
const retainForever = 100 * 365 * 24 * 3600

// maxPacket bounds one MQTT packet: signaling payloads are at most 64 KiB.
const maxPacket = 256 << 10

// Broker is a running embedded broker. Create it with Start; stop it with Close.
type Broker struct {
	cfg Config
	log *slog.Logger
	srv *mqtt.Server
	tcp *listeners.TCP
	ws  *wsListener

	closeOnce sync.Once
}

// Start validates cfg, binds the listeners and starts serving. It fails at
// once when an address is taken.
func Start(cfg Config) (*Broker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	log := cfg.Logger.With("subsystem", "broker")

	var tlsCfg *tls.Config
	if cfg.TLSCertFile != "" {
		cert, err := tls.LoadX509KeyPair(cfg.TLSCertFile, cfg.TLSKeyFile)
		if err != nil {
			return nil, fmt.Errorf("broker: TLSCertFile/TLSKeyFile: %w; check both paths and that the key matches the certificate", err)
		}
		tlsCfg = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	}

	caps := mqtt.NewDefaultServerCapabilities()
	// MQTT.js v5 rejects acknowledgements that carry the publisher's user
	// properties ("Invalid puback reason code").
	caps.Compatibilities.NoInheritedPropertiesOnAck = true
	caps.MaximumMessageExpiryInterval = retainForever
	caps.MaximumPacketSize = maxPacket
	srv := mqtt.New(&mqtt.Options{
		Capabilities:           caps,
		Logger:                 log.With("component", "mochi"),
		SysTopicResendInterval: 60,
	})
	hook := &authHook{
		users:          passwordBytes(cfg.Users),
		admins:         map[string]bool{},
		allowAnonymous: cfg.AllowAnonymous,
		log:            log,
	}
	for _, a := range cfg.Admins {
		hook.admins[a] = true
	}
	if err := srv.AddHook(hook, nil); err != nil {
		return nil, fmt.Errorf("broker: add auth hook: %w", err)
	}
	// After the auth hook: it must see (and may rewrite) wills first.
	if err := srv.AddHook(newRetainHook(hook, log), nil); err != nil {
		return nil, fmt.Errorf("broker: add retain hook: %w", err)
	}

	b := &Broker{cfg: cfg, log: log, srv: srv}
	fail := func(err error) (*Broker, error) {
		_ = srv.Close()
		return nil, err
	}
	if cfg.TCPAddress != Off {
		b.tcp = listeners.NewTCP(listeners.Config{Type: listeners.TypeTCP, ID: "tcp", Address: cfg.TCPAddress, TLSConfig: tlsCfg})
		if err := srv.AddListener(b.tcp); err != nil {
			return fail(fmt.Errorf("broker: TCPAddress %s: %w; free the port or choose another", cfg.TCPAddress, err))
		}
	}
	if cfg.WebSocketAddress != Off {
		b.ws = newWSListener("ws", cfg.WebSocketAddress, tlsCfg, cfg.WebSocketOrigins)
		if err := srv.AddListener(b.ws); err != nil {
			return fail(fmt.Errorf("broker: WebSocketAddress %s: %w; free the port or choose another", cfg.WebSocketAddress, err))
		}
	}
	if err := srv.Serve(); err != nil {
		return fail(fmt.Errorf("broker: serve: %w", err))
	}
	log.Info("embedded MQTT broker listening", "tcp", b.TCPAddr(), "websocket", b.WebSocketAddr(), "tls", tlsCfg != nil, "users", len(cfg.Users))
	return b, nil
}

// TCPAddr is the bound host:port of the TCP listener, "" when it is off.
func (b *Broker) TCPAddr() string {
	if b.tcp == nil {
		return ""
	}
	return b.tcp.Address()
}

// WebSocketAddr is the bound host:port of the WebSocket listener, "" when it
// is off.
func (b *Broker) WebSocketAddr() string {
	if b.ws == nil {
		return ""
	}
	return b.ws.Address()
}

// TCPURL is a client URL for the TCP listener: "tcp://127.0.0.1:1883" (or
// ssl:// with TLS); "" when it is off.
func (b *Broker) TCPURL() string {
	if b.tcp == nil {
		return ""
	}
	if b.cfg.TLSCertFile != "" {
		return "ssl://" + b.TCPAddr()
	}
	return "tcp://" + b.TCPAddr()
}

// WebSocketURL is a client URL for the WebSocket listener:
// "ws://127.0.0.1:1884/mqtt" (or wss:// with TLS); "" when it is off.
func (b *Broker) WebSocketURL() string {
	if b.ws == nil {
		return ""
	}
	if b.cfg.TLSCertFile != "" {
		return "wss://" + b.WebSocketAddr() + "/mqtt"
	}
	return "ws://" + b.WebSocketAddr() + "/mqtt"
}

// Close disconnects every client, closes the listeners and waits for their
// connections to end. It is idempotent.
func (b *Broker) Close() error {
	b.closeOnce.Do(func() {
		_ = b.srv.Close()
		b.log.Info("embedded MQTT broker stopped")
	})
	return nil
}
