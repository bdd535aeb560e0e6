//go:build linux

package device

import (
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// keepAlive keeps memory handed to the kernel by address alive across an ioctl.
func keepAlive(x any) { runtime.KeepAlive(x) }

// v4l2Queue is one MMAP buffer queue of a node (capture, or one side of an
// M2M device), single-planar or multiplanar with one plane.
type v4l2Queue struct {
	node   *v4l2Node
	typ    uint32
	mplane bool
	bufs   [][]byte
	// planes is the plane array handed to the kernel by address in
	// multiplanar ioctls; it lives on the heap (never moves) with the queue.
	planes []v4l2Plane
}

// newQueue requests count MMAP buffers and maps them.
func newQueue(n *v4l2Node, typ uint32, count int) (*v4l2Queue, error) {
	q := &v4l2Queue{node: n, typ: typ, mplane: typ == bufTypeVideoCaptureMplane || typ == bufTypeVideoOutputMplane, planes: make([]v4l2Plane, 1)}
	rb := v4l2RequestBuffers{Count: uint32(count), Type: typ, Memory: memoryMmap}
	if err := n.ioctl(vidiocReqbufs, unsafe.Pointer(&rb)); err != nil {
		return nil, fmt.Errorf("device: %s: VIDIOC_REQBUFS %d buffers: %w", n.name(), count, err)
	}
	if rb.Count == 0 {
		return nil, fmt.Errorf("device: %s: the driver granted no buffers", n.name())
	}
	for i := uint32(0); i < rb.Count; i++ {
		b := q.buffer(i)
		if err := n.ioctl(vidiocQuerybuf, unsafe.Pointer(b)); err != nil {
			q.release()
			return nil, fmt.Errorf("device: %s: VIDIOC_QUERYBUF %d: %w", n.name(), i, err)
		}
		off, length := int64(b.M), int(b.Length)
		if q.mplane {
			off, length = int64(uint32(q.planes[0].M)), int(q.planes[0].Length)
		}
		m, err := unix.Mmap(n.fd, off, length, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
		if err != nil {
			q.release()
			return nil, fmt.Errorf("device: %s: mmap buffer %d (%d bytes): %w", n.name(), i, length, err)
		}
		q.bufs = append(q.bufs, m)
	}
	return q, nil
}

// buffer returns a v4l2_buffer for index i, wired to the plane array when
// the queue is multiplanar.
func (q *v4l2Queue) buffer(i uint32) *v4l2Buffer {
	b := &v4l2Buffer{Index: i, Type: q.typ, Memory: memoryMmap}
	if q.mplane {
		q.planes[0] = v4l2Plane{}
		b.M = uintptr(unsafe.Pointer(&q.planes[0]))
		b.Length = 1
	}
	return b
}

// qbuf queues buffer i with used bytes of payload (0 for capture buffers).
func (q *v4l2Queue) qbuf(i int, used int) error {
	b := q.buffer(uint32(i))
	if q.mplane {
		q.planes[0].BytesUsed = uint32(used)
		q.planes[0].Length = uint32(len(q.bufs[i]))
	} else {
		b.BytesUsed = uint32(used)
		b.Field = fieldNone
	}
	err := q.node.ioctl(vidiocQbuf, unsafe.Pointer(b))
	keepAlive(q.planes)
	return err
}

// dqbuf dequeues one buffer (EAGAIN when none is ready) and returns it with
// its payload.
func (q *v4l2Queue) dqbuf() (*v4l2Buffer, []byte, error) {
	b := q.buffer(0)
	err := q.node.ioctl(vidiocDqbuf, unsafe.Pointer(b))
	keepAlive(q.planes)
	if err != nil {
		return nil, nil, err
	}
	if int(b.Index) >= len(q.bufs) {
		return nil, nil, fmt.Errorf("device: %s: the driver returned buffer %d of %d", q.node.name(), b.Index, len(q.bufs))
	}
	used, off := int(b.BytesUsed), 0
	if q.mplane {
		used, off = int(q.planes[0].BytesUsed), int(q.planes[0].DataOffset)
	}
	buf := q.bufs[b.Index]
	if used > len(buf) || off > used {
		return nil, nil, fmt.Errorf("device: %s: buffer %d claims %d bytes at %d in %d", q.node.name(), b.Index, used, off, len(buf))
	}
	return b, buf[off:used], nil
}

// release unmaps the buffers and frees them in the driver (REQBUFS 0). The
// queue must be stopped.
func (q *v4l2Queue) release() {
	for _, m := range q.bufs {
		_ = unix.Munmap(m)
	}
	q.bufs = nil
	rb := v4l2RequestBuffers{Count: 0, Type: q.typ, Memory: memoryMmap}
	_ = q.node.ioctl(vidiocReqbufs, unsafe.Pointer(&rb))
}
