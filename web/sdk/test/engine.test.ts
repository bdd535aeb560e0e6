// Unit tests of the call state machine: every flow of the protocol, with a fake
// clock, signaler and peer.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flush, rig, type Rig } from './fakes.js';
import { IntercomError } from '../src/types.js';

const OFFER = 'v=0 offer-from-door';

/** outgoing places a call from alice to door and returns the rig after the invite went out. */
async function outgoing(r: Rig = rig({ ids: ['5000000000000001'] }), constraints?: MediaStreamConstraints): Promise<Rig> {
  await r.engine.makeCall({ channelId: 'home', targetUserId: 'door', ...(constraints ? { constraints } : {}) });
  return r;
}

/** incoming makes door-pi ring alice. */
function incoming(r: Rig = rig(), call = '1000000000000001'): Rig {
  r.deliver({ type: 'invite', call, sdp: OFFER, ttl: 30000, name: 'Front door', media: { audio: true, video: true } });
  return r;
}

async function connectedOutgoing(): Promise<Rig> {
  const r = await outgoing();
  r.deliver({ type: 'accept', call: '5000000000000001', sdp: 'answer', toDevice: 'alice-phone', name: 'Front door' });
  await flush();
  r.peers.last.events.state('connecting');
  r.peers.last.events.state('connected');
  return r;
}

async function connectedIncoming(): Promise<Rig> {
  const r = incoming();
  await r.engine.acceptCall();
  r.peers.last.events.state('connected');
  return r;
}

describe('outgoing call', () => {
  it('sends the invite with the offer, ring ttl, media and name', async () => {
    const r = await outgoing();
    const [invite] = r.sig.take();
    assert.deepEqual(invite, {
      type: 'invite', channel: 'home', call: '5000000000000001', to: 'door',
      sdp: 'offer-5000000000000001', media: { audio: true, video: true }, ttl: 30000, name: 'Alice',
    });
    assert.equal(r.engine.status, 'calling');
    assert.deepEqual(r.names(), ['status:calling']);
  });

  it('uses the constraints it is given for getUserMedia', async () => {
    const r = await outgoing(undefined, { audio: false, video: true });
    assert.deepEqual(r.peers.last.media, { constraints: { audio: false, video: true } });
    assert.deepEqual(r.sig.sent[0].media, { audio: false, video: true });
  });

  it('holds local candidates until the invite is out, then trickles them to the callee user', async () => {
    const r = rig({ ids: ['5000000000000001'] });
    const p = r.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    r.peers.last.events.candidate({ candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 });
    await p;
    assert.deepEqual(r.sig.sent.map((m) => m.type), ['invite', 'candidate']);
    assert.equal(r.sig.sent[1].to, 'door');
    assert.equal(r.sig.sent[1].toDevice, undefined);
  });

  it('emits ringing once per ringing device', async () => {
    const r = await outgoing();
    r.deliver({ type: 'ringing', call: '5000000000000001', toDevice: 'alice-phone' });
    r.deliver({ type: 'ringing', call: '5000000000000001', toDevice: 'alice-phone' });
    r.deliver({ type: 'ringing', call: '5000000000000001', fromDevice: 'door-2', toDevice: 'alice-phone' });
    const ringing = r.events.filter((e) => e.name === 'ringing').map((e) => (e.ev as { deviceId: string }).deviceId);
    assert.deepEqual(ringing, ['door-pi', 'door-2']);
    assert.equal(r.engine.status, 'calling');
  });

  it('applies the answer, cancels the other devices with taken, connects', async () => {
    const r = await outgoing();
    r.sig.take();
    // A candidate from the answering device may arrive before the answer is applied.
    r.deliver({ type: 'accept', call: '5000000000000001', sdp: 'answer', toDevice: 'alice-phone', name: 'Front door', media: { audio: true, video: true } });
    r.deliver({ type: 'candidate', call: '5000000000000001', toDevice: 'alice-phone', candidate: { candidate: 'candidate:door' } });
    r.deliver({ type: 'candidate', call: '5000000000000001', fromDevice: 'door-2', toDevice: 'alice-phone', candidate: { candidate: 'candidate:other' } });
    assert.equal(r.engine.status, 'connecting');
    assert.deepEqual(r.peers.last.added, [], 'candidates wait for the remote description');
    await flush();
    assert.equal(r.peers.last.remoteAnswer, 'answer');
    assert.deepEqual(r.peers.last.added, [{ candidate: 'candidate:door' }], 'only the answering device\'s candidates');
    const cancel = r.sig.take().find((m) => m.type === 'cancel');
    assert.deepEqual(cancel, { type: 'cancel', reason: 'taken', acceptedBy: 'door-pi', channel: 'home', call: '5000000000000001', to: 'door' });
    // Local candidates now go to the answering device only.
    r.peers.last.events.candidate({ candidate: 'candidate:mine' });
    assert.equal(r.sig.sent[0].toDevice, 'door-pi');
    r.peers.last.events.state('connected');
    assert.equal(r.engine.status, 'connected');
    const c = r.last('connected');
    assert.equal(c.streams.length, 1);
    assert.equal(c.track?.kind, 'video');
    assert.equal(c.callerId, 'alice');
    assert.equal(c.calleeId, 'door');
    assert.equal(c.channelId, 'home');
    assert.equal(c.peerDeviceId, 'door-pi');
    assert.equal(c.peerName, 'Front door');
    assert.deepEqual(r.names(), ['status:calling', 'status:connecting', 'status:connected', 'connected']);
  });

  it('hangs up a connected call: hangup to the device, disconnected, idle, ended', async () => {
    const r = await connectedOutgoing();
    r.sig.take();
    r.events.length = 0;
    r.engine.endCall();
    assert.deepEqual(r.sig.take(), [{ type: 'hangup', reason: 'hangup', channel: 'home', call: '5000000000000001', to: 'door', toDevice: 'door-pi' }]);
    assert.deepEqual(r.names(), ['disconnected', 'status:idle', 'ended']);
    assert.equal(r.last('ended').endReasonCode, 'hangup');
    assert.equal(r.last('ended').endReasonMessage, 'the call was ended');
    assert.ok(r.peers.last.closed);
    assert.equal(r.engine.status, 'idle');
    assert.equal(r.clock.pending(), 0, 'no timer left');
  });

  it('ends when the other side hangs up', async () => {
    const r = await connectedOutgoing();
    r.events.length = 0;
    r.deliver({ type: 'hangup', call: '5000000000000001', toDevice: 'alice-phone', reason: 'hangup' });
    assert.deepEqual(r.names(), ['disconnected', 'status:idle', 'ended']);
  });

  it('ignores a hangup from a device that did not answer', async () => {
    const r = await connectedOutgoing();
    r.deliver({ type: 'hangup', call: '5000000000000001', fromDevice: 'door-2', reason: 'hangup' });
    assert.equal(r.engine.status, 'connected');
  });

  it('refuses a second call, bad ids and calling oneself', async () => {
    const r = await outgoing();
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'panel' }), { code: 'busy' });
    const r2 = rig();
    await assert.rejects(r2.engine.makeCall({ channelId: 'home', targetUserId: 'bad id!' }), { code: 'invalid-options' });
    await assert.rejects(r2.engine.makeCall({ channelId: '', targetUserId: 'door' }), { code: 'invalid-options' });
    await assert.rejects(r2.engine.makeCall({ channelId: 'home', targetUserId: 'alice' }), { code: 'invalid-options' });
    assert.equal(r2.engine.status, 'idle');
  });

  it('fails cleanly when getUserMedia is refused', async () => {
    const r = rig();
    r.peers.failNext = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'door' }), { code: 'media-permission-denied' });
    assert.deepEqual(r.names(), ['status:calling', 'error', 'failed', 'status:idle', 'ended']);
    assert.equal(r.last('error').code, 'media-permission-denied');
    assert.equal(r.sig.sent.length, 0, 'nothing went out');
  });

  it('fails when the invite cannot be published', async () => {
    const r = rig();
    r.sig.failNext = true;
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'door' }), { code: 'signaling' });
    assert.equal(r.last('ended').endReasonCode, 'failed');
  });

  it('offline: the signaler\'s ready() error comes out of makeCall before any media or event', async () => {
    const offline = new IntercomError('signaling', 'intercom: offline: the broker at ws://door.local:1884 is not connected (reconnecting)');
    const r = rig();
    (r.sig as unknown as { ready: () => void }).ready = () => { throw offline; };
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'door' }), (e) => e === offline);
    assert.equal(r.peers.peers.length, 0, 'no peer, no getUserMedia');
    assert.deepEqual(r.events, [], 'nothing rang, no call events');
    assert.equal(r.sig.sent.length, 0);
    assert.equal(r.engine.status, 'idle');
  });

  it('the invite\'s own send error is what makeCall rejects with', async () => {
    const r = rig();
    r.sig.send = () => { throw new IntercomError('signaling', 'intercom: offline: the broker at ws://x is not connected'); };
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'door' }), /offline: the broker at ws:\/\/x/);
    assert.equal(r.last('ended').endReasonCode, 'failed');
  });

  it('refuses a reserved channel (ctl, state, event)', async () => {
    for (const ch of ['ctl', 'state', 'event']) {
      const r = rig();
      await assert.rejects(r.engine.makeCall({ channelId: ch, targetUserId: 'door' }), { code: 'invalid-options', message: /reserved/ });
      assert.equal(r.sig.sent.length, 0);
    }
  });

  it('cancelled while getUserMedia runs: nothing is sent after the cancel', async () => {
    const r = rig();
    const p = r.engine.makeCall({ channelId: 'home', targetUserId: 'door' });
    r.engine.endCall();
    await p;
    assert.deepEqual(r.sig.sent.map((m) => m.type), ['cancel']);
    assert.equal(r.last('ended').endReasonCode, 'cancelled');
  });
});

