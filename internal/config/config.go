// Package config holds intercomd's configuration: defaults, then the YAML file,
// then INTERCOMD_* environment variables, then command-line flags, then
// Validate. Every key is documented in docs/config.md and in Default's comments;
// errors name the key and the fix.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/gpio"
	"github.com/intercomd/intercomd/homeassistant"
	"github.com/intercomd/intercomd/mqttsignal"
)

// Config is the whole daemon configuration. The yaml tags are the file's keys.
type Config struct {
	// User is who this station is on the intercom ("door").
	User string `yaml:"user" env:"INTERCOMD_USER"`
	// Device tells this device apart from others of the same user; default: the
	// host name, cleaned to the id alphabet.
	Device string `yaml:"device" env:"INTERCOMD_DEVICE"`
	// Name is the display name callers and callees see ("Front door").
	Name string `yaml:"name" env:"INTERCOMD_NAME"`
	// Channels this station joins; calls arrive and presence shows on each.
	Channels []string `yaml:"channels" env:"INTERCOMD_CHANNELS"`
	// Target is whom the doorbell (and `intercomd ctl call` without --to) calls.
	Target string `yaml:"target" env:"INTERCOMD_TARGET"`

	Call      CallConfig      `yaml:"call"`
	MQTT      MQTTConfig      `yaml:"mqtt"`
	Broker    BrokerConfig    `yaml:"broker"`
	HTTP      HTTPConfig      `yaml:"http"`
	Media     MediaConfig     `yaml:"media"`
	WebRTC    WebRTCConfig    `yaml:"webrtc"`
	Log       LogConfig       `yaml:"log"`
	Telemetry TelemetryConfig `yaml:"telemetry"`
	Security  SecurityConfig  `yaml:"security"`
	// Audio is the microphone and speaker (docs/audio.md). "default" uses the
	// first card that can capture or play, and none found means the synthetic
	// tone and no playback; "none" turns a direction off.
	Audio device.AudioConfig `yaml:"audio"`
	// GPIO is the panel of buttons, LEDs and the door relay (gpio/README.md).
	GPIO gpio.Config `yaml:"gpio"`
	// HomeAssistant is MQTT discovery (docs/homeassistant.md).
	HomeAssistant homeassistant.Config `yaml:"homeassistant"`
}

// CallConfig bounds the call flows.
type CallConfig struct {
	RingTimeout       time.Duration `yaml:"ring_timeout" env:"INTERCOMD_RING_TIMEOUT"`
	ConnectTimeout    time.Duration `yaml:"connect_timeout"`
	DisconnectTimeout time.Duration `yaml:"disconnect_timeout"`
}

// MQTTConfig says how to reach the broker. An empty URL runs the embedded one.
type MQTTConfig struct {
	// URL: tcp://host:1883, ssl://host:8883, ws://host:1884/mqtt or wss://...
	URL      string `yaml:"url" env:"INTERCOMD_MQTT_URL"`
	Username string `yaml:"username" env:"INTERCOMD_MQTT_USERNAME"`
	Password string `yaml:"password" env:"INTERCOMD_MQTT_PASSWORD"`
	CAFile   string `yaml:"ca_file"`
	CertFile string `yaml:"cert_file"`
	KeyFile  string `yaml:"key_file"`
	// PinSHA256 lists the broker certificate keys to accept, "sha256/BASE64"
	// (`intercomd keys pin --cert FILE`); enough without ca_file for a
	// self-signed broker certificate.
	PinSHA256          []string `yaml:"pin_sha256"`
	InsecureSkipVerify bool     `yaml:"insecure_skip_verify"`
}

// BrokerConfig configures the embedded broker (used when mqtt.url is empty).
type BrokerConfig struct {
	// TCP and WebSocket listen addresses; "" disables that listener.
	TCP       string `yaml:"tcp" env:"INTERCOMD_BROKER_TCP"`
	WebSocket string `yaml:"websocket" env:"INTERCOMD_BROKER_WEBSOCKET"`
	// TLSCert and TLSKey turn on TLS for both listeners (wss:// for browsers).
	TLSCert string `yaml:"tls_cert"`
	TLSKey  string `yaml:"tls_key"`
	// Users maps user names to passwords. Required when a listener is not on loopback.
	Users map[string]string `yaml:"users"`
	// Admins may send commands and publish Home Assistant discovery: the
	// station itself (mqtt.username), Home Assistant, the CLI. Each must be in users.
	Admins []string `yaml:"admins"`
}

