package mqttsignal

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Device kinds announced in presence records.
const (
	KindStation = "station" // an intercomd
	KindBrowser = "browser" // the web page
)

// Presence is one device online on a channel, as its retained presence record
// says.
type Presence struct {
	Channel string
	User    string
	Device  string
	Name    string
	Kind    string
	// Since is the sender's clock when it came online (informational: clocks drift).
	Since time.Time
}

// MaxPresencePayload is the largest presence payload accepted.
const MaxPresencePayload = 1 << 10

type presenceWire struct {
	V     *int   `json:"v"`
	State string `json:"state"`
	Name  string `json:"name,omitempty"`
	Kind  string `json:"kind,omitempty"`
	TS    int64  `json:"ts,omitempty"`
}

func encodePresence(online bool, name, kind string, ts time.Time) []byte {
	w := presenceWire{V: &one, State: "offline", Name: name, Kind: kind, TS: ts.UnixMilli()}
	if online {
		w.State = "online"
	}
	b, _ := json.Marshal(&w) // cannot fail: strings and ints only
	return b
}

// DecodePresence parses a presence record received on topic. An empty payload
// (a cleared retained message) decodes as offline. online reports the state.
func DecodePresence(topic string, payload []byte) (p Presence, online bool, err error) {
	pt := parseTopic(topic)
	if pt.kind != topicPresence {
		return Presence{}, false, dropf(DropTopicMismatch, "", "topic %q is not a presence topic (%s)", truncate(topic), PresenceTopic("{channel}", "{user}", "{device}"))
	}
	for _, id := range []string{pt.channel, pt.user, pt.device} {
		if !ValidID(id) {
			return Presence{}, false, dropf(DropBadID, "", "topic %q has an invalid id %q", truncate(topic), truncate(id))
		}
	}
	p = Presence{Channel: pt.channel, User: pt.user, Device: pt.device}
	if len(payload) == 0 {
		return p, false, nil
	}
	if len(payload) > MaxPresencePayload {
		return Presence{}, false, dropf(DropOversize, "", "%d bytes, the limit is %d", len(payload), MaxPresencePayload)
	}
	var w presenceWire
	if err := strictUnmarshal(payload, &w); err != nil {
		return Presence{}, false, err
	}
	if w.V == nil || *w.V != Version {
		return Presence{}, false, dropf(DropVersion, "v", "missing or not %d", Version)
	}
	if len(w.Name) > maxName {
		return Presence{}, false, dropf(DropBadValue, "name", "%d bytes, the limit is %d", len(w.Name), maxName)
	}
	if len(w.Kind) > 32 {
		return Presence{}, false, dropf(DropBadValue, "kind", "%d bytes, the limit is 32", len(w.Kind))
	}
	p.Name, p.Kind = w.Name, w.Kind
	if w.TS > 0 {
		p.Since = time.UnixMilli(w.TS)
	}
	switch w.State {
	case "online":
		return p, true, nil
	case "offline":
		return p, false, nil
	case "":
		return Presence{}, false, dropf(DropMissingField, "state", "required (online or offline)")
	}
	return Presence{}, false, dropf(DropBadValue, "state", "%q is neither online nor offline", truncate(w.State))
}

// presenceMap holds who is online, per channel. Safe for concurrent use.
type presenceMap struct {
	mu sync.Mutex
	m  map[presenceKey]Presence
}

type presenceKey struct{ channel, user, device string }

// MaxPresence bounds the devices a Signaler tracks as online, over all its
// channels: a household has a few dozen; anyone may publish presence records.
const MaxPresence = 1024

// errPresenceFull is returned by set for a new device beyond MaxPresence.
var errPresenceFull = fmt.Errorf("mqttsignal: %d devices are online already; ignoring more", MaxPresence)

// set records p as online or removes it, and reports whether anything changed.
// A new device beyond MaxPresence is refused with errPresenceFull.
func (pm *presenceMap) set(p Presence, online bool) (bool, error) {
	k := presenceKey{p.Channel, p.User, p.Device}
	pm.mu.Lock()
	defer pm.mu.Unlock()
	old, had := pm.m[k]
	if !online {
		delete(pm.m, k)
		return had, nil
	}
	if !had && len(pm.m) >= MaxPresence {
		return false, errPresenceFull
	}
	if pm.m == nil {
		pm.m = make(map[presenceKey]Presence)
	}
	pm.m[k] = p
	return !had || old != p, nil
}

// online lists the devices online on channel, sorted by user then device.
func (pm *presenceMap) online(channel string) []Presence {
	pm.mu.Lock()
	var out []Presence
	for k, p := range pm.m {
		if k.channel == channel {
			out = append(out, p)
		}
	}
	pm.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].User != out[j].User {
			return out[i].User < out[j].User
		}
		return out[i].Device < out[j].Device
	})
	return out
}
