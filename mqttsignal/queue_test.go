package mqttsignal

import "testing"

func TestQueueIsBounded(t *testing.T) {
	q := newQueue[int](3)
	for i := range 3 {
		if !q.push(i) {
			t.Fatalf("push %d refused below the limit", i)
		}
	}
	if q.push(3) {
		t.Fatal("push beyond the limit accepted")
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { q.run(stop); close(done) }()
	for want := range 3 {
		if got := <-q.out; got != want {
			t.Fatalf("got %d, want %d: the refused push must not displace queued values", got, want)
		}
	}
	if !q.push(4) {
		t.Fatal("push refused after the reader drained the queue")
	}
	if got := <-q.out; got != 4 {
		t.Fatalf("got %d, want 4", got)
	}
	if hw := q.highWater(); hw != 3 {
		t.Fatalf("high water %d, want 3", hw)
	}
	close(stop)
	<-done
}
