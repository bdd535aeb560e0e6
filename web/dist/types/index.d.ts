export { IntercomClient, defaultDeviceId, type ConnectOptions, type ClientEventMap } from './client.js';
export { CallEngine, DEFAULT_CONSTRAINTS, DEFAULT_TIMEOUTS, acceptMedia, randomCallId, type AcceptOptions, type CallPeer, type EngineConfig, type LocalMedia, type Logger, type MakeCallOptions, type PeerEvents, type PeerFactory, type RemoteMedia, type Signaler, type Timeouts, } from './engine.js';
export { Deduper, MAX_ENVELOPE_BYTES, MESSAGE_TYPES, SeqCounter, TOPIC_PREFIX, ctlTopic, decodeEnvelope, inboxTopic, isValidId, presenceFilter, presenceTopic, type DecodeResult, type Envelope, type MessageType, type Outgoing, type WireCandidate, } from './envelope.js';
export { Emitter, type Handler } from './emitter.js';
export { realClock, type Clock, type Timer } from './clock.js';
export { BrowserPeerFactory, insecureContextError, type BrowserPeerOptions } from './peer.js';
export { Presence, presencePayload, type PresenceEntry, type PresenceEventMap, type PresenceUser } from './presence.js';
export * from './types.js';