// HTTPConfig serves the web page.
type HTTPConfig struct {
	// Listen address; "" disables the page.
	Listen  string `yaml:"listen" env:"INTERCOMD_HTTP_LISTEN"`
	TLSCert string `yaml:"tls_cert"`
	TLSKey  string `yaml:"tls_key"`
	// BrokerURL is the WebSocket URL the page's SDK connects to; default: the
	// embedded broker's WebSocket listener on the page's own host.
	BrokerURL string `yaml:"broker_url"`
}

// MediaConfig chooses the media sources.
type MediaConfig struct {
	// Source: "auto" (real devices when found, else synthetic) or "synthetic".
	Source    string `yaml:"source" env:"INTERCOMD_MEDIA_SOURCE"`
	Width     int    `yaml:"width"`
	Height    int    `yaml:"height"`
	FrameRate int    `yaml:"frame_rate"`
	// Bitrate of the video in bits per second.
	Bitrate int `yaml:"bitrate"`
	// Camera: "auto" (the best one found), "rpicam" (a Pi camera module through
	// rpicam-vid) or a V4L2 device path such as /dev/video0.
	Camera string `yaml:"camera" env:"INTERCOMD_CAMERA"`
	// Encoder: auto, passthrough (the camera's own H.264), hardware (V4L2
	// memory-to-memory, e.g. bcm2835-codec) or software (openh264).
	Encoder string `yaml:"encoder"`
	// EncoderDevice is the hardware encoder's path; empty: found by probing.
	EncoderDevice string `yaml:"encoder_device"`
	// KeyframeInterval is the time between periodic keyframes.
	KeyframeInterval time.Duration `yaml:"keyframe_interval"`
	// Rpicam is the rpicam-vid program; empty: looked up on PATH.
	Rpicam string `yaml:"rpicam"`
	// VideoSink passes the other side's H.264 video on, for an indoor panel
	// with a screen: "file:PATH" ({call} becomes the call id) or
	// "exec:COMMAND" (its stdin), e.g. "exec:ffplay -fflags nobuffer -i -".
	// Empty: received video is only counted.
	VideoSink string `yaml:"video_sink"`
}

// WebRTCConfig tunes the peer connections.
type WebRTCConfig struct {
	// ICEServers: stun:/turn: URLs. None by default: a LAN needs none.
	ICEServers []string `yaml:"ice_servers"`
	// Loopback gathers 127.0.0.1 candidates too (calls between processes on one host).
	Loopback bool `yaml:"loopback"`
	// Interfaces limits ICE to these network interfaces (empty: all).
	Interfaces []string `yaml:"interfaces"`
}

// LogConfig sets logging.
type LogConfig struct {
	// Level: debug, info, warn or error.
	Level string `yaml:"level" env:"INTERCOMD_LOG_LEVEL"`
}

// TelemetryConfig sets how often the daemon publishes its state and media counters.
type TelemetryConfig struct {
	// StatsInterval: how often media counters are logged and published during a call.
	StatsInterval time.Duration `yaml:"stats_interval"`
}

// SecurityConfig says how signaling is authenticated (docs/security.md).
type SecurityConfig struct {
	// Signing: auto (sign everything; require signatures once trusted_keys
	// lists a key), required (drop unsigned signaling and unknown senders from
	// the start), or off (neither sign nor check).
	Signing string `yaml:"signing" env:"INTERCOMD_SIGNING"`
	// KeyFile is this device's Ed25519 private key, created on first start.
	// Default: $STATE_DIRECTORY/device.key under systemd, else
	// ~/.local/state/intercomd/device.key. With neither, the daemon makes a
	// key that lasts until it stops, and says so.
	KeyFile string `yaml:"key_file" env:"INTERCOMD_KEY_FILE"`
	// TrustedKeys is the household's trusted-keys file (`intercomd keys add`).
	// Default: $CONFIGURATION_DIRECTORY/trusted_keys under systemd, else
	// trusted_keys beside the configuration file, else
	// ~/.config/intercomd/trusted_keys.
	TrustedKeys string `yaml:"trusted_keys" env:"INTERCOMD_TRUSTED_KEYS"`
	// Window: how far a signed message's timestamp may be from this clock.
	Window time.Duration `yaml:"window"`
}

// Signing modes of SecurityConfig.Signing.
const (
	SigningAuto     = "auto"
	SigningRequired = "required"
	SigningOff      = "off"
)

