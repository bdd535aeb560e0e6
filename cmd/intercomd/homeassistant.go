package main

import (
	"github.com/intercomd/intercomd/homeassistant"
	"github.com/intercomd/intercomd/mqttsignal"
)

// watchTopics are the topics beyond signaling the daemon listens to: Home
// Assistant's status, so discovery is republished when it restarts.
func (d *daemon) watchTopics() []string {
	if !d.cfg.HomeAssistant.Enabled {
		return nil
	}
	return []string{d.cfg.HomeAssistant.StatusTopic()}
}

// announce publishes the Home Assistant discovery configurations (retained),
// when discovery is on.
func (d *daemon) announce() {
	ha := d.cfg.HomeAssistant
	if !ha.Enabled {
		return
	}
	msgs, err := ha.Discovery(homeassistant.Station{
		Device: d.cfg.Device, Name: d.cfg.Name, Version: version,
		Channel: d.cfg.Channels[0], Target: d.cfg.Target,
		StateTopic:    mqttsignal.StateTopic(d.cfg.Device),
		PresenceTopic: mqttsignal.PresenceTopic(d.cfg.Channels[0], d.cfg.User, d.cfg.Device),
		EventTopic:    mqttsignal.EventTopic(d.cfg.Device),
		CommandTopic:  mqttsignal.CommandTopic(d.cfg.Device),
		HasRelay:      d.panel != nil && d.panel.HasRelay(),
	})
	if err != nil {
		d.log.Error("Home Assistant discovery", "err", err)
		return
	}
	for _, m := range msgs {
		if err := d.sig.PublishRetained(m.Topic, m.Payload); err != nil {
			d.log.Warn("publishing Home Assistant discovery", "topic", m.Topic, "err", err)
			return
		}
	}
	d.log.Debug("Home Assistant discovery published", "entities", len(msgs))
}

// ring tells Home Assistant (and anyone on the event topic) that a visitor
// pressed the doorbell. It runs on the panel's button goroutine: it only
// queues a publish.
func (d *daemon) ring(button string) {
	d.log.Info("doorbell rang", "button", button)
	if err := d.sig.PublishEvent(homeassistant.RingPayload); err != nil {
		d.log.Warn("publishing the doorbell event", "err", err)
	}
}