describe('incoming call', () => {
  it('rings: ringing to the caller device, incoming with the seed fields', () => {
    const r = incoming();
    assert.deepEqual(r.sig.take(), [{ type: 'ringing', channel: 'home', call: '1000000000000001', to: 'door', toDevice: 'door-pi' }]);
    const ev = r.last('incoming');
    assert.equal(ev.userId, 'door');
    assert.equal(ev.channelId, 'home');
    assert.equal(ev.callId, '1000000000000001');
    assert.equal(ev.callerId, 'door');
    assert.equal(ev.calleeId, 'alice');
    assert.equal(ev.peerName, 'Front door');
    assert.equal(ev.direction, 'incoming');
    assert.deepEqual(ev.media, { audio: true, video: true });
    assert.equal(r.engine.status, 'ringing');
    assert.deepEqual(r.names(), ['status:ringing', 'incoming']);
  });

  it('accepts: buffered candidates applied after the offer, answer to the caller device', async () => {
    const r = incoming();
    r.deliver({ type: 'candidate', call: '1000000000000001', candidate: { candidate: 'candidate:a', sdpMid: '0', sdpMLineIndex: 0 } });
    r.deliver({ type: 'candidate', call: '1000000000000001', candidate: { candidate: '' } });
    r.sig.take();
    await r.engine.acceptCall();
    const peer = r.peers.last;
    assert.equal(peer.remoteOffer, OFFER);
    assert.deepEqual(peer.added, [{ candidate: 'candidate:a', sdpMid: '0', sdpMLineIndex: 0 }, { candidate: '' }]);
    assert.deepEqual(peer.media, { constraints: { audio: true, video: true } }, 'default constraints');
    assert.deepEqual(r.sig.take(), [{
      type: 'accept', channel: 'home', call: '1000000000000001', to: 'door', toDevice: 'door-pi',
      sdp: 'answer-1000000000000001', media: { audio: true, video: true }, name: 'Alice',
    }]);
    assert.equal(r.engine.status, 'connecting');
    r.deliver({ type: 'candidate', call: '1000000000000001', candidate: { candidate: 'candidate:late' } });
    assert.equal(peer.added.length, 3, 'after the answer candidates go straight in');
    peer.events.candidate({ candidate: 'candidate:mine' });
    assert.equal(r.sig.sent[0].toDevice, 'door-pi');
    peer.events.state('connected');
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.last('connected').streams.length, 1);
  });

  it('accepts with constraints, as the seed does', async () => {
    const r = incoming();
    await r.engine.acceptCall({ audio: false, video: true });
    assert.deepEqual(r.peers.last.media, { constraints: { audio: false, video: true } });
    assert.deepEqual(r.sig.ofType('accept')[0].media, { audio: false, video: true });
  });

  it('accepts with a mediaStream the application holds', async () => {
    const r = incoming();
    const stream = { id: 'app-stream', getAudioTracks: () => [{}], getVideoTracks: () => [] } as unknown as MediaStream;
    await r.engine.acceptCall({ mediaStream: stream });
    assert.deepEqual(r.peers.last.media, { stream });
  });

  it('stays ringing when the microphone is refused, so the user can answer without it', async () => {
    const r = incoming();
    r.peers.failNext = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    await assert.rejects(r.engine.acceptCall(), (e: IntercomError) => e.code === 'media-permission-denied' && /permission/.test(e.message));
    assert.equal(r.engine.status, 'ringing');
    assert.equal(r.last('error').code, 'media-permission-denied');
    await r.engine.acceptCall({ audio: false, video: false });
    assert.equal(r.engine.status, 'connecting');
  });

  it('a broken offer ends the call here and tells nobody (another device may answer)', async () => {
    const r = incoming();
    r.sig.take();
    r.peers.failNext = new IntercomError('peer', 'bad sdp');
    await assert.rejects(r.engine.acceptCall(), { code: 'peer' });
    assert.deepEqual(r.sig.take(), []);
    assert.equal(r.last('ended').endReasonCode, 'failed');
  });

  it('acceptCall and rejectCall without a ringing call throw', async () => {
    const r = rig();
    await assert.rejects(r.engine.acceptCall(), { code: 'no-incoming-call' });
    assert.throws(() => r.engine.rejectCall(), { code: 'no-incoming-call' });
    assert.throws(() => r.engine.endCall(), { code: 'no-call' });
  });

  it('the other side hanging up a connected call: disconnected then ended', async () => {
    const r = await connectedIncoming();
    r.events.length = 0;
    r.deliver({ type: 'hangup', call: '1000000000000001', toDevice: 'alice-phone', reason: 'hangup' });
    assert.deepEqual(r.names(), ['disconnected', 'status:idle', 'ended']);
  });

  it('ignores the same invite twice and messages from other devices', () => {
    const r = incoming();
    incoming(r);
    assert.equal(r.events.filter((e) => e.name === 'incoming').length, 1);
    r.deliver({ type: 'cancel', call: '1000000000000001', fromDevice: 'door-2', reason: 'cancelled' });
    assert.equal(r.engine.status, 'ringing');
  });
});

