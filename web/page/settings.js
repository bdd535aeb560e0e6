// The page's decisions that need no DOM, kept apart so that node:test can check
// them (web/sdk/test/page-settings.test.mjs): which settings a page load uses,
// when the stored broker password may be sent, and which signing policy holds
// when /config.json cannot be read.
//
// store is {get(key) → string ('' when absent)} over localStorage's
// "intercom.*" entries; nothing here writes to it.

/** sameBroker compares two broker URLs as URLs (case of the host, a bare trailing "/"), else as text. */
export function sameBroker(a, b) {
  const norm = (u) => {
    try {
      return new URL(String(u).trim()).href;
    } catch {
      return String(u).trim();
    }
  };
  return norm(a) === norm(b);
}

/**
 * passwordFor returns the stored broker password when it was entered for broker,
 * else '' and, in withheldFor, the broker it belongs to. A password stored by an
 * older page without its broker (no "passwordBroker") counts as entered for the
 * station's own broker, defaultBroker: never for one a link chose.
 */
export function passwordFor(store, broker, defaultBroker) {
  const password = store.get('password');
  if (!password) return { password: '', withheldFor: '' };
  const boundTo = store.get('passwordBroker') || defaultBroker;
  return sameBroker(boundTo, broker) ? { password, withheldFor: '' } : { password: '', withheldFor: boundTo };
}

/**
 * resolveSettings says what this page load uses: the link's ?user= ?name=
 * ?channel= ?broker= over what Settings saved, over the station's /config.json,
 * over the page's own defaults. The link's values are for this load only (the
 * caller never stores them); fromLink lists which ones apply.
 *
 * @param {{query: URLSearchParams, store: {get(k: string): string}, config: {brokerUrl?: string, defaultChannel?: string},
 *          fallbackBroker: string, isValidId: (s: string) => boolean}} p
 */
export function resolveSettings({ query, store, config, fallbackBroker, isValidId }) {
  const link = {};
  const broker = (query.get('broker') || '').trim();
  if (broker) link.broker = broker;
  const user = query.get('user');
  if (user && isValidId(user)) link.userId = user;
  const channel = query.get('channel');
  if (channel && isValidId(channel)) link.channel = channel;
  const name = (query.get('name') || '').trim();
  if (name) link.name = name;

  const savedUser = store.get('userId');
  const userId = link.userId ?? savedUser;
  const defaultBroker = config.brokerUrl || fallbackBroker;
  const s = {
    userId,
    // The saved name belongs to the saved user.
    name: link.name ?? (userId === savedUser ? store.get('name') : ''),
    channel: link.channel ?? (store.get('channel') || config.defaultChannel || 'home'),
    broker: link.broker ?? (store.get('broker') || defaultBroker),
    fromLink: Object.keys(link),
  };
  const pw = passwordFor(store, s.broker, defaultBroker);
  s.password = pw.password;
  s.passwordWithheldFor = pw.withheldFor;
  return s;
}

/** The localStorage key (without "intercom.") of the signing policy the station at origin served last. */
export function signingMemoryKey(origin) {
  return `stationSigning@${origin}`;
}

function describePolicy(signing) {
  const n = Array.isArray(signing.trusted) ? signing.trusted.length : 0;
  return `${signing.require ? 'signatures required' : 'signatures not required'}, ${n} trusted key${n === 1 ? '' : 's'}`;
}

/**
 * signingPolicy decides the signing policy from what fetching /config.json gave:
 * fetched is {config} (the parsed JSON object) or {error} (why it could not be
 * read). remembered is the text stored under signingMemoryKey ('' for none).
 *
 * Returns {signing, remember, notice}: signing is the config's "signing" object or
 * null; remember is the text to store (a string), null to forget it, or undefined
 * to leave it; notice is what to tell the user ('' for nothing).
 *
 * Only a config.json that was read and has no "signing" turns signing off: an
 * unreachable or broken one keeps the policy the station served last.
 */
export function signingPolicy(fetched, remembered) {
  if (fetched && fetched.config && typeof fetched.config === 'object' && !Array.isArray(fetched.config)) {
    const signing = fetched.config.signing;
    if (signing && typeof signing === 'object') {
      const kept = { require: !!signing.require, trusted: Array.isArray(signing.trusted) ? signing.trusted : [] };
      return { signing, remember: JSON.stringify(kept), notice: '' };
    }
    return { signing: null, remember: null, notice: '' };
  }
  const why = (fetched && fetched.error) || 'not a JSON object';
  let last = null;
  if (remembered) {
    try {
      const v = JSON.parse(remembered);
      if (v && typeof v === 'object' && Array.isArray(v.trusted)) last = { require: !!v.require, trusted: v.trusted };
    } catch { /* unusable memory: as none */ }
  }
  if (last) {
    return {
      signing: last,
      remember: undefined,
      notice: `Could not read the station's settings (/config.json: ${why}); using the signing settings it served last (${describePolicy(last)}).`,
    };
  }
  return {
    signing: null,
    remember: undefined,
    notice: `Could not read the station's settings (/config.json: ${why}), and this browser has none from before: it checks no signatures until the station serves them. Reload the page when the station is back.`,
  };
}
