/** Where the local side of a call stands (Go: call.Status). */
export type CallStatus = 'idle' | 'calling' | 'ringing' | 'connecting' | 'connected';
/** Who placed the call (Go: call.Direction). */
export type CallDirection = 'outgoing' | 'incoming';
/** RTCPeerConnectionState, plus 'none' while no peer connection exists. */
export type ConnectionState = 'none' | 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';
/** Why a call ended: the wire names of Go's call.EndReason (the seed SDK's endReasonCode). */
export type EndReasonCode = 'hangup' | 'rejected' | 'busy' | 'no-answer' | 'cancelled' | 'taken' | 'failed';
/** Every end reason, in Go's order. */
export declare const END_REASONS: readonly EndReasonCode[];
/** A sentence for people, the seed's endReasonMessage (same text as Go's EndReason.Message). */
export declare function endReasonMessage(code: EndReasonCode): string;
/** isEndReason reports whether s is a known wire name of an end reason. */
export declare function isEndReason(s: unknown): s is EndReasonCode;
/** What one side sends (Go: call.Constraints). A side always receives both kinds. */
export interface MediaFlags {
    audio: boolean;
    video: boolean;
}
/** Identifies a call; every call event carries these fields (Go: call.Info). */
export interface CallInfo {
    channelId: string;
    callId: string;
    callerId: string;
    calleeId: string;
    direction: CallDirection;
    /** The other party's user id (the seed's incoming event.userId). */
    userId: string;
    /** The other party's device once known. */
    peerDeviceId: string;
    /** The other party's display name, when it sent one. */
    peerName: string;
}
/** Fields every call event has besides the call info. */
export interface CallEventBase extends CallInfo {
    status: CallStatus;
    connectionState: ConnectionState;
}
/** incoming: a call arrived and is ringing here. */
export interface IncomingEvent extends CallEventBase {
    /** What the caller will send. */
    media: MediaFlags;
}
/** ringing: a device of the callee is alerting. */
export interface RingingEvent extends CallEventBase {
    deviceId: string;
}
/** connected: media flows. Shaped like an RTCTrackEvent, as in the seed. */
export interface ConnectedEvent extends CallEventBase {
    /** streams[0] holds every remote track (audio and video) of the call. */
    streams: MediaStream[];
    /** The remote video track, or the audio track when no video arrives; null if none. */
    track: MediaStreamTrack | null;
    /** Every remote track. */
    tracks: MediaStreamTrack[];
    receiver: RTCRtpReceiver | null;
    transceiver: RTCRtpTransceiver | null;
}
/** rejected, disconnected, ended, failed carry the reason. */
export interface EndedEvent extends CallEventBase {
    endReasonCode: EndReasonCode;
    endReasonMessage: string;
    /** Set on the call this side gave up in a glare: the call id that replaced it. */
    replacedBy?: string;
    /** failed: what broke, when known. */
    error?: IntercomError;
}
/** statuschanged: status or connection state changed. */
export interface StatusChangedEvent extends CallEventBase {
    previousStatus: CallStatus;
}
/** error: something the application should hear about; the call may go on. */
export interface ErrorEvent extends Partial<CallEventBase> {
    error: IntercomError;
    code: ErrorCode;
    message: string;
}
/** Event names and payloads of client.call. */
export interface CallEventMap {
    incoming: IncomingEvent;
    connected: ConnectedEvent;
    rejected: EndedEvent;
    disconnected: EndedEvent;
    statuschanged: StatusChangedEvent;
    error: ErrorEvent;
    ringing: RingingEvent;
    ended: EndedEvent;
    failed: EndedEvent;
}
export type CallEventName = keyof CallEventMap;
/** Every call event name (the seed's six, then the later additions), as Go's call.EventTypes. */
export declare const CALL_EVENT_NAMES: readonly CallEventName[];
/** Machine-readable error codes. */
export type ErrorCode = 'busy' | 'no-incoming-call' | 'no-call' | 'not-connected' | 'closed' | 'invalid-options' | 'insecure-context' | 'media-permission-denied' | 'media-not-found' | 'media-in-use' | 'media' | 'broker-unreachable' | 'broker' | 'peer' | 'signaling';
/** The SDK's error type: an Error with a code. */
export declare class IntercomError extends Error {
    readonly code: ErrorCode;
    readonly cause?: unknown;
    constructor(code: ErrorCode, message: string, cause?: unknown);
}
/** Turns a getUserMedia rejection into an IntercomError with a code and a clear message. */
export declare function mediaError(err: unknown): IntercomError;
