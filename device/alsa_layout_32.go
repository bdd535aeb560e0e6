//go:build arm || 386

package device

import "unsafe"

// Sizes of the kernel structures on 32-bit Linux (armhf, i386): longs are
// 4 bytes, so fifo_size needs no padding.
const (
	sizeofHWParams = 604
	sizeofSWParams = 104
	sizeofXferI    = 12
)

// Compile-time checks: either array length goes negative if a size is off.
var (
	_ [sizeofHWParams - unsafe.Sizeof(sndPCMHWParams{})]struct{}
	_ [unsafe.Sizeof(sndPCMHWParams{}) - sizeofHWParams]struct{}
	_ [sizeofSWParams - unsafe.Sizeof(sndPCMSWParams{})]struct{}
	_ [unsafe.Sizeof(sndPCMSWParams{}) - sizeofSWParams]struct{}
	_ [sizeofXferI - unsafe.Sizeof(sndXferI{})]struct{}
	_ [unsafe.Sizeof(sndXferI{}) - sizeofXferI]struct{}
)
