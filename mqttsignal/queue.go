package mqttsignal

import "sync"

// queue hands values from paho's callbacks to a reader without ever blocking
// the callback: push appends to a slice of at most limit values, and one
// goroutine, run, moves values to out as fast as the reader takes them. run
// closes out when stop is closed.
//
// The limit is far above anything a household produces (a call is a few dozen
// messages, read within microseconds); it is reached only when the reader is
// stuck or someone floods the broker, and then memory stays bounded.
type queue[T any] struct {
	mu     sync.Mutex
	items  []T
	limit  int
	wake   chan struct{} // capacity 1: "items is not empty"
	out    chan T
	maxLen int // high-water mark, for Stats
}

func newQueue[T any](limit int) *queue[T] {
	return &queue[T]{limit: limit, wake: make(chan struct{}, 1), out: make(chan T)}
}

// push never blocks. It reports false, keeping what is queued, when the queue
// holds limit values already.
func (q *queue[T]) push(v T) bool {
	q.mu.Lock()
	if len(q.items) >= q.limit {
		q.mu.Unlock()
		return false
	}
	q.items = append(q.items, v)
	if len(q.items) > q.maxLen {
		q.maxLen = len(q.items)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return true
}

// run is the queue's goroutine. It returns, closing out, once stop is closed;
// values still queued then are discarded.
func (q *queue[T]) run(stop <-chan struct{}) {
	defer close(q.out)
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.items = nil // let a burst's backing array go
			q.mu.Unlock()
			select {
			case <-q.wake:
				continue
			case <-stop:
				return
			}
		}
		v := q.items[0]
		var zero T
		q.items[0] = zero
		q.items = q.items[1:]
		q.mu.Unlock()
		select {
		case q.out <- v:
		case <-stop:
			return
		}
	}
}

// highWater returns the longest the queue has been.
func (q *queue[T]) highWater() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.maxLen
}
