package mqttsignal

// dedupeKey identifies one message of one sending device.
type dedupeKey struct {
	user, device string
	seq          uint64
}

// recentSet remembers the last size keys it was shown. paho re-sends QoS 1
// messages that were not acknowledged before a reconnect, so a receiver can see
// the same message twice within seconds; remembering a few thousand is plenty.
// It is not safe for concurrent use.
type recentSet struct {
	seen map[dedupeKey]struct{}
	ring []dedupeKey
	next int
	full bool
}

func newRecentSet(size int) *recentSet {
	return &recentSet{seen: make(map[dedupeKey]struct{}, size), ring: make([]dedupeKey, size)}
}

// add records k and reports whether it was new.
func (r *recentSet) add(k dedupeKey) bool {
	if _, dup := r.seen[k]; dup {
		return false
	}
	if r.full {
		delete(r.seen, r.ring[r.next])
	}
	r.ring[r.next] = k
	r.seen[k] = struct{}{}
	r.next++
	if r.next == len(r.ring) {
		r.next = 0
		r.full = true
	}
	return true
}
