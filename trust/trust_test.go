package trust_test

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/intercomd/intercomd/trust"
)

func testKey(b byte) ed25519.PublicKey {
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = b
	}
	return trust.PublicKey(ed25519.NewKeyFromSeed(seed))
}

func TestEntryRoundTrip(t *testing.T) {
	e := trust.Entry{Identity: trust.Identity{User: "alice", Device: "alice-phone"}, Key: testKey(1), Comment: "Alice's phone"}
	line := e.String()
	got, err := trust.ParseEntry(line)
	if err != nil {
		t.Fatal(err)
	}
	if got.Identity != e.Identity || !got.Key.Equal(e.Key) || got.Comment != e.Comment {
		t.Fatalf("ParseEntry(%q) = %+v, want %+v", line, got, e)
	}
	if _, err := trust.ParseEntry(line + " " + strings.Repeat("x", 1024)); err == nil || !strings.Contains(err.Error(), "longer than the limit of 1024 bytes") {
		t.Fatalf("ParseEntry of a long line: %v", err)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	good := trust.Entry{Identity: trust.Identity{User: "door", Device: "door-pi"}, Key: testKey(2)}.String()
	for _, tc := range []struct{ name, file, want string }{
		{"two fields", "# keys\n\nalice alice-phone\n", "keys:3: trust: \"alice alice-phone\" needs three fields"},
		{"bad user", "al/ice phone " + trust.FormatPublicKey(testKey(1)) + "\n", "keys:1: trust: user \"al/ice\" is not an id"},
		{"no prefix", "alice phone AAAA\n", "keys:1: trust: key \"AAAA\" must start with \"ed25519:\""},
		{"short key", "alice phone ed25519:AAAA\n", "holds 3 bytes; an Ed25519 public key has 32"},
		{"not base64", "alice phone ed25519:!!!!\n", "is not unpadded base64url"},
		{"twice", good + "\n" + good + "\n", "keys: trust: door/door-pi is listed twice"},
		{"long line", strings.Repeat("x", 2000) + "\n", "keys:1: trust: line is longer than the limit of 1024 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := trust.Parse(strings.NewReader(tc.file), "keys")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	file := "# household\nalice alice-phone " + trust.FormatPublicKey(testKey(1)) + " phone\n  door door-pi " + trust.FormatPublicKey(testKey(2)) + "\n"
	s, err := trust.Parse(strings.NewReader(file), "keys")
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 2 {
		t.Fatalf("Len = %d, want 2", s.Len())
	}
	if k, ok := s.Lookup("door", "door-pi"); !ok || !k.Equal(testKey(2)) {
		t.Fatalf("Lookup(door, door-pi) = %v, %v", k, ok)
	}
	if _, ok := s.Lookup("alice", "alice-laptop"); ok {
		t.Fatal("an unlisted device of a listed user is trusted")
	}
	var empty *trust.Store
	if _, ok := empty.Lookup("alice", "alice-phone"); ok || empty.Len() != 0 {
		t.Fatal("a nil store trusts someone")
	}
}

func TestFileAddRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trusted_keys")
	s, err := trust.LoadFile(path)
	if err != nil || s.Len() != 0 {
		t.Fatalf("missing file: %v, %d keys; want an empty store", err, s.Len())
	}
	phone := trust.Entry{Identity: trust.Identity{User: "alice", Device: "alice-phone"}, Key: testKey(1)}
	door := trust.Entry{Identity: trust.Identity{User: "door", Device: "door-pi"}, Key: testKey(2)}
	for _, e := range []trust.Entry{phone, door} {
		if changed, err := trust.AddToFile(path, e, false); err != nil || !changed {
			t.Fatalf("AddToFile(%s) = %v, %v", e.Identity, changed, err)
		}
	}
	if changed, err := trust.AddToFile(path, phone, false); err != nil || changed {
		t.Fatalf("enrolling the same key again = %v, %v; want a no-op", changed, err)
	}
	other := phone
	other.Key = testKey(3)
	if _, err := trust.AddToFile(path, other, false); err == nil || !strings.Contains(err.Error(), "already enrolled") {
		t.Fatalf("a second key for alice/alice-phone: %v, want refused", err)
	}
	if _, err := trust.AddToFile(path, other, true); err != nil {
		t.Fatal(err)
	}
	s, err = trust.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := s.Lookup("alice", "alice-phone"); !k.Equal(testKey(3)) || s.Len() != 2 {
		t.Fatalf("after --replace: %d keys, phone's key %v", s.Len(), k)
	}
	if removed, err := trust.RemoveFromFile(path, door.Identity); err != nil || !removed {
		t.Fatalf("RemoveFromFile = %v, %v", removed, err)
	}
	if removed, err := trust.RemoveFromFile(path, door.Identity); err != nil || removed {
		t.Fatalf("removing twice = %v, %v; want nothing removed", removed, err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "# intercomd trusted keys") || strings.Contains(string(b), "door-pi") {
		t.Fatalf("file after the edits:\n%s", b)
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "device.key")
	k1, created, err := trust.LoadOrCreateKey(path)
	if err != nil || !created {
		t.Fatalf("first use: created=%v err=%v", created, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	k2, created, err := trust.LoadOrCreateKey(path)
	if err != nil || created || !k1.Equal(k2) {
		t.Fatalf("second use: created=%v err=%v same=%v", created, err, k1.Equal(k2))
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	os.WriteFile(bad, []byte("not a key"), 0o600)
	if _, err := trust.LoadKey(bad); err == nil || !strings.Contains(err.Error(), "move it away") {
		t.Fatalf("LoadKey of garbage: %v", err)
	}
	if _, err := trust.LoadKey(filepath.Join(t.TempDir(), "none")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("LoadKey of a missing file: %v, want ErrNotExist", err)
	}
}

// FuzzParse: the trusted-keys file is edited by hand; no input may panic, and
// whatever parses must print back to lines that parse to the same store.
func FuzzParse(f *testing.F) {
	f.Add("alice alice-phone " + trust.FormatPublicKey(testKey(1)) + " a comment\n# c\n\n")
	f.Add("door door-pi ed25519:AAAA\n")
	f.Add(strings.Repeat("a ", 600))
	f.Fuzz(func(t *testing.T, file string) {
		s, err := trust.Parse(strings.NewReader(file), "fuzz")
		if err != nil {
			return
		}
		var b strings.Builder
		for _, e := range s.Entries() {
			b.WriteString(e.String() + "\n")
		}
		again, err := trust.Parse(strings.NewReader(b.String()), "again")
		if err != nil {
			t.Fatalf("printed store does not parse: %v\n%s", err, b.String())
		}
		if again.Len() != s.Len() {
			t.Fatalf("%d keys after printing, want %d", again.Len(), s.Len())
		}
		for _, e := range s.Entries() {
			if k, ok := again.Lookup(e.User, e.Device); !ok || !k.Equal(e.Key) {
				t.Fatalf("%s lost its key in the round trip", e.Identity)
			}
		}
	})
}
