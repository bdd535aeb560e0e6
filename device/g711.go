package device

// G.711 (ITU-T G.711) µ-law (PCMU) and A-law (PCMA): 8 kHz, 8 bits a sample,
// the codecs every WebRTC endpoint supports. intercomd decodes them when a
// peer offers no Opus and can encode them for such a peer.

const (
	ulawBias = 0x84
	ulawClip = 32635
)

// EncodeULaw appends the µ-law encoding of pcm (8 kHz samples) to dst.
func EncodeULaw(dst []byte, pcm []int16) []byte {
	for _, s := range pcm {
		dst = append(dst, linearToULaw(s))
	}
	return dst
}

// DecodeULaw appends the samples of µ-law payload b to dst.
func DecodeULaw(dst []int16, b []byte) []int16 {
	for _, u := range b {
		dst = append(dst, ulawToLinear(u))
	}
	return dst
}

// EncodeALaw appends the A-law encoding of pcm (8 kHz samples) to dst.
func EncodeALaw(dst []byte, pcm []int16) []byte {
	for _, s := range pcm {
		dst = append(dst, linearToALaw(s))
	}
	return dst
}

// DecodeALaw appends the samples of A-law payload b to dst.
func DecodeALaw(dst []int16, b []byte) []int16 {
	for _, a := range b {
		dst = append(dst, alawToLinear(a))
	}
	return dst
}

func linearToULaw(s int16) byte {
	x := int(s)
	sign := 0
	if x < 0 {
		x = -x
		sign = 0x80
	}
	if x > ulawClip {
		x = ulawClip
	}
	x += ulawBias
	exp := 7
	for mask := 0x4000; x&mask == 0 && exp > 0; mask >>= 1 {
		exp--
	}
	mant := (x >> (exp + 3)) & 0x0f
	return ^byte(sign | exp<<4 | mant)
}

func ulawToLinear(u byte) int16 {
	u = ^u
	exp := int(u>>4) & 7
	mant := int(u & 0x0f)
	x := ((mant << 3) + ulawBias) << exp
	x -= ulawBias
	if u&0x80 != 0 {
		return int16(-x)
	}
	return int16(x)
}

func linearToALaw(s int16) byte {
	x := int(s) >> 3 // A-law works on 13-bit magnitudes
	sign := 0x80
	if x < 0 {
		x = -x - 1
		sign = 0
	}
	var out int
	if x < 32 {
		out = x >> 1
	} else {
		exp := 1
		for v := x >> 5; v > 1 && exp < 7; v >>= 1 {
			exp++
		}
		if x >= 4096 {
			out = 0x7f
		} else {
			out = exp<<4 | (x>>exp)&0x0f
		}
	}
	return byte(out|sign) ^ 0x55
}

func alawToLinear(a byte) int16 {
	a ^= 0x55
	exp := int(a>>4) & 7
	mant := int(a & 0x0f)
	var x int
	if exp == 0 {
		x = mant<<4 + 8
	} else {
		x = (mant<<4 + 0x108) << (exp - 1)
	}
	if a&0x80 == 0 {
		return int16(-x)
	}
	return int16(x)
}
