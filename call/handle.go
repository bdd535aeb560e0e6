package call

import (
	"fmt"

	"github.com/intercomd/intercomd/clock"
)

// handle applies one inbound signaling message to the call state. Messages that
// do not fit the current state are dropped with a logged reason; none of them can
// panic or leave the state half-changed.
func (c *Client) handle(m Message) {
	switch {
	case m.To != c.cfg.UserID:
		c.drop(m, "addressed to another user")
		return
	case m.ToDevice != "" && m.ToDevice != c.cfg.DeviceID:
		c.drop(m, "addressed to another device")
		return
	case m.From == c.cfg.UserID && m.FromDevice == c.cfg.DeviceID:
		c.drop(m, "sent by this device")
		return
	case c.isFinished(m.CallID):
		c.drop(m, "the call has already ended")
		return
	}
	if m.Type == MsgInvite {
		c.handleInvite(m)
		return
	}
	cur := c.cur
	if cur == nil || cur.info.CallID != m.CallID {
		c.drop(m, "no such call")
		return
	}
	if m.From != cur.info.PeerUserID() || m.Channel != cur.info.ChannelID {
		// A call id is no secret (the state topic shows it): only the user the
		// call is with, on its channel, speaks for it. Signed signaling makes
		// From trustworthy; this makes it matter.
		c.drop(m, "from a user who is not in the call")
		return
	}
	if cur.info.PeerDevice != "" && m.FromDevice != cur.info.PeerDevice {
		// Once the call is between two devices, only the peer device speaks for it,
		// except late answers from other devices of the callee, which lose.
		if m.Type == MsgAccept && cur.info.Direction == Outgoing {
			c.send(Message{
				Type: MsgHangup, Channel: m.Channel, CallID: m.CallID,
				To: m.From, ToDevice: m.FromDevice, Reason: ReasonTaken,
			})
		}
		c.drop(m, "from a device that is not in the call")
		return
	}
	switch m.Type {
	case MsgRinging:
		c.handleRinging()
	case MsgAccept:
		c.handleAccept(m)
	case MsgReject:
		c.handleReject(m)
	case MsgCancel:
		c.handleCancel(m)
	case MsgHangup:
		if cur.status == StatusCalling {
			c.drop(m, "hangup before the call was answered")
			return
		}
		switch m.Reason {
		case ReasonFailed:
			c.end(ReasonFailed, fmt.Errorf("call: %s/%s reports that the connection failed", m.From, m.FromDevice))
		case ReasonTaken:
			c.end(ReasonTaken, nil)
		default:
			c.end(ReasonHangup, nil)
		}
	case MsgCandidate:
		c.handleCandidate(m)
	case MsgReoffer:
		c.handleReoffer(m)
	case MsgReanswer:
		c.handleReanswer(m)
	case MsgOpenDoor:
		if cur.status != StatusConnected {
			c.log.Warn("open-door refused: the call is not connected", "call_id", m.CallID, "from", m.From, "device", m.FromDevice)
			return
		}
		c.log.Info("open-door requested", "call_id", m.CallID, "from", m.From, "device", m.FromDevice)
		c.emit(Event{Type: EventOpenDoor})
	default:
		c.drop(m, "unknown message type")
	}
}

func (c *Client) drop(m Message, why string) {
	c.log.Debug("message dropped", "why", why, "type", m.Type, "call_id", m.CallID, "from", m.From, "device", m.FromDevice)
}

func (c *Client) handleInvite(m Message) {
	if cur := c.cur; cur != nil {
		if cur.info.CallID == m.CallID {
			c.drop(m, "duplicate invite")
			return
		}
		if c.isGlare(m) {
			if m.CallID > cur.info.CallID {
				c.drop(m, "glare: our call has the lower id and wins")
				return
			}
			// Our call loses. Its user asked to talk to exactly this peer, so
			// answer theirs with what we meant to send.
			send := cur.send
			c.log.Info("glare: taking the peer's call instead of ours", "ours", cur.info.CallID, "theirs", m.CallID)
			c.reply(MsgCancel, ReasonCancelled)
			c.end(ReasonCancelled, nil)
			c.ring(m)
			if err := c.accept(send); err != nil {
				c.log.Warn("glare: answering the peer's call", "call_id", m.CallID, "err", err)
			}
			return
		}
		c.log.Info("busy: rejecting a second call", "call_id", m.CallID, "from", m.From)
		c.rejectBusy(m)
		return
	}
	if c.dnd {
		c.log.Info("do not disturb: rejecting the call as busy", "call_id", m.CallID, "from", m.From)
		c.rejectBusy(m)
		c.markFinished(m.CallID)
		return
	}
	c.ring(m)
}

// rejectBusy answers invite m with reject{busy}.
func (c *Client) rejectBusy(m Message) {
	c.send(Message{
		Type: MsgReject, Channel: m.Channel, CallID: m.CallID,
		To: m.From, ToDevice: m.FromDevice, Reason: ReasonBusy,
	})
}

