package mqttsignal

import (
	"encoding/json"
	"strconv"

	"github.com/intercomd/intercomd/call"
)

// CommandType names what a Command asks the daemon to do.
type CommandType int

// Command types. The String forms are the wire names of the "cmd" field.
const (
	CmdUnknown CommandType = iota
	// CmdCall places a call to To on Channel.
	CmdCall
	// CmdAccept answers the call ringing here.
	CmdAccept
	// CmdReject declines the call ringing here.
	CmdReject
	// CmdEnd ends the current call, whatever its state.
	CmdEnd
	// CmdOpenDoor asks the peer of the connected call to pulse its door relay.
	CmdOpenDoor
	// CmdDND turns do-not-disturb on or off (Command.On): incoming calls are
	// then rejected as busy.
	CmdDND
	// CmdMute mutes the microphone (Command.On): the other side hears silence.
	CmdMute
	// CmdSpeakerMute mutes the speaker (Command.On).
	CmdSpeakerMute
)

var commandNames = [...]string{"unknown", "call", "accept", "reject", "end", "open-door", "dnd", "mute", "speaker-mute"}

// String returns the wire name ("open-door").
func (c CommandType) String() string {
	if c < 0 || int(c) >= len(commandNames) {
		return "CommandType(" + strconv.Itoa(int(c)) + ")"
	}
	return commandNames[c]
}

// ParseCommandType is the inverse of CommandType.String.
func ParseCommandType(s string) (CommandType, bool) {
	for i, n := range commandNames {
		if i > 0 && n == s {
			return CommandType(i), true
		}
	}
	return CmdUnknown, false
}

// MaxCommandPayload is the largest command payload accepted (4 KiB): commands
// are a few dozen bytes.
const MaxCommandPayload = 4 << 10

// Command is one validated request from intercom/v1/ctl/{device}, sent by a CLI
// or Home Assistant.
type Command struct {
	// ID, when set, asks for an answer on the result topic (PublishResult).
	ID   string
	Type CommandType
	// Channel and To: CmdCall only (both required).
	Channel string
	To      string
	// Constraints: CmdCall and CmdAccept; nil means call.DefaultConstraints.
	Constraints *call.Constraints
	// On: CmdDND, CmdMute and CmdSpeakerMute only (required on the wire).
	On bool
}

type commandWire struct {
	V           *int              `json:"v"`
	ID          string            `json:"id,omitempty"`
	Cmd         string            `json:"cmd"`
	Channel     string            `json:"channel,omitempty"`
	To          string            `json:"to,omitempty"`
	Constraints *call.Constraints `json:"constraints,omitempty"`
	On          *bool             `json:"on,omitempty"`
}

// EncodeCommand renders c as its JSON payload, for tools that send commands.
// It refuses a Command that DecodeCommand would drop.
func EncodeCommand(c Command) ([]byte, error) {
	w := commandWire{V: &one, ID: c.ID, Cmd: c.Type.String(), Channel: c.Channel, To: c.To, Constraints: c.Constraints}
	if c.Type.takesOn() {
		w.On = &c.On
	}
	if _, err := w.command(); err != nil {
		return nil, err
	}
	return json.Marshal(&w)
}

// DecodeCommand parses and validates one payload from the command topic. On
// error the returned Command still carries the "id" when one could be read, so
// the daemon can answer that request with the error.
func DecodeCommand(payload []byte) (Command, error) {
	if len(payload) > MaxCommandPayload {
		return Command{}, dropf(DropOversize, "", "%d bytes, the limit is %d", len(payload), MaxCommandPayload)
	}
	var w commandWire
	if err := strictUnmarshal(payload, &w); err != nil {
		return Command{}, err
	}
	c, err := w.command()
	if err != nil {
		if ValidID(w.ID) {
			return Command{ID: w.ID}, err
		}
		return Command{}, err
	}
	return c, nil
}

func (w *commandWire) command() (Command, error) {
	if w.V == nil {
		return Command{}, dropf(DropVersion, "v", "missing; this daemon speaks version %d", Version)
	}
	if *w.V != Version {
		return Command{}, dropf(DropVersion, "v", "version %d is not supported; this daemon speaks version %d", *w.V, Version)
	}
	if w.ID != "" && !ValidID(w.ID) {
		return Command{}, dropf(DropBadID, "id", "%q is not an id (1-64 of A-Z a-z 0-9 _ . -)", truncate(w.ID))
	}
	if w.Cmd == "" {
		return Command{}, dropf(DropType, "cmd", "missing (call accept reject end open-door dnd)")
	}
	t, ok := ParseCommandType(w.Cmd)
	if !ok {
		return Command{}, dropf(DropType, "cmd", "%q is not a command (call accept reject end open-door dnd)", truncate(w.Cmd))
	}
	c := Command{ID: w.ID, Type: t, Channel: w.Channel, To: w.To, Constraints: w.Constraints}
	if t == CmdCall {
		for _, f := range []struct{ name, v string }{{"channel", w.Channel}, {"to", w.To}} {
			if f.v == "" {
				return Command{}, dropf(DropMissingField, f.name, "required for call")
			}
			if !ValidID(f.v) {
				return Command{}, dropf(DropBadID, f.name, "%q is not an id (1-64 of A-Z a-z 0-9 _ . -)", truncate(f.v))
			}
		}
		if reservedChannels[w.Channel] {
			return Command{}, dropf(DropBadID, "channel", "%q is reserved by the topic layout", w.Channel)
		}
		return c, nil
	}
	if w.Channel != "" {
		return Command{}, dropf(DropBadValue, "channel", "allowed only on call")
	}
	if w.To != "" {
		return Command{}, dropf(DropBadValue, "to", "allowed only on call")
	}
	if w.Constraints != nil && t != CmdAccept {
		return Command{}, dropf(DropBadValue, "constraints", "allowed only on call and accept")
	}
	switch {
	case t.takesOn() && w.On == nil:
		return Command{}, dropf(DropMissingField, "on", "required for %s (true or false)", t)
	case t.takesOn():
		c.On = *w.On
	case w.On != nil:
		return Command{}, dropf(DropBadValue, "on", "allowed only on dnd, mute and speaker-mute")
	}
	return c, nil
}

// takesOn reports whether the command switches something on or off.
func (c CommandType) takesOn() bool { return c == CmdDND || c == CmdMute || c == CmdSpeakerMute }

// resultWire is the answer to a command that carried an id.
type resultWire struct {
	V     int    `json:"v"`
	ID    string `json:"id"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}
