#!/usr/bin/env bash
# Measures the resident memory of an idle intercomd on its embedded defaults
# (embedded broker, synthetic media, web page): build, start, wait, read VmRSS.
# Usage: scripts/idle-rss.sh [seconds-to-settle]
set -euo pipefail
cd "$(dirname "$0")/.."
settle=${1:-5}
bin=$(mktemp -d)/intercomd
go build -trimpath -o "$bin" ./cmd/intercomd
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
INTERCOMD_BROKER_TCP=127.0.0.1:$(port) INTERCOMD_BROKER_WEBSOCKET=127.0.0.1:$(port) \
INTERCOMD_HTTP_LISTEN=127.0.0.1:$(port) "$bin" run >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$(dirname "$bin")"' EXIT
sleep "$settle"
awk '/VmRSS|VmHWM|Threads/ {print}' /proc/$pid/status
