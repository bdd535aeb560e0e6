// Browser helpers for the end-to-end tests: Debian's Chromium driven by
// playwright-core, one persistent context (its own profile, so its own
// localStorage) per simulated device, fake camera and microphone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags from PRODUCT.md ("Headless Chromium"): no background networking (there
// is no internet: every such connection is refused), fake media that needs no
// permission prompt.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * launchDevice starts one Chromium with a fresh profile and opens url in it.
 * Returns {context, page, close}. Console output of the page goes to log with
 * the device's label.
 */
export async function launchDevice(label, url, { viewport = { width: 1024, height: 768 }, log = console.log, extraArgs = [], grantMedia = true, storage = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `icd-e2e-${label}-`));
  // grantMedia false: no fake permission UI and no grant, so getUserMedia is
  // refused (NotAllowedError) as when a user blocks the microphone.
  const args = grantMedia ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--use-fake-ui-for-media-stream');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...args, ...extraArgs],
    viewport,
    permissions: grantMedia ? ['camera', 'microphone'] : [],
  });
  // storage: localStorage entries set before the page's scripts run (the broker password, say).
  if (Object.keys(storage).length) {
    await context.addInitScript((kv) => {
      for (const [k, v] of Object.entries(kv)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    }, storage);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log(`[${label}] ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log(`[${label}] pageerror: ${e.message}`));
  await page.goto(url);
  return {
    label,
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** waitFor polls fn (run in the page) until it returns truthy, or throws after ms. */
export async function waitFor(page, what, fn, arg, ms = 15000) {
  try {
    return await page.waitForFunction(fn, arg, { timeout: ms, polling: 50 });
  } catch (e) {
    const log = await page.evaluate(() => (window.intercomApp?.log ?? []).map((e) => `${e.name}:${e.status}:${e.reason}`).join(' ')).catch(() => '?');
    throw new Error(`timed out after ${ms} ms waiting for ${what}; call events so far: ${log || '(none)'}`);
  }
}

/** waitOnline waits until the page's client reached the broker. */
export function waitOnline(page, ms = 15000) {
  return waitFor(page, 'the broker connection', () => window.intercomApp?.client?.connected === true, undefined, ms);
}

/** waitEvent waits for the n-th (default: first new) call event name after index from. */
export function waitEvent(page, name, from = 0, ms = 20000) {
  return waitFor(page, `call event "${name}"`, ([n, f]) => (window.intercomApp?.log ?? []).slice(f).some((e) => e.name === n), [name, from], ms);
}

/** eventCount returns how many call events the page logged so far (a mark for waitEvent). */
export function eventCount(page) {
  return page.evaluate(() => window.intercomApp?.log?.length ?? 0);
}

/** events returns the page's call events after index from. */
export function events(page, from = 0) {
  return page.evaluate((f) => (window.intercomApp?.log ?? []).slice(f), from);
}

/**
 * videoStats counts frames decoded into the <video> with requestVideoFrameCallback
 * for ms, then draws the current frame to a canvas and measures its brightness.
 * The first frame drawn can be black, so it samples after counting.
 */
export function videoStats(page, selector = '#remote', ms = 3000) {
  return page.evaluate(async ([sel, dur]) => {
    const v = document.querySelector(sel);
    if (!v) return { error: `no ${sel}` };
    if (!('requestVideoFrameCallback' in v)) return { error: 'requestVideoFrameCallback unsupported' };
    let frames = 0;
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        frames++;
        if (performance.now() - t0 < dur) v.requestVideoFrameCallback(tick);
        else resolve();
      };
      v.requestVideoFrameCallback(tick);
      setTimeout(resolve, dur + 2000); // no frames at all
    });
    const elapsed = performance.now() - t0;
    const w = 160;
    const h = 120;
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d', { willReadFrequently: true });
    g.drawImage(v, 0, 0, w, h);
    const d = g.getImageData(0, 0, w, h).data;
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      sum += y;
      sum2 += y * y;
    }
    const n = d.length / 4;
    const mean = sum / n;
    return {
      frames,
      seconds: elapsed / 1000,
      fps: frames / (elapsed / 1000),
      width: v.videoWidth,
      height: v.videoHeight,
      meanLuma: Math.round(mean * 10) / 10,
      stddevLuma: Math.round(Math.sqrt(Math.max(0, sum2 / n - mean * mean)) * 10) / 10,
    };
  }, [selector, ms]);
}

/** notBlack judges a videoStats result: some brightness or some detail. */
export function notBlack(s) {
  return s.meanLuma > 16 || s.stddevLuma > 8;
}

/**
 * latencyStats reads the timestamp block code that intercomd's synthetic camera
 * draws at the top of every frame (device/doc.go: 2 rows of 40 blocks; start
 * marker 1,0; 48-bit unix ms; 24-bit frame number; check nibble; stop 0,1) from
 * each displayed frame for ms, and compares it with the same machine's clock:
 * display = expectedDisplayTime − capture, receive = receiveTime − capture
 * (requestVideoFrameCallback metadata). Station and browser must share a clock
 * (same host). Returns percentiles in ms, frames decoded and frames lost.
 */
export function latencyStats(page, selector = '#remote', ms = 5000) {
  return page.evaluate(async ([sel, dur]) => {
    const v = document.querySelector(sel);
    if (!v || !('requestVideoFrameCallback' in v)) return { error: 'no video or no requestVideoFrameCallback' };
    const c = document.createElement('canvas');
    const g = c.getContext('2d', { willReadFrequently: true });
    const display = [];
    const receive = [];
    let unread = 0;
    let lost = 0;
    let lastFrame = -1;
    const decode = () => {
      const w = v.videoWidth;
      const s = Math.floor(w / 40);
      if (s < 4) return null;
      if (c.width !== w || c.height !== 2 * s) {
        c.width = w;
        c.height = 2 * s;
      }
      g.drawImage(v, 0, 0, w, 2 * s, 0, 0, w, 2 * s);
      const px = g.getImageData(0, 0, w, 2 * s).data;
      const means = [];
      const q0 = Math.floor(s / 4);
      const q1 = s - Math.floor(s / 4);
      for (let i = 0; i < 80; i++) {
        const x0 = (i % 40) * s;
        const y0 = Math.floor(i / 40) * s;
        let sum = 0;
        let n = 0;
        for (let y = y0 + q0; y < y0 + q1; y++) {
          for (let x = x0 + q0; x < x0 + q1; x++) {
            const o = (y * w + x) * 4;
            sum += 0.299 * px[o] + 0.587 * px[o + 1] + 0.114 * px[o + 2];
            n++;
          }
        }
        means.push(sum / n);
      }
      const lo = Math.min(...means);
      const hi = Math.max(...means);
      if (hi - lo < 48) return null;
      const bits = means.map((m) => m > (lo + hi) / 2);
      if (!bits[0] || bits[1] || bits[78] || !bits[79]) return null;
      const num = (from, n) => bits.slice(from, from + n).reduce((a, b) => a * 2 + (b ? 1 : 0), 0);
      let check = 0;
      for (let n = 2; n < 74; n += 4) check ^= num(n, 4);
      if (check !== num(74, 4)) return null;
      return { time: num(2, 48), frame: num(50, 24) };
    };
    await new Promise((resolve) => {
      const t0 = performance.now();
      const tick = (_now, meta) => {
        const ts = decode();
        if (!ts) unread++;
        else {
          display.push(performance.timeOrigin + meta.expectedDisplayTime - ts.time);
          if (meta.receiveTime) receive.push(performance.timeOrigin + meta.receiveTime - ts.time);
          if (lastFrame >= 0 && ts.frame > lastFrame + 1) lost += ts.frame - lastFrame - 1;
          lastFrame = ts.frame;
        }
        if (performance.now() - t0 < dur) v.requestVideoFrameCallback(tick);
        else resolve();
      };
      v.requestVideoFrameCallback(tick);
      setTimeout(resolve, dur + 2000);
    });
    const pct = (a, p) => {
      if (!a.length) return null;
      const s = [...a].sort((x, y) => x - y);
      return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
    };
    return {
      frames: display.length,
      unreadable: unread,
      lost,
      displayMs: { p50: pct(display, 0.5), p95: pct(display, 0.95) },
      receiveMs: { p50: pct(receive, 0.5), p95: pct(receive, 0.95) },
    };
  }, [selector, ms]);
}
