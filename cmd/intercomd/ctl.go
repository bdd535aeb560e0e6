package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/mqttsignal"
)

// runCtl publishes one command on the running daemon's command topic
// (intercom/v1/ctl/{device}) and waits for its result, or prints its state.
func runCtl(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("ctl: say which command: call, accept, reject, end, open-door, dnd, mute, speaker-mute or status")
	}
	name, args := args[0], args[1:]
	fs, path, apply := configFlags("ctl " + name)
	to := fs.String("to", "", "user to call (default: config key target)")
	channel := fs.String("channel", "", "channel to call on (default: the first of config key channels)")
	audio := fs.Bool("audio", true, "send audio (call, accept)")
	video := fs.Bool("video", true, "send video (call, accept)")
	on := fs.Bool("on", true, "dnd, mute, speaker-mute: turn on (--on=false: off)")
	timeout := fs.Duration("timeout", 5*time.Second, "how long to wait for the daemon's answer")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("ctl %s: %w", name, err)
	}
	cfg, err := config.Load(*path, os.Environ(), apply)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()

	client, err := connectCtl(ctx, cfg)
	if err != nil {
		return err
	}
	defer client.Disconnect(100)

	if name == "status" {
		return printState(ctx, client, cfg.Device, stdout)
	}
	typ, ok := mqttsignal.ParseCommandType(name)
	if !ok {
		return fmt.Errorf("ctl: unknown command %q; use call, accept, reject, end, open-door, dnd, mute, speaker-mute or status", name)
	}
	cmd := mqttsignal.Command{ID: randomHex(6), Type: typ}
	switch typ {
	case mqttsignal.CmdCall:
		cmd.To, cmd.Channel = firstNonEmpty(*to, cfg.Target), firstNonEmpty(*channel, cfg.Channels[0])
		cmd.Constraints = &call.Constraints{Audio: *audio, Video: *video}
	case mqttsignal.CmdAccept:
		cmd.Constraints = &call.Constraints{Audio: *audio, Video: *video}
	case mqttsignal.CmdDND, mqttsignal.CmdMute, mqttsignal.CmdSpeakerMute:
		cmd.On = *on
	}
	payload, err := mqttsignal.EncodeCommand(cmd)
	if err != nil {
		return fmt.Errorf("ctl: %w", err)
	}

	results := make(chan ctlResult, 4)
	tok := client.Subscribe(mqttsignal.ResultTopic(cfg.Device), 1, func(_ paho.Client, m paho.Message) {
		var r ctlResult
		if json.Unmarshal(m.Payload(), &r) == nil && r.ID == cmd.ID {
			results <- r
		}
	})
	if err := waitToken(ctx, tok); err != nil {
		return fmt.Errorf("ctl: subscribing to results: %w", err)
	}
	if err := waitToken(ctx, client.Publish(mqttsignal.CommandTopic(cfg.Device), 1, false, payload)); err != nil {
		return fmt.Errorf("ctl: publishing the command: %w", err)
	}
	select {
	case r := <-results:
		if !r.OK {
			return fmt.Errorf("ctl %s: the daemon refused: %s", name, r.Error)
		}
		fmt.Fprintf(stdout, "%s: ok\n", name)
		return nil
	case <-ctx.Done():
		return fmt.Errorf("ctl %s: no answer from device %q within %s; is intercomd running with this configuration?", name, cfg.Device, *timeout)
	}
}

// ctlResult is the daemon's answer on intercom/v1/ctl/{device}/result.
type ctlResult struct {
	ID    string `json:"id"`
	OK    bool   `json:"ok"`
	Error string `json:"error"`
}

func connectCtl(ctx context.Context, cfg config.Config) (paho.Client, error) {
	opts := paho.NewClientOptions().
		AddBroker(cfg.BrokerURL()).
		SetClientID("intercomd-ctl-" + randomHex(4)).
		SetUsername(cfg.MQTT.Username).
		SetPassword(cfg.MQTT.Password).
		SetAutoReconnect(false).
		SetConnectTimeout(3 * time.Second)
	client := paho.NewClient(opts)
	if err := waitToken(ctx, client.Connect()); err != nil {
		return nil, fmt.Errorf("ctl: connecting to %s: %w", cfg.BrokerURL(), err)
	}
	return client, nil
}

func printState(ctx context.Context, client paho.Client, device string, stdout io.Writer) error {
	got := make(chan []byte, 1)
	tok := client.Subscribe(mqttsignal.StateTopic(device), 1, func(_ paho.Client, m paho.Message) {
		select {
		case got <- m.Payload():
		default:
		}
	})
	if err := waitToken(ctx, tok); err != nil {
		return err
	}
	select {
	case p := <-got:
		_, err := fmt.Fprintf(stdout, "%s\n", p)
		return err
	case <-ctx.Done():
		return fmt.Errorf("ctl status: device %q has published no state; is intercomd running with this configuration?", device)
	}
}

func waitToken(ctx context.Context, tok paho.Token) error {
	select {
	case <-tok.Done():
		return tok.Error()
	case <-ctx.Done():
		return ctx.Err()
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
