package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/gpio"
	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/systemd"
)

// daemon is one running intercomd: it wires the components together and owns
// the goroutine that reacts to commands, signals and call events.
type daemon struct {
	cfg   config.Config
	path  string // configuration file, re-read on SIGHUP
	log   *slog.Logger
	level *slog.LevelVar

	broker   *broker.Broker
	sig      *mqttsignal.Signaler
	media    *media
	client   *call.Client
	panel    *gpio.Panel // nil: no panel configured or no GPIO chip
	http     *http.Server
	httpAddr string
	page     pageHandler // the web page, rebuilt on reload
	sec      *security
	notifier *systemd.Notifier
}

// runDaemon runs intercomd until ctx is cancelled (SIGINT, SIGTERM).
func runDaemon(ctx context.Context, cfg config.Config, path string, logOut io.Writer) error {
	level := new(slog.LevelVar)
	level.Set(parseLevel(cfg.Log.Level))
	log := slog.New(systemd.NewLogHandler(logOut, level))
	d := &daemon{cfg: cfg, path: path, log: log, level: level, notifier: systemd.NewNotifier()}
	defer d.close()
	if err := d.start(ctx); err != nil {
		return err
	}
	return d.run(ctx)
}

func parseLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}

// start brings the components up in dependency order: broker, signaling,
// media, call engine, web page. READY=1 follows only when all are up.
func (d *daemon) start(ctx context.Context) error {
	cfg := d.cfg
	brokerURL := cfg.BrokerURL()
	var err error
	if cfg.EmbeddedBroker() {
		b, err := broker.Start(broker.Config{
			TCPAddress:       cfg.Broker.TCP,
			WebSocketAddress: orOff(cfg.Broker.WebSocket),
			TLSCertFile:      cfg.Broker.TLSCert,
			TLSKeyFile:       cfg.Broker.TLSKey,
			Users:            cfg.Broker.Users,
			Admins:           cfg.Broker.Admins,
			Logger:           d.log.With("component", "broker"),
		})
		if err != nil {
			return fmt.Errorf("starting the embedded broker: %w", err)
		}
		d.broker = b
		brokerURL = b.TCPURL()
		d.log.Info("embedded MQTT broker running", "tcp", b.TCPAddr(), "websocket", b.WebSocketAddr())
		if cfg.Broker.TLSCert != "" {
			// Other stations pin this key (mqtt.pin_sha256) instead of
			// needing a CA for a self-signed certificate.
			if pin, err := mqttsignal.PinOfFile(cfg.Broker.TLSCert); err == nil {
				d.log.Info("embedded broker certificate", "pin_sha256", pin)
			}
		}
	}

	d.sec, err = loadSecurity(cfg, d.log.With("component", "security"))
	if err != nil {
		return err
	}
	sig, err := mqttsignal.New(mqttsignal.Options{
		Auth:     d.sec.auth(cfg.Security),
		Brokers:  []string{brokerURL},
		Username: cfg.MQTT.Username,
		Password: cfg.MQTT.Password,
		TLS: mqttsignal.TLSOptions{
			CAFile: cfg.MQTT.CAFile, CertFile: cfg.MQTT.CertFile, KeyFile: cfg.MQTT.KeyFile,
			PinSHA256: cfg.MQTT.PinSHA256, InsecureSkipVerify: cfg.MQTT.InsecureSkipVerify,
		},
		UserID:   cfg.User,
		DeviceID: cfg.Device,
		Name:     cfg.Name,
		Kind:     mqttsignal.KindStation,
		Channels: cfg.Channels,
		Watch:    d.watchTopics(),
		Logger:   d.log.With("component", "mqtt"),
	})
	if err != nil {
		return fmt.Errorf("starting MQTT signaling: %w", err)
	}
	d.sig = sig
	// An external broker may be down at boot: wait a while, then go on and let
	// paho reconnect; READY=1 waits for the first connection either way.
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	if err := sig.WaitConnected(waitCtx); err != nil {
		d.log.Warn("broker not reachable yet; retrying in the background", "broker", brokerURL, "err", err)
	}
	cancel()

	mlog := d.log.With("component", "media")
	d.media, err = newMedia(cfg, mlog, func(err error) {
		// A sound card that vanished: the call goes on with what remains and
		// the card is reopened when it returns.
		mlog.Warn("audio device", "err", err)
	})
	if err != nil {
		return err
	}

	d.client, err = call.NewClient(call.Config{
		UserID: cfg.User, DeviceID: cfg.Device, Name: cfg.Name,
		Signaler: sig, Peers: d.media.peers,
		Logger:            d.log.With("component", "call"),
		RingTimeout:       cfg.Call.RingTimeout,
		ConnectTimeout:    cfg.Call.ConnectTimeout,
		DisconnectTimeout: cfg.Call.DisconnectTimeout,
	})
	if err != nil {
		return err
	}
	d.media.calls.Store(d.client)
	// Handlers run on the client's dispatcher goroutine; onEvent only reads
	// what start set up and never blocks on the network.
	d.client.OnAny(d.onEvent)

	if err := d.startPanel(); err != nil {
		return err
	}

	if cfg.HTTP.Listen != "" {
		if err := d.startHTTP(); err != nil {
			return err
		}
	}
	d.publishState()
	return nil
}

