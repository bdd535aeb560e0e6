// selftest: the SDK and the page end to end, without intercomd. Two Chromium
// "devices" load the page (served by package web's own handler, via
// e2e/servepage) and call each other through a real mosquitto with a WebSocket
// listener. Run it inside a network namespace (Chromium gathers no loopback ICE
// candidates): `bash e2e/run-selftest.sh` does all of it.
//
// Checks: incoming dialog shows the caller's name; accept → both connected; an ICE restart;
// frames decoded on both sides and not black; open door; hang up → both ended;
// reject; cancel before answer; an SDK-level call with {audio:false, video:true};
// a phone-sized screenshot of the page in a call; signed signaling (two enrolled
// browsers call each other, an unenrolled one is refused until it is enrolled).
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventCount, events, launchDevice, notBlack, videoStats, waitEvent, waitFor, waitOnline } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = join(here, '..');
const repo = join(webDir, '..');
const outDir = process.env.E2E_OUT || join(here, 'out');
const mqttPort = Number(process.env.E2E_MQTT_PORT || 18830);
const wsPort = Number(process.env.E2E_WS_PORT || 18831);
const httpPort = Number(process.env.E2E_HTTP_PORT || 8099);
mkdirSync(outDir, { recursive: true });

// E2E_BROKER=embedded: intercomd's embedded broker (package broker) with
// passwords instead of an anonymous mosquitto.
const embedded = process.env.E2E_BROKER === 'embedded';
const USERS = ['alice', 'door', 'panel', 'bob', 'carol', 'dave', 'erin', 'gate', 'mallory'];
const password = (u) => `pw-${u}-secret`;
/** launch opens the page as user in its own browser, logging in to the embedded broker when there is one. */
const launch = (user, url, opts = {}) => launchDevice(user, url, {
  ...opts,
  storage: { ...(opts.storage ?? {}), ...(embedded ? { 'intercom.password': password(user) } : {}) },
});

const children = [];
let mosquitto = null;
let conf = '';
const cleanups = [];
let passed = 0;
let failed = 0;

function start(name, cmd, args) {
  const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  p.on('exit', (code) => { if (code) console.error(`${name} exited ${code}:\n${out}`); });
  children.push(p);
  return p;
}

async function waitPort(url, ms = 20000) {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok || r.status < 500) return;
    } catch { /* not yet */ }
    if (Date.now() - t0 > ms) throw new Error(`${url} not up after ${ms} ms`);
    await sleep(100);
  }
}

/** idlePages are hung up after a failed check, so one failure does not cascade. */
const idlePages = [];

