// The signaling envelope of intercomd's wire protocol v1 (docs/protocol.md; until it
// exists, the lead's brief): topics, validation and de-duplication. Pure: no MQTT here.

import { isEndReason, type EndReasonCode, type MediaFlags } from './types.js';

/** Topic prefix of protocol v1. */
export const TOPIC_PREFIX = 'intercom/v1';

/** Largest envelope a receiver accepts, in bytes. */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/** Message types on the wire (Go: call.MessageType's String forms). */
export type MessageType = 'invite' | 'ringing' | 'accept' | 'reject' | 'cancel' | 'hangup' | 'candidate' | 'open-door';

export const MESSAGE_TYPES: readonly MessageType[] = ['invite', 'ringing', 'accept', 'reject', 'cancel', 'hangup', 'candidate', 'open-door'];

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
}

/** What the call engine hands to its signaler: the signaler stamps v, from, fromDevice, seq and ts. */
export type Outgoing = Omit<Envelope, 'v' | 'from' | 'fromDevice' | 'seq' | 'ts'>;

const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** Ids the topic layout uses at the channel's level. */
export const RESERVED_CHANNELS: readonly string[] = ['ctl', 'state'];

const MAX_TTL_MS = 3_600_000;
const MAX_NAME_BYTES = 256;

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

/** The outcome of decoding one inbound message. */
export type DecodeResult = { ok: true; msg: Envelope } | { ok: false; reason: string };

/** Who is receiving: messages from this device or for another device of the user are dropped. */
export interface Receiver {
  userId: string;
  deviceId: string;
}

function fail(reason: string): DecodeResult {
  return { ok: false, reason };
}

function optionalString(o: Record<string, unknown>, k: string): boolean {
  return o[k] === undefined || o[k] === null || typeof o[k] === 'string';
}

/**
 * decodeEnvelope validates one inbound payload against the topic it arrived on.
 * It implements the receiver's drop rules of the protocol: invalid JSON, oversize,
 * unknown v or type, a missing field the type requires, bad ids, a topic/payload
 * mismatch, messages from this very device and messages for another device.
 * Duplicates are the Deduper's job.
 */
