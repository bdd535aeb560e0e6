package systemd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// inJournaldNamespace marks the re-executed test binary that runs inside a private
// mount namespace with its own journald.
const inJournaldNamespace = "INTERCOMD_TEST_IN_JOURNALD_NS"

const journaldBinary = "/lib/systemd/systemd-journald"

// TestRealJournald logs through both journal paths into a real systemd-journald
// and reads the entries back with journalctl: native entries must keep CALL_ID,
// PEER and a multi-line field, stream lines must get the priority from their
// prefix. journald runs in a private mount namespace with a tmpfs on /run, so the
// machine's own journal, if any, is never touched. It needs root (to mount), and
// skips where that or journald is missing, or where the sandbox forbids new mount
// namespaces.
func TestRealJournald(t *testing.T) {
	if os.Getenv(inJournaldNamespace) == "1" {
		journaldChild(t)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a private /run for journald")
	}
	for _, tool := range []string{journaldBinary, "journalctl", "unshare"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found (Debian packages systemd, util-linux)", tool)
		}
	}
	cmd := exec.Command("unshare", "--mount", "--propagation", "private", os.Args[0], "-test.run=^TestRealJournald$", "-test.v")
	cmd.Env = append(os.Environ(), inJournaldNamespace+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil && bytes.Contains(out, []byte("unshare failed")) {
		t.Skipf("no private mount namespace here: %s", bytes.TrimSpace(out))
	}
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestRealJournald")) {
		t.Fatalf("journald check in a private mount namespace failed (%v):\n%s", err, out)
	}
}

// journaldChild runs inside the private namespace.
func journaldChild(t *testing.T) {
	if err := syscall.Mount("tmpfs", "/run", "tmpfs", 0, "mode=0755"); err != nil {
		t.Fatalf("mounting a private /run: %v", err)
	}
	for _, dir := range []string{"/run/systemd/journal", "/run/log/journal"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	journald := exec.Command(journaldBinary)
	if err := journald.Start(); err != nil {
		t.Fatalf("starting %s: %v", journaldBinary, err)
	}
	defer func() {
		journald.Process.Kill()
		journald.Wait()
	}()
	waitFor(t, func() bool {
		return journalSocketExists(JournalSocket) && journalSocketExists("/run/systemd/journal/stdout")
	}, "journald's sockets")

	// What systemd does for StandardError=journal: a stream connection with a
	// header (identifier, unit, priority, level prefix on, forwarding off), and
	// JOURNAL_STREAM naming it.
	conn, err := net.Dial("unix", "/run/systemd/journal/stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("intercomd\n\n6\n1\n0\n0\n0\n")); err != nil {
		t.Fatal(err)
	}
	stream, err := conn.(*net.UnixConn).File()
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	fi, err := stream.Stat()
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	t.Setenv("JOURNAL_STREAM", fmt.Sprintf("%d:%d", st.Dev, st.Ino))

	native := slog.New(NewLogHandler(stream, slog.LevelDebug))
	native.With("call_id", "c-native").Warn("call failed", "peer", "door", "sdp", "v=0\no=- 1 1 IN IP4 0.0.0.0")
	lines := slog.New(NewJournalHandler(stream, &JournalOptions{Level: slog.LevelDebug}))
	lines.Error("broker gone", "call_id", "c-stream")
	lines.Debug("probe sent")

	want := map[string]map[string]string{
		"c-native": {"_TRANSPORT": "journal", "PRIORITY": "4", "PEER": "door", "SDP": "v=0\no=- 1 1 IN IP4 0.0.0.0",
			"MESSAGE": `call failed call_id=c-native peer=door sdp="v=0\no=- 1 1 IN IP4 0.0.0.0"`},
		"broker gone call_id=c-stream": {"_TRANSPORT": "stdout", "PRIORITY": "3", "SYSLOG_IDENTIFIER": "intercomd"},
		"probe sent":                   {"_TRANSPORT": "stdout", "PRIORITY": "7"},
	}
	var entries []map[string]any
	waitFor(t, func() bool {
		entries = readJournal(t)
		found := 0
		for _, e := range entries {
			if e["CALL_ID"] == "c-native" || want[str(e["MESSAGE"])] != nil {
				found++
			}
		}
		return found == len(want)
	}, "three entries from intercomd in the journal")
	for _, e := range entries {
		key := str(e["MESSAGE"])
		if e["CALL_ID"] == "c-native" {
			key = "c-native"
		}
		for field, value := range want[key] {
			if str(e[field]) != value {
				t.Errorf("entry %q: %s = %q, want %q", key, field, str(e[field]), value)
			}
		}
	}
}

func readJournal(t *testing.T) []map[string]any {
	out, err := exec.Command("journalctl", "-D", "/run/log/journal", "-o", "json", "--no-pager").Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return nil // no journal file yet
	}
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	var entries []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e map[string]any
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("journalctl -o json line %q: %v", sc.Bytes(), err)
		}
		entries = append(entries, e)
	}
	return entries
}

// str renders a journalctl JSON value: a string, or an array of byte values for
// fields that are not plain text (such as those with newlines).
func str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		b := make([]byte, 0, len(v))
		for _, x := range v {
			f, _ := x.(float64)
			b = append(b, byte(f))
		}
		return string(b)
	}
	return ""
}
