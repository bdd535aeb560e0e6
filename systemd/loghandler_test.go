package systemd

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestJournalHandlerPriorityPrefixes(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(NewJournalHandler(&buf, &JournalOptions{Level: slog.LevelDebug}))
	log.Debug("probe sent")
	log.Info("call connected", "call_id", "c-42", "peer", "door")
	log.Warn("camera slow", "fps", 12.5)
	log.Error("broker gone", "err", errors.New("dial tcp 10.0.0.2:1883: connection refused"))
	log.Log(context.Background(), slog.LevelError+4, "fatal-ish")
	log.Log(context.Background(), slog.LevelInfo+2, "between info and warn")
	want := strings.Join([]string{
		"<7>probe sent",
		"<6>call connected call_id=c-42 peer=door",
		"<4>camera slow fps=12.5",
		`<3>broker gone err="dial tcp 10.0.0.2:1883: connection refused"`,
		"<3>fatal-ish",
		"<6>between info and warn",
	}, "\n") + "\n"
	if got := buf.String(); got != want {
		t.Fatalf("journal lines:\n%s\nwant:\n%s", got, want)
	}
}

func TestJournalHandlerLevelGroupsAndQuoting(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(NewJournalHandler(&buf, nil)) // default level: info
	log.Debug("hidden")
	gpio := log.With("subsystem", "gpio").WithGroup("pin")
	gpio.Info("edge\nseen", "name", "GPIO27", "at", 3*time.Millisecond, slog.Group("debounce", "ms", 30), slog.Group("empty"))
	log.Info("quoted", "text", `say "hi"`, "empty", "", "eq", "a=b", "ctl", "a\x00b")
	want := strings.Join([]string{
		`<6>edge\nseen subsystem=gpio pin.name=GPIO27 pin.at=3ms pin.debounce.ms=30`,
		`<6>quoted text="say \"hi\"" empty="" eq="a=b" ctl="a\x00b"`,
	}, "\n") + "\n"
	if got := buf.String(); got != want {
		t.Fatalf("journal lines:\n%s\nwant:\n%s", got, want)
	}
}

// journalServer is a stand-in for journald's native socket.
func journalServer(t *testing.T) (path string, next func() map[string]string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "journal.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatalf("binding a journal socket at %s: %v", path, err)
	}
	t.Cleanup(func() { conn.Close() })
	return path, func() map[string]string {
		t.Helper()
		buf := make([]byte, 65536)
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, _, err := conn.ReadFromUnix(buf)
		if err != nil {
			t.Fatalf("waiting for a journal entry: %v", err)
		}
		fields, err := parseJournalEntry(buf[:n])
		if err != nil {
			t.Fatalf("entry %q: %v", buf[:n], err)
		}
		return fields
	}
}

// parseJournalEntry decodes journald's native protocol as journald does.
func parseJournalEntry(b []byte) (map[string]string, error) {
	fields := map[string]string{}
	for len(b) > 0 {
		nl := bytes.IndexByte(b, '\n')
		if nl < 0 {
			return nil, errors.New("field without a trailing newline")
		}
		line := string(b[:nl])
		if name, value, ok := strings.Cut(line, "="); ok {
			fields[name] = value
			b = b[nl+1:]
			continue
		}
		b = b[nl+1:]
		if len(b) < 8 {
			return nil, fmt.Errorf("binary field %s without a length", line)
		}
		size := binary.LittleEndian.Uint64(b)
		b = b[8:]
		if uint64(len(b)) < size+1 || b[size] != '\n' {
			return nil, fmt.Errorf("binary field %s: bad length %d", line, size)
		}
		fields[line] = string(b[:size])
		b = b[size+1:]
	}
	return fields, nil
}