// Default returns the configuration intercomd runs with when nothing is set:
// the embedded broker on loopback, the page on 127.0.0.1:8080, media from real
// devices when found and synthetic otherwise.
func Default() Config {
	return Config{
		User:     "door",
		Device:   defaultDevice(),
		Name:     "Front door",
		Channels: []string{"home"},
		Target:   "household",
		Call: CallConfig{
			RingTimeout:       call.DefaultRingTimeout,
			ConnectTimeout:    call.DefaultConnectTimeout,
			DisconnectTimeout: call.DefaultDisconnectTimeout,
		},
		Broker: BrokerConfig{TCP: "127.0.0.1:1883", WebSocket: "127.0.0.1:1884"},
		HTTP:   HTTPConfig{Listen: "127.0.0.1:8080"},
		Media: MediaConfig{Source: "auto", Width: 640, Height: 360, FrameRate: 15, Bitrate: 600_000,
			Camera: "auto", Encoder: "auto", KeyframeInterval: 2 * time.Second},
		WebRTC: WebRTCConfig{Loopback: true},
		Log:    LogConfig{Level: "info"},
		Telemetry: TelemetryConfig{
			StatsInterval: 5 * time.Second,
		},
		Security:      SecurityConfig{Signing: SigningAuto, Window: 2 * time.Minute},
		Audio:         device.AudioConfig{Capture: "default", Playback: "default", EchoCancel: device.EchoCancelAuto},
		HomeAssistant: homeassistant.DefaultConfig(),
	}
}

func defaultDevice() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "intercomd"
	}
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-' {
			return r
		}
		return '-'
	}, h)
	if len(clean) > 64 {
		clean = clean[:64]
	}
	return clean
}

// Load reads the YAML file at path (none when path is "") over the defaults,
// applies the environment, then override (flags; may be nil), and validates.
func Load(path string, environ []string, override func(*Config)) (Config, error) {
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("config: reading %s: %w", path, err)
		}
		if err := Decode(data, &cfg); err != nil {
			return Config{}, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	if err := ApplyEnv(&cfg, environ); err != nil {
		return Config{}, err
	}
	if override != nil {
		override(&cfg)
	}
	cfg.derive(path, environ)
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// Decode parses YAML into cfg, rejecting unknown keys by name.
func Decode(data []byte, cfg *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("invalid YAML: %w", err)
	}
	return nil
}

// ApplyEnv sets every field that has an `env` tag from environ ("KEY=value").
func ApplyEnv(cfg *Config, environ []string) error {
	env := map[string]string{}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return applyEnv(reflect.ValueOf(cfg).Elem(), env)
}