describe('reject', () => {
  it('callee rejects: reject to the caller device, ended(rejected), no rejected event', () => {
    const r = incoming();
    r.sig.take();
    r.engine.rejectCall();
    assert.deepEqual(r.sig.take(), [{ type: 'reject', reason: 'rejected', channel: 'home', call: '1000000000000001', to: 'door', toDevice: 'door-pi' }]);
    assert.deepEqual(r.names(), ['status:ringing', 'incoming', 'status:idle', 'ended']);
    assert.equal(r.last('ended').endReasonCode, 'rejected');
  });

  it('endCall on a ringing call rejects it', () => {
    const r = incoming();
    r.engine.endCall();
    assert.equal(r.sig.ofType('reject')[0].reason, 'rejected');
  });

  it('caller gets rejected: rejected + ended, and cancel{rejected} stops the other devices', async () => {
    const r = await outgoing();
    r.sig.take();
    r.deliver({ type: 'reject', call: '5000000000000001', toDevice: 'alice-phone', reason: 'rejected' });
    assert.deepEqual(r.sig.take(), [{ type: 'cancel', reason: 'rejected', channel: 'home', call: '5000000000000001', to: 'door' }]);
    assert.deepEqual(r.names(), ['status:calling', 'rejected', 'status:idle', 'ended']);
    assert.equal(r.last('rejected').endReasonCode, 'rejected');
    assert.equal(r.last('rejected').endReasonMessage, 'the call was declined');
    // The seed destructures ({event}).
    const { event } = r.last('rejected') as unknown as { event: { endReasonCode: string } };
    assert.equal(event.endReasonCode, 'rejected');
    assert.doesNotThrow(() => JSON.stringify(r.last('rejected')));
  });
});

