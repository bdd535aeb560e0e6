// EnvelopeCodec is the signaling path between the call engine and the broker,
// without the broker: outgoing messages are stamped (from, fromDevice, seq, ts),
// validated, signed and encoded; incoming payloads are decoded, validated,
// authenticated and de-duplicated, in Go's order (mqttsignal onMessage), before
// the engine sees them. Every drop is counted by reason and logged.

import type { Clock } from './clock.js';
import type { Logger } from './engine.js';
import {
  DROP_REASONS,
  Deduper,
  MAX_ENVELOPE_BYTES,
  ROUTINE_DROPS,
  SeqCounter,
  decodeEnvelope,
  inboxTopic,
  validateEnvelope,
  type DropReason,
  type Envelope,
  type Outgoing,
} from './envelope.js';
import { Authenticator, formatPublicKey, publicKeyOf, signEnvelope, type SigningOptions } from './signing.js';
import { IntercomError } from './types.js';

/** What EnvelopeCodec needs. */
export interface CodecConfig {
  userId: string;
  deviceId: string;
  clock: Clock;
  logger: Logger;
  /** Sign what is sent and verify what arrives; absent: send unsigned, accept as Go does without Auth. */
  signing?: SigningOptions;
}

/** One encoded message, ready to publish (QoS 1, not retained). */
export interface Encoded {
  topic: string;
  payload: string;
  envelope: Envelope;
}

export class EnvelopeCodec {
  private readonly cfg: CodecConfig;
  private readonly seq: SeqCounter;
  private readonly dedupe = new Deduper();
  private readonly auth: Authenticator | null;
  private readonly drops = new Map<DropReason, number>();

  /** It throws an IntercomError when the signing options are unusable. */
  constructor(cfg: CodecConfig) {
    this.cfg = cfg;
    this.seq = new SeqCounter(cfg.clock.now());
    this.auth = cfg.signing ? new Authenticator(cfg.signing) : null;
    this.publicKey = cfg.signing ? formatPublicKey(publicKeyOf(cfg.signing.privateKey)) : '';
  }

  /** publicKey is this device's public key in text form ("ed25519:..."), or "" without signing. */
  readonly publicKey: string;

  /** authenticator is what verifies received envelopes, or null without signing. */
  get authenticator(): Authenticator | null {
    return this.auth;
  }

  /**
   * encode stamps, validates, signs and serializes m. It throws an IntercomError
   * ('signaling') for a message a receiver would drop.
   */
  encode(m: Outgoing): Encoded {
    const env = { v: 1, ...m, from: this.cfg.userId, fromDevice: this.cfg.deviceId, seq: this.seq.next(), ts: Math.floor(this.cfg.clock.now()) } as Envelope;
    for (const k of Object.keys(env) as (keyof Envelope)[]) {
      if (env[k] === undefined) delete env[k];
    }
    // Check what the receiver will parse, not the object: JSON drops undefined
    // members and turns a candidate's null sdpMid into an absent one.
    const check = validateEnvelope(JSON.parse(JSON.stringify(env)));
    if (!check.ok) throw new IntercomError('signaling', `intercom: refusing to send ${m.type}: ${check.reason} (${check.drop})`);
    const out = check.msg;
    if (this.cfg.signing) out.sig = signEnvelope(out, this.cfg.signing.privateKey);
    const payload = JSON.stringify(out);
    const size = new TextEncoder().encode(payload).length;
    if (size > MAX_ENVELOPE_BYTES) throw new IntercomError('signaling', `intercom: ${m.type} is ${size} bytes, over the ${MAX_ENVELOPE_BYTES}-byte limit; shorten the SDP or the name`);
    return { topic: inboxTopic(m.channel, m.to), payload, envelope: out };
  }

  /**
   * decode takes one payload from this user's inbox and returns the envelope the
   * engine may act on, or null when it was dropped (counted and logged).
   */
  decode(topic: string, payload: string | Uint8Array, retained = false): Envelope | null {
    if (retained) {
      // A retained invite would ring every device each time it reconnects.
      return this.drop('retained', `${topic}: signaling is never retained; clear it with an empty retained message`);
    }
    const r = decodeEnvelope(topic, payload, { userId: this.cfg.userId, deviceId: this.cfg.deviceId });
    if (!r.ok) return this.drop(r.drop, `${topic}: ${r.reason}`);
    const m = r.msg;
    // Verify before de-duplicating: forged envelopes must not take places in the
    // dedupe memory, or they could flush it and make room for a replay.
    const verdict = this.auth?.check(m, this.cfg.clock.now());
    if (verdict) return this.drop(verdict.drop, verdict.reason);
    if (this.dedupe.seenBefore(m.from, m.fromDevice, m.seq)) return this.drop('duplicate', `${m.type} ${m.fromDevice}#${m.seq}`);
    return m;
  }

  /** dropped returns how many payloads were dropped, per reason (every reason listed, zeros included). */
  dropped(): Record<DropReason, number> {
    const out = {} as Record<DropReason, number>;
    for (const r of DROP_REASONS) out[r] = this.drops.get(r) ?? 0;
    return out;
  }

  private drop(reason: DropReason, detail: string): null {
    this.drops.set(reason, (this.drops.get(reason) ?? 0) + 1);
    const line = `intercom: dropped (${reason}): ${detail}`;
    if (ROUTINE_DROPS.includes(reason)) this.cfg.logger.debug(line);
    else this.cfg.logger.warn(line);
    return null;
  }
}
