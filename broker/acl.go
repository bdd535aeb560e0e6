package broker

import (
	"bytes"
	"crypto/subtle"
	"log/slog"
	"strings"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// Topic patterns of the ACL. "{user}" stands for the logged-in user's name,
// "+" and "#" are MQTT wildcards. See the package documentation.
var (
	userWrite = []string{
		"intercom/v1/+/user/+",            // signaling to anyone; "from" is not checked
		"intercom/v1/+/presence/{user}/+", // one's own presence only
		"intercom/v1/state/+",             // a station's state (informational)
		"intercom/v1/event/+",             // a station's events (doorbell rings)
		"intercom/v1/ctl/+/result",        // a station's answers to commands
	}
	userRead = []string{
		"intercom/v1/+/user/{user}", // one's own inbox only: it carries SDP and addresses
		"intercom/v1/+/presence/#",
		"intercom/v1/state/#",
		"intercom/v1/event/#",
		"intercom/v1/ctl/#", // a station reads its commands; only admins send them
	}
)

// access is what one client may do.
type access int

const (
	accessNone access = iota
	accessUser
	accessFull
)

// authHook checks credentials and topics. It holds no mutable state.
type authHook struct {
	mqtt.HookBase
	users          map[string][]byte
	admins         map[string]bool
	allowAnonymous bool // anonymous clients get full access
	log            *slog.Logger
}

// ID names the hook in mochi's logs.
func (h *authHook) ID() string { return "intercomd-auth" }

// Provides lists the hook methods authHook implements.
func (h *authHook) Provides(b byte) bool {
	return b == mqtt.OnConnectAuthenticate || b == mqtt.OnACLCheck || b == mqtt.OnWill
}

// accessOf says what a client logged in as user (already authenticated) may do.
func (h *authHook) accessOf(user string) access {
	switch {
	case len(h.users) == 0:
		return accessFull
	case user == "":
		if h.allowAnonymous {
			return accessFull
		}
		return accessNone
	case h.admins[user]:
		return accessFull
	case h.users[user] != nil:
		return accessUser
	}
	return accessNone
}

// OnConnectAuthenticate checks the password and, because mochi's will bypasses
// the ACL, the will topic too: a client may only leave a will it could publish.
func (h *authHook) OnConnectAuthenticate(cl *mqtt.Client, pk packets.Packet) bool {
	user := string(pk.Connect.Username)
	if len(h.users) > 0 && user != "" {
		want, ok := h.users[user]
		if !ok || subtle.ConstantTimeCompare(want, pk.Connect.Password) != 1 {
			h.log.Warn("refused a client: bad user name or password", "user", user, "remote", cl.Net.Remote)
			return false
		}
	}
	a := h.accessOf(user)
	if a == accessNone {
		h.log.Warn("refused a client: anonymous access is off; log in with a user name", "remote", cl.Net.Remote)
		return false
	}
	if pk.Connect.WillFlag && !mayWrite(a, user, pk.Connect.WillTopic) {
		h.log.Warn("refused a client: it may not publish its will topic", "user", user, "topic", pk.Connect.WillTopic, "remote", cl.Net.Remote)
		return false
	}
	return true
}

// OnACLCheck allows or denies one publish (write) or subscription/delivery.
func (h *authHook) OnACLCheck(cl *mqtt.Client, topic string, write bool) bool {
	user := string(cl.Properties.Username)
	a := h.accessOf(user)
	var ok bool
	if write {
		ok = mayWrite(a, user, topic)
	} else {
		ok = mayRead(a, user, topic)
	}
	if !ok {
		h.log.Warn("ACL denied", "user", user, "topic", topic, "write", write, "remote", cl.Net.Remote)
	}
	return ok
}

// OnWill checks the will again when it is about to be sent. OnConnectAuthenticate
// already refused clients with a forbidden will, so this is a second line: a
// denied will is rewritten to a non-retained message on the empty topic, which
// reaches no subscriber (mochi ignores errors returned from OnWill).
func (h *authHook) OnWill(cl *mqtt.Client, will mqtt.Will) (mqtt.Will, error) {
	user := string(cl.Properties.Username)
	if mayWrite(h.accessOf(user), user, will.TopicName) {
		return will, nil
	}
	h.log.Warn("dropped a will the client may not publish", "user", user, "topic", will.TopicName)
	return mqtt.Will{}, nil
}

func mayWrite(a access, user, topic string) bool {
	switch a {
	case accessFull:
		return true
	case accessUser:
		if strings.ContainsAny(topic, "+#") {
			return false
		}
		for _, p := range userWrite {
			if covers(p, user, topic) {
				return true
			}
		}
	}
	return false
}

func mayRead(a access, user, filter string) bool {
	switch a {
	case accessFull:
		return true
	case accessUser:
		for _, p := range userRead {
			if covers(p, user, filter) {
				return true
			}
		}
	}
	return false
}

// covers reports whether every topic matched by filter is matched by pattern,
// with {user} in pattern standing for user. A filter is a topic name or an MQTT
// filter with + and #; $-topics and shared subscriptions are never covered.
func covers(pattern, user, filter string) bool {
	if filter == "" || filter[0] == '$' {
		return false
	}
	p := strings.Split(pattern, "/")
	f := strings.Split(filter, "/")
	for i, pl := range p {
		if pl == "#" {
			// "a/#" also matches "a" itself, so filter "a" is covered too.
			return true
		}
		if i >= len(f) {
			return false
		}
		fl := f[i]
		switch {
		case fl == "#":
			return false // the filter reaches further than the pattern
		case pl == "+":
			// covers "+" and any single level
		case fl == "+":
			return false
		case pl == "{user}":
			if fl != user {
				return false
			}
		case pl != fl:
			return false
		}
	}
	return len(f) == len(p)
}

// passwordBytes converts the Users map once, so comparisons need no allocation.
func passwordBytes(users map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(users))
	for u, p := range users {
		out[u] = bytes.Clone([]byte(p))
	}
	return out
}
