package mqttsignal

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestPresenceIsBounded(t *testing.T) {
	var pm presenceMap
	for i := range MaxPresence {
		if _, err := pm.set(Presence{Channel: "home", User: "u", Device: fmt.Sprint(i)}, true); err != nil {
			t.Fatalf("device %d: %v", i, err)
		}
	}
	extra := Presence{Channel: "home", User: "u", Device: "one-too-many"}
	if _, err := pm.set(extra, true); !errors.Is(err, errPresenceFull) {
		t.Fatalf("device %d: %v, want errPresenceFull", MaxPresence, err)
	}
	// Known devices still update and leave, and leaving makes room.
	if _, err := pm.set(Presence{Channel: "home", User: "u", Device: "0", Name: "renamed"}, true); err != nil {
		t.Fatalf("updating a known device: %v", err)
	}
	if changed, _ := pm.set(Presence{Channel: "home", User: "u", Device: "1"}, false); !changed {
		t.Fatal("a device going offline changed nothing")
	}
	if _, err := pm.set(extra, true); err != nil {
		t.Fatalf("after one left: %v", err)
	}
}

func TestDropLogIsRateLimited(t *testing.T) {
	var l dropLimiter
	t0 := time.Unix(1000, 0)
	if n, ok := l.allow(DropBadSignature, t0); !ok || n != 0 {
		t.Fatalf("first drop: %d, %v", n, ok)
	}
	for i := range 5 {
		if _, ok := l.allow(DropBadSignature, t0.Add(time.Duration(i)*time.Second)); ok {
			t.Fatalf("drop %d within the interval logged", i)
		}
	}
	if _, ok := l.allow(DropStale, t0.Add(time.Second)); !ok {
		t.Fatal("another reason is held back by the first")
	}
	if n, ok := l.allow(DropBadSignature, t0.Add(dropLogInterval)); !ok || n != 5 {
		t.Fatalf("after the interval: %d held, %v; want 5, true", n, ok)
	}
}
