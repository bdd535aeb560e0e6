// Receiver drop rules of the signaling envelope, topics and de-duplication.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEDUPE_CAPACITY, Deduper, SeqCounter, decodeEnvelope, inboxTopic, isValidChannel, isValidId, parsePresenceTopic, presenceTopic } from '../src/envelope.js';

const self = { userId: 'panel', deviceId: 'panel-tab' };
const topic = inboxTopic('home', 'panel');

function env(over: Record<string, unknown> = {}): Record<string, unknown> {
  // Only invite, accept, reoffer and reanswer carry sdp.
  const sdp = over.type && over.type !== 'invite' && !('sdp' in over) ? { sdp: undefined } : {};
  return {
    v: 1, type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', from: 'door', fromDevice: 'door-pi',
    to: 'panel', toDevice: '', seq: 1764213000123001, ttl: 30000, ts: 1764213000123, sdp: 'v=0...',
    media: { audio: true, video: true }, name: 'Front door', ...sdp, ...over,
  };
}

function decode(o: unknown, t = topic) {
  return decodeEnvelope(t, typeof o === 'string' ? o : JSON.stringify(o), self);
}

describe('decodeEnvelope', () => {
  it('accepts the protocol example and keeps its fields', () => {
    const r = decode(env());
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.deepEqual(r.msg, {
      v: 1, type: 'invite', channel: 'home', call: '9f2c4e1a7b3d5c60', from: 'door', fromDevice: 'door-pi', to: 'panel',
      seq: 1764213000123001, ttl: 30000, ts: 1764213000123, sdp: 'v=0...', media: { audio: true, video: true }, name: 'Front door',
    });
  });

  it('accepts every type with its required fields, from bytes too', () => {
    const ok = [
      env({ type: 'ringing', toDevice: 'panel-tab' }),
      env({ type: 'accept', toDevice: 'panel-tab', sdp: 'v=0 answer' }),
      env({ type: 'reject', toDevice: 'panel-tab', reason: 'busy' }),
      env({ type: 'reject', toDevice: 'panel-tab', reason: 'rejected' }),
      env({ type: 'cancel', reason: 'taken', acceptedBy: 'panel-tab' }),
      env({ type: 'cancel', reason: 'no-answer' }),
      env({ type: 'hangup', toDevice: 'panel-tab', reason: 'failed' }),
      env({ type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } }),
      env({ type: 'candidate', candidate: { candidate: '' } }),
      env({ type: 'open-door', toDevice: 'panel-tab' }),
      env({ type: 'reoffer', toDevice: 'panel-tab', sdp: 'v=0 restart offer' }),
      env({ type: 'reanswer', toDevice: 'panel-tab', sdp: 'v=0 restart answer' }),
    ];
    for (const o of ok) {
      const r = decodeEnvelope(topic, new TextEncoder().encode(JSON.stringify(o)), self);
      assert.ok(r.ok, `${o.type}: ${!r.ok ? r.reason : ''}`);
    }
  });

  const drops: [string, unknown, RegExp, string?][] = [
    ['reject with a reason it cannot carry', env({ type: 'reject', toDevice: 'panel-tab', reason: 'failed' }), /want rejected\|busy/],
    ['cancel with busy', env({ type: 'cancel', reason: 'busy' }), /reason/],
    ['ringing without toDevice', env({ type: 'ringing' }), /missing toDevice/],
    ['sdp on ringing', env({ type: 'ringing', toDevice: 'panel-tab', sdp: 'x' }), /sdp not allowed/],
    ['reason on invite', env({ reason: 'hangup' }), /reason not allowed/],
    ['acceptedBy on hangup', env({ type: 'hangup', toDevice: 'panel-tab', reason: 'hangup', acceptedBy: 'x' }), /acceptedBy/],
    ['taken without acceptedBy', env({ type: 'cancel', reason: 'taken' }), /acceptedBy/],
    ['invite without ttl', env({ ttl: undefined }), /missing ttl/],
    ['ttl over an hour', env({ ttl: 3_600_001 }), /over an hour/],
    ['reserved channel', env({ channel: 'ctl' }), /reserved/, inboxTopic('ctl', 'panel')],
    ['long name', env({ name: 'n'.repeat(257) }), /name/],
    ['invalid JSON', '{"v":1,', /invalid JSON/],
    ['not an object', '[1,2]', /not a JSON object/],
    ['unknown v', env({ v: 2 }), /version/],
    ['unknown type', env({ type: 'dance' }), /unknown type/],
    ['missing sdp on invite', env({ sdp: undefined }), /missing sdp/],
    ['missing sdp on accept', env({ type: 'accept', toDevice: 'panel-tab', sdp: '' }), /missing sdp/],
    ['missing sdp on reoffer', env({ type: 'reoffer', toDevice: 'panel-tab' }), /reoffer: missing sdp/],
    ['missing sdp on reanswer', env({ type: 'reanswer', toDevice: 'panel-tab', sdp: '' }), /reanswer: missing sdp/],
    ['reoffer without toDevice', env({ type: 'reoffer', sdp: 'v=0' }), /reoffer: missing toDevice/],
    ['reanswer without toDevice', env({ type: 'reanswer', sdp: 'v=0' }), /reanswer: missing toDevice/],
    ['reason on reoffer', env({ type: 'reoffer', toDevice: 'panel-tab', sdp: 'v=0', reason: 'failed' }), /reason not allowed/],
    ['reason on reanswer', env({ type: 'reanswer', toDevice: 'panel-tab', sdp: 'v=0', reason: 'hangup' }), /reason not allowed/],
    ['acceptedBy on reoffer', env({ type: 'reoffer', toDevice: 'panel-tab', sdp: 'v=0', acceptedBy: 'panel-tab' }), /acceptedBy/],
    ['acceptedBy on reanswer', env({ type: 'reanswer', toDevice: 'panel-tab', sdp: 'v=0', acceptedBy: 'panel-tab' }), /acceptedBy/],
    ['missing reason on reject', env({ type: 'reject', toDevice: 'panel-tab' }), /reason/],
    ['unknown reason on hangup', env({ type: 'hangup', toDevice: 'panel-tab', reason: 'bored' }), /reason/],
    ['missing candidate', env({ type: 'candidate' }), /candidate/],
    ['bad sdpMLineIndex', env({ type: 'candidate', candidate: { candidate: 'c', sdpMLineIndex: -1 } }), /sdpMLineIndex/],
    ['bad call id', env({ call: 'no spaces allowed' }), /call/],
    ['long from', env({ from: 'x'.repeat(65) }), /from/],
    ['missing fromDevice', env({ fromDevice: undefined }), /fromDevice/],
    ['bad toDevice', env({ toDevice: 'a/b' }), /toDevice/],
    ['missing seq', env({ seq: undefined }), /seq/],
    ['fractional seq', env({ seq: 1.5 }), /seq/],
    ['bad media', env({ media: { audio: 'yes', video: true } }), /media/],
    ['channel mismatch', env({ channel: 'office' }), /does not match topic channel/],
    ['to mismatch', env({ to: 'alice' }), /does not match topic user/],
    ['from this device', env({ fromDevice: 'panel-tab' }), /from this device/],
    ['for another device', env({ toDevice: 'panel-phone' }), /for device panel-phone/],
    ['oversize', env({ sdp: 'x'.repeat(70 * 1024) }), /oversize/],
    ['another user\'s inbox', env({ to: 'alice' }), /addressed to user alice/, inboxTopic('home', 'alice')],
    ['not an inbox topic', env(), /not an inbox topic/, 'intercom/v1/home/presence/door/door-pi'],
    ['fractional ttl', env({ ttl: 1.5 }), /bad ttl/],
    ['negative ttl', env({ ttl: -1 }), /negative/],
    ['fractional ts', env({ ts: 1764213000123.5 }), /bad ts/],
    ['sdpMLineIndex over 65535', env({ type: 'candidate', candidate: { candidate: 'c', sdpMLineIndex: 65536 } }), /sdpMLineIndex/],
    ['a lone surrogate in the name', env({ name: 'door \ud800' }), /name is not valid UTF-8/],
    ['a lone surrogate in the candidate', env({ type: 'candidate', candidate: { candidate: '\udc00c' } }), /candidate is not valid UTF-8/],
    ['sig not a string', env({ sig: 5 }), /sig must be strings|sig/],
  ];
  for (const [name, o, want, t] of drops) {
    it(`drops: ${name}`, () => {
      const r = decode(o, t);
      assert.equal(r.ok, false);
      assert.match((r as { reason: string }).reason, want);
    });
  }
});

