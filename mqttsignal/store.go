package mqttsignal

import (
	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/eclipse/paho.mqtt.golang/packets"
)

// copyingStore is paho's MemoryStore, except that it stores a copy of each
// outgoing PUBLISH instead of the packet paho is about to send.
//
// paho v1.5.1 stores a QoS 1 publish and then hands the same packet to its
// writer. After a reconnect, resume resends every stored packet and sets its
// DUP flag, so a publish made just after the reconnect (presence, a Send) is
// written by the writer while resume flags it: a data race
// (eclipse-paho/paho.mqtt.golang#703). With a copy in the store, resume flags
// and resends its own object; the broker may get the message twice, which
// QoS 1 allows and receivers drop as a duplicate.
type copyingStore struct {
	*mqtt.MemoryStore
}

var _ mqtt.Store = copyingStore{}

func newCopyingStore() copyingStore { return copyingStore{mqtt.NewMemoryStore()} }

// Put stores m, copying a PUBLISH before paho's writer can touch it: paho
// calls Put before it queues the packet for writing.
func (s copyingStore) Put(key string, m packets.ControlPacket) {
	if pub, ok := m.(*packets.PublishPacket); ok {
		cp := *pub
		m = &cp
	}
	s.MemoryStore.Put(key, m)
}
