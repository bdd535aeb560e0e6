// BrowserPeer: the CallPeer of a browser, an RTCPeerConnection with the media from
// getUserMedia (or a stream the application holds). A side always receives both
// audio and video, whatever it sends.

import type { CallPeer, LocalMedia, PeerEvents, PeerFactory, RemoteMedia } from './engine.js';
import type { WireCandidate } from './envelope.js';
import { IntercomError, mediaError, type ConnectionState, type MediaFlags } from './types.js';

/** Options of the browser's peer connections. */
export interface BrowserPeerOptions {
  /** RTCConfiguration; the default has no ICE servers (a LAN needs none). */
  rtcConfiguration?: RTCConfiguration;
  /** getUserMedia replacement (tests, or a custom device picker). */
  getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>;
}

/** BrowserPeerFactory creates one BrowserPeer per call. */
export class BrowserPeerFactory implements PeerFactory {
  constructor(private readonly opts: BrowserPeerOptions = {}) {}
  create(o: { callId: string; media: LocalMedia; events: PeerEvents }): CallPeer {
    return new BrowserPeer(o.media, o.events, this.opts);
  }
}

/** insecureContextError explains why navigator.mediaDevices is missing. */
export function insecureContextError(): IntercomError {
  const where = typeof location !== 'undefined' ? location.origin : 'this page';
  return new IntercomError('insecure-context',
    `the browser offers no camera or microphone to ${where}: pages must be served over https:// (or from localhost) ` +
    'to use them; open the page with https and the broker with wss://');
}

function peerError(what: string, e: unknown): IntercomError {
  if (e instanceof IntercomError) return e;
  return new IntercomError('peer', `intercom: ${what}: ${(e as Error)?.message ?? e}`, e);
}

const KINDS = ['audio', 'video'] as const;

class BrowserPeer implements CallPeer {
  private readonly pc: RTCPeerConnection;
  private local: MediaStream | null = null;
  private ownsLocal = false;
  private readonly remote: MediaStream;
  private readonly trackEvents: RTCTrackEvent[] = [];
  private flags: MediaFlags = { audio: false, video: false };
  private closed = false;
  private lastState: ConnectionState | null = null;

  constructor(private readonly media: LocalMedia, private readonly events: PeerEvents, private readonly opts: BrowserPeerOptions) {
    this.pc = new RTCPeerConnection(opts.rtcConfiguration ?? { iceServers: [] });
    this.remote = new MediaStream();
    // Registered before any setLocalDescription, so no candidate is missed.
    this.pc.onicecandidate = (e) => {
      if (this.closed) return;
      if (!e.candidate) {
        this.events.candidate({ candidate: '' });
        return;
      }
      if (!e.candidate.candidate) return; // per-section end marker of older Chromium
      const c: WireCandidate = { candidate: e.candidate.candidate };
      if (e.candidate.sdpMid != null) c.sdpMid = e.candidate.sdpMid;
      if (e.candidate.sdpMLineIndex != null) c.sdpMLineIndex = e.candidate.sdpMLineIndex;
      this.events.candidate(c);
    };
    this.pc.onconnectionstatechange = () => this.reportState();
    // ICE disconnected is what an ICE restart waits for; connectionState follows it
    // in Chromium, but not at the same instant everywhere.
    this.pc.oniceconnectionstatechange = () => this.reportState();
    this.pc.ontrack = (e) => {
      this.trackEvents.push(e);
      if (!this.remote.getTrackById(e.track.id)) this.remote.addTrack(e.track);
    };
  }

  private reportState(): void {
    if (this.closed) return;
    let s = this.pc.connectionState as ConnectionState;
    if (this.pc.iceConnectionState === 'disconnected' && s !== 'failed' && s !== 'closed') s = 'disconnected';
    if (s === this.lastState) return;
    this.lastState = s;
    this.events.state(s);
  }