async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack || e}`);
    for (const p of idlePages) {
      await p.evaluate(() => {
        const c = window.intercomApp?.client;
        if (c && c.status !== 'idle') c.endCall();
        document.getElementById('incoming')?.close();
      }).catch(() => {});
    }
    await sleep(500);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function main() {
  // mosquitto: a plain listener is required next to the websockets one (Debian 12's 2.0.11).
  const tmp = mkdtempSync(join(tmpdir(), 'icd-selftest-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  conf = join(tmp, 'mosquitto.conf');
  writeFileSync(conf, [
    `listener ${mqttPort} 127.0.0.1`,
    `listener ${wsPort}`,
    'protocol websockets',
    'allow_anonymous true',
    'set_tcp_nodelay true',
    'persistence false',
    '',
  ].join('\n'));
  // The page, served by package web's handler.
  const servepage = join(tmp, 'servepage');
  const b = spawnSync('go', ['build', '-o', servepage, './web/e2e/servepage'], { cwd: repo, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('go build ./web/e2e/servepage failed');
  if (embedded) {
    // intercomd's own broker (mochi) with users and the daemon's ACL.
    start('servepage', servepage, ['-addr', `127.0.0.1:${httpPort}`, '-broker', `ws://127.0.0.1:${wsPort}`, '-channel', 'home',
      '-broker-ws', `:${wsPort}`, '-users', USERS.map((u) => `${u}:${password(u)}`).join(',')]);
  } else {
    mosquitto = start('mosquitto', process.env.MOSQUITTO || 'mosquitto', ['-c', conf]);
    start('servepage', servepage, ['-addr', `127.0.0.1:${httpPort}`, '-broker', `ws://127.0.0.1:${wsPort}`, '-channel', 'home']);
  }
  await waitPort(`http://127.0.0.1:${httpPort}/config.json`);
  await sleep(300); // mosquitto

  const base = `http://127.0.0.1:${httpPort}/`;
  // alice answers on a phone-sized screen; "door" is a second browser acting as the station.
  const alice = await launch('alice', `${base}?user=alice&name=Alice`, { viewport: { width: 390, height: 844 } });
  cleanups.push(() => alice.close());
  const door = await launch('door', `${base}?user=door&name=Front%20door`);
  cleanups.push(() => door.close());
  const A = alice.page;
  const D = door.page;
  idlePages.push(A, D);

  await check('both pages reach the broker', async () => {
    await waitOnline(A);
    await waitOnline(D);
    // The door shows its camera, like a station; alice sends her microphone only.
    await D.check('#send-video');
  });

  await check('presence: each page lists the other as online', async () => {
    await waitFor(D, 'alice online', () => !!document.querySelector('#stations li.online[data-user="alice"]'));
    await waitFor(A, 'door online', () => !!document.querySelector('#stations li.online[data-user="door"]'));
    const label = await A.textContent('#stations li[data-user="door"] .name');
    assert(label === 'Front door', `alice sees the door as ${JSON.stringify(label)}`);
  });

  let setupMs = 0;
  await check('door calls alice; the dialog shows "Front door"; accept; both connected', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    const t0 = Date.now();
    await D.click('#stations li[data-user="alice"] button');
    await waitFor(A, 'the incoming dialog', () => document.getElementById('incoming').open);
    const name = await A.textContent('#incoming-name');
    assert(name === 'Front door', `dialog names ${JSON.stringify(name)}`);
    await waitEvent(D, 'ringing', d0);
    await A.screenshot({ path: join(outDir, 'incoming-phone.png') });
    await A.click('#accept');
    await waitEvent(A, 'connected', a0);
    await waitEvent(D, 'connected', d0);
    setupMs = Date.now() - t0;
    const inc = (await events(A, a0)).find((e) => e.name === 'incoming');
    assert(inc.userId === 'door' && inc.peerName === 'Front door', `incoming ${JSON.stringify(inc)}`);
    console.log(`     click Call → both connected: ${setupMs} ms (includes the dialog click)`);
  });

  await check('alice decodes the door\'s video: frames counted, not black', async () => {
    const s = await videoStats(A, '#remote', 3000);
    console.log(`     alice remote: ${JSON.stringify(s)}`);
    assert(!s.error, s.error);
    // >= 20 frames in 3 s: the fake camera sends 20 fps; a loaded 2-core CI machine decodes fewer.
    assert(s.frames >= 20, `only ${s.frames} frames in 3 s`);
    assert(notBlack(s), `the picture is black: ${JSON.stringify(s)}`);
  });

  await check('the door decodes alice\'s audio+video too', async () => {
    const s = await videoStats(D, '#remote', 2000);
    // The page sends video only when "send my camera" is ticked; audio always.
    const tracks = await D.evaluate(() => document.getElementById('remote').srcObject?.getTracks().map((t) => `${t.kind}:${t.readyState}`));
    console.log(`     door remote tracks ${JSON.stringify(tracks)} video ${JSON.stringify(s)}`);
    assert(tracks?.some((t) => t === 'audio:live'), `no live remote audio at the door: ${JSON.stringify(tracks)}`);
  });

  await check('screenshot of the call on a phone screen', async () => {
    await A.screenshot({ path: join(outDir, 'call-phone.png') });
    const ok = await A.evaluate(() => {
      const v = document.getElementById('remote');
      const r = v.getBoundingClientRect();
      return r.width > 100 && r.height > 100 && v.videoWidth > 0 && !document.getElementById('call').hidden;
    });
    assert(ok, 'the video area is empty or hidden');
  });

  await check('ICE restart: the door (caller) restarts ICE; new ufrags on both sides, the call and the video go on', async () => {
    // The SDK keeps its RTCPeerConnection private; the test reaches it through
    // the client's engine (fields are plain properties at run time).
    const ice = (p) => p.evaluate(async () => {
      const pc = window.intercomApp.client.engine.call?.peer?.pc;
      if (!pc) return null;
      const ufrag = (d) => /a=ice-ufrag:(\S+)/.exec(d?.sdp ?? '')?.[1] ?? '';
      const stats = await pc.getStats();
      let pair = '';
      stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = s.selectedCandidatePairId; });
      const local = pair ? stats.get(stats.get(pair)?.localCandidateId) : null;
      return {
        local: ufrag(pc.localDescription), remote: ufrag(pc.remoteDescription), state: pc.connectionState,
        signaling: pc.signalingState, pairUfrag: local?.usernameFragment ?? '',
      };
    });
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    const before = { a: await ice(A), d: await ice(D) };
    assert(before.a && before.d, 'no peer connection on a side');
    const started = await D.evaluate(() => window.intercomApp.client.engine.restartIce());
    assert(started === true, 'restartIce() refused on the caller of a connected call');
    // The reanswer is applied: both sides have new credentials, in both directions.
    await waitFor(D, 'the reanswer applied', (b) => {
      const pc = window.intercomApp.client.engine.call?.peer?.pc;
      const u = (d) => /a=ice-ufrag:(\S+)/.exec(d?.sdp ?? '')?.[1] ?? '';
      return pc && pc.signalingState === 'stable' && u(pc.localDescription) !== b.d.local && u(pc.remoteDescription) !== b.d.remote;
    }, before, 10000);
    // The caller (ICE controlling: it nominates) selects a pair of the new
    // generation: its local candidate carries the new ufrag. (The callee's stats
    // can keep naming the old candidate; Chromium reuses candidate stats ids.)
    const t0 = Date.now();
    let after;
    for (;;) {
      after = { a: await ice(A), d: await ice(D) };
      if (after.a?.state === 'connected' && after.d?.state === 'connected' && after.d.pairUfrag === after.d.local) break;
      if (Date.now() - t0 > 10000) throw new Error(`not on the new ICE generation 10 s after the restart: before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
      await sleep(200);
    }
    console.log(`     ice before ${JSON.stringify(before)} after ${JSON.stringify(after)} (${Date.now() - t0} ms after the reanswer)`);
    assert(after.a.local !== before.a.local && after.a.remote !== before.a.remote, `alice kept her ICE credentials: ${JSON.stringify({ before: before.a, after: after.a })}`);
    const s = await videoStats(A, '#remote', 2000);
    console.log(`     alice remote after the restart: ${JSON.stringify(s)}`);
    assert(!s.error && s.frames >= 10, `only ${s.frames} frames in 2 s after the restart: ${s.error ?? ''}`);
    assert(notBlack(s), 'the picture is black after the restart');
    for (const [who, p, from] of [['alice', A, a0], ['door', D, d0]]) {
      const bad = (await events(p, from)).filter((e) => ['ended', 'failed', 'disconnected', 'error', 'connected'].includes(e.name));
      assert(!bad.length, `${who} got ${JSON.stringify(bad)} during the restart`);
      const st = await p.evaluate(() => window.intercomApp.client.status);
      assert(st === 'connected', `${who} is ${st} after the restart`);
    }
  });

  await check('open door during the call, mute, then alice hangs up: both ended(hangup)', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    await A.click('#door');
    await A.click('#mute');
    const muted = await A.evaluate(() => window.intercomApp.client.audioMuted);
    assert(muted, 'mute did not mute the microphone');
    await A.click('#hangup');
    await waitEvent(A, 'ended', a0);
    await waitEvent(D, 'ended', d0);
    const de = (await events(D, d0)).filter((e) => e.name === 'ended' || e.name === 'disconnected').map((e) => `${e.name}:${e.reason}`);
    assert(de.join() === 'disconnected:hangup,ended:hangup', `door got ${de}`);
    const err = (await events(A, a0)).find((e) => e.name === 'error');
    assert(!err, `alice got an error: ${JSON.stringify(err)}`);
  });

  await check('reject: alice rejects, the door gets rejected(rejected)', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    await D.click('#stations li[data-user="alice"] button');
    await waitFor(A, 'the incoming dialog', () => document.getElementById('incoming').open);
    await A.click('#reject');
    await waitEvent(D, 'rejected', d0);
    await waitEvent(A, 'ended', a0);
    const r = (await events(D, d0)).find((e) => e.name === 'rejected');
    assert(r.reason === 'rejected', `reason ${r.reason}`);
    const notice = await D.textContent('#notices');
    assert(/declined/.test(notice), `door shows ${JSON.stringify(notice)}`);
  });

  await check('cancel: the door hangs up while ringing; alice\'s dialog closes with ended(cancelled)', async () => {
    const a0 = await eventCount(A);
    await D.click('#stations li[data-user="alice"] button');
    await waitFor(A, 'the incoming dialog', () => document.getElementById('incoming').open);
    await D.click('#hangup');
    await waitEvent(A, 'ended', a0);
    const e = (await events(A, a0)).find((x) => x.name === 'ended');
    assert(e.reason === 'cancelled', `reason ${e.reason}`);
    assert(!(await A.evaluate(() => document.getElementById('incoming').open)), 'dialog still open');
  });

  await check('SDK: alice calls the door with {audio:false, video:true}; the door accepts; alice ends', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    await A.evaluate(() => window.intercomApp.client.makeCall({ channelId: 'home', targetUserId: 'door', constraints: { audio: false, video: true } }));
    await waitEvent(D, 'incoming', d0);
    await D.evaluate(() => window.intercomApp.client.acceptCall({ audio: true, video: true }));
    await waitEvent(A, 'connected', a0);
    await waitEvent(D, 'connected', d0);
    const s = await videoStats(D, '#remote', 3000);
    console.log(`     door sees alice's camera: ${JSON.stringify(s)}`);
    assert(s.frames >= 15 && notBlack(s), `door video ${JSON.stringify(s)}`);
    const sent = await A.evaluate(() => window.intercomApp.client.localStream?.getTracks().map((t) => t.kind));
    assert(JSON.stringify(sent) === '["video"]', `alice sends ${JSON.stringify(sent)}`);
    await A.evaluate(() => window.intercomApp.client.endCall());
    await waitEvent(D, 'ended', d0);
  });

  await check('busy: a third device calling alice during a call gets rejected(busy)', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    await D.click('#stations li[data-user="alice"] button');
    await waitFor(A, 'the incoming dialog', () => document.getElementById('incoming').open);
    await A.click('#accept');
    await waitEvent(A, 'connected', a0);
    const panel = await launch('panel', `${base}?user=panel&name=Panel`);
    cleanups.push(() => panel.close());
    await waitOnline(panel.page);
    const p0 = await eventCount(panel.page);
    await panel.page.evaluate(() => window.intercomApp.client.makeCall({ channelId: 'home', targetUserId: 'alice', constraints: { audio: true, video: false } }));
    await waitEvent(panel.page, 'rejected', p0);
    const r = (await events(panel.page, p0)).find((e) => e.name === 'rejected');
    assert(r.reason === 'busy', `reason ${r.reason}`);
    assert((await A.evaluate(() => window.intercomApp.client.status)) === 'connected', 'alice lost her call');
    await D.click('#hangup');
    await waitEvent(A, 'ended', a0);
    await panel.close();
  });

  await check('two devices of alice ring; the one that answers wins, the other ends with taken', async () => {
    const tab2 = await launch('alice', `${base}?user=alice&name=Alice`);
    cleanups.push(() => tab2.close());
    const T = tab2.page;
    await waitOnline(T);
    const a0 = await eventCount(A);
    const t0 = await eventCount(T);
    const d0 = await eventCount(D);
    await D.evaluate(() => window.intercomApp.client.makeCall({ channelId: 'home', targetUserId: 'alice', constraints: { audio: true, video: true } }));
    await waitFor(A, 'the dialog on the first device', () => document.getElementById('incoming').open);
    await waitFor(T, 'the dialog on the second device', () => document.getElementById('incoming').open);
    await T.click('#accept');
    await waitEvent(T, 'connected', t0);
    await waitEvent(D, 'connected', d0);
    await waitEvent(A, 'ended', a0);
    const e = (await events(A, a0)).find((x) => x.name === 'ended');
    assert(e.reason === 'taken', `first device ended with ${e.reason}`);
    const rang = (await events(D, d0)).filter((x) => x.name === 'ringing').length;
    assert(rang === 2, `the door heard ringing from ${rang} devices, want 2`);
    await D.evaluate(() => window.intercomApp.client.endCall());
    await waitEvent(T, 'ended', t0);
    await tab2.close();
  });

  await check('glare: both call each other at once; they end up in one call, the lower id\'s', async () => {
    const a0 = await eventCount(A);
    const d0 = await eventCount(D);
    // Both start at the same instant of the shared clock: each is "calling" long
    // before the other's invite (sent after getUserMedia and the offer) arrives.
    const at = Date.now() + 500;
    const call = ([to, video, when]) => new Promise((r) => setTimeout(r, when - Date.now()))
      .then(() => window.intercomApp.client.makeCall({ channelId: 'home', targetUserId: to, constraints: { audio: true, video } }));
    const [ia, id] = await Promise.all([A.evaluate(call, ['door', false, at]), D.evaluate(call, ['alice', true, at])]);
    await waitEvent(A, 'connected', a0);
    await waitEvent(D, 'connected', d0);
    const winner = ia.callId < id.callId ? ia.callId : id.callId;
    const ca = await A.evaluate(() => window.intercomApp.client.currentCall?.callId);
    const cd = await D.evaluate(() => window.intercomApp.client.currentCall?.callId);
    assert(ca === winner && cd === winner, `alice in ${ca}, door in ${cd}, want both in ${winner}`);
    const asked = [...await events(A, a0), ...await events(D, d0)].filter((e) => e.name === 'incoming').length;
    assert(asked === 0, `someone was asked to answer (${asked} incoming events)`);
    await A.evaluate(() => window.intercomApp.client.endCall());
    await waitEvent(D, 'disconnected', d0);
  });

  if (!embedded) {
    await check('the broker restarts: pages go offline, come back, and can call again', async () => {
      mosquitto.kill('SIGTERM');
      await waitFor(A, 'offline', () => document.getElementById('link').textContent !== 'online');
      mosquitto = start('mosquitto', process.env.MOSQUITTO || 'mosquitto', ['-c', conf]);
      await waitOnline(A, 20000);
      await waitOnline(D, 20000);
      await waitFor(D, 'alice online again', () => !!document.querySelector('#stations li.online[data-user="alice"]'), undefined, 20000);
      const a0 = await eventCount(A);
      await D.click('#stations li[data-user="alice"] button');
      await waitEvent(A, 'incoming', a0);
      await A.click('#accept');
      await waitEvent(A, 'connected', a0);
      await A.click('#hangup');
      await waitEvent(A, 'ended', a0);
    });
  }

  await check('microphone refused: the dialog explains it and answers without it', async () => {
    const bob = await launch('bob', `${base}?user=bob&name=Bob`, { grantMedia: false, viewport: { width: 390, height: 844 } });
    cleanups.push(() => bob.close());
    const B = bob.page;
    await waitOnline(B);
    const b0 = await eventCount(B);
    const d0 = await eventCount(D);
    await D.evaluate(() => window.intercomApp.client.makeCall({ channelId: 'home', targetUserId: 'bob', constraints: { audio: true, video: true } }));
    await waitFor(B, 'the incoming dialog', () => document.getElementById('incoming').open);
    await B.click('#accept');
    await waitFor(B, 'the permission note', () => /permission/.test(document.getElementById('incoming-note').textContent));
    await B.screenshot({ path: join(outDir, 'mic-denied-phone.png') });
    const label = await B.textContent('#accept');
    assert(label === 'Answer without microphone', `button says ${JSON.stringify(label)}`);
    await B.click('#accept');
    await waitEvent(B, 'connected', b0);
    await waitEvent(D, 'connected', d0);
    const s = await videoStats(B, '#remote', 3000);
    assert(s.frames >= 10 && notBlack(s), `bob's video ${JSON.stringify(s)}`);
    await B.click('#hangup');
    await waitEvent(D, 'ended', d0);
    await bob.close();
  });

  await check('broker unreachable: the page says so and keeps retrying', async () => {
    const carol = await launch('carol', `${base}?user=carol&broker=${encodeURIComponent('ws://127.0.0.1:9')}`, { log: () => {} });
    cleanups.push(() => carol.close());
    await waitFor(carol.page, 'the broker notice', () => /Could not reach the MQTT broker at ws:\/\/127\.0\.0\.1:9/.test(document.getElementById('notices').textContent), undefined, 20000);
    await carol.page.screenshot({ path: join(outDir, 'broker-unreachable.png') });
    const pill = await carol.page.textContent('#link');
    assert(pill === 'offline' || pill === 'connecting…', `pill says ${pill}`);
    const kept = await carol.page.evaluate(() => ['broker', 'userId', 'name'].filter((k) => localStorage.getItem(`intercom.${k}`) !== null));
    assert(!kept.length, `the link's parameters were stored: ${kept}`);
    if (embedded) {
      const n = await carol.page.textContent('#notices');
      assert(/saved broker password is for .* not for ws:\/\/127\.0\.0\.1:9/.test(n), `no notice that the password is withheld: ${n}`);
    }
    await carol.close();
  });

  await check('overlapping connects (double click, Settings saved mid-connect) leave one client', async () => {
    const carol = await launch('carol', `${base}?user=carol&name=Carol`, { log: () => {} });
    cleanups.push(() => carol.close());
    await waitOnline(carol.page);
    await carol.page.evaluate(() => Promise.all([window.intercomApp.connect(), window.intercomApp.connect(), window.intercomApp.connect()]));
    await waitOnline(carol.page);
    await sleep(500);
    const r = await carol.page.evaluate(() => ({ open: window.intercomApp.openClients.size, connected: window.intercomApp.client?.connected, seed: !!(window.intercomApp.key || window.intercomApp.signing?.seed) }));
    assert(r.open === 1 && r.connected, `after three overlapping connects: ${JSON.stringify(r)}`);
    assert(!r.seed, 'window.intercomApp carries the signing seed');
    await carol.close();
  });

  if (embedded) {
    await check('wrong broker password: the page says the broker refused it', async () => {
      const eve = await launchDevice('eve', `${base}?user=alice`, { storage: { 'intercom.password': 'wrong' }, log: () => {} });
      cleanups.push(() => eve.close());
      await waitFor(eve.page, 'the refusal notice', () => /refused the connection.*broker password/.test(document.getElementById('notices').textContent));
      await eve.close();
    });
  }

  if (process.env.E2E_LAN_ADDR) {
    await check('insecure context (http on a LAN address): the page explains there is no microphone', async () => {
      const lan = `${process.env.E2E_LAN_ADDR}:${httpPort + 1}`;
      start('servepage-lan', servepage, ['-addr', lan, '-broker', `ws://${process.env.E2E_LAN_ADDR}:${wsPort}`]);
      await waitPort(`http://${lan}/config.json`);
      const dave = await launch('dave', `http://${lan}/?user=dave`, { log: () => {} });
      cleanups.push(() => dave.close());
      await waitFor(dave.page, 'the insecure-context notice', () => /not a secure context/.test(document.getElementById('notices').textContent));
      await waitOnline(dave.page);
      await dave.page.screenshot({ path: join(outDir, 'insecure-context.png') });
      await dave.close();
    });
  }

  await signingScenario(servepage, tmp);

  await check('screenshot of the idle page', async () => {
    await sleep(300);
    await A.screenshot({ path: join(outDir, 'idle-phone.png') });
  });

  console.log(`\nscreenshots in ${outDir}`);
  console.log(`${passed} passed, ${failed} failed`);
}

