package webrtcpeer

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/pion/logging"
)

// LevelTrace is the slog level pion's Trace messages are logged at.
const LevelTrace = slog.LevelDebug - 4

// NewLoggerFactory returns a pion LoggerFactory that writes to log, each pion
// scope ("ice", "dtls", "pc") as a "pion" attribute. Messages below level are
// dropped before they are formatted; a nil level means slog.LevelWarn, which
// keeps pion's chatty debug output out of the journal.
func NewLoggerFactory(log *slog.Logger, level slog.Leveler) logging.LoggerFactory {
	if log == nil {
		log = slog.Default()
	}
	if level == nil {
		level = slog.LevelWarn
	}
	return &loggerFactory{log: log, level: level}
}

type loggerFactory struct {
	log   *slog.Logger
	level slog.Leveler
}

func (f *loggerFactory) NewLogger(scope string) logging.LeveledLogger {
	return &pionLogger{log: f.log.With("pion", scope), level: f.level}
}

// pionLogger adapts slog to pion's LeveledLogger.
type pionLogger struct {
	log   *slog.Logger
	level slog.Leveler
}

var _ logging.LeveledLogger = (*pionLogger)(nil)

func (l *pionLogger) enabled(lvl slog.Level) bool {
	return lvl >= l.level.Level() && l.log.Enabled(context.Background(), lvl)
}

func (l *pionLogger) print(lvl slog.Level, msg string) {
	if l.enabled(lvl) {
		l.log.Log(context.Background(), lvl, msg)
	}
}

func (l *pionLogger) printf(lvl slog.Level, format string, args ...any) {
	if l.enabled(lvl) {
		l.log.Log(context.Background(), lvl, fmt.Sprintf(format, args...))
	}
}

func (l *pionLogger) Trace(msg string)                  { l.print(LevelTrace, msg) }
func (l *pionLogger) Tracef(format string, args ...any) { l.printf(LevelTrace, format, args...) }
func (l *pionLogger) Debug(msg string)                  { l.print(slog.LevelDebug, msg) }
func (l *pionLogger) Debugf(format string, args ...any) { l.printf(slog.LevelDebug, format, args...) }
func (l *pionLogger) Info(msg string)                   { l.print(slog.LevelInfo, msg) }
func (l *pionLogger) Infof(format string, args ...any)  { l.printf(slog.LevelInfo, format, args...) }
func (l *pionLogger) Warn(msg string)                   { l.print(slog.LevelWarn, msg) }
func (l *pionLogger) Warnf(format string, args ...any)  { l.printf(slog.LevelWarn, format, args...) }
func (l *pionLogger) Error(msg string)                  { l.print(slog.LevelError, msg) }
func (l *pionLogger) Errorf(format string, args ...any) { l.printf(slog.LevelError, format, args...) }