// TestJournalHandlerNativeFields: with journald's socket, attributes become
// fields journalctl can match (CALL_ID=..., PEER=...).
func TestJournalHandlerNativeFields(t *testing.T) {
	path, next := journalServer(t)
	var stream bytes.Buffer
	log := slog.New(NewJournalHandler(&stream, &JournalOptions{Socket: path, Identifier: "intercomd"}))
	log.With("subsystem", "call").WithGroup("call").Warn("call failed", "id", "c-42", "peer", "door", "sdp", "v=0\no=- 1 1 IN IP4 0.0.0.0", "message", "spoof", "_PID", "1", "9lives", "x")
	got := next()
	want := map[string]string{
		"MESSAGE":           `call failed subsystem=call call.id=c-42 call.peer=door call.sdp="v=0\no=- 1 1 IN IP4 0.0.0.0" call.message=spoof call._PID=1 call.9lives=x`,
		"PRIORITY":          "4",
		"SYSLOG_IDENTIFIER": "intercomd",
		"SUBSYSTEM":         "call",
		"CALL_ID":           "c-42",
		"CALL_PEER":         "door",
		"CALL_SDP":          "v=0\no=- 1 1 IN IP4 0.0.0.0",
		"CALL_MESSAGE":      "spoof",
		"CALL__PID":         "1",
		"CALL_9LIVES":       "x",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("field %s = %q, want %q", k, got[k], v)
		}
	}
	if !strings.HasSuffix(got["CODE_FILE"], "loghandler_test.go") || got["CODE_FUNC"] == "" || got["CODE_LINE"] == "" {
		t.Errorf("CODE_FILE/LINE/FUNC = %q/%q/%q, want this test's call site", got["CODE_FILE"], got["CODE_LINE"], got["CODE_FUNC"])
	}
	if stream.Len() != 0 {
		t.Errorf("a record sent natively was also written to the stream: %q", stream.String())
	}

	slog.New(NewJournalHandler(&stream, &JournalOptions{Socket: path})).Info("top", "peer", "panel", "message", "m", "priority", "0")
	got = next()
	if got["PEER"] != "panel" || got["MESSAGE"] != "top peer=panel message=m priority=0" || got["PRIORITY"] != "6" || got["ATTR_MESSAGE"] != "m" || got["ATTR_PRIORITY"] != "0" {
		t.Errorf("top-level attributes: got %q; want PEER=panel, MESSAGE and PRIORITY kept, the attributes as ATTR_MESSAGE and ATTR_PRIORITY", got)
	}
}

// TestJournalHandlerFallsBackToStream: when journald's socket is not there, the
// record is not lost: it goes to the stream with its priority prefix.
func TestJournalHandlerFallsBackToStream(t *testing.T) {
	var stream bytes.Buffer
	log := slog.New(NewJournalHandler(&stream, &JournalOptions{Socket: filepath.Join(t.TempDir(), "missing.sock")}))
	log.Error("broker gone", "peer", "door")
	if got, want := stream.String(), "<3>broker gone peer=door\n"; got != want {
		t.Fatalf("stream = %q, want %q", got, want)
	}
}

func TestJournalField(t *testing.T) {
	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"call_id"}, "CALL_ID"},
		{[]string{"call", "id"}, "CALL_ID"},
		{[]string{"peer-device"}, "PEER_DEVICE"},
		{[]string{"_PID"}, "PID"},
		{[]string{"___"}, ""},
		{[]string{"2fa"}, "ATTR_2FA"},
		{[]string{"syslog_identifier"}, "ATTR_SYSLOG_IDENTIFIER"},
		{[]string{"errno"}, "ATTR_ERRNO"},
		{[]string{"ключ"}, ""},
		{[]string{strings.Repeat("a", 100)}, strings.Repeat("A", 64)},
	} {
		if got := journalField(tc.path); got != tc.want {
			t.Errorf("journalField(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestJournalStream: only the very file named by JOURNAL_STREAM counts.
func TestJournalStream(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stream"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	mine := fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	other := fmt.Sprintf("%d:%d", st.Dev, st.Ino+1)
	for _, tc := range []struct {
		name, env string
		w         io.Writer
		want      bool
	}{
		{"this file", mine, f, true},
		{"another inode", other, f, false},
		{"unset", "", f, false},
		{"malformed", "journal", f, false},
		{"not a file", mine, &bytes.Buffer{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("JOURNAL_STREAM", tc.env)
			if got := JournalStream(tc.w); got != tc.want {
				t.Fatalf("JournalStream with JOURNAL_STREAM=%q = %v, want %v", tc.env, got, tc.want)
			}
		})
	}

	t.Run("NewLogHandler picks the format", func(t *testing.T) {
		t.Setenv("JOURNAL_STREAM", mine)
		slog.New(NewLogHandler(f, slog.LevelInfo)).Info("hello", "peer", "door")
		t.Setenv("JOURNAL_STREAM", "")
		slog.New(NewLogHandler(f, nil)).Info("hello", "peer", "door")
		b, err := os.ReadFile(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		// On a machine with journald, the first record goes to its socket natively.
		if journalSocketExists(JournalSocket) {
			lines = append([]string{"<6>hello peer=door"}, lines...)
		}
		if len(lines) != 2 || lines[0] != "<6>hello peer=door" || !strings.HasPrefix(lines[1], "time=") || !strings.HasSuffix(lines[1], "level=INFO msg=hello peer=door") {
			t.Fatalf("got lines %q; want a journal line, then a text handler line", lines)
		}
	})
}
