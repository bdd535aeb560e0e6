// CallEngine is the browser side of intercomd's call state machine: the same flows
// as Go's package call (call, reject, cancel, no answer, busy with a grace period,
// glare, taken, connect and disconnect timeouts, ICE restart). It is pure: it talks to the
// network through a Signaler, to WebRTC through a PeerFactory and to time through a
// Clock, all injected, so unit tests drive it with fakes.

import type { Clock, Timer } from './clock.js';
import { Emitter } from './emitter.js';
import { RESERVED_CHANNELS, isValidId, type Envelope, type Outgoing, type WireCandidate } from './envelope.js';
import {
  IntercomError,
  endReasonMessage,
  mediaError,
  type CallEventBase,
  type CallEventMap,
  type CallEventName,
  type CallInfo,
  type CallStatus,
  type ConnectionState,
  type EndReasonCode,
  type EndedEvent,
  type ErrorCode,
  type MediaFlags,
} from './types.js';

/** What a call sends: constraints for getUserMedia, or a stream the application already holds. */
export type LocalMedia = { constraints: MediaStreamConstraints } | { stream: MediaStream };

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
  create(opts: { callId: string; media: LocalMedia; events: PeerEvents }): CallPeer;
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

export const DEFAULT_TIMEOUTS: Timeouts = {
  ring: 30_000, connect: 15_000, disconnected: 10_000, restartAfter: 1_000, restartInterval: 3_000, busyGrace: 500, inviteGrace: 2_000,
};

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
export type AcceptOptions = MediaStreamConstraints | { mediaStream: MediaStream };

/** Default constraints of makeCall and acceptCall. */
export const DEFAULT_CONSTRAINTS: MediaStreamConstraints = { audio: true, video: true };

interface Call {
  info: CallInfo;
  status: CallStatus;
  connectionState: ConnectionState;
  peer: CallPeer | null;
  media: LocalMedia;
  /** incoming: the caller's offer and what it sends. */
  offer: string;
  remoteFlags: MediaFlags;
  remoteSet: boolean;
  remoteCandidates: { fromDevice: string; c: WireCandidate }[];
  localCandidates: WireCandidate[];
  /** Our invite (outgoing) or accept (incoming) has been sent: candidates may follow. */
  signaled: boolean;
  accepting: boolean;
  acceptedBy: string;
  ringingDevices: Set<string>;
  timers: { ring?: Timer; connect?: Timer; disconnected?: Timer; grace?: Timer; restart?: Timer };
  /**
   * ICE restart (caller only): 'offering' while the restart offer is made, 'awaiting'
   * once the reoffer is out until its reanswer arrives: at most one outstanding.
   */
  restart: 'idle' | 'offering' | 'awaiting';
  /** How many reoffers this call sent (caller) or answered (callee); for the logs. */
  restarts: number;
  /** Serializes the callee's reanswers, so two reoffers are answered in order. */
  renegotiation: Promise<void>;
  /** Reoffers received and not answered yet (callee): candidates wait meanwhile. */
  reanswering: number;
  /** The connection reached connected at least once: ICE restarts only then, as Go's call. */
  everConnected: boolean;
  ended: boolean;
}

const MAX_BUFFERED_CANDIDATES = 256;
const FINISHED_MEMORY = 256;

function flagsOf(media: LocalMedia): MediaFlags {
  if ('stream' in media) {
    return {
      audio: media.stream.getAudioTracks().length > 0,
      video: media.stream.getVideoTracks().length > 0,
    };
  }
  return { audio: !!media.constraints.audio, video: !!media.constraints.video };
}

/** acceptMedia turns the seed's acceptCall argument into LocalMedia. */
export function acceptMedia(opts?: AcceptOptions): LocalMedia {
  if (opts && 'mediaStream' in opts && opts.mediaStream) return { stream: opts.mediaStream };
  if (!opts || (opts as MediaStreamConstraints).audio === undefined && (opts as MediaStreamConstraints).video === undefined) {
    return { constraints: { ...DEFAULT_CONSTRAINTS } };
  }
  return { constraints: opts as MediaStreamConstraints };
}

/**
 * CallEngine holds at most one call and runs its flows. Its events are the seed's:
 * subscribe with engine.events.on(name, handler).
 */
export class CallEngine {
  readonly events = new Emitter<CallEventMap>();
  private readonly cfg: EngineConfig;
  private readonly t: Timeouts;
  private readonly log: Logger;
  private call: Call | null = null;
  private readonly finished = new Set<string>();
  private closed = false;

