package broker

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"sort"
)

// Default listener addresses: loopback only, so an unconfigured daemon is not
// reachable from the network.
const (
	DefaultTCPAddress       = "127.0.0.1:1883"
	DefaultWebSocketAddress = "127.0.0.1:1884"
)

// Off disables a listener when used as its address.
const Off = "off"

// ErrInvalidConfig is wrapped by every error Validate returns.
var ErrInvalidConfig = errors.New("broker: invalid config")

// Config configures the embedded broker. The zero value is valid: anonymous
// access on loopback only, TCP on 127.0.0.1:1883 and WebSocket on
// 127.0.0.1:1884.
type Config struct {
	// TCPAddress is where MQTT over TCP listens (host:port). Empty means
	// DefaultTCPAddress, Off disables it, port 0 picks a free port.
	TCPAddress string
	// WebSocketAddress is where MQTT over WebSocket listens, for browsers.
	// Empty means DefaultWebSocketAddress, Off disables it, port 0 picks a free
	// port.
	WebSocketAddress string
	// TLSCertFile and TLSKeyFile, when set, make both listeners speak TLS
	// (mqtts and wss). Browsers on an https page need wss.
	TLSCertFile string
	TLSKeyFile  string

	// Users maps user names to passwords. With no users every client is
	// anonymous and has full access, so both listeners must be on loopback.
	// With users, clients must log in and the ACL in package docs applies.
	Users map[string]string
	// Admins are users with full access: Home Assistant, the CLI. Only they may
	// send commands (intercom/v1/ctl/{device}), which make a station call,
	// answer or open the door. Each must be in Users.
	Admins []string
	// AllowAnonymous lets clients without a user name in, with full access,
	// although Users is set. Allowed only when every listener is on loopback.
	AllowAnonymous bool
	// WebSocketOrigins are extra Origin header values ("https://intercom.lan")
	// allowed to open a WebSocket. Requests without an Origin (non-browser
	// clients), same-host origins and loopback origins are always allowed.
	WebSocketOrigins []string

	// Logger receives the broker's logs. Default slog.Default().
	Logger *slog.Logger
}

func cfgErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidConfig, fmt.Sprintf(format, args...))
}

// withDefaults fills in the defaults.
func (c Config) withDefaults() Config {
	if c.TCPAddress == "" {
		c.TCPAddress = DefaultTCPAddress
	}
	if c.WebSocketAddress == "" {
		c.WebSocketAddress = DefaultWebSocketAddress
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Validate checks the configuration (after defaults are applied) and returns
// an error naming the setting and the fix.
func (c Config) Validate() error {
	c = c.withDefaults()
	if c.TCPAddress == Off && c.WebSocketAddress == Off {
		return cfgErr("TCPAddress and WebSocketAddress are both %q; enable at least one listener", Off)
	}
	if (c.TLSCertFile == "") != (c.TLSKeyFile == "") {
		return cfgErr("TLSCertFile and TLSKeyFile go together; set both or neither")
	}
	names := make([]string, 0, len(c.Users))
	for u := range c.Users {
		names = append(names, u)
	}
	sort.Strings(names)
	for _, u := range names {
		if !validUser(u) {
			return cfgErr("Users: user name %q is not an id (1-64 of A-Z a-z 0-9 _ . -)", u)
		}
		if c.Users[u] == "" {
			return cfgErr("Users: user %q has an empty password; set one", u)
		}
	}
	for _, a := range c.Admins {
		if _, ok := c.Users[a]; !ok {
			return cfgErr("Admins: %q is not in Users; add it with a password or remove it from Admins", a)
		}
	}
	anonymous := len(c.Users) == 0 || c.AllowAnonymous
	for _, l := range []struct{ key, addr string }{{"TCPAddress", c.TCPAddress}, {"WebSocketAddress", c.WebSocketAddress}} {
		if l.addr == Off {
			continue
		}
		host, _, err := net.SplitHostPort(l.addr)
		if err != nil {
			return cfgErr("%s %q: %v; use host:port such as %s", l.key, l.addr, err, DefaultTCPAddress)
		}
		if anonymous && !isLoopback(host) {
			if len(c.Users) == 0 {
				return cfgErr("%s %q is not a loopback address, and no Users are configured: anyone on the network could ring and open the door; configure Users (user name → password) or bind to 127.0.0.1", l.key, l.addr)
			}
			return cfgErr("%s %q is not a loopback address, and AllowAnonymous is set: anonymous clients would get full access from the network; turn AllowAnonymous off or bind to 127.0.0.1", l.key, l.addr)
		}
	}
	return nil
}

// isLoopback reports whether host names only loopback interfaces. "" and
// "0.0.0.0" mean every interface, so they are not loopback.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

func validUser(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