describe('drop reasons', () => {
  // The names Go's mqttsignal counts under, so that logs read alike on both sides.
  const cases: [string, unknown, string, string?][] = [
    ['invalid JSON', '{"v":1,', 'invalid-json'],
    ['oversize', env({ sdp: 'x'.repeat(70 * 1024) }), 'oversize'],
    ['version', env({ v: 2 }), 'version'],
    ['type', env({ type: 'dance' }), 'type'],
    ['missing sdp', env({ sdp: undefined }), 'missing-field'],
    ['bad id', env({ call: 'a b' }), 'bad-id'],
    ['reason not allowed', env({ reason: 'hangup' }), 'bad-value'],
    ['channel mismatch', env({ channel: 'office' }), 'topic-mismatch'],
    ['own device', env({ fromDevice: 'panel-tab' }), 'own-device'],
    ['other device', env({ toDevice: 'panel-phone' }), 'other-device'],
  ];
  for (const [name, o, want] of cases) {
    it(`${name}: ${want}`, () => {
      const r = decode(o);
      assert.equal(r.ok ? 'accepted' : r.drop, want);
    });
  }

  it('a payload that is not valid UTF-8: invalid-json, not decoded with U+FFFD', () => {
    const good = new TextEncoder().encode(JSON.stringify(env({ name: 'Front door' })));
    assert.ok(decodeEnvelope(topic, good, self).ok);
    const text = JSON.stringify(env({ name: 'Front door' }));
    const at = text.indexOf('Front');
    const bad = new Uint8Array([...new TextEncoder().encode(text.slice(0, at)), 0xff, 0xfe, ...new TextEncoder().encode(text.slice(at))]);
    const r = decodeEnvelope(topic, bad, self);
    assert.equal(r.ok ? 'accepted' : r.drop, 'invalid-json');
    assert.match((r as { reason: string }).reason, /not valid UTF-8/);
  });

  it('a surrogate pair split between candidate and sdpMid: each is a lone surrogate, bad-value', () => {
    const r = decode(env({ candidate: { candidate: 'candidate:1 \ud83d', sdpMid: '\ude00' } }));
    assert.equal(r.ok ? 'accepted' : r.drop, 'bad-value');
    assert.ok(decode(env({ candidate: { candidate: 'candidate:1 \ud83d\ude00', sdpMid: '0' } })).ok, 'a whole pair is fine');
  });

  it('the reserved channels include event (Go\'s topic.go): ctl, state, event', () => {
    for (const ch of ['ctl', 'state', 'event']) {
      assert.equal(isValidChannel(ch), false, ch);
      const r = decode(env({ channel: ch }), inboxTopic(ch, 'panel'));
      assert.equal(r.ok ? 'accepted' : r.drop, 'bad-id', ch);
    }
    assert.equal(isValidChannel('home'), true);
  });

  it('keeps a candidate on any type, as Go does, so that a signature covers it', () => {
    const r = decode(env({ candidate: { candidate: '', sdpMid: '' } }));
    assert.ok(r.ok);
    assert.deepEqual(r.msg.candidate, { candidate: '', sdpMid: '' });
  });

  it('leaves out zero and empty values, as Go\'s omitempty does', () => {
    const r = decode(env({ type: 'ringing', toDevice: 'panel-tab', ttl: 0, ts: 0, name: '' }));
    assert.ok(r.ok);
    assert.deepEqual(Object.keys(r.msg), ['v', 'type', 'channel', 'call', 'from', 'fromDevice', 'to', 'toDevice', 'seq', 'media']);
  });
});

