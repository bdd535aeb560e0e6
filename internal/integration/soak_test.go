package integration

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/device"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/webrtcpeer"
)

// TestSoakCallCycles is the 8-hour soak of issue 9 in accelerated form: the
// same two stations go through hundreds of calls back to back over the
// embedded broker (answered and hung up, rejected, cancelled while ringing),
// and after a warm-up neither the goroutine count nor the heap may grow.
// A day of a busy door is a few dozen calls; 150 cycles is weeks of them.
// INTERCOMD_SOAK_CYCLES sets another number (thousands for a long run).
func TestSoakCallCycles(t *testing.T) {
	cycles := 150
	if testing.Short() {
		cycles = 40
	}
	if s := os.Getenv("INTERCOMD_SOAK_CYCLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 20 {
			t.Fatalf("INTERCOMD_SOAK_CYCLES=%q: want a number >= 20", s)
		}
		cycles = n
	}
	const warmup = 15

	url := mqtttest.StartEmbedded(t)
	audio := func(id string) *device.Synthetic {
		src, err := device.NewSynthetic(device.SyntheticConfig{NoVideo: true, StreamID: id, Logger: mqtttest.Logger(t)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { src.Close() })
		return src
	}
	door := newFaultStation(t, url, "door", "door-pi", faultOpts{source: audio("door-pi")})
	panel := newFaultStation(t, url, "panel", "panel-1", faultOpts{source: audio("panel-1")})
	audioOnly := &call.Constraints{Audio: true}

	// What the panel does with the next incoming call.
	const (
		answer = iota
		reject
		ignore // the door cancels it while it rings
	)
	plan := func(i int) int {
		switch {
		case i%10 == 3:
			return reject
		case i%10 == 7:
			return ignore
		}
		return answer
	}

	var base, warm resources
	var abandonedAtWarmup uint64
	start := time.Now()
	var setup []time.Duration
	for i := range cycles {
		if i == warmup {
			warm = settle(3 * time.Second)
			abandonedAtWarmup = webrtcpeer.AbandonedCloses()
			t.Logf("after %d warm-up calls: heap in use %.1f MiB, %d goroutines (%.1f MiB, %d before the first call)",
				warmup, float64(warm.heapInuse)/mib, warm.goroutines, float64(base.heapInuse)/mib, base.goroutines)
		}
		if i == 0 {
			base = settle(time.Second)
		}
		t0 := time.Now()
		what := "call " + strconv.Itoa(i)
		door.call("panel", audioOnly)
		panel.await(what, call.EventIncoming)
		switch plan(i) {
		case answer:
			if err := panel.c.AcceptCall(bg, call.AcceptOptions{Constraints: audioOnly}); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			door.await(what, call.EventConnected)
			panel.await(what, call.EventConnected)
			setup = append(setup, time.Since(t0))
			if i%10 == 0 {
				st := door.waitMedia(0, 0)
				door.waitMedia(0, st.AudioPacketsReceived+5)
			}
			hangup := door
			if i%2 == 1 {
				hangup = panel
			}
			if err := hangup.c.EndCall(bg); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			for _, s := range []*station{door, panel} {
				if e := s.await(what, call.EventEnded); e.Reason != call.ReasonHangup {
					t.Fatalf("call %d: %s ended with %s", i, s.c.DeviceID(), e.Reason)
				}
			}
		case reject:
			if err := panel.c.RejectCall(bg); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			door.await(what, call.EventEnded)
			panel.await(what, call.EventEnded)
		case ignore:
			if err := door.c.EndCall(bg); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			door.await(what, call.EventEnded)
			panel.await(what, call.EventEnded)
		}
	}
	elapsed := time.Since(start)
	end := settle(5 * time.Second)
	ds, ps := door.sig.Stats(), panel.sig.Stats()
	t.Logf("%d calls in %s (%.0f ms each); after them: heap in use %.1f MiB, %d goroutines; signaler queue high water door %d, panel %d",
		cycles, elapsed.Round(time.Millisecond), float64(elapsed.Milliseconds())/float64(cycles),
		float64(end.heapInuse)/mib, end.goroutines, ds.QueueHighWater, ps.QueueHighWater)
	if len(setup) > 0 {
		t.Logf("set-up of the %d answered calls: median %s", len(setup), median(setup).Round(100*time.Microsecond))
	}

	// A leak of one goroutine per call would show as cycles-warmup more;
	// allow a few that come and go (timers, paho pings), and what pion keeps
	// of a close it never finished (webrtcpeer.CloseTimeout): each abandoned
	// close is logged and counted, and leaves about ten goroutines.
	abandoned := webrtcpeer.AbandonedCloses() - abandonedAtWarmup
	if abandoned > 0 {
		t.Logf("pion hung closing %d peer connection(s); Close gave up after %s each time", abandoned, webrtcpeer.CloseTimeout)
	}
	if g := end.goroutines - warm.goroutines; g > 5+12*int(abandoned) {
		t.Errorf("goroutines grew by %d over %d calls after the warm-up (%d → %d; %d abandoned closes)", g, cycles-warmup, warm.goroutines, end.goroutines, abandoned)
	}
	// The heap after GC moves by a few hundred KiB between measurements;
	// 16 KiB kept per call would show as 2 MiB over the default 135 calls.
	heapGrowth := int64(end.heapInuse) - int64(warm.heapInuse)
	limit := max(int64(cycles-warmup)*16<<10, 2*mib)
	t.Logf("heap growth after the warm-up: %+.2f MiB over %d calls (limit %.1f MiB)", float64(heapGrowth)/mib, cycles-warmup, float64(limit)/mib)
	if heapGrowth > limit {
		t.Errorf("heap grew %.1f MiB over %d calls after the warm-up", float64(heapGrowth)/mib, cycles-warmup)
	}
	for _, s := range []*station{door, panel} {
		if st := s.c.Snapshot().Status; st != call.StatusIdle {
			t.Errorf("%s is %s after the soak", s.c.DeviceID(), st)
		}
	}
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}
