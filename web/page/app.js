// The answer-the-door page: plain JavaScript over the SDK module.
import {
  IntercomClient, enrollmentLine, exportSeed, formatPublicKey, generateSeed, importSeed, isValidId, publicKeyOf,
} from './dist/intercom.js';
import { resolveSettings, signingMemoryKey, signingPolicy } from './settings.js';

const $ = (id) => document.getElementById(id);
const store = {
  get: (k) => { try { return localStorage.getItem(`intercom.${k}`) || ''; } catch { return ''; } },
  set: (k, v) => { try { localStorage.setItem(`intercom.${k}`, v); } catch { /* private mode */ } },
};

const state = {
  config: { brokerUrl: '', defaultChannel: 'home', stations: [], signing: null },
  client: null,
  settings: null,
  retryTimer: 0,
  lastError: null,
  /** Where this browser's signing key stands with the station: see signingState() (the key itself is not here). */
  signing: null,
  /** connect()'s run: a run that finds it changed after an await is stale, closes what it made and stops. */
  connectGen: 0,
  /** Clients made and not yet closed: one once connect() settles (the e2e test checks). */
  openClients: new Set(),
  /** The link's URL parameters; cleared once Settings are saved, so they stop overriding them. */
  linkParams: new URLSearchParams(location.search),
  /** Every call event, in order, as {name, status, reason, callId}: what the e2e test asserts on. */
  log: [],
};
// Exposed for the end-to-end test and for poking around in the console
// (reloadConfig: read the station's keys again, as after an enrollment).
window.intercomApp = state;
state.reloadConfig = () => reloadConfig();
state.connect = () => connect();

// This browser's private signing key: kept here, off window.intercomApp.
let signingKey = null;

// --- notices -----------------------------------------------------------------

function notice(key, kind, text, action) {
  let el = document.querySelector(`.notice[data-key="${key}"]`);
  if (!text) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('div');
    el.dataset.key = key;
    $('notices').append(el);
  }
  el.className = `notice ${kind}`;
  el.replaceChildren();
  const p = document.createElement('p');
  p.textContent = text;
  el.append(p);
  if (action) {
    const b = document.createElement('button');
    b.className = 'btn';
    b.type = 'button';
    b.textContent = action.label;
    b.onclick = action.run;
    el.append(b);
  }
}

