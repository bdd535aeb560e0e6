// Package integration holds tests that put the real parts together: call
// clients signaling through a real MQTT broker (Debian's mosquitto and the
// embedded one) with real pion peer connections carrying synthetic H.264 and
// Opus both ways. It has no code of its own.
package integration
