// intercomd's browser SDK: the seed's call API (makeCall, acceptCall, rejectCall,
// endCall; events incoming, connected, rejected, disconnected, statuschanged,
// error, ringing, ended, failed) over intercomd's MQTT signaling and WebRTC.

export { IntercomClient, defaultDeviceId, type ConnectOptions, type ClientEventMap } from './client.js';
export {
  CallEngine,
  DEFAULT_CONSTRAINTS,
  DEFAULT_TIMEOUTS,
  acceptMedia,
  randomCallId,
  type AcceptOptions,
  type CallPeer,
  type EngineConfig,
  type LocalMedia,
  type Logger,
  type MakeCallOptions,
  type PeerEvents,
  type PeerFactory,
  type RemoteMedia,
  type Signaler,
  type Timeouts,
} from './engine.js';
export { EnvelopeCodec, type CodecConfig, type Encoded } from './codec.js';
export {
  DEFAULT_SIGNING_WINDOW_MS,
  KEY_PREFIX,
  SIG_DOMAIN,
  Authenticator,
  base64url,
  enrollmentLine,
  exportSeed,
  formatPublicKey,
  fromBase64url,
  generateSeed,
  importSeed,
  parsePublicKey,
  publicKeyOf,
  signEnvelope,
  signedBytes,
  type AuthDrop,
  type AuthResult,
  type SigningOptions,
  type TrustedKey,
} from './signing.js';
export {
  DROP_REASONS,
  Deduper,
  MAX_ENVELOPE_BYTES,
  MESSAGE_TYPES,
  SeqCounter,
  TOPIC_PREFIX,
  ctlTopic,
  decodeEnvelope,
  inboxTopic,
  isWellFormed,
  isValidId,
  presenceFilter,
  presenceTopic,
  validateEnvelope,
  type DecodeResult,
  type DropReason,
  type Envelope,
  type MessageType,
  type Outgoing,
  type WireCandidate,
} from './envelope.js';
export { Emitter, type Handler } from './emitter.js';
export { realClock, type Clock, type Timer } from './clock.js';
export { BrowserPeerFactory, insecureContextError, type BrowserPeerOptions } from './peer.js';
export { Presence, presencePayload, type PresenceEntry, type PresenceEventMap, type PresenceUser } from './presence.js';
export * from './types.js';