describe('ids and topics', () => {
  it('validates ids', () => {
    for (const ok of ['door', 'door-pi', 'a.b_c-D9', 'x'.repeat(64)]) assert.ok(isValidId(ok), ok);
    for (const bad of ['', 'x'.repeat(65), 'a b', 'a/b', 'a+b', '#', 3, null]) assert.ok(!isValidId(bad), String(bad));
  });
  it('builds and parses topics', () => {
    assert.equal(inboxTopic('home', 'door'), 'intercom/v1/home/user/door');
    assert.equal(presenceTopic('home', 'door', 'door-pi'), 'intercom/v1/home/presence/door/door-pi');
    assert.deepEqual(parsePresenceTopic('intercom/v1/home/presence/door/door-pi'), { channel: 'home', userId: 'door', deviceId: 'door-pi' });
    assert.equal(parsePresenceTopic('intercom/v1/home/presence/door'), null);
  });
});

describe('Deduper', () => {
  it('drops a (fromDevice, seq) pair seen before', () => {
    const d = new Deduper(3);
    assert.equal(d.seenBefore('door', 'door-pi', 1), false);
    assert.equal(d.seenBefore('door', 'door-pi', 1), true);
    assert.equal(d.seenBefore('door', 'door-2', 1), false, 'seq is per device');
    assert.equal(d.seenBefore('gate', 'door-pi', 1), false, 'and per user: two users may name a device alike');
  });
  it('remembers 4096 by default, as Go and docs/security.md', () => {
    assert.equal(DEDUPE_CAPACITY, 4096);
    const d = new Deduper();
    for (let i = 1; i <= 4096; i++) d.seenBefore('u', 'a', i);
    assert.equal(d.seenBefore('u', 'a', 1), true, 'the first of 4096 is still remembered');
    assert.equal(d.seenBefore('u', 'a', 4097), false);
    assert.equal(d.seenBefore('u', 'a', 2), true);
    assert.equal(d.seenBefore('u', 'a', 1), false, 'the 4097th pushed the oldest out');
  });
  it('forgets the oldest beyond its capacity', () => {
    const d = new Deduper(2);
    d.seenBefore('u', 'a', 1);
    d.seenBefore('u', 'a', 2);
    d.seenBefore('u', 'a', 3);
    assert.equal(d.seenBefore('u', 'a', 1), false);
    assert.equal(d.seenBefore('u', 'a', 3), true);
  });
});

