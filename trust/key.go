package trust

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// LoadKey reads a device's private key: a PEM "PRIVATE KEY" block holding an
// Ed25519 key in PKCS #8, the form `openssl genpkey -algorithm ed25519` writes.
func LoadKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("trust: reading the device key: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("trust: %s holds no PEM \"PRIVATE KEY\" block (cut short by a power loss?); move it away and start intercomd again to make a new key, then enroll the new one", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("trust: %s: %w", path, err)
	}
	ed, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("trust: %s holds a %T; intercomd signs with Ed25519 keys", path, k)
	}
	return ed, nil
}

// LoadOrCreateKey reads the device key at path, creating one (mode 0600, its
// folder 0700 when missing) on first use. created reports a new key.
//
// The key is written to a temporary file, synced, then linked into place, so
// a power cut never leaves a half-written key and two processes starting at
// once end up with the same one.
func LoadOrCreateKey(path string) (key ed25519.PrivateKey, created bool, err error) {
	key, err = LoadKey(path)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		return key, false, err
	}
	_, key, err = ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, fmt.Errorf("trust: generating a key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, false, fmt.Errorf("trust: encoding the key: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("trust: creating the key's folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".device-key-*")
	if err != nil {
		return nil, false, fmt.Errorf("trust: creating the device key: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600 already: the key is never readable by others.
	if err := pem.Encode(tmp, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		tmp.Close()
		return nil, false, fmt.Errorf("trust: writing %s: %w", tmp.Name(), err)
	}
	if err := syncClose(tmp); err != nil {
		return nil, false, err
	}
	// Link, unlike rename, fails when the key appeared meanwhile: the first
	// process to get there wins and the others read its key.
	if err := os.Link(tmp.Name(), path); errors.Is(err, os.ErrExist) {
		key, err = LoadKey(path)
		return key, false, err
	} else if err != nil {
		return nil, false, fmt.Errorf("trust: creating the device key: %w", err)
	}
	syncDir(dir)
	return key, true, nil
}

// syncClose flushes f to the storage and closes it.
func syncClose(f *os.File) error {
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("trust: writing %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("trust: writing %s: %w", f.Name(), err)
	}
	return nil
}

// syncDir makes a new name in dir survive a power cut. Errors are ignored:
// some file systems cannot sync a directory, and the file itself is synced.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// PublicKey returns the public half of key.
func PublicKey(key ed25519.PrivateKey) ed25519.PublicKey {
	return key.Public().(ed25519.PublicKey)
}