describe('cancel', () => {
  it('caller hangs up before the answer: cancel{cancelled} to the callee user', async () => {
    const r = await outgoing();
    r.sig.take();
    r.engine.endCall();
    assert.deepEqual(r.sig.take(), [{ type: 'cancel', reason: 'cancelled', channel: 'home', call: '5000000000000001', to: 'door' }]);
    assert.equal(r.last('ended').endReasonCode, 'cancelled');
    assert.equal(r.events.some((e) => e.name === 'disconnected'), false);
  });

  it('callee: the caller cancels, ringing stops', () => {
    const r = incoming();
    r.deliver({ type: 'cancel', call: '1000000000000001', reason: 'cancelled' });
    assert.equal(r.engine.status, 'idle');
    assert.equal(r.last('ended').endReasonCode, 'cancelled');
    assert.equal(r.last('ended').endReasonMessage, 'the caller hung up before the call was answered');
  });

  it('callee: a cancel for a connected call is dropped; only hangup ends it (as Go)', async () => {
    const r = await connectedIncoming();
    r.sig.take();
    r.deliver({ type: 'cancel', call: '1000000000000001', reason: 'cancelled' });
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.events.some((e) => e.name === 'ended'), false);
    r.deliver({ type: 'hangup', call: '1000000000000001', reason: 'hangup', toDevice: 'alice-phone' });
    assert.equal(r.last('ended').endReasonCode, 'hangup');
  });

  it('a late accept for a finished call is dropped', async () => {
    const r = await outgoing();
    r.engine.endCall();
    r.sig.take();
    r.deliver({ type: 'accept', call: '5000000000000001', sdp: 'answer' });
    assert.equal(r.sig.sent.length, 0);
    assert.equal(r.engine.status, 'idle');
  });
});

describe('no answer', () => {
  it('caller: cancel{no-answer} after 30 s', async () => {
    const r = await outgoing();
    r.sig.take();
    r.clock.advance(29_999);
    assert.equal(r.engine.status, 'calling');
    r.clock.advance(1);
    assert.deepEqual(r.sig.take(), [{ type: 'cancel', reason: 'no-answer', channel: 'home', call: '5000000000000001', to: 'door' }]);
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
  });

  it('caller: ringing does not stop the ring timer', async () => {
    const r = await outgoing();
    r.deliver({ type: 'ringing', call: '5000000000000001' });
    r.clock.advance(30_000);
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
  });

  it('callee: ends by itself at ttl + 2 s when the cancel is lost, sending nothing', () => {
    const r = incoming();
    r.sig.take();
    r.clock.advance(31_999);
    assert.equal(r.engine.status, 'ringing');
    r.clock.advance(1);
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
    assert.equal(r.sig.sent.length, 0);
  });

  it('callee: an invite\'s ttl above the ring timeout rings only the ring timeout + 2 s', () => {
    const r = rig();
    r.deliver({ type: 'invite', call: '1000000000000001', sdp: OFFER, ttl: 3_600_000, media: { audio: true, video: true } });
    r.clock.advance(31_999);
    assert.equal(r.engine.status, 'ringing');
    r.clock.advance(1);
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
  });

  it('callee: a shorter ttl than the ring timeout is kept', () => {
    const r = rig();
    r.deliver({ type: 'invite', call: '1000000000000001', sdp: OFFER, ttl: 5_000, media: { audio: true, video: true } });
    r.clock.advance(7_000);
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
  });

  it('callee: the caller\'s no-answer cancel ends it', () => {
    const r = incoming();
    r.deliver({ type: 'cancel', call: '1000000000000001', reason: 'no-answer' });
    assert.equal(r.last('ended').endReasonCode, 'no-answer');
  });
});

describe('busy', () => {
  it('a device in a call answers any other invite with reject{busy} and keeps its call', async () => {
    const r = await connectedIncoming();
    r.sig.take();
    r.deliver({ type: 'invite', call: '2000000000000002', from: 'panel', fromDevice: 'panel-pi', sdp: OFFER });
    assert.deepEqual(r.sig.take(), [{ type: 'reject', reason: 'busy', channel: 'home', call: '2000000000000002', to: 'panel', toDevice: 'panel-pi' }]);
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.engine.current?.callId, '1000000000000001');
  });

  it('caller ends with busy only after 500 ms without a ringing device', async () => {
    const r = await outgoing();
    r.sig.take();
    r.deliver({ type: 'reject', call: '5000000000000001', reason: 'busy' });
    r.clock.advance(499);
    assert.equal(r.engine.status, 'calling');
    r.clock.advance(1);
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.reason]), [['cancel', 'cancelled']], 'cancel carries no busy: stragglers stop');
    assert.deepEqual(r.names(), ['status:calling', 'rejected', 'status:idle', 'ended']);
    assert.equal(r.last('ended').endReasonCode, 'busy');
    assert.equal(r.last('rejected').endReasonMessage, 'the other side is in another call');
  });

  it('caller keeps calling when another device rings within the grace', async () => {
    const r = await outgoing();
    r.deliver({ type: 'reject', call: '5000000000000001', reason: 'busy' });
    r.clock.advance(200);
    r.deliver({ type: 'ringing', call: '5000000000000001', fromDevice: 'door-2' });
    r.clock.advance(1000);
    assert.equal(r.engine.status, 'calling');
  });

  it('caller keeps calling when another device already rang', async () => {
    const r = await outgoing();
    r.deliver({ type: 'ringing', call: '5000000000000001', fromDevice: 'door-2' });
    r.deliver({ type: 'reject', call: '5000000000000001', reason: 'busy' });
    r.clock.advance(1000);
    assert.equal(r.engine.status, 'calling');
  });
});

