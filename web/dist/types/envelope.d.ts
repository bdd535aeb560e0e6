import { type EndReasonCode, type MediaFlags } from './types.js';
/** Topic prefix of protocol v1. */
export declare const TOPIC_PREFIX = "intercom/v1";
/** Largest envelope a receiver accepts, in bytes. */
export declare const MAX_ENVELOPE_BYTES: number;
/** Message types on the wire (Go: call.MessageType's String forms). */
export type MessageType = 'invite' | 'ringing' | 'accept' | 'reject' | 'cancel' | 'hangup' | 'candidate' | 'open-door' | 'reoffer' | 'reanswer';
export declare const MESSAGE_TYPES: readonly MessageType[];
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
/** Ids the topic layout uses at the channel's level (Go: mqttsignal/topic.go reservedChannels). */
export declare const RESERVED_CHANNELS: readonly string[];
/** isValidChannel: a valid id that the topic layout does not reserve. */
export declare function isValidChannel(s: unknown): s is string;
/** The longest display name (UTF-8 bytes) an envelope may carry. */
export declare const MAX_NAME_BYTES = 256;
/** How many (from, fromDevice, seq) triples the dedupe memory keeps: Go's and docs/security.md's 4096. */
export declare const DEDUPE_CAPACITY = 4096;
/**
 * What each type requires beyond the common fields, and the reasons it may carry:
 * the same table as the Go receiver (mqttsignal), so neither side sends what the
 * other drops.
 */
export declare const RULES: Record<MessageType, {
    sdp: boolean;
    ttl: boolean;
    toDevice: boolean;
    reasons: readonly EndReasonCode[];
}>;
/** isValidId reports whether s is a valid channel, user, device or call id. */
export declare function isValidId(s: unknown): s is string;
/** inboxTopic is the signaling inbox of userId on channel. */
export declare function inboxTopic(channel: string, userId: string): string;
/** presenceTopic is where deviceId of userId announces itself on channel (retained). */
export declare function presenceTopic(channel: string, userId: string, deviceId: string): string;
/** presenceFilter matches every presence topic of channel. */
export declare function presenceFilter(channel: string): string;
/** ctlTopic drives one running intercomd (used by tests and tools, not by the call engine). */
export declare function ctlTopic(deviceId: string): string;
/** Parses an inbox topic into its channel and user, or null. */
export declare function parseInboxTopic(topic: string): {
    channel: string;
    userId: string;
} | null;
/** Parses a presence topic, or null. */
export declare function parsePresenceTopic(topic: string): {
    channel: string;
    userId: string;
    deviceId: string;
} | null;
/**
 * Why a payload was dropped: the names of Go's mqttsignal.DropReason, as in its
 * logs and Stats (docs/protocol.md, "Validation and drop rules").
 */
export type DropReason = 'invalid-json' | 'oversize' | 'version' | 'type' | 'missing-field' | 'bad-id' | 'bad-value' | 'topic-mismatch' | 'own-device' | 'other-device' | 'duplicate' | 'retained' | 'unsigned' | 'unknown-sender' | 'bad-signature' | 'stale';
/** Every drop reason, in Go's order. */
export declare const DROP_REASONS: readonly DropReason[];
/** Drops that happen in normal operation (several devices, redelivery): logged at debug, not warn. */
export declare const ROUTINE_DROPS: readonly DropReason[];
/** The outcome of decoding one inbound message. */
export type DecodeResult = {
    ok: true;
    msg: Envelope;
} | {
    ok: false;
    drop: DropReason;
    reason: string;
};
/** Who is receiving: messages from this device or for another device of the user are dropped. */
export interface Receiver {
    userId: string;
    deviceId: string;
}
/** isWellFormed reports whether s has a UTF-8 form (no lone surrogates). */
export declare function isWellFormed(s: string): boolean;
/**
 * validateEnvelope applies the content rules of the protocol (everything but the
 * topic and the receiver) to one parsed JSON value, and returns the envelope it
 * holds. Receivers and senders share it, so that a sender refuses what a
 * receiver would drop (Go: wire.message).
 */
export declare function validateEnvelope(o: unknown): DecodeResult;
/**
 * decodeEnvelope validates one inbound payload against the topic it arrived on.
 * It implements the receiver's drop rules of the protocol: invalid JSON, oversize,
 * unknown v or type, a missing field the type requires, bad ids, a topic/payload
 * mismatch, messages from this very device and messages for another device.
 * Duplicates are the Deduper's job, signatures the Authenticator's (signing.ts).
 */
export declare function decodeEnvelope(topic: string, payload: string | Uint8Array, self: Receiver): DecodeResult;
/**
 * Deduper remembers the last `capacity` (from, fromDevice, seq) triples. MQTT clients
 * re-send unacknowledged QoS 1 messages after a reconnect, so the same message can
 * arrive twice. The user is part of the key: two users' devices may share a name.
 */
export declare class Deduper {
    private readonly capacity;
    private readonly seen;
    constructor(capacity?: number);
    /** seenBefore records the triple and reports whether it had been seen already. */
    seenBefore(from: string, fromDevice: string, seq: number): boolean;
}
/**
 * SeqCounter numbers a device's messages: strictly increasing, starting at the unix
 * time in microseconds when the device started, so a restarted device never reuses
 * a recent number.
 */
export declare class SeqCounter {
    private last;
    constructor(nowMs: number);
    next(): number;
}