// startPanel opens the GPIO panel when one is configured. A machine without
// any GPIO chip (a laptop, CI) runs without a panel and says so.
func (d *daemon) startPanel() error {
	if !d.cfg.GPIO.Enabled {
		d.log.Info("no GPIO panel configured (gpio.enabled is false)")
		return nil
	}
	panel, err := gpio.Open(d.cfg.GPIO, d.client, gpio.Options{Logger: d.log.With("component", "gpio"), OnRing: d.ring})
	if errors.Is(err, gpio.ErrNoChip) {
		d.log.Warn("running without a panel", "err", err)
		return nil
	}
	if err != nil {
		return err
	}
	d.panel = panel
	d.client.OnAny(panel.HandleEvent)
	panel.SetOnline(d.sig.Connected())
	return nil
}

// orOff maps an empty listen address to the broker's "off".
func orOff(addr string) string {
	if addr == "" {
		return broker.Off
	}
	return addr
}

func (d *daemon) startHTTP() error {
	ln, err := net.Listen("tcp", d.cfg.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("http.listen %s: %w; pick a free port or set http.listen to \"\" to turn the page off", d.cfg.HTTP.Listen, err)
	}
	d.httpAddr = ln.Addr().String()
	d.page.set(d.httpHandler())
	d.http = &http.Server{Handler: &d.page, ReadHeaderTimeout: 10 * time.Second}
	scheme := "http"
	go func() {
		var err error
		if d.cfg.HTTP.TLSCert != "" {
			err = d.http.ServeTLS(ln, d.cfg.HTTP.TLSCert, d.cfg.HTTP.TLSKey)
		} else {
			err = d.http.Serve(ln)
		}
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			d.log.Error("web page server stopped", "err", err)
		}
	}()
	if d.cfg.HTTP.TLSCert != "" {
		scheme = "https"
	}
	d.log.Info("web page", "url", scheme+"://"+d.httpAddr+"/")
	return nil
}

