// Presence: who is online on each channel, from the retained messages on
// intercom/v1/{channel}/presence/{userId}/{deviceId}. Pure: the client feeds it.

import { Emitter } from './emitter.js';
import { parsePresenceTopic } from './envelope.js';

/** One device's announcement. */
export interface PresenceEntry {
  channelId: string;
  userId: string;
  deviceId: string;
  online: boolean;
  /** Display name ("Front door"). */
  name: string;
  /** "station" (intercomd) or "browser". */
  kind: string;
  /** The sender's clock, ms; informational only. */
  ts: number;
}

/** A user and its devices on one channel. */
export interface PresenceUser {
  channelId: string;
  userId: string;
  /** The name of one of its online devices (or any device). */
  name: string;
  /** "station" if any device of the user is a station. */
  kind: string;
  online: boolean;
  devices: PresenceEntry[];
}

/** Events of client.presence. */
export interface PresenceEventMap {
  /** A device's entry changed; removed entries come with online false. */
  change: PresenceEntry;
}

/** The announcement payload: {"v":1,"state":"online","name":"Front door","kind":"station","ts":...}. */
export interface PresencePayload {
  v: 1;
  state: 'online' | 'offline';
  name?: string;
  kind?: string;
  ts?: number;
}

/** presencePayload builds this device's announcement. */
export function presencePayload(state: 'online' | 'offline', name: string, kind: string, ts: number): string {
  return JSON.stringify({ v: 1, state, name, kind, ts } satisfies PresencePayload);
}

/** Presence tracks every device's announcement on the channels the client joined. */
export class Presence extends Emitter<PresenceEventMap> {
  private readonly entries = new Map<string, PresenceEntry>();

  /**
   * handle takes one message from a presence topic. It returns a reason when the
   * message is invalid (and ignored), or '' when it was applied. An empty payload
   * (a cleared retained message) removes the device.
   */
  handle(topic: string, payload: string | Uint8Array): string {
    const where = parsePresenceTopic(topic);
    if (!where) return `not a presence topic: ${topic}`;
    const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    const key = `${where.channel}/${where.userId}/${where.deviceId}`;
    if (text === '') {
      const old = this.entries.get(key);
      if (old) {
        this.entries.delete(key);
        this.emit('change', { ...old, online: false });
      }
      return '';
    }
    let p: Partial<PresencePayload>;
    try {
      p = JSON.parse(text);
    } catch {
      return `presence ${key}: invalid JSON`;
    }
    if (typeof p !== 'object' || p === null || p.v !== 1 || (p.state !== 'online' && p.state !== 'offline')) {
      return `presence ${key}: want {"v":1,"state":"online"|"offline",...}`;
    }
    const e: PresenceEntry = {
      channelId: where.channel,
      userId: where.userId,
      deviceId: where.deviceId,
      online: p.state === 'online',
      name: typeof p.name === 'string' && p.name ? p.name : where.userId,
      kind: typeof p.kind === 'string' && p.kind ? p.kind : 'unknown',
      ts: typeof p.ts === 'number' ? p.ts : 0,
    };
    this.entries.set(key, e);
    this.emit('change', { ...e });
    return '';
  }

  /** devices lists every known device (online or not), optionally on one channel. */
  devices(channelId?: string): PresenceEntry[] {
    return [...this.entries.values()].filter((e) => !channelId || e.channelId === channelId).map((e) => ({ ...e }));
  }

  /** users groups devices by user on channelId; online users first, stations before browsers, then by name. */
  users(channelId: string): PresenceUser[] {
    const by = new Map<string, PresenceUser>();
    for (const e of this.entries.values()) {
      if (e.channelId !== channelId) continue;
      let u = by.get(e.userId);
      if (!u) {
        u = { channelId, userId: e.userId, name: e.name, kind: e.kind, online: false, devices: [] };
        by.set(e.userId, u);
      }
      u.devices.push({ ...e });
      if (e.online && !u.online) u.name = e.name;
      u.online ||= e.online;
      if (e.kind === 'station') u.kind = 'station';
    }
    const rank = (u: PresenceUser) => (u.online ? 0 : 2) + (u.kind === 'station' ? 0 : 1);
    return [...by.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  }

  /** isOnline reports whether any device of userId is online on channelId. */
  isOnline(channelId: string, userId: string): boolean {
    for (const e of this.entries.values()) {
      if (e.channelId === channelId && e.userId === userId && e.online) return true;
    }
    return false;
  }

  /** nameOf returns the display name userId announced on channelId, or ''. */
  nameOf(channelId: string, userId: string): string {
    return this.users(channelId).find((u) => u.userId === userId)?.name ?? '';
  }

  /** clear forgets everything (the client does this before resubscribing). */
  clear(): void {
    this.entries.clear();
  }
}
