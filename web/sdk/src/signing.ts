// Signed signaling (issue 9; Go: package trust and mqttsignal/auth.go): every
// envelope carries an Ed25519 signature by its sending device over the fields a
// receiver acts on, the SDP and with it the DTLS fingerprint included; receivers
// believe only the keys the household enrolled.
//
// Ed25519 comes from @noble/curves, a pure-JS implementation: it runs
// synchronously and outside secure contexts, where crypto.subtle is missing (the
// page is often opened over plain http on the LAN).

import { ed25519 } from '@noble/curves/ed25519.js';
import type { Envelope } from './envelope.js';
import { isValidId } from './envelope.js';
import { IntercomError } from './types.js';

/** The text form of a public key starts with this (Go: trust.FormatPublicKey). */
export const KEY_PREFIX = 'ed25519:';

/** Starts every signed byte string, so that a signature cannot be passed off as one over anything else. */
export const SIG_DOMAIN = 'intercomd-signaling-v1\n';

/** How far an envelope's ts may be from this device's clock, either way (Go: mqttsignal.DefaultAuthWindow). */
export const DEFAULT_SIGNING_WINDOW_MS = 120_000;

const SEED_BYTES = 32;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

/** One enrolled device key, as a line of the station's trusted-keys file. */
export interface TrustedKey {
  userId: string;
  deviceId: string;
  /** "ed25519:" and the 32-byte public key in unpadded base64url. */
  publicKey: string;
}

/** The signing option of IntercomClient.connect (and of EnvelopeCodec). */
export interface SigningOptions {
  /** This device's 32-byte Ed25519 seed (generateSeed, importSeed). Every envelope sent is signed with it. */
  privateKey: Uint8Array;
  /** The keys this device believes, one per user device (the station's /config.json lists them). */
  trusted: TrustedKey[];
  /**
   * Drop unsigned envelopes and envelopes from devices not in trusted. Without
   * it those pass, but a signature that a trusted key fails to verify is
   * dropped all the same.
   */
  require: boolean;
  /** How far a verified envelope's ts may be from this clock, either way; default 120000 ms. */
  windowMs?: number;
}

// --- base64url ----------------------------------------------------------------

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encode64(b: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = i + 2 < b.length ? 4 : i + 1 < b.length ? 3 : 2;
    for (let j = 0; j < chars; j++) out += alphabet[(n >> (18 - 6 * j)) & 63];
    if (pad) out += '='.repeat(4 - chars);
  }
  return out;
}

/** decode64 reads unpadded (or, with padded, padded) base64 in alphabet; null when s is not that. */
function decode64(s: string, alphabet: string, padded = false): Uint8Array | null {
  if (padded) {
    if (s.length % 4 !== 0) return null;
    s = s.replace(/={1,2}$/, '');
  }
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of s) {
    const v = alphabet.indexOf(ch);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** base64url is unpadded base64url, as Go's base64.RawURLEncoding writes it. */
export function base64url(b: Uint8Array): string {
  return encode64(b, B64URL, false);
}

/** fromBase64url reads unpadded base64url; null when s is not that. */
export function fromBase64url(s: string): Uint8Array | null {
  return decode64(s, B64URL);
}

// --- keys -----------------------------------------------------------------------

/** generateSeed makes a new private key: 32 random bytes (crypto.getRandomValues works on http pages too). */
export function generateSeed(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

/** publicKeyOf returns the 32-byte public key of a seed. */
export function publicKeyOf(seed: Uint8Array): Uint8Array {
  checkSeed(seed);
  return ed25519.getPublicKey(seed);
}

/** formatPublicKey returns the text form: "ed25519:" and the key in unpadded base64url (Go: trust.FormatPublicKey). */
export function formatPublicKey(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new IntercomError('invalid-options', `intercom: a public key is ${PUBLIC_KEY_BYTES} bytes, got ${describe(publicKey)}`);
  }
  return KEY_PREFIX + base64url(publicKey);
}

/** parsePublicKey is the inverse of formatPublicKey; it throws an IntercomError naming the problem. */
export function parsePublicKey(s: string): Uint8Array {
  const shown = JSON.stringify(String(s).slice(0, 80));
  if (typeof s !== 'string' || !s.startsWith(KEY_PREFIX)) {
    throw new IntercomError('invalid-options', `intercom: key ${shown} must start with "${KEY_PREFIX}" (as \`intercomd keys show\` prints it)`);
  }
  const b = fromBase64url(s.slice(KEY_PREFIX.length));
  if (!b) throw new IntercomError('invalid-options', `intercom: key ${shown} is not unpadded base64url after "${KEY_PREFIX}"`);
  if (b.length !== PUBLIC_KEY_BYTES) {
    throw new IntercomError('invalid-options', `intercom: key ${shown} holds ${b.length} bytes; an Ed25519 public key has ${PUBLIC_KEY_BYTES}`);
  }
  return b;
}

/**
 * enrollmentLine is the line that enrolls a device on a station: "user device
 * ed25519:KEY", what `intercomd keys add` takes and the trusted-keys file holds.
 */
export function enrollmentLine(userId: string, deviceId: string, publicKey: string | Uint8Array, comment = ''): string {
  for (const [what, id] of [['userId', userId], ['deviceId', deviceId]] as const) {
    if (!isValidId(id)) throw new IntercomError('invalid-options', `intercom: ${what} ${JSON.stringify(id)} is not an id (1-64 of A-Z a-z 0-9 _ . -)`);
  }
  const key = typeof publicKey === 'string' ? formatPublicKey(parsePublicKey(publicKey)) : formatPublicKey(publicKey);
  const note = comment.replace(/\s+/g, ' ').trim();
  return `${userId} ${deviceId} ${key}${note ? ` ${note}` : ''}`;
}

// PKCS #8 wrapping of an Ed25519 seed (RFC 8410): this prefix, then the 32 bytes.
const PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20);