// run is the daemon's own loop: commands, call events, signals, telemetry.
func (d *daemon) run(ctx context.Context) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	watchdog := &systemd.Watchdog{
		Probe:    d.client.Ping,
		Notifier: d.notifier,
		Status:   func() string { return systemd.StatusLine(d.client.Snapshot(), time.Now()) },
		Logger:   d.log.With("component", "watchdog"),
	}
	wdCtx, stopWatchdog := context.WithCancel(ctx)
	wdDone := make(chan struct{})
	go func() {
		defer close(wdDone)
		if err := watchdog.Run(wdCtx); err != nil && !errors.Is(err, context.Canceled) {
			d.log.Error("watchdog stopped", "err", err)
		}
	}()
	defer func() { stopWatchdog(); <-wdDone }()

	ready := false
	markReady := func() {
		if d.sig.Connected() {
			d.announce() // every (re)connect: the broker may have lost retained topics
		}
		if !ready && d.sig.Connected() {
			ready = true
			d.notify(d.notifier.Ready())
			d.notify(d.notifier.Status(systemd.StatusLine(d.client.Snapshot(), time.Now())))
			d.log.Info("intercomd ready", "user", d.cfg.User, "device", d.cfg.Device, "channels", d.cfg.Channels)
		}
	}
	markReady()

	stats := time.NewTicker(d.cfg.Telemetry.StatsInterval)
	defer stats.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-hup:
			d.reload()
		case cmd := <-d.sig.Commands():
			d.command(ctx, cmd)
		case w := <-d.sig.Watched():
			if w.Topic == d.cfg.HomeAssistant.StatusTopic() && string(w.Payload) == "online" {
				d.log.Info("Home Assistant is online; publishing discovery again")
				d.announce()
			}
		case <-d.sig.ConnectivityChanged():
			d.log.Info("broker connectivity", "connected", d.sig.Connected())
			if d.panel != nil {
				d.panel.SetOnline(d.sig.Connected())
			}
			markReady()
			d.publishState()
		case <-stats.C:
			if d.client.Snapshot().Status == call.StatusConnected {
				d.publishState()
			}
		}
	}
}

func (d *daemon) notify(err error) {
	if err != nil {
		d.log.Warn("systemd notify", "err", err)
	}
}

// onEvent logs a call event and publishes the state it leads to.
func (d *daemon) onEvent(e call.Event) {
	switch e.Type {
	case call.EventStatusChanged:
		d.notify(d.notifier.Status(systemd.StatusLine(d.client.Snapshot(), time.Now())))
		d.publishState()
	case call.EventError, call.EventFailed:
		d.log.Warn("call "+e.Type.String(), "call_id", e.Call.CallID, "err", e.Err)
	case call.EventEnded:
		if s, err := d.lastStats(); err == nil {
			d.log.Info("call media", "call_id", e.Call.CallID, "video_frames_received", s.VideoFramesReceived,
				"audio_packets_received", s.AudioPacketsReceived, "video_frames_sent", s.VideoFramesSent)
		}
	}
}

func (d *daemon) lastStats() (call.MediaStats, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return d.client.Stats(ctx)
}

// command runs one ctl command and answers on the result topic when asked to.
func (d *daemon) command(ctx context.Context, cmd mqttsignal.Command) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var err error
	switch cmd.Type {
	case mqttsignal.CmdCall:
		_, err = d.client.MakeCall(ctx, call.MakeCallOptions{ChannelID: cmd.Channel, TargetUserID: cmd.To, Constraints: cmd.Constraints})
	case mqttsignal.CmdAccept:
		err = d.client.AcceptCall(ctx, call.AcceptOptions{Constraints: cmd.Constraints})
	case mqttsignal.CmdReject:
		err = d.client.RejectCall(ctx)
	case mqttsignal.CmdEnd:
		err = d.client.EndCall(ctx)
	case mqttsignal.CmdDND:
		if err = d.client.SetDoNotDisturb(ctx, cmd.On); err == nil {
			d.publishState()
		}
	case mqttsignal.CmdMute, mqttsignal.CmdSpeakerMute:
		if err = d.media.mute(cmd.Type == mqttsignal.CmdMute, cmd.On); err == nil {
			d.publishState()
		}
	case mqttsignal.CmdOpenDoor:
		err = d.openDoor(ctx, "ctl:"+cmd.ID)
	default:
		err = fmt.Errorf("unknown command %s", cmd.Type)
	}
	d.log.Info("command", "cmd", cmd.Type, "to", cmd.To, "err", err)
	if cmd.ID != "" {
		if perr := d.sig.PublishResult(cmd.ID, err); perr != nil {
			d.log.Warn("publishing a command result", "id", cmd.ID, "err", perr)
		}
	}
}

// openDoor serves an open-door command from the command topic, which the
// broker's ACL opens only to admin users (the CLI, Home Assistant): a station
// with a relay pulses its own, during a call; one without asks the peer of its
// connected call to open.
func (d *daemon) openDoor(ctx context.Context, who string) error {
	if d.panel != nil {
		if err := d.panel.OpenDoor(who, true); !errors.Is(err, gpio.ErrNoRelay) {
			return err
		}
	}
	return d.client.OpenDoor(ctx)
}

