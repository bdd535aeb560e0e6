// daemon: drive the page against a running intercomd (the station), for the
// lead's end-to-end test. Run it inside the same network namespace as the
// daemon (e2e/netns.sh): Chromium gathers no loopback ICE candidates.
//
//   node e2e/daemon.mjs answer --page http://127.0.0.1:8080/ --user panel --station-device door-pi \
//        [--mqtt ws://127.0.0.1:1884] [--channel home] [--expect-caller door] [--open-door] \
//        [--screenshot out/answer.png] [--frames-ms 3000] [--min-frames 30] [--station-audio] [--latency]
//   node e2e/daemon.mjs call   --page ... --user panel --station door --station-device door-pi [--constraints audio=false,video=true] [--repeat 20]
//        (the station answers with ctl accept when it rings; without --station-device it must answer by itself)
//   node e2e/daemon.mjs reject --page ... --user panel --station-device door-pi
//   node e2e/daemon.mjs cancel --page ... --user panel --station-device door-pi
//   node e2e/daemon.mjs refused --page ... --user panel --station door
//        (a station that requires signatures and does not know this browser: the page shows the
//        enrollment command, and its call does not ring; the station counts the drop in /metrics)
//
// Signing (docs/security.md): --key-pem FILE and --device-id ID give the page a
// key and device id before it starts (localStorage, as the page keeps them);
// --enroll 'intercomd keys add --config door.yaml' runs that command with the
// page's enrollment line, --reload-pid PID then sends the daemon SIGHUP, and the
// page's "check again" button must find itself enrolled before the mode runs.
//
// answer/reject/cancel make the station ring the page with the control command
// {"cmd":"call"} on intercom/v1/ctl/{station-device} (as a button press would);
// cancel then sends {"cmd":"end"}. Prints one JSON line with the measurements
// and exits non-zero on any failed check.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { events, eventCount, latencyStats, launchDevice, notBlack, videoStats, waitEvent, waitFor, waitOnline } from './browser.mjs';

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    page: { type: 'string', default: 'http://127.0.0.1:8080/' },
    user: { type: 'string', default: 'panel' },
    name: { type: 'string', default: '' },
    channel: { type: 'string', default: 'home' },
    broker: { type: 'string', default: '' }, // the page's broker URL (?broker=); default: the page's own
    mqtt: { type: 'string', default: 'ws://127.0.0.1:1884' }, // where this script publishes control commands
    'mqtt-username': { type: 'string', default: '' },
    'mqtt-password': { type: 'string', default: '' },
    station: { type: 'string', default: 'door' },
    'station-device': { type: 'string', default: '' },
    'expect-caller': { type: 'string', default: '' },
    constraints: { type: 'string', default: 'audio=true,video=false' },
    'open-door': { type: 'boolean', default: false },
    // Check the station received the browser's audio RTP, from intercomd's /metrics next to the page.
    'station-audio': { type: 'boolean', default: false },
    // Glass-to-glass latency from the synthetic camera's timestamp block code (media.source: synthetic).
    latency: { type: 'boolean', default: false },
    'latency-ms': { type: 'string', default: '5000' },
    screenshot: { type: 'string', default: '' },
    'frames-ms': { type: 'string', default: '3000' },
    'min-frames': { type: 'string', default: '30' },
    'hold-ms': { type: 'string', default: '0' },
    repeat: { type: 'string', default: '1' }, // call mode: measure setup N times, report p50/p95
    phone: { type: 'boolean', default: true },
    'key-pem': { type: 'string', default: '' },
    'device-id': { type: 'string', default: '' },
    enroll: { type: 'string', default: '' },
    'reload-pid': { type: 'string', default: '' },
    // enrolled | unenrolled | off: what the page must find in /config.json's signing before the mode runs.
    'expect-signing': { type: 'string', default: '' },
  },
});
const mode = positionals[0] || 'answer';
const result = { mode, ok: false };

function fail(msg) {
  throw new Error(msg);
}

async function ctl(cmd, extra = {}) {
  const dev = o['station-device'] || fail('--station-device is required to ring the page');
  const c = await mqtt.connectAsync(o.mqtt, {
    username: o['mqtt-username'] || undefined,
    password: o['mqtt-password'] || undefined,
    clientId: `e2e-ctl-${process.pid}`,
  });
  const id = `e2e${Date.now()}`;
  const answer = new Promise((resolve) => {
    c.on('message', (t, p) => {
      const r = JSON.parse(p.toString());
      if (r.id === id) resolve(r);
    });
  });
  await c.subscribeAsync(`intercom/v1/ctl/${dev}/result`, { qos: 1 });
  await c.publishAsync(`intercom/v1/ctl/${dev}`, JSON.stringify({ v: 1, id, cmd, ...extra }), { qos: 1 });
  const r = await Promise.race([answer, new Promise((res) => setTimeout(() => res({ ok: false, error: 'no result in 5 s' }), 5000))]);
  await c.endAsync();
  if (!r.ok) fail(`ctl ${cmd}: ${r.error}`);
  return r;
}

