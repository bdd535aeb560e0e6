// Signed signaling: the bytes a signature covers are Go's (the test vector in
// mqttsignal/testdata), every field is covered, receivers apply Go's rules, and
// two engines call each other through signing codecs.

import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EnvelopeCodec } from '../src/codec.js';
import { CallEngine } from '../src/engine.js';
import { decodeEnvelope, inboxTopic, type Envelope } from '../src/envelope.js';
import {
  Authenticator,
  base64url,
  enrollmentLine,
  exportSeed,
  formatPublicKey,
  fromBase64url,
  generateSeed,
  importSeed,
  parsePublicKey,
  publicKeyOf,
  signEnvelope,
  signedBytes,
  type SigningOptions,
  type TrustedKey,
} from '../src/signing.js';
import type { CallEventMap, CallEventName } from '../src/types.js';
import { FakeClock, FakePeerFactory, flush, quietLogger } from './fakes.js';

/** mqttsignal/testdata/signed-envelope.json, written by Go's TestSignedVector. */
interface Vector {
  seedHex: string;
  publicKey: string;
  topic: string;
  signedBytes: string;
  payload: string;
}
const vectorPath = fileURLToPath(new URL('../../../mqttsignal/testdata/signed-envelope.json', import.meta.url));
const vector = JSON.parse(readFileSync(vectorPath, 'utf8')) as Vector;

const NOW = 1_764_213_000_000; // the vector's ts, Go's authNow

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** seeded is Go's seededKey(b): 32 bytes of b. */
function seeded(b: number): Uint8Array {
  return new Uint8Array(32).fill(b);
}