func applyEnv(v reflect.Value, env map[string]string) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if f.Type.Kind() == reflect.Struct {
			if err := applyEnv(fv, env); err != nil {
				return err
			}
			continue
		}
		name := f.Tag.Get("env")
		val, ok := env[name]
		if name == "" || !ok {
			continue
		}
		switch {
		case f.Type == reflect.TypeOf(time.Duration(0)):
			d, err := time.ParseDuration(val)
			if err != nil {
				return fmt.Errorf("config: %s=%q is not a duration; write it like 30s or 1m", name, val)
			}
			fv.SetInt(int64(d))
		case f.Type.Kind() == reflect.String:
			fv.SetString(val)
		case f.Type.Kind() == reflect.Bool:
			b, err := strconv.ParseBool(val)
			if err != nil {
				return fmt.Errorf("config: %s=%q is not true or false", name, val)
			}
			fv.SetBool(b)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			fv.Set(reflect.ValueOf(splitList(val)))
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// derive fills in keys whose defaults depend on other keys or on where
// intercomd runs: the GPIO buttons call the station's target on its first
// channel unless told otherwise; the key files live where systemd's
// StateDirectory= and ConfigurationDirectory= put them, or under the user's
// home outside systemd.
func (c *Config) derive(path string, environ []string) {
	if c.GPIO.Target == (gpio.Target{}) && len(c.Channels) > 0 {
		c.GPIO.Target = gpio.Target{Channel: c.Channels[0], User: c.Target}
	}
	env := func(k string) string {
		for _, kv := range environ {
			if name, v, ok := strings.Cut(kv, "="); ok && name == k {
				return v
			}
		}
		return ""
	}
	// systemd lists several directories separated by colons; intercomd's unit
	// sets one.
	first := func(k string) string { d, _, _ := strings.Cut(env(k), ":"); return d }
	home := env("HOME")
	if c.Security.KeyFile == "" {
		switch {
		case first("STATE_DIRECTORY") != "":
			c.Security.KeyFile = filepath.Join(first("STATE_DIRECTORY"), "device.key")
		case env("XDG_STATE_HOME") != "":
			c.Security.KeyFile = filepath.Join(env("XDG_STATE_HOME"), "intercomd", "device.key")
		case home != "":
			c.Security.KeyFile = filepath.Join(home, ".local", "state", "intercomd", "device.key")
		}
	}
	if c.Security.TrustedKeys == "" {
		switch {
		case first("CONFIGURATION_DIRECTORY") != "":
			c.Security.TrustedKeys = filepath.Join(first("CONFIGURATION_DIRECTORY"), "trusted_keys")
		case path != "":
			c.Security.TrustedKeys = filepath.Join(filepath.Dir(path), "trusted_keys")
		case env("XDG_CONFIG_HOME") != "":
			c.Security.TrustedKeys = filepath.Join(env("XDG_CONFIG_HOME"), "intercomd", "trusted_keys")
		case home != "":
			c.Security.TrustedKeys = filepath.Join(home, ".config", "intercomd", "trusted_keys")
		}
	}
}

// Validate checks every key and returns all problems at once, each naming its
// key and the fix.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf("config: "+format, args...)) }
	id := func(key, v string) {
		if !call.ValidID(v) {
			bad("%s %q must be %s", key, v, call.IDRule)
		}
	}
	id("user", c.User)
	id("device", c.Device)
	id("target", c.Target)
	if c.Target == c.User {
		bad("target %q is this station's own user; set target to the user the doorbell should call", c.Target)
	}
	if len(c.Channels) == 0 {
		bad("channels is empty; list at least one channel, e.g. [home]")
	}
	for i, ch := range c.Channels {
		id(fmt.Sprintf("channels[%d]", i), ch)
	}
	for key, d := range map[string]time.Duration{
		"call.ring_timeout": c.Call.RingTimeout, "call.connect_timeout": c.Call.ConnectTimeout,
		"call.disconnect_timeout": c.Call.DisconnectTimeout, "telemetry.stats_interval": c.Telemetry.StatsInterval,
	} {
		if d <= 0 {
			bad("%s must be a positive duration such as 30s, got %s", key, d)
		}
	}
	if c.MQTT.URL != "" {
		scheme, _, ok := strings.Cut(c.MQTT.URL, "://")
		switch {
		case !ok:
			bad("mqtt.url %q has no scheme; write tcp://host:1883, ssl://host:8883, ws://host:port/path or wss://...", c.MQTT.URL)
		case scheme != "tcp" && scheme != "ssl" && scheme != "tls" && scheme != "mqtts" && scheme != "ws" && scheme != "wss" && scheme != "mqtt":
			bad("mqtt.url scheme %q is not one of tcp, ssl, ws, wss", scheme)
		}
		if (c.MQTT.CertFile == "") != (c.MQTT.KeyFile == "") {
			bad("mqtt.cert_file and mqtt.key_file go together; set both or neither")
		}
		tls := scheme == "ssl" || scheme == "tls" || scheme == "mqtts" || scheme == "wss"
		if !tls && (len(c.MQTT.PinSHA256) > 0 || c.MQTT.CAFile != "" || c.MQTT.CertFile != "") {
			bad("mqtt.pin_sha256, mqtt.ca_file and mqtt.cert_file need a TLS mqtt.url (ssl:// or wss://), got %s://: nothing would be checked and signaling would travel in clear", scheme)
		}
		for _, p := range c.MQTT.PinSHA256 {
			if !mqttsignal.ValidPin(p) {
				bad("mqtt.pin_sha256 %q is not a pin; write sha256/ and the base64 SHA-256 of the broker's public key (intercomd keys pin --cert FILE prints it)", p)
			}
		}
	} else {
		if c.Broker.TCP == "" {
			bad("broker.tcp is empty while mqtt.url is empty: intercomd needs a broker; set broker.tcp (default 127.0.0.1:1883) or mqtt.url")
		}
		for key, addr := range map[string]string{"broker.tcp": c.Broker.TCP, "broker.websocket": c.Broker.WebSocket} {
			if addr == "" {
				continue
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				bad("%s %q is not host:port: %v", key, addr, err)
				continue
			}
			if !isLoopback(host) && len(c.Broker.Users) == 0 {
				bad("%s %q listens beyond loopback without credentials; add broker.users or bind to 127.0.0.1", key, addr)
			}
		}
		if len(c.Broker.Users) > 0 && c.MQTT.Username == "" {
			bad("broker.users is set, so intercomd must log in to its own broker too: set mqtt.username and mqtt.password to one of broker.users, listed in broker.admins")
		}
		for _, a := range c.Broker.Admins {
			if _, ok := c.Broker.Users[a]; !ok {
				bad("broker.admins names %q, which is not in broker.users; add it there with a password", a)
			}
		}
		if (c.Broker.TLSCert == "") != (c.Broker.TLSKey == "") {
			bad("broker.tls_cert and broker.tls_key go together; set both or neither")
		}
	}
	if c.HTTP.Listen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
			bad("http.listen %q is not host:port: %v", c.HTTP.Listen, err)
		}
	}
	if (c.HTTP.TLSCert == "") != (c.HTTP.TLSKey == "") {
		bad("http.tls_cert and http.tls_key go together; set both or neither")
	}
	switch c.Media.Source {
	case "auto", "synthetic":
	default:
		bad("media.source %q is not one of auto, synthetic", c.Media.Source)
	}
	switch c.Media.Encoder {
	case "auto", "passthrough", "hardware", "software":
	default:
		bad("media.encoder %q is not one of auto, passthrough, hardware, software", c.Media.Encoder)
	}
	if c.Media.Camera != "auto" && c.Media.Camera != "rpicam" && !strings.HasPrefix(c.Media.Camera, "/dev/") {
		bad("media.camera %q is not auto, rpicam or a device path such as /dev/video0", c.Media.Camera)
	}
	if err := device.ValidVideoSink(c.Media.VideoSink); err != nil {
		bad("media.video_sink %v", err)
	}
	if c.Media.KeyframeInterval <= 0 {
		bad("media.keyframe_interval must be a positive duration such as 2s, got %s", c.Media.KeyframeInterval)
	}
	if c.Media.Width < 16 || c.Media.Height < 16 || c.Media.Width%2 != 0 || c.Media.Height%2 != 0 {
		bad("media.width and media.height must be even and at least 16, got %dx%d", c.Media.Width, c.Media.Height)
	}
	if c.Media.FrameRate < 1 || c.Media.FrameRate > 60 {
		bad("media.frame_rate must be 1-60, got %d", c.Media.FrameRate)
	}
	if c.Media.Bitrate < 50_000 {
		bad("media.bitrate must be at least 50000 bit/s, got %d", c.Media.Bitrate)
	}
	if err := c.Audio.Validate(); err != nil {
		bad("audio: %v", err)
	}
	if err := c.GPIO.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := c.HomeAssistant.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("config: %w", err))
	}
	switch c.Security.Signing {
	case SigningAuto, SigningRequired, SigningOff:
	default:
		bad("security.signing %q is not one of auto, required, off", c.Security.Signing)
	}
	if c.Security.Signing == SigningRequired && c.Security.TrustedKeys == "" {
		bad("security.signing is required but no trusted-keys file is known; set security.trusted_keys, e.g. /etc/intercomd/trusted_keys")
	}
	if c.Security.Window < 10*time.Second || c.Security.Window > time.Hour {
		bad("security.window must be between 10s and 1h, got %s", c.Security.Window)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level %q is not one of debug, info, warn, error", c.Log.Level)
	}
	return errors.Join(errs...)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// EmbeddedBroker reports whether intercomd runs its own broker.
