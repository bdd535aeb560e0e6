// The signaling envelope of intercomd's wire protocol v1 (docs/protocol.md): topics,
// validation and de-duplication. Pure: no MQTT here.

import { isEndReason, type EndReasonCode, type MediaFlags } from './types.js';

/** Topic prefix of protocol v1. */
export const TOPIC_PREFIX = 'intercom/v1';

/** Largest envelope a receiver accepts, in bytes. */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/** Message types on the wire (Go: call.MessageType's String forms). */
export type MessageType =
  | 'invite' | 'ringing' | 'accept' | 'reject' | 'cancel' | 'hangup' | 'candidate' | 'open-door'
  | 'reoffer' | 'reanswer';

export const MESSAGE_TYPES: readonly MessageType[] = ['invite', 'ringing', 'accept', 'reject', 'cancel', 'hangup', 'candidate', 'open-door', 'reoffer', 'reanswer'];

/** A trickled ICE candidate as RTCIceCandidateInit has it; candidate "" = end of candidates. */
export interface WireCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

/** One signaling message, field names as on the wire. */
export interface Envelope {
  v: 1;
  type: MessageType;
  channel: string;
  call: string;
  from: string;
  fromDevice: string;
  to: string;
  toDevice?: string;
  seq: number;
  ttl?: number;
  ts?: number;
  sdp?: string;
  media?: MediaFlags;
  candidate?: WireCandidate;
  reason?: EndReasonCode;
  acceptedBy?: string;
  name?: string;
  /** Ed25519 signature over signedBytes (signing.ts), unpadded base64url; absent when unsigned. */
  sig?: string;
}

/** What the call engine hands to its signaler: the signaler stamps v, from, fromDevice, seq and ts. */
export type Outgoing = Omit<Envelope, 'v' | 'from' | 'fromDevice' | 'seq' | 'ts' | 'sig'>;

const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** Ids the topic layout uses at the channel's level (Go: mqttsignal/topic.go reservedChannels). */
export const RESERVED_CHANNELS: readonly string[] = ['ctl', 'state', 'event'];

/** isValidChannel: a valid id that the topic layout does not reserve. */
export function isValidChannel(s: unknown): s is string {
  return isValidId(s) && !RESERVED_CHANNELS.includes(s);
}

const MAX_TTL_MS = 3_600_000;
/** The longest display name (UTF-8 bytes) an envelope may carry. */
export const MAX_NAME_BYTES = 256;

/** How many (from, fromDevice, seq) triples the dedupe memory keeps: Go's and docs/security.md's 4096. */
export const DEDUPE_CAPACITY = 4096;

/**
 * What each type requires beyond the common fields, and the reasons it may carry:
 * the same table as the Go receiver (mqttsignal), so neither side sends what the
 * other drops.
 */
export const RULES: Record<MessageType, { sdp: boolean; ttl: boolean; toDevice: boolean; reasons: readonly EndReasonCode[] }> = {
  invite: { sdp: true, ttl: true, toDevice: false, reasons: [] },
  ringing: { sdp: false, ttl: false, toDevice: true, reasons: [] },
  accept: { sdp: true, ttl: false, toDevice: true, reasons: [] },
  reject: { sdp: false, ttl: false, toDevice: true, reasons: ['rejected', 'busy'] },
  cancel: { sdp: false, ttl: false, toDevice: false, reasons: ['cancelled', 'no-answer', 'taken', 'rejected'] },
  hangup: { sdp: false, ttl: false, toDevice: true, reasons: ['hangup', 'taken', 'failed'] },
  candidate: { sdp: false, ttl: false, toDevice: false, reasons: [] },
  'open-door': { sdp: false, ttl: false, toDevice: true, reasons: [] },
  // ICE restart of an answered call: the caller's device offers, the answering device answers.
  reoffer: { sdp: true, ttl: false, toDevice: true, reasons: [] },
  reanswer: { sdp: true, ttl: false, toDevice: true, reasons: [] },
};

/** isValidId reports whether s is a valid channel, user, device or call id. */
export function isValidId(s: unknown): s is string {
  return typeof s === 'string' && ID_RE.test(s);
}

/** inboxTopic is the signaling inbox of userId on channel. */
export function inboxTopic(channel: string, userId: string): string {
  return `${TOPIC_PREFIX}/${channel}/user/${userId}`;
}

/** presenceTopic is where deviceId of userId announces itself on channel (retained). */
export function presenceTopic(channel: string, userId: string, deviceId: string): string {
  return `${TOPIC_PREFIX}/${channel}/presence/${userId}/${deviceId}`;
}

