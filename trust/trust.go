// Package trust holds the keys that authenticate signaling: a device's own
// Ed25519 signing key, and the household's list of trusted public keys, one per
// user device, in a file much like ssh's authorized_keys.
//
// A trusted-keys line is an enrollment line, the same text `intercomd keys show`
// prints on the device that owns the key:
//
//	alice alice-phone ed25519:Wm9vYmFy...  optional comment
//
// docs/security.md explains the choice of Ed25519 over a shared secret and how a
// household enrolls its devices.
package trust

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// keyPrefix starts the text form of a public key.
const keyPrefix = "ed25519:"

// maxLine bounds a trusted-keys line, in bytes: ids and key fit in 200; the rest
// is comment.
const maxLine = 1024

// idPattern is the id rule of the protocol (call.IDRule). It is repeated here
// so that this package stays free of the call engine.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// Identity names one device of one user.
type Identity struct {
	User   string
	Device string
}

// String returns "user/device".
func (id Identity) String() string { return id.User + "/" + id.Device }

// Entry is one trusted key: the device it belongs to, the key, and a comment.
type Entry struct {
	Identity
	Key     ed25519.PublicKey
	Comment string
}

// String returns the enrollment line: "user device ed25519:KEY [comment]".
func (e Entry) String() string {
	s := e.User + " " + e.Device + " " + FormatPublicKey(e.Key)
	if e.Comment != "" {
		s += " " + e.Comment
	}
	return s
}

// FormatPublicKey returns the text form of key: "ed25519:" and its 32 bytes in
// unpadded base64url.
func FormatPublicKey(key ed25519.PublicKey) string {
	return keyPrefix + base64.RawURLEncoding.EncodeToString(key)
}

