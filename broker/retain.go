package broker

import (
	"log/slog"
	"sort"
	"strings"
	"sync"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// retainHook keeps retained messages itself instead of letting mochi do it.
//
// mochi v2.7.9 stores a retained message by writing the topic node's path
// under the node's lock, but reads it without that lock while it sends
// retained messages to a new wildcard subscription: a data race
// (mochi-mqtt/server#200) that the race detector finds in under a second
// when one client publishes retained presence while another subscribes to
// intercom/v1/home/presence/+/+, which is exactly what intercom clients do.
// A torn read of that string can crash the daemon.
//
// So retained publishes and wills are stored here (mochi sees them as plain
// publishes), and after mochi has processed a SUBSCRIBE the matching
// messages are sent to that client, at QoS 0, with the retain flag set.
type retainHook struct {
	mqtt.HookBase
	auth *authHook
	log  *slog.Logger

	mu   sync.RWMutex
	msgs map[string]packets.Packet // topic → the retained publish
}

func newRetainHook(auth *authHook, log *slog.Logger) *retainHook {
	return &retainHook{auth: auth, log: log, msgs: map[string]packets.Packet{}}
}

// ID names the hook in mochi's logs.
func (h *retainHook) ID() string { return "intercomd-retain" }

// Provides lists the hook methods retainHook implements.
func (h *retainHook) Provides(b byte) bool {
	return b == mqtt.OnPublish || b == mqtt.OnWill || b == mqtt.OnPacketProcessed
}

// OnPublish runs after the write ACL check: keep a retained message here and
// let mochi forward it as a plain one.
func (h *retainHook) OnPublish(_ *mqtt.Client, pk packets.Packet) (packets.Packet, error) {
	if pk.FixedHeader.Retain {
		h.store(pk.TopicName, pk)
		pk.FixedHeader.Retain = false
	}
	return pk, nil
}

// OnWill runs after authHook.OnWill has vetted the will. Will delays (MQTT 5)
// are not supported: the will is sent at once.
func (h *retainHook) OnWill(_ *mqtt.Client, will mqtt.Will) (mqtt.Will, error) {
	if will.Retain && will.TopicName != "" {
		h.store(will.TopicName, packets.Packet{
			FixedHeader: packets.FixedHeader{Type: packets.Publish},
			TopicName:   will.TopicName,
			Payload:     will.Payload,
			Properties:  packets.Properties{User: will.User},
		})
	}
	will.Retain = false
	will.WillDelayInterval = 0
	return will, nil
}

// store keeps pk as the retained message of topic; an empty payload clears it.
func (h *retainHook) store(topic string, pk packets.Packet) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(pk.Payload) == 0 {
		delete(h.msgs, topic)
		return
	}
	out := pk.Copy(false)
	out.FixedHeader.Retain = true
	out.FixedHeader.Qos = 0
	out.FixedHeader.Dup = false
	out.PacketID = 0
	h.msgs[topic] = out
}

// OnPacketProcessed sends the retained messages matching a SUBSCRIBE's
// filters, after mochi has sent the SUBACK.
func (h *retainHook) OnPacketProcessed(cl *mqtt.Client, pk packets.Packet, err error) {
	if err != nil || pk.FixedHeader.Type != packets.Subscribe {
		return
	}
	user := string(cl.Properties.Username)
	a := h.auth.accessOf(user)
	for _, sub := range pk.Filters {
		if sub.RetainHandling == 2 || mqtt.IsSharedFilter(sub.Filter) || !mqtt.IsValidFilter(sub.Filter, false) || !mayRead(a, user, sub.Filter) {
			continue
		}
		for _, m := range h.matching(sub.Filter) {
			if err := cl.WritePacket(m); err != nil {
				h.log.Debug("could not send a retained message", "client", cl.ID, "topic", m.TopicName, "error", err)
				return
			}
		}
	}
}

// matching returns copies of the retained messages whose topics match filter,
// in topic order.
func (h *retainHook) matching(filter string) []packets.Packet {
	h.mu.RLock()
	defer h.mu.RUnlock()
	var out []packets.Packet
	for topic, pk := range h.msgs {
		if topicMatches(filter, topic) {
			out = append(out, pk.Copy(false))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TopicName < out[j].TopicName })
	return out
}

// topicMatches reports whether an MQTT topic name matches a filter. Wildcards
// at the first level do not match topics starting with $ (MQTT 4.7.2).
func topicMatches(filter, topic string) bool {
	if topic == "" || (topic[0] == '$' && filter != "" && (filter[0] == '+' || filter[0] == '#')) {
		return false
	}
	f := strings.Split(filter, "/")
	t := strings.Split(topic, "/")
	for i, fl := range f {
		if fl == "#" {
			return true // also matches the parent level: "a/#" matches "a"
		}
		if i >= len(t) {
			return false
		}
		if fl != "+" && fl != t[i] {
			return false
		}
	}
	return len(f) == len(t)
}
