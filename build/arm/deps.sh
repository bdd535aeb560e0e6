#!/usr/bin/env bash
# Installs, from Debian's archive and only when missing, what the ARM builds,
# the packages and the smoke tests need. Never touches apt sources and adds no
# foreign architecture: the cross compilers bring their own target libc
# (/usr/aarch64-linux-gnu, /usr/arm-linux-gnueabihf), and the bundled static
# openh264/opus libraries need no -dev package.
# Usage: deps.sh [build|package|smoke|all]   (default all)
set -euo pipefail
what=${1:-all}

need=()
want() { # want COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 || need+=("$2")
}
case $what in build|package|all)
	want aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu
	want aarch64-linux-gnu-g++ g++-aarch64-linux-gnu
	want arm-linux-gnueabihf-gcc gcc-arm-linux-gnueabihf
	want arm-linux-gnueabihf-g++ g++-arm-linux-gnueabihf
	want gcc gcc
	want g++ g++
	want dpkg-shlibdeps dpkg-dev
	;;
esac
case $what in smoke|all)
	want qemu-aarch64-static qemu-user-static
	want lintian lintian
	want systemd-analyze systemd
	want python3 python3
	want debootstrap debootstrap
	;;
esac
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing ${need[*]}; run as root or: sudo apt-get install --no-install-recommends ${need[*]}" >&2
	exit 1
fi
echo "deps.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