// ParsePublicKey is the inverse of FormatPublicKey.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	rest, ok := strings.CutPrefix(s, keyPrefix)
	if !ok {
		return nil, fmt.Errorf("trust: key %q must start with %q", clip(s), keyPrefix)
	}
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return nil, fmt.Errorf("trust: key %q is not unpadded base64url: %v", clip(s), err)
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("trust: key %q holds %d bytes; an Ed25519 public key has %d", clip(s), len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// ParseEntry parses one enrollment line.
func ParseEntry(line string) (Entry, error) {
	if len(line) > maxLine {
		return Entry{}, fmt.Errorf("trust: line is %d bytes, longer than the limit of %d bytes", len(line), maxLine)
	}
	f := strings.Fields(line)
	if len(f) < 3 {
		return Entry{}, fmt.Errorf("trust: %q needs three fields: user device ed25519:KEY (as `intercomd keys show` prints it)", clip(line))
	}
	for _, id := range []struct{ what, v string }{{"user", f[0]}, {"device", f[1]}} {
		if !idPattern.MatchString(id.v) {
			return Entry{}, fmt.Errorf("trust: %s %q is not an id (1-64 of A-Z a-z 0-9 _ . -)", id.what, clip(id.v))
		}
	}
	key, err := ParsePublicKey(f[2])
	if err != nil {
		return Entry{}, err
	}
	return Entry{Identity: Identity{f[0], f[1]}, Key: key, Comment: strings.Join(f[3:], " ")}, nil
}

// Store is an immutable set of trusted keys, at most one per device.
type Store struct {
	entries []Entry
	byID    map[Identity]ed25519.PublicKey
}

// NewStore returns a store holding entries. A device listed twice is an error,
// since two keys for one device would make revoking one of them a guess.
func NewStore(entries ...Entry) (*Store, error) {
	s := &Store{byID: make(map[Identity]ed25519.PublicKey, len(entries))}
	for _, e := range entries {
		if _, dup := s.byID[e.Identity]; dup {
			return nil, fmt.Errorf("trust: %s is listed twice; keep one key per device", e.Identity)
		}
		s.byID[e.Identity] = e.Key
		s.entries = append(s.entries, e)
	}
	return s, nil
}

// Parse reads a trusted-keys file. Blank lines and lines starting with # are
// skipped. Errors name the file and line: "trusted_keys:3: ...".
func Parse(r io.Reader, name string) (*Store, error) {
	var entries []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, maxLine+1), maxLine+1)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := ParseEntry(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: trust: line is longer than the limit of %d bytes", name, n+1, maxLine)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s, err := NewStore(entries...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// LoadFile reads the trusted-keys file at path. A missing file is an empty
// store: a new installation trusts nobody yet.
func LoadFile(path string) (*Store, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return NewStore()
	}
	if err != nil {
		return nil, fmt.Errorf("trust: reading the trusted keys: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// Lookup returns the key trusted for user's device.
func (s *Store) Lookup(user, device string) (ed25519.PublicKey, bool) {
	if s == nil {
		return nil, false
	}
	k, ok := s.byID[Identity{user, device}]
	return k, ok
}

// Len returns the number of trusted keys.
func (s *Store) Len() int {
	if s == nil {
		return 0
	}
	return len(s.entries)
}

// Entries returns the trusted keys in file order.
func (s *Store) Entries() []Entry {
	if s == nil {
		return nil
	}
	return slices.Clone(s.entries)
}

// AddToFile enrolls e in the trusted-keys file at path, creating it (mode 0644:
// public keys are not secret) when missing. Enrolling the same key again is a
// no-op; a different key for an enrolled device is refused unless replace is
// set, so that a typo cannot silently lock a device out.
func AddToFile(path string, e Entry, replace bool) (changed bool, err error) {
	store, err := LoadFile(path)
	if err != nil {
		return false, err
	}
	if old, ok := store.Lookup(e.User, e.Device); ok {
		if old.Equal(e.Key) {
			return false, nil
		}
		if !replace {
			return false, fmt.Errorf("trust: %s is already enrolled with %s; remove it first or pass --replace", e.Identity, FormatPublicKey(old))
		}
	}
	return true, rewrite(path, func(old *Entry) bool {
		return old == nil || old.Identity != e.Identity
	}, e.String())
}

// RemoveFromFile revokes the key of id in the trusted-keys file at path. It
// reports whether a key was removed.
func RemoveFromFile(path string, id Identity) (bool, error) {
	store, err := LoadFile(path)
	if err != nil {
		return false, err
	}
	if _, ok := store.Lookup(id.User, id.Device); !ok {
		return false, nil
	}
	return true, rewrite(path, func(old *Entry) bool {
		return old == nil || old.Identity != id
	}, "")
}

// rewrite writes path anew, keeping the lines keep accepts (comments and blank
// lines are passed as nil) and appending add when not empty. It replaces the
// file atomically so that a crash never leaves half a file.
func rewrite(path string, keep func(*Entry) bool, add string) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("trust: reading the trusted keys: %w", err)
	}
	var out bytes.Buffer
	if len(old) == 0 {
		out.WriteString("# intercomd trusted keys: user device ed25519:KEY [comment]\n# Add with `intercomd keys add`, then `systemctl reload intercomd`.\n")
	}
	for line := range strings.Lines(string(old)) {
		text := strings.TrimSpace(line)
		var e *Entry
		if text != "" && !strings.HasPrefix(text, "#") {
			if parsed, err := ParseEntry(text); err == nil {
				e = &parsed
			}
		}
		if keep(e) {
			out.WriteString(strings.TrimRight(line, "\n") + "\n")
		}
	}
	if add != "" {
		out.WriteString(add + "\n")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("trust: creating the trusted keys' folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".trusted_keys-*")
	if err != nil {
		return fmt.Errorf("trust: writing the trusted keys: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("trust: writing %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("trust: writing %s: %w", tmp.Name(), err)
	}
	if err := syncClose(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("trust: replacing %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// clip keeps hostile input from filling error messages.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