function mediaAvailable() {
  return !!(window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

function checkSecureContext() {
  if (mediaAvailable()) return;
  notice('insecure', 'warn',
    `This page is not a secure context (${location.origin}), so the browser gives it no microphone or camera. ` +
    'You can still see and hear the door. To talk, open the page over https:// (and the broker over wss://), or from localhost.');
}

// --- settings ------------------------------------------------------------------

function defaultBroker() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname || '127.0.0.1';
  return `${scheme}://${host}:1884`;
}

/**
 * loadSettings: the link's ?user= ?name= ?channel= ?broker= for this load only
 * (never stored: a link must not re-point the page for good), over what Settings
 * saved. The broker password (the broker logs the user in with the user id as
 * user name) is stored with the broker URL it was entered for and sent only there.
 */
function loadSettings() {
  const s = resolveSettings({ query: state.linkParams, store, config: state.config, fallbackBroker: defaultBroker(), isValidId });
  if (s.passwordWithheldFor) {
    notice('password', 'warn',
      `The saved broker password is for ${s.passwordWithheldFor}, not for ${s.broker}${s.fromLink.includes('broker') ? ' (from the link you opened)' : ''}, so the page does not send it there. ` +
      'To use this broker, enter its password in Settings and save.');
  } else {
    notice('password', '', '');
  }
  return s;
}

function fillForm(form, s) {
  form.userId.value = s.userId;
  form.name.value = s.name;
  form.channel.value = s.channel;
  form.broker.value = s.broker;
  // Empty when the saved password belongs to another broker: saving then cannot move it there unseen.
  form.password.value = s.password;
}

function saveForm(form) {
  const userId = form.userId.value.trim();
  const channel = form.channel.value.trim() || 'home';
  if (!isValidId(userId) || !isValidId(channel)) return false;
  const broker = form.broker.value.trim() || state.config.brokerUrl || defaultBroker();
  store.set('userId', userId);
  store.set('name', form.name.value.trim());
  store.set('channel', channel);
  store.set('broker', broker);
  store.set('password', form.password.value);
  store.set('passwordBroker', form.password.value ? broker : '');
  return true;
}

/**
 * deviceId is stable per browser and user (kept per user, so that a link's ?user=
 * does not cost the saved user its enrolled device id), but two tabs must not
 * share one (they would kick each other off the broker).
 */
async function pickDeviceId(userId) {
  const prefix = `${userId.slice(0, 50)}-`;
  const legacy = store.get('deviceId');
  let id = store.get(`deviceId.${userId}`) || (legacy.startsWith(prefix) ? legacy : '');
  if (!id) id = `${prefix}web-${Math.random().toString(16).slice(2, 8)}`;
  store.set(`deviceId.${userId}`, id);
  if (!navigator.locks) return id;
  const held = await new Promise((resolve) => {
    navigator.locks.request(`intercom-device-${id}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise(() => {}); // hold it while the tab lives
    });
  });
  return held ? id : `${userId.slice(0, 50)}-tab-${Math.random().toString(16).slice(2, 8)}`;
}

// --- signing -------------------------------------------------------------------------

// The browser's Ed25519 key lives in localStorage as a PEM "PRIVATE KEY", the
// form intercomd keeps its own device key in. Made on first use; the station
// believes it once `intercomd keys add` has enrolled the line below.
const KEY_STORE = 'signingKeyPem';

function loadOrCreateKey() {
  const pem = store.get(KEY_STORE);
  if (pem) {
    try {
      return { seed: importSeed(pem), created: false, kept: true };
    } catch (err) {
      console.warn(`intercom: the stored signing key (localStorage intercom.${KEY_STORE}) is unusable, making a new one: ${err.message}`);
    }
  }
  const seed = generateSeed();
  const text = exportSeed(seed);
  store.set(KEY_STORE, text);
  return { seed, created: true, kept: store.get(KEY_STORE) === text };
}

/**
 * signingState says what the page signs with and whether the station will take it:
 * {seed, publicKey, line, stationSigns, require, enrolled, otherKey}.
 */
function signingState(userId, deviceId) {
  if (!signingKey) signingKey = loadOrCreateKey();
  const cfg = state.config.signing;
  const publicKey = formatPublicKey(publicKeyOf(signingKey.seed));
  const trusted = Array.isArray(cfg?.trusted) ? cfg.trusted.filter((t) => t && isValidId(t.user) && isValidId(t.device) && typeof t.key === 'string') : [];
  const mine = trusted.find((t) => t.user === userId && t.device === deviceId);
  return {
    kept: signingKey.kept,
    publicKey,
    line: enrollmentLine(userId, deviceId, publicKey),
    stationSigns: !!cfg,
    require: !!cfg?.require,
    enrolled: !!mine && mine.key === publicKey,
    otherKey: !!mine && mine.key !== publicKey,
    trusted: trusted.map((t) => ({ userId: t.user, deviceId: t.device, publicKey: t.key })),
  };
}

function enrollCommand(sig) {
  return `sudo intercomd keys add${sig.otherKey ? ' --replace' : ''} '${sig.line}' && sudo systemctl reload intercomd`;
}

/** copyText copies to the clipboard, also on http pages where navigator.clipboard is missing. */
async function copyText(text, field) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back below */ }
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function copyButton(button, field, note) {
  button.onclick = async () => {
    const ok = await copyText(field.value, field);
    note.textContent = ok ? 'Copied.' : 'Select the line and copy it by hand.';
    setTimeout(() => { note.textContent = ''; }, 4000);
  };
}

function renderSigning() {
  const sig = state.signing;
  const panel = $('enroll');
  if (!sig) {
    panel.hidden = true;
    return;
  }
  $('key-line').value = sig.line;
  $('key-status').textContent = !sig.stationSigns
    ? 'The station does not check signatures.'
    : sig.enrolled ? 'Enrolled: the station trusts this browser.'
      : sig.require ? 'Not enrolled: the station ignores this browser\'s calls.'
        : 'Not enrolled (the station does not require it yet).';
  const blocked = sig.require && !sig.enrolled;
  panel.hidden = !blocked;
  if (!blocked) return;
  $('enroll-why').textContent = sig.otherKey
    ? `The station has a different key enrolled for ${state.settings.userId} on this device (${state.deviceId}), so it refuses this browser's calls and messages. Replace it on the station:`
    : 'The station refuses this browser\'s calls and messages until it trusts this browser\'s key. On the station run:';
  $('enroll-command').value = enrollCommand(sig);
  $('enroll-note').textContent = sig.kept ? '' : 'This browser does not keep site data (private mode?): the key changes on every visit, so enrolling it will not last.';
}

/** reloadConfig fetches /config.json again and reconnects when the station's keys changed; it reports whether they did. */
async function reloadConfig() {
  const before = JSON.stringify(state.config.signing);
  await loadConfig();
  if (JSON.stringify(state.config.signing) === before) return false;
  await connect();
  return true;
}

/** recheckEnrollment is the panel's "I ran it" button. */
async function recheckEnrollment() {
  if (!(await reloadConfig())) $('enroll-note').textContent = 'The station\'s keys have not changed yet. Run the command on the station, then check again.';
}

/**
 * loadConfig reads /config.json. Its signing policy is remembered per station
 * origin: when the file cannot be read, the page keeps the one the station served
 * last (and says so) instead of silently checking nothing. Only a config.json
 * that was read and has no "signing" turns signing off.
 */
async function loadConfig() {
  let fetched;
  try {
    const r = await fetch('config.json', { cache: 'no-cache' });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const config = await r.json();
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw new Error('not a JSON object');
    fetched = { config };
  } catch (err) {
    fetched = { error: err && err.message ? err.message : String(err) };
  }
  const memory = signingMemoryKey(location.origin);
  const policy = signingPolicy(fetched, store.get(memory));
  if (fetched.config) Object.assign(state.config, fetched.config);
  state.config.signing = policy.signing;
  if (typeof policy.remember === 'string') store.set(memory, policy.remember);
  else if (policy.remember === null) store.set(memory, '');
  notice('config', 'warn', policy.notice);
}

// --- connection ------------------------------------------------------------------

function setLink(kind, text) {
  const el = $('link');
  el.className = `pill pill-${kind}`;
  el.textContent = text;
}

/** closeClient closes a client this page made, and forgets it. */
async function closeClient(client) {
  state.openClients.delete(client);
  await client.close().catch(() => {});
}

/**
 * connect (re)connects with state.settings. Runs may overlap (a double click,
 * Settings saved while connecting): each takes a generation, and a run that finds
 * a newer one started after any await closes what it made and stops, so only the
 * newest run's client stays.
 */
async function connect() {
  const gen = ++state.connectGen;
  const stale = () => gen !== state.connectGen;
  clearTimeout(state.retryTimer);
  const s = state.settings;
  if (state.client) {
    const old = state.client;
    state.client = null;
    await closeClient(old);
    if (stale()) return;
  }
  setLink('wait', 'connecting…');
  if (!state.deviceId) {
    const id = await pickDeviceId(s.userId);
    if (stale()) return;
    state.deviceId = id;
  }
  const deviceId = state.deviceId;
  $('device-id').textContent = deviceId;
  const sig = state.signing = signingState(s.userId, deviceId);
  renderSigning();
  let client;
  try {
    client = await IntercomClient.connect({
      url: s.broker,
      userId: s.userId,
      deviceId,
      name: s.name || s.userId,
      channels: [s.channel],
      password: s.password || undefined,
      connectTimeout: 8000,
      // Always sign: a station that checks nothing ignores the signature.
      signing: { privateKey: signingKey.seed, trusted: sig.trusted, require: sig.require },
    });
  } catch (err) {
    if (stale()) return;
    setLink('off', 'offline');
    if (err.code === 'invalid-options') {
      // Not the broker's fault; retrying would fail the same way.
      notice('broker', 'error', `Cannot start: ${err.message.replace(/^intercom: /, '')}.`);
      return;
    }
    let why = err.message.replace(/^intercom: /, '');
    if (err.code === 'broker') why += ' (check the user id and the broker password in Settings)';
    notice('broker', 'error', `${why.charAt(0).toUpperCase()}${why.slice(1)}. Retrying in 5 s.`,
      { label: 'Retry now', run: () => connect() });
    state.retryTimer = setTimeout(connect, 5000);
    return;
  }
  state.openClients.add(client);
  if (stale()) {
    await closeClient(client);
    return;
  }
  state.client = client;
  notice('broker', '', '');
  setLink('on', 'online');
  client.on('online', () => { setLink('on', 'online'); notice('broker', '', ''); });
  client.on('offline', () => {
    setLink('off', 'offline');
    notice('broker', 'error', `Lost the broker at ${s.broker}; reconnecting…`);
  });
  client.on('reconnecting', () => setLink('wait', 'reconnecting…'));
  client.on('error', ({ error }) => notice('broker', 'error', error.message.replace(/^intercom: /, '')));
  client.presence.on('change', renderStations);
  wireCall(client);
  renderStations();
  showView();
}

// --- stations ----------------------------------------------------------------------

function renderStations() {
  const c = state.client;
  const ch = state.settings.channel;
  $('channel-name').textContent = `on ${ch}`;
  const list = $('stations');
  list.replaceChildren();
  const users = c ? c.presence.users(ch).filter((u) => u.userId !== state.settings.userId) : [];
  for (const id of state.config.stations || []) {
    if (!users.some((u) => u.userId === id)) users.push({ userId: id, name: id, kind: 'station', online: false, devices: [] });
  }
  if (!users.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = c ? 'No station is online on this channel yet.' : 'Not connected.';
    list.append(li);
    return;
  }
  const busy = c && c.status !== 'idle';
  for (const u of users) {
    const li = document.createElement('li');
    li.className = u.online ? 'online' : 'offline';
    li.dataset.user = u.userId;
    const dot = document.createElement('span');
    dot.className = 'dot';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = u.name || u.userId;
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = `${u.kind === 'station' ? 'station' : u.kind}${u.online ? '' : ' · offline'}`;
    const btn = document.createElement('button');
    btn.className = 'btn';
    btn.type = 'button';
    btn.textContent = 'Call';
    btn.disabled = !c || !u.online || busy;
    btn.onclick = () => placeCall(u.userId);
    li.append(dot, name, kind, btn);
    list.append(li);
  }
}

function displayName(userId) {
  return state.client?.presence.nameOf(state.settings.channel, userId) || userId;
}

// --- ringing -------------------------------------------------------------------------

// A two-tone chime while a call rings. Browsers allow sound only after the user
// touched the page once, so the AudioContext is made on the first click.
const ringer = {
  ctx: null,
  timer: 0,
  title: document.title,
  unlock() {
    if (this.ctx || !window.AudioContext) return;
    try { this.ctx = new AudioContext(); } catch { /* no audio */ }
  },
  chime() {
    const ctx = this.ctx;
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    [[659, 0], [523, 0.45]].forEach(([hz, at]) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = hz;
      g.gain.setValueAtTime(0.0001, ctx.currentTime + at);
      g.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + at + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.8);
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + at);
      o.stop(ctx.currentTime + at + 0.85);
    });
  },
  start(name) {
    this.stop();
    document.title = `🔔 ${name} is calling`;
    const ring = () => {
      this.chime();
      navigator.vibrate?.([400, 200, 400]);
    };
    ring();
    this.timer = setInterval(ring, 2500);
  },
  stop() {
    clearInterval(this.timer);
    this.timer = 0;
    document.title = this.title;
    navigator.vibrate?.(0);
  },
};
addEventListener('pointerdown', () => ringer.unlock(), { once: true, capture: true });

// --- calls --------------------------------------------------------------------------

function localMedia() {
  if (!mediaAvailable()) return { audio: false, video: false };
  return { audio: true, video: $('send-video').checked };
}

function explain(err) {
  const msg = (err && err.message ? err.message : String(err)).replace(/^intercom: /, '');
  switch (err && err.code) {
    case 'media-permission-denied':
      return 'The microphone/camera permission was denied. Allow it in the browser\'s site settings (the icon left of the address), or answer without it.';
    case 'media-not-found':
      return 'No microphone or camera was found. Plug one in, or answer without it.';
    case 'insecure-context':
      return 'This page is not a secure context, so there is no microphone or camera: open it over https:// or from localhost.';
    default:
      return msg;
  }
}

async function placeCall(userId) {
  const c = state.client;
  if (!c) return;
  notice('call', '', '');
  try {
    await c.makeCall({ channelId: state.settings.channel, targetUserId: userId, constraints: localMedia() });
    $('call-status').textContent = `Calling ${displayName(userId)}…`;
    if (state.signing?.require && !state.signing.enrolled) {
      notice('call', 'warn', `${displayName(userId)} will not ring: the station refuses calls from browsers that are not enrolled (see above).`);
    }
  } catch (err) {
    notice('call', 'error', `Could not call ${displayName(userId)}: ${explain(err)}`);
  }
}

async function accept(media) {
  const c = state.client;
  $('accept').disabled = true;
  try {
    await c.acceptCall(media);
    $('incoming').close();
    notice('call', '', '');
  } catch (err) {
    $('accept').disabled = false;
    if (c.status === 'ringing' && /^media|insecure/.test(err.code || '')) {
      $('incoming-note').textContent = explain(err);
      $('accept').textContent = 'Answer without microphone';
      $('accept').onclick = () => accept({ audio: false, video: false });
    } else {
      $('incoming').close();
      notice('call', 'error', `Could not answer: ${explain(err)}`);
    }
  }
}

function attachLocalPreview() {
  const s = state.client?.localStream;
  const v = $('local');
  if (s && s.getVideoTracks().length) {
    if (v.srcObject !== s) v.srcObject = s;
    v.dataset.live = '';
  } else {
    v.srcObject = null;
    delete v.dataset.live;
  }
}

const statusText = {
  calling: (ev) => `Calling ${ev.peerName || displayName(ev.userId)}…`,
  ringing: (ev) => `${ev.peerName || displayName(ev.userId)} is calling`,
  connecting: () => 'Connecting…',
  connected: (ev) => `In a call with ${ev.peerName || displayName(ev.userId)}`,
};

function wireCall(client) {
  for (const name of ['incoming', 'connected', 'rejected', 'disconnected', 'statuschanged', 'error', 'ringing', 'ended', 'failed']) {
    client.call.on(name, (ev) => state.log.push({
      name, status: ev.status, connectionState: ev.connectionState, reason: ev.endReasonCode || ev.code || '',
      callId: ev.callId, userId: ev.userId, peerName: ev.peerName, at: Date.now(),
    }));
  }
  client.call.on('incoming', (ev) => {
    $('incoming-name').textContent = ev.peerName || displayName(ev.userId);
    $('incoming-note').textContent = mediaAvailable() ? '' : 'No microphone on an insecure page: you can watch and listen.';
    $('accept').textContent = 'Accept';
    $('accept').disabled = false;
    $('accept').onclick = () => accept(localMedia());
    if (!$('incoming').open) $('incoming').showModal();
    ringer.start(ev.peerName || displayName(ev.userId));
  });
  client.call.on('ringing', () => { $('call-status').textContent = 'Ringing…'; });
  client.call.on('statuschanged', (ev) => {
    if (ev.status !== 'ringing') ringer.stop();
    if (statusText[ev.status]) $('call-status').textContent = statusText[ev.status](ev);
    if (ev.connectionState === 'disconnected') $('call-status').textContent = 'Connection interrupted…';
    attachLocalPreview();
    $('door').disabled = ev.status !== 'connected';
    showView();
    renderStations();
  });
  client.call.on('connected', (ev) => {
    const v = $('remote');
    if (ev.streams.length) v.srcObject = ev.streams[0];
    v.muted = false;
    v.play().catch(() => {
      notice('play', 'info', 'The browser paused the sound.', { label: 'Play', run: () => { v.play(); notice('play', '', ''); } });
    });
    attachLocalPreview();
  });
  client.call.on('rejected', (ev) => notice('call', 'info', `${displayName(ev.userId)}: ${ev.endReasonMessage}.`));
  client.call.on('failed', (ev) => notice('call', 'error', `The call failed: ${ev.error ? explain(ev.error) : ev.endReasonMessage}.`));
  client.call.on('error', (ev) => { state.lastError = ev; });
  client.call.on('ended', (ev) => {
    if ($('incoming').open) $('incoming').close();
    $('remote').srcObject = null;
    attachLocalPreview();
    $('mute').setAttribute('aria-pressed', 'false');
    $('mute').textContent = 'Mute';
    if (!ev.replacedBy && ev.endReasonCode !== 'rejected' && ev.endReasonCode !== 'busy' && ev.endReasonCode !== 'failed') {
      notice('call', 'info', ev.endReasonCode === 'hangup' ? 'Call ended.' : `Call ended: ${ev.endReasonMessage}.`);
      setTimeout(() => notice('call', '', ''), 6000);
    }
    showView();
    renderStations();
  });
}

function showView() {
  const s = state.settings;
  const c = state.client;
  $('who').textContent = s.userId ? `${s.name || s.userId} · ${s.channel}` : '';
  $('setup').hidden = !!s.userId;
  const inCall = !!c && c.status !== 'idle' && c.status !== 'ringing';
  $('call').hidden = !inCall;
  $('home').hidden = !s.userId || inCall;
}

// --- controls ------------------------------------------------------------------------

function wireControls() {
  $('reject').onclick = () => {
    try { state.client?.rejectCall(); } catch { /* already gone */ }
    $('incoming').close();
  };
  $('incoming').addEventListener('cancel', (e) => e.preventDefault()); // Esc must not hide a ringing call
  $('hangup').onclick = () => {
    try { state.client?.endCall(); } catch { /* already over */ }
  };
  $('mute').onclick = () => {
    const c = state.client;
    if (!c) return;
    const muted = $('mute').getAttribute('aria-pressed') !== 'true';
    c.muteAudio(muted);
    $('mute').setAttribute('aria-pressed', String(muted));
    $('mute').textContent = muted ? 'Unmute' : 'Mute';
  };
  $('door').onclick = () => {
    try {
      state.client?.openDoor();
      notice('call', 'info', 'Door opening…');
      setTimeout(() => notice('call', '', ''), 3000);
    } catch (err) {
      notice('call', 'error', explain(err));
    }
  };
  copyButton($('enroll-copy'), $('enroll-command'), $('enroll-copied'));
  copyButton($('key-copy'), $('key-line'), $('key-copied'));
  $('enroll-check').onclick = () => recheckEnrollment();
  $('send-video').checked = store.get('sendVideo') === '1';
  $('send-video').onchange = () => store.set('sendVideo', $('send-video').checked ? '1' : '');
  for (const id of ['setup-form', 'settings-form']) {
    $(id).addEventListener('submit', (e) => {
      e.preventDefault();
      if (!saveForm(e.target)) return;
      const userChanged = state.settings.userId !== store.get('userId');
      // Saved: the link's parameters stop overriding what the user chose.
      state.linkParams = new URLSearchParams();
      if (location.search) history.replaceState(null, '', location.pathname + location.hash);
      state.settings = loadSettings();
      if (userChanged) state.deviceId = '';
      fillForm($('settings-form'), state.settings);
      showView();
      connect();
    });
  }
}

// --- start -----------------------------------------------------------------------------

async function start() {
  await loadConfig();
  checkSecureContext();
  wireControls();
  state.settings = loadSettings();
  fillForm($('setup-form'), state.settings);
  fillForm($('settings-form'), state.settings);
  showView();
  renderStations();
  if (state.settings.userId) connect();
  addEventListener('pagehide', () => { for (const c of state.openClients) c.close(); });
}

start();
