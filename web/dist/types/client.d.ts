import { type IClientOptions } from 'mqtt';
import { type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import { type AcceptOptions, type Logger, type MakeCallOptions, type Timeouts } from './engine.js';
import { type DropReason } from './envelope.js';
import { Presence } from './presence.js';
import { type SigningOptions } from './signing.js';
import { IntercomError, type CallEventBase, type CallEventMap, type CallInfo, type CallStatus, type MediaFlags } from './types.js';
/** Options of IntercomClient.connect. */
export interface ConnectOptions {
    /** The broker's WebSocket URL: ws://host:1884 (wss:// on https pages). */
    url: string;
    /** This user's id (1-64 of A-Z a-z 0-9 _ . -). */
    userId: string;
    /** This device's id; default: userId plus a random suffix. Also the MQTT client id. */
    deviceId?: string;
    /** Display name others see (presence, invite, accept); default userId. */
    name?: string;
    /** Channels to join; calls and presence are per channel. */
    channels: string[];
    /** Broker user name; default userId when a password is given (the broker's ACL ties topics to it). */
    username?: string;
    password?: string;
    /** Presence kind; default "browser". */
    kind?: string;
    /** RTCConfiguration for the peer connections (ICE servers). */
    rtcConfiguration?: RTCConfiguration;
    /** Call timeouts in ms (ring 30000, connect 15000, disconnected 10000, restartAfter 1000, restartInterval 3000, busyGrace 500). */
    timeouts?: Partial<Timeouts>;
    /** How long the first connection may take before connect rejects (ms, default 10000). */
    connectTimeout?: number;
    /** Wait between reconnection attempts (ms, default 2000). */
    reconnectPeriod?: number;
    /** Where diagnostics go; default console. */
    logger?: Logger;
    /** Extra MQTT.js options, merged last. */
    mqttOptions?: Partial<IClientOptions>;
    /** getUserMedia replacement. */
    getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>;
    /** Time source (tests). */
    clock?: Clock;
    /**
     * Signed signaling (docs/security.md): this device's Ed25519 seed, the keys it
     * believes and whether it requires signatures. A station that requires them
     * drops this device's calls until its enrollmentLine is in the station's
     * trusted keys.
     */
    signing?: SigningOptions;
}
/** Broker link events of IntercomClient (client.on). */
export interface ClientEventMap {
    /** The broker connection is up (first connect and every reconnect). */
    online: {
        url: string;
    };
    /** The broker connection dropped; MQTT.js reconnects by itself. */
    offline: {
        url: string;
    };
    /** MQTT.js is trying again. */
    reconnecting: {
        url: string;
    };
    /** The broker reported an error (refused credentials, say). */
    error: {
        error: IntercomError;
    };
}
/** defaultDeviceId makes a device id for userId: "<userId>-web-<6 hex>". */
export declare function defaultDeviceId(userId: string): string;
/**
 * IntercomClient is one browser device of one user. Create it with
 * `await IntercomClient.connect({url, userId, channels})`; listen with
 * `client.call.on(name, handler)`; call with `client.makeCall(...)`.
 */
export declare class IntercomClient {
    /** The call events of the seed: incoming, connected, rejected, disconnected, statuschanged, error, ringing, ended, failed. */
    readonly call: Emitter<CallEventMap>;
    /** Who is online per channel. */
    readonly presence: Presence;
    readonly userId: string;
    readonly deviceId: string;
    readonly name: string;
    readonly channels: readonly string[];
    readonly url: string;
    private readonly events;
    private readonly engine;
    private readonly opts;
    private readonly log;
    private readonly clock;
    private readonly codec;
    private mqtt;
    private online;
    private closed;
    /** connect creates a client and resolves once the broker accepted it. */
    static connect(opts: ConnectOptions): Promise<IntercomClient>;
    /** The constructor validates options; call connect() to reach the broker. */
    constructor(opts: ConnectOptions);
    /** on subscribes to broker link events: online, offline, reconnecting, error. */
    on<K extends keyof ClientEventMap>(name: K, handler: (e: ClientEventMap[K]) => void): () => void;
    /** off removes a handler added with on. */
    off<K extends keyof ClientEventMap>(name: K, handler?: (e: ClientEventMap[K]) => void): void;
    /** connected reports whether the broker link is up now. */
    get connected(): boolean;
    /** connect opens the broker connection. It rejects if the first attempt fails. */
    connect(): Promise<void>;
    private unreachableMessage;
    private onConnect;
    private onMessage;
    /** checkOnline throws unless a publish would go out now. */
    private checkOnline;
    private publish;
    /** makeCall calls targetUserId on channelId; constraints default to {audio: true, video: true}. */
    makeCall(opts: MakeCallOptions): Promise<CallInfo>;
    /** acceptCall answers: acceptCall(), acceptCall({audio, video}) or acceptCall({mediaStream}). */
    acceptCall(opts?: AcceptOptions): Promise<void>;
    /** rejectCall declines the ringing call. */
    rejectCall(): void;
    /** endCall hangs up (or cancels, or rejects) the current call. */
    endCall(): void;
    /** openDoor asks the station of the connected call to pulse its door relay. */
    openDoor(): void;
    /** dropped counts the signaling payloads dropped so far, per reason (Go: mqttsignal Stats().Dropped). */
    dropped(): Record<DropReason, number>;
    /** publicKey is this device's signing key in text form ("ed25519:..."), or "" without signing. */
    get publicKey(): string;
    /** enrollmentLine is what enrolls this device on a station (`intercomd keys add '<line>'`), or "" without signing. */
    get enrollmentLine(): string;
    /** status is the current call status. */
    get status(): CallStatus;
    /** currentCall is the current call's info, or null. */
    get currentCall(): (CallEventBase & {
        media: MediaFlags;
    }) | null;
    /** localStream is what the current call sends (for a preview). */
    get localStream(): MediaStream | null;
    /** muteAudio mutes (true) or unmutes the microphone of the current call. */
    muteAudio(muted?: boolean): void;
    /** muteVideo stops (true) or resumes sending the camera picture. */
    muteVideo(muted?: boolean): void;
    /** audioMuted reports whether the microphone is muted (true when there is none). */
    get audioMuted(): boolean;
    /** close ends the call, announces this device offline and closes the broker connection. */
    close(): Promise<void>;
}
