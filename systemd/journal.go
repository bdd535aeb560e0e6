package systemd

import (
	"encoding/binary"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// JournalSocket is where journald takes native entries: one datagram per entry,
// one field per line.
const JournalSocket = "/run/systemd/journal/socket"

// JournalStream reports whether w is the file systemd connected to the journal:
// systemd sets $JOURNAL_STREAM to "device:inode" of the stream it gave the service
// as stdout or stderr, and w must be that very file. A terminal, a pipe to
// another program or a redirect to a file is not.
func JournalStream(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	devText, inoText, ok := strings.Cut(os.Getenv("JOURNAL_STREAM"), ":")
	if !ok {
		return false
	}
	dev, err1 := strconv.ParseUint(devText, 10, 64)
	ino, err2 := strconv.ParseUint(inoText, 10, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && uint64(st.Dev) == dev && uint64(st.Ino) == ino
}

// journalSocketExists reports whether path is a socket, as journald's is on a
// system it runs on.
func journalSocketExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode()&os.ModeSocket != 0
}

// journalField turns a slog key path into a journal field name: upper case
// letters, digits and underscores, at most 64 bytes, not starting with a digit
// or an underscore (journald drops those, they are its trusted fields). Names the
// journal or this package give a meaning to get an ATTR_ prefix so that an
// attribute cannot pose as them. It returns "" when nothing usable is left.
func journalField(path []string) string {
	var b strings.Builder
	for i, part := range path {
		if i > 0 {
			b.WriteByte('_')
		}
		for _, r := range part {
			switch {
			case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case r >= 'a' && r <= 'z':
				b.WriteRune(r - 'a' + 'A')
			default:
				b.WriteByte('_')
			}
		}
	}
	name := strings.TrimLeft(b.String(), "_")
	if name == "" {
		return ""
	}
	if name[0] >= '0' && name[0] <= '9' || reservedJournalField(name) {
		name = "ATTR_" + name
	}
	if len(name) > 64 {
		name = name[:64]
	}
	return name
}

func reservedJournalField(name string) bool {
	switch name {
	case "MESSAGE", "MESSAGE_ID", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
		"ERRNO", "INVOCATION_ID", "USER_INVOCATION_ID", "DOCUMENTATION", "TID",
		"UNIT", "USER_UNIT", "COREDUMP_UNIT", "COREDUMP_USER_UNIT", "OBJECT_PID":
		return true
	}
	return strings.HasPrefix(name, "SYSLOG_")
}

// appendJournalField adds one field to a native journal entry. Values with a
// newline use the protocol's binary form: the name, a newline, the length as a
// little-endian uint64, the value, a newline.
func appendJournalField(buf []byte, name, value string) []byte {
	if !strings.ContainsRune(value, '\n') {
		buf = append(buf, name...)
		buf = append(buf, '=')
		buf = append(buf, value...)
		return append(buf, '\n')
	}
	buf = append(buf, name...)
	buf = append(buf, '\n')
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(value)))
	buf = append(buf, value...)
	return append(buf, '\n')
}