/**
 * exportSeed writes a seed as a PEM "PRIVATE KEY" (PKCS #8), the form intercomd's
 * device.key and `openssl genpkey -algorithm ed25519` use (Go: trust.LoadKey).
 */
export function exportSeed(seed: Uint8Array): string {
  checkSeed(seed);
  const der = new Uint8Array(PKCS8_PREFIX.length + SEED_BYTES);
  der.set(PKCS8_PREFIX);
  der.set(seed, PKCS8_PREFIX.length);
  return `-----BEGIN PRIVATE KEY-----\n${encode64(der, B64STD, true)}\n-----END PRIVATE KEY-----\n`;
}

/** importSeed reads what exportSeed writes (an Ed25519 PKCS #8 PEM); it throws an IntercomError naming the problem. */
export function importSeed(pem: string): Uint8Array {
  const m = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(String(pem));
  if (!m) throw new IntercomError('invalid-options', 'intercom: the private key must be a PEM "PRIVATE KEY" block (exportSeed, or `openssl genpkey -algorithm ed25519`)');
  const der = decode64(m[1].replace(/\s+/g, ''), B64STD, true);
  if (!der || der.length !== PKCS8_PREFIX.length + SEED_BYTES || PKCS8_PREFIX.some((b, i) => der[i] !== b)) {
    throw new IntercomError('invalid-options', 'intercom: the PEM block is not an Ed25519 private key in PKCS #8; other key types cannot sign intercomd signaling');
  }
  return der.slice(PKCS8_PREFIX.length);
}

function checkSeed(seed: Uint8Array): void {
  if (!(seed instanceof Uint8Array) || seed.length !== SEED_BYTES) {
    throw new IntercomError('invalid-options', `intercom: signing.privateKey must be the ${SEED_BYTES}-byte Ed25519 seed (generateSeed, importSeed), got ${describe(seed)}`);
  }
}

function describe(v: unknown): string {
  return v instanceof Uint8Array ? `${v.length} bytes` : v === null ? 'null' : typeof v;
}

// --- signatures ---------------------------------------------------------------------

/**
 * signedBytes is what a signature covers (Go: wire.signedBytes): SIG_DOMAIN, then
 * every field a receiver acts on as a netstring ("5:hello,", the length in UTF-8
 * bytes) in a fixed order. Absent optional fields are empty; present ones that
 * may legitimately be empty (candidate, sdpMid) carry a "+" prefix so the two
 * differ.
 */
