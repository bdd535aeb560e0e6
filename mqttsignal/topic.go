package mqttsignal

import (
	"regexp"
	"strings"

	"github.com/intercomd/intercomd/call"
)

// Prefix starts every intercomd topic. The version in it changes only with an
// incompatible protocol.
const Prefix = "intercom/v1"

// Version is the protocol version every payload carries in its "v" field.
const Version = 1

// MaxPayload is the largest signaling payload a receiver accepts (64 KiB).
const MaxPayload = 64 << 10

// idPattern is what channel, user, device and call ids look like on the wire.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// ValidID reports whether s is a valid channel, user, device or call id:
// 1 to 64 of A-Z a-z 0-9 _ . - (call.ValidID).
func ValidID(s string) bool { return call.ValidID(s) }

// reservedChannels are ids that cannot name a channel because the topic layout
// uses them at the channel's level.
var reservedChannels = map[string]bool{"ctl": true, "state": true, "event": true}

// InboxTopic is the signaling inbox of user on channel:
// intercom/v1/{channel}/user/{user}.
func InboxTopic(channel, user string) string {
	return Prefix + "/" + channel + "/user/" + user
}

// PresenceTopic is where device of user announces itself on channel:
// intercom/v1/{channel}/presence/{user}/{device}. Retained.
func PresenceTopic(channel, user, device string) string {
	return Prefix + "/" + channel + "/presence/" + user + "/" + device
}

// PresenceFilter subscribes to every presence record on channel.
func PresenceFilter(channel string) string {
	return Prefix + "/" + channel + "/presence/+/+"
}

// CommandTopic is where commands for one running intercomd arrive:
// intercom/v1/ctl/{device}.
func CommandTopic(device string) string { return Prefix + "/ctl/" + device }

// ResultTopic is where the daemon answers commands that carried an id:
// intercom/v1/ctl/{device}/result.
func ResultTopic(device string) string { return Prefix + "/ctl/" + device + "/result" }

// EventTopic is where a station publishes events (doorbell rings; see
// docs/homeassistant.md): intercom/v1/event/{device}.
func EventTopic(device string) string { return Prefix + "/event/" + device }

// StateTopic is the daemon's retained state snapshot: intercom/v1/state/{device}.
func StateTopic(device string) string { return Prefix + "/state/" + device }

// topicKind says which of the layout's topics a topic name is.
type topicKind int

const (
	topicOther topicKind = iota
	topicInbox
	topicPresence
	topicCommand
)

// parsedTopic is a topic name split into the ids it carries.
type parsedTopic struct {
	kind    topicKind
	channel string
	user    string
	device  string
}

// parseTopic recognises the topics a Signaler subscribes to. Anything else is
// topicOther.
func parseTopic(topic string) parsedTopic {
	rest, ok := strings.CutPrefix(topic, Prefix+"/")
	if !ok {
		return parsedTopic{}
	}
	parts := strings.Split(rest, "/")
	switch {
	case len(parts) == 2 && parts[0] == "ctl":
		return parsedTopic{kind: topicCommand, device: parts[1]}
	case len(parts) == 3 && parts[1] == "user":
		return parsedTopic{kind: topicInbox, channel: parts[0], user: parts[2]}
	case len(parts) == 4 && parts[1] == "presence":
		return parsedTopic{kind: topicPresence, channel: parts[0], user: parts[2], device: parts[3]}
	}
	return parsedTopic{}
}
