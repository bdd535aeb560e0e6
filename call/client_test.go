package call_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/call/calltest"
	"github.com/intercomd/intercomd/clock/clocktest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// world is a bus, a peer network and a clock shared by the stations of a test.
type world struct {
	t        *testing.T
	stations []*station
	bus      *calltest.Bus
	net      *calltest.Network
	clk      *clocktest.Fake
}

func newWorld(t *testing.T) *world {
	return &world{t: t, bus: calltest.NewBus(), net: calltest.NewNetwork(), clk: clocktest.New(time.Unix(1_700_000_000, 0))}
}

// station is one Client with its recorded events.
type station struct {
	t      *testing.T
	c      *call.Client
	events chan call.Event
}

func (w *world) station(user, device string, ids ...string) *station {
	w.t.Helper()
	ep := w.bus.Join(user, device)
	cfg := call.Config{
		UserID: user, DeviceID: device, Name: user + " on " + device,
		Signaler: ep, Peers: w.net.Factory(), Clock: w.clk,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if len(ids) > 0 {
		next := 0
		cfg.NewCallID = func() string { next++; return ids[next-1] }
	}
	c, err := call.NewClient(cfg)
	if err != nil {
		w.t.Fatal(err)
	}
	s := &station{t: w.t, c: c, events: make(chan call.Event, 256)}
	c.OnAny(func(e call.Event) { s.events <- e })
	w.stations = append(w.stations, s)
	w.t.Cleanup(func() {
		c.Close()
		ep.Close()
	})
	return s
}

// settle waits until every message sent has been handled by every station, and
// everything those produced too.
func (w *world) settle() {
	w.t.Helper()
	for range 3 {
		w.bus.WaitIdle()
		for _, s := range w.stations {
			s.settle()
		}
	}
}

// next returns the next event of type typ, skipping statuschanged and ringing
// and failing on any other event before it.
func (s *station) next(typ call.EventType) call.Event {
	s.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case e := <-s.events:
			if e.Type == typ {
				return e
			}
			if e.Type != call.EventStatusChanged && e.Type != call.EventRinging {
				s.t.Fatalf("%s: want %s event, got %s", s.c.DeviceID(), typ, e)
			}
		case <-timeout:
			s.t.Fatalf("%s: no %s event within 5s", s.c.DeviceID(), typ)
		}
	}
}

// ended waits for the ended event and checks its reason.
func (s *station) ended(want call.EndReason) call.Event {
	s.t.Helper()
	e := s.next(call.EventEnded)
	if e.Reason != want {
		s.t.Fatalf("%s: ended with %s, want %s", s.c.DeviceID(), e.Reason, want)
	}
	s.idle()
	return e
}

// idle waits until the station's loop has settled in the idle status.
func (s *station) idle() {
	s.t.Helper()
	s.settle()
	if got := s.c.Snapshot().Status; got != call.StatusIdle {
		s.t.Fatalf("%s: status %s, want idle", s.c.DeviceID(), got)
	}
}

// settle waits until the loop has run everything queued so far.
func (s *station) settle() {
	s.t.Helper()
	if err := s.c.Ping(context.Background()); err != nil {
		s.t.Fatal(err)
	}
}

// quiet fails if an event other than statuschanged or ringing is pending.
func (s *station) quiet() {
	s.t.Helper()
	s.settle()
	for {
		select {
		case e := <-s.events:
			if e.Type != call.EventStatusChanged && e.Type != call.EventRinging {
				s.t.Fatalf("%s: unexpected event %s", s.c.DeviceID(), e)
			}
		default:
			return
		}
	}
}

var ctx = context.Background()

func (s *station) call(target string, cons *call.Constraints) call.Info {
	s.t.Helper()
	info, err := s.c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: target, Constraints: cons})
	if err != nil {
		s.t.Fatal(err)
	}
	return info
}

func (s *station) accept(cons *call.Constraints) {
	s.t.Helper()
	if err := s.c.AcceptCall(ctx, call.AcceptOptions{Constraints: cons}); err != nil {
		s.t.Fatal(err)
	}
}

// connect places a call from a to b and answers it; both end up connected.
func connect(a, b *station) call.Info {
	a.t.Helper()
	info := a.call(b.c.UserID(), nil)
	b.next(call.EventIncoming)
	a.next(call.EventRinging)
	b.accept(nil)
	a.next(call.EventConnected)
	b.next(call.EventConnected)
	return info
}

