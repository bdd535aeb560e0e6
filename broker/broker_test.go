package broker_test

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/gorilla/websocket"
	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/internal/mqtttest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const wait = 5 * time.Second

// client is a plain paho client that records what it receives.
type client struct {
	c    mqtt.Client
	mu   sync.Mutex
	msgs map[string][]string // topic → payloads
}

func connect(t *testing.T, url, user, pass string, mutate ...func(*mqtt.ClientOptions)) (*client, error) {
	t.Helper()
	cl := &client{msgs: map[string][]string{}}
	co := mqtt.NewClientOptions().AddBroker(url).SetClientID(fmt.Sprintf("%s-%d", user, time.Now().UnixNano())).
		SetUsername(user).SetPassword(pass).SetAutoReconnect(false).SetConnectTimeout(wait).
		SetDefaultPublishHandler(cl.record)
	for _, f := range mutate {
		f(co)
	}
	cl.c = mqtt.NewClient(co)
	tok := cl.c.Connect()
	if !tok.WaitTimeout(wait) {
		return nil, errors.New("connect timed out")
	}
	if tok.Error() != nil {
		return nil, tok.Error()
	}
	t.Cleanup(func() { cl.c.Disconnect(50) })
	return cl, nil
}

func mustConnect(t *testing.T, url, user, pass string, mutate ...func(*mqtt.ClientOptions)) *client {
	t.Helper()
	cl, err := connect(t, url, user, pass, mutate...)
	if err != nil {
		t.Fatalf("%s connect: %v", user, err)
	}
	return cl
}

func (cl *client) record(_ mqtt.Client, m mqtt.Message) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	cl.msgs[m.Topic()] = append(cl.msgs[m.Topic()], string(m.Payload()))
}

func (cl *client) got(topic string) []string {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return append([]string(nil), cl.msgs[topic]...)
}

// subscribe returns the granted QoS (0x80 = refused).
func (cl *client) subscribe(t *testing.T, filter string) byte {
	t.Helper()
	tok := cl.c.Subscribe(filter, 1, nil)
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("subscribe %s: %v", filter, tok.Error())
	}
	return tok.(*mqtt.SubscribeToken).Result()[filter]
}

func (cl *client) publish(t *testing.T, topic string, qos byte, payload string) {
	t.Helper()
	tok := cl.c.Publish(topic, qos, false, payload)
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("publish %s: %v", topic, tok.Error())
	}
}