/** presenceFilter matches every presence topic of channel. */
export function presenceFilter(channel: string): string {
  return `${TOPIC_PREFIX}/${channel}/presence/+/+`;
}

/** ctlTopic drives one running intercomd (used by tests and tools, not by the call engine). */
export function ctlTopic(deviceId: string): string {
  return `${TOPIC_PREFIX}/ctl/${deviceId}`;
}

/** Parses an inbox topic into its channel and user, or null. */
export function parseInboxTopic(topic: string): { channel: string; userId: string } | null {
  const p = topic.split('/');
  if (p.length !== 5 || `${p[0]}/${p[1]}` !== TOPIC_PREFIX || p[3] !== 'user') return null;
  if (!isValidId(p[2]) || !isValidId(p[4])) return null;
  return { channel: p[2], userId: p[4] };
}

/** Parses a presence topic, or null. */
export function parsePresenceTopic(topic: string): { channel: string; userId: string; deviceId: string } | null {
  const p = topic.split('/');
  if (p.length !== 6 || `${p[0]}/${p[1]}` !== TOPIC_PREFIX || p[3] !== 'presence') return null;
  if (!isValidId(p[2]) || !isValidId(p[4]) || !isValidId(p[5])) return null;
  return { channel: p[2], userId: p[4], deviceId: p[5] };
}

/**
 * Why a payload was dropped: the names of Go's mqttsignal.DropReason, as in its
 * logs and Stats (docs/protocol.md, "Validation and drop rules").
 */
export type DropReason =
  | 'invalid-json' | 'oversize' | 'version' | 'type' | 'missing-field' | 'bad-id' | 'bad-value'
  | 'topic-mismatch' | 'own-device' | 'other-device' | 'duplicate' | 'retained'
  | 'unsigned' | 'unknown-sender' | 'bad-signature' | 'stale';

/** Every drop reason, in Go's order. */
export const DROP_REASONS: readonly DropReason[] = [
  'invalid-json', 'oversize', 'version', 'type', 'missing-field', 'bad-id', 'bad-value', 'topic-mismatch',
  'own-device', 'other-device', 'duplicate', 'retained', 'unsigned', 'unknown-sender', 'bad-signature', 'stale',
];

/** Drops that happen in normal operation (several devices, redelivery): logged at debug, not warn. */
export const ROUTINE_DROPS: readonly DropReason[] = ['own-device', 'other-device', 'duplicate'];

/** The outcome of decoding one inbound message. */
export type DecodeResult = { ok: true; msg: Envelope } | { ok: false; drop: DropReason; reason: string };

/** Who is receiving: messages from this device or for another device of the user are dropped. */
export interface Receiver {
  userId: string;
  deviceId: string;
}

function fail(drop: DropReason, reason: string): { ok: false; drop: DropReason; reason: string } {
  return { ok: false, drop, reason };
}