describe('SeqCounter', () => {
  it('starts at unix microseconds and strictly increases', () => {
    const s = new SeqCounter(1764213000123);
    assert.equal(s.next(), 1764213000123001);
    assert.equal(s.next(), 1764213000123002);
    assert.ok(Number.isSafeInteger(s.next()));
  });
});

describe('decodeEnvelope on hostile input', () => {
  // A cheap fuzz: mutated valid envelopes and random bytes never throw, and
  // whatever is accepted satisfies the invariants the engine relies on.
  it('never throws and accepts only well-formed messages', () => {
    let state = 42;
    const rand = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
    const values: unknown[] = ['', 'x', 'door-pi', 'a/b', 0, -1, 1.5, 2 ** 60, null, true, [], {}, { candidate: 1 }, 'taken', 'busy', 'ctl'];
    const keys = ['v', 'type', 'channel', 'call', 'from', 'fromDevice', 'to', 'toDevice', 'seq', 'ttl', 'sdp', 'media', 'candidate', 'reason', 'acceptedBy', 'name'];
    const types = ['invite', 'ringing', 'accept', 'reject', 'cancel', 'hangup', 'candidate', 'open-door'];
    for (let i = 0; i < 5000; i++) {
      const o: Record<string, unknown> = env({ type: types[Math.floor(rand() * types.length)], toDevice: 'panel-tab', reason: 'hangup' });
      for (let j = 0; j < 1 + rand() * 3; j++) o[keys[Math.floor(rand() * keys.length)]] = values[Math.floor(rand() * values.length)];
      const r = decodeEnvelope(topic, JSON.stringify(o), self);
      if (r.ok) {
        assert.ok(isValidId(r.msg.call) && isValidId(r.msg.from) && isValidId(r.msg.fromDevice));
        assert.ok(Number.isSafeInteger(r.msg.seq) && r.msg.seq > 0);
        assert.notEqual(r.msg.fromDevice, self.deviceId);
        if (r.msg.type === 'invite' || r.msg.type === 'accept') assert.ok(r.msg.sdp);
        if (r.msg.type === 'candidate') assert.equal(typeof r.msg.candidate?.candidate, 'string');
      }
      const bytes = new Uint8Array(Math.floor(rand() * 64)).map(() => Math.floor(rand() * 256));
      assert.equal(decodeEnvelope(topic, bytes, self).ok, false);
    }
  });
});