describe('glare', () => {
  it('our call has the lower id: their invite is ignored, we keep calling', async () => {
    const r = await outgoing(rig({ ids: ['0000000000000001'] }));
    r.sig.take();
    r.deliver({ type: 'invite', call: 'f000000000000000', sdp: OFFER, ttl: 30000 });
    assert.equal(r.sig.sent.length, 0, 'no busy, no ringing');
    assert.equal(r.engine.status, 'calling');
    assert.equal(r.events.some((e) => e.name === 'incoming'), false);
    // Their side cancels its call: nothing happens here.
    r.deliver({ type: 'cancel', call: 'f000000000000000', reason: 'cancelled' });
    assert.equal(r.engine.status, 'calling');
  });

  it('their call has the lower id: we cancel ours and answer theirs automatically', async () => {
    const r = await outgoing(rig({ ids: ['f000000000000000'] }), { audio: true, video: false });
    r.sig.take();
    r.deliver({ type: 'invite', call: '0000000000000001', sdp: OFFER, ttl: 30000 });
    await flush();
    const sent = r.sig.take();
    assert.deepEqual(sent.map((m) => [m.type, m.call, m.reason]), [
      ['cancel', 'f000000000000000', 'cancelled'],
      ['accept', '0000000000000001', undefined],
    ]);
    assert.equal(sent[1].toDevice, 'door-pi');
    assert.deepEqual(r.peers.last.media, { constraints: { audio: true, video: false } }, 'the media we meant to send');
    assert.equal(r.peers.peers[0].closed, true, 'our peer is closed');
    const ended = r.last('ended');
    assert.equal(ended.callId, 'f000000000000000');
    assert.equal(ended.endReasonCode, 'cancelled');
    assert.equal(ended.replacedBy, '0000000000000001');
    assert.equal(r.events.some((e) => e.name === 'incoming'), false, 'no question asked');
    assert.equal(r.engine.status, 'connecting');
    assert.equal(r.engine.current?.direction, 'incoming');
  });

  it('their invite arrived first: calling them answers their ringing call', async () => {
    const r = incoming();
    r.sig.take();
    const info = await r.engine.makeCall({ channelId: 'home', targetUserId: 'door', constraints: { audio: true, video: false } });
    assert.equal(info.callId, '1000000000000001', 'the call that was ringing');
    const sent = r.sig.take();
    assert.deepEqual(sent.map((m) => [m.type, m.call]), [['accept', '1000000000000001']]);
    assert.deepEqual(r.peers.last.media, { constraints: { audio: true, video: false } });
  });

  it('calling a third party while ringing is busy', async () => {
    const r = incoming();
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'gate' }), (e: IntercomError) => e.code === 'busy');
    assert.equal(r.engine.status, 'ringing');
  });

  it('an invite from someone else while calling is busy, not glare', async () => {
    const r = await outgoing(rig({ ids: ['f000000000000000'] }));
    r.sig.take();
    r.deliver({ type: 'invite', call: '0000000000000001', from: 'panel', fromDevice: 'panel-pi', sdp: OFFER });
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.reason]), [['reject', 'busy']]);
  });
});

describe('two devices of one user (taken)', () => {
  it('caller: the first accept wins, a later one gets hangup{taken}', async () => {
    const r = await outgoing();
    r.deliver({ type: 'accept', call: '5000000000000001', sdp: 'answer-1' });
    await flush();
    r.sig.take();
    r.deliver({ type: 'accept', call: '5000000000000001', fromDevice: 'door-2', sdp: 'answer-2' });
    assert.deepEqual(r.sig.take(), [{ type: 'hangup', reason: 'taken', channel: 'home', call: '5000000000000001', to: 'door', toDevice: 'door-2' }]);
    assert.equal(r.peers.last.remoteAnswer, 'answer-1');
    assert.equal(r.engine.current?.peerDeviceId, 'door-pi');
  });

  it('callee that answered ignores cancel{taken} naming itself', async () => {
    const r = incoming();
    await r.engine.acceptCall();
    r.deliver({ type: 'cancel', call: '1000000000000001', reason: 'taken', acceptedBy: 'alice-phone' });
    assert.equal(r.engine.status, 'connecting');
  });

  it('callee still ringing stops with taken when another device answered', () => {
    const r = incoming();
    r.deliver({ type: 'cancel', call: '1000000000000001', reason: 'taken', acceptedBy: 'alice-laptop' });
    assert.equal(r.last('ended').endReasonCode, 'taken');
    assert.equal(r.last('ended').endReasonMessage, 'the call was answered on another device');
  });

  it('callee that answered too late ends with taken on hangup{taken}', async () => {
    const r = incoming();
    await r.engine.acceptCall();
    r.deliver({ type: 'hangup', call: '1000000000000001', toDevice: 'alice-phone', reason: 'taken' });
    assert.equal(r.last('ended').endReasonCode, 'taken');
    assert.equal(r.engine.status, 'idle');
  });

  it('a rejection by one device ends the call for the caller even if another rang', async () => {
    const r = await outgoing();
    r.deliver({ type: 'ringing', call: '5000000000000001', fromDevice: 'door-2' });
    r.deliver({ type: 'reject', call: '5000000000000001', reason: 'rejected' });
    assert.equal(r.last('ended').endReasonCode, 'rejected');
  });
});