func TestCallAnswerHangUp(t *testing.T) {
	for _, endedBy := range []string{"caller", "callee"} {
		t.Run("ended by "+endedBy, func(t *testing.T) {
			w := newWorld(t)
			door := w.station("door", "door-pi")
			panel := w.station("panel", "panel-1")

			info := door.call("panel", nil)
			if info.CallerID != "door" || info.CalleeID != "panel" || info.ChannelID != "home" || info.CallID == "" {
				t.Fatalf("MakeCall info = %+v", info)
			}
			in := panel.next(call.EventIncoming)
			if in.UserID != "door" || in.Call.CallID != info.CallID || in.Call.ChannelID != "home" || in.Call.PeerName != "door on door-pi" {
				t.Fatalf("incoming event = %+v", in)
			}
			door.next(call.EventRinging)
			panel.accept(nil)
			conn := door.next(call.EventConnected)
			if conn.Call.PeerDevice != "panel-1" || len(conn.Tracks) == 0 {
				t.Fatalf("caller connected event = %+v", conn)
			}
			panel.next(call.EventConnected)
			if s := door.c.Snapshot(); s.Status != call.StatusConnected || s.Call.CallID != info.CallID {
				t.Fatalf("caller snapshot = %+v", s)
			}

			ender, other := door, panel
			if endedBy == "callee" {
				ender, other = panel, door
			}
			if err := ender.c.EndCall(ctx); err != nil {
				t.Fatal(err)
			}
			for _, s := range []*station{ender, other} {
				s.next(call.EventDisconnected)
				s.ended(call.ReasonHangup)
			}
			if n := w.net.Open(); n != 0 {
				t.Fatalf("%d peers left open", n)
			}
		})
	}
}

func TestStatusSequence(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	var got []call.Status
	done := make(chan struct{})
	door.c.On(call.EventStatusChanged, func(e call.Event) {
		if len(got) == 0 || got[len(got)-1] != e.Status {
			got = append(got, e.Status)
		}
		if e.Status == call.StatusIdle {
			close(done)
		}
	})
	connect(door, panel)
	door.c.EndCall(ctx)
	<-done
	want := fmt.Sprint([]call.Status{call.StatusCalling, call.StatusConnecting, call.StatusConnected, call.StatusIdle})
	if fmt.Sprint(got) != want {
		t.Fatalf("caller statuses %v, want %v", got, want)
	}
}

func TestReject(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if err := panel.c.RejectCall(ctx); err != nil {
		t.Fatal(err)
	}
	panel.ended(call.ReasonRejected)
	if e := door.next(call.EventRejected); e.Reason != call.ReasonRejected {
		t.Fatalf("rejected event reason %s", e.Reason)
	}
	door.ended(call.ReasonRejected)
}

func TestCallerCancels(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if err := door.c.EndCall(ctx); err != nil {
		t.Fatal(err)
	}
	door.ended(call.ReasonCancelled)
	panel.ended(call.ReasonCancelled)
}

func TestNoAnswer(t *testing.T) {
	t.Run("caller's cancel reaches the callee", func(t *testing.T) {
		w := newWorld(t)
		door := w.station("door", "door-pi")
		panel := w.station("panel", "panel-1")
		door.call("panel", nil)
		panel.next(call.EventIncoming)
		w.settle()
		w.clk.Advance(call.DefaultRingTimeout - time.Millisecond)
		door.quiet()
		w.clk.Advance(time.Millisecond)
		door.ended(call.ReasonNoAnswer)
		panel.ended(call.ReasonNoAnswer)
	})
	t.Run("callee gives up by itself when the cancel is lost", func(t *testing.T) {
		w := newWorld(t)
		w.bus.Drop = func(m call.Message) bool { return m.Type == call.MsgCancel }
		door := w.station("door", "door-pi")
		panel := w.station("panel", "panel-1")
		door.call("panel", nil)
		panel.next(call.EventIncoming)
		w.settle()
		w.clk.Advance(call.DefaultRingTimeout)
		door.ended(call.ReasonNoAnswer)
		w.settle()
		panel.quiet()
		w.clk.Advance(2 * time.Second)
		panel.ended(call.ReasonNoAnswer)
	})
}

func TestBusy(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	gate := w.station("gate", "gate-pi")
	connect(door, panel)

	gate.call("panel", nil)
	w.settle()
	gate.quiet() // the busy grace has not run out yet
	w.clk.Advance(call.DefaultBusyGrace)
	if e := gate.next(call.EventRejected); e.Reason != call.ReasonBusy {
		t.Fatalf("rejected reason %s, want busy", e.Reason)
	}
	gate.ended(call.ReasonBusy)
	if s := panel.c.Snapshot().Status; s != call.StatusConnected {
		t.Fatalf("busy callee's call disturbed: %s", s)
	}
	door.quiet()
	panel.quiet()
}

