//go:build amd64 || arm64

package device

import "unsafe"

// Sizes of the kernel structures on 64-bit Linux (pahole on 6.12 amd64).
const (
	sizeofHWParams = 608
	sizeofSWParams = 136
	sizeofXferI    = 24
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