describe('peer vanishes', () => {
  it('not connected 15 s after the answer: hangup{failed}, failed, ended', async () => {
    const r = incoming();
    await r.engine.acceptCall();
    r.sig.take();
    r.clock.advance(14_999);
    assert.equal(r.engine.status, 'connecting');
    r.clock.advance(1);
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.reason, m.toDevice]), [['hangup', 'failed', 'door-pi']]);
    assert.deepEqual(r.names().slice(-3), ['failed', 'status:idle', 'ended']);
    assert.equal(r.last('failed').endReasonCode, 'failed');
  });

  it('caller side connect timeout counts from the accept', async () => {
    const r = await outgoing();
    r.clock.advance(20_000 - 1);
    r.deliver({ type: 'accept', call: '5000000000000001', sdp: 'answer' });
    r.clock.advance(14_999);
    assert.equal(r.engine.status, 'connecting');
    r.clock.advance(1);
    assert.equal(r.last('ended').endReasonCode, 'failed');
  });

  it('disconnected for 10 s (the default) fails the call; disconnected and failed are both emitted', async () => {
    const r = await connectedIncoming();
    r.sig.take();
    r.peers.last.events.state('disconnected');
    assert.equal(r.last('statuschanged').connectionState, 'disconnected');
    r.clock.advance(9_999);
    assert.equal(r.engine.status, 'connected');
    assert.deepEqual(r.sig.take(), [], 'the callee never restarts ICE');
    r.clock.advance(1);
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.reason]), [['hangup', 'failed']]);
    assert.deepEqual(r.names().slice(-4), ['failed', 'disconnected', 'status:idle', 'ended']);
  });

  it('the disconnect timeout is still configurable', async () => {
    const r = incoming(rig({ timeouts: { disconnected: 2_000 } }));
    await r.engine.acceptCall();
    r.peers.last.events.state('connected');
    r.peers.last.events.state('disconnected');
    r.clock.advance(1_999);
    assert.equal(r.engine.status, 'connected');
    r.clock.advance(1);
    assert.equal(r.last('ended').endReasonCode, 'failed');
  });

  it('a disconnection that recovers within 10 s keeps the call', async () => {
    const r = await connectedOutgoing();
    r.peers.last.events.state('disconnected');
    r.clock.advance(3_000);
    r.peers.last.events.state('connected');
    r.clock.advance(10_000);
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.events.filter((e) => e.name === 'connected').length, 1, 'connected is emitted once');
  });

  it('ICE failed ends the call at once', async () => {
    const r = await connectedIncoming();
    r.peers.last.events.state('failed');
    assert.equal(r.last('ended').endReasonCode, 'failed');
    assert.equal(r.sig.ofType('hangup')[0].reason, 'failed');
  });

  it('the other side reports failure: failed + ended', async () => {
    const r = await connectedOutgoing();
    r.deliver({ type: 'hangup', call: '5000000000000001', reason: 'failed' });
    assert.deepEqual(r.names().slice(-4), ['failed', 'disconnected', 'status:idle', 'ended']);
  });

  it('events after the end are ignored', async () => {
    const r = await connectedOutgoing();
    const peer = r.peers.last;
    r.engine.endCall();
    const n = r.events.length;
    peer.events.state('failed');
    peer.events.candidate({ candidate: 'x' });
    assert.equal(r.events.length, n);
  });
});

describe('open door', () => {
  it('sends open-door to the station during a connected call', async () => {
    const r = await connectedOutgoing();
    r.sig.take();
    r.engine.openDoor();
    assert.deepEqual(r.sig.take(), [{ type: 'open-door', channel: 'home', call: '5000000000000001', to: 'door', toDevice: 'door-pi' }]);
  });

  it('refuses without a connected call', async () => {
    const r = rig();
    assert.throws(() => r.engine.openDoor(), { code: 'no-call' });
    const r2 = await outgoing();
    assert.throws(() => r2.engine.openDoor(), { code: 'not-connected' });
  });
});

describe('close', () => {
  it('hangs up a connected call and refuses further use', async () => {
    const r = await connectedOutgoing();
    r.sig.take();
    r.engine.close();
    assert.deepEqual(r.sig.take().map((m) => m.type), ['hangup']);
    await assert.rejects(r.engine.makeCall({ channelId: 'home', targetUserId: 'door' }), { code: 'closed' });
  });

  it('a ringing call just stops here: other devices may still answer', () => {
    const r = incoming();
    r.sig.take();
    r.engine.close();
    assert.equal(r.sig.sent.length, 0);
    assert.equal(r.last('ended').endReasonCode, 'cancelled');
  });
});

