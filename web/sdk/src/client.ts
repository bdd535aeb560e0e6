// IntercomClient: the seed's call API in the browser. It wires the CallEngine to
// MQTT.js over WebSocket (signaling and presence) and to RTCPeerConnection.

import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { realClock, type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import {
  CallEngine,
  randomCallId,
  type AcceptOptions,
  type Logger,
  type MakeCallOptions,
  type Signaler,
  type Timeouts,
} from './engine.js';
import { EnvelopeCodec } from './codec.js';
import {
  MAX_NAME_BYTES,
  RESERVED_CHANNELS,
  TOPIC_PREFIX,
  inboxTopic,
  isValidChannel,
  isValidId,
  presenceFilter,
  presenceTopic,
  type DropReason,
  type Outgoing,
} from './envelope.js';
import { BrowserPeerFactory } from './peer.js';
import { Presence, presencePayload } from './presence.js';
import { enrollmentLine, type SigningOptions } from './signing.js';
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
  online: { url: string };
  /** The broker connection dropped; MQTT.js reconnects by itself. */
  offline: { url: string };
  /** MQTT.js is trying again. */
  reconnecting: { url: string };
  /** The broker reported an error (refused credentials, say). */
  error: { error: IntercomError };
}

function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** defaultDeviceId makes a device id for userId: "<userId>-web-<6 hex>". */
export function defaultDeviceId(userId: string): string {
  return `${userId.slice(0, 50)}-web-${randomHex(3)}`;
}

/**
 * IntercomClient is one browser device of one user. Create it with
 * `await IntercomClient.connect({url, userId, channels})`; listen with
 * `client.call.on(name, handler)`; call with `client.makeCall(...)`.
 */
export class IntercomClient {
  /** The call events of the seed: incoming, connected, rejected, disconnected, statuschanged, error, ringing, ended, failed. */
  readonly call: Emitter<CallEventMap>;
  /** Who is online per channel. */
  readonly presence = new Presence();
  readonly userId: string;
  readonly deviceId: string;
  readonly name: string;
  readonly channels: readonly string[];
  readonly url: string;

  private readonly events = new Emitter<ClientEventMap>();
  private readonly engine: CallEngine;
  private readonly opts: ConnectOptions;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly codec: EnvelopeCodec;
  private mqtt: MqttClient | null = null;
  private online = false;
  private closed = false;

  /** connect creates a client and resolves once the broker accepted it. */
  static async connect(opts: ConnectOptions): Promise<IntercomClient> {
    const c = new IntercomClient(opts);
    await c.connect();
    return c;
  }

  /** The constructor validates options; call connect() to reach the broker. */
  constructor(opts: ConnectOptions) {
    if (!opts || typeof opts.url !== 'string' || !/^wss?:\/\//.test(opts.url)) {
      throw new IntercomError('invalid-options', `intercom: url must be a ws:// or wss:// broker URL, got ${JSON.stringify(opts?.url)}`);
    }
    if (!isValidId(opts.userId)) throw new IntercomError('invalid-options', `intercom: bad userId ${JSON.stringify(opts.userId)}: use 1-64 of A-Z a-z 0-9 _ . -`);
    const channels = opts.channels ?? [];
    if (!channels.length || !channels.every(isValidId)) {
      throw new IntercomError('invalid-options', `intercom: channels must list at least one channel id, got ${JSON.stringify(opts.channels)}`);
    }
    const reserved = channels.find((ch) => !isValidChannel(ch));
    if (reserved) {
      throw new IntercomError('invalid-options', `intercom: channel ${JSON.stringify(reserved)} is reserved by the topic layout (${RESERVED_CHANNELS.join(', ')}); pick another channel id`);
    }
    const nameBytes = new TextEncoder().encode(opts.name ?? '').length;
    if (nameBytes > MAX_NAME_BYTES) {
      throw new IntercomError('invalid-options', `intercom: the display name is ${nameBytes} bytes, over the ${MAX_NAME_BYTES} the protocol allows; shorten the name in Settings`);
    }
    this.opts = opts;
    this.url = opts.url;
    this.userId = opts.userId;
    this.deviceId = opts.deviceId ?? defaultDeviceId(opts.userId);
    this.name = opts.name || opts.userId;
    this.channels = [...channels];
    this.log = opts.logger ?? console;
    this.clock = opts.clock ?? realClock;
    this.codec = new EnvelopeCodec({ userId: this.userId, deviceId: this.deviceId, clock: this.clock, logger: this.log, signing: opts.signing });
    const signaler: Signaler = { send: (m) => this.publish(m), ready: () => this.checkOnline() };
    this.engine = new CallEngine({
      userId: this.userId,
      deviceId: this.deviceId,
      name: this.name,
      clock: this.clock,
      signaler,
      peers: new BrowserPeerFactory({ rtcConfiguration: opts.rtcConfiguration, getUserMedia: opts.getUserMedia }),
      newCallId: randomCallId,
      timeouts: opts.timeouts,
      logger: this.log,
    });
    this.call = this.engine.events;
  }

