#!/usr/bin/env bash
# Smoke tests for the ARM builds and the packages; CI runs this after build.sh
# and package.sh. Exits non-zero on the first failure.
#   1. every ARM binary under qemu-user: version, help, config check (defaults
#      and the packaged conffile); the GOARM=6 one on an emulated ARM1176 (Pi
#      Zero 1) CPU; a CGO_ENABLED=0 daemon refuses to start and says why;
#   2. a real call: intercomd arm64 under qemu-aarch64 (running the embedded
#      broker) and intercomd amd64, over loopback, driven with `intercomd ctl`:
#      both connected, media counters rising on both, then ended; the arm64
#      daemon's idle RSS under qemu;
#   3. the .debs: contents and control; the amd64 one installed, upgraded,
#      removed and purged in a Debian 12 chroot (debootstrap, cached in out/cache).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$ARM_DIR/deps.sh" smoke

tmp=$(mktemp -d /tmp/intercomd-smoke.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { log "FAIL: $*"; exit 1; }
pass() { log "ok: $*"; }

# command_for TARGET: sets CMD to the target's binary, under qemu where it is foreign.
command_for() {
	local b=$BIN/intercomd-$1
	[ -x "$b" ] || fail "missing $b; run build.sh first"
	case $1 in
	linux-amd64) CMD=("$b") ;;
	linux-arm64*) CMD=(qemu-aarch64-static -L /usr/aarch64-linux-gnu "$b") ;;
	linux-armv6*) CMD=(qemu-arm-static -cpu arm1176 -L /usr/arm-linux-gnueabihf "$b") ;;
	linux-arm*) CMD=(qemu-arm-static -L /usr/arm-linux-gnueabihf "$b") ;;
	esac
}
run() { command_for "$1"; shift; "${CMD[@]}" "$@"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Each ARM binary answers.
conffile=$tmp/intercomd.yaml
dpkg-deb --fsys-tarfile "$(ls "$DEB"/intercomd_*_arm64.deb | head -1)" | tar -xO ./etc/intercomd/intercomd.yaml >"$conffile" ||
	fail "no arm64 .deb in $DEB; run package.sh first"
for t in linux-arm64 linux-armv7 linux-arm64-nocgo linux-armv7-nocgo linux-armv6-nocgo; do
	read -r _ arch arm cgo _ <<<"$(printf '%s\n' "${TARGETS[@]}" | awk -v t="$t" '$1 == t')"
	v=$(run "$t" version) || fail "$t version"
	for want in "intercomd $VERSION " "GOARCH=$arch" "CGO_ENABLED=$cgo" "vcs.revision="; do
		[[ $v == *"$want"* ]] || fail "$t version: no \"$want\" in: $v"
	done
	[ "$arm" = - ] || [[ $v == *"GOARM=$arm"* ]] || fail "$t version: no GOARM=$arm in: $v"
	run "$t" help | grep -q '^Usage:' || fail "$t help"
	run "$t" config check >/dev/null || fail "$t config check (defaults)"
	run "$t" config check --config "$conffile" >/dev/null || fail "$t config check --config (packaged conffile)"
	pass "$t: $v"
done

# The armv7 builds are ARMv7 code (Debian armhf's libc and crt too): on an ARMv6
# CPU (ARM1176, Pi 1 / Zero 1) they die with SIGILL, which is why the armhf
# package's preinst refuses an armv6l machine and armv6 gets its own binary.
for t in linux-armv7 linux-armv7-nocgo; do
	# The braces' 2>/dev/null also silences bash's own "Illegal instruction" report.
	rc=0; { qemu-arm-static -cpu arm1176 -L /usr/arm-linux-gnueabihf "$BIN/intercomd-$t" version >/dev/null 2>&1; } 2>/dev/null || rc=$?
	[ "$rc" = 132 ] || fail "$t on an emulated ARM1176: expected SIGILL (exit 132), got $rc"
done
pass "linux-armv7 and linux-armv7-nocgo die with SIGILL on an ARMv6 CPU; linux-armv6-nocgo runs there"

# A CGO_ENABLED=0 daemon has no encoder: it must start anyway, say that its
# calls are receive-only, and stop cleanly on SIGTERM.
nocgo=$tmp/nocgo.log
INTERCOMD_BROKER_TCP=127.0.0.1:$(port) INTERCOMD_BROKER_WEBSOCKET=127.0.0.1:$(port) INTERCOMD_HTTP_LISTEN= \
	qemu-aarch64-static "$BIN/intercomd-linux-arm64-nocgo" run >"$nocgo" 2>&1 &
nocgo_pid=$!
for _ in $(seq 1 300); do
	grep -q 'intercomd ready' "$nocgo" && break
	kill -0 "$nocgo_pid" 2>/dev/null || break
	sleep 0.2
done
grep -q 'intercomd ready' "$nocgo" && grep -q 'calls are receive-only' "$nocgo" || {
	kill "$nocgo_pid" 2>/dev/null
	fail "linux-arm64-nocgo run: not ready with receive-only calls:
$(tail -8 "$nocgo")"
}
kill -TERM "$nocgo_pid"
wait "$nocgo_pid" || fail "linux-arm64-nocgo run: exit status $? after SIGTERM:
$(tail -5 "$nocgo")"
! grep -q '^panic:' "$nocgo" || fail "linux-arm64-nocgo run panicked: $(grep -A8 '^panic:' "$nocgo")"
pass "linux-arm64-nocgo runs with receive-only calls and stops cleanly"

# 2. A call between intercomd arm64 (qemu, embedded broker) and intercomd amd64.
mqtt=$(port) ws=$(port)
station() { # user device target mqtt-or-broker-lines
	printf 'user: %s\ndevice: %s\nname: %s station\ntarget: %s\nchannels: [home]\n%s\nhttp:\n  listen: ""\nmedia:\n  width: 320\n  height: 180\ntelemetry:\n  stats_interval: 500ms\n' \
		"$1" "$2" "$1" "$3" "$4"
}
station door door-pi panel "$(printf 'broker:\n  tcp: 127.0.0.1:%s\n  websocket: 127.0.0.1:%s' "$mqtt" "$ws")" >"$tmp/door.yaml"
station panel panel-1 door "$(printf 'mqtt:\n  url: tcp://127.0.0.1:%s' "$mqtt")" >"$tmp/panel.yaml"

start() { # name target: runs the daemon, waits for "intercomd ready"
	command_for "$2"
	"${CMD[@]}" run --config "$tmp/$1.yaml" >"$tmp/$1.log" 2>&1 &
	pids+=($!)
	eval "pid_$1=$!"
	for _ in $(seq 300); do
		grep -q 'intercomd ready' "$tmp/$1.log" && return 0
		kill -0 "$!" 2>/dev/null || fail "$1 ($2) exited: $(tail -5 "$tmp/$1.log")"
		sleep 0.1
	done
	fail "$1 ($2) not ready in 30s: $(tail -5 "$tmp/$1.log")"
}
started=$(date +%s%N)
start door linux-arm64
log "door (arm64, qemu) ready in $((($(date +%s%N) - started) / 1000000)) ms"
start panel linux-amd64

# Idle RSS of the arm64 daemon: qemu-aarch64's resident set, which is the
# guest's memory plus qemu's own (translation cache, ~20-40 MiB).
sleep "${IDLE_SETTLE:-5}"
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid_door/status")
pass "idle RSS of intercomd arm64 under qemu-aarch64: $((rss_kib / 1024)) MiB ($rss_kib kB); native amd64 beside it: $(($(awk '/VmRSS/ {print $2}' "/proc/$pid_panel/status") / 1024)) MiB"

# field DEVICE EXPR: evaluate a Python expression on the device's retained state s.
field() {
	run linux-amd64 ctl status --config "$tmp/panel.yaml" --device "$1" 2>/dev/null |
		python3 -c "import json,sys; s=json.load(sys.stdin); m=s.get('media') or {}; print($2)"
}
# await DEVICE WHAT EXPR: poll the state until EXPR is true (30 s).
await() {
	for _ in $(seq 60); do
		[ "$(field "$1" "$3" 2>/dev/null)" = True ] && return 0
		sleep 0.5
	done
	fail "$1: no state with $2 within 30s; last: $(run linux-amd64 ctl status --config "$tmp/panel.yaml" --device "$1" 2>&1)
door log: $(tail -5 "$tmp/door.log")
panel log: $(tail -5 "$tmp/panel.log")"
}
run linux-arm64 ctl call --config "$tmp/door.yaml" >/dev/null || fail "ctl call (arm64)"
await panel-1 "status ringing" "s['status'] == 'ringing'"
run linux-amd64 ctl accept --config "$tmp/panel.yaml" >/dev/null || fail "ctl accept (amd64)"
for dev in door-pi panel-1; do
	await "$dev" "status connected" "s['status'] == 'connected'"
	seen=0
	for i in 1 2; do
		await "$dev" "more than $seen video frames and audio" \
			"m.get('videoFramesReceived', 0) > $seen and m.get('audioPacketsReceived', 0) > 0"
		seen=$(field "$dev" "m.get('videoFramesReceived', 0)")
	done
	pass "$dev connected, media rising: $(field "$dev" "'%d video frames, %d audio packets received' % (m.get('videoFramesReceived', 0), m.get('audioPacketsReceived', 0))")"
done
run linux-amd64 ctl end --config "$tmp/panel.yaml" >/dev/null || fail "ctl end (amd64)"
await door-pi "status idle" "s['status'] == 'idle'"
await panel-1 "status idle" "s['status'] == 'idle'"
pass "call ended on both"
kill "$pid_panel" "$pid_door"
wait "$pid_panel" || fail "panel did not exit cleanly on SIGTERM"
wait "$pid_door" || fail "door (arm64) did not exit cleanly on SIGTERM"
pids=()

# 3. The packages.
debver=$(debian_version)
for arch in amd64 arm64 armhf; do
	deb=$DEB/intercomd_${debver}_$arch.deb
	[ -f "$deb" ] || fail "missing $deb; run package.sh"
	files=$(dpkg-deb -c "$deb" | awk '{print $1, $2, $NF}')
	for f in "-rwxr-xr-x root/root ./usr/bin/intercomd" \
		"-rw-r--r-- root/root ./lib/systemd/system/intercomd.service" \
		"-rw-r--r-- root/root ./usr/lib/sysusers.d/intercomd.conf" \
		"-rw-r--r-- root/root ./lib/udev/rules.d/60-intercomd-gpio.rules" \
		"-rw-r--r-- root/root ./etc/intercomd/intercomd.yaml" \
		"-rw-r--r-- root/root ./usr/share/doc/intercomd/copyright" \
		"-rw-r--r-- root/root ./usr/share/doc/intercomd/changelog.Debian.gz"; do
		grep -qxF -- "$f" <<<"$files" || fail "$arch: $deb lacks $f"
	done
	info=$(dpkg-deb -I "$deb")
	for want in "Architecture: $arch" "Version: $debver" "Depends: libc6 (>= 2.34)" "libstdc++6" "procps" "Recommends: rpicam-apps" \
		"conffiles" "postinst" "prerm" "postrm" "md5sums"; do
		grep -qF -- "$want" <<<"$info" || fail "$arch: dpkg-deb -I has no \"$want\""
	done
	pass "$arch: $(basename "$deb") $(stat -c %s "$deb") bytes, $(grep -F 'Depends:' <<<"$info" | head -1 | sed 's/^ *//')"
done

# The amd64 package in a Debian 12 chroot: install, upgrade, remove, purge.
# ARM_CACHE keeps the chroot between runs outside the clone (CI sets it).
cache=${ARM_CACHE:-$OUT/cache}/bookworm-minbase.tar.gz
if [ ! -f "$cache" ]; then
	log "debootstrap bookworm (minbase + systemd + procps) into $cache; later runs reuse it"
	mkdir -p "$(dirname "$cache")"
	debootstrap --variant=minbase --include=systemd,procps bookworm "$tmp/boot" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$tmp/debootstrap.log" 2>&1 ||
		fail "debootstrap: $(tail -5 "$tmp/debootstrap.log")"
	tar -C "$tmp/boot" -czf "$cache.new" . && mv "$cache.new" "$cache"
	rm -rf "$tmp/boot"
fi
root=$tmp/root
mkdir -p "$root" && tar -C "$root" -xzf "$cache"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@" </dev/null; }
cp "$DEB/intercomd_${debver}_amd64.deb" "$root/tmp/v1.deb"
in_root dpkg -i /tmp/v1.deb >"$tmp/dpkg.log" 2>&1 || fail "dpkg -i in the chroot: $(cat "$tmp/dpkg.log")"
for f in /usr/bin/intercomd /lib/systemd/system/intercomd.service /usr/lib/sysusers.d/intercomd.conf \
	/lib/udev/rules.d/60-intercomd-gpio.rules /etc/intercomd/intercomd.yaml /usr/share/doc/intercomd/copyright; do
	[ -e "$root$f" ] || fail "installed package lacks $f"
done
in_root dpkg-query -W -f='${Conffiles}\n' intercomd | grep -q '^ /etc/intercomd/intercomd.yaml ' || fail "intercomd.yaml is not a conffile"
in_root getent passwd intercomd | grep -q ':/var/lib/intercomd:' || fail "no intercomd user"
in_root getent group gpio >/dev/null || fail "no gpio group"
[ "$(in_root stat -c '%U:%G %a' /etc/intercomd/intercomd.yaml)" = "root:intercomd 640" ] || fail "conffile owner/mode: $(in_root stat -c '%U:%G %a' /etc/intercomd/intercomd.yaml)"
[ -L "$root/etc/systemd/system/multi-user.target.wants/intercomd.service" ] || fail "unit not enabled"
verify=$(in_root systemd-analyze verify intercomd.service 2>&1) || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"
in_root intercomd config check --config /etc/intercomd/intercomd.yaml >/dev/null || fail "installed conffile does not validate"
pass "installed in a Debian 12 chroot: files, conffile, user intercomd, group gpio, unit enabled and verified"

# Upgrade: the admin's change to the conffile survives a newer package.
printf 'log:\n  level: debug\n' >>"$root/etc/intercomd/intercomd.yaml"
v2=$tmp/v2
dpkg-deb -R "$DEB/intercomd_${debver}_amd64.deb" "$v2"
sed -i "s/^Version: .*/Version: ${debver%-1}-2/" "$v2/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$v2" "$root/tmp/v2.deb" >/dev/null
in_root dpkg -i /tmp/v2.deb >"$tmp/dpkg.log" 2>&1 || fail "upgrade in the chroot: $(cat "$tmp/dpkg.log")"
grep -q '^  level: debug$' "$root/etc/intercomd/intercomd.yaml" || fail "upgrade lost the admin's change to the conffile"
in_root dpkg-query -W -f='${Version}' intercomd | grep -q -- '-2$' || fail "upgrade did not install -2"
[ -L "$root/etc/systemd/system/multi-user.target.wants/intercomd.service" ] || fail "unit not enabled after upgrade"
pass "upgrade to ${debver%-1}-2 kept the modified conffile"

# Remove keeps the configuration; purge removes it and the state, keeps the user.
mkdir -p "$root/var/lib/intercomd" && touch "$root/var/lib/intercomd/state"
in_root dpkg -r intercomd >"$tmp/dpkg.log" 2>&1 || fail "dpkg -r: $(cat "$tmp/dpkg.log")"
[ ! -e "$root/usr/bin/intercomd" ] || fail "remove left /usr/bin/intercomd"
[ -f "$root/etc/intercomd/intercomd.yaml" ] || fail "remove deleted the conffile"
in_root dpkg --purge intercomd >"$tmp/dpkg.log" 2>&1 || fail "dpkg --purge: $(cat "$tmp/dpkg.log")"
[ ! -e "$root/etc/intercomd" ] || fail "purge left /etc/intercomd: $(ls -A "$root/etc/intercomd")"
[ ! -e "$root/var/lib/intercomd" ] || fail "purge left /var/lib/intercomd"
[ ! -e "$root/etc/systemd/system/multi-user.target.wants/intercomd.service" ] || fail "purge left the enable symlink"
in_root getent passwd intercomd >/dev/null || fail "purge removed the user (kept by design)"
pass "remove kept the conffile; purge removed /etc/intercomd, /var/lib/intercomd and the enable state, kept the user"
log "all smoke tests passed"