export function decodeEnvelope(topic: string, payload: string | Uint8Array, self: Receiver): DecodeResult {
  const size = typeof payload === 'string' ? new TextEncoder().encode(payload).length : payload.length;
  if (size > MAX_ENVELOPE_BYTES) return fail(`oversize: ${size} bytes > ${MAX_ENVELOPE_BYTES}`);
  const where = parseInboxTopic(topic);
  if (!where) return fail(`not an inbox topic: ${topic}`);
  let o: unknown;
  try {
    o = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch (e) {
    return fail(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return fail('not a JSON object');
  const m = o as Record<string, unknown>;
  if (m.v !== 1) return fail(`unknown protocol version ${JSON.stringify(m.v)}`);
  if (!(MESSAGE_TYPES as readonly unknown[]).includes(m.type)) return fail(`unknown type ${JSON.stringify(m.type)}`);
  const type = m.type as MessageType;
  for (const k of ['channel', 'call', 'from', 'fromDevice', 'to'] as const) {
    if (!isValidId(m[k])) return fail(`${type}: bad or missing ${k} ${JSON.stringify(m[k])}`);
  }
  for (const k of ['toDevice', 'acceptedBy'] as const) {
    if (m[k] !== undefined && m[k] !== null && m[k] !== '' && !isValidId(m[k])) return fail(`${type}: bad ${k} ${JSON.stringify(m[k])}`);
  }
  if (typeof m.seq !== 'number' || !Number.isSafeInteger(m.seq) || m.seq <= 0) return fail(`${type}: bad or missing seq`);
  if (m.ttl !== undefined && m.ttl !== null && (typeof m.ttl !== 'number' || !(m.ttl >= 0))) return fail(`${type}: bad ttl`);
  if (m.ts !== undefined && m.ts !== null && typeof m.ts !== 'number') return fail(`${type}: bad ts`);
  if (!optionalString(m, 'sdp') || !optionalString(m, 'name')) return fail(`${type}: sdp and name must be strings`);
  if (m.channel !== where.channel) return fail(`${type}: channel ${m.channel} does not match topic channel ${where.channel}`);
  if (m.to !== where.userId) return fail(`${type}: to ${m.to} does not match topic user ${where.userId}`);
  if (where.userId !== self.userId) return fail(`${type}: addressed to user ${where.userId}, not ${self.userId}`);
  if (m.fromDevice === self.deviceId) return fail(`${type}: from this device`);
  if (m.toDevice && m.toDevice !== self.deviceId) return fail(`${type}: for device ${m.toDevice}`);

  if (RESERVED_CHANNELS.includes(m.channel as string)) return fail(`${type}: channel ${m.channel} is reserved by the topic layout`);
  const rule = RULES[type];
  if (rule.toDevice && !m.toDevice) return fail(`${type}: missing toDevice`);
  if (m.ttl !== undefined && m.ttl !== null && (m.ttl as number) > MAX_TTL_MS) return fail(`${type}: ttl ${m.ttl} ms is over an hour`);
  if (rule.ttl && !m.ttl) return fail(`${type}: missing ttl (the ring timeout in ms)`);
  if (!rule.sdp && m.sdp) return fail(`${type}: sdp not allowed`);
  if (typeof m.name === 'string' && new TextEncoder().encode(m.name).length > MAX_NAME_BYTES) return fail(`${type}: name over ${MAX_NAME_BYTES} bytes`);
  if (rule.reasons.length === 0 && m.reason !== undefined && m.reason !== null && m.reason !== '') return fail(`${type}: reason not allowed`);
  if (rule.reasons.length > 0 && !rule.reasons.includes(m.reason as EndReasonCode)) {
    return fail(`${type}: bad or missing reason ${JSON.stringify(m.reason)}, want ${rule.reasons.join('|')}`);
  }
  const taken = type === 'cancel' && m.reason === 'taken';
  if (taken && !m.acceptedBy) return fail('cancel: missing acceptedBy (required with reason taken)');
  if (!taken && m.acceptedBy) return fail(`${type}: acceptedBy allowed only on cancel with reason taken`);
  switch (type) {
    case 'invite':
    case 'accept':
      if (typeof m.sdp !== 'string' || m.sdp === '') return fail(`${type}: missing sdp`);
      break;
    case 'candidate': {
      const c = m.candidate as Record<string, unknown> | undefined;
      if (typeof c !== 'object' || c === null || typeof c.candidate !== 'string') return fail('candidate: missing candidate');
      if (c.sdpMid !== undefined && c.sdpMid !== null && typeof c.sdpMid !== 'string') return fail('candidate: bad sdpMid');
      if (c.sdpMLineIndex !== undefined && c.sdpMLineIndex !== null &&
        (typeof c.sdpMLineIndex !== 'number' || !Number.isInteger(c.sdpMLineIndex) || c.sdpMLineIndex < 0)) {
        return fail('candidate: bad sdpMLineIndex');
      }
      break;
    }
  }
  if (m.media !== undefined && m.media !== null) {
    const md = m.media as Record<string, unknown>;
    if (typeof md !== 'object' || typeof md.audio !== 'boolean' || typeof md.video !== 'boolean') return fail(`${type}: bad media`);
  }

  const msg: Envelope = {
    v: 1,
    type,
    channel: m.channel as string,
    call: m.call as string,
    from: m.from as string,
    fromDevice: m.fromDevice as string,
    to: m.to as string,
    seq: m.seq,
  };
  if (m.toDevice) msg.toDevice = m.toDevice as string;
  if (typeof m.ttl === 'number') msg.ttl = m.ttl;
  if (typeof m.ts === 'number') msg.ts = m.ts;
  if (typeof m.sdp === 'string') msg.sdp = m.sdp;
  if (m.media) msg.media = { audio: (m.media as MediaFlags).audio, video: (m.media as MediaFlags).video };
  if (m.candidate && type === 'candidate') {
    const c = m.candidate as WireCandidate;
    msg.candidate = { candidate: c.candidate };
    if (typeof c.sdpMid === 'string') msg.candidate.sdpMid = c.sdpMid;
    if (typeof c.sdpMLineIndex === 'number') msg.candidate.sdpMLineIndex = c.sdpMLineIndex;
  }
  if (isEndReason(m.reason)) msg.reason = m.reason;
  if (m.acceptedBy) msg.acceptedBy = m.acceptedBy as string;
  if (typeof m.name === 'string') msg.name = m.name;
  return { ok: true, msg };
}

/**
 * Deduper remembers the last `capacity` (fromDevice, seq) pairs. MQTT clients re-send
 * unacknowledged QoS 1 messages after a reconnect, so the same message can arrive twice.
 */
export class Deduper {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 1024) {}

  /** seenBefore records the pair and reports whether it had been seen already. */
  seenBefore(fromDevice: string, seq: number): boolean {
    const key = `${fromDevice}\u0000${seq}`;
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