  constructor(cfg: EngineConfig) {
    if (!isValidId(cfg.userId)) throw new IntercomError('invalid-options', `intercom: bad userId ${JSON.stringify(cfg.userId)}: use 1-64 of A-Z a-z 0-9 _ . -`);
    if (!isValidId(cfg.deviceId)) throw new IntercomError('invalid-options', `intercom: bad deviceId ${JSON.stringify(cfg.deviceId)}: use 1-64 of A-Z a-z 0-9 _ . -`);
    this.cfg = cfg;
    this.t = { ...DEFAULT_TIMEOUTS, ...cfg.timeouts };
    this.log = cfg.logger ?? console;
  }

  /** status is the current call status ('idle' without a call). */
  get status(): CallStatus {
    return this.call?.status ?? 'idle';
  }

  /** current returns the current call's info and state, or null. */
  get current(): (CallEventBase & { media: MediaFlags }) | null {
    const c = this.call;
    if (!c) return null;
    return { ...this.base(c), media: c.remoteFlags };
  }

  /** localStream is the media the current call sends, once acquired. */
  get localStream(): MediaStream | null {
    return this.call?.peer?.localStream() ?? null;
  }

  /** makeCall places a call; it resolves once the invite is sent. */
  async makeCall(opts: MakeCallOptions): Promise<CallInfo> {
    this.checkOpen();
    if (!opts || !isValidId(opts.channelId) || !isValidId(opts.targetUserId)) {
      throw new IntercomError('invalid-options', `intercom: makeCall needs a valid channelId and targetUserId (1-64 of A-Z a-z 0-9 _ . -), got ${JSON.stringify({ channelId: opts?.channelId, targetUserId: opts?.targetUserId })}`);
    }
    if (RESERVED_CHANNELS.includes(opts.channelId)) {
      throw new IntercomError('invalid-options', `intercom: channel ${JSON.stringify(opts.channelId)} is reserved by the topic layout (${RESERVED_CHANNELS.join(', ')}); pick another channel id`);
    }
    if (opts.targetUserId === this.cfg.userId) throw new IntercomError('invalid-options', 'intercom: cannot call oneself');
    const media: LocalMedia = opts.mediaStream ? { stream: opts.mediaStream } : { constraints: opts.constraints ?? { ...DEFAULT_CONSTRAINTS } };
    const cur = this.call;
    if (cur && cur.info.direction === 'incoming' && cur.status === 'ringing' && !cur.accepting &&
        cur.info.callerId === opts.targetUserId && cur.info.channelId === opts.channelId) {
      // The late half of glare: their invite got here first. We meant to talk
      // to exactly them, so answer their call with the media we meant to send.
      await this.accept(cur, media);
      return { ...cur.info };
    }
    if (cur) throw new IntercomError('busy', `intercom: a call is already in progress (${cur.status}); end it before placing another`);
    // Offline: refuse now, before the microphone is asked for, rather than leave
    // an invite queued that could ring the door much later (Go: ErrOffline).
    this.cfg.signaler.ready?.();
    const call = this.newCall({
      channelId: opts.channelId,
      callId: this.cfg.newCallId(),
      callerId: this.cfg.userId,
      calleeId: opts.targetUserId,
      direction: 'outgoing',
      userId: opts.targetUserId,
      peerDeviceId: '',
      peerName: '',
    }, media);
    this.call = call;
    this.setStatus(call, 'calling');
    const peer = this.createPeer(call, media);
    let sdp: string;
    try {
      sdp = await peer.offer();
    } catch (e) {
      if (call.ended) return { ...call.info };
      const err = e instanceof IntercomError ? e : mediaError(e);
      this.emitError(call, err);
      this.end(call, 'failed', { error: err });
      throw err;
    }
    if (call.ended) return { ...call.info };
    const notSent = this.sendError(call, {
      type: 'invite', channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId,
      sdp, media: peer.mediaFlags(), ttl: this.t.ring, ...(this.cfg.name ? { name: this.cfg.name } : {}),
    });
    if (notSent) {
      // The signaler's own error says why (offline, naming the broker).
      this.end(call, 'failed', { error: notSent });
      throw notSent;
    }
    call.signaled = true;
    this.flushLocalCandidates(call);
    call.timers.ring = this.cfg.clock.after(this.t.ring, () => this.onRingTimeout(call));
    return { ...call.info };
  }

  /** acceptCall answers the ringing call. A media failure leaves it ringing, so the user can retry (say, without a microphone). */
  async acceptCall(opts?: AcceptOptions): Promise<void> {
    this.checkOpen();
    const call = this.call;
    if (!call || call.info.direction !== 'incoming' || call.status !== 'ringing' || call.accepting) {
      throw new IntercomError('no-incoming-call', 'intercom: no incoming call is ringing');
    }
    await this.accept(call, acceptMedia(opts));
  }

