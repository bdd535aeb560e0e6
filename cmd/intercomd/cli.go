package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/intercomd/intercomd/internal/config"
)

const usage = `intercomd — a video door intercom for Raspberry Pi and other Linux boards

Usage:
  intercomd [run] [--config FILE] [flags]   run the daemon (default)
  intercomd ctl COMMAND [flags]             drive a running daemon over MQTT
        commands: call [--to USER] [--channel CH] [--audio=false] [--video=false]
                  accept, reject, end, open-door, status
                  dnd, mute, speaker-mute [--on=false]
  intercomd devices [--config FILE]         list cameras, encoders and sound cards, and what would be used
  intercomd keys init|show|add|remove|list  the keys that authenticate signaling (intercomd keys help)
  intercomd config check [--config FILE]    validate a configuration and exit
  intercomd config show [--config FILE]     print the effective configuration as YAML
  intercomd version                         print the version and build information
  intercomd help                            this text

Configuration: defaults, then the YAML file, then INTERCOMD_* variables, then
flags. docs/config.md lists every key. With no file intercomd runs an embedded
MQTT broker on 127.0.0.1:1883 (WebSocket 1884), serves the page on
http://127.0.0.1:8080/ and uses a synthetic camera and microphone when it finds
no devices.
`

// runCLI dispatches the subcommand.
func runCLI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "run":
		cfg, path, err := loadFromFlags("run", args)
		if err != nil {
			return err
		}
		return runDaemon(ctx, cfg, path, stderr)
	case "ctl":
		return runCtl(ctx, args, stdout)
	case "config":
		return runConfig(args, stdout)
	case "devices":
		return runDevices(args, stdout)
	case "keys":
		return runKeys(args, stdout)
	case "version":
		fmt.Fprintln(stdout, versionString())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q; run `intercomd help`", cmd)
}

// flagSet returns a flag set with the flags every subcommand that reads the
// configuration shares, and a function that applies them over a loaded Config.
func configFlags(name string) (*flag.FlagSet, *string, func(*config.Config)) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	path := fs.String("config", "", "YAML configuration file")
	user := fs.String("user", "", "this station's user id (config key user)")
	device := fs.String("device", "", "this device's id (config key device)")
	target := fs.String("target", "", "whom the doorbell calls (config key target)")
	mqttURL := fs.String("mqtt-url", "", "external broker URL; empty runs the embedded broker (config key mqtt.url)")
	httpListen := fs.String("http", "", "address of the web page, e.g. 127.0.0.1:8080 (config key http.listen)")
	logLevel := fs.String("log-level", "", "debug, info, warn or error (config key log.level)")
	media := fs.String("media", "", "auto or synthetic (config key media.source)")
	apply := func(c *config.Config) {
		for _, f := range []struct {
			v   string
			dst *string
		}{{*user, &c.User}, {*device, &c.Device}, {*target, &c.Target}, {*mqttURL, &c.MQTT.URL}, {*httpListen, &c.HTTP.Listen}, {*logLevel, &c.Log.Level}, {*media, &c.Media.Source}} {
			if f.v != "" {
				*f.dst = f.v
			}
		}
	}
	return fs, path, apply
}

// loadFromFlags parses args and loads the configuration they point at.
func loadFromFlags(name string, args []string) (config.Config, string, error) {
	fs, path, apply := configFlags(name)
	if err := fs.Parse(args); err != nil {
		return config.Config{}, "", fmt.Errorf("%s: %w; run `intercomd help`", name, err)
	}
	if fs.NArg() > 0 {
		return config.Config{}, "", fmt.Errorf("%s: unexpected argument %q", name, fs.Arg(0))
	}
	cfg, err := config.Load(*path, os.Environ(), apply)
	return cfg, *path, err
}

func runConfig(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("config: say check or show; run `intercomd help`")
	}
	cfg, _, err := loadFromFlags("config "+args[0], args[1:])
	switch args[0] {
	case "check":
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, "configuration is valid")
		return nil
	case "show":
		if err != nil {
			return err
		}
		out, err := config.Encode(cfg)
		if err != nil {
			return err
		}
		_, err = stdout.Write(out)
		return err
	}
	return fmt.Errorf("config: unknown subcommand %q; say check or show", args[0])
}

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func versionString() string {
	s := "intercomd " + version
	if bi, ok := debug.ReadBuildInfo(); ok {
		s += " " + bi.GoVersion
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "GOOS", "GOARCH", "GOARM", "CGO_ENABLED", "vcs.revision", "vcs.modified":
				s += " " + kv.Key + "=" + kv.Value
			}
		}
	}
	return s
}