describe('ICE restart', () => {
  const CALL = '5000000000000001';
  const IN_CALL = '1000000000000001';

  /** reoffers returns the reoffers sent so far. */
  const reoffers = (r: Rig) => r.sig.ofType('reoffer');

  /** disconnectedCaller: a connected outgoing call whose connection just went disconnected. */
  async function disconnectedCaller(over: Parameters<typeof rig>[0] = {}): Promise<Rig> {
    const r = await outgoing(rig({ ids: [CALL], ...over }));
    r.deliver({ type: 'accept', call: CALL, sdp: 'answer', toDevice: 'alice-phone' });
    await flush();
    r.peers.last.events.state('connected');
    r.sig.take();
    r.peers.last.events.state('disconnected');
    return r;
  }

  it('caller: exactly one reoffer to the answering device after 1 s disconnected, not before', async () => {
    const r = await disconnectedCaller();
    r.clock.advance(999);
    await flush();
    assert.deepEqual(reoffers(r), [], 'not before 1 s');
    r.clock.advance(1);
    await flush();
    assert.deepEqual(r.sig.take(), [{ type: 'reoffer', channel: 'home', call: CALL, to: 'door', toDevice: 'door-pi', sdp: `reoffer-${CALL}-1` }]);
    assert.equal(r.peers.last.restartOffers, 1);
    assert.equal(r.engine.status, 'connected', 'a restart is not a status');
  });

  it('caller: no second reoffer while one is outstanding', async () => {
    const r = await disconnectedCaller({ timeouts: { disconnected: 60_000 } });
    r.clock.advance(1_000);
    await flush();
    for (let i = 0; i < 50; i++) {
      r.clock.advance(1_000);
      await flush();
    }
    assert.equal(reoffers(r).length, 1);
    assert.equal(r.peers.last.restartOffers, 1);
    // A repeated disconnected report does not start another one either.
    r.peers.last.events.state('connecting');
    r.peers.last.events.state('disconnected');
    r.clock.advance(5_000);
    await flush();
    assert.equal(reoffers(r).length, 1);
  });

  it('caller: applies the reanswer; another reoffer only 3 s after it if still disconnected', async () => {
    const r = await disconnectedCaller();
    r.clock.advance(1_000);
    await flush();
    assert.equal(reoffers(r).length, 1);
    r.clock.advance(500);
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'reanswer-1' });
    await flush();
    assert.deepEqual(r.peers.last.answers, ['answer', 'reanswer-1']);
    r.clock.advance(2_999);
    await flush();
    assert.equal(reoffers(r).length, 1, 'not before 3 s after the reanswer');
    r.clock.advance(1);
    await flush();
    assert.deepEqual(reoffers(r).map((m) => m.sdp), [`reoffer-${CALL}-1`, `reoffer-${CALL}-2`]);
  });

  it('caller: a stale reanswer, or one from another device, is dropped', async () => {
    const r = await disconnectedCaller();
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'unasked' });
    await flush();
    r.clock.advance(1_000);
    await flush();
    assert.equal(reoffers(r).length, 1);
    r.deliver({ type: 'reanswer', call: CALL, fromDevice: 'door-2', toDevice: 'alice-phone', sdp: 'wrong-device' });
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'reanswer-1' });
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'reanswer-1-again' });
    await flush();
    assert.deepEqual(r.peers.last.answers, ['answer', 'reanswer-1'], 'only the answer to the outstanding reoffer');
    r.clock.advance(3_000);
    await flush();
    assert.equal(reoffers(r).length, 2, 'the stale reanswer did not reset the interval');
  });

  it('caller: connected again stops restarts; a later disconnection restarts again', async () => {
    const r = await disconnectedCaller();
    r.clock.advance(500);
    r.peers.last.events.state('connected');
    r.clock.advance(20_000);
    await flush();
    assert.deepEqual(reoffers(r), [], 'recovered before 1 s: no reoffer');
    assert.equal(r.engine.status, 'connected');

    r.peers.last.events.state('disconnected');
    r.clock.advance(1_000);
    await flush();
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'reanswer-1' });
    await flush();
    r.peers.last.events.state('connected');
    r.clock.advance(20_000);
    await flush();
    assert.equal(reoffers(r).length, 1, 'connected after the reanswer: no second reoffer');
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.clock.pending(), 0, 'no restart or disconnect timer left');
    assert.equal(r.events.filter((e) => e.name === 'connected').length, 1, 'connected is emitted once');
  });

  it('caller: the call still fails after the disconnect timeout if nothing recovers', async () => {
    const r = await disconnectedCaller();
    const peer = r.peers.last;
    // The callee answers every reoffer at once; the connection stays down.
    for (let t = 0; t < 9_999; t += 1) {
      r.clock.advance(1);
      await flush();
      const last = reoffers(r).length;
      if (last > peer.answers.length - 1) r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: `reanswer-${last}` });
    }
    assert.equal(r.engine.status, 'connected');
    assert.deepEqual(reoffers(r).map((m) => m.sdp), [1, 2, 3].map((n) => `reoffer-${CALL}-${n}`), 'at 1 s, 4 s and 7 s');
    r.clock.advance(1);
    await flush();
    assert.deepEqual(r.sig.sent.slice(-1).map((m) => [m.type, m.reason]), [['hangup', 'failed']]);
    assert.match(r.last('failed').error?.message ?? '', /disconnected for 10 s \(3 ICE restarts tried\)/);
    assert.deepEqual(r.names().slice(-4), ['failed', 'disconnected', 'status:idle', 'ended']);
    assert.equal(reoffers(r).length, 3);
    assert.equal(r.clock.pending(), 0);
  });

  it('caller: candidates of the new generation follow the reoffer, to the answering device', async () => {
    const r = await disconnectedCaller();
    const peer = r.peers.last;
    r.clock.advance(1_000); // restartOffer is under way
    peer.events.candidate({ candidate: 'candidate:early-new', sdpMid: '0', sdpMLineIndex: 0 });
    await flush();
    peer.events.candidate({ candidate: 'candidate:late-new', sdpMid: '0', sdpMLineIndex: 0 });
    peer.events.candidate({ candidate: '' });
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.toDevice, m.candidate?.candidate]), [
      ['reoffer', 'door-pi', undefined],
      ['candidate', 'door-pi', 'candidate:early-new'],
      ['candidate', 'door-pi', 'candidate:late-new'],
      ['candidate', 'door-pi', ''],
    ]);
  });

  it('caller: remote candidates that overtake the applied reanswer wait for it', async () => {
    const r = await disconnectedCaller();
    const peer = r.peers.last;
    r.clock.advance(1_000);
    await flush();
    const before = peer.added.length;
    r.deliver({ type: 'reanswer', call: CALL, toDevice: 'alice-phone', sdp: 'reanswer-1' });
    r.deliver({ type: 'candidate', call: CALL, toDevice: 'alice-phone', candidate: { candidate: 'candidate:door-new' } });
    assert.equal(peer.added.length, before, 'held while the reanswer is applied');
    await flush();
    assert.deepEqual(peer.added.slice(before), [{ candidate: 'candidate:door-new' }]);
  });

  it('caller: an ICE-restart offer that cannot be made is retried 3 s later', async () => {
    const r = await disconnectedCaller();
    r.peers.last.failRestartWith = new Error('InvalidStateError');
    r.clock.advance(1_000);
    await flush();
    assert.deepEqual(reoffers(r), []);
    r.clock.advance(2_999);
    await flush();
    assert.deepEqual(reoffers(r), []);
    r.clock.advance(1);
    await flush();
    assert.equal(reoffers(r).length, 1);
  });

  it('caller: no restart before the call is answered, nor of a reoffer sent to it', async () => {
    const r = await outgoing(rig({ ids: [CALL] }));
    r.peers.last.events.state('disconnected');
    r.clock.advance(5_000);
    await flush();
    assert.deepEqual(reoffers(r), []);
    r.deliver({ type: 'accept', call: CALL, sdp: 'answer', toDevice: 'alice-phone' });
    await flush();
    r.sig.take();
    r.deliver({ type: 'reoffer', call: CALL, toDevice: 'alice-phone', sdp: 'callee-offer' });
    await flush();
    assert.deepEqual(r.sig.ofType('reanswer'), [], 'the callee does not restart: the caller answers no reoffer');
    assert.deepEqual(r.peers.last.reoffers, []);
  });

  it('callee: never restarts itself, answers a reoffer from the peer device with a reanswer', async () => {
    const r = await connectedIncoming();
    const peer = r.peers.last;
    r.sig.take();
    peer.events.state('disconnected');
    r.clock.advance(5_000);
    await flush();
    assert.deepEqual(r.sig.take(), [], 'only the caller restarts');
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer-1' });
    // New candidates on both sides wait for the restart's descriptions.
    r.deliver({ type: 'candidate', call: IN_CALL, toDevice: 'alice-phone', candidate: { candidate: 'candidate:door-new' } });
    peer.events.candidate({ candidate: 'candidate:mine-new' });
    const added = peer.added.length;
    assert.deepEqual(r.sig.sent, []);
    await flush();
    assert.deepEqual(peer.reoffers, ['restart-offer-1']);
    assert.deepEqual(r.sig.take(), [
      { type: 'reanswer', channel: 'home', call: IN_CALL, to: 'door', toDevice: 'door-pi', sdp: `reanswer-${IN_CALL}-1` },
      { type: 'candidate', channel: 'home', call: IN_CALL, to: 'door', toDevice: 'door-pi', candidate: { candidate: 'candidate:mine-new' } },
    ]);
    assert.deepEqual(peer.added.slice(added), [{ candidate: 'candidate:door-new' }]);
    // A second reoffer is answered too.
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer-2' });
    await flush();
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.sdp]), [['reanswer', `reanswer-${IN_CALL}-2`]]);
    peer.events.state('connected');
    assert.equal(r.engine.status, 'connected');
    assert.equal(r.events.filter((e) => e.name === 'connected').length, 1);
  });

  it('callee: drops a reoffer from another device', async () => {
    const r = await connectedIncoming();
    r.sig.take();
    r.deliver({ type: 'reoffer', call: IN_CALL, fromDevice: 'door-2', toDevice: 'alice-phone', sdp: 'restart-offer' });
    await flush();
    assert.deepEqual(r.sig.take(), []);
    assert.deepEqual(r.peers.last.reoffers, []);
  });

  it('callee: drops a reoffer before the call is answered (ringing or while answering)', async () => {
    const r = incoming();
    r.sig.take();
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer' });
    await flush();
    assert.deepEqual(r.sig.take(), []);
    assert.equal(r.engine.status, 'ringing');
    const accepting = r.engine.acceptCall();
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer' });
    await accepting;
    await flush();
    assert.deepEqual(r.sig.take().map((m) => m.type), ['accept']);
    assert.deepEqual(r.peers.last.reoffers, []);
  });

  it('callee: a reoffer that cannot be answered fails the call with hangup{failed}, as Go', async () => {
    const r = await connectedIncoming();
    r.sig.take();
    r.peers.last.failRestartWith = new Error('bad sdp');
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer' });
    await flush();
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.reason, m.toDevice]), [['hangup', 'failed', 'door-pi']]);
    assert.equal(r.engine.status, 'idle');
    assert.equal(r.last('ended').endReasonCode, 'failed');
    assert.match(String(r.last('failed').error?.message), /bad sdp/);
  });

  it('callee: drops a reoffer for an answered call that never connected', async () => {
    const r = incoming();
    await r.engine.acceptCall();
    r.peers.last.events.state('connecting');
    r.sig.take();
    r.deliver({ type: 'reoffer', call: IN_CALL, toDevice: 'alice-phone', sdp: 'restart-offer' });
    await flush();
    assert.deepEqual(r.sig.take(), []);
    assert.deepEqual(r.peers.last.reoffers, []);
    assert.equal(r.engine.status, 'connecting');
  });

  it('caller: no restart of an answered call that never connected, by timer or restartIce()', async () => {
    const r = await outgoing(rig({ ids: [CALL] }));
    r.deliver({ type: 'accept', call: CALL, sdp: 'answer', toDevice: 'alice-phone' });
    await flush();
    r.peers.last.events.state('connecting');
    r.peers.last.events.state('disconnected');
    r.clock.advance(5_000);
    await flush();
    assert.deepEqual(reoffers(r), []);
    assert.equal(r.engine.restartIce(), false);
    await flush();
    assert.deepEqual(reoffers(r), []);
    assert.equal(r.peers.last.restartOffers, 0);
  });
});