function parseConstraints(s) {
  const out = {};
  for (const kv of s.split(',')) {
    const [k, v] = kv.split('=');
    out[k.trim()] = v.trim() === 'true';
  }
  return out;
}

let P = null;

/** signingState is what the page knows of its key and the station's policy. */
function signingState() {
  return P.evaluate(() => {
    const s = window.intercomApp.signing;
    return s && { line: s.line, require: s.require, enrolled: s.enrolled, stationSigns: s.stationSigns, panel: !document.getElementById('enroll').hidden };
  });
}

/** stationDrops reads intercomd's count of signaling dropped for reason from /metrics next to the page. */
async function stationDrops(reason) {
  const text = await (await fetch(new URL('metrics', o.page))).text();
  const m = new RegExp(`^intercomd_signaling_dropped_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** enroll runs --enroll with the page's line, reloads the daemon, and has the page check again. */
async function enroll() {
  await waitFor(P, 'the enrollment panel', () => !document.getElementById('enroll').hidden);
  const { line } = await signingState();
  const [cmd, ...args] = o.enroll.split(' ').filter(Boolean);
  result.enrolled = line;
  result.enrollOutput = execFileSync(cmd, [...args, line], { encoding: 'utf8' }).trim();
  if (o['reload-pid']) process.kill(Number(o['reload-pid']), 'SIGHUP');
  const key = line.split(' ')[2];
  const t0 = Date.now();
  while (!(await (await fetch(new URL('config.json', o.page))).text()).includes(key)) {
    if (Date.now() - t0 > 10000) fail(`the station's /config.json does not list ${key} 10 s after the reload`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await P.click('#enroll-check');
  await waitFor(P, 'the page to find itself enrolled', () => window.intercomApp.signing?.enrolled && document.getElementById('enroll').hidden);
  await waitOnline(P);
}

/** answerAtStation has the station accept once it rings (ctl accept), unless it answers by itself (no --station-device). */
async function answerAtStation(from) {
  if (!o['station-device']) return;
  await waitEvent(P, 'ringing', from ?? 0);
  await ctl('accept');
}

async function main() {
  const q = new URLSearchParams({ user: o.user, channel: o.channel });
  if (o.name) q.set('name', o.name);
  if (o.broker) q.set('broker', o.broker);
  const viewport = o.phone ? { width: 390, height: 844 } : { width: 1024, height: 768 };
  const storage = {};
  if (o['key-pem']) storage['intercom.signingKeyPem'] = readFileSync(o['key-pem'], 'utf8');
  if (o['device-id']) storage['intercom.deviceId'] = o['device-id'];
  const dev = await launchDevice(o.user, `${o.page}?${q}`, { viewport, storage });
  P = dev.page;
  try {
    await waitOnline(P);
    if (o.enroll) await enroll();
    if (o['expect-signing']) {
      const sig = await signingState();
      result.signing = sig;
      const got = !sig.stationSigns ? 'off' : sig.enrolled ? 'enrolled' : 'unenrolled';
      if (got !== o['expect-signing']) fail(`signing: the page is ${got}, want ${o['expect-signing']} (${JSON.stringify(sig)})`);
    }
    if (mode === 'refused') {
      const sig = await signingState();
      result.signing = sig;
      if (!sig.require || sig.enrolled || !sig.panel) fail(`want a station that requires signatures and an unenrolled page showing the panel, got ${JSON.stringify(sig)}`);
      const cmd = await P.inputValue('#enroll-command');
      if (cmd !== `sudo intercomd keys add '${sig.line}' && sudo systemctl reload intercomd`) fail(`enrollment command ${JSON.stringify(cmd)}`);
      if (o.screenshot) await P.screenshot({ path: o.screenshot });
      const before = await stationDrops('unknown-sender');
      await waitFor(P, `${o.station} listed`, (s) => !!document.querySelector(`#stations li.online[data-user="${s}"] button:not([disabled])`), o.station);
      const e = await eventCount(P);
      await P.click(`#stations li[data-user="${o.station}"] button`);
      await waitFor(P, 'the warning', () => /will not ring/.test(document.getElementById('notices').textContent));
      await new Promise((r) => setTimeout(r, 3000));
      const rang = (await events(P, e)).filter((x) => x.name === 'ringing').length;
      result.stationDropped = (await stationDrops('unknown-sender')) - before;
      if (rang) fail(`the station rang ${rang} times for an unenrolled browser`);
      if (result.stationDropped < 1) fail('the station did not count the invite as dropped (unknown-sender) in /metrics');
      await P.evaluate(() => window.intercomApp.client.endCall());
      result.ok = true;
      return;
    }
    let e0 = await eventCount(P);
    let t0 = Date.now();
    if (mode === 'call') {
      await waitFor(P, `${o.station} online`, (s) => window.intercomApp.client.presence.isOnline(window.intercomApp.settings.channel, s), o.station);
      // Extra rounds first, to measure setup (makeCall → connected, page clock) N-1 times.
      const setups = [];
      for (let i = 1; i < Number(o.repeat); i++) {
        const m = await eventCount(P);
        const start = await P.evaluate(([to, ch, c]) => {
          const t = Date.now();
          window.intercomApp.client.makeCall({ channelId: ch, targetUserId: to, constraints: c });
          return t;
        }, [o.station, o.channel, parseConstraints(o.constraints)]);
        await answerAtStation(m);
        await waitEvent(P, 'connected', m);
        setups.push((await events(P, m)).find((e) => e.name === 'connected').at - start);
        const m2 = await eventCount(P);
        await P.evaluate(() => window.intercomApp.client.endCall());
        await waitEvent(P, 'ended', m2);
        await new Promise((r) => setTimeout(r, 300));
      }
      if (setups.length) {
        setups.sort((a, b) => a - b);
        const pct = (p) => setups[Math.min(setups.length - 1, Math.floor(p * setups.length))];
        result.setup = { n: setups.length, p50: pct(0.5), p95: pct(0.95), min: setups[0], max: setups[setups.length - 1] };
      }
      e0 = await eventCount(P);
      t0 = Date.now();
      await P.evaluate(([to, ch, c]) => window.intercomApp.client.makeCall({ channelId: ch, targetUserId: to, constraints: c }),
        [o.station, o.channel, parseConstraints(o.constraints)]);
      await answerAtStation(e0);
    } else {
      await ctl('call', { channel: o.channel, to: o.user });
      await waitFor(P, 'the incoming dialog', () => document.getElementById('incoming').open);
      const inc = (await events(P, e0)).find((e) => e.name === 'incoming');
      result.incoming = { userId: inc.userId, peerName: inc.peerName, ms: inc.at - t0 };
      if (o['expect-caller'] && inc.userId !== o['expect-caller']) fail(`incoming from ${inc.userId}, want ${o['expect-caller']}`);
      if (mode === 'reject') {
        await P.click('#reject');
        await waitEvent(P, 'ended', e0);
        const e = (await events(P, e0)).find((x) => x.name === 'ended');
        if (e.reason !== 'rejected') fail(`ended(${e.reason}), want rejected`);
        result.ok = true;
        return;
      }
      if (mode === 'cancel') {
        await ctl('end');
        await waitEvent(P, 'ended', e0);
        const e = (await events(P, e0)).find((x) => x.name === 'ended');
        if (e.reason !== 'cancelled') fail(`ended(${e.reason}), want cancelled`);
        if (await P.evaluate(() => document.getElementById('incoming').open)) fail('the dialog is still open');
        result.ok = true;
        return;
      }
      await P.click('#accept');
    }
    await waitEvent(P, 'connected', e0);
    const con = (await events(P, e0)).find((e) => e.name === 'connected');
    result.setupMs = con.at - t0;
    const s = await videoStats(P, '#remote', Number(o['frames-ms']));
    result.video = s;
    if (s.error) fail(s.error);
    if (s.frames < Number(o['min-frames'])) fail(`only ${s.frames} frames in ${o['frames-ms']} ms`);
    if (!notBlack(s)) fail(`the picture is black: ${JSON.stringify(s)}`);
    result.remoteTracks = await P.evaluate(() => document.getElementById('remote').srcObject?.getTracks().map((t) => `${t.kind}:${t.readyState}`));
    result.localTracks = await P.evaluate(() => window.intercomApp.client.localStream?.getTracks().map((t) => t.kind) ?? []);
    if (o.latency) {
      result.latency = await latencyStats(P, '#remote', Number(o['latency-ms']));
      if (!result.latency.frames) fail(`no timestamp read from the video: ${JSON.stringify(result.latency)}`);
    }
    if (o['station-audio']) {
      const text = await (await fetch(new URL('metrics', o.page))).text();
      const m = /^intercomd_call_audio_packets_received_total (\d+)/m.exec(text);
      result.stationAudioPackets = m ? Number(m[1]) : null;
      if (!result.stationAudioPackets) fail(`the station received no audio from the browser (/metrics: ${m ? m[0] : 'no intercomd_call_audio_packets_received_total'})`);
    }
    if (o.screenshot) await P.screenshot({ path: o.screenshot });
    if (o['open-door']) await P.click('#door');
    if (Number(o['hold-ms'])) await new Promise((r) => setTimeout(r, Number(o['hold-ms'])));
    const e1 = await eventCount(P);
    await P.click('#hangup');
    await waitEvent(P, 'ended', e1);
    const errs = (await events(P, e0)).filter((e) => e.name === 'error' || e.name === 'failed');
    if (errs.length) fail(`errors during the call: ${JSON.stringify(errs)}`);
    result.ok = true;
  } finally {
    // Leave the station idle for the next run, whatever happened.
    await P.evaluate(() => window.intercomApp.client?.close()).catch(() => {});
    result.events = (await events(P).catch(() => [])).map((e) => `${e.name}${e.reason ? `(${e.reason})` : ''}`).filter((n) => n !== 'statuschanged');
    await dev.close();
  }
}

try {
  await main();
} catch (e) {
  result.error = e.message;
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
