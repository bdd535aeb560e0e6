package mqttsignal

import (
	"crypto/ed25519"
	"encoding/base64"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/intercomd/intercomd/trust"
)

// Auth configures signed signaling: what this device signs with and whom it
// believes. docs/security.md has the threat model and the household set-up.
type Auth struct {
	// Key signs every envelope this device sends. Nil sends them unsigned.
	Key ed25519.PrivateKey
	// Trust holds the public keys of the devices this one accepts signaling from.
	Trust *trust.Store
	// Require drops every envelope that is not signed by the key Trust holds for
	// its sender. Without it, envelopes from devices Trust does not know pass
	// unchecked; a device Trust knows must still sign, and correctly.
	Require bool
	// Window bounds how far an envelope's "ts" may be from this device's clock
	// when it is verified, either way. Default DefaultAuthWindow.
	Window time.Duration
}

// DefaultAuthWindow is Auth.Window's default: long enough for a Pi whose clock
// NTP has not yet corrected by much, short enough that a recorded invite cannot
// ring the door again later.
const DefaultAuthWindow = 2 * time.Minute

// sigDomain starts every signed byte string, so that a signature made for
// intercomd signaling cannot be passed off as one over anything else.
const sigDomain = "intercomd-signaling-v1\n"

// authHolder lets the receive path read the Auth in force, defaults filled
// in, without a lock while SetAuth replaces it.
type authHolder struct{ p atomic.Pointer[Auth] }

func (h *authHolder) load() *Auth { return h.p.Load() }

func (h *authHolder) store(a Auth) {
	if a.Window <= 0 {
		a.Window = DefaultAuthWindow
	}
	h.p.Store(&a)
}

// signedBytes is what a signature covers: every field a receiver acts on, the
// SDP (and with it the DTLS fingerprint) included, each as a netstring
// ("5:hello,") in a fixed order. Absent optional fields are empty; present ones
// that may legitimately be empty carry a "+" prefix so the two differ.
// docs/protocol.md ("Signatures") specifies the same bytes for other
// implementations; web/sdk/src/signing.ts is one.
func (w *wire) signedBytes() []byte {
	b := make([]byte, 0, len(sigDomain)+len(w.SDP)+256)
	b = append(b, sigDomain...)
	ns := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
		b = append(b, ',')
	}
	v := 0
	if w.V != nil {
		v = *w.V
	}
	ns(strconv.Itoa(v))
	ns(w.Type)
	ns(w.Channel)
	ns(w.Call)
	ns(w.From)
	ns(w.FromDevice)
	ns(w.To)
	ns(w.ToDevice)
	ns(strconv.FormatUint(w.Seq, 10))
	ns(strconv.FormatInt(w.TTL, 10))
	ns(strconv.FormatInt(w.TS, 10))
	ns(w.SDP)
	media := ""
	if w.Media != nil {
		media = "a" + bit(w.Media.Audio) + "v" + bit(w.Media.Video)
	}
	ns(media)
	cand, mid, idx := "", "", ""
	if c := w.Candidate; c != nil {
		cand = "+" + c.Candidate
		if c.SDPMid != nil {
			mid = "+" + *c.SDPMid
		}
		if c.SDPMLineIndex != nil {
			idx = strconv.Itoa(int(*c.SDPMLineIndex))
		}
	}
	ns(cand)
	ns(mid)
	ns(idx)
	ns(w.Reason)
	ns(w.AcceptedBy)
	ns(w.Name)
	return b
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// sign sets w.Sig.
func (w *wire) sign(key ed25519.PrivateKey) {
	w.Sig = base64.RawURLEncoding.EncodeToString(ed25519.Sign(key, w.signedBytes()))
}

// authenticate applies a to envelope w (already validated) received at now.
// It returns nil when the envelope may touch call state.
func (a *Auth) authenticate(w *wire, now time.Time) *DecodeError {
	key, known := a.Trust.Lookup(w.From, w.FromDevice)
	if w.Sig == "" {
		switch {
		case a.Require:
			return dropf(DropUnsigned, "sig", "%s from %s/%s is not signed, and this device requires signed signaling; enroll the sender (docs/security.md)", w.Type, w.From, w.FromDevice)
		case known:
			// Stripping the signature must not turn a message that would
			// fail verification into one that is accepted unchecked.
			return dropf(DropUnsigned, "sig", "%s from %s/%s is not signed, but a key is enrolled for that device", w.Type, w.From, w.FromDevice)
		}
		return nil
	}
	if !known {
		if a.Require {
			return dropf(DropUnknownSender, "fromDevice", "no key is trusted for %s/%s; enroll it with `intercomd keys add` (docs/security.md)", w.From, w.FromDevice)
		}
		return nil
	}
	sig, err := base64.RawURLEncoding.DecodeString(w.Sig)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return dropf(DropBadSignature, "sig", "not %d bytes of unpadded base64url", ed25519.SignatureSize)
	}
	if !ed25519.Verify(key, w.signedBytes(), sig) {
		return dropf(DropBadSignature, "sig", "%s from %s/%s does not verify with its enrolled key: forged or altered on the way", w.Type, w.From, w.FromDevice)
	}
	if w.TS == 0 {
		return dropf(DropStale, "ts", "%s from %s/%s has no timestamp; signed envelopes need one", w.Type, w.From, w.FromDevice)
	}
	age := now.Sub(time.UnixMilli(w.TS))
	if age > a.Window || age < -a.Window {
		return dropf(DropStale, "ts", "%s from %s/%s is stamped %s from this device's clock, outside ±%s: a replay, or a clock that is off (check NTP with timedatectl on both)", w.Type, w.From, w.FromDevice, age.Round(time.Second), a.Window)
	}
	return nil
}