  /** rejectCall declines the ringing call. */
  rejectCall(): void {
    this.checkOpen();
    const call = this.call;
    if (!call || call.info.direction !== 'incoming' || call.status !== 'ringing') {
      throw new IntercomError('no-incoming-call', 'intercom: no incoming call is ringing');
    }
    this.sendToPeer(call, { type: 'reject', reason: 'rejected' });
    this.end(call, 'rejected');
  }

  /** endCall hangs up: cancels an unanswered outgoing call, rejects a ringing one, ends an answered one. */
  endCall(): void {
    this.checkOpen();
    const call = this.call;
    if (!call) throw new IntercomError('no-call', 'intercom: no call in progress');
    this.hangUp(call);
  }

  /** openDoor asks the station on the other side of the connected call to pulse its door relay. */
  openDoor(): void {
    this.checkOpen();
    const call = this.call;
    if (!call) throw new IntercomError('no-call', 'intercom: no call in progress');
    if (call.status !== 'connected') throw new IntercomError('not-connected', `intercom: the door can be opened only during a connected call (status ${call.status})`);
    if (!this.sendToPeer(call, { type: 'open-door' })) {
      throw new IntercomError('signaling', 'intercom: could not send open-door: is the broker connected?');
    }
  }

  /**
   * restartIce sends an ICE restart (reoffer) now, whatever the connection's state:
   * for an application that knows the network changed, and for the browser tests.
   * Only the caller's side of an answered call restarts, one reoffer at a time; it
   * returns false (and does nothing) otherwise. Disconnections restart by themselves.
   */
  restartIce(): boolean {
    this.checkOpen();
    const call = this.call;
    if (!call || !this.canRestart(call) || call.restart !== 'idle') return false;
    call.timers.restart?.stop();
    call.timers.restart = undefined;
    this.sendReoffer(call, true);
    return true;
  }

  /** close ends the current call (cancel or hang up; a ringing call just stops here) and refuses further use. */
  close(): void {
    if (this.closed) return;
    const call = this.call;
    if (call) {
      if (call.info.direction === 'incoming' && call.status === 'ringing') this.end(call, 'cancelled');
      else this.hangUp(call);
    }
    this.closed = true;
  }

  /** handleMessage takes one validated, de-duplicated envelope addressed to this device. */
  handleMessage(m: Envelope): void {
    if (this.closed) return;
    if (this.finished.has(m.call)) {
      this.log.debug(`intercom: drop ${m.type} from ${m.fromDevice}: call ${m.call} is finished`);
      return;
    }
    if (m.type === 'invite') {
      this.onInvite(m);
      return;
    }
    const call = this.call;
    if (!call || call.info.callId !== m.call || call.info.channelId !== m.channel) {
      this.log.debug(`intercom: drop ${m.type} from ${m.fromDevice}: not the current call (${m.call})`);
      return;
    }
    if (m.from !== call.info.userId) {
      this.log.warn(`intercom: drop ${m.type}: from ${m.from}, but call ${m.call} is with ${call.info.userId}`);
      return;
    }
    if (call.info.direction === 'outgoing') this.onOutgoingMessage(call, m);
    else this.onIncomingMessage(call, m);
  }

  // --- flows -------------------------------------------------------------

  private onInvite(m: Envelope): void {
    const cur = this.call;
    if (cur && cur.info.callId === m.call) return; // the same invite again
    if (!cur) {
      this.ring(m, true);
      return;
    }
    const glare = cur.info.direction === 'outgoing' && cur.status === 'calling' && !cur.acceptedBy &&
      cur.info.calleeId === m.from && cur.info.channelId === m.channel;
    if (!glare) {
      this.log.info(`intercom: busy: reject invite ${m.call} from ${m.from}/${m.fromDevice}`);
      this.trySendRaw({ type: 'reject', reason: 'busy', channel: m.channel, call: m.call, to: m.from, toDevice: m.fromDevice });
      return;
    }
    if (cur.info.callId < m.call) {
      // Our call has the lower id and wins; the other side cancels its call and accepts ours.
      this.log.info(`intercom: glare with ${m.from}: our call ${cur.info.callId} wins over ${m.call}`);
      return;
    }
    // Our call lost: cancel it and answer theirs, with the media we meant to send.
    this.log.info(`intercom: glare with ${m.from}: their call ${m.call} wins over ours ${cur.info.callId}`);
    this.trySend(cur, { type: 'cancel', reason: 'cancelled', channel: cur.info.channelId, call: cur.info.callId, to: cur.info.calleeId });
    const media = cur.media;
    this.end(cur, 'cancelled', { replacedBy: m.call });
    const call = this.ring(m, false);
    this.accept(call, media).catch((err: IntercomError) => {
      // Could not answer by ourselves (no microphone, say): let the user decide.
      if (!call.ended && call.status === 'ringing') this.emit('incoming', { ...this.base(call), media: call.remoteFlags });
      this.log.warn('intercom: glare: automatic answer failed', err);
    });
  }