/** newKey makes an Ed25519 key as `intercomd keys init` would, outside any browser: {pem, key}. */
function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }), key: `ed25519:${spki.subarray(spki.length - 32).toString('base64url')}` };
}

/**
 * signingScenario: a page whose /config.json requires signatures, on its own
 * channel. erin and gate hold keys the "station" trusts (put into their
 * localStorage as the PEM the page keeps) and call each other; mallory's page
 * makes its own key (over plain http on the LAN address when there is one: no
 * crypto.subtle there), is shown how to enroll, is refused, then enrolled
 * through the keys file and calls through.
 */
async function signingScenario(servepage, tmp) {
  const erinKey = newKey();
  const gateKey = newKey();
  const sigFile = join(tmp, 'signing.json');
  const trusted = [{ user: 'erin', device: 'erin-web-e2e', key: erinKey.key }, { user: 'gate', device: 'gate-web-e2e', key: gateKey.key }];
  writeFileSync(sigFile, JSON.stringify({ require: true, trusted }));
  const port = httpPort + 2;
  start('servepage-signed', servepage, ['-addr', `127.0.0.1:${port}`, '-broker', `ws://127.0.0.1:${wsPort}`, '-channel', 'signed', '-signing', sigFile]);
  await waitPort(`http://127.0.0.1:${port}/config.json`);
  // The embedded broker refuses WebSocket origins of other ports (README, known gaps): mallory on the LAN only with mosquitto.
  const lan = process.env.E2E_LAN_ADDR && !embedded ? `${process.env.E2E_LAN_ADDR}:${httpPort + 3}` : '';
  if (lan) {
    start('servepage-signed-lan', servepage, ['-addr', lan, '-broker', `ws://${process.env.E2E_LAN_ADDR}:${wsPort}`, '-channel', 'signed', '-signing', sigFile]);
    await waitPort(`http://${lan}/config.json`);
  }
  const base = `http://127.0.0.1:${port}/`;
  const keyStorage = (user, k) => ({ 'intercom.deviceId': `${user}-web-e2e`, 'intercom.signingKeyPem': k.pem });

  let E;
  let G;
  let M;
  await check('signing: two enrolled browsers start with the keys the station trusts', async () => {
    const erin = await launch('erin', `${base}?user=erin&name=Erin`, { viewport: { width: 390, height: 844 }, storage: keyStorage('erin', erinKey) });
    cleanups.push(() => erin.close());
    const gate = await launch('gate', `${base}?user=gate&name=Garden%20gate`, { storage: keyStorage('gate', gateKey) });
    cleanups.push(() => gate.close());
    E = erin.page;
    G = gate.page;
    idlePages.push(E, G);
    await waitOnline(E);
    await waitOnline(G);
    await G.check('#send-video');
    for (const [P, k] of [[E, erinKey], [G, gateKey]]) {
      const sig = await P.evaluate(() => ({ ...window.intercomApp.signing, seed: undefined, enroll: !document.getElementById('enroll').hidden }));
      assert(sig.publicKey === k.key, `the page signs with ${sig.publicKey}, not the key it was given (${k.key})`);
      assert(sig.require && sig.enrolled && !sig.enroll, `signing state ${JSON.stringify(sig)}`);
    }
  });

  await check('signing: gate calls erin, every message signed and verified; video flows; hang up', async () => {
    const e0 = await eventCount(E);
    const g0 = await eventCount(G);
    await waitFor(G, 'erin online', () => !!document.querySelector('#stations li.online[data-user="erin"]'));
    await G.click('#stations li[data-user="erin"] button');
    await waitFor(E, 'the incoming dialog', () => document.getElementById('incoming').open);
    await E.click('#accept');
    await waitEvent(E, 'connected', e0);
    await waitEvent(G, 'connected', g0);
    const s = await videoStats(E, '#remote', 2000);
    assert(s.frames >= 10 && notBlack(s), `erin's video ${JSON.stringify(s)}`);
    await E.click('#hangup');
    await waitEvent(G, 'ended', g0);
    for (const P of [E, G]) {
      const d = await P.evaluate(() => window.intercomApp.client.dropped());
      const bad = Object.entries(d).filter(([r, n]) => n && !['own-device', 'other-device', 'duplicate'].includes(r));
      assert(!bad.length, `dropped ${JSON.stringify(bad)}`);
    }
  });

  await check(`signing: an unenrolled browser${lan ? ' on plain http' : ''} makes its key and is told how to enroll`, async () => {
    const url = lan ? `http://${lan}/` : base;
    const mallory = await launch('mallory', `${url}?user=mallory&name=Mallory`, { viewport: { width: 390, height: 844 } });
    cleanups.push(() => mallory.close());
    M = mallory.page;
    idlePages.push(M);
    await waitOnline(M);
    await waitFor(M, 'the enrollment panel', () => !document.getElementById('enroll').hidden);
    const cmd = await M.inputValue('#enroll-command');
    const line = await M.evaluate(() => window.intercomApp.signing.line);
    assert(/^mallory mallory-web-[0-9a-f]{6} ed25519:[A-Za-z0-9_-]{43}$/.test(line), `enrollment line ${JSON.stringify(line)}`);
    assert(cmd === `sudo intercomd keys add '${line}' && sudo systemctl reload intercomd`, `command ${JSON.stringify(cmd)}`);
    const secure = await M.evaluate(() => window.isSecureContext);
    assert(secure === !lan, `isSecureContext ${secure}`);
    await M.screenshot({ path: join(outDir, 'enroll-phone.png') });
    // The key survives a reload: it is kept, not made anew.
    await M.reload();
    await waitOnline(M);
    const again = await M.evaluate(() => window.intercomApp.signing.line);
    assert(again === line, `after a reload the line is ${again}, was ${line}`);
  });

  await check('signing: the unenrolled browser\'s call does not ring; the page says why', async () => {
    const g0 = await eventCount(G);
    const before = await G.evaluate(() => window.intercomApp.client.dropped()['unknown-sender']);
    await waitFor(M, 'gate online', () => !!document.querySelector('#stations li.online[data-user="gate"]'));
    await M.click('#stations li[data-user="gate"] button');
    await waitFor(M, 'the warning', () => /will not ring: the station refuses calls from browsers that are not enrolled/.test(document.getElementById('notices').textContent));
    await waitFor(G, 'the invite dropped as unknown-sender', (n) => window.intercomApp.client.dropped()['unknown-sender'] > n, before);
    await sleep(1500);
    const rang = (await events(G, g0)).filter((e) => e.name === 'incoming').length;
    assert(rang === 0, `gate rang ${rang} times for an unenrolled caller`);
    await M.click('#hangup');
  });

  await check('signing: enrolled through the keys file, "check again" lets it call; the call connects', async () => {
    const line = await M.evaluate(() => window.intercomApp.signing.line);
    const [user, device, key] = line.split(' ');
    writeFileSync(sigFile, JSON.stringify({ require: true, trusted: [...trusted, { user, device, key }] }));
    await M.click('#enroll-check');
    await waitFor(M, 'the panel to go', () => document.getElementById('enroll').hidden && window.intercomApp.signing.enrolled);
    await waitOnline(M);
    // gate is a browser standing in for the station: it reads the keys again, as a reloaded intercomd would.
    await G.evaluate(() => window.intercomApp.reloadConfig());
    await waitOnline(G);
    const m0 = await eventCount(M);
    const g0 = await eventCount(G);
    await waitFor(M, 'gate online', () => !!document.querySelector('#stations li.online[data-user="gate"] button:not([disabled])'));
    await M.click('#stations li[data-user="gate"] button');
    await waitEvent(G, 'incoming', g0);
    await G.evaluate(() => window.intercomApp.client.acceptCall({ audio: true, video: true }));
    await waitEvent(M, 'connected', m0);
    await waitEvent(G, 'connected', g0);
    const s = await videoStats(M, '#remote', 2000);
    assert(s.frames >= 10 && notBlack(s), `mallory's video ${JSON.stringify(s)}`);
    await M.click('#hangup');
    await waitEvent(G, 'ended', g0);
  });
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`FAIL setup: ${e.stack || e}`);
  console.log(`${passed} passed, ${failed} failed`);
} finally {
  for (const c of cleanups.reverse()) await c();
  for (const p of children) p.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