describe('restartIce (forced)', () => {
  it('the caller of an answered call sends a reoffer at once, even connected; one at a time', async () => {
    const r = await connectedOutgoing();
    r.sig.take();
    assert.equal(r.engine.restartIce(), true);
    await flush();
    assert.deepEqual(r.sig.take().map((m) => [m.type, m.toDevice, m.sdp]), [['reoffer', 'door-pi', 'reoffer-5000000000000001-1']]);
    assert.equal(r.engine.restartIce(), false, 'one outstanding already');
    r.deliver({ type: 'reanswer', call: '5000000000000001', toDevice: 'alice-phone', sdp: 'reanswer-1' });
    await flush();
    assert.deepEqual(r.peers.last.answers, ['answer', 'reanswer-1']);
    r.clock.advance(10_000);
    await flush();
    assert.equal(r.sig.ofType('reoffer').length, 0, 'connected: nothing follows');
    assert.equal(r.engine.status, 'connected');
  });

  it('refused for the callee, an unanswered call and no call', async () => {
    assert.equal(rig().engine.restartIce(), false);
    assert.equal((await outgoing()).engine.restartIce(), false);
    const r = await connectedIncoming();
    r.sig.take();
    assert.equal(r.engine.restartIce(), false);
    await flush();
    assert.deepEqual(r.sig.take(), []);
  });
});