// state is what the daemon publishes, retained, on intercom/v1/state/{device}.
type state struct {
	V      int    `json:"v"`
	Status string `json:"status"`
	DND    bool   `json:"dnd"`
	// MicMuted and SpeakerMuted: only with a sound card in use.
	MicMuted     *bool            `json:"micMuted,omitempty"`
	SpeakerMuted *bool            `json:"speakerMuted,omitempty"`
	Call         *stateCall       `json:"call,omitempty"`
	Since        int64            `json:"since"`
	Online       bool             `json:"online"`
	Media        *call.MediaStats `json:"media,omitempty"`
}

type stateCall struct {
	ChannelID  string `json:"channelId"`
	CallID     string `json:"callId"`
	CallerID   string `json:"callerId"`
	CalleeID   string `json:"calleeId"`
	Direction  string `json:"direction"`
	PeerDevice string `json:"peerDevice,omitempty"`
}

func (d *daemon) publishState() {
	snap := d.client.Snapshot()
	st := state{V: 1, Status: snap.Status.String(), DND: snap.DoNotDisturb, Since: snap.Since.UnixMilli(), Online: d.sig.Connected()}
	if a := d.media.audio; a != nil {
		mic, spk := a.MicMuted(), a.SpeakerMuted()
		st.MicMuted, st.SpeakerMuted = &mic, &spk
	}
	if snap.Status != call.StatusIdle {
		i := snap.Call
		st.Call = &stateCall{ChannelID: i.ChannelID, CallID: i.CallID, CallerID: i.CallerID, CalleeID: i.CalleeID, Direction: i.Direction.String(), PeerDevice: i.PeerDevice}
		if s, err := d.lastStats(); err == nil {
			st.Media = &s
		}
	}
	if err := d.sig.PublishState(st); err != nil {
		d.log.Debug("publishing state", "err", err)
	}
}

// reload re-reads the configuration on SIGHUP. An invalid file is refused and
// the running configuration stays; keys that need a restart are named.
func (d *daemon) reload() {
	d.notify(d.notifier.Reloading())
	defer d.notify(d.notifier.Ready())
	_, _, apply := configFlags("run")
	next, err := config.Load(d.path, os.Environ(), apply)
	if err != nil {
		d.log.Error("reload refused; keeping the running configuration", "file", d.path, "err", err)
		return
	}
	// The trusted keys are re-read even when the configuration is unchanged:
	// `intercomd keys add` edits them and asks for a reload.
	sec, err := loadSecurity(next, d.log.With("component", "security"))
	if err != nil {
		d.log.Error("reload refused; keeping the running configuration and keys", "err", err)
		return
	}
	d.level.Set(parseLevel(next.Log.Level))
	d.cfg.Log, d.cfg.Target, d.cfg.Telemetry, d.cfg.Security = next.Log, next.Target, next.Telemetry, next.Security
	d.sec = sec
	if a := sec.auth(next.Security); a != nil {
		d.sig.SetAuth(*a)
	} else {
		d.sig.SetAuth(mqttsignal.Auth{})
	}
	if d.http != nil {
		d.page.set(d.httpHandler())
	}
	if restart := config.NeedsRestart(d.cfg, next); len(restart) > 0 {
		d.log.Warn("reloaded; these changes take effect after a restart", "keys", restart)
		return
	}
	d.log.Info("configuration reloaded", "file", d.path)
}

// close stops everything in reverse order. The call is ended first so the peer
// hears a hangup, then the signaler says offline.
func (d *daemon) close() {
	d.notify(d.notifier.Stopping())
	if d.client != nil {
		d.client.Close() // the panel hears the call end before it closes
	}
	if d.panel != nil {
		if err := d.panel.Close(); err != nil {
			d.log.Warn("closing the GPIO panel", "err", err)
		}
	}
	if d.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = d.http.Shutdown(ctx)
		cancel()
	}
	if d.sig != nil {
		d.sig.Close()
	}
	if d.media != nil {
		d.media.close()
	}
	if d.broker != nil {
		d.broker.Close()
	}
	d.log.Info("intercomd stopped")
}
