// The page's DOM-free decisions (page/settings.js): a link's URL parameters
// apply to one page load, the broker password goes only to the broker it was
// entered for, and a /config.json that cannot be read keeps the signing policy
// the station served last. Plain JavaScript like the page; run by npm test.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { passwordFor, resolveSettings, sameBroker, signingMemoryKey, signingPolicy } from '../../page/settings.js';

const isValidId = (s) => typeof s === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(s);
const storeOf = (kv) => {
  const m = { ...kv };
  return { get: (k) => m[k] || '', set: () => assert.fail('resolveSettings must not write to the store'), m };
};
const STATION = 'ws://door.local:1884';
const resolve = (search, kv, config = { brokerUrl: STATION, defaultChannel: 'home' }) =>
  resolveSettings({ query: new URLSearchParams(search), store: storeOf(kv), config, fallbackBroker: 'ws://page.host:1884', isValidId });

describe('page settings: URL parameters', () => {
  const saved = { userId: 'alice', name: 'Alice', channel: 'home', broker: STATION, password: 'pw', passwordBroker: STATION };

  it('uses what Settings saved when the link has no parameters, and sends the password to its broker', () => {
    const s = resolve('', saved);
    assert.deepEqual([s.userId, s.name, s.channel, s.broker, s.password, s.passwordWithheldFor], ['alice', 'Alice', 'home', STATION, 'pw', '']);
    assert.deepEqual(s.fromLink, []);
  });

  it('a link\'s ?broker= applies to this load, and the stored password is not sent there', () => {
    const s = resolve('?broker=ws://evil:1884', saved);
    assert.equal(s.broker, 'ws://evil:1884');
    assert.equal(s.password, '', 'the password must not go to the link\'s broker');
    assert.equal(s.passwordWithheldFor, STATION, 'the page names the broker the password is for');
    assert.deepEqual(s.fromLink, ['broker']);
  });

  it('a link\'s broker is gone on the next load without it (nothing was stored)', () => {
    const store = storeOf(saved);
    resolveSettings({ query: new URLSearchParams('?broker=ws://evil:1884&user=mallory&name=M&channel=x'), store, config: {}, fallbackBroker: STATION, isValidId });
    assert.deepEqual(store.m, saved);
  });

  it('?user= ?name= ?channel= apply to this load; the saved name is not lent to another user', () => {
    assert.deepEqual(Object.values((({ userId, name, channel }) => ({ userId, name, channel }))(resolve('?user=bob&channel=garden', saved))), ['bob', '', 'garden']);
    assert.equal(resolve('?user=alice', saved).name, 'Alice');
    assert.equal(resolve('?name=Al', saved).name, 'Al');
    assert.equal(resolve('?user=no%20spaces', saved).userId, 'alice', 'an invalid id is ignored');
  });

  it('a password saved with a broker is sent to that broker however its URL is spelled', () => {
    assert.equal(resolve('?broker=ws://DOOR.local:1884/', saved).password, 'pw');
    assert.ok(sameBroker('ws://door.local:1884', 'ws://door.local:1884/'));
    assert.ok(!sameBroker('ws://door.local:1884', 'ws://door.local:1885'));
  });

  it('a password stored before it had a broker belongs to the station\'s broker only', () => {
    const legacy = { userId: 'alice', password: 'pw' };
    assert.equal(resolve('', legacy).password, 'pw');
    assert.equal(resolve('?broker=ws://evil:1884', legacy).password, '');
    // An older page stored a link's broker for good; the password does not follow it there.
    assert.equal(resolve('', { ...legacy, broker: 'ws://evil:1884' }).password, '');
    assert.equal(passwordFor(storeOf(legacy), 'ws://page.host:1884', 'ws://page.host:1884').password, 'pw');
  });

  it('no password stored: nothing to withhold', () => {
    assert.deepEqual(passwordFor(storeOf({}), 'ws://evil:1884', STATION), { password: '', withheldFor: '' });
  });
});

describe('page settings: the station\'s signing policy', () => {
  const signing = { require: true, trusted: [{ user: 'door', device: 'door-pi', key: 'ed25519:AAAA' }] };

  it('a config.json with signing: used and remembered', () => {
    const p = signingPolicy({ config: { brokerUrl: '', signing } }, '');
    assert.deepEqual(p.signing, signing);
    assert.deepEqual(JSON.parse(p.remember), signing);
    assert.equal(p.notice, '');
  });

  it('a config.json read without signing: off, and the memory is forgotten', () => {
    const p = signingPolicy({ config: { brokerUrl: '' } }, JSON.stringify(signing));
    assert.equal(p.signing, null);
    assert.equal(p.remember, null);
  });

  it('config.json unavailable: the policy served last holds, and the page says so', () => {
    const p = signingPolicy({ error: 'HTTP 502' }, JSON.stringify(signing));
    assert.deepEqual(p.signing, signing, 'a failed fetch must not turn signing off');
    assert.equal(p.remember, undefined, 'the memory is kept');
    assert.match(p.notice, /HTTP 502.*served last \(signatures required, 1 trusted key\)/);
  });

  it('config.json unavailable and nothing remembered: no signing, and the page says so', () => {
    for (const memory of ['', 'not json', '{"require":true}']) {
      const p = signingPolicy({ error: 'Failed to fetch' }, memory);
      assert.equal(p.signing, null);
      assert.match(p.notice, /Failed to fetch.*checks no signatures/);
    }
  });

  it('a config.json that is not an object counts as unavailable', () => {
    assert.deepEqual(signingPolicy({ config: null, error: 'not a JSON object' }, JSON.stringify(signing)).signing, signing);
  });

  it('remembers per station origin', () => {
    assert.notEqual(signingMemoryKey('http://door.local:8080'), signingMemoryKey('http://gate.local:8080'));
  });
});

describe('the page uses these', () => {
  const app = readFileSync(new URL('../../page/app.js', import.meta.url), 'utf8');

  it('stores no URL parameter', () => {
    assert.doesNotMatch(app, /store\.set\([^)]*(q\.get|query|linkParams|location\.search)/);
    assert.match(app, /resolveSettings\(/);
  });

  it('keeps the private key off window.intercomApp', () => {
    assert.doesNotMatch(app, /state\.key\b|seed:\s*signingKey/);
  });
});
