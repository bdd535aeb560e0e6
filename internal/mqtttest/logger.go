package mqtttest

import (
	"context"
	"log/slog"
	"sync"
	"testing"
)

// Logger returns a slog.Logger that writes to t.Log at level warn and above
// (debug when the test runs with -v and MQTTTEST_DEBUG is set), and goes quiet
// once the test has ended, when t.Log would panic.
func Logger(t testing.TB) *slog.Logger {
	h := &testHandler{t: t, level: slog.LevelWarn}
	if testing.Verbose() && lookupEnv("MQTTTEST_DEBUG") {
		h.level = slog.LevelDebug
	}
	h.state = &testHandlerState{}
	t.Cleanup(func() {
		h.state.mu.Lock()
		h.state.done = true
		h.state.mu.Unlock()
	})
	return slog.New(h)
}

type testHandlerState struct {
	mu   sync.Mutex
	done bool
}

type testHandler struct {
	t     testing.TB
	level slog.Level
	attrs []slog.Attr
	state *testHandlerState
}

func (h *testHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *testHandler) Handle(_ context.Context, r slog.Record) error {
	s := r.Level.String() + " " + r.Message
	for _, a := range h.attrs {
		s += " " + a.String()
	}
	r.Attrs(func(a slog.Attr) bool {
		s += " " + a.String()
		return true
	})
	h.state.mu.Lock()
	defer h.state.mu.Unlock()
	if !h.state.done {
		h.t.Log(s)
	}
	return nil
}

func (h *testHandler) WithAttrs(as []slog.Attr) slog.Handler {
	h2 := *h
	h2.attrs = append(append([]slog.Attr{}, h.attrs...), as...)
	return &h2
}

func (h *testHandler) WithGroup(string) slog.Handler { return h }