function trusted(userId: string, deviceId: string, seed: Uint8Array): TrustedKey {
  return { userId, deviceId, publicKey: formatPublicKey(publicKeyOf(seed)) };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('the Go test vector', () => {
  const seed = hex(vector.seedHex);
  const decoded = decodeEnvelope(vector.topic, vector.payload, { userId: 'panel', deviceId: 'panel-tab' });

  it('derives the same public key from the same seed', () => {
    assert.equal(vector.seedHex, '07'.repeat(32));
    assert.equal(formatPublicKey(publicKeyOf(seed)), vector.publicKey);
  });

  it('covers exactly the same bytes', () => {
    assert.ok(decoded.ok, !decoded.ok ? decoded.reason : '');
    assert.equal(text(signedBytes(decoded.msg)), vector.signedBytes);
  });

  it('makes the same signature, and it verifies', () => {
    assert.ok(decoded.ok);
    const sig = decoded.msg.sig;
    assert.ok(sig && sig.length === 86, `sig ${sig}`);
    assert.equal(signEnvelope(decoded.msg, seed), sig);
    const auth = new Authenticator({ trusted: [{ userId: 'door', deviceId: 'door-pi', publicKey: vector.publicKey }], require: true });
    assert.equal(auth.check(decoded.msg, NOW), null);
  });

  it('is what the codec sends, byte for byte, for the same message at the same time', () => {
    const clock = new FakeClock();
    clock.t = 1_764_213_000_123; // seq starts at this time in µs: ...123001, ...123002
    const codec = new EnvelopeCodec({ userId: 'door', deviceId: 'door-pi', clock, logger: quietLogger, signing: { privateKey: seed, trusted: [], require: true } });
    codec.encode({ type: 'ringing', channel: 'home', call: '9f2c4e1a7b3d5c60', to: 'panel', toDevice: 'panel-tab' }); // takes ...001
    clock.t = NOW;
    const out = codec.encode({
      type: 'candidate', channel: 'home', call: '9f2c4e1a7b3d5c60', to: 'panel', toDevice: 'panel-tab',
      candidate: { candidate: 'candidate:1 1 udp 2122260223 192.168.1.23 46243 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    });
    assert.equal(out.topic, vector.topic);
    assert.equal(out.payload, vector.payload);
  });

  it('agrees with Node\'s own Ed25519 (OpenSSL) on the signature', () => {
    assert.ok(decoded.ok);
    const pkcs8 = createPrivateKey(exportSeed(seed));
    const sig = nodeSign(null, signedBytes(decoded.msg), pkcs8);
    assert.equal(base64url(sig), decoded.msg.sig);
  });
});

/** A signed invite from door/door-pi to panel, as a receiver decodes it. */
function signedInvite(seed: Uint8Array | null, edit: Partial<Envelope> = {}): Envelope {
  const e: Envelope = {
    v: 1, type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', from: 'door', fromDevice: 'door-pi', to: 'panel',
    seq: 1_764_213_000_123_001, ttl: 30000, ts: NOW,
    sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=fingerprint:sha-256 AB:CD:EF\r\n',
    media: { audio: true, video: true }, name: 'Front door', ...edit,
  };
  if (seed) e.sig = signEnvelope(e, seed);
  return e;
}

describe('Authenticator', () => {
  const door = seeded(1);
  const mallory = seeded(2);
  const strict = new Authenticator({ trusted: [trusted('door', 'door-pi', door)], require: true });
  const lenient = new Authenticator({ trusted: [trusted('door', 'door-pi', door)], require: false });
  const cases: [string, Authenticator, Envelope, number, string | null][] = [
    ['signed by the enrolled key', strict, signedInvite(door), NOW, null],
    ['unsigned, required', strict, signedInvite(null), NOW, 'unsigned'],
    ['unsigned, not required, but the sender has a trusted key', lenient, signedInvite(null), NOW, 'unsigned'],
    ['unsigned, not required, from a device nobody enrolled', lenient, signedInvite(null, { fromDevice: 'door-2' }), NOW, null],
    ['signed by another key', strict, signedInvite(mallory), NOW, 'bad-signature'],
    ['signed by another key, not required', lenient, signedInvite(mallory), NOW, 'bad-signature'],
    ['a device nobody enrolled', strict, signedInvite(mallory, { fromDevice: 'door-2' }), NOW, 'unknown-sender'],
    ['a device nobody enrolled, not required', lenient, signedInvite(mallory, { fromDevice: 'door-2' }), NOW, null],
    ['ts a minute old', strict, signedInvite(door), NOW + 60_000, null],
    ['ts three minutes old: replayed', strict, signedInvite(door), NOW + 180_000, 'stale'],
    ['ts three minutes ahead', strict, signedInvite(door), NOW - 180_000, 'stale'],
    ['ts just inside the window', strict, signedInvite(door), NOW + 120_000, null],
    ['ts just outside the window', strict, signedInvite(door), NOW + 120_001, 'stale'],
    ['no ts at all', strict, signedInvite(door, { ts: undefined }), NOW, 'stale'],
    ['unsigned and old from an unenrolled device, not required: ts is not checked', lenient, signedInvite(null, { fromDevice: 'door-2' }), NOW + 3_600_000, null],
  ];
  for (const [name, auth, e, at, want] of cases) {
    it(name, () => {
      const r = auth.check(e, at);
      assert.equal(r?.drop ?? null, want, r?.reason);
      if (r) assert.match(r.reason, /door/, 'the reason names the sender');
    });
  }

  it('takes a custom window', () => {
    const tight = new Authenticator({ trusted: [trusted('door', 'door-pi', door)], require: true, windowMs: 10_000 });
    assert.equal(tight.check(signedInvite(door), NOW + 10_000), null);
    assert.equal(tight.check(signedInvite(door), NOW + 10_001)?.drop, 'stale');
  });

  it('refuses a trusted list it cannot use, naming the entry', () => {
    assert.throws(() => new Authenticator({ trusted: [{ userId: 'door', deviceId: 'door pi', publicKey: vector.publicKey }], require: true }), /trusted\[0\]/);
    assert.throws(() => new Authenticator({ trusted: [{ userId: 'door', deviceId: 'door-pi', publicKey: 'ssh-ed25519 AAAA' }], require: true }), /must start with "ed25519:"/);
    const k = trusted('door', 'door-pi', door);
    assert.throws(() => new Authenticator({ trusted: [k, k], require: true }), /twice/);
  });
});

describe('the signature covers every field', () => {
  const door = seeded(1);
  // The same key is trusted for the identities an attacker would switch to, so
  // that only the signature can tell the alteration.
  const auth = new Authenticator({
    trusted: [trusted('door', 'door-pi', door), trusted('alice', 'door-pi', door), trusted('door', 'door-2', door)],
    require: true,
  });
  const alterations: [string, (e: Envelope) => void][] = [
    ['DTLS fingerprint in the SDP', (e) => { e.sdp = e.sdp!.replace('a=fingerprint:sha-256 ', 'a=fingerprint:sha-256 00:'); }],
    ['type', (e) => { e.type = 'accept'; }],
    ['channel', (e) => { e.channel = 'garden'; }],
    ['call id', (e) => { e.call = '0000000000000001'; }],
    ['from', (e) => { e.from = 'alice'; }],
    ['fromDevice', (e) => { e.fromDevice = 'door-2'; }],
    ['to', (e) => { e.to = 'alice'; }],
    ['toDevice', (e) => { e.toDevice = 'panel-tab'; }],
    ['seq', (e) => { e.seq++; }],
    ['ttl', (e) => { e.ttl = 3_600_000; }],
    ['ts', (e) => { e.ts = NOW + 1000; }],
    ['media', (e) => { e.media = { audio: true, video: false }; }],
    ['media dropped', (e) => { delete e.media; }],
    ['candidate added', (e) => { e.candidate = { candidate: '' }; }],
    ['candidate mid', (e) => { e.candidate = { candidate: '', sdpMid: '0' }; }],
    ['candidate index', (e) => { e.candidate = { candidate: '', sdpMLineIndex: 0 }; }],
    ['reason', (e) => { e.reason = 'busy'; }],
    ['acceptedBy', (e) => { e.acceptedBy = 'panel-tab'; }],
    ['name', (e) => { e.name = 'Back door'; }],
    ['name, one non-ASCII letter', (e) => { e.name = 'Front döor'; }],
    ['signature bytes', (e) => { e.sig = (e.sig![0] === 'A' ? 'B' : 'A') + e.sig!.slice(1); }],
    ['signature length', (e) => { e.sig = e.sig!.slice(0, 40); }],
    ['signature not base64url', (e) => { e.sig = `${e.sig!.slice(0, 85)}+`; }],
  ];
  for (const [name, alter] of alterations) {
    it(`altered ${name}: dropped as bad-signature`, () => {
      const e = signedInvite(door);
      assert.equal(auth.check(e, NOW), null, 'unaltered');
      alter(e);
      assert.equal(auth.check(e, NOW)?.drop, 'bad-signature');
    });
  }

  it('tells an absent candidate mid from an empty one, and an absent index from 0', () => {
    const base: Envelope = { v: 1, type: 'candidate', channel: 'home', call: 'c1', from: 'a', fromDevice: 'a1', to: 'b', seq: 1, ts: NOW, candidate: { candidate: '' } };
    const variants = [
      base,
      { ...base, candidate: { candidate: '', sdpMid: '' } },
      { ...base, candidate: { candidate: '', sdpMLineIndex: 0 } },
      { ...base, candidate: undefined },
    ];
    const all = variants.map((v) => text(signedBytes(v)));
    assert.equal(new Set(all).size, all.length, all.join('\n'));
  });
});

describe('keys', () => {
  it('formats and parses public keys as Go does, and says what is wrong', () => {
    const pub = publicKeyOf(seeded(7));
    const s = formatPublicKey(pub);
    assert.match(s, /^ed25519:[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(parsePublicKey(s), pub);
    assert.throws(() => parsePublicKey(s.slice('ed25519:'.length)), /must start with "ed25519:"/);
    assert.throws(() => parsePublicKey(`${s}=`), /not unpadded base64url/);
    assert.throws(() => parsePublicKey(`ed25519:${base64url(new Uint8Array(31))}`), /holds 31 bytes; an Ed25519 public key has 32/);
  });

  it('writes the enrollment line `intercomd keys add` takes', () => {
    assert.equal(enrollmentLine('alice', 'alice-web-3f2a1c', vector.publicKey), `alice alice-web-3f2a1c ${vector.publicKey}`);
    assert.equal(enrollmentLine('alice', 'alice-phone', publicKeyOf(hex(vector.seedHex)), 'Alice\'s  phone\n'), `alice alice-phone ${vector.publicKey} Alice's phone`);
    assert.throws(() => enrollmentLine('alice smith', 'x', vector.publicKey), /userId "alice smith" is not an id/);
    assert.throws(() => enrollmentLine('alice', 'x', 'ed25519:shortkey'), /holds 6 bytes/);
  });

  it('generates distinct seeds that sign and verify', () => {
    const a = generateSeed();
    const b = generateSeed();
    assert.equal(a.length, 32);
    assert.notDeepEqual(a, b);
    const e = signedInvite(a);
    assert.equal(new Authenticator({ trusted: [trusted('door', 'door-pi', a)], require: true }).check(e, NOW), null);
    assert.equal(new Authenticator({ trusted: [trusted('door', 'door-pi', b)], require: true }).check(e, NOW)?.drop, 'bad-signature');
  });

  it('exports the seed as the PKCS #8 PEM intercomd and OpenSSL use, and imports it back', () => {
    const seed = generateSeed();
    const pem = exportSeed(seed);
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=]+\n-----END PRIVATE KEY-----\n$/);
    assert.deepEqual(importSeed(pem), seed);
    // Node (OpenSSL) reads it and derives the same public key.
    const spki = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
    assert.deepEqual(new Uint8Array(spki.subarray(spki.length - 32)), publicKeyOf(seed));
  });

  it('imports a key OpenSSL made, and its signatures verify there', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = importSeed(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const e = signedInvite(seed);
    assert.ok(nodeVerify(null, signedBytes(e), publicKey, fromBase64url(e.sig!)!));
  });

  it('refuses what is not an Ed25519 PEM, saying what it wants', () => {
    assert.throws(() => importSeed('hello'), /PEM "PRIVATE KEY" block/);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    assert.throws(() => importSeed(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string), /not an Ed25519 private key/);
    assert.throws(() => publicKeyOf(new Uint8Array(31)), /32-byte Ed25519 seed/);
  });

  it('reads and writes base64url like Go\'s RawURLEncoding', () => {
    for (let n = 0; n < 70; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const s = base64url(b);
      assert.equal(s, Buffer.from(b).toString('base64url'));
      assert.deepEqual(fromBase64url(s), b);
    }
    assert.equal(fromBase64url('abc='), null);
    assert.equal(fromBase64url('a'), null);
    assert.equal(fromBase64url('ab/c'), null);
  });
});

describe('EnvelopeCodec', () => {
  const door = seeded(1);
  const panelSeed = seeded(3);
  const trust = [trusted('door', 'door-pi', door), trusted('panel', 'panel-tab', panelSeed)];

  function codec(userId: string, deviceId: string, signing?: SigningOptions, clock = new FakeClock()) {
    const warnings: string[] = [];
    const c = new EnvelopeCodec({ userId, deviceId, clock, logger: { debug() {}, info() {}, warn: (s: unknown) => { warnings.push(String(s)); } }, signing });
    return { c, clock, warnings };
  }

  it('signs what it sends, and a receiver that requires signatures takes it', () => {
    const tx = codec('door', 'door-pi', { privateKey: door, trusted: trust, require: true });
    const rx = codec('panel', 'panel-tab', { privateKey: panelSeed, trusted: trust, require: true });
    const out = tx.c.encode({ type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', to: 'panel', sdp: 'v=0 offer', ttl: 30000, name: 'Front door', media: { audio: true, video: false } });
    assert.match(JSON.parse(out.payload).sig, /^[A-Za-z0-9_-]{86}$/);
    const m = rx.c.decode(out.topic, new TextEncoder().encode(out.payload));
    assert.equal(m?.type, 'invite');
    assert.equal(m?.name, 'Front door');
    assert.equal(rx.c.dropped()['bad-signature'], 0);
  });

  it('counts and logs a payload altered on the way as bad-signature, before it reaches dedupe', () => {
    const tx = codec('door', 'door-pi', { privateKey: door, trusted: trust, require: true });
    const rx = codec('panel', 'panel-tab', { privateKey: panelSeed, trusted: trust, require: false });
    const out = tx.c.encode({ type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', to: 'panel', sdp: 'v=0\r\na=fingerprint:sha-256 AB:CD\r\n', ttl: 30000 });
    const forged = out.payload.replace('AB:CD', '66:66');
    assert.notEqual(forged, out.payload);
    assert.equal(rx.c.decode(out.topic, forged), null);
    assert.equal(rx.c.dropped()['bad-signature'], 1);
    assert.match(rx.warnings.join('\n'), /dropped \(bad-signature\): invite from door\/door-pi does not verify/);
    // The genuine one, same fromDevice and seq, still gets through: the forgery took no place in the dedupe memory.
    assert.equal(rx.c.decode(out.topic, out.payload)?.type, 'invite');
    assert.equal(rx.c.decode(out.topic, out.payload), null);
    assert.equal(rx.c.dropped().duplicate, 1);
  });

  it('drops unsigned and unknown senders when it requires signatures, and stale ones always', () => {
    const rx = codec('panel', 'panel-tab', { privateKey: panelSeed, trusted: trust, require: true });
    const unsigned = codec('door', 'door-pi');
    const stranger = codec('door', 'door-9', { privateKey: seeded(9), trusted: [], require: false });
    const late = codec('door', 'door-pi', { privateKey: door, trusted: trust, require: true });
    late.clock.t -= 10 * 60_000; // a clock ten minutes slow, or a recorded message replayed
    const invite = { type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', to: 'panel', sdp: 'v=0', ttl: 30000 } as const;
    for (const tx of [unsigned, stranger, late]) {
      const out = tx.c.encode(invite);
      assert.equal(rx.c.decode(out.topic, out.payload), null);
    }
    const d = rx.c.dropped();
    assert.deepEqual([d.unsigned, d['unknown-sender'], d.stale], [1, 1, 1]);
    assert.match(rx.warnings.join('\n'), /no key is trusted for door\/door-9; enroll it with `intercomd keys add`/);
  });

  it('refuses to send what a receiver would drop, naming the field', () => {
    const tx = codec('door', 'door-pi', { privateKey: door, trusted: trust, require: true });
    assert.throws(() => tx.c.encode({ type: 'open-door', channel: 'home', call: 'c1', to: 'panel', toDevice: 'panel-tab', name: 'bad \ud800' }), /name is not valid UTF-8/);
    assert.throws(() => tx.c.encode({ type: 'hangup', channel: 'home', call: 'c1', to: 'panel', toDevice: 'panel-tab', reason: 'busy' }), /bad reason "busy"/);
    assert.throws(() => tx.c.encode({ type: 'invite', channel: 'home', call: 'c1', to: 'panel', sdp: 'x'.repeat(70_000), ttl: 1 }), /over the 65536-byte limit/);
  });

  it('drops retained signaling', () => {
    const rx = codec('panel', 'panel-tab');
    const tx = codec('door', 'door-pi');
    const out = tx.c.encode({ type: 'cancel', channel: 'home', call: 'c1', to: 'panel', reason: 'cancelled' });
    assert.equal(rx.c.decode(out.topic, out.payload, true), null);
    assert.equal(rx.c.dropped().retained, 1);
    assert.equal(rx.c.decode(out.topic, out.payload, false)?.type, 'cancel');
  });

  it('refuses a bad private key at construction', () => {
    assert.throws(() => codec('door', 'door-pi', { privateKey: new Uint8Array(64), trusted: [], require: true }), /32-byte Ed25519 seed/);
  });
});

/** Net joins codecs and engines as a broker would, delivering on pump(). */
class Net {
  readonly clock = new FakeClock();
  private queue: { topic: string; payload: string }[] = [];
  readonly nodes: Node[] = [];

  add(userId: string, deviceId: string, signing?: SigningOptions): Node {
    const codec = new EnvelopeCodec({ userId, deviceId, clock: this.clock, logger: quietLogger, signing });
    const peers = new FakePeerFactory();
    let n = 0;
    const engine = new CallEngine({
      userId, deviceId, name: userId, clock: this.clock, peers, logger: quietLogger,
      signaler: { send: (m) => { const e = codec.encode(m); this.queue.push({ topic: e.topic, payload: e.payload }); } },
      newCallId: () => `${deviceId.length.toString(16)}${(n++).toString(16)}`.padEnd(16, '0'),
    });
    const events: string[] = [];
    for (const name of ['incoming', 'connected', 'rejected', 'ended', 'failed'] as CallEventName[]) {
      engine.events.on(name, (ev: CallEventMap[CallEventName]) => events.push(name === 'ended' ? `ended:${(ev as CallEventMap['ended']).endReasonCode}` : name));
    }
    const node = { userId, deviceId, codec, engine, peers, events };
    this.nodes.push(node);
    return node;
  }

  /** pump delivers everything published, to every device of the inbox's user, until quiet. */
  async pump(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      await flush();
      const q = this.queue;
      this.queue = [];
      if (!q.length) return;
      for (const { topic, payload } of q) {
        for (const n of this.nodes) {
          if (topic !== inboxTopic('home', n.userId)) continue;
          const m = n.codec.decode(topic, payload);
          if (m) n.engine.handleMessage(m);
        }
      }
    }
    throw new Error('signaling did not settle');
  }
}

interface Node {
  userId: string;
  deviceId: string;
  codec: EnvelopeCodec;
  engine: CallEngine;
  peers: FakePeerFactory;
  events: string[];
}

describe('two engines with signing on', () => {
  const aliceSeed = generateSeed();
  const doorSeed = generateSeed();
  const household = [trusted('alice', 'alice-phone', aliceSeed), trusted('door', 'door-pi', doorSeed)];

  it('call, answer, connect, open the door and hang up, every message signed and verified', async () => {
    const net = new Net();
    const alice = net.add('alice', 'alice-phone', { privateKey: aliceSeed, trusted: household, require: true });
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: true });
    await alice.engine.makeCall({ channelId: 'home', targetUserId: 'door', constraints: { audio: true, video: false } });
    alice.peers.last.events.candidate({ candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    await net.pump();
    assert.deepEqual(door.events, ['incoming']);
    await door.engine.acceptCall({ audio: true, video: true });
    door.peers.last.events.candidate({ candidate: 'candidate:2 1 udp 1 10.0.0.2 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    await net.pump();
    assert.equal(door.peers.last.remoteOffer, `offer-${alice.peers.last.callId}`);
    assert.equal(alice.peers.last.remoteAnswer, `answer-${door.peers.last.callId}`);
    assert.deepEqual(door.peers.last.added.map((c) => c.candidate), ['candidate:1 1 udp 1 10.0.0.1 5000 typ host']);
    assert.deepEqual(alice.peers.last.added.map((c) => c.candidate), ['candidate:2 1 udp 1 10.0.0.2 5000 typ host']);
    alice.peers.last.events.state('connected');
    door.peers.last.events.state('connected');
    assert.equal(alice.engine.status, 'connected');
    assert.equal(door.engine.status, 'connected');
    alice.engine.endCall();
    await net.pump();
    assert.deepEqual(alice.events, ['connected', 'ended:hangup']);
    assert.deepEqual(door.events, ['incoming', 'connected', 'ended:hangup']);
    for (const n of [alice, door]) {
      const d = n.codec.dropped();
      assert.equal(Object.values(d).reduce((a, b) => a + b, 0), 0, `${n.deviceId} dropped ${JSON.stringify(d)}`);
    }
  });

  it('an ICE restart: the caller\'s signed reoffer and the callee\'s signed reanswer pass both codecs', async () => {
    const net = new Net();
    const alice = net.add('alice', 'alice-phone', { privateKey: aliceSeed, trusted: household, require: true });
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: true });
    await alice.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    await net.pump();
    await door.engine.acceptCall();
    await net.pump();
    alice.peers.last.events.state('connected');
    door.peers.last.events.state('connected');
    alice.peers.last.events.state('disconnected');
    door.peers.last.events.state('disconnected');
    net.clock.advance(1_000);
    await net.pump();
    const callId = alice.peers.last.callId;
    assert.deepEqual(door.peers.last.reoffers, [`reoffer-${callId}-1`]);
    assert.deepEqual(alice.peers.last.answers, [`answer-${callId}`, `reanswer-${callId}-1`]);
    alice.peers.last.events.candidate({ candidate: 'candidate:3 1 udp 1 10.0.0.3 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    await net.pump();
    assert.deepEqual(door.peers.last.added.map((c) => c.candidate).slice(-1), ['candidate:3 1 udp 1 10.0.0.3 5000 typ host']);
    alice.peers.last.events.state('connected');
    door.peers.last.events.state('connected');
    net.clock.advance(20_000);
    await net.pump();
    assert.equal(alice.engine.status, 'connected');
    assert.equal(door.engine.status, 'connected');
    assert.deepEqual(alice.events, ['connected']);
    for (const n of [alice, door]) {
      const d = n.codec.dropped();
      assert.equal(Object.values(d).reduce((x, y) => x + y, 0), 0, `${n.deviceId} dropped ${JSON.stringify(d)}`);
    }
  });

  it('a device with an unenrolled key cannot ring a station that requires signatures', async () => {
    const net = new Net();
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: true });
    const mallory = net.add('mallory', 'mallory-web', { privateKey: generateSeed(), trusted: household, require: true });
    await mallory.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    await net.pump();
    assert.deepEqual(door.events, []);
    assert.equal(door.engine.status, 'idle');
    assert.equal(door.codec.dropped()['unknown-sender'], 1);
    net.clock.advance(30_000);
    await net.pump();
    assert.deepEqual(mallory.events, ['ended:no-answer']);
  });

  it('a device signing as alice with another key is dropped even by a station that does not require signatures', async () => {
    const net = new Net();
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: false });
    const impostor = net.add('alice', 'alice-phone', { privateKey: generateSeed(), trusted: household, require: false });
    await impostor.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    await net.pump();
    assert.deepEqual(door.events, []);
    assert.equal(door.codec.dropped()['bad-signature'], 1);
  });

  it('an unsigned device posing as an enrolled one is dropped even by a station that does not require signatures', async () => {
    const net = new Net();
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: false });
    const impostor = net.add('alice', 'alice-phone'); // no signing: sig left off
    await impostor.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    await net.pump();
    assert.deepEqual(door.events, []);
    assert.equal(door.codec.dropped().unsigned, 1);
  });

  it('a station that does not require signatures still talks to an unsigned device', async () => {
    const net = new Net();
    const door = net.add('door', 'door-pi', { privateKey: doorSeed, trusted: household, require: false });
    const old = net.add('bob', 'bob-web');
    await old.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    await net.pump();
    assert.deepEqual(door.events, ['incoming']);
    await door.engine.acceptCall();
    await net.pump();
    assert.equal(old.engine.status, 'connecting');
  });
});
