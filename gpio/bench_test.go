package gpio

import (
	"testing"
	"time"

	"github.com/intercomd/intercomd/call"
)

// BenchmarkPressToCall measures a button edge → Phone.MakeCall, after the
// debounce: the edge goes through the button's goroutine and the debounce
// timer on a fake clock, whose debounce time is skipped. This is the panel's
// share of "button → MQTT invite published".
func BenchmarkPressToCall(b *testing.B) {
	r := newRig(b, bellConfig("call"), call.StatusIdle)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r.drive(17, lo)
		r.clk.Advance(DefaultDebounce)
		b.StopTimer()
		if ops := r.phone.takeOps(); len(ops) != 1 {
			b.Fatalf("ops = %q, want one call", ops)
		}
		r.drive(17, hi)
		r.clk.Advance(DefaultDebounce)
		b.StartTimer()
	}
}

// BenchmarkPressToCallRealClock is the same on the real clock: it reports the
// time from the edge to MakeCall beyond the 30 ms debounce (after-debounce-ns/op).
func BenchmarkPressToCallRealClock(b *testing.B) {
	pins := newPins()
	made := make(chan time.Time, 1)
	phone := &fakePhone{status: call.StatusIdle, onOp: func(string) { made <- time.Now() }}
	cfg := bellConfig("call")
	cfg.Enabled = true
	settled := make(chan bool, 4)
	p, err := New(cfg, pinChip(pins), phone, Options{Logger: quietLogger(), onSettle: func(_ string, pressed bool) { settled <- pressed }})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	var extra time.Duration
	for range b.N {
		start := time.Now()
		pins[17].EdgesChan <- lo
		select {
		case at := <-made:
			extra += at.Sub(start) - DefaultDebounce
		case <-time.After(5 * time.Second):
			b.Fatal("no call within 5 s of the press")
		}
		// Wait for the press and the release to settle: a loaded machine
		// can fire the debounce timer late, and a release that has not
		// settled before the next press is, rightly, a bounce.
		<-settled
		pins[17].EdgesChan <- hi
		if <-settled {
			b.Fatal("the release settled as pressed")
		}
	}
	b.ReportMetric(float64(extra.Nanoseconds())/float64(b.N), "after-debounce-ns/op")
}
