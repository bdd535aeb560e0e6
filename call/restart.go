package call

import (
	"fmt"
	"time"
)

// ICE restart: a connected call whose connection drops (Wi-Fi gone for a
// while, a new address after roaming) would fail once DisconnectTimeout
// passes. The device that placed the call restarts ICE instead: a reoffer
// with new credentials and candidates, which the callee answers with a
// reanswer. Only the caller restarts, so the two sides never offer at once,
// and it keeps one reoffer outstanding at a time, so an answer can never be
// applied to the wrong offer. docs/protocol.md ("Connection lost") has the flow.

// scheduleRestart arms the restart timer after d when this side restarts ICE
// for the current call and no restart is pending.
func (c *Client) scheduleRestart(d time.Duration) {
	cur := c.cur
	if cur.info.Direction != Outgoing || !cur.connected || cur.reoffered {
		return
	}
	if _, ok := cur.peer.(Restarter); !ok {
		return
	}
	if _, running := cur.timers[timerRestart]; running {
		return
	}
	c.after(timerRestart, d, cur.info.CallID)
}

// restartICE sends a reoffer when the connection is still down: disconnected,
// or still checking after an earlier restart whose candidate pairs all failed
// while the link was out (ICE does not check failed pairs again by itself).
func (c *Client) restartICE() {
	cur := c.cur
	if cur.peerState == PeerConnected || cur.reoffered {
		return
	}
	r, ok := cur.peer.(Restarter)
	if !ok {
		return
	}
	offer, err := r.RestartOffer()
	if err != nil {
		c.log.Warn("restarting ICE; trying again", "call_id", cur.info.CallID, "err", err, "in", c.cfg.RestartInterval)
		c.scheduleRestart(c.cfg.RestartInterval)
		return
	}
	err = c.cfg.Signaler.Send(Message{
		Type: MsgReoffer, Channel: cur.info.ChannelID, CallID: cur.info.CallID,
		To: cur.info.CalleeID, ToDevice: cur.info.PeerDevice, SDP: offer,
	})
	if err != nil {
		c.log.Warn("sending the ICE restart offer; trying again", "call_id", cur.info.CallID, "err", err, "in", c.cfg.RestartInterval)
		c.scheduleRestart(c.cfg.RestartInterval)
		return
	}
	cur.reoffered = true
	c.log.Info("connection lost; restarting ICE", "call_id", cur.info.CallID, "peer", cur.info.PeerUserID())
}

// handleReoffer answers the caller's ICE restart.
func (c *Client) handleReoffer(m Message) {
	cur := c.cur
	if cur.info.Direction != Incoming || cur.peer == nil || !cur.connected {
		c.drop(m, "reoffer for a call this device did not answer, or that never connected")
		return
	}
	r, ok := cur.peer.(Restarter)
	if !ok {
		c.drop(m, "this peer cannot restart ICE")
		return
	}
	answer, err := r.Reanswer(m.SDP)
	if err != nil {
		// The caller waits for this answer before it tries again; silence
		// would leave the call to its disconnect timer with no restart.
		c.fail(fmt.Errorf("call: answering the ICE restart of %s/%s: %w", m.From, m.FromDevice, err))
		return
	}
	c.send(Message{
		Type: MsgReanswer, Channel: cur.info.ChannelID, CallID: cur.info.CallID,
		To: cur.info.CallerID, ToDevice: cur.info.PeerDevice, SDP: answer,
	})
	c.log.Info("answered an ICE restart", "call_id", cur.info.CallID, "peer", cur.info.PeerUserID())
}

// handleReanswer applies the answer to our reoffer, and plans the next
// restart in case this one does not bring the connection back.
func (c *Client) handleReanswer(m Message) {
	cur := c.cur
	if cur.info.Direction != Outgoing || !cur.reoffered {
		c.drop(m, "reanswer without a pending reoffer")
		return
	}
	cur.reoffered = false
	if err := cur.peer.SetAnswer(m.SDP); err != nil {
		c.log.Warn("applying the ICE restart answer", "call_id", cur.info.CallID, "err", err)
	}
	if cur.peerState != PeerConnected {
		c.scheduleRestart(c.cfg.RestartInterval)
	}
}