func waitGot(t *testing.T, cl *client, topic, payload string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		for _, p := range cl.got(topic) {
			if p == payload {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("never got %q on %s (got %q)", payload, topic, cl.got(topic))
}

var users = map[string]string{"alice": "alice-pw", "bob": "bob-pw", "ha": "ha-pw"}

func TestAuthAndACL(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{Users: users, Admins: []string{"ha"}})
	url := e.URL()

	if _, err := connect(t, url, "alice", "wrong"); err == nil {
		t.Error("a wrong password was accepted")
	}
	if _, err := connect(t, url, "mallory", "x"); err == nil {
		t.Error("an unknown user was accepted")
	}
	if _, err := connect(t, url, "", ""); err == nil {
		t.Error("an anonymous client was accepted although Users is set")
	}

	ha := mustConnect(t, url, "ha", "ha-pw")
	alice := mustConnect(t, url, "alice", "alice-pw")
	bob := mustConnect(t, url, "bob", "bob-pw")
	if q := ha.subscribe(t, "#"); q != 1 {
		t.Fatalf("admin subscribe # granted %#x", q)
	}

	// Subscriptions: own inbox and shared topics yes, others' inboxes and ctl no.
	for _, s := range []struct {
		filter string
		ok     bool
	}{
		{"intercom/v1/home/user/bob", true},
		{"intercom/v1/+/presence/#", true},
		{"intercom/v1/state/+", true},
		{"intercom/v1/home/user/alice", false},
		{"intercom/v1/home/user/+", false},
		{"intercom/v1/ctl/door-pi", true},
		{"intercom/v1/#", false},
		{"#", false},
	} {
		q := bob.subscribe(t, s.filter)
		if (q <= 2) != s.ok {
			t.Errorf("bob subscribe %s granted %#x, want allowed=%v", s.filter, q, s.ok)
		}
	}

	// Publishing: signaling to anyone's inbox and one's own presence are allowed;
	// someone else's presence and commands are not (QoS 0, so the broker drops
	// them silently instead of disconnecting the client).
	alice.publish(t, "intercom/v1/home/presence/bob/bob-phone", 0, "forged")
	alice.publish(t, "intercom/v1/ctl/door-pi", 0, `{"v":1,"cmd":"open-door"}`)
	alice.publish(t, "homeassistant/button/door/config", 0, "forged")
	alice.publish(t, "intercom/v1/home/presence/alice/alice-phone", 1, "mine")
	alice.publish(t, "intercom/v1/home/user/bob", 1, "hello bob")
	waitGot(t, bob, "intercom/v1/home/user/bob", "hello bob")
	waitGot(t, ha, "intercom/v1/home/presence/alice/alice-phone", "mine")
	for _, topic := range []string{"intercom/v1/home/presence/bob/bob-phone", "intercom/v1/ctl/door-pi", "homeassistant/button/door/config"} {
		if got := ha.got(topic); len(got) > 0 {
			t.Errorf("a forbidden publish reached %s: %q", topic, got)
		}
	}
	// The admin may command.
	ha.publish(t, "intercom/v1/ctl/door-pi", 1, "cmd")
	waitGot(t, ha, "intercom/v1/ctl/door-pi", "cmd")
}

func TestWillIsCheckedAndSent(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{Users: users, Admins: []string{"ha"}})
	ha := mustConnect(t, e.URL(), "ha", "ha-pw")
	ha.subscribe(t, "#")

	// A will on someone else's presence is refused at connect time.
	_, err := connect(t, e.URL(), "alice", "alice-pw", func(o *mqtt.ClientOptions) {
		o.SetWill("intercom/v1/home/presence/bob/bob-phone", "offline", 1, true)
	})
	if err == nil {
		t.Fatal("a client with a forged will was accepted")
	}

	// A will on one's own presence is published when the connection dies.
	proxy := mqtttest.NewProxy(t, e.URL())
	_ = mustConnect(t, proxy.URL(), "alice", "alice-pw", func(o *mqtt.ClientOptions) {
		o.SetWill("intercom/v1/home/presence/alice/alice-phone", "offline", 1, true)
	})
	proxy.Cut()
	waitGot(t, ha, "intercom/v1/home/presence/alice/alice-phone", "offline")
}

func TestWebSocket(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{})
	ws := e.WebSocketURL()
	if !strings.HasPrefix(ws, "ws://127.0.0.1:") || !strings.HasSuffix(ws, "/mqtt") {
		t.Fatalf("WebSocketURL = %q", ws)
	}
	// A real MQTT client over WebSocket, on the path MQTT.js uses (/mqtt) and on /.
	sub := mustConnect(t, ws, "", "")
	sub.subscribe(t, "intercom/v1/home/user/panel")
	pub := mustConnect(t, strings.TrimSuffix(ws, "/mqtt")+"/", "", "")
	pub.publish(t, "intercom/v1/home/user/panel", 1, strings.Repeat("x", 70_000)) // spans WebSocket frames
	waitGot(t, sub, "intercom/v1/home/user/panel", strings.Repeat("x", 70_000))

	// Origin: foreign pages are refused, same-host and loopback pages allowed.
	addr := strings.TrimPrefix(strings.TrimSuffix(ws, "/mqtt"), "ws://")
	dial := func(origin string) (int, error) {
		h := http.Header{}
		if origin != "" {
			h.Set("Origin", origin)
		}
		d := websocket.Dialer{Subprotocols: []string{"mqtt"}, HandshakeTimeout: wait}
		c, resp, err := d.Dial(ws, h)
		if c != nil {
			c.Close()
		}
		if resp == nil {
			return 0, err
		}
		return resp.StatusCode, err
	}
	for origin, want := range map[string]int{
		"":                        http.StatusSwitchingProtocols,
		"http://" + addr:          http.StatusSwitchingProtocols,
		"http://localhost:8080":   http.StatusSwitchingProtocols,
		"https://evil.example":    http.StatusForbidden,
		"http://192.168.1.9:8080": http.StatusForbidden,
	} {
		if got, err := dial(origin); got != want {
			t.Errorf("Origin %q: status %d (%v), want %d", origin, got, err, want)
		}
	}
	resp, err := http.Get("http://" + addr + "/mqtt")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUpgradeRequired {
		t.Errorf("plain GET: %d, want 426", resp.StatusCode)
	}
}

