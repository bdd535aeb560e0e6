import type { Envelope } from './envelope.js';
/** The text form of a public key starts with this (Go: trust.FormatPublicKey). */
export declare const KEY_PREFIX = "ed25519:";
/** Starts every signed byte string, so that a signature cannot be passed off as one over anything else. */
export declare const SIG_DOMAIN = "intercomd-signaling-v1\n";
/** How far an envelope's ts may be from this device's clock, either way (Go: mqttsignal.DefaultAuthWindow). */
export declare const DEFAULT_SIGNING_WINDOW_MS = 120000;
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
/** base64url is unpadded base64url, as Go's base64.RawURLEncoding writes it. */
export declare function base64url(b: Uint8Array): string;
/** fromBase64url reads unpadded base64url; null when s is not that. */
export declare function fromBase64url(s: string): Uint8Array | null;
/** generateSeed makes a new private key: 32 random bytes (crypto.getRandomValues works on http pages too). */
export declare function generateSeed(): Uint8Array;
/** publicKeyOf returns the 32-byte public key of a seed. */
export declare function publicKeyOf(seed: Uint8Array): Uint8Array;
/** formatPublicKey returns the text form: "ed25519:" and the key in unpadded base64url (Go: trust.FormatPublicKey). */
export declare function formatPublicKey(publicKey: Uint8Array): string;
/** parsePublicKey is the inverse of formatPublicKey; it throws an IntercomError naming the problem. */
export declare function parsePublicKey(s: string): Uint8Array;
/**
 * enrollmentLine is the line that enrolls a device on a station: "user device
 * ed25519:KEY", what `intercomd keys add` takes and the trusted-keys file holds.
 */
export declare function enrollmentLine(userId: string, deviceId: string, publicKey: string | Uint8Array, comment?: string): string;
/**
 * exportSeed writes a seed as a PEM "PRIVATE KEY" (PKCS #8), the form intercomd's
 * device.key and `openssl genpkey -algorithm ed25519` use (Go: trust.LoadKey).
 */
export declare function exportSeed(seed: Uint8Array): string;
/** importSeed reads what exportSeed writes (an Ed25519 PKCS #8 PEM); it throws an IntercomError naming the problem. */
export declare function importSeed(pem: string): Uint8Array;
/**
 * signedBytes is what a signature covers (Go: wire.signedBytes): SIG_DOMAIN, then
 * every field a receiver acts on as a netstring ("5:hello,", the length in UTF-8
 * bytes) in a fixed order. Absent optional fields are empty; present ones that
 * may legitimately be empty (candidate, sdpMid) carry a "+" prefix so the two
 * differ.
 */
export declare function signedBytes(e: Envelope): Uint8Array;
/** signEnvelope returns the "sig" of e made with seed (it ignores any sig e has). */
export declare function signEnvelope(e: Envelope, seed: Uint8Array): string;
/** Why the Authenticator dropped an envelope. */
export type AuthDrop = 'unsigned' | 'unknown-sender' | 'bad-signature' | 'stale';
/** The Authenticator's verdict: null lets the envelope through. */
export type AuthResult = null | {
    drop: AuthDrop;
    reason: string;
};
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
export declare class Authenticator {
    private readonly keys;
    readonly require: boolean;
    readonly windowMs: number;
    /** It throws an IntercomError naming the bad trusted entry. */
    constructor(opts: Pick<SigningOptions, 'trusted' | 'require' | 'windowMs'>);
    /** trusts reports whether publicKey (text form) is the key enrolled for userId/deviceId. */
    trusts(userId: string, deviceId: string, publicKey: string): boolean;
    /** check applies the rules to e, received at nowMs. */
    check(e: Envelope, nowMs: number): AuthResult;
}
