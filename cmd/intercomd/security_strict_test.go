package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/intercomd/intercomd/internal/config"
	"github.com/intercomd/intercomd/trust"
)

// TestAutoSigningNeverGoesBackSilently: once an auto-mode station has
// required signatures, losing its trusted keys (a wrong path, a file emptied
// by a power cut) stops it instead of letting it accept unsigned signaling;
// removing the last key with `intercomd keys remove` is the way back.
func TestAutoSigningNeverGoesBackSilently(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	cfg.User, cfg.Device = "door", "door-pi"
	cfg.Security.KeyFile = filepath.Join(dir, "state", "device.key")
	cfg.Security.TrustedKeys = filepath.Join(dir, "trusted_keys")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	s, err := loadSecurity(cfg, log)
	if err != nil || s.require {
		t.Fatalf("no keys enrolled: require=%v err=%v, want a lenient start", s != nil && s.require, err)
	}
	phone, _, err := trust.LoadOrCreateKey(filepath.Join(dir, "phone.key"))
	if err != nil {
		t.Fatal(err)
	}
	line := trust.Entry{Identity: trust.Identity{User: "alice", Device: "alice-phone"}, Key: trust.PublicKey(phone)}
	if _, err := trust.AddToFile(cfg.Security.TrustedKeys, line, false); err != nil {
		t.Fatal(err)
	}
	if s, err = loadSecurity(cfg, log); err != nil || !s.require {
		t.Fatalf("one key enrolled: require=%v err=%v, want strict", s != nil && s.require, err)
	}

	// The file is emptied (or the path mistyped): refused, naming the fix.
	if err := os.WriteFile(cfg.Security.TrustedKeys, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadSecurity(cfg, log); err == nil || !strings.Contains(err.Error(), "has required signed signaling before") {
		t.Fatalf("empty trusted keys after strict: %v, want refused", err)
	}

	// Enrolled again, then the last key removed on purpose: lenient again.
	if _, err := trust.AddToFile(cfg.Security.TrustedKeys, line, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "intercomd.yaml")
	yaml := "user: door\ndevice: door-pi\nsecurity:\n  key_file: " + cfg.Security.KeyFile + "\n  trusted_keys: " + cfg.Security.TrustedKeys + "\n"
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := runKeys([]string{"remove", "--config", path, "alice", "alice-phone"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "accepts unsigned signaling again") {
		t.Fatalf("keys remove of the last key said:\n%s", out.String())
	}
	if s, err = loadSecurity(cfg, log); err != nil || s.require {
		t.Fatalf("after removing the last key: require=%v err=%v, want lenient", s != nil && s.require, err)
	}
}