func (c *Config) EmbeddedBroker() bool { return c.MQTT.URL == "" }

// BrokerURL is the URL the daemon's own MQTT client connects to.
func (c *Config) BrokerURL() string {
	if c.MQTT.URL != "" {
		return c.MQTT.URL
	}
	host, port, _ := net.SplitHostPort(c.Broker.TCP)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	scheme := "tcp"
	if c.Broker.TLSCert != "" {
		scheme = "ssl"
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}

// Encode renders cfg as YAML, for `intercomd config show`. Passwords are masked.
func Encode(cfg Config) ([]byte, error) {
	if cfg.MQTT.Password != "" {
		cfg.MQTT.Password = "********"
	}
	users := make(map[string]string, len(cfg.Broker.Users))
	for u := range cfg.Broker.Users {
		users[u] = "********"
	}
	cfg.Broker.Users = users
	return yaml.Marshal(cfg)
}

// NeedsRestart lists the keys whose change between old and next a running
// daemon cannot apply: everything but log, target, telemetry and security.
func NeedsRestart(old, next Config) []string {
	var keys []string
	ov, nv := reflect.ValueOf(old), reflect.ValueOf(next)
	for i := range ov.NumField() {
		key := strings.Split(ov.Type().Field(i).Tag.Get("yaml"), ",")[0]
		switch key {
		case "log", "target", "telemetry", "security":
			continue
		}
		if !reflect.DeepEqual(ov.Field(i).Interface(), nv.Field(i).Interface()) {
			keys = append(keys, key)
		}
	}
	return keys
}
