package call

import (
	"slices"
	"sync"
)

// dispatcher delivers events to handlers on its own goroutine, in the order the
// loop emitted them, so a handler may call back into the Client.
type dispatcher struct {
	queue *mailbox[Event]
	quit  chan struct{}
	done  chan struct{}

	mu       sync.Mutex
	nextID   int
	handlers map[int]handlerEntry
}

type handlerEntry struct {
	t EventType // EventUnknown: every event
	h func(Event)
}

func newDispatcher() *dispatcher {
	d := &dispatcher{
		queue:    newMailbox[Event](),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
		handlers: map[int]handlerEntry{},
	}
	go d.run()
	return d
}

func (d *dispatcher) on(t EventType, h func(Event)) (off func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.nextID++
	id := d.nextID
	d.handlers[id] = handlerEntry{t: t, h: h}
	return func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		delete(d.handlers, id)
	}
}

func (d *dispatcher) emit(e Event) { d.queue.put(e) }

func (d *dispatcher) run() {
	defer close(d.done)
	for {
		select {
		case <-d.queue.ready:
			d.deliver(d.queue.take())
		case <-d.quit:
			// Deliver what the loop emitted before it stopped: the last call's
			// ended event must reach its handlers.
			d.deliver(d.queue.take())
			return
		}
	}
}

func (d *dispatcher) deliver(events []Event) {
	for _, e := range events {
		d.mu.Lock()
		ids := make([]int, 0, len(d.handlers))
		for id := range d.handlers {
			ids = append(ids, id)
		}
		d.mu.Unlock()
		slices.Sort(ids) // registration order
		for _, id := range ids {
			d.mu.Lock()
			entry, ok := d.handlers[id]
			d.mu.Unlock()
			if ok && (entry.t == EventUnknown || entry.t == e.Type) {
				entry.h(e)
			}
		}
	}
}

func (d *dispatcher) close() {
	close(d.quit)
	<-d.done
}