func TestBusyDeviceWhileAnotherRings(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	alice1 := w.station("alice", "alice-phone")
	alice2 := w.station("alice", "alice-laptop")
	gate := w.station("gate", "gate-pi")
	// alice-phone is in a call with the door; alice-laptop is free.
	door.call("alice", nil)
	alice1.next(call.EventIncoming)
	alice2.next(call.EventIncoming)
	alice1.accept(nil)
	door.next(call.EventConnected)
	alice1.next(call.EventConnected)
	alice2.ended(call.ReasonTaken)

	gate.call("alice", nil)
	alice2.next(call.EventIncoming)
	gate.next(call.EventRinging)
	w.settle()
	w.clk.Advance(call.DefaultBusyGrace)
	gate.quiet()
	alice2.accept(nil)
	gate.next(call.EventConnected)
	alice2.next(call.EventConnected)
}

func TestGlare(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi", "b-door-call")
	panel := w.station("panel", "panel-1", "a-panel-call")
	w.bus.Hold()
	door.call("panel", nil)
	panel.call("door", nil)
	w.bus.Release()

	// panel's call has the lower id and survives; door answers it by itself.
	if e := door.next(call.EventEnded); e.Reason != call.ReasonCancelled || e.Call.CallID != "b-door-call" {
		t.Fatalf("door's own call ended with %s", e)
	}
	in := door.next(call.EventIncoming)
	if in.Call.CallID != "a-panel-call" {
		t.Fatalf("door rings for %s, want a-panel-call", in.Call.CallID)
	}
	dc := door.next(call.EventConnected)
	pc := panel.next(call.EventConnected)
	if dc.Call.CallID != "a-panel-call" || pc.Call.CallID != "a-panel-call" {
		t.Fatalf("connected calls %s and %s", dc.Call.CallID, pc.Call.CallID)
	}
	w.settle()
	panel.quiet()
	if n := w.net.Open(); n != 2 {
		t.Fatalf("%d peers open, want the 2 of the surviving call", n)
	}
}

// TestGlareLate: the peer's invite arrives before our user presses call. The
// call to the peer that is ringing us answers its call instead of failing busy.
func TestGlareLate(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi", "door-call")
	panel := w.station("panel", "panel-1", "panel-call")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if info := panel.call("door", nil); info.CallID != "door-call" {
		t.Fatalf("panel's call returned %s, want the door's ringing call", info.CallID)
	}
	door.next(call.EventConnected)
	panel.next(call.EventConnected)
	w.settle()
	door.quiet()
	if n := w.net.Open(); n != 2 {
		t.Fatalf("%d peers open, want 2", n)
	}
}

// TestMakeCallWhileRingingFromSomeoneElse: only the caller's own call is
// answered by a crossing MakeCall; a call to anyone else is refused busy.
func TestMakeCallWhileRingingFromSomeoneElse(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	w.station("gate", "gate-pi")
	panel := w.station("panel", "panel-1")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	if _, err := panel.c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: "gate"}); !errors.Is(err, call.ErrBusy) {
		t.Fatalf("MakeCall to a third station while ringing = %v, want ErrBusy", err)
	}
	if st := panel.c.Snapshot().Status; st != call.StatusRinging {
		t.Fatalf("panel status %s after the refused call, want ringing", st)
	}
}

func TestTwoDevicesFirstAcceptWins(t *testing.T) {
	t.Run("second device stops ringing", func(t *testing.T) {
		w := newWorld(t)
		door := w.station("door", "door-pi")
		phone := w.station("alice", "alice-phone")
		laptop := w.station("alice", "alice-laptop")
		door.call("alice", nil)
		phone.next(call.EventIncoming)
		laptop.next(call.EventIncoming)
		phone.accept(nil)
		door.next(call.EventConnected)
		phone.next(call.EventConnected)
		laptop.ended(call.ReasonTaken)
		phone.quiet()
	})
	t.Run("both answer at once", func(t *testing.T) {
		w := newWorld(t)
		door := w.station("door", "door-pi")
		phone := w.station("alice", "alice-phone")
		laptop := w.station("alice", "alice-laptop")
		door.call("alice", nil)
		phone.next(call.EventIncoming)
		laptop.next(call.EventIncoming)
		w.bus.Hold()
		phone.accept(nil)
		laptop.accept(nil)
		w.bus.Release()
		door.next(call.EventConnected)
		phone.next(call.EventConnected)
		laptop.ended(call.ReasonTaken)
		if s := door.c.Snapshot(); s.Call.PeerDevice != "alice-phone" {
			t.Fatalf("door connected to %q, want alice-phone", s.Call.PeerDevice)
		}
	})
}

