// Names shared by the whole SDK. They mirror package call on the Go side
// (call/types.go, call/event.go): the same statuses, end reasons and event names,
// spelled as they travel on the wire.

/** Where the local side of a call stands (Go: call.Status). */
export type CallStatus = 'idle' | 'calling' | 'ringing' | 'connecting' | 'connected';

/** Who placed the call (Go: call.Direction). */
export type CallDirection = 'outgoing' | 'incoming';

/** RTCPeerConnectionState, plus 'none' while no peer connection exists. */
export type ConnectionState = 'none' | 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/** Why a call ended: the wire names of Go's call.EndReason (the seed SDK's endReasonCode). */
export type EndReasonCode = 'hangup' | 'rejected' | 'busy' | 'no-answer' | 'cancelled' | 'taken' | 'failed';

/** Every end reason, in Go's order. */
export const END_REASONS: readonly EndReasonCode[] = ['hangup', 'rejected', 'busy', 'no-answer', 'cancelled', 'taken', 'failed'];

const endReasonMessages: Record<EndReasonCode, string> = {
  hangup: 'the call was ended',
  rejected: 'the call was declined',
  busy: 'the other side is in another call',
  'no-answer': 'nobody answered',
  cancelled: 'the caller hung up before the call was answered',
  taken: 'the call was answered on another device',
  failed: 'the connection failed',
};

/** A sentence for people, the seed's endReasonMessage (same text as Go's EndReason.Message). */
export function endReasonMessage(code: EndReasonCode): string {
  return endReasonMessages[code] ?? 'the call ended for an unknown reason';
}

/** isEndReason reports whether s is a known wire name of an end reason. */
export function isEndReason(s: unknown): s is EndReasonCode {
  return typeof s === 'string' && (END_REASONS as readonly string[]).includes(s);
}

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
export const CALL_EVENT_NAMES: readonly CallEventName[] = [
  'incoming', 'connected', 'rejected', 'disconnected', 'statuschanged', 'error', 'ringing', 'ended', 'failed',
];

/** Machine-readable error codes. */
export type ErrorCode =
  | 'busy' // makeCall while a call is in progress (Go: ErrBusy)
  | 'no-incoming-call' // acceptCall/rejectCall with nothing ringing (Go: ErrNoIncomingCall)
  | 'no-call' // endCall/openDoor with no call (Go: ErrNoCall)
  | 'not-connected' // openDoor before the call is connected
  | 'closed' // the client was closed (Go: ErrClosed)
  | 'invalid-options' // bad ids, calling oneself (Go: ErrInvalidOptions)
  | 'insecure-context' // navigator.mediaDevices missing: page not served over https or from localhost
  | 'media-permission-denied' // the user or the browser refused camera/microphone
  | 'media-not-found' // no camera/microphone matching the constraints
  | 'media-in-use' // the device exists but cannot be opened
  | 'media' // other getUserMedia failures
  | 'broker-unreachable' // the WebSocket to the MQTT broker could not be opened
  | 'broker' // the broker refused or dropped the connection
  | 'peer' // RTCPeerConnection failed (offer/answer/candidate)
  | 'signaling'; // an outgoing message could not be published

/** The SDK's error type: an Error with a code. */
export class IntercomError extends Error {
  readonly code: ErrorCode;
  override readonly cause?: unknown;
  constructor(code: ErrorCode, message: string, cause?: unknown) {
    super(message);
    this.name = 'IntercomError';
    this.code = code;
    this.cause = cause;
  }
}

/** Turns a getUserMedia rejection into an IntercomError with a code and a clear message. */
export function mediaError(err: unknown): IntercomError {
  if (err instanceof IntercomError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const detail = (err as { message?: string } | null)?.message ?? String(err);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new IntercomError('media-permission-denied',
        'camera/microphone permission was denied: allow it in the browser\'s site settings and try again', err);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new IntercomError('media-not-found', `no camera or microphone matches the request (${detail})`, err);
    case 'NotReadableError':
    case 'AbortError':
      return new IntercomError('media-in-use', `the camera or microphone could not be opened; another program may hold it (${detail})`, err);
  }
  return new IntercomError('media', `could not open camera/microphone: ${detail}`, err);
}
