#!/usr/bin/env bash
# Installs what intercomd's tests need on a fresh Debian 12 machine: Debian's
# mosquitto (a real broker for integration tests), chromium (browser tests),
# systemd's tools (systemd-analyze on the unit) and iproute2 (network
# namespaces for browser tests). Idempotent: installs only what is missing.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have mosquitto || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
have chromium || need+=(chromium)
have systemd-analyze || need+=(systemd)
have ip || need+=(iproute2)
have qemu-system-x86_64 || need+=(qemu-system-x86)   # the hardware lab (test/lab)
have cpio || need+=(cpio)
# speexdsp echo cancellation (go build -tags speexdsp); the default build needs none of it.
dpkg -s libspeexdsp-dev >/dev/null 2>&1 || need+=(libspeexdsp-dev)
have pkg-config || need+=(pkg-config)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${need[*]}; run as root or: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian starts a mosquitto service on 1883 where systemd runs; the tests start
# their own brokers on free ports, and intercomd's embedded broker wants 1883.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
  systemctl disable --now mosquitto >/dev/null 2>&1 || true
fi
