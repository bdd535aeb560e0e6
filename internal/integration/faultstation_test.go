package integration

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/transport/v5"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
	"github.com/intercomd/intercomd/webrtcpeer"
)

// faultOpts configure newFaultStation: the fault tests need what newStation
// keeps fixed (the media source, the network, the logger, the production
// disconnect timeout).
type faultOpts struct {
	// source is the media to send; nil: synthetic audio and video.
	source webrtcpeer.MediaSource
	// noSource makes the station receive-only.
	noSource bool
	// net replaces the host network for the peers (pion vnet); nil: the real one.
	net transport.Net
	// log is the logger of every part; nil: mqtttest.Logger(t).
	log *slog.Logger
	// disconnectTimeout of the call engine; 0: the production default (10 s).
	disconnectTimeout time.Duration
	ringTimeout       time.Duration
	// auth signs and verifies signaling; nil: neither.
	auth *mqttsignal.Auth
	// connectWait bounds the wait for the broker; 0: 15 s.
	connectWait time.Duration
}

// newFaultStation is newStation with faultOpts.
func newFaultStation(t testing.TB, url, user, dev string, o faultOpts) *station {
	t.Helper()
	log := o.log
	if log == nil {
		log = mqtttest.Logger(t)
	}
	sig, err := mqttsignal.New(mqttsignal.Options{
		Brokers: []string{url}, UserID: user, DeviceID: dev, Name: user,
		Channels: []string{"home"}, Logger: log, Auth: o.auth,
	})
	if err != nil {
		t.Fatal(err)
	}
	if o.connectWait == 0 {
		o.connectWait = 15 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.connectWait)
	defer cancel()
	if err := sig.WaitConnected(ctx); err != nil {
		t.Fatalf("%s: connecting to %s: %v", dev, url, err)
	}
	src := o.source
	var closeSrc func() error
	if src == nil && !o.noSource {
		syn, err := newSource(dev, log)
		if err != nil {
			t.Fatal(err)
		}
		src, closeSrc = syn, syn.Close
	}
	cfg := webrtcpeer.Config{Source: src, Logger: log, Net: o.net}
	peers, err := webrtcpeer.NewFactory(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := call.NewClient(call.Config{
		UserID: user, DeviceID: dev, Name: user, Signaler: sig, Peers: peers,
		Logger: log, RingTimeout: o.ringTimeout, DisconnectTimeout: o.disconnectTimeout,
	})
	if err != nil {
		t.Fatal(err)
	}
	s := &station{t: t, c: c, sig: sig, events: make(chan call.Event, 4096)}
	c.OnAny(func(e call.Event) {
		select {
		case s.events <- e:
		default:
			t.Errorf("%s: event channel full, dropped %s", dev, e)
		}
	})
	t.Cleanup(func() {
		c.Close()
		sig.Close()
		if closeSrc != nil {
			closeSrc()
		}
	})
	return s
}

// connect places a call from caller to callee, answers it and waits until
// both sides are connected and media flows both ways.
func connect(t testing.TB, caller, callee *station, cons *call.Constraints) call.Info {
	t.Helper()
	info := caller.call(callee.c.UserID(), cons)
	callee.next(call.EventIncoming)
	if err := callee.c.AcceptCall(bg, call.AcceptOptions{Constraints: cons}); err != nil {
		t.Fatal(err)
	}
	caller.next(call.EventConnected)
	callee.next(call.EventConnected)
	return info
}

// drainEvents returns the events queued so far without waiting.
func (s *station) drainEvents() []call.Event {
	var out []call.Event
	for {
		select {
		case e := <-s.events:
			out = append(out, e)
		default:
			return out
		}
	}
}

// resources is a snapshot of what the process holds, after a GC.
type resources struct {
	heapInuse  uint64
	goroutines int
}

func measure() resources {
	// Two GCs: finalizers queued by the first (pion's sockets, timers) run
	// before the second.
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return resources{heapInuse: ms.HeapInuse, goroutines: runtime.NumGoroutine()}
}

// settle measures until the goroutine count stops falling (goroutines of
// closed calls and connections take a moment to return), at most for d.
func settle(d time.Duration) resources {
	deadline := time.Now().Add(d)
	r := measure()
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		n := measure()
		if n.goroutines >= r.goroutines {
			return n
		}
		r = n
	}
	return r
}

const mib = 1 << 20

// countingHandler is a slog.Handler that counts records by level and keeps
// none: the flood makes thousands of warnings, and t.Log would keep them all
// in memory (the heap measurement would see the log, not the code).
type countingHandler struct {
	warn, err atomic.Uint64
	level     slog.Level
}

func (h *countingHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *countingHandler) Handle(_ context.Context, r slog.Record) error {
	switch {
	case r.Level >= slog.LevelError:
		h.err.Add(1)
	case r.Level >= slog.LevelWarn:
		h.warn.Add(1)
	}
	return nil
}

func (h *countingHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *countingHandler) WithGroup(string) slog.Handler      { return h }

// await waits for an event of type typ like until, but names the call and
// every event it skipped when it fails, to tell a lost message from a failed
// connection.
func (s *station) await(what string, typ call.EventType) call.Event {
	s.t.Helper()
	timeout := time.After(20 * time.Second)
	var skipped []string
	for {
		select {
		case e := <-s.events:
			if e.Type == typ {
				return e
			}
			skipped = append(skipped, e.String())
		case <-timeout:
			dump := dumpGoroutines()
			s.t.Fatalf("%s: %s: no %s event within 20s; status %s; skipped %q; goroutines in %s%s",
				what, s.c.DeviceID(), typ, s.c.Snapshot().Status, skipped, dump, knownHang(dump))
		}
	}
}

// dumpGoroutines writes every goroutine's stack to a file in the temporary
// directory and returns its name, for a test that found something stuck.
func dumpGoroutines() string {
	f, err := os.CreateTemp("", "intercomd-goroutines-*.txt")
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	if err := pprof.Lookup("goroutine").WriteTo(f, 2); err != nil {
		return err.Error()
	}
	return f.Name()
}

// knownHang names a hang already diagnosed in docs/faults.md (finding 1)
// when the goroutine dump shows it.
func knownHang(dump string) string {
	b, err := os.ReadFile(dump)
	if err != nil {
		return ""
	}
	d := string(b)
	if strings.Contains(d, "call.(*Client).end") && strings.Contains(d, "GracefulClose") &&
		strings.Contains(d, "DTLSTransport).Stop") && strings.Contains(d, "srtp/v3.(*session).close") {
		return "\nKNOWN BUG (docs/faults.md, finding 1): the call loop is stuck in webrtcpeer.Peer.Close → pion GracefulClose → " +
			"DTLSTransport.Stop → srtp session.close, waiting for an SRTP read loop blocked handing a new SSRC to a PeerConnection that no longer accepts streams"
	}
	return ""
}
