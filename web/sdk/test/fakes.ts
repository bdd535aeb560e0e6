// Fakes for the call engine's edges: a clock that only moves when told, a signaler
// that records what is sent, and a peer that answers at once (or fails on request).

import type { Clock, Timer } from '../src/clock.js';
import { CallEngine, type CallPeer, type EngineConfig, type LocalMedia, type PeerEvents, type PeerFactory, type RemoteMedia } from '../src/engine.js';
import type { Envelope, Outgoing, WireCandidate } from '../src/envelope.js';
import type { CallEventMap, CallEventName, MediaFlags } from '../src/types.js';

/** FakeClock runs timers only when advance is called. */
export class FakeClock implements Clock {
  t = 1_764_213_000_000;
  private timers: { at: number; fn: () => void; id: number; stopped: boolean }[] = [];
  private nextId = 0;
  now(): number {
    return this.t;
  }
  after(ms: number, fn: () => void): Timer {
    const timer = { at: this.t + ms, fn, id: this.nextId++, stopped: false };
    this.timers.push(timer);
    return { stop: () => { timer.stopped = true; } };
  }
  /** advance moves time forward by ms, running due timers in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => !x.stopped && x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      due.stopped = true;
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }
  /** pending counts timers not yet run or stopped. */
  pending(): number {
    return this.timers.filter((x) => !x.stopped).length;
  }
}

/** FakeSignaler records messages; set failNext to make the next send throw. */
export class FakeSignaler {
  sent: Outgoing[] = [];
  failNext = false;
  send(m: Outgoing): void {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('broker offline');
    }
    this.sent.push(structuredClone(m));
  }
  /** take returns and forgets what was sent. */
  take(): Outgoing[] {
    const s = this.sent;
    this.sent = [];
    return s;
  }
  ofType(type: string): Outgoing[] {
    return this.sent.filter((m) => m.type === type);
  }
}

/** FakePeer answers at once; the test drives its connection state and candidates. */
export class FakePeer implements CallPeer {
  closed = false;
  remoteOffer = '';
  remoteAnswer = '';
  added: WireCandidate[] = [];
  failWith: unknown = null;
  /** Every answer applied with setAnswer, in order (the accept's, then reanswers'). */
  answers: string[] = [];
  /** ICE-restart offers this peer made, and the ones it answered. */
  restartOffers = 0;
  reoffers: string[] = [];
  /** Make the next restartOffer or reanswer reject with this error. */
  failRestartWith: unknown = null;
  constructor(readonly callId: string, readonly media: LocalMedia, readonly events: PeerEvents) {}
  async offer(): Promise<string> {
    if (this.failWith) throw this.failWith;
    return `offer-${this.callId}`;
  }
  async answer(offerSdp: string): Promise<string> {
    if (this.failWith) throw this.failWith;
    this.remoteOffer = offerSdp;
    return `answer-${this.callId}`;
  }
  async setAnswer(sdp: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.remoteAnswer = sdp;
    this.answers.push(sdp);
  }
  async restartOffer(): Promise<string> {
    if (this.failRestartWith) {
      const e = this.failRestartWith;
      this.failRestartWith = null;
      throw e;
    }
    this.restartOffers++;
    return `reoffer-${this.callId}-${this.restartOffers}`;
  }
  async reanswer(offerSdp: string): Promise<string> {
    if (this.failRestartWith) {
      const e = this.failRestartWith;
      this.failRestartWith = null;
      throw e;
    }
    this.reoffers.push(offerSdp);
    return `reanswer-${this.callId}-${this.reoffers.length}`;
  }
  async addCandidate(c: WireCandidate): Promise<void> {
    this.added.push(c);
  }
  remoteMedia(): RemoteMedia {
    return { streams: [{ id: 'remote-stream' } as unknown as MediaStream], track: { kind: 'video' } as MediaStreamTrack, tracks: [], receiver: null, transceiver: null };
  }
  localStream(): MediaStream | null {
    return null;
  }
  mediaFlags(): MediaFlags {
    if ('stream' in this.media) return { audio: true, video: false };
    return { audio: !!this.media.constraints.audio, video: !!this.media.constraints.video };
  }
  close(): void {
    this.closed = true;
  }
}

export class FakePeerFactory implements PeerFactory {
  peers: FakePeer[] = [];
  /** failNext makes the next peer's offer/answer reject with this error. */
  failNext: unknown = null;
  create(opts: { callId: string; media: LocalMedia; events: PeerEvents }): CallPeer {
    const p = new FakePeer(opts.callId, opts.media, opts.events);
    if (this.failNext) {
      p.failWith = this.failNext;
      this.failNext = null;
    }
    this.peers.push(p);
    return p;
  }
  get last(): FakePeer {
    return this.peers[this.peers.length - 1];
  }
}

export const quietLogger = { debug() {}, info() {}, warn() {} };

/** Rig is one engine with its fakes and a log of every event it emitted. */
export interface Rig {
  engine: CallEngine;
  clock: FakeClock;
  sig: FakeSignaler;
  peers: FakePeerFactory;
  events: { name: CallEventName; ev: CallEventMap[CallEventName] }[];
  names(): string[];
  last<K extends CallEventName>(name: K): CallEventMap[K];
  /** deliver hands the engine an envelope, filling the routine fields. */
  deliver(m: Partial<Envelope> & Pick<Envelope, 'type' | 'call'>): void;
}

let seq = 1;
let idCounter = 0;

export function rig(over: Partial<EngineConfig> & { ids?: string[] } = {}): Rig {
  const clock = new FakeClock();
  const sig = new FakeSignaler();
  const peers = new FakePeerFactory();
  const ids = over.ids ?? [];
  const engine = new CallEngine({
    userId: 'alice',
    deviceId: 'alice-phone',
    name: 'Alice',
    clock,
    signaler: sig,
    peers,
    newCallId: () => ids.shift() ?? (0x5000000000000000 + idCounter++).toString(16),
    logger: quietLogger,
    ...over,
  });
  const events: Rig['events'] = [];
  for (const name of ['incoming', 'connected', 'rejected', 'disconnected', 'statuschanged', 'error', 'ringing', 'ended', 'failed'] as CallEventName[]) {
    engine.events.on(name, (ev) => events.push({ name, ev }));
  }
  return {
    engine, clock, sig, peers, events,
    names: () => events.map((e) => (e.name === 'statuschanged' ? `status:${(e.ev as CallEventMap['statuschanged']).status}` : e.name)),
    last: <K extends CallEventName>(name: K) => {
      const found = events.filter((e) => e.name === name);
      if (!found.length) throw new Error(`no ${name} event; got ${events.map((e) => e.name).join(',')}`);
      return found[found.length - 1].ev as CallEventMap[K];
    },
    deliver: (m) => engine.handleMessage({
      v: 1, channel: 'home', from: 'door', fromDevice: 'door-pi', to: 'alice', seq: seq++, ...m,
    } as Envelope),
  };
}

/** flush lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
