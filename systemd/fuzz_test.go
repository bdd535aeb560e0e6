package systemd

import (
	"bytes"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/intercomd/intercomd/call"
)

// FuzzStatusText: whatever display name a peer sends, the STATUS= text the
// Notifier sends is one line with no control characters and within bounds, so
// it cannot add notify assignments of its own.
func FuzzStatusText(f *testing.F) {
	for _, s := range []string{"door", "Evil\nREADY=1", "\x00\x1b[2J", strings.Repeat("é", 300), "\xff\xfe"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 27, 18, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, name string) {
		line := StatusLine(call.Snapshot{Status: call.StatusConnected, Since: now.Add(-time.Minute),
			Call: call.Info{Direction: call.Incoming, CallerID: "door", PeerName: name}}, now)
		if strings.ContainsFunc(line, unicode.IsControl) {
			t.Fatalf("StatusLine %q carries a control character", line)
		}
		for _, text := range []string{cleanStatus(line), cleanStatus(name)} {
			if strings.ContainsFunc(text, unicode.IsControl) || !utf8.ValidString(text) || len(text) > maxStatusBytes {
				t.Fatalf("status text %q (%d bytes): control characters, invalid UTF-8 or over %d bytes", text, len(text), maxStatusBytes)
			}
		}
	})
}

var validJournalField = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)

// FuzzJournalEntry: any attribute key and value make a native entry journald
// can parse, with a field name it accepts and the value intact.
func FuzzJournalEntry(f *testing.F) {
	f.Add("call_id", "c-42")
	f.Add("sdp", "v=0\no=- 1")
	f.Add("_PID", "1")
	f.Add("", "x")
	f.Add("message", "a\x00b")
	f.Fuzz(func(t *testing.T, key, value string) {
		h := NewJournalHandler(&bytes.Buffer{}, &JournalOptions{Identifier: "intercomd"}).(*journalHandler)
		r := slog.NewRecord(time.Time{}, slog.LevelInfo, "msg", 0)
		r.AddAttrs(slog.String(key, value))
		var attrs []journalAttr
		r.Attrs(func(a slog.Attr) bool { attrs = appendAttr(attrs, nil, a); return true })
		entry := h.nativeEntry(r, formatLine(r.Message, attrs), 6, attrs)
		fields, err := parseJournalEntry(entry)
		if err != nil {
			t.Fatalf("entry for %q=%q does not parse: %v", key, value, err)
		}
		if fields["PRIORITY"] != "6" || fields["SYSLOG_IDENTIFIER"] != "intercomd" || strings.ContainsRune(fields["MESSAGE"], '\n') {
			t.Fatalf("entry for %q=%q: reserved fields overwritten or a multi-line MESSAGE: %q", key, value, fields)
		}
		for name := range fields {
			if !validJournalField.MatchString(name) {
				t.Fatalf("entry for %q=%q has field name %q journald would refuse", key, value, name)
			}
		}
		if len(attrs) == 1 && attrs[0].field != "" && fields[attrs[0].field] != value {
			t.Fatalf("field %s = %q, want %q", attrs[0].field, fields[attrs[0].field], value)
		}
	})
}
