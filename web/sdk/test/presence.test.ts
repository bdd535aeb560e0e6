// Presence from retained announcements.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Presence, presencePayload } from '../src/presence.js';

const t = (user: string, dev: string, ch = 'home') => `intercom/v1/${ch}/presence/${user}/${dev}`;

describe('Presence', () => {
  it('tracks online and offline devices per channel, stations first', () => {
    const p = new Presence();
    const changes: string[] = [];
    p.on('change', (e) => changes.push(`${e.userId}/${e.deviceId}:${e.online}`));
    assert.equal(p.handle(t('door', 'door-pi'), '{"v":1,"state":"online","name":"Front door","kind":"station","ts":1}'), '');
    assert.equal(p.handle(t('alice', 'alice-phone'), presencePayload('online', 'Alice', 'browser', 2)), '');
    assert.equal(p.handle(t('garage', 'garage-pi'), '{"v":1,"state":"offline","name":"Garage","kind":"station"}'), '');
    assert.equal(p.handle(t('door', 'door-pi', 'office'), '{"v":1,"state":"online","kind":"station"}'), '');
    assert.deepEqual(p.users('home').map((u) => [u.userId, u.name, u.kind, u.online]), [
      ['door', 'Front door', 'station', true],
      ['alice', 'Alice', 'browser', true],
      ['garage', 'Garage', 'station', false],
    ]);
    assert.ok(p.isOnline('home', 'door'));
    assert.ok(!p.isOnline('home', 'garage'));
    assert.equal(p.nameOf('home', 'door'), 'Front door');
    assert.equal(p.users('office')[0].name, 'door', 'name defaults to the user id');
    p.handle(t('door', 'door-pi'), '{"v":1,"state":"offline","name":"Front door","kind":"station"}');
    assert.ok(!p.isOnline('home', 'door'));
    assert.deepEqual(changes, ['door/door-pi:true', 'alice/alice-phone:true', 'garage/garage-pi:false', 'door/door-pi:true', 'door/door-pi:false']);
  });

  it('a user is online while any of its devices is', () => {
    const p = new Presence();
    p.handle(t('alice', 'a1'), presencePayload('online', 'Alice', 'browser', 1));
    p.handle(t('alice', 'a2'), presencePayload('offline', 'Alice', 'browser', 1));
    assert.ok(p.isOnline('home', 'alice'));
    assert.equal(p.users('home')[0].devices.length, 2);
  });

  it('an empty retained payload removes the device', () => {
    const p = new Presence();
    p.handle(t('door', 'door-pi'), presencePayload('online', 'Door', 'station', 1));
    p.handle(t('door', 'door-pi'), new Uint8Array());
    assert.deepEqual(p.devices(), []);
  });

  it('ignores invalid announcements with a reason', () => {
    const p = new Presence();
    assert.match(p.handle(t('door', 'door-pi'), 'nope'), /invalid JSON/);
    assert.match(p.handle(t('door', 'door-pi'), '{"v":2,"state":"online"}'), /want/);
    assert.match(p.handle('intercom/v1/home/user/door', '{}'), /not a presence topic/);
    assert.deepEqual(p.devices(), []);
  });
});
