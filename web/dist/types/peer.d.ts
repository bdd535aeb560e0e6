import type { CallPeer, LocalMedia, PeerEvents, PeerFactory } from './engine.js';
import { IntercomError } from './types.js';
/** Options of the browser's peer connections. */
export interface BrowserPeerOptions {
    /** RTCConfiguration; the default has no ICE servers (a LAN needs none). */
    rtcConfiguration?: RTCConfiguration;
    /** getUserMedia replacement (tests, or a custom device picker). */
    getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>;
}
/** BrowserPeerFactory creates one BrowserPeer per call. */
export declare class BrowserPeerFactory implements PeerFactory {
    private readonly opts;
    constructor(opts?: BrowserPeerOptions);
    create(o: {
        callId: string;
        media: LocalMedia;
        events: PeerEvents;
    }): CallPeer;
}
/** insecureContextError explains why navigator.mediaDevices is missing. */
export declare function insecureContextError(): IntercomError;
