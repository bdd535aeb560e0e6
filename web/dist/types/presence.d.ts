import { Emitter } from './emitter.js';
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
export declare function presencePayload(state: 'online' | 'offline', name: string, kind: string, ts: number): string;
/** Presence tracks every device's announcement on the channels the client joined. */
export declare class Presence extends Emitter<PresenceEventMap> {
    private readonly entries;
    /**
     * handle takes one message from a presence topic. It returns a reason when the
     * message is invalid (and ignored), or '' when it was applied. An empty payload
     * (a cleared retained message) removes the device.
     */
    handle(topic: string, payload: string | Uint8Array): string;
    /** devices lists every known device (online or not), optionally on one channel. */
    devices(channelId?: string): PresenceEntry[];
    /** users groups devices by user on channelId; online users first, stations before browsers, then by name. */
    users(channelId: string): PresenceUser[];
    /** isOnline reports whether any device of userId is online on channelId. */
    isOnline(channelId: string, userId: string): boolean;
    /** nameOf returns the display name userId announced on channelId, or ''. */
    nameOf(channelId: string, userId: string): string;
    /** clear forgets everything (the client does this before resubscribing). */
    clear(): void;
}
