package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/trust"
	"github.com/intercomd/intercomd/web"
)

// security is the signaling authentication in force: this device's key, the
// trusted keys and whether signatures are required. Reload builds a new one.
type security struct {
	key     ed25519.PrivateKey // nil when signing is off
	trusted *trust.Store
	require bool
	self    trust.Entry
}

// loadSecurity reads the device key (creating it on first start) and the
// trusted keys as cfg says. An unreadable or malformed file is an error that
// names it; a missing trusted-keys file is an empty household.
func loadSecurity(cfg config.Config, log *slog.Logger) (*security, error) {
	sc := cfg.Security
	s := &security{}
	if sc.Signing == config.SigningOff {
		log.Warn("signaling is neither signed nor checked (security.signing: off): anyone who can publish on the broker can ring, answer and open the door as anyone")
		return s, nil
	}
	var err error
	if sc.KeyFile == "" {
		// Without a place for the key there is none for the strict marker
		// either: such a station stays as strict as its trusted keys say.
		_, s.key, err = ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, fmt.Errorf("security: generating a device key: %w", err)
		}
		log.Warn("no place to keep the device key (set security.key_file); this key lasts until intercomd stops, so enrolling it is pointless")
	} else {
		var created bool
		s.key, created, err = trust.LoadOrCreateKey(sc.KeyFile)
		if errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("security.key_file: %w; the key must belong to the user intercomd runs as (created by root with sudo? chown intercomd %s)", err, sc.KeyFile)
		}
		if err != nil {
			return nil, fmt.Errorf("security.key_file: %w", err)
		}
		if created {
			log.Info("created this device's signing key; enroll it on the other devices with `intercomd keys add`", "file", sc.KeyFile)
		}
	}
	s.self = trust.Entry{Identity: trust.Identity{User: cfg.User, Device: cfg.Device}, Key: trust.PublicKey(s.key)}
	s.trusted, err = trust.NewStore()
	if err != nil {
		return nil, err
	}
	if sc.TrustedKeys != "" {
		if s.trusted, err = trust.LoadFile(sc.TrustedKeys); err != nil {
			return nil, fmt.Errorf("security.trusted_keys: %w", err)
		}
	}
	s.require = sc.Signing == config.SigningRequired || s.trusted.Len() > 0
	if err := s.holdStrict(sc, log); err != nil {
		return nil, err
	}
	if !s.require {
		log.Warn("signaling is signed but not yet checked: no trusted keys are enrolled, so anyone who can publish on the broker can ring or answer as anyone; enroll the household's devices (docs/security.md)",
			"trusted_keys", sc.TrustedKeys, "this_device", s.self.String())
	} else {
		log.Info("signaling is signed and checked", "trusted_keys", s.trusted.Len(), "file", sc.TrustedKeys)
	}
	return s, nil
}

// holdStrict keeps an auto-mode station from going back to accepting
// unsigned signaling by accident. Once it has required signatures, a marker
// beside the key says so; a trusted-keys file that is later missing or empty
// (a typo in the path, a file lost to a power cut) is then an error, not a
// silent downgrade. `intercomd keys remove` of the last key deletes the marker:
// that is the deliberate way back.
func (s *security) holdStrict(sc config.SecurityConfig, log *slog.Logger) error {
	if sc.Signing != config.SigningAuto || sc.KeyFile == "" {
		return nil
	}
	marker := strictMarker(sc)
	_, err := os.Stat(marker)
	switch {
	case s.require && errors.Is(err, fs.ErrNotExist):
		if err := os.WriteFile(marker, []byte("signed signaling has been required here; see docs/security.md\n"), 0o644); err != nil {
			log.Warn("cannot record that signed signaling is required", "file", marker, "err", err)
		}
	case !s.require && err == nil:
		return fmt.Errorf("security.trusted_keys: %s is missing or empty, but this station has required signed signaling before (%s); restore the file, or remove the marker to accept unsigned signaling again", sc.TrustedKeys, marker)
	}
	return nil
}

// strictMarker is the file that says a station has required signatures.
func strictMarker(sc config.SecurityConfig) string {
	return filepath.Join(filepath.Dir(sc.KeyFile), "signing-required")
}

// auth is what the Signaler needs; nil when signing is off.
func (s *security) auth(sc config.SecurityConfig) *mqttsignal.Auth {
	if s.key == nil {
		return nil
	}
	return &mqttsignal.Auth{Key: s.key, Trust: s.trusted, Require: s.require, Window: sc.Window}
}

// page is what the web page needs to sign and verify like this station:
// the policy, and the trusted keys with this station's own.
func (s *security) page() *web.SigningConfig {
	if s.key == nil {
		return nil
	}
	pc := &web.SigningConfig{Require: s.require, Trusted: []web.TrustedKey{pageKey(s.self)}}
	for _, e := range s.trusted.Entries() {
		if e.Identity != s.self.Identity {
			pc.Trusted = append(pc.Trusted, pageKey(e))
		}
	}
	return pc
}

func pageKey(e trust.Entry) web.TrustedKey {
	return web.TrustedKey{User: e.User, Device: e.Device, Key: trust.FormatPublicKey(e.Key)}
}