func TestPeerVanishes(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	w.net.Break(info.CallID)
	w.settle()
	w.clk.Advance(call.DefaultDisconnectTimeout)
	for _, s := range []*station{door, panel} {
		s.failed()
	}
}

// failed expects the events of a connected call that failed: failed (with
// its error), disconnected, ended with reason failed.
func (s *station) failed() {
	s.t.Helper()
	if e := s.next(call.EventFailed); e.Err == nil {
		s.t.Fatal("failed event without an error")
	}
	s.next(call.EventDisconnected)
	s.ended(call.ReasonFailed)
}

func TestDisconnectRecovers(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	w.net.Break(info.CallID)
	w.settle()
	w.clk.Advance(call.DefaultDisconnectTimeout / 2)
	w.net.Heal(info.CallID)
	w.settle()
	w.clk.Advance(call.DefaultDisconnectTimeout)
	door.quiet()
	if s := door.c.Snapshot().Status; s != call.StatusConnected {
		t.Fatalf("status %s after recovery", s)
	}
}

func TestICEFailure(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	info := connect(door, panel)
	w.net.Fail(info.CallID)
	for _, s := range []*station{door, panel} {
		s.next(call.EventFailed)
		s.next(call.EventDisconnected)
		s.ended(call.ReasonFailed)
	}
}

func TestConnectTimeout(t *testing.T) {
	w := newWorld(t)
	w.net.Stall = true
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	panel.accept(nil)
	w.settle()
	w.clk.Advance(call.DefaultConnectTimeout)
	for _, s := range []*station{door, panel} {
		s.next(call.EventFailed)
		s.ended(call.ReasonFailed)
	}
}

func TestConstraints(t *testing.T) {
	audioOnly := &call.Constraints{Audio: true}
	videoOnly := &call.Constraints{Video: true}
	recvOnly := &call.Constraints{}
	for _, tc := range []struct {
		name         string
		make, accept *call.Constraints
		wantCaller   call.Constraints
		wantCallee   call.Constraints
	}{
		{"defaults", nil, nil, call.DefaultConstraints, call.DefaultConstraints},
		{"video-only caller, audio-only answer", videoOnly, audioOnly, *videoOnly, *audioOnly},
		{"receive-only answer", nil, recvOnly, call.DefaultConstraints, *recvOnly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			var sends []call.Constraints
			w.bus.Drop = func(m call.Message) bool {
				if m.Media != nil {
					sends = append(sends, *m.Media)
				}
				return false
			}
			door := w.station("door", "door-pi")
			panel := w.station("panel", "panel-1")
			door.call("panel", tc.make)
			panel.next(call.EventIncoming)
			door.next(call.EventRinging)
			panel.accept(tc.accept)
			door.next(call.EventConnected)
			if len(sends) != 2 || sends[0] != tc.wantCaller || sends[1] != tc.wantCallee {
				t.Fatalf("media sent %v, want [%v %v]", sends, tc.wantCaller, tc.wantCallee)
			}
		})
	}
}

func TestAPIErrors(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	for name, err := range map[string]error{
		"accept idle":    door.c.AcceptCall(ctx, call.AcceptOptions{}),
		"reject idle":    door.c.RejectCall(ctx),
		"end idle":       door.c.EndCall(ctx),
		"open-door idle": door.c.OpenDoor(ctx),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	for _, opts := range []call.MakeCallOptions{
		{ChannelID: "", TargetUserID: "panel"},
		{ChannelID: "home", TargetUserID: ""},
		{ChannelID: "home", TargetUserID: "door"},
		{ChannelID: "home/#", TargetUserID: "panel"},
	} {
		if _, err := door.c.MakeCall(ctx, opts); !errors.Is(err, call.ErrInvalidOptions) {
			t.Errorf("MakeCall(%+v) = %v, want ErrInvalidOptions", opts, err)
		}
	}
	door.call("panel", nil)
	if _, err := door.c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: "gate"}); !errors.Is(err, call.ErrBusy) {
		t.Errorf("second MakeCall = %v, want ErrBusy", err)
	}
	if err := door.c.AcceptCall(ctx, call.AcceptOptions{}); !errors.Is(err, call.ErrNoIncomingCall) {
		t.Errorf("caller AcceptCall = %v, want ErrNoIncomingCall", err)
	}
	panel.next(call.EventIncoming)
	if _, err := call.NewClient(call.Config{UserID: "x y", DeviceID: "d"}); !errors.Is(err, call.ErrInvalidConfig) {
		t.Errorf("NewClient with a bad user id = %v", err)
	}
}