  private ring(m: Envelope, announce: boolean): Call {
    const call = this.newCall({
      channelId: m.channel,
      callId: m.call,
      callerId: m.from,
      calleeId: this.cfg.userId,
      direction: 'incoming',
      userId: m.from,
      peerDeviceId: m.fromDevice,
      peerName: m.name ?? '',
    }, { constraints: { ...DEFAULT_CONSTRAINTS } });
    call.offer = m.sdp ?? '';
    call.remoteFlags = m.media ?? { audio: true, video: true };
    this.call = call;
    if (announce) this.sendToPeer(call, { type: 'ringing' });
    // The invite's ttl, capped at our ring timeout: a caller cannot keep us ringing for an hour (Go's call.ring).
    const ttl = typeof m.ttl === 'number' && m.ttl > 0 && m.ttl <= this.t.ring ? m.ttl : this.t.ring;
    call.timers.ring = this.cfg.clock.after(ttl + this.t.inviteGrace, () => {
      if (!call.ended && call.status === 'ringing') this.end(call, 'no-answer');
    });
    this.setStatus(call, 'ringing');
    if (announce) this.emit('incoming', { ...this.base(call), media: call.remoteFlags });
    return call;
  }

  private async accept(call: Call, media: LocalMedia): Promise<void> {
    call.accepting = true;
    call.media = media;
    const peer = this.createPeer(call, media);
    let sdp: string;
    try {
      sdp = await peer.answer(call.offer);
    } catch (e) {
      if (call.ended) return;
      call.accepting = false;
      peer.close();
      call.peer = null;
      const err = e instanceof IntercomError ? e : mediaError(e);
      this.emitError(call, err);
      if (err.code === 'peer') {
        // The offer itself is unusable here. Say nothing: another device of this
        // user may still answer it, and reject carries only rejected or busy.
        this.end(call, 'failed', { error: err });
      }
      throw err;
    }
    if (call.ended) return;
    call.accepting = false;
    call.remoteSet = true;
    call.timers.ring?.stop();
    if (!this.sendToPeer(call, { type: 'accept', sdp, media: peer.mediaFlags(), ...(this.cfg.name ? { name: this.cfg.name } : {}) })) {
      const err = new IntercomError('signaling', 'intercom: could not send the answer: is the broker connected?');
      this.emitError(call, err);
      this.end(call, 'failed', { error: err });
      throw err;
    }
    call.signaled = true;
    this.setStatus(call, 'connecting');
    call.timers.connect = this.cfg.clock.after(this.t.connect, () => this.onConnectTimeout(call));
    this.flushRemoteCandidates(call);
    this.flushLocalCandidates(call);
  }

