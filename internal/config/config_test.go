package config

import (
	"strings"
	"testing"
	"time"
)

func TestDefaultIsValid(t *testing.T) {
	cfg := Default()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if !cfg.EmbeddedBroker() || cfg.BrokerURL() != "tcp://127.0.0.1:1883" {
		t.Fatalf("default broker: embedded=%v url=%s", cfg.EmbeddedBroker(), cfg.BrokerURL())
	}
}

func TestLoadFileThenEnv(t *testing.T) {
	cfg, err := Load("testdata/full.yaml", []string{"INTERCOMD_TARGET=alice", "INTERCOMD_RING_TIMEOUT=20s", "INTERCOMD_CHANNELS=a, b", "PATH=/bin", "HOME=/home/pi"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Device != "door-pi" || cfg.Media.Width != 1280 || cfg.Call.ConnectTimeout != 10*time.Second || cfg.MQTT.URL != "tcp://192.0.2.10:1883" {
		t.Fatalf("file not applied: %+v", cfg)
	}
	if cfg.Target != "alice" || cfg.Call.RingTimeout != 20*time.Second || strings.Join(cfg.Channels, ",") != "a,b" {
		t.Fatalf("env not applied: target=%s ring=%s channels=%v", cfg.Target, cfg.Call.RingTimeout, cfg.Channels)
	}
	if cfg.BrokerURL() != "tcp://192.0.2.10:1883" {
		t.Fatalf("BrokerURL = %s", cfg.BrokerURL())
	}
}

func TestErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, env, want string
	}{
		{"unknown key", "usr: door\n", "", "field usr not found"},
		{"bad type", "media:\n  width: wide\n", "", "cannot unmarshal"},
		{"bad user", "user: 'front door'\n", "", "user \"front door\""},
		{"calls itself", "user: door\ntarget: door\n", "", "target \"door\" is this station's own user"},
		{"no channels", "channels: []\n", "", "channels is empty"},
		{"bad duration", "call:\n  ring_timeout: -1s\n", "", "call.ring_timeout must be a positive duration"},
		{"bad env duration", "", "INTERCOMD_RING_TIMEOUT=soon", "INTERCOMD_RING_TIMEOUT=\"soon\" is not a duration"},
		{"bad scheme", "mqtt:\n  url: http://x\n", "", "mqtt.url scheme \"http\""},
		{"no scheme", "mqtt:\n  url: broker:1883\n", "", "mqtt.url \"broker:1883\" has no scheme"},
		{"open broker", "broker:\n  tcp: 0.0.0.0:1883\n", "", "broker.tcp \"0.0.0.0:1883\" listens beyond loopback without credentials"},
		{"broker users, no login", "broker:\n  users: {door: pw}\n", "", "intercomd must log in to its own broker too"},
		{"admin not a user", "mqtt:\n  url: \"\"\n  username: door\nbroker:\n  users: {door: pw}\n  admins: [ha]\n", "", "broker.admins names \"ha\""},
		{"ha prefix", "homeassistant:\n  discovery_prefix: a/b\n", "", "homeassistant.discovery_prefix"},
		{"half tls", "http:\n  tls_cert: a.pem\n", "", "http.tls_cert and http.tls_key go together"},
		{"source", "media:\n  source: webcam\n", "", "media.source \"webcam\""},
		{"odd size", "media:\n  width: 641\n", "", "media.width and media.height must be even"},
		{"log level", "log:\n  level: loud\n", "", "log.level \"loud\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Default()
			err := Decode([]byte(tc.yaml), &cfg)
			if err == nil && tc.env != "" {
				err = ApplyEnv(&cfg, []string{tc.env})
			}
			if err == nil {
				err = cfg.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	cfg := Default()
	cfg.User, cfg.Log.Level = "", "loud"
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "user") || !strings.Contains(err.Error(), "log.level") {
		t.Fatalf("Validate = %v, want both problems", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("user: door\nchannels: [home]\n"))
	f.Add([]byte("call:\n  ring_timeout: 30s\n"))
	f.Add([]byte("broker:\n  users: {a: b}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg := Default()
		if err := Decode(data, &cfg); err != nil {
			return
		}
		_ = cfg.Validate() // must not panic, whatever the file says
	})
}

func TestNeedsRestart(t *testing.T) {
	old := Default()
	next := old
	next.Log.Level, next.Target = "debug", "alice"
	if keys := NeedsRestart(old, next); len(keys) != 0 {
		t.Fatalf("live keys reported as needing a restart: %v", keys)
	}
	next.Media.Width, next.Channels = 1280, []string{"garage"}
	if keys := strings.Join(NeedsRestart(old, next), ","); keys != "channels,media" {
		t.Fatalf("NeedsRestart = %s, want channels,media", keys)
	}
}

func TestGPIOTargetDefaultsToTheStationsTarget(t *testing.T) {
	cfg, err := Load("testdata/full.yaml", []string{"HOME=/home/pi"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.GPIO.Target.User != "household" || cfg.GPIO.Target.Channel != "home" {
		t.Fatalf("gpio target %+v, want household on home", cfg.GPIO.Target)
	}
}

func TestGPIOSectionIsValidated(t *testing.T) {
	cfg := Default()
	err := Decode([]byte("gpio:\n  enabled: true\n  buttons:\n    - {name: bell, line: GPIO17, action: dance}\n"), &cfg)
	if err == nil {
		cfg.derive("", nil)
		err = cfg.Validate()
	}
	if err == nil || !strings.Contains(err.Error(), "dance") {
		t.Fatalf("bad gpio action: %v", err)
	}
}

func TestSecurityPaths(t *testing.T) {
	for _, tc := range []struct {
		name, path       string
		env              []string
		key, trustedKeys string
	}{
		{"systemd", "/etc/intercomd/intercomd.yaml", []string{"STATE_DIRECTORY=/var/lib/intercomd", "CONFIGURATION_DIRECTORY=/etc/intercomd", "HOME=/var/lib/intercomd"},
			"/var/lib/intercomd/device.key", "/etc/intercomd/trusted_keys"},
		{"cli with the packaged config", "/etc/intercomd/intercomd.yaml", []string{"HOME=/root"},
			"/root/.local/state/intercomd/device.key", "/etc/intercomd/trusted_keys"},
		{"no file", "", []string{"HOME=/home/pi"}, "/home/pi/.local/state/intercomd/device.key", "/home/pi/.config/intercomd/trusted_keys"},
		{"xdg", "", []string{"HOME=/home/pi", "XDG_STATE_HOME=/s", "XDG_CONFIG_HOME=/c"}, "/s/intercomd/device.key", "/c/intercomd/trusted_keys"},
		{"explicit wins", "", []string{"HOME=/home/pi", "INTERCOMD_KEY_FILE=/k", "INTERCOMD_TRUSTED_KEYS=/t"}, "/k", "/t"},
		{"nothing known", "", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Default()
			if err := ApplyEnv(&cfg, tc.env); err != nil {
				t.Fatal(err)
			}
			cfg.derive(tc.path, tc.env)
			if cfg.Security.KeyFile != tc.key || cfg.Security.TrustedKeys != tc.trustedKeys {
				t.Fatalf("key_file %q trusted_keys %q, want %q %q", cfg.Security.KeyFile, cfg.Security.TrustedKeys, tc.key, tc.trustedKeys)
			}
		})
	}
}

func TestSecurityIsValidated(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"security:\n  signing: maybe\n", `security.signing "maybe" is not one of auto, required, off`},
		{"security:\n  window: 1s\n", "security.window must be between 10s and 1h"},
		{"security:\n  signing: required\n", "security.signing is required but no trusted-keys file is known"},
		{"mqtt:\n  url: ssl://broker:8883\n  pin_sha256: [abc]\n", `mqtt.pin_sha256 "abc" is not a pin`},
		{"mqtt:\n  url: tcp://broker:1883\n  pin_sha256: [\"sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"]\n", "need a TLS mqtt.url (ssl:// or wss://), got tcp://"},
	} {
		cfg := Default()
		if err := Decode([]byte(tc.yaml), &cfg); err != nil {
			t.Fatal(err)
		}
		cfg.derive("", nil)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
