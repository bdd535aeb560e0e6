// IntercomClient's own checks, without a broker: options refused at
// construction, and no publishing while the broker link is down.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntercomClient, type ConnectOptions } from '../src/client.js';
import { quietLogger } from './fakes.js';

const URL = 'ws://door.local:1884';

function client(over: Partial<ConnectOptions> = {}): { c: IntercomClient; gum: number[] } {
  const gum: number[] = [];
  const c = new IntercomClient({
    url: URL, userId: 'alice', deviceId: 'alice-web', channels: ['home'], logger: quietLogger,
    getUserMedia: async () => { gum.push(1); throw new Error('no media in node'); },
    ...over,
  });
  return { c, gum };
}

/** withLink gives c a fake MQTT.js client and the link state online. */
function withLink(c: IntercomClient, online: boolean): unknown[][] {
  const published: unknown[][] = [];
  const inner = c as unknown as { mqtt: unknown; online: boolean };
  inner.mqtt = { publish: (...a: unknown[]) => published.push(a), end: (_f: boolean, _o: unknown, cb: () => void) => cb() };
  inner.online = online;
  return published;
}

describe('IntercomClient while the broker is down', () => {
  it('makeCall throws signaling/offline naming the broker, before media or any publish', async () => {
    const { c, gum } = client();
    const published = withLink(c, false);
    const events: string[] = [];
    c.call.on('statuschanged', () => events.push('statuschanged'));
    await assert.rejects(c.makeCall({ channelId: 'home', targetUserId: 'door' }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'signaling');
      assert.match(e.message, /offline.*ws:\/\/door\.local:1884.*reconnecting/);
      return true;
    });
    assert.deepEqual(published, [], 'nothing handed to MQTT.js to queue');
    assert.deepEqual(gum, [], 'the microphone was not asked for');
    assert.deepEqual(events, []);
    assert.equal(c.status, 'idle');
  });

  it('online, makeCall gets past the broker check (to the media, which node lacks)', async () => {
    const { c } = client();
    withLink(c, true);
    await assert.rejects(c.makeCall({ channelId: 'home', targetUserId: 'door' }), (e: Error) => !/offline/.test(e.message));
  });

  it('never connected: refused too', async () => {
    const { c } = client();
    await assert.rejects(c.makeCall({ channelId: 'home', targetUserId: 'door' }), { code: 'signaling', message: /not connected to the broker/ });
  });
});

describe('IntercomClient options', () => {
  it('refuses reserved channels (ctl, state, event), in connect and in makeCall', async () => {
    for (const ch of ['ctl', 'state', 'event']) {
      assert.throws(() => client({ channels: ['home', ch] }), { code: 'invalid-options', message: /reserved/ });
    }
    const { c } = client();
    withLink(c, true);
    await assert.rejects(c.makeCall({ channelId: 'event', targetUserId: 'door' }), { code: 'invalid-options', message: /reserved/ });
  });

  it('refuses a display name over 256 bytes at construction, saying to shorten it in Settings', () => {
    assert.throws(() => client({ name: 'é'.repeat(129) }), { code: 'invalid-options', message: /258 bytes.*shorten the name in Settings/ });
    assert.doesNotThrow(() => client({ name: 'é'.repeat(128) }));
  });
});