export function signedBytes(e: Envelope): Uint8Array {
  const c = e.candidate;
  const fields = [
    String(e.v), e.type, e.channel, e.call, e.from, e.fromDevice, e.to, e.toDevice ?? '',
    String(e.seq), String(e.ttl ?? 0), String(e.ts ?? 0), e.sdp ?? '',
    e.media ? `a${e.media.audio ? 1 : 0}v${e.media.video ? 1 : 0}` : '',
    c ? `+${c.candidate}` : '',
    c && c.sdpMid != null ? `+${c.sdpMid}` : '',
    c && c.sdpMLineIndex != null ? String(c.sdpMLineIndex) : '',
    e.reason ?? '', e.acceptedBy ?? '', e.name ?? '',
  ];
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode(SIG_DOMAIN)];
  for (const f of fields) {
    const b = enc.encode(f);
    parts.push(enc.encode(`${b.length}:`), b, enc.encode(','));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** signEnvelope returns the "sig" of e made with seed (it ignores any sig e has). */
export function signEnvelope(e: Envelope, seed: Uint8Array): string {
  checkSeed(seed);
  return base64url(ed25519.sign(signedBytes(e), seed));
}

/** Why the Authenticator dropped an envelope. */
export type AuthDrop = 'unsigned' | 'unknown-sender' | 'bad-signature' | 'stale';

/** The Authenticator's verdict: null lets the envelope through. */
export type AuthResult = null | { drop: AuthDrop; reason: string };

/**
 * Authenticator decides whether a received, validated envelope may touch call
 * state, with Go's rules (mqttsignal authenticate):
 *   - no sig: dropped (unsigned) when require is set or a key is trusted for
 *     the sender (whatever require says), else passes;
 *   - a sender without a trusted key: dropped (unknown-sender) when require is
 *     set, else passes;
 *   - a sig that does not verify with the sender's trusted key: always dropped
 *     (bad-signature);
 *   - a verified envelope whose ts is missing or more than the window away from
 *     this clock: dropped (stale), a replay or a clock that is off.
 */
export class Authenticator {
  private readonly keys = new Map<string, Uint8Array>();
  readonly require: boolean;
  readonly windowMs: number;

  /** It throws an IntercomError naming the bad trusted entry. */
  constructor(opts: Pick<SigningOptions, 'trusted' | 'require' | 'windowMs'>) {
    this.require = !!opts.require;
    this.windowMs = opts.windowMs && opts.windowMs > 0 ? opts.windowMs : DEFAULT_SIGNING_WINDOW_MS;
    for (const [i, t] of (opts.trusted ?? []).entries()) {
      if (!isValidId(t?.userId) || !isValidId(t?.deviceId)) {
        throw new IntercomError('invalid-options', `intercom: signing.trusted[${i}] needs a userId and a deviceId (1-64 of A-Z a-z 0-9 _ . -), got ${JSON.stringify(t)}`);
      }
      const id = identity(t.userId, t.deviceId);
      if (this.keys.has(id)) throw new IntercomError('invalid-options', `intercom: signing.trusted lists ${t.userId}/${t.deviceId} twice; keep one key per device`);
      this.keys.set(id, parsePublicKey(t.publicKey));
    }
  }

  /** trusts reports whether publicKey (text form) is the key enrolled for userId/deviceId. */
  trusts(userId: string, deviceId: string, publicKey: string): boolean {
    const k = this.keys.get(identity(userId, deviceId));
    return !!k && formatPublicKey(k) === publicKey;
  }

  /** check applies the rules to e, received at nowMs. */
  check(e: Envelope, nowMs: number): AuthResult {
    const who = `${e.type} from ${e.from}/${e.fromDevice}`;
    const key = this.keys.get(identity(e.from, e.fromDevice));
    if (!e.sig) {
      if (this.require) return { drop: 'unsigned', reason: `${who} is not signed, and this device requires signed signaling; enroll the sender (docs/security.md)` };
      // Stripping the signature must not turn a message that would fail
      // verification into one accepted unchecked (as Go's mqttsignal).
      if (key) return { drop: 'unsigned', reason: `${who} is not signed, but a key is enrolled for that device` };
      return null;
    }
    if (!key) {
      return this.require
        ? { drop: 'unknown-sender', reason: `no key is trusted for ${e.from}/${e.fromDevice}; enroll it with \`intercomd keys add\` on the station (docs/security.md)` }
        : null;
    }
    const sig = fromBase64url(e.sig);
    if (!sig || sig.length !== SIGNATURE_BYTES) return { drop: 'bad-signature', reason: `${who}: sig is not ${SIGNATURE_BYTES} bytes of unpadded base64url` };
    let ok = false;
    try {
      // zip215 off: RFC 8032's strict encodings, so one message has one valid signature per key.
      ok = ed25519.verify(sig, signedBytes(e), key, { zip215: false });
    } catch {
      ok = false;
    }
    if (!ok) return { drop: 'bad-signature', reason: `${who} does not verify with its enrolled key: forged or altered on the way` };
    const age = nowMs - (e.ts ?? 0);
    if (!e.ts || age > this.windowMs || age < -this.windowMs) {
      return {
        drop: 'stale',
        reason: `${who} is stamped ${Math.round(age / 1000)} s from this device's clock, outside ±${this.windowMs / 1000} s: a replay, or a clock that is off (check the time on both devices)`,
      };
    }
    return null;
  }
}

function identity(userId: string, deviceId: string): string {
  return `${userId}/${deviceId}`;
}