  private hangUp(call: Call): void {
    if (call.info.direction === 'outgoing' && call.status === 'calling') {
      this.trySend(call, { type: 'cancel', reason: 'cancelled', channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
      this.end(call, 'cancelled');
      return;
    }
    if (call.info.direction === 'incoming' && call.status === 'ringing') {
      this.sendToPeer(call, { type: 'reject', reason: 'rejected' });
      this.end(call, 'rejected');
      return;
    }
    this.sendToPeer(call, { type: 'hangup', reason: 'hangup' });
    this.end(call, 'hangup');
  }

  private onOutgoingMessage(call: Call, m: Envelope): void {
    switch (m.type) {
      case 'ringing':
        if (call.status !== 'calling' || call.acceptedBy || call.ringingDevices.has(m.fromDevice)) return;
        call.ringingDevices.add(m.fromDevice);
        call.timers.grace?.stop();
        call.timers.grace = undefined;
        this.emit('ringing', { ...this.base(call), deviceId: m.fromDevice });
        return;
      case 'accept':
        this.onAccept(call, m);
        return;
      case 'reject':
        if (call.status !== 'calling' || call.acceptedBy) return;
        if (m.reason === 'rejected') {
          // Declined on one device: the call is over for all of them.
          this.trySend(call, { type: 'cancel', reason: 'rejected', channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
          this.end(call, 'rejected');
          return;
        }
        // busy: another device of the user may still be free.
        call.ringingDevices.delete(m.fromDevice);
        if (call.ringingDevices.size > 0 || call.timers.grace) return;
        call.timers.grace = this.cfg.clock.after(this.t.busyGrace, () => {
          call.timers.grace = undefined;
          if (call.ended || call.status !== 'calling' || call.acceptedBy || call.ringingDevices.size > 0) return;
          // A device that has not answered yet stops ringing (cancel carries no busy).
          this.trySend(call, { type: 'cancel', reason: 'cancelled', channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
          this.end(call, 'busy');
        });
        return;
      case 'hangup':
        if (call.acceptedBy && m.fromDevice === call.acceptedBy) this.end(call, m.reason ?? 'hangup');
        return;
      case 'candidate':
        if (call.acceptedBy && m.fromDevice !== call.acceptedBy) return; // a device that lost the race
        this.onRemoteCandidate(call, m);
        return;
      case 'reanswer':
        this.onReanswer(call, m);
        return;
      default:
        this.log.debug(`intercom: drop ${m.type} from ${m.fromDevice} on outgoing call ${m.call}`);
    }
  }

  private onAccept(call: Call, m: Envelope): void {
    if (call.acceptedBy) {
      if (m.fromDevice !== call.acceptedBy) {
        // Two devices of the callee answered: the first one won.
        this.trySendRaw({ type: 'hangup', reason: 'taken', channel: call.info.channelId, call: call.info.callId, to: m.from, toDevice: m.fromDevice });
      }
      return;
    }
    if (call.status !== 'calling') return;
    call.acceptedBy = m.fromDevice;
    call.info.peerDeviceId = m.fromDevice;
    if (m.name) call.info.peerName = m.name;
    if (m.media) call.remoteFlags = m.media;
    call.timers.ring?.stop();
    call.timers.grace?.stop();
    call.timers.grace = undefined;
    // Stop the other devices of the callee.
    this.trySend(call, { type: 'cancel', reason: 'taken', acceptedBy: m.fromDevice, channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
    this.setStatus(call, 'connecting');
    call.timers.connect = this.cfg.clock.after(this.t.connect, () => this.onConnectTimeout(call));
    const peer = call.peer;
    if (!peer) return;
    peer.setAnswer(m.sdp ?? '').then(() => {
      if (call.ended) return;
      call.remoteSet = true;
      this.flushRemoteCandidates(call);
    }, (e: unknown) => {
      if (call.ended) return;
      const err = e instanceof IntercomError ? e : new IntercomError('peer', `intercom: the answer from ${m.fromDevice} could not be applied: ${(e as Error)?.message ?? e}`, e);
      this.fail(call, err);
    });
  }

  private onIncomingMessage(call: Call, m: Envelope): void {
    if (m.fromDevice !== call.info.peerDeviceId) {
      this.log.debug(`intercom: drop ${m.type} from ${m.fromDevice}: the call is with device ${call.info.peerDeviceId}`);
      return;
    }
    switch (m.type) {
      case 'cancel':
        if (call.status === 'connected') {
          // A connected call ends with hangup only, as Go's handleCancel.
          this.log.debug(`intercom: drop cancel from ${m.fromDevice} on call ${m.call}: the call is connected`);
          return;
        }
        if (m.reason === 'taken' && m.acceptedBy === this.cfg.deviceId) return; // we are the device that answered
        this.end(call, m.reason ?? 'cancelled');
        return;
      case 'hangup':
        this.end(call, m.reason ?? 'hangup');
        return;
      case 'candidate':
        this.onRemoteCandidate(call, m);
        return;
      case 'reoffer':
        this.onReoffer(call, m);
        return;
      default:
        this.log.debug(`intercom: drop ${m.type} from ${m.fromDevice} on incoming call ${m.call}`);
    }
  }

  private onRemoteCandidate(call: Call, m: Envelope): void {
    if (!m.candidate) return;
    if (!call.remoteSet || !call.peer) {
      if (call.remoteCandidates.length >= MAX_BUFFERED_CANDIDATES) {
        this.log.warn(`intercom: drop candidate from ${m.fromDevice}: ${MAX_BUFFERED_CANDIDATES} already buffered`);
        return;
      }
      call.remoteCandidates.push({ fromDevice: m.fromDevice, c: m.candidate });
      return;
    }
    this.addCandidate(call, m.candidate);
  }

  private addCandidate(call: Call, c: WireCandidate): void {
    call.peer?.addCandidate(c).catch((e: unknown) => {
      this.log.warn(`intercom: call ${call.info.callId}: remote candidate rejected: ${(e as Error)?.message ?? e}`);
    });
  }

  private flushRemoteCandidates(call: Call): void {
    const buffered = call.remoteCandidates;
    call.remoteCandidates = [];
    for (const { fromDevice, c } of buffered) {
      if (call.info.direction === 'outgoing' && fromDevice !== call.acceptedBy) continue;
      this.addCandidate(call, c);
    }
  }

  private flushLocalCandidates(call: Call): void {
    const buffered = call.localCandidates;
    call.localCandidates = [];
    for (const c of buffered) this.sendCandidate(call, c);
  }

  private sendCandidate(call: Call, c: WireCandidate): void {
    if (call.info.direction === 'outgoing' && !call.acceptedBy) {
      // Before the answer: to every device of the callee, which buffer it until they accept.
      this.trySend(call, { type: 'candidate', candidate: c, channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
      return;
    }
    this.sendToPeer(call, { type: 'candidate', candidate: c });
  }

  private onRingTimeout(call: Call): void {
    if (call.ended || call.status !== 'calling' || call.acceptedBy) return;
    this.trySend(call, { type: 'cancel', reason: 'no-answer', channel: call.info.channelId, call: call.info.callId, to: call.info.calleeId });
    this.end(call, 'no-answer');
  }

  private onConnectTimeout(call: Call): void {
    if (call.ended || call.status === 'connected') return;
    this.fail(call, new IntercomError('peer', `intercom: the call did not connect within ${this.t.connect / 1000} s of the answer`));
  }

  /** fail ends an answered call whose media could not be set up or broke, telling the peer. */
  private fail(call: Call, err: IntercomError): void {
    if (call.ended) return;
    if (call.info.peerDeviceId) this.sendToPeer(call, { type: 'hangup', reason: 'failed' });
    this.end(call, 'failed', { error: err });
  }

  // --- peer ----------------------------------------------------------------

  private createPeer(call: Call, media: LocalMedia): CallPeer {
    const guard = (fn: () => void) => {
      if (!call.ended && this.call === call) fn();
    };
    const peer = this.cfg.peers.create({
      callId: call.info.callId,
      media,
      events: {
        candidate: (c) => guard(() => {
          if (!call.signaled) call.localCandidates.push(c);
          else this.sendCandidate(call, c);
        }),
        state: (s) => guard(() => this.onPeerState(call, s)),
        error: (err) => guard(() => this.emitError(call, err)),
      },
    });
    call.peer = peer;
    return peer;
  }

  private onPeerState(call: Call, s: ConnectionState): void {
    if (s === call.connectionState) return;
    const prev = call.connectionState;
    call.connectionState = s;
    switch (s) {
      case 'connected':
        call.everConnected = true;
        call.timers.connect?.stop();
        call.timers.disconnected?.stop();
        call.timers.disconnected = undefined;
        if (call.timers.restart) {
          call.timers.restart.stop();
          call.timers.restart = undefined;
          this.log.debug(`intercom: call ${call.info.callId}: connected again, no further ICE restart`);
        }
        if (call.status === 'connecting') {
          this.setStatus(call, 'connected');
          const remote = call.peer?.remoteMedia() ?? { streams: [], track: null, tracks: [], receiver: null, transceiver: null };
          this.emit('connected', { ...this.base(call), ...remote });
          return;
        }
        break;
      case 'disconnected':
        if (!call.timers.disconnected) {
          call.timers.disconnected = this.cfg.clock.after(this.t.disconnected, () => {
            call.timers.disconnected = undefined;
            if (call.ended || call.connectionState === 'connected') return;
            this.fail(call, new IntercomError('peer', `intercom: the connection stayed disconnected for ${this.t.disconnected / 1000} s` +
              (call.restarts ? ` (${call.restarts} ICE restart${call.restarts > 1 ? 's' : ''} tried)` : '') +
              ': the other device or its network is gone; check its Wi-Fi and call again'));
          });
        }
        if (call.restart === 'idle') this.scheduleRestart(call, this.t.restartAfter);
        break;
      case 'failed':
        this.emitStatus(call, call.status);
        this.fail(call, new IntercomError('peer', 'intercom: the WebRTC connection failed'));
        return;
    }
    if (prev !== s) this.emitStatus(call, call.status);
  }

  // --- ICE restart ----------------------------------------------------------
  //
  // Only the caller restarts, so the two sides never offer at once: once the
  // connection has been disconnected for restartAfter, it sends a reoffer (an
  // ICE-restart offer) to the answering device, which answers with a reanswer.
  // At most one reoffer is outstanding; another goes out only if the connection
  // is still not connected restartInterval after the previous reanswer. The
  // disconnect timeout still ends the call if nothing recovers.

  /** canRestart: the caller's side of an answered call whose answer has been applied and that has connected once. */
  private canRestart(call: Call): boolean {
    return !call.ended && call.info.direction === 'outgoing' && !!call.acceptedBy && call.remoteSet && call.everConnected &&
      (call.status === 'connecting' || call.status === 'connected');
  }

  private scheduleRestart(call: Call, ms: number): void {
    if (!this.canRestart(call) || call.timers.restart) return;
    call.timers.restart = this.cfg.clock.after(ms, () => {
      call.timers.restart = undefined;
      this.sendReoffer(call);
    });
  }

  private sendReoffer(call: Call, force = false): void {
    if (!this.canRestart(call) || call.restart !== 'idle' || (call.connectionState === 'connected' && !force)) return;
    const peer = call.peer;
    if (!peer) return;
    call.restart = 'offering';
    call.restarts++;
    // Candidates of the new ICE generation follow the reoffer, as they follow the invite.
    call.signaled = false;
    const n = call.restarts;
    this.log.debug(`intercom: call ${call.info.callId}: ${call.connectionState} for a while: ICE restart ${n}, reoffer to ${call.acceptedBy}`);
    peer.restartOffer().then((sdp) => {
      if (call.ended) return;
      if (!this.sendToPeer(call, { type: 'reoffer', sdp })) {
        // Not sent: try again later, the disconnect timeout still bounds the call.
        call.restart = 'idle';
        call.signaled = true;
        this.flushLocalCandidates(call);
        this.scheduleRestart(call, this.t.restartInterval);
        return;
      }
      call.restart = 'awaiting';
      call.signaled = true;
      this.flushLocalCandidates(call);
    }, (e: unknown) => {
      if (call.ended) return;
      this.log.warn(`intercom: call ${call.info.callId}: the ICE-restart offer could not be made: ${(e as Error)?.message ?? e}; ` +
        `retrying in ${this.t.restartInterval / 1000} s while the connection stays down`);
      call.restart = 'idle';
      call.signaled = true;
      this.flushLocalCandidates(call);
      this.scheduleRestart(call, this.t.restartInterval);
    });
  }

  /** onReanswer (caller): the answer to our reoffer, or a stale one. */
  private onReanswer(call: Call, m: Envelope): void {
    if (m.fromDevice !== call.acceptedBy) {
      this.log.debug(`intercom: drop reanswer from ${m.fromDevice}: the call is with device ${call.acceptedBy || '(none yet)'}`);
      return;
    }
    if (call.restart !== 'awaiting') {
      this.log.debug(`intercom: drop reanswer from ${m.fromDevice} on call ${m.call}: no reoffer outstanding (stale)`);
      return;
    }
    call.restart = 'idle';
    const peer = call.peer;
    if (!peer) return;
    this.log.debug(`intercom: call ${call.info.callId}: reanswer ${call.restarts} from ${m.fromDevice}`);
    // Another restart only if this one has not helped restartInterval from now.
    if (call.connectionState !== 'connected') this.scheduleRestart(call, this.t.restartInterval);
    // Candidates of the new generation wait until the answer that names it is applied.
    call.remoteSet = false;
    peer.setAnswer(m.sdp ?? '').then(() => {
      if (call.ended) return;
      call.remoteSet = true;
      this.flushRemoteCandidates(call);
    }, (e: unknown) => {
      if (call.ended) return;
      call.remoteSet = true;
      this.flushRemoteCandidates(call);
      this.log.warn(`intercom: call ${call.info.callId}: the reanswer from ${m.fromDevice} could not be applied: ${(e as Error)?.message ?? e}`);
    });
  }

  /** onReoffer (callee): the caller restarts ICE; onIncomingMessage has checked that m is from the call's peer device. */
  private onReoffer(call: Call, m: Envelope): void {
    if (call.status !== 'connecting' && call.status !== 'connected') {
      this.log.debug(`intercom: drop reoffer from ${m.fromDevice} on call ${m.call}: not answered here (status ${call.status})`);
      return;
    }
    if (!call.everConnected) {
      this.log.debug(`intercom: drop reoffer from ${m.fromDevice} on call ${m.call}: the call never connected`);
      return;
    }
    const sdp = m.sdp ?? '';
    // Remote candidates of the new generation wait for the reoffer to be applied,
    // local ones for the reanswer to be out.
    call.reanswering++;
    call.remoteSet = false;
    call.signaled = false;
    call.renegotiation = call.renegotiation.then(async () => {
      const peer = call.peer;
      if (call.ended || !peer) return;
      call.restarts++;
      const n = call.restarts;
      this.log.debug(`intercom: call ${call.info.callId}: reoffer ${n} from ${m.fromDevice}: answering the ICE restart`);
      try {
        const answer = await peer.reanswer(sdp);
        if (call.ended) return;
        this.sendToPeer(call, { type: 'reanswer', sdp: answer });
      } catch (e) {
        if (call.ended) return;
        // The caller waits for this answer before it tries again; silence would
        // leave the call to its disconnect timer with no restart. Fail it, as Go
        // does (the peer has rolled its local description back where it could).
        const err = e instanceof IntercomError ? e : new IntercomError('peer', `intercom: the ICE restart from ${m.fromDevice} could not be answered: ${(e as Error)?.message ?? e}`, e);
        this.fail(call, err);
        return;
      }
      if (--call.reanswering > 0) return;
      call.remoteSet = true;
      call.signaled = true;
      this.flushRemoteCandidates(call);
      this.flushLocalCandidates(call);
    });
  }

  // --- plumbing -------------------------------------------------------------

  private newCall(info: CallInfo, media: LocalMedia): Call {
    return {
      info,
      status: 'idle',
      connectionState: 'none',
      peer: null,
      media,
      offer: '',
      remoteFlags: { audio: true, video: true },
      remoteSet: false,
      remoteCandidates: [],
      localCandidates: [],
      signaled: false,
      accepting: false,
      acceptedBy: '',
      ringingDevices: new Set(),
      timers: {},
      restart: 'idle',
      restarts: 0,
      renegotiation: Promise.resolve(),
      reanswering: 0,
      everConnected: false,
      ended: false,
    };
  }

  /** end finishes call with reason and emits, in order: rejected/failed/disconnected, statuschanged(idle), ended. */
  private end(call: Call, reason: EndReasonCode, opts: { error?: IntercomError; replacedBy?: string } = {}): void {
    if (call.ended) return;
    call.ended = true;
    for (const t of Object.values(call.timers)) t?.stop();
    const hadPeer = !!call.peer;
    try {
      call.peer?.close();
    } catch (e) {
      this.log.warn('intercom: closing the peer connection failed', e);
    }
    this.finished.add(call.info.callId);
    if (this.finished.size > FINISHED_MEMORY) this.finished.delete(this.finished.values().next().value as string);
    if (this.call === call) this.call = null;
    const wasConnected = call.status === 'connected';
    const previous = call.status;
    call.status = 'idle';
    call.connectionState = hadPeer ? 'closed' : 'none';
    const ev: EndedEvent = { ...this.base(call), endReasonCode: reason, endReasonMessage: endReasonMessage(reason) };
    if (opts.replacedBy) ev.replacedBy = opts.replacedBy;
    if (opts.error) ev.error = opts.error;
    if (call.info.direction === 'outgoing' && (reason === 'rejected' || reason === 'busy')) this.emit('rejected', { ...ev });
    if (reason === 'failed') this.emit('failed', { ...ev });
    if (wasConnected) this.emit('disconnected', { ...ev });
    this.emit('statuschanged', { ...this.base(call), previousStatus: previous });
    this.emit('ended', ev);
  }

  private setStatus(call: Call, status: CallStatus): void {
    if (call.status === status) return;
    const prev = call.status;
    call.status = status;
    this.emitStatus(call, prev);
  }

  private emitStatus(call: Call, previousStatus: CallStatus): void {
    this.emit('statuschanged', { ...this.base(call), previousStatus });
  }

  private emitError(call: Call | null, error: IntercomError): void {
    this.emit('error', { ...(call ? this.base(call) : {}), error, code: error.code, message: error.message });
  }

  private emit<K extends CallEventName>(name: K, ev: CallEventMap[K]): void {
    // The seed destructures one handler's argument as ({event}); give every payload
    // a non-enumerable `event` that points at itself (JSON.stringify stays safe).
    Object.defineProperty(ev, 'event', { value: ev, enumerable: false });
    this.events.emit(name, ev);
  }

  private base(call: Call): CallEventBase {
    return { ...call.info, status: call.status, connectionState: call.connectionState };
  }

  /** sendToPeer sends to the other party's device (the caller's, or the one that answered). */
  private sendToPeer(call: Call, m: Pick<Outgoing, 'type'> & Partial<Outgoing>): boolean {
    return this.trySend(call, {
      channel: call.info.channelId,
      call: call.info.callId,
      to: call.info.userId,
      toDevice: call.info.peerDeviceId || undefined,
      ...m,
    } as Outgoing);
  }

  private trySend(call: Call | null, m: Outgoing): boolean {
    return this.sendError(call, m) === null;
  }

  /** sendError sends m and returns null, or the error it could not be sent with (logged, and emitted on call). */
  private sendError(call: Call | null, m: Outgoing): IntercomError | null {
    try {
      this.cfg.signaler.send(m);
      return null;
    } catch (e) {
      const err = e instanceof IntercomError ? e : new IntercomError('signaling', `intercom: could not send ${m.type}: ${(e as Error)?.message ?? e}`, e);
      this.log.warn(err.message);
      if (call && !call.ended) this.emitError(call, err);
      return err;
    }
  }

  private trySendRaw(m: Outgoing): void {
    this.trySend(null, m);
  }

  private checkOpen(): void {
    if (this.closed) throw new IntercomError('closed', 'intercom: client is closed');
  }
}

/** randomCallId returns 16 random hex characters, the protocol's call id. */
export function randomCallId(): string {
  const b = new Uint8Array(8);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Re-exported for tests and the client. */
export type { ErrorCode };
