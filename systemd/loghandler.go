package systemd

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// NewLogHandler returns the handler intercomd logs through. When w is the stream
// systemd connected to the journal (JournalStream), it is a journal handler: native
// entries with one field per attribute when journald's socket exists, lines with
// syslog priority prefixes otherwise (see NewJournalHandler). Anywhere else, a
// terminal or a file, it is slog's text handler. A nil level means slog.LevelInfo.
func NewLogHandler(w io.Writer, level slog.Leveler) slog.Handler {
	if level == nil {
		level = slog.LevelInfo
	}
	if !JournalStream(w) {
		return slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})
	}
	opts := &JournalOptions{Level: level}
	if journalSocketExists(JournalSocket) {
		opts.Socket = JournalSocket
	}
	return NewJournalHandler(w, opts)
}

// JournalOptions configure NewJournalHandler.
type JournalOptions struct {
	// Level is the lowest level logged. Nil: slog.LevelInfo.
	Level slog.Leveler
	// Socket is journald's native socket, normally JournalSocket. When set, each
	// record is sent there as one entry: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER,
	// CODE_FILE/LINE/FUNC, and one field per attribute named after its key path
	// in upper case (call_id → CALL_ID, the group call and key id → CALL_ID too),
	// so that `journalctl CALL_ID=...` finds a call. A record is written to the
	// stream instead only when sending fails. Empty: stream lines only.
	Socket string
	// Identifier is SYSLOG_IDENTIFIER of native entries, what journalctl shows as
	// the program and -t matches. Empty: the program's file name.
	Identifier string
}

// NewJournalHandler returns a handler for a stream connected to the journal. Each
// record becomes one line "<N>message key=value ...", where N is the syslog
// priority journald reads from the prefix: 7 debug, 6 info, 4 warn, 3 error.
// Group keys are joined with dots, values that need it are quoted, and newlines
// are escaped so a record is always one journal entry. journald stamps the time,
// so the line carries none. With opts.Socket set, records go to journald natively
// (see JournalOptions). A nil opts means the defaults.
func NewJournalHandler(w io.Writer, opts *JournalOptions) slog.Handler {
	var o JournalOptions
	if opts != nil {
		o = *opts
	}
	if o.Level == nil {
		o.Level = slog.LevelInfo
	}
	if o.Identifier == "" {
		o.Identifier = filepath.Base(os.Args[0])
	}
	return &journalHandler{sink: &journalSink{w: w, socket: o.Socket, identifier: o.Identifier}, level: o.Level}
}

var _ slog.Handler = (*journalHandler)(nil)

// journalHandler is the slog.Handler NewJournalHandler returns. Handlers derived
// with WithAttrs and WithGroup share one sink.
type journalHandler struct {
	sink  *journalSink
	level slog.Leveler
	group []string      // open groups, outermost first
	attrs []journalAttr // attributes added with WithAttrs, already rendered
}

// journalAttr is one attribute rendered both ways.
type journalAttr struct {
	key   string // key path joined with dots, for the text: "call.id"
	field string // journal field name: "CALL_ID"; "" when no name fits
	value string
}

func (h *journalHandler) Enabled(_ context.Context, l slog.Level) bool {
	return l >= h.level.Level()
}

func (h *journalHandler) WithAttrs(as []slog.Attr) slog.Handler {
	if len(as) == 0 {
		return h
	}
	h2 := *h
	h2.attrs = slices.Clip(h.attrs)
	for _, a := range as {
		h2.attrs = appendAttr(h2.attrs, h.group, a)
	}
	return &h2
}

func (h *journalHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	h2.group = append(slices.Clip(h.group), name)
	return &h2
}

func (h *journalHandler) Handle(_ context.Context, r slog.Record) error {
	attrs := slices.Clip(h.attrs)
	r.Attrs(func(a slog.Attr) bool {
		attrs = appendAttr(attrs, h.group, a)
		return true
	})
	line := formatLine(r.Message, attrs)
	prio := syslogPriority(r.Level)
	if h.sink.socket != "" {
		if h.sink.sendNative(h.nativeEntry(r, line, prio, attrs)) == nil {
			return nil
		}
	}
	return h.sink.writeLine("<" + strconv.Itoa(prio) + ">" + line + "\n")
}