func TestWebSocketOriginsConfig(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{WebSocketOrigins: []string{"https://intercom.example"}})
	h := http.Header{"Origin": {"https://intercom.example"}}
	c, _, err := (&websocket.Dialer{Subprotocols: []string{"mqtt"}}).Dial(e.WebSocketURL(), h)
	if err != nil {
		t.Fatalf("configured origin refused: %v", err)
	}
	c.Close()
}

func TestPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, cfg := range []broker.Config{
		{TCPAddress: l.Addr().String(), WebSocketAddress: "127.0.0.1:0"},
		{TCPAddress: "127.0.0.1:0", WebSocketAddress: l.Addr().String()},
	} {
		b, err := broker.Start(cfg)
		if err == nil {
			b.Close()
			t.Fatalf("Start(%+v) succeeded on a taken port", cfg)
		}
		if !strings.Contains(err.Error(), l.Addr().String()) || !strings.Contains(err.Error(), "free the port") {
			t.Errorf("error %q does not name the address and the fix", err)
		}
	}
	if _, err := broker.Start(broker.Config{TCPAddress: "0.0.0.0:0"}); !errors.Is(err, broker.ErrInvalidConfig) {
		t.Errorf("Start on all interfaces without users: %v", err)
	}
}

func TestTLS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := mqtttest.WriteCert(t)
	e := mqtttest.NewEmbedded(t, broker.Config{TLSCertFile: certFile, TLSKeyFile: keyFile})
	b := e.Broker()
	if !strings.HasPrefix(b.TCPURL(), "ssl://") || !strings.HasPrefix(b.WebSocketURL(), "wss://") {
		t.Fatalf("URLs %s %s", b.TCPURL(), b.WebSocketURL())
	}
	pool := x509.NewCertPool()
	certPEM, _ := os.ReadFile(certFile)
	pool.AppendCertsFromPEM(certPEM)
	withCA := func(o *mqtt.ClientOptions) { o.SetTLSConfig(&tls.Config{RootCAs: pool}) }
	for _, url := range []string{b.TCPURL(), b.WebSocketURL()} {
		cl := mustConnect(t, url, "", "", withCA)
		cl.subscribe(t, "t")
		cl.publish(t, "t", 1, "over tls")
		waitGot(t, cl, "t", "over tls")
	}
	// Without the CA the broker's certificate is not trusted.
	if _, err := connect(t, b.TCPURL(), "", ""); err == nil {
		t.Error("connected without trusting the certificate")
	}
	if _, err := broker.Start(broker.Config{TCPAddress: "127.0.0.1:0", WebSocketAddress: broker.Off, TLSCertFile: filepath.Join(dir, "missing.pem"), TLSKeyFile: keyFile}); err == nil || !strings.Contains(err.Error(), "TLSCertFile") {
		t.Errorf("missing certificate: %v", err)
	}
}

