package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/trust"
)

const keysUsage = `intercomd keys: the keys that authenticate signaling (docs/security.md)

  intercomd keys init   [--config FILE]   create this device's key (the daemon does it on first start)
  intercomd keys show   [--config FILE]   print this device's enrollment line, to add on the other devices
  intercomd keys add    [--config FILE] [--replace] 'USER DEVICE ed25519:KEY [comment]'
                                          trust a device (the line its "keys show" or the web page prints)
  intercomd keys remove [--config FILE] USER DEVICE
                                          stop trusting a device
  intercomd keys list   [--config FILE]   the trusted devices
  intercomd keys pin    --cert FILE       the pin of a broker certificate, for mqtt.pin_sha256

Without --config, the packaged /etc/intercomd/intercomd.yaml is used when it
exists. Run add and remove as a user who may write the trusted-keys file (root
for /etc/intercomd), then reload the daemon: systemctl reload intercomd.
`

// packagedConfig is the configuration the Debian package installs.
const packagedConfig = "/etc/intercomd/intercomd.yaml"

// runKeys is `intercomd keys`.
func runKeys(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, keysUsage)
		return nil
	}
	sub, args := args[0], args[1:]
	if sub == "pin" {
		return runPin(args, stdout)
	}
	fs, path, apply := configFlags("keys " + sub)
	replace := fs.Bool("replace", false, "replace the key of a device that is already enrolled")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("keys %s: %w; run `intercomd keys help`", sub, err)
	}
	if *path == "" {
		// On a packaged install `sudo intercomd keys add …` must edit the
		// files the service uses, not ones in root's home.
		if _, err := os.Stat(packagedConfig); err == nil {
			*path = packagedConfig
		}
	}
	cfg, err := config.Load(*path, os.Environ(), apply)
	if err != nil {
		return err
	}
	sc := cfg.Security
	switch sub {
	case "init", "show":
		if err := noArgs(fs, sub); err != nil {
			return err
		}
		if sc.KeyFile == "" {
			return errors.New("keys: no key file is configured and HOME is not set; set security.key_file")
		}
		key, created, err := loadKeyFor(sub, sc.KeyFile)
		if err != nil {
			return err
		}
		if created {
			fmt.Fprintf(os.Stderr, "created %s\n", sc.KeyFile)
		}
		fmt.Fprintln(stdout, trust.Entry{Identity: trust.Identity{User: cfg.User, Device: cfg.Device}, Key: trust.PublicKey(key)})
		return nil
	case "add":
		if fs.NArg() == 0 {
			return errors.New("keys add: give the enrollment line in quotes: intercomd keys add 'alice alice-phone ed25519:KEY'")
		}
		e, err := trust.ParseEntry(strings.Join(fs.Args(), " "))
		if err != nil {
			return fmt.Errorf("keys add: %w", err)
		}
		if err := needTrustedKeys(sc); err != nil {
			return err
		}
		changed, err := trust.AddToFile(sc.TrustedKeys, e, *replace)
		if err != nil {
			return fmt.Errorf("keys add: %w", err)
		}
		if !changed {
			fmt.Fprintf(stdout, "%s is already enrolled with this key in %s\n", e.Identity, sc.TrustedKeys)
			return nil
		}
		fmt.Fprintf(stdout, "enrolled %s in %s; apply it with: systemctl reload intercomd\n", e.Identity, sc.TrustedKeys)
		if sc.Signing == config.SigningAuto {
			fmt.Fprintln(stdout, "from now on this station accepts signaling only from enrolled devices")
		}
		return nil
	case "remove":
		if fs.NArg() != 2 {
			return errors.New("keys remove: give USER DEVICE, e.g. intercomd keys remove alice alice-phone")
		}
		if err := needTrustedKeys(sc); err != nil {
			return err
		}
		id := trust.Identity{User: fs.Arg(0), Device: fs.Arg(1)}
		removed, err := trust.RemoveFromFile(sc.TrustedKeys, id)
		if err != nil {
			return fmt.Errorf("keys remove: %w", err)
		}
		if !removed {
			return fmt.Errorf("keys remove: %s is not enrolled in %s; `intercomd keys list` shows who is", id, sc.TrustedKeys)
		}
		fmt.Fprintf(stdout, "removed %s from %s; apply it with: systemctl reload intercomd\n", id, sc.TrustedKeys)
		if store, err := trust.LoadFile(sc.TrustedKeys); err == nil && store.Len() == 0 && sc.Signing == config.SigningAuto && sc.KeyFile != "" {
			// The last key, removed on purpose: the way back to accepting
			// unsigned signaling (security.signing: auto).
			if err := os.Remove(strictMarker(sc)); err == nil {
				fmt.Fprintln(stdout, "no device is enrolled any more: this station accepts unsigned signaling again")
			}
		}
		return nil
	case "list":
		if err := noArgs(fs, sub); err != nil {
			return err
		}
		if err := needTrustedKeys(sc); err != nil {
			return err
		}
		store, err := trust.LoadFile(sc.TrustedKeys)
		if err != nil {
			return err
		}
		if store.Len() == 0 {
			fmt.Fprintf(stdout, "no device is enrolled in %s: signaling is %s\n", sc.TrustedKeys, unenrolledPolicy(sc.Signing))
			return nil
		}
		for _, e := range store.Entries() {
			fmt.Fprintln(stdout, e)
		}
		return nil
	}
	return fmt.Errorf("keys: unknown subcommand %q; run `intercomd keys help`", sub)
}

// runPin is `intercomd keys pin --cert FILE`.
func runPin(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("keys pin", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cert := fs.String("cert", "", "PEM certificate of the broker")
	if err := fs.Parse(args); err != nil || *cert == "" || fs.NArg() > 0 {
		return errors.New("keys pin: give the broker's certificate: intercomd keys pin --cert /etc/intercomd/broker.pem")
	}
	pin, err := mqttsignal.PinOfFile(*cert)
	if err != nil {
		return fmt.Errorf("keys pin: %w", err)
	}
	fmt.Fprintln(stdout, pin)
	return nil
}

// loadKeyFor reads the key; only init creates one, so that `sudo intercomd
// keys show` cannot leave a root-owned key the daemon's user cannot read.
func loadKeyFor(sub, path string) (key []byte, created bool, err error) {
	if sub == "init" {
		return trust.LoadOrCreateKey(path)
	}
	k, err := trust.LoadKey(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, fmt.Errorf("keys show: there is no key at %s yet; start the daemon once, or create it as the daemon's user: sudo -u intercomd intercomd keys init --config FILE", path)
	}
	return k, false, err
}

func noArgs(fs *flag.FlagSet, sub string) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("keys %s: unexpected argument %q", sub, fs.Arg(0))
	}
	return nil
}

func needTrustedKeys(sc config.SecurityConfig) error {
	if sc.TrustedKeys == "" {
		return errors.New("keys: no trusted-keys file is configured and HOME is not set; set security.trusted_keys")
	}
	return nil
}

func unenrolledPolicy(mode string) string {
	switch mode {
	case config.SigningRequired:
		return "required, so every device is refused until enrolled"
	case config.SigningOff:
		return "off (security.signing)"
	}
	return "signed but not checked until the first device is enrolled"
}