// nativeEntry builds the datagram for journald's native protocol.
func (h *journalHandler) nativeEntry(r slog.Record, line string, prio int, attrs []journalAttr) []byte {
	buf := make([]byte, 0, 256)
	buf = appendJournalField(buf, "MESSAGE", line)
	buf = appendJournalField(buf, "PRIORITY", strconv.Itoa(prio))
	buf = appendJournalField(buf, "SYSLOG_IDENTIFIER", h.sink.identifier)
	if r.PC != 0 {
		f, _ := runtime.CallersFrames([]uintptr{r.PC}).Next()
		buf = appendJournalField(buf, "CODE_FILE", f.File)
		buf = appendJournalField(buf, "CODE_LINE", strconv.Itoa(f.Line))
		buf = appendJournalField(buf, "CODE_FUNC", f.Function)
	}
	for _, a := range attrs {
		if a.field != "" {
			buf = appendJournalField(buf, a.field, a.value)
		}
	}
	return buf
}

// syslogPriority maps a slog level to the syslog priority journald understands.
// Levels between the named ones count as the one below.
func syslogPriority(l slog.Level) int {
	switch {
	case l < slog.LevelInfo:
		return 7 // debug
	case l < slog.LevelWarn:
		return 6 // info
	case l < slog.LevelError:
		return 4 // warning
	}
	return 3 // err
}

// appendAttr renders a, found inside the groups in path, and appends it with any
// attributes of a group value flattened into it.
func appendAttr(out []journalAttr, path []string, a slog.Attr) []journalAttr {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return out
	}
	if a.Value.Kind() == slog.KindGroup {
		sub := path
		if a.Key != "" {
			sub = append(slices.Clip(path), a.Key)
		}
		for _, ga := range a.Value.Group() {
			out = appendAttr(out, sub, ga)
		}
		return out
	}
	if a.Key == "" {
		return out
	}
	keyPath := append(slices.Clip(path), a.Key)
	return append(out, journalAttr{
		key:   strings.Join(keyPath, "."),
		field: journalField(keyPath),
		value: formatValue(a.Value),
	})
}

func formatValue(v slog.Value) string {
	switch v.Kind() {
	case slog.KindTime:
		return v.Time().Format(time.RFC3339Nano)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok && err != nil {
			return err.Error()
		}
	}
	return v.String()
}

// formatLine renders "message key=value ..." on one line.
func formatLine(msg string, attrs []journalAttr) string {
	var b strings.Builder
	b.WriteString(escapeControl(msg))
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(quoteIfNeeded(a.key))
		b.WriteByte('=')
		b.WriteString(quoteIfNeeded(a.value))
	}
	return b.String()
}

// escapeControl escapes control characters the way Go source would, leaving the
// rest alone, so that a message stays on one line.
func escapeControl(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// quoteIfNeeded quotes s when it would not read back as one key=value token.
func quoteIfNeeded(s string) string {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool {
		return r == '=' || r == '"' || unicode.IsSpace(r) || !unicode.IsPrint(r)
	}) {
		return strconv.Quote(s)
	}
	return s
}

// journalSink is where a journal handler and those derived from it write.
type journalSink struct {
	w          io.Writer
	socket     string
	identifier string

	mu   sync.Mutex
	conn *net.UnixConn // to socket; nil until first use and after a failure
}

// sendNative sends one entry to journald, dialling again after a failure (journald
// restarted, say). An entry too big for a datagram fails here and goes to the
// stream instead.
func (s *journalSink) sendNative(entry []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: s.socket, Net: "unixgram"})
		if err != nil {
			return err
		}
		s.conn = conn
	}
	if _, err := s.conn.Write(entry); err != nil {
		s.conn.Close()
		s.conn = nil
		return err
	}
	return nil
}

func (s *journalSink) writeLine(line string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := io.WriteString(s.w, line)
	return err
}