func TestCloseIsIdempotentAndFreesPorts(t *testing.T) {
	b, err := broker.Start(broker.Config{TCPAddress: "127.0.0.1:0", WebSocketAddress: "127.0.0.1:0", Logger: mqtttest.Logger(t)})
	if err != nil {
		t.Fatal(err)
	}
	cl := mustConnect(t, b.TCPURL(), "", "")
	wsc := mustConnect(t, b.WebSocketURL(), "", "")
	_, _ = cl, wsc
	tcp, ws := b.TCPAddr(), b.WebSocketAddr()
	b.Close()
	b.Close()
	b2, err := broker.Start(broker.Config{TCPAddress: tcp, WebSocketAddress: ws, Logger: mqtttest.Logger(t)})
	if err != nil {
		t.Fatalf("ports not freed by Close: %v", err)
	}
	b2.Close()
}

// TestRetained checks the broker's own retained store: delivery on
// subscribe (exact and wildcard), replacement, clearing, wills, and the read
// ACL. Run with -race it also guards against mochi's retained-message race
// (see retain.go): one client publishes retained presence while another
// subscribes with wildcards.
func TestRetained(t *testing.T) {
	e := mqtttest.NewEmbedded(t, broker.Config{Users: users, Admins: []string{"ha"}})
	ha := mustConnect(t, e.URL(), "ha", "ha-pw")
	ha.subscribe(t, "#")
	alice := mustConnect(t, e.URL(), "alice", "alice-pw")
	for i := 0; i < 3; i++ {
		tok := alice.c.Publish("intercom/v1/home/presence/alice/phone", 1, true, fmt.Sprint("online ", i))
		if !tok.WaitTimeout(wait) || tok.Error() != nil {
			t.Fatal(tok.Error())
		}
	}
	tok := ha.c.Publish("intercom/v1/state/door-pi", 1, true, `{"status":"idle"}`)
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	proxy := mqtttest.NewProxy(t, e.URL())
	_ = mustConnect(t, proxy.URL(), "bob", "bob-pw", func(o *mqtt.ClientOptions) {
		o.SetWill("intercom/v1/home/presence/bob/phone", "offline", 1, true)
	})
	proxy.Cut()
	// mochi acknowledges a publish before it forwards it; once ha has seen
	// everything, a new subscriber can only get the retained copies.
	waitGot(t, ha, "intercom/v1/home/presence/alice/phone", "online 2")
	waitGot(t, ha, "intercom/v1/home/presence/bob/phone", "offline")
	waitGot(t, ha, "intercom/v1/state/door-pi", `{"status":"idle"}`)

	bob := mustConnect(t, e.URL(), "bob", "bob-pw")
	bob.subscribe(t, "intercom/v1/+/presence/#")
	waitGot(t, bob, "intercom/v1/home/presence/alice/phone", "online 2")
	waitGot(t, bob, "intercom/v1/home/presence/bob/phone", "offline")
	bob.subscribe(t, "intercom/v1/state/door-pi")
	waitGot(t, bob, "intercom/v1/state/door-pi", `{"status":"idle"}`)
	if got := bob.got("intercom/v1/home/presence/alice/phone"); len(got) != 1 {
		t.Errorf("bob got %q, want only the last retained record", got)
	}

	// Clearing: an empty retained publish removes the record.
	tok = alice.c.Publish("intercom/v1/home/presence/alice/phone", 1, true, "")
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	waitGot(t, ha, "intercom/v1/home/presence/alice/phone", "") // forwarded: see above
	carol := mustConnect(t, e.URL(), "bob", "bob-pw")
	carol.subscribe(t, "intercom/v1/home/presence/+/+")
	waitGot(t, carol, "intercom/v1/home/presence/bob/phone", "offline")
	if got := carol.got("intercom/v1/home/presence/alice/phone"); len(got) != 0 {
		t.Errorf("a cleared record was delivered: %q", got)
	}

	// Concurrent retained publishes and wildcard subscriptions.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 100; i++ {
			alice.c.Publish(fmt.Sprintf("intercom/v1/home/presence/alice/d%d", i%5), 1, true, "x").Wait()
		}
	}()
	for i := 0; i < 100; i++ {
		bob.c.Subscribe("intercom/v1/home/presence/+/+", 1, nil).Wait()
		bob.c.Unsubscribe("intercom/v1/home/presence/+/+").Wait()
	}
	<-done
}
