package broker

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/mochi-mqtt/server/v2/listeners"
)

// wsListener is MQTT over WebSocket for mochi. mochi's own listener binds only
// inside Serve and merely logs a failure there (so a busy port goes unnoticed),
// reports the configured rather than the bound address, and accepts any
// Origin; this one binds in Init, reports the real address, checks Origin, and
// waits for its connections on Close.
type wsListener struct {
	id      string
	address string
	tls     *tls.Config
	origins []string

	ln       net.Listener
	srv      *http.Server
	upgrader websocket.Upgrader
	log      *slog.Logger

	mu        sync.Mutex
	establish listeners.EstablishFn
	closed    bool
	conns     sync.WaitGroup
	serveDone chan struct{}
}

var _ listeners.Listener = (*wsListener)(nil)

func newWSListener(id, address string, tlsCfg *tls.Config, origins []string) *wsListener {
	return &wsListener{id: id, address: address, tls: tlsCfg, origins: origins, serveDone: make(chan struct{})}
}

// ID is the listener id mochi knows it by.
func (l *wsListener) ID() string { return l.id }

// Address is the bound address once Init has run.
func (l *wsListener) Address() string {
	if l.ln != nil {
		return l.ln.Addr().String()
	}
	return l.address
}

// Protocol is "ws", or "wss" with TLS.
func (l *wsListener) Protocol() string {
	if l.tls != nil {
		return "wss"
	}
	return "ws"
}

// Init binds the address, so Start fails at once when the port is taken.
func (l *wsListener) Init(log *slog.Logger) error {
	l.log = log
	ln, err := net.Listen("tcp", l.address)
	if err != nil {
		return err
	}
	if l.tls != nil {
		ln = tls.NewListener(ln, l.tls)
	}
	l.ln = ln
	l.upgrader = websocket.Upgrader{
		Subprotocols:     []string{"mqtt"},
		CheckOrigin:      l.checkOrigin,
		HandshakeTimeout: 10 * time.Second,
	}
	l.srv = &http.Server{
		Handler:           http.HandlerFunc(l.handle),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	return nil
}

// Serve runs until Close. mochi calls it in its own goroutine.
func (l *wsListener) Serve(establish listeners.EstablishFn) {
	defer close(l.serveDone)
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return
	}
	l.establish = establish
	l.mu.Unlock()
	if err := l.srv.Serve(l.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		l.log.Error("WebSocket listener stopped", "error", err)
	}
}

// handle upgrades any path: MQTT.js uses /mqtt by default, other clients use /.
func (l *wsListener) handle(w http.ResponseWriter, r *http.Request) {
	if !websocket.IsWebSocketUpgrade(r) {
		http.Error(w, "this port speaks MQTT over WebSocket (subprotocol mqtt), e.g. MQTT.js ws://host:port/mqtt", http.StatusUpgradeRequired)
		return
	}
	c, err := l.upgrader.Upgrade(w, r, nil)
	if err != nil {
		l.log.Debug("WebSocket upgrade failed", "error", err, "remote", r.RemoteAddr)
		return
	}
	l.mu.Lock()
	establish := l.establish
	if establish == nil { // closing
		l.mu.Unlock()
		c.Close()
		return
	}
	l.conns.Add(1)
	l.mu.Unlock()
	defer l.conns.Done()
	defer c.Close()
	if err := establish(l.id, &wsConn{Conn: c.NetConn(), ws: c}); err != nil && !errors.Is(err, io.EOF) {
		l.log.Debug("WebSocket client ended", "error", err, "remote", r.RemoteAddr)
	}
}

// checkOrigin allows non-browser clients (no Origin), same-host pages,
// loopback pages and the configured origins. Without it any web page open in
// a browser on the LAN could talk to the broker with that browser's network
// position.
func (l *wsListener) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || slices.Contains(l.origins, origin) {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	// The station's own page is served from the same host on another port
	// (http.listen, 8080 by default): same host name, any port.
	if strings.EqualFold(u.Hostname(), hostOnly(r.Host)) {
		return true
	}
	if isLoopback(u.Hostname()) {
		return true
	}
	l.log.Warn("refused a WebSocket from a foreign page; add its origin to WebSocketOrigins if it is yours", "origin", origin, "remote", r.RemoteAddr)
	return false
}

// Close stops accepting, lets mochi disconnect this listener's clients and
// waits for their handlers to return.
func (l *wsListener) Close(closeClients listeners.CloseFn) {
	l.mu.Lock()
	started := l.establish != nil
	l.establish = nil
	l.closed = true
	l.mu.Unlock()
	if l.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_ = l.srv.Shutdown(ctx) // closes the listener; upgraded connections are ours
		cancel()
	}
	closeClients(l.id)
	l.conns.Wait()
	if started {
		<-l.serveDone
	}
}

// wsConn presents a WebSocket as the byte stream mochi reads MQTT packets
// from. Each MQTT packet may span several WebSocket messages and vice versa.
type wsConn struct {
	net.Conn
	ws  *websocket.Conn
	r   io.Reader  // the message being read, nil between messages
	wmu sync.Mutex // gorilla allows one writer at a time
}

// Read returns bytes of the current binary message, moving on to the next
// message when it is used up.
func (c *wsConn) Read(p []byte) (int, error) {
	for {
		if c.r == nil {
			typ, r, err := c.ws.NextReader()
			if err != nil {
				return 0, err
			}
			if typ != websocket.BinaryMessage {
				return 0, errors.New("broker: WebSocket text message; MQTT over WebSocket uses binary messages")
			}
			c.r = r
		}
		n, err := c.r.Read(p)
		if errors.Is(err, io.EOF) {
			c.r = nil
			if n == 0 {
				continue // empty or finished message: read the next one
			}
			err = nil
		}
		return n, err
	}
}

// Write sends p as one binary message.
func (c *wsConn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.WriteMessage(websocket.BinaryMessage, p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close closes the WebSocket's connection.
func (c *wsConn) Close() error { return c.ws.Close() }

// hostOnly strips the port from a Host header value ("door.lan:1884").
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}
