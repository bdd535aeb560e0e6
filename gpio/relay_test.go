package gpio

import (
	"errors"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

func relayConfig(pulse time.Duration) Config {
	return Config{
		Relay: RelayConfig{LineRef: LineRef{Line: "GPIO22"}, Pulse: pulse},
		LEDs:  []LEDConfig{{LineRef: LineRef{Line: "GPIO23"}, Role: "door"}},
	}
}

func TestRelayPulse(t *testing.T) {
	for _, tt := range []struct {
		pulse, want time.Duration
	}{
		{0, DefaultPulse},
		{500 * time.Millisecond, 500 * time.Millisecond},
		{10 * time.Second, 10 * time.Second},
	} {
		t.Run(tt.want.String(), func(t *testing.T) {
			r := newRig(t, relayConfig(tt.pulse), call.StatusConnected)
			if r.level(22) != lo {
				t.Fatal("relay energized before any request")
			}
			if err := r.p.OpenDoor("alice/phone", true); err != nil {
				t.Fatalf("OpenDoor: %v", err)
			}
			wantLevels(t, r, 22, []levelAt{{0, hi}, {tt.want - time.Millisecond, hi}, {tt.want, lo}, {time.Minute, lo}})
		})
	}
}

func TestRelayDoorLEDFollowsThePulse(t *testing.T) {
	r := newRig(t, relayConfig(time.Second), call.StatusConnected)
	if err := r.p.OpenDoor("alice/phone", true); err != nil {
		t.Fatal(err)
	}
	wantLevels(t, r, 23, []levelAt{{0, hi}, {999 * time.Millisecond, hi}, {time.Second, lo}})
}

func TestRelayRefusals(t *testing.T) {
	tests := []struct {
		name       string
		status     call.Status
		authorized bool
		want       error
	}{
		{"unauthorized in a call", call.StatusConnected, false, ErrUnauthorized},
		{"authorized but idle", call.StatusIdle, true, ErrNotInCall},
		{"authorized, status unknown", call.StatusUnknown, true, ErrNotInCall},
		{"unauthorized and idle", call.StatusIdle, false, ErrUnauthorized},
		{"authorized while ringing", call.StatusRinging, true, nil},
		{"authorized while calling", call.StatusCalling, true, nil},
		{"authorized while connecting", call.StatusConnecting, true, nil},
		{"authorized while connected", call.StatusConnected, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, relayConfig(time.Second), tt.status)
			err := r.p.OpenDoor("someone", tt.authorized)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("OpenDoor = %v, want %v", err, tt.want)
			}
			wantOn := tt.want == nil
			if got := bool(r.level(22)); got != wantOn {
				t.Fatalf("relay energized = %v, want %v", got, wantOn)
			}
		})
	}
}

func TestRelayRateLimit(t *testing.T) {
	// pulse 1 s + 2 s cooldown: the next opening is allowed 3 s after the last.
	r := newRig(t, relayConfig(time.Second), call.StatusConnected)
	steps := []struct {
		at   time.Duration
		want error
	}{
		{0, nil},
		{500 * time.Millisecond, ErrRateLimited}, // during the pulse
		{1500 * time.Millisecond, ErrRateLimited},
		{2999 * time.Millisecond, ErrRateLimited},
		{3 * time.Second, nil},
		{4 * time.Second, ErrRateLimited},
		{10 * time.Second, nil},
	}
	start := r.clk.Now()
	for _, s := range steps {
		r.clk.Advance(start.Add(s.at).Sub(r.clk.Now()))
		err := r.p.OpenDoor("alice/phone", true)
		if !errors.Is(err, s.want) || (s.want == nil) != (err == nil) {
			t.Fatalf("at +%s: OpenDoor = %v, want %v", s.at, err, s.want)
		}
	}
	// The refused attempts did not stretch the pulse: off 1 s after the last grant.
	wantLevels(t, r, 22, []levelAt{{0, hi}, {999 * time.Millisecond, hi}, {time.Second, lo}})
}

func TestRelayFromCallEvent(t *testing.T) {
	r := newRig(t, relayConfig(time.Second), call.StatusConnected)
	r.p.HandleEvent(call.Event{Type: call.EventOpenDoor, Status: call.StatusConnected, UserID: "alice",
		Call: call.Info{CallID: "c1", PeerDevice: "phone"}})
	if r.level(22) != hi {
		t.Fatal("EventOpenDoor in a connected call did not open the door")
	}
	r.clk.Advance(time.Second)
	if r.level(22) != lo {
		t.Fatal("relay still energized after the pulse")
	}
}

func TestRelayNotConfigured(t *testing.T) {
	r := newRig(t, ledConfig(LEDConfig{LineRef: LineRef{Line: "GPIO27"}}), call.StatusConnected)
	if err := r.p.OpenDoor("alice", true); !errors.Is(err, ErrNoRelay) {
		t.Fatalf("OpenDoor without a relay = %v, want ErrNoRelay", err)
	}
}

func TestRelayPulseOutlivesTheCall(t *testing.T) {
	// Hanging up right after opening must not cut the pulse short: the latch
	// needs its time.
	r := newRig(t, relayConfig(2*time.Second), call.StatusConnected)
	if err := r.p.OpenDoor("alice", true); err != nil {
		t.Fatal(err)
	}
	r.clk.Advance(100 * time.Millisecond)
	r.p.HandleEvent(call.Event{Type: call.EventEnded, Status: call.StatusIdle})
	wantLevels(t, r, 22, []levelAt{{0, hi}, {1899 * time.Millisecond, hi}, {1900 * time.Millisecond, lo}})
}
