// fakestation: a browser page standing in for intercomd, to develop the page
// and check e2e/daemon.mjs without a Pi. It loads the page as the station's
// user, sends its (fake) camera, answers every call, and obeys the control
// commands call | end | accept | reject on intercom/v1/ctl/{device}, answering on
// .../result, as the daemon does. Stops on SIGINT/SIGTERM.
//
//   node e2e/fakestation.mjs --page http://127.0.0.1:8099/ --user door --device door-pi --mqtt ws://127.0.0.1:18831
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { launchDevice, waitOnline } from './browser.mjs';

const { values: o } = parseArgs({
  options: {
    page: { type: 'string', default: 'http://127.0.0.1:8099/' },
    user: { type: 'string', default: 'door' },
    name: { type: 'string', default: 'Front door' },
    device: { type: 'string', default: 'door-pi' },
    mqtt: { type: 'string', default: 'ws://127.0.0.1:18831' },
  },
});

const dev = await launchDevice(o.user, `${o.page}?${new URLSearchParams({ user: o.user, name: o.name })}`);
const P = dev.page;
await waitOnline(P);
await P.check('#send-video');
// Answer every call, as a station set to auto-answer would.
await P.evaluate(() => window.intercomApp.client.call.on('incoming', () => window.intercomApp.client.acceptCall({ audio: true, video: true })));

const c = await mqtt.connectAsync(o.mqtt, { clientId: `fakestation-${o.device}` });
await c.subscribeAsync(`intercom/v1/ctl/${o.device}`, { qos: 1 });
c.on('message', async (_t, payload) => {
  let cmd;
  try {
    cmd = JSON.parse(payload.toString());
  } catch {
    return;
  }
  let res = { v: 1, id: cmd.id, ok: true };
  try {
    await P.evaluate((m) => {
      const cl = window.intercomApp.client;
      switch (m.cmd) {
        case 'call': return cl.makeCall({ channelId: m.channel, targetUserId: m.to, constraints: m.constraints ?? { audio: true, video: true } });
        case 'accept': return cl.acceptCall();
        case 'reject': return cl.rejectCall();
        case 'end': return cl.endCall();
        default: throw new Error(`unknown cmd ${m.cmd}`);
      }
    }, cmd);
  } catch (e) {
    res = { v: 1, id: cmd.id, ok: false, error: e.message.split('\n')[0] };
  }
  if (cmd.id) await c.publishAsync(`intercom/v1/ctl/${o.device}/result`, JSON.stringify(res), { qos: 1 });
});
console.log(`fakestation: ${o.user} on ${o.page}, commands on intercom/v1/ctl/${o.device}`);

const stop = async () => {
  await c.endAsync().catch(() => {});
  await dev.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