function optionalString(o: Record<string, unknown>, k: string): boolean {
  return o[k] === undefined || o[k] === null || typeof o[k] === 'string';
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/**
 * A lone UTF-16 surrogate has no UTF-8 form. Go's JSON decoder turns one into
 * U+FFFD, so a receiver would check a signature over other bytes than the
 * sender signed: senders refuse it (Go refuses invalid UTF-8 the same way), and
 * so do receivers.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** isWellFormed reports whether s has a UTF-8 form (no lone surrogates). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * validateEnvelope applies the content rules of the protocol (everything but the
 * topic and the receiver) to one parsed JSON value, and returns the envelope it
 * holds. Receivers and senders share it, so that a sender refuses what a
 * receiver would drop (Go: wire.message).
 */
export function validateEnvelope(o: unknown): DecodeResult {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return fail('invalid-json', 'not a JSON object');
  const m = o as Record<string, unknown>;
  if (m.v !== 1) return fail('version', `unknown protocol version ${JSON.stringify(m.v)}`);
  if (!(MESSAGE_TYPES as readonly unknown[]).includes(m.type)) return fail('type', `unknown type ${JSON.stringify(m.type)} (want ${MESSAGE_TYPES.join(' ')})`);
  const type = m.type as MessageType;
  for (const k of ['channel', 'call', 'from', 'fromDevice', 'to'] as const) {
    if (!present(m[k]) || m[k] === '') return fail('missing-field', `${type}: missing ${k}`);
    if (!isValidId(m[k])) return fail('bad-id', `${type}: bad ${k} ${JSON.stringify(m[k])}`);
  }
  for (const k of ['toDevice', 'acceptedBy'] as const) {
    if (present(m[k]) && m[k] !== '' && !isValidId(m[k])) return fail('bad-id', `${type}: bad ${k} ${JSON.stringify(m[k])}`);
  }
  if (!present(m.seq)) return fail('missing-field', `${type}: missing seq`);
  if (typeof m.seq !== 'number' || !Number.isSafeInteger(m.seq) || m.seq <= 0) return fail('invalid-json', `${type}: bad seq ${JSON.stringify(m.seq)} (a positive integer)`);
  if (present(m.ttl) && (typeof m.ttl !== 'number' || !Number.isSafeInteger(m.ttl))) return fail('invalid-json', `${type}: bad ttl ${JSON.stringify(m.ttl)} (integer ms)`);
  if (present(m.ts) && (typeof m.ts !== 'number' || !Number.isSafeInteger(m.ts))) return fail('invalid-json', `${type}: bad ts ${JSON.stringify(m.ts)} (integer unix ms)`);
  if (!optionalString(m, 'sdp') || !optionalString(m, 'name') || !optionalString(m, 'reason') || !optionalString(m, 'sig')) {
    return fail('invalid-json', `${type}: sdp, name, reason and sig must be strings`);
  }
  if (RESERVED_CHANNELS.includes(m.channel as string)) return fail('bad-id', `${type}: channel ${m.channel} is reserved by the topic layout`);
  const rule = RULES[type];
  if (rule.toDevice && !m.toDevice) return fail('missing-field', `${type}: missing toDevice`);
  const ttl = (m.ttl as number | null | undefined) ?? 0;
  if (ttl < 0) return fail('bad-value', `${type}: ttl ${ttl} ms is negative`);
  if (ttl > MAX_TTL_MS) return fail('bad-value', `${type}: ttl ${ttl} ms is over an hour`);
  if (rule.ttl && !ttl) return fail('missing-field', `${type}: missing ttl (the ring timeout in ms)`);
  if (rule.sdp && !m.sdp) return fail('missing-field', `${type}: missing sdp`);
  if (!rule.sdp && m.sdp) return fail('bad-value', `${type}: sdp not allowed`);
  let cand: WireCandidate | undefined;
  if (present(m.candidate)) {
    const c = m.candidate as Record<string, unknown>;
    if (typeof c !== 'object' || Array.isArray(c) || typeof c.candidate !== 'string') return fail('invalid-json', `${type}: bad candidate (an object with a string "candidate")`);
    if (present(c.sdpMid) && typeof c.sdpMid !== 'string') return fail('invalid-json', `${type}: bad candidate sdpMid`);
    if (present(c.sdpMLineIndex) && (typeof c.sdpMLineIndex !== 'number' || !Number.isInteger(c.sdpMLineIndex) || c.sdpMLineIndex < 0 || c.sdpMLineIndex > 65535)) {
      return fail('invalid-json', `${type}: bad candidate sdpMLineIndex ${JSON.stringify(c.sdpMLineIndex)} (0..65535)`);
    }
    cand = { candidate: c.candidate };
    if (typeof c.sdpMid === 'string') cand.sdpMid = c.sdpMid;
    if (typeof c.sdpMLineIndex === 'number') cand.sdpMLineIndex = c.sdpMLineIndex;
  } else if (type === 'candidate') {
    return fail('missing-field', 'candidate: missing candidate ("" means end of candidates)');
  }
  // Each field on its own: two halves of a pair split over two fields are two lone surrogates.
  for (const [k, v] of [['sdp', m.sdp], ['name', m.name], ['candidate', cand?.candidate], ['candidate sdpMid', cand?.sdpMid]] as const) {
    if (typeof v === 'string' && !isWellFormed(v)) return fail('bad-value', `${type}: ${k} is not valid UTF-8 (a lone surrogate)`);
  }
  if (typeof m.name === 'string' && new TextEncoder().encode(m.name).length > MAX_NAME_BYTES) return fail('bad-value', `${type}: name over ${MAX_NAME_BYTES} bytes`);
  if (rule.reasons.length === 0 && m.reason) return fail('bad-value', `${type}: reason not allowed`);
  if (rule.reasons.length > 0 && !m.reason) return fail('missing-field', `${type}: missing reason, want ${rule.reasons.join('|')}`);
  if (rule.reasons.length > 0 && !rule.reasons.includes(m.reason as EndReasonCode)) {
    return fail('bad-value', `${type}: bad reason ${JSON.stringify(m.reason)}, want ${rule.reasons.join('|')}`);
  }
  const taken = type === 'cancel' && m.reason === 'taken';
  if (taken && !m.acceptedBy) return fail('missing-field', 'cancel: missing acceptedBy (required with reason taken)');
  if (!taken && m.acceptedBy) return fail('bad-value', `${type}: acceptedBy allowed only on cancel with reason taken`);
  if (present(m.media)) {
    const md = m.media as Record<string, unknown>;
    if (typeof md !== 'object' || typeof md.audio !== 'boolean' || typeof md.video !== 'boolean') return fail('invalid-json', `${type}: bad media`);
  }

  // Members in Go's order (mqttsignal wire), so that JSON.stringify writes what Go writes.
  const msg = {
    v: 1,
    type,
    channel: m.channel as string,
    call: m.call as string,
    from: m.from as string,
    fromDevice: m.fromDevice as string,
    to: m.to as string,
  } as Envelope;
  if (m.toDevice) msg.toDevice = m.toDevice as string;
  msg.seq = m.seq;
  // Zero and empty values are left out, as Go's omitempty does; the signature
  // covers absent and empty alike.
  if (typeof m.ttl === 'number' && m.ttl) msg.ttl = m.ttl;
  if (typeof m.ts === 'number' && m.ts) msg.ts = m.ts;
  if (typeof m.sdp === 'string' && m.sdp) msg.sdp = m.sdp;
  if (m.media) msg.media = { audio: (m.media as MediaFlags).audio, video: (m.media as MediaFlags).video };
  // Kept on every type, as Go keeps it: the signature covers it wherever it is.
  if (cand) msg.candidate = cand;
  if (isEndReason(m.reason)) msg.reason = m.reason;
  if (m.acceptedBy) msg.acceptedBy = m.acceptedBy as string;
  if (typeof m.name === 'string' && m.name) msg.name = m.name;
  if (typeof m.sig === 'string' && m.sig) msg.sig = m.sig;
  return { ok: true, msg };
}

/**
 * decodeEnvelope validates one inbound payload against the topic it arrived on.
 * It implements the receiver's drop rules of the protocol: invalid JSON, oversize,
 * unknown v or type, a missing field the type requires, bad ids, a topic/payload
 * mismatch, messages from this very device and messages for another device.
 * Duplicates are the Deduper's job, signatures the Authenticator's (signing.ts).
 */
export function decodeEnvelope(topic: string, payload: string | Uint8Array, self: Receiver): DecodeResult {
  const size = typeof payload === 'string' ? new TextEncoder().encode(payload).length : payload.length;
  if (size > MAX_ENVELOPE_BYTES) return fail('oversize', `oversize: ${size} bytes > ${MAX_ENVELOPE_BYTES}`);
  const where = parseInboxTopic(topic);
  if (!where) return fail('topic-mismatch', `not an inbox topic: ${topic}`);
  let text: string;
  try {
    // fatal: invalid UTF-8 is refused, not turned into U+FFFD (which would verify other bytes than were signed).
    text = typeof payload === 'string' ? payload : new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return fail('invalid-json', 'invalid JSON: the payload is not valid UTF-8');
  }
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (e) {
    return fail('invalid-json', `invalid JSON: ${(e as Error).message}`);
  }
  const r = validateEnvelope(o);
  if (!r.ok) return r;
  const { msg } = r;
  const type = msg.type;
  if (msg.channel !== where.channel) return fail('topic-mismatch', `${type}: channel ${msg.channel} does not match topic channel ${where.channel}`);
  if (msg.to !== where.userId) return fail('topic-mismatch', `${type}: to ${msg.to} does not match topic user ${where.userId}`);
  if (where.userId !== self.userId) return fail('topic-mismatch', `${type}: addressed to user ${where.userId}, not ${self.userId}`);
  if (msg.fromDevice === self.deviceId) return fail('own-device', `${type}: from this device`);
  if (msg.toDevice && msg.toDevice !== self.deviceId) return fail('other-device', `${type}: for device ${msg.toDevice}`);
  return r;
}

/**
 * Deduper remembers the last `capacity` (from, fromDevice, seq) triples. MQTT clients
 * re-send unacknowledged QoS 1 messages after a reconnect, so the same message can
 * arrive twice. The user is part of the key: two users' devices may share a name.
 */
export class Deduper {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = DEDUPE_CAPACITY) {}

  /** seenBefore records the triple and reports whether it had been seen already. */
  seenBefore(from: string, fromDevice: string, seq: number): boolean {
    const key = `${from}\u0000${fromDevice}\u0000${seq}`;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order: the first key is the oldest.
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    return false;
  }
}

/**
 * SeqCounter numbers a device's messages: strictly increasing, starting at the unix
 * time in microseconds when the device started, so a restarted device never reuses
 * a recent number.
 */
export class SeqCounter {
  private last: number;
  constructor(nowMs: number) {
    this.last = Math.floor(nowMs) * 1000;
  }
  next(): number {
    this.last += 1;
    return this.last;
  }
}