// isGlare reports whether invite m crosses our own unanswered call to its sender.
func (c *Client) isGlare(m Message) bool {
	cur := c.cur
	return cur.info.Direction == Outgoing && cur.status == StatusCalling &&
		cur.info.CalleeID == m.From && cur.info.ChannelID == m.Channel
}

// ring starts alerting for invite m.
func (c *Client) ring(m Message) {
	c.cur = &activeCall{
		info: Info{
			ChannelID: m.Channel, CallID: m.CallID, CallerID: m.From, CalleeID: c.cfg.UserID,
			Direction: Incoming, PeerDevice: m.FromDevice, PeerName: m.Name,
		},
		offer:   m.SDP,
		pending: map[string][]Candidate{},
		timers:  map[string]clock.Timer{},
	}
	ttl := m.TTL
	if ttl <= 0 || ttl > c.cfg.RingTimeout {
		ttl = c.cfg.RingTimeout
	}
	c.after(timerRing, ttl+ringGrace, m.CallID)
	c.reply(MsgRinging, ReasonUnknown)
	c.log.Info("incoming call", "call_id", m.CallID, "channel", m.Channel, "from", m.From, "device", m.FromDevice)
	c.emit(Event{Type: EventIncoming})
	c.setStatus(StatusRinging)
}

func (c *Client) handleRinging() {
	cur := c.cur
	if cur.info.Direction != Outgoing || cur.status != StatusCalling || cur.ringing {
		return
	}
	cur.ringing = true
	c.stopTimer(timerBusy)
	c.emit(Event{Type: EventRinging})
}

func (c *Client) handleAccept(m Message) {
	cur := c.cur
	if cur.info.Direction != Outgoing || cur.status != StatusCalling {
		c.drop(m, "accept in state "+cur.status.String())
		return
	}
	cur.info.PeerDevice = m.FromDevice
	cur.info.PeerName = m.Name
	if err := cur.peer.SetAnswer(m.SDP); err != nil {
		c.fail(fmt.Errorf("call: applying the answer from %s/%s: %w", m.From, m.FromDevice, err))
		return
	}
	c.applyPending(m.FromDevice)
	// Other devices of the callee stop ringing; the answering one ignores this.
	c.send(Message{
		Type: MsgCancel, Channel: cur.info.ChannelID, CallID: cur.info.CallID,
		To: cur.info.CalleeID, Reason: ReasonTaken, AcceptedBy: m.FromDevice,
	})
	c.stopTimer(timerRing)
	c.stopTimer(timerBusy)
	c.after(timerConnect, c.cfg.ConnectTimeout, cur.info.CallID)
	c.log.Info("answered", "call_id", cur.info.CallID, "by", m.From, "device", m.FromDevice)
	c.setStatus(StatusConnecting)
}

func (c *Client) handleReject(m Message) {
	cur := c.cur
	if cur.info.Direction != Outgoing || cur.status != StatusCalling {
		c.drop(m, "reject in state "+cur.status.String())
		return
	}
	if m.Reason == ReasonBusy {
		// Another device of the callee may still be free: wait a moment for it to ring.
		if !cur.ringing {
			if _, waiting := cur.timers[timerBusy]; !waiting {
				c.after(timerBusy, c.cfg.BusyGrace, cur.info.CallID)
			}
		}
		return
	}
	c.emit(Event{Type: EventRejected, Reason: ReasonRejected})
	c.reply(MsgCancel, ReasonRejected) // other devices stop ringing
	c.end(ReasonRejected, nil)
}

func (c *Client) handleCancel(m Message) {
	cur := c.cur
	if cur.info.Direction != Incoming || cur.status == StatusConnected {
		c.drop(m, "cancel in state "+cur.status.String())
		return
	}
	if m.Reason == ReasonTaken && m.AcceptedBy == c.cfg.DeviceID {
		return // we are the device that answered
	}
	switch m.Reason {
	case ReasonTaken, ReasonNoAnswer, ReasonRejected, ReasonBusy, ReasonFailed:
		c.end(m.Reason, nil)
	default:
		c.end(ReasonCancelled, nil)
	}
}

// maxPendingCandidates bounds the candidates a call keeps while it waits for
// the remote description, over all devices: a device trickles a handful, a
// user has a few devices; the rest would only be memory for a flood.
const maxPendingCandidates = 256

func (c *Client) handleCandidate(m Message) {
	cur := c.cur
	if m.Candidate == nil {
		c.drop(m, "candidate message without a candidate")
		return
	}
	if !cur.remoteSet {
		if cur.pendingCount >= maxPendingCandidates {
			c.drop(m, fmt.Sprintf("%d candidates already wait for the answer", maxPendingCandidates))
			return
		}
		cur.pendingCount++
		cur.pending[m.FromDevice] = append(cur.pending[m.FromDevice], *m.Candidate)
		return
	}
	if err := cur.peer.AddCandidate(*m.Candidate); err != nil {
		c.log.Debug("adding a candidate", "call_id", m.CallID, "err", err)
	}
}