  private async acquire(): Promise<void> {
    if ('stream' in this.media) {
      this.local = this.media.stream;
      this.ownsLocal = false;
    } else {
      const c = this.media.constraints;
      if (c.audio || c.video) {
        const gum = this.opts.getUserMedia ??
          (typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia
            ? (x: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(x)
            : null);
        if (!gum) throw insecureContextError();
        try {
          this.local = await gum(c);
        } catch (e) {
          throw mediaError(e);
        }
        this.ownsLocal = true;
        if (this.closed) this.stopLocal();
      }
    }
    this.flags = {
      audio: !!this.local && this.local.getAudioTracks().length > 0,
      video: !!this.local && this.local.getVideoTracks().length > 0,
    };
  }

  async offer(): Promise<string> {
    await this.acquire();
    try {
      for (const kind of KINDS) {
        const track = this.local?.getTracks().find((t) => t.kind === kind);
        if (track && this.local) this.pc.addTransceiver(track, { direction: 'sendrecv', streams: [this.local] });
        else this.pc.addTransceiver(kind, { direction: 'recvonly' });
      }
      await this.pc.setLocalDescription(await this.pc.createOffer());
      return this.pc.localDescription?.sdp ?? '';
    } catch (e) {
      throw peerError('could not create the offer', e);
    }
  }

  async answer(offerSdp: string): Promise<string> {
    await this.acquire();
    try {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      for (const track of this.local?.getTracks() ?? []) {
        const tr = this.pc.getTransceivers().find((t) => t.receiver.track.kind === track.kind && !t.sender.track && t.mid !== null);
        if (!tr) continue; // the offer has no section for this kind: it cannot be sent
        await tr.sender.replaceTrack(track);
        if (this.local && 'setStreams' in tr.sender) tr.sender.setStreams(this.local);
        tr.direction = 'sendrecv';
      }
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      return this.pc.localDescription?.sdp ?? '';
    } catch (e) {
      throw peerError('could not answer the offer', e);
    }
  }

  async setAnswer(answerSdp: string): Promise<void> {
    try {
      await this.pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    } catch (e) {
      throw peerError('could not apply the answer', e);
    }
  }

  async restartOffer(): Promise<string> {
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer({ iceRestart: true }));
      return this.pc.localDescription?.sdp ?? '';
    } catch (e) {
      throw peerError('could not create the ICE-restart offer', e);
    }
  }

  async reanswer(offerSdp: string): Promise<string> {
    try {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      return this.pc.localDescription?.sdp ?? '';
    } catch (e) {
      // Back to stable where the offer was applied but no answer made (the call fails anyway).
      if (this.pc.signalingState === 'have-remote-offer') {
        await this.pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
      }
      throw peerError('could not answer the ICE-restart offer', e);
    }
  }

  async addCandidate(c: WireCandidate): Promise<void> {
    if (c.candidate === '') {
      await this.pc.addIceCandidate(); // end of candidates
      return;
    }
    await this.pc.addIceCandidate({ candidate: c.candidate, sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? (c.sdpMid == null ? 0 : null) });
  }

  remoteMedia(): RemoteMedia {
    const tracks = this.remote.getTracks();
    const track = this.remote.getVideoTracks()[0] ?? this.remote.getAudioTracks()[0] ?? null;
    const ev = this.trackEvents.find((e) => e.track === track) ?? null;
    return { streams: [this.remote], track, tracks, receiver: ev?.receiver ?? null, transceiver: ev?.transceiver ?? null };
  }

  localStream(): MediaStream | null {
    return this.local;
  }

  mediaFlags(): MediaFlags {
    return { ...this.flags };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.onicecandidate = null;
    this.pc.onconnectionstatechange = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.ontrack = null;
    this.pc.close();
    this.stopLocal();
  }

  private stopLocal(): void {
    if (this.ownsLocal) for (const t of this.local?.getTracks() ?? []) t.stop();
  }
}