func TestOpenDoor(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	connect(door, panel)
	if err := panel.c.OpenDoor(ctx); err != nil {
		t.Fatal(err)
	}
	e := door.next(call.EventOpenDoor)
	if e.UserID != "panel" || e.Call.PeerDevice != "panel-1" {
		t.Fatalf("open-door event %+v", e)
	}
}

func TestForeignMessagesChangeNothing(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	intruder := w.bus.Join("mallory", "mallory-1")
	defer intruder.Close()
	info := connect(door, panel)

	for _, m := range []call.Message{
		{Type: call.MsgHangup, CallID: info.CallID, To: "door", Reason: call.ReasonHangup},
		{Type: call.MsgOpenDoor, CallID: info.CallID, To: "door"},
		{Type: call.MsgAccept, CallID: "other", To: "door", SDP: "fake x"},
		{Type: call.MsgCandidate, CallID: info.CallID, To: "door"},
		{Type: call.MsgCancel, CallID: info.CallID, To: "panel", Reason: call.ReasonTaken},
	} {
		m.Channel = "home"
		if err := intruder.Send(m); err != nil {
			t.Fatal(err)
		}
	}
	door.quiet()
	panel.quiet()
	if door.c.Snapshot().Status != call.StatusConnected || panel.c.Snapshot().Status != call.StatusConnected {
		t.Fatal("a stranger's messages changed the call")
	}
}

func TestReplayedInviteDoesNotRing(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	door.call("panel", nil)
	panel.next(call.EventIncoming)
	door.c.EndCall(ctx)
	panel.ended(call.ReasonCancelled)
	invite := w.bus.SentOfType(call.MsgInvite)[0]
	replayer := w.bus.Join("door", "door-pi-replay")
	defer replayer.Close()
	invite.FromDevice = ""
	replayer.Send(invite)
	panel.quiet()
}

func TestCloseHangsUp(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	connect(door, panel)
	door.c.Close()
	panel.next(call.EventDisconnected)
	panel.ended(call.ReasonHangup)
	if _, err := door.c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: "panel"}); !errors.Is(err, call.ErrClosed) {
		t.Fatalf("MakeCall after Close = %v, want ErrClosed", err)
	}
}

func TestDoNotDisturb(t *testing.T) {
	w := newWorld(t)
	door := w.station("door", "door-pi")
	panel := w.station("panel", "panel-1")
	if err := panel.c.SetDoNotDisturb(ctx, true); err != nil {
		t.Fatal(err)
	}
	if !panel.c.Snapshot().DoNotDisturb {
		t.Fatal("snapshot does not show do-not-disturb")
	}
	door.call("panel", nil)
	w.settle()
	w.clk.Advance(call.DefaultBusyGrace)
	if e := door.next(call.EventRejected); e.Reason != call.ReasonBusy {
		t.Fatalf("rejected with %s, want busy", e.Reason)
	}
	door.ended(call.ReasonBusy)
	panel.quiet() // never rang
	if err := panel.c.SetDoNotDisturb(ctx, false); err != nil {
		t.Fatal(err)
	}
	connect(door, panel)
}

func TestMakeCallWhileOffline(t *testing.T) {
	w := newWorld(t)
	ep := w.bus.Join("door", "door-pi")
	c, err := call.NewClient(call.Config{UserID: "door", DeviceID: "door-pi", Signaler: ep, Peers: w.net.Factory(), Clock: w.clk})
	if err != nil {
		t.Fatal(err)
	}
	defer ep.Close()
	defer c.Close()
	ep.Offline(true)
	if _, err := c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: "panel"}); !errors.Is(err, call.ErrOffline) {
		t.Fatalf("MakeCall offline = %v, want ErrOffline", err)
	}
	if n := w.net.Created(); n != 0 {
		t.Fatalf("%d peers created for a call that cannot be placed", n)
	}
	ep.Offline(false)
	if _, err := c.MakeCall(ctx, call.MakeCallOptions{ChannelID: "home", TargetUserID: "panel"}); err != nil {
		t.Fatalf("MakeCall online again: %v", err)
	}
}