  /** on subscribes to broker link events: online, offline, reconnecting, error. */
  on<K extends keyof ClientEventMap>(name: K, handler: (e: ClientEventMap[K]) => void): () => void {
    return this.events.on(name, handler);
  }

  /** off removes a handler added with on. */
  off<K extends keyof ClientEventMap>(name: K, handler?: (e: ClientEventMap[K]) => void): void {
    this.events.off(name, handler);
  }

  /** connected reports whether the broker link is up now. */
  get connected(): boolean {
    return this.online;
  }

  /** connect opens the broker connection. It rejects if the first attempt fails. */
  connect(): Promise<void> {
    if (this.mqtt) return Promise.reject(new IntercomError('invalid-options', 'intercom: connect was already called'));
    const first = this.channels[0];
    const options: IClientOptions = {
      clientId: this.deviceId,
      username: this.opts.username || (this.opts.password ? this.userId : undefined),
      password: this.opts.password || undefined,
      clean: true,
      keepalive: 30,
      protocolVersion: 4,
      reconnectPeriod: this.opts.reconnectPeriod ?? 2000,
      connectTimeout: this.opts.connectTimeout ?? 10_000,
      resubscribe: false, // subscribe() runs on every connect
      // MQTT allows one will per connection: it covers the first channel.
      will: { topic: presenceTopic(first, this.userId, this.deviceId), payload: presencePayload('offline', this.name, this.opts.kind ?? 'browser', 0) as never, qos: 1, retain: true },
      ...this.opts.mqttOptions,
    };
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const client = mqtt.connect(this.url, options);
      this.mqtt = client;
      const timer = setTimeout(() => fail(new IntercomError('broker-unreachable', this.unreachableMessage('no answer'))), (this.opts.connectTimeout ?? 10_000) + 1000);
      const fail = (err: IntercomError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        client.end(true);
        this.mqtt = null;
        reject(err);
      };
      client.on('connect', () => {
        this.online = true;
        this.onConnect();
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve();
        }
        this.events.emit('online', { url: this.url });
      });
      client.on('close', () => {
        if (!settled) {
          fail(new IntercomError('broker-unreachable', this.unreachableMessage('connection closed')));
          return;
        }
        if (this.online) {
          this.online = false;
          this.events.emit('offline', { url: this.url });
        }
      });
      client.on('reconnect', () => this.events.emit('reconnecting', { url: this.url }));
      client.on('error', (e: Error & { code?: number }) => {
        const refused = typeof e.code === 'number';
        const err = new IntercomError(refused ? 'broker' : 'broker-unreachable',
          refused ? `intercom: the broker at ${this.url} refused the connection: ${e.message}` : this.unreachableMessage(e.message), e);
        if (!settled) {
          fail(err);
          return;
        }
        this.events.emit('error', { error: err });
      });
      client.on('message', (topic, payload, packet) => this.onMessage(topic, payload, packet.retain));
    });
  }

  private unreachableMessage(detail: string): string {
    return `intercom: could not reach the MQTT broker at ${this.url} (${detail}): check the URL and that the broker's WebSocket listener is running` +
      (typeof location !== 'undefined' && location.protocol === 'https:' && this.url.startsWith('ws:') ? '; an https page needs a wss:// broker URL' : '');
  }

  private onConnect(): void {
    const c = this.mqtt;
    if (!c) return;
    const subs: Record<string, { qos: 1 }> = {};
    for (const ch of this.channels) {
      subs[inboxTopic(ch, this.userId)] = { qos: 1 };
      subs[presenceFilter(ch)] = { qos: 1 };
    }
    c.subscribe(subs, (err) => {
      if (err) this.events.emit('error', { error: new IntercomError('broker', `intercom: subscribe failed: ${err.message}`, err) });
    });
    for (const ch of this.channels) {
      c.publish(presenceTopic(ch, this.userId, this.deviceId), presencePayload('online', this.name, this.opts.kind ?? 'browser', this.clock.now()), { qos: 1, retain: true });
    }
  }

  private onMessage(topic: string, payload: Uint8Array, retained: boolean): void {
    if (topic.startsWith(`${TOPIC_PREFIX}/`) && topic.split('/')[3] === 'presence') {
      const why = this.presence.handle(topic, payload);
      if (why) this.log.warn(`intercom: drop presence: ${why}`);
      return;
    }
    const m = this.codec.decode(topic, payload, retained);
    if (!m) return;
    try {
      this.engine.handleMessage(m);
    } catch (e) {
      // Input from the network must never break MQTT.js's message loop.
      this.log.warn(`intercom: handling ${m.type} ${m.fromDevice}#${m.seq} failed`, e);
    }
  }

  /** checkOnline throws unless a publish would go out now. */
  private checkOnline(): void {
    if (!this.mqtt || this.closed) throw new IntercomError('signaling', 'intercom: not connected to the broker');
    if (!this.online) {
      // MQTT.js would queue the message and send it on reconnect: an invite
      // could then ring the door long after the user gave up (Go: ErrOffline).
      throw new IntercomError('signaling', `intercom: offline: the broker at ${this.url} is not connected (reconnecting); nothing was sent, try again once it is back`);
    }
  }

  private publish(m: Outgoing): void {
    this.checkOnline();
    const c = this.mqtt as MqttClient;
    const { topic, payload } = this.codec.encode(m);
    c.publish(topic, payload, { qos: 1 }, (err) => {
      if (err) this.log.warn(`intercom: publish ${m.type} failed: ${err.message}`);
    });
  }

  /** makeCall calls targetUserId on channelId; constraints default to {audio: true, video: true}. */
  makeCall(opts: MakeCallOptions): Promise<CallInfo> {
    return this.engine.makeCall(opts);
  }

  /** acceptCall answers: acceptCall(), acceptCall({audio, video}) or acceptCall({mediaStream}). */
  acceptCall(opts?: AcceptOptions): Promise<void> {
    return this.engine.acceptCall(opts);
  }

  /** rejectCall declines the ringing call. */
  rejectCall(): void {
    this.engine.rejectCall();
  }

  /** endCall hangs up (or cancels, or rejects) the current call. */
  endCall(): void {
    this.engine.endCall();
  }

  /** openDoor asks the station of the connected call to pulse its door relay. */
  openDoor(): void {
    this.engine.openDoor();
  }

  /** dropped counts the signaling payloads dropped so far, per reason (Go: mqttsignal Stats().Dropped). */
  dropped(): Record<DropReason, number> {
    return this.codec.dropped();
  }

  /** publicKey is this device's signing key in text form ("ed25519:..."), or "" without signing. */
  get publicKey(): string {
    return this.codec.publicKey;
  }

  /** enrollmentLine is what enrolls this device on a station (`intercomd keys add '<line>'`), or "" without signing. */
  get enrollmentLine(): string {
    return this.codec.publicKey ? enrollmentLine(this.userId, this.deviceId, this.codec.publicKey) : '';
  }

  /** status is the current call status. */
  get status(): CallStatus {
    return this.engine.status;
  }

  /** currentCall is the current call's info, or null. */
  get currentCall(): (CallEventBase & { media: MediaFlags }) | null {
    return this.engine.current;
  }

  /** localStream is what the current call sends (for a preview). */
  get localStream(): MediaStream | null {
    return this.engine.localStream;
  }

  /** muteAudio mutes (true) or unmutes the microphone of the current call. */
  muteAudio(muted = true): void {
    for (const t of this.localStream?.getAudioTracks() ?? []) t.enabled = !muted;
  }

  /** muteVideo stops (true) or resumes sending the camera picture. */
  muteVideo(muted = true): void {
    for (const t of this.localStream?.getVideoTracks() ?? []) t.enabled = !muted;
  }

  /** audioMuted reports whether the microphone is muted (true when there is none). */
  get audioMuted(): boolean {
    const ts = this.localStream?.getAudioTracks() ?? [];
    return ts.length === 0 || ts.every((t) => !t.enabled);
  }

  /** close ends the call, announces this device offline and closes the broker connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.engine.close();
    this.closed = true;
    const c = this.mqtt;
    this.mqtt = null;
    if (!c) return;
    if (this.online) {
      // A clean disconnect sends no will: say offline ourselves first.
      await Promise.all(this.channels.map((ch) => new Promise<void>((res) => {
        c.publish(presenceTopic(ch, this.userId, this.deviceId), presencePayload('offline', this.name, this.opts.kind ?? 'browser', this.clock.now()), { qos: 1, retain: true }, () => res());
      })));
    }
    await new Promise<void>((res) => c.end(false, {}, () => res()));
    this.online = false;
  }
}
