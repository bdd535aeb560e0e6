import type { Clock } from './clock.js';
import { Emitter } from './emitter.js';
import { type Envelope, type Outgoing, type WireCandidate } from './envelope.js';
import { IntercomError, type CallEventBase, type CallEventMap, type CallInfo, type CallStatus, type ConnectionState, type ErrorCode, type MediaFlags } from './types.js';
/** What a call sends: constraints for getUserMedia, or a stream the application already holds. */
export type LocalMedia = {
    constraints: MediaStreamConstraints;
} | {
    stream: MediaStream;
};
/** The remote side of a connected call, shaped like an RTCTrackEvent. */
export interface RemoteMedia {
    streams: MediaStream[];
    track: MediaStreamTrack | null;
    tracks: MediaStreamTrack[];
    receiver: RTCRtpReceiver | null;
    transceiver: RTCRtpTransceiver | null;
}
/** What a CallPeer reports to the engine. Callbacks never throw. */
export interface PeerEvents {
    /** A local ICE candidate to trickle; candidate "" is the end of candidates. */
    candidate(c: WireCandidate): void;
    /** The RTCPeerConnection's connectionState changed (or its iceConnectionState went disconnected). */
    state(s: ConnectionState): void;
    /** Something failed asynchronously. */
    error(err: IntercomError): void;
}
/** CallPeer is the WebRTC side of one call (BrowserPeer in the browser, a fake in tests). */
export interface CallPeer {
    /** offer acquires local media, creates an offer, sets it locally and returns its SDP. */
    offer(): Promise<string>;
    /** answer applies the remote offer, acquires local media, creates and sets the answer. */
    answer(offerSdp: string): Promise<string>;
    /** setAnswer applies the remote answer to our offer (the accept's, or a reanswer's). */
    setAnswer(answerSdp: string): Promise<void>;
    /** restartOffer creates an ICE-restart offer on the established connection, sets it locally and returns its SDP. */
    restartOffer(): Promise<string>;
    /** reanswer applies the other side's ICE-restart offer, creates and sets the answer and returns its SDP. */
    reanswer(offerSdp: string): Promise<string>;
    /** addCandidate adds a remote candidate; the engine calls it only once the remote description is set. */
    addCandidate(c: WireCandidate): Promise<void>;
    /** remoteMedia returns the remote tracks received so far. */
    remoteMedia(): RemoteMedia;
    /** localStream returns the media this side sends, once acquired. */
    localStream(): MediaStream | null;
    /** mediaFlags says which kinds this side sends (known after offer/answer). */
    mediaFlags(): MediaFlags;
    /** close tears the connection down and stops the media the peer acquired itself. */
    close(): void;
}
/** PeerFactory creates one CallPeer per call. */
export interface PeerFactory {
    create(opts: {
        callId: string;
        media: LocalMedia;
        events: PeerEvents;
    }): CallPeer;
}
/** Signaler carries messages to other users. send throws an IntercomError when it cannot. */
export interface Signaler {
    send(m: Outgoing): void;
    /** ready throws the IntercomError send would throw now (the broker is down, say); optional. */
    ready?(): void;
}
/** Logger receives the engine's diagnostics (console by default). */
export interface Logger {
    debug(...args: unknown[]): void;
    info(...args: unknown[]): void;
    warn(...args: unknown[]): void;
}
/** Timeouts of the call flows, in milliseconds. */
export interface Timeouts {
    /** ring: an outgoing call not answered by then is cancelled with no-answer (30 s). */
    ring: number;
    /** connect: a call not connected this long after the answer fails (15 s). */
    connect: number;
    /** disconnected: a connection disconnected this long fails (10 s: room for an ICE restart). */
    disconnected: number;
    /** restartAfter: the caller restarts ICE once the connection has been disconnected this long (1 s). */
    restartAfter: number;
    /** restartInterval: another restart only if still not connected this long after the previous reanswer (3 s). */
    restartInterval: number;
    /** busyGrace: a busy reject ends the call only if no device rang within it (500 ms). */
    busyGrace: number;
    /** inviteGrace: a ringing invite ends by itself at its ttl plus this (2 s). */
    inviteGrace: number;
}
export declare const DEFAULT_TIMEOUTS: Timeouts;
/** EngineConfig wires a CallEngine. */
export interface EngineConfig {
    userId: string;
    deviceId: string;
    /** Display name sent with invite and accept. */
    name?: string;
    clock: Clock;
    signaler: Signaler;
    peers: PeerFactory;
    /** newCallId returns a fresh call id (16 random hex characters). */
    newCallId: () => string;
    timeouts?: Partial<Timeouts>;
    logger?: Logger;
}
/** Options of makeCall, as in the seed. */
export interface MakeCallOptions {
    channelId: string;
    targetUserId: string;
    /** MediaStreamConstraints for getUserMedia; default {audio: true, video: true}. */
    constraints?: MediaStreamConstraints;
    /** Send this stream instead of calling getUserMedia. */
    mediaStream?: MediaStream;
}
/** The seed's acceptCall argument: constraints, or {mediaStream}. */
export type AcceptOptions = MediaStreamConstraints | {
    mediaStream: MediaStream;
};
/** Default constraints of makeCall and acceptCall. */
export declare const DEFAULT_CONSTRAINTS: MediaStreamConstraints;
/** acceptMedia turns the seed's acceptCall argument into LocalMedia. */
export declare function acceptMedia(opts?: AcceptOptions): LocalMedia;
/**
 * CallEngine holds at most one call and runs its flows. Its events are the seed's:
 * subscribe with engine.events.on(name, handler).
 */
