import type { Clock } from './clock.js';
import type { Logger } from './engine.js';
import { type DropReason, type Envelope, type Outgoing } from './envelope.js';
import { Authenticator, type SigningOptions } from './signing.js';
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
export declare class EnvelopeCodec {
    private readonly cfg;
    private readonly seq;
    private readonly dedupe;
    private readonly auth;
    private readonly drops;
    /** It throws an IntercomError when the signing options are unusable. */
    constructor(cfg: CodecConfig);
    /** publicKey is this device's public key in text form ("ed25519:..."), or "" without signing. */
    readonly publicKey: string;
    /** authenticator is what verifies received envelopes, or null without signing. */
    get authenticator(): Authenticator | null;
    /**
     * encode stamps, validates, signs and serializes m. It throws an IntercomError
     * ('signaling') for a message a receiver would drop.
     */
    encode(m: Outgoing): Encoded;
    /**
     * decode takes one payload from this user's inbox and returns the envelope the
     * engine may act on, or null when it was dropped (counted and logged).
     */
    decode(topic: string, payload: string | Uint8Array, retained?: boolean): Envelope | null;
    /** dropped returns how many payloads were dropped, per reason (every reason listed, zeros included). */
    dropped(): Record<DropReason, number>;
    private drop;
}
