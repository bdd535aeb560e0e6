package mqttsignal

import (
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/intercomd/intercomd/clock"
)

// Options configure a Signaler. UserID, DeviceID, Channels and Brokers are
// required; everything else has a default.
type Options struct {
	// Brokers are tried in order: tcp:// (or mqtt://), ssl:// (or tls://, mqtts://),
	// ws:// and wss:// URLs with host and port, e.g. "tcp://127.0.0.1:1883",
	// "ws://127.0.0.1:1884/mqtt".
	Brokers []string
	// ClientID is the MQTT client id. Default: "intercomd-{DeviceID}-{6 random hex}".
	// Two connections with one client id kick each other off the broker, so a
	// fixed id must be unique across every running process.
	ClientID string
	// Username and Password authenticate to the broker (optional).
	Username string
	Password string
	// TLS applies to ssl:// and wss:// brokers.
	TLS TLSOptions
	// Auth signs and verifies signaling envelopes (nil: neither). Replace its
	// trusted keys at run time with Signaler.SetAuth.
	Auth *Auth

	// UserID is the user this device signs in as ("door", "alice").
	UserID string
	// DeviceID names this device among the user's devices ("door-pi").
	DeviceID string
	// Name is the display name sent in presence records ("Front door").
	Name string
	// Kind is announced in presence records: KindStation (default) or KindBrowser.
	Kind string
	// Channels the device joins. Its presence will (the offline record the broker
	// publishes when the connection dies) covers only Channels[0]; see the
	// package documentation.
	Channels []string
	// Watch lists extra topics (no wildcards) to subscribe to on every connect;
	// their messages arrive raw on Watched. Home Assistant's status topic is one.
	Watch []string

	// KeepAlive is the MQTT keep-alive. The broker sends the will (offline) after
	// 1.5 × KeepAlive without traffic. Default 10 s.
	KeepAlive time.Duration
	// MaxReconnectInterval caps the reconnect back-off. Default 5 s: an intercom
	// that stays offline for minutes after the Wi-Fi returns is broken.
	MaxReconnectInterval time.Duration
	// Logger receives the Signaler's logs. Default slog.Default().
	Logger *slog.Logger
	// Clock stamps "ts" fields. Default clock.Real.
	Clock clock.Clock
}

// TLSOptions configure TLS to the broker.
type TLSOptions struct {
	// CAFile is a PEM bundle to verify the broker with. Default: the system roots.
	CAFile string
	// CertFile and KeyFile are a client certificate, for brokers that require one.
	CertFile string
	KeyFile  string
	// PinSHA256 lists the broker certificate keys to accept ("sha256/BASE64",
	// see Pin). With CAFile the chain is checked too; without it the pin alone
	// decides, so a self-signed broker certificate needs no CA at all.
	PinSHA256 []string
	// InsecureSkipVerify disables checking the broker's certificate. Only for
	// testing: anyone on the path can then read and forge signaling.
	InsecureSkipVerify bool
}

// ErrInvalidOptions is wrapped by every error New returns for bad Options.
var ErrInvalidOptions = errors.New("mqttsignal: invalid options")

func optErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidOptions, fmt.Sprintf(format, args...))
}

// withDefaults validates o and fills in its defaults.
func (o Options) withDefaults() (Options, error) {
	if len(o.Brokers) == 0 {
		return o, optErr("Brokers is empty; set it to e.g. tcp://127.0.0.1:1883")
	}
	for _, b := range o.Brokers {
		u, err := url.Parse(b)
		if err != nil {
			return o, optErr("broker %q: %v", b, err)
		}
		switch u.Scheme {
		case "tcp", "mqtt", "ssl", "tls", "mqtts", "ws", "wss":
		default:
			return o, optErr("broker %q: scheme %q is not supported; use tcp://, ssl://, ws:// or wss://", b, u.Scheme)
		}
		if u.Host == "" || u.Port() == "" {
			return o, optErr("broker %q: needs host:port, e.g. tcp://127.0.0.1:1883", b)
		}
	}
	if !ValidID(o.UserID) {
		return o, optErr("UserID %q is not an id (1-64 of A-Z a-z 0-9 _ . -)", o.UserID)
	}
	if !ValidID(o.DeviceID) {
		return o, optErr("DeviceID %q is not an id (1-64 of A-Z a-z 0-9 _ . -)", o.DeviceID)
	}
	if len(o.Channels) == 0 {
		return o, optErr("Channels is empty; join at least one channel (e.g. \"home\")")
	}
	seen := map[string]bool{}
	for _, t := range o.Watch {
		if t == "" || strings.ContainsAny(t, "+#") {
			return o, optErr("Watch topic %q must be a plain topic without wildcards", t)
		}
	}
	for _, ch := range o.Channels {
		if !ValidID(ch) || reservedChannels[ch] {
			return o, optErr("channel %q is not a valid channel id (1-64 of A-Z a-z 0-9 _ . -, not ctl, state or event)", ch)
		}
		if seen[ch] {
			return o, optErr("channel %q is listed twice", ch)
		}
		seen[ch] = true
	}
	if len(o.Name) > maxName {
		return o, optErr("Name is %d bytes; the limit is %d", len(o.Name), maxName)
	}
	if o.Kind == "" {
		o.Kind = KindStation
	}
	if o.ClientID == "" {
		var b [3]byte
		_, _ = rand.Read(b[:])
		o.ClientID = "intercomd-" + o.DeviceID + "-" + hex.EncodeToString(b[:])
	}
	if o.KeepAlive <= 0 {
		o.KeepAlive = 10 * time.Second
	}
	if o.MaxReconnectInterval <= 0 {
		o.MaxReconnectInterval = 5 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	if (o.TLS.CertFile == "") != (o.TLS.KeyFile == "") {
		return o, optErr("TLS.CertFile and TLS.KeyFile go together; set both or neither")
	}
	return o, nil
}

// tlsConfig builds the TLS configuration, or nil when no TLS setting is given
// (paho then uses its defaults for ssl:// and wss://).
func (o TLSOptions) tlsConfig() (*tls.Config, error) {
	if o.CAFile == "" && o.CertFile == "" && o.KeyFile == "" && len(o.PinSHA256) == 0 && !o.InsecureSkipVerify {
		return nil, nil
	}
	if err := checkPins(o.PinSHA256); err != nil {
		return nil, err
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: o.InsecureSkipVerify}
	if len(o.PinSHA256) > 0 {
		cfg.VerifyConnection = pinVerifier(o.PinSHA256)
		if o.CAFile == "" {
			// The pin replaces the chain and name checks; VerifyConnection
			// still runs and refuses any other key.
			cfg.InsecureSkipVerify = true
		}
	}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, optErr("TLS.CAFile: %v", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, optErr("TLS.CAFile %s holds no PEM certificate", o.CAFile)
		}
		cfg.RootCAs = pool
	}
	if o.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
		if err != nil {
			return nil, optErr("TLS.CertFile/KeyFile: %v", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}