export declare class CallEngine {
    readonly events: Emitter<CallEventMap>;
    private readonly cfg;
    private readonly t;
    private readonly log;
    private call;
    private readonly finished;
    private closed;
    constructor(cfg: EngineConfig);
    /** status is the current call status ('idle' without a call). */
    get status(): CallStatus;
    /** current returns the current call's info and state, or null. */
    get current(): (CallEventBase & {
        media: MediaFlags;
    }) | null;
    /** localStream is the media the current call sends, once acquired. */
    get localStream(): MediaStream | null;
    /** makeCall places a call; it resolves once the invite is sent. */
    makeCall(opts: MakeCallOptions): Promise<CallInfo>;
    /** acceptCall answers the ringing call. A media failure leaves it ringing, so the user can retry (say, without a microphone). */
    acceptCall(opts?: AcceptOptions): Promise<void>;
    /** rejectCall declines the ringing call. */
    rejectCall(): void;
    /** endCall hangs up: cancels an unanswered outgoing call, rejects a ringing one, ends an answered one. */
    endCall(): void;
    /** openDoor asks the station on the other side of the connected call to pulse its door relay. */
    openDoor(): void;
    /**
     * restartIce sends an ICE restart (reoffer) now, whatever the connection's state:
     * for an application that knows the network changed, and for the browser tests.
     * Only the caller's side of an answered call restarts, one reoffer at a time; it
     * returns false (and does nothing) otherwise. Disconnections restart by themselves.
     */
    restartIce(): boolean;
    /** close ends the current call (cancel or hang up; a ringing call just stops here) and refuses further use. */
    close(): void;
    /** handleMessage takes one validated, de-duplicated envelope addressed to this device. */
    handleMessage(m: Envelope): void;
    private onInvite;
    private ring;
    private accept;
    private hangUp;
    private onOutgoingMessage;
    private onAccept;
    private onIncomingMessage;
    private onRemoteCandidate;
    private addCandidate;
    private flushRemoteCandidates;
    private flushLocalCandidates;
    private sendCandidate;
    private onRingTimeout;
    private onConnectTimeout;
    /** fail ends an answered call whose media could not be set up or broke, telling the peer. */
    private fail;
    private createPeer;
    private onPeerState;
    /** canRestart: the caller's side of an answered call whose answer has been applied and that has connected once. */
    private canRestart;
    private scheduleRestart;
    private sendReoffer;
    /** onReanswer (caller): the answer to our reoffer, or a stale one. */
    private onReanswer;
    /** onReoffer (callee): the caller restarts ICE; onIncomingMessage has checked that m is from the call's peer device. */
    private onReoffer;
    private newCall;
    /** end finishes call with reason and emits, in order: rejected/failed/disconnected, statuschanged(idle), ended. */
    private end;
    private setStatus;
    private emitStatus;
    private emitError;
    private emit;
    private base;
    /** sendToPeer sends to the other party's device (the caller's, or the one that answered). */
    private sendToPeer;
    private trySend;
    /** sendError sends m and returns null, or the error it could not be sent with (logged, and emitted on call). */
    private sendError;
    private trySendRaw;
    private checkOpen;
}
/** randomCallId returns 16 random hex characters, the protocol's call id. */
export declare function randomCallId(): string;
/** Re-exported for tests and the client. */
export type { ErrorCode };
