#!/usr/bin/env bash
# The hardware lab: boots Debian's own kernel in QEMU with virtual devices
# (gpio-sim, vivid, vicodec, snd-aloop) and runs intercomd's hardware tests
# inside it. See README.md beside this file.
#
# Usage: test/lab/run.sh            every scenario
#        LAB_SCENARIOS="gpiosim device_capture" test/lab/run.sh
#
# Environment:
#   LAB_CACHE      downloads and builds (default test/lab/cache, git-ignored)
#   LAB_TIMEOUT    seconds before the VM is killed (default 240)
#   LAB_SCENARIOS  scenarios to run, in order (default: all of them)
#   LAB_KEEP_LOG   path to copy the serial console log to
#
# Exits 0 only when every planned scenario printed PASS, 1 when one failed or
# the VM timed out or crashed, 2 when the lab could not be built.
set -euo pipefail

LAB=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LAB/../.." && pwd)
CACHE=${LAB_CACHE:-$LAB/cache}
TIMEOUT=${LAB_TIMEOUT:-240}
SCENARIOS=${LAB_SCENARIOS:-gpiosim gpio device_capture device_encoder device_pipeline alsa alsa_call netem}
export PATH="/usr/local/go/bin:$PATH"

# The kernel: Debian bookworm-backports. Bump all three together.
KVER=6.12.95+deb12-amd64        # uname -r of the image
KABI=6.12.95+deb12              # the ABI name in package names
PKGVER=6.12.95-1~bpo12+1        # the Debian package version

# Modules to load, in order, each with its parameters. Dependencies are
# resolved from each module's own "depends=" and loaded first. vivid: one
# instance with only a video capture node whose one input is a webcam (input
# type 0), as a USB camera looks.
MODULES=(
	"configfs"
	"gpio-sim"
	"vivid n_devs=1 node_types=0x1 num_inputs=1 input_types=0x0"
	"vicodec multiplanar=1"
	"snd-aloop index=0 pcm_substreams=2"
	"veth"
	"sch_netem"
)

START=$SECONDS
# A cache directory is complete when its .done names the package version.
stamp() { echo "$PKGVER" >"$1/.done"; }
stamped() { [[ -f $1/.done && $(<"$1/.done") == "$PKGVER" ]]; }
log() { printf 'lab: [%3ds] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf 'lab: FATAL: %s\n' "$*" >&2; exit 2; }

# --- host tools -----------------------------------------------------------
host_tools() {
	local need=()
	command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
	command -v x86_64-linux-gnu-gcc-12 >/dev/null || need+=(gcc-12)
	command -v make >/dev/null || need+=(make)
	command -v cpio >/dev/null || need+=(cpio)
	command -v xz >/dev/null || need+=(xz-utils)
	[[ -x /usr/sbin/tc && -x /usr/sbin/ip ]] || need+=(iproute2)
	command -v go >/dev/null || die "go not found (want /usr/local/go/bin/go)"
	if ((${#need[@]})); then
		log "installing host tools: ${need[*]}"
		[[ $(id -u) == 0 ]] || die "need root to install ${need[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
	fi
}

# --- kernel packages through a private apt configuration ------------------
# apt reads its sources, lists and archives only from $CACHE/apt: the
# machine's /etc/apt is never touched.
APT_DIR=$CACHE/apt
apt_private() {
	local cmd=$1
	shift
	"$cmd" \
		-o Dir::Etc::SourceList="$APT_DIR/sources.list" \
		-o Dir::Etc::SourceParts="$APT_DIR/sources.list.d" \
		-o Dir::Etc::Preferences="$APT_DIR/preferences" \
		-o Dir::Etc::PreferencesParts="$APT_DIR/preferences.d" \
		-o Dir::State="$APT_DIR/state" \
		-o Dir::State::status=/var/lib/dpkg/status \
		-o Dir::Cache="$APT_DIR/cache" \
		-o APT::Sandbox::User=root \
		-o Debug::NoLocking=1 \
		-o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false \
		-o Acquire::Languages=none \
		"$@"
}

SYSROOT=$CACHE/root
# kernel_set KVER KABI PKGVER: the kernel the lab boots, and its packages.
kernel_set() {
	KVER=$1 KABI=$2 PKGVER=$3
	PKGS=(
		"linux-image-$KVER"
		"linux-headers-$KVER"
		"linux-headers-$KABI-common"
		"linux-kbuild-$KABI"
		"linux-source-${KVER%%.*}.$(cut -d. -f2 <<<"$KVER")"
	)
	HDRS=$SYSROOT/usr/src/linux-headers-$KVER
	MODSRC=$SYSROOT/lib/modules/$KVER/kernel
	SRC=$CACHE/${PKGS[4]}
}
kernel_set "$KVER" "$KABI" "$PKGVER"

# deb NAME: the cached package file (kernel packages at $PKGVER).
deb() {
	local f
	case $1 in
	busybox-static) f=$(compgen -G "$CACHE/debs/busybox-static_*.deb" | head -1) ;;
	*) f=$CACHE/debs/${1}_${PKGVER}_$([[ $1 == linux-source-* || $1 == *-common ]] && echo all || echo amd64).deb ;;
	esac
	[[ -n $f && -f $f ]] && echo "$f"
}

fetch() {
	# Debian keeps only the newest backports kernel: when the pinned one is
	# gone, a previous run's choice (kernel.env) or the newest one is used.
	local envf=$CACHE/kernel.env
	if [[ -f $envf ]] && ! have_debs; then
		# shellcheck disable=SC1090 # written by this script
		source "$envf"
	fi
	have_debs && return 0
	mkdir -p "$CACHE/debs" "$APT_DIR"/{sources.list.d,preferences.d,state/lists/partial,cache/archives/partial}
	cat >"$APT_DIR/sources.list" <<-EOF
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-backports main
	EOF
	log "updating the private apt lists (bookworm, bookworm-backports)"
	apt_private apt-get -qq update
	if ! all_available; then
		local v img
		v=$(apt_private apt-cache madison linux-image-amd64 | awk -F' *[|] *' '$2 ~ /bpo12/ {print $2; exit}')
		img=$(apt_private apt-cache show "linux-image-amd64=$v" 2>/dev/null | sed -n 's/^Depends: *\(linux-image-[^ ,]*\).*/\1/p' | head -1)
		[[ -n $v && -n $img ]] || die "linux-image-$KVER $PKGVER is not in bookworm-backports, and no newer kernel was found"
		local kver=${img#linux-image-}
		log "WARNING: kernel $PKGVER is gone from bookworm-backports; using $v ($kver). Pin it in run.sh."
		kernel_set "$kver" "${kver%-amd64}" "$v"
		printf 'kernel_set %q %q %q\n' "$KVER" "$KABI" "$PKGVER" >"$envf"
		have_debs && return 0
	fi
	local spec=() p
	for p in "${PKGS[@]}"; do
		deb "$p" >/dev/null || spec+=("$p=$PKGVER")
	done
	deb busybox-static >/dev/null || spec+=(busybox-static)
	log "downloading ${spec[*]}"
	(cd "$CACHE/debs" && apt_private apt-get -qq download "${spec[@]}") || die "apt-get download failed"
	have_debs || die "download incomplete: $(ls "$CACHE/debs")"
}
# all_available: every kernel package is in the lists at $PKGVER. (Older
# signed images linger in backports after their headers and source are gone.)
all_available() {
	local p
	for p in "${PKGS[@]}"; do
		apt_private apt-cache madison "$p" 2>/dev/null | awk -F' *[|] *' -v v="$PKGVER" '$2 == v {f = 1} END {exit !f}' || return 1
	done
}
have_debs() {
	local p
	for p in "${PKGS[@]}" busybox-static; do
		deb "$p" >/dev/null || return 1
	done
}

# --- unpack (never install) -----------------------------------------------
unpack() {
	# The two unpacks are each one xz stream: run them side by side.
	local pid=
	if ! stamped "$SRC"; then
		log "unpacking the driver sources from linux-source"
		unpack_source &
		pid=$!
	fi
	if ! stamped "$SYSROOT"; then
		log "unpacking kernel, headers, kbuild, busybox"
		rm -rf "$SYSROOT"
		mkdir -p "$SYSROOT"
		for p in "${PKGS[@]}" busybox-static; do
			[[ $p == linux-source-* ]] && continue
			dpkg-deb -x "$(deb "$p")" "$SYSROOT"
		done
		# The headers' Makefile includes the -common tree by its installed
		# absolute path; point it at the unpacked copy.
		printf 'include %s\n' "$SYSROOT/usr/src/linux-headers-$KABI-common/Makefile" >"$HDRS/Makefile"
		stamp "$SYSROOT"
	fi
	if [[ -n $pid ]]; then wait "$pid" || die "unpacking linux-source failed"; fi
}
# unpack_source takes the few driver sources the lab builds out of the
# 1.5 GB source tarball (a multi-block xz: xz -T2 decompresses in parallel).
unpack_source() {
	local f files=(
		drivers/gpio/gpio-sim.c
		kernel/irq/irq_sim.c
		drivers/media/v4l2-core/v4l2-mem2mem.c
		drivers/media/test-drivers/vicodec/codec-fwht.c
		drivers/media/test-drivers/vicodec/codec-fwht.h
		drivers/media/test-drivers/vicodec/codec-v4l2-fwht.c
		drivers/media/test-drivers/vicodec/codec-v4l2-fwht.h
		drivers/media/test-drivers/vicodec/vicodec-core.c
	)
	rm -rf "$SRC"
	# --occurrence lets tar stop once it has every file, so the pipe breaks
	# early on purpose: check the files, not the pipe's status.
	(
		set +o pipefail
		dpkg-deb --fsys-tarfile "$(deb "${PKGS[4]}")" 2>/dev/null |
			tar -xO "./usr/src/${PKGS[4]}.tar.xz" |
			xz -T2 -dc 2>/dev/null |
			tar -x --occurrence -C "$CACHE" "${files[@]/#/${PKGS[4]}/}"
	) || true
	for f in "${files[@]}"; do
		[[ -f $SRC/$f ]] || die "linux-source: $f missing"
	done
	stamp "$SRC"
}

# --- out-of-tree modules --------------------------------------------------
MODDIR=$CACHE/modules
build_modules() {
	if stamped "$MODDIR" && [[ $MODDIR/.done -nt $LAB/Kbuild ]]; then
		return 0
	fi
	log "building gpio-sim, v4l2-mem2mem, vicodec"
	rm -rf "$MODDIR"
	mkdir -p "$MODDIR"
	cp "$LAB/Kbuild" "$MODDIR/Kbuild"
	cp "$SRC/drivers/gpio/gpio-sim.c" "$MODDIR/gpio-sim-main.c"
	cp "$SRC/drivers/media/v4l2-core/v4l2-mem2mem.c" "$MODDIR/"
	cp "$SRC"/drivers/media/test-drivers/vicodec/*.[ch] "$MODDIR/"
	# irq_to_desc() is not exported to modules; generic_handle_irq() is and
	# does the same lookup before calling the flow handler.
	sed 's/handle_simple_irq(irq_to_desc(\([a-z]*\)));/generic_handle_irq(\1);/' \
		"$SRC/kernel/irq/irq_sim.c" >"$MODDIR/irq_sim.c"
	grep -q 'generic_handle_irq(' "$MODDIR/irq_sim.c" || die "irq_sim.c: the generic_handle_irq patch did not apply"
	# No pahole here: skip BTF for the modules.
	make -s -C "$HDRS" M="$MODDIR" -j2 CONFIG_DEBUG_INFO_BTF_MODULES= modules >"$MODDIR/build.log" 2>&1 ||
		{ tail -30 "$MODDIR/build.log"; die "module build failed (log: $MODDIR/build.log)"; }
	stamp "$MODDIR"
}

# --- test binaries --------------------------------------------------------
# Static, pure Go: the VM has no libc. Packages that need cgo cannot be built
# this way; the scenarios use only pure-Go code paths.
BINDIR=$CACHE/bin
build_tests() {
	mkdir -p "$BINDIR"
	cd "$ROOT"
	CGO_ENABLED=0 go test -c -o "$BINDIR/gpio.test" ./gpio
	CGO_ENABLED=0 go test -c -o "$BINDIR/scenarios.test" ./test/lab/scenarios
	CGO_ENABLED=0 go test -c -o "$BINDIR/device.test" ./device
}

# --- initramfs ------------------------------------------------------------
INITRD=$CACHE/initramfs
# modfile NAME: the .ko for a module name, from the build or the image.
modfile() {
	local name=$1 f
	for f in "$MODDIR/$name.ko" "$MODDIR/${name//-/_}.ko"; do
		[[ -f $f ]] && { echo "$f"; return; }
	done
	f=$(find "$MODSRC" \( -name "$name.ko.xz" -o -name "${name//_/-}.ko.xz" -o -name "${name//-/_}.ko.xz" \) -print -quit)
	[[ -n $f ]] || die "module $name: neither built nor in the image"
	echo "$f"
}
# moddepends FILE: the modules FILE needs, from its .modinfo.
moddepends() {
	local f=$1
	if [[ $f == *.xz ]]; then xz -dc "$f"; else cat "$f"; fi |
		tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' '
}
declare -A LOADED
ORDER=()
addmod() {
	local name=$1 params=${2-} f dep
	[[ -n ${LOADED[$name]-} ]] && return 0
	f=$(modfile "$name")
	for dep in $(moddepends "$f"); do addmod "$dep"; done
	LOADED[$name]=1
	local base
	base=$(basename "$f")
	base=${base%.xz}
	if [[ $f == *.xz ]]; then xz -dc "$f" >"$INITRD/lib/modules/$base"; else cp "$f" "$INITRD/lib/modules/$base"; fi
	ORDER+=("$base${params:+ $params}")
}
pack() {
	log "packing the initramfs"
	rm -rf "$INITRD"
	mkdir -p "$INITRD"/{bin,lab,lib/modules,proc,sys,dev,tmp,run}
	cp "$SYSROOT/bin/busybox" "$INITRD/bin/busybox"
	cp "$LAB/init.sh" "$INITRD/init"
	chmod 755 "$INITRD/init"
	cp "$BINDIR"/*.test "$INITRD/lab/"
	local m
	for m in "${MODULES[@]}"; do
		addmod "${m%% *}" "$([[ $m == *' '* ]] && echo "${m#* }")"
	done
	printf '%s\n' "${ORDER[@]}" >"$INITRD/lab/modules"
	pack_iproute2
	local names s
	read -ra names <<<"$SCENARIOS"
	for s in "${names[@]}"; do
		grep -q "^scenario_$s()" "$LAB/init.sh" || die "no scenario $s: init.sh has no scenario_$s"
	done
	printf '%s\n' "${names[@]}" >"$INITRD/lab/scenarios"
	(cd "$INITRD" && find . | cpio -o -H newc --quiet) >"$CACHE/lab.cpio"
}

# pack_iproute2 copies the host's ip and tc, with the shared libraries they
# load, to /usr/sbin in the initramfs: the netem scenario needs veth pairs
# moved between namespaces and a netem qdisc, and busybox's ip and tc do
# neither. They come from Debian 12 like the VM's kernel, and the VM has no
# libc of its own, so the loader and libraries go along.
pack_iproute2() {
	local bin lib
	mkdir -p "$INITRD/usr/sbin"
	for bin in /usr/sbin/ip /usr/sbin/tc; do
		cp "$bin" "$INITRD/usr/sbin/"
		for lib in $(ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
			mkdir -p "$INITRD$(dirname "$lib")"
			cp -L "$lib" "$INITRD$lib"
		done
	done
}

# --- boot -----------------------------------------------------------------
CONSOLE=$CACHE/console.log
boot() {
	log "booting $KVER in QEMU (TCG, timeout ${TIMEOUT}s)"
	local st
	set +e
	timeout --foreground -k 5 "$TIMEOUT" qemu-system-x86_64 \
		-accel tcg -cpu max -m 1024 -smp 1 \
		-nographic -no-reboot -monitor none -serial stdio \
		-nic none \
		-kernel "$SYSROOT/boot/vmlinuz-$KVER" \
		-initrd "$CACHE/lab.cpio" \
		-append "console=ttyS0 panic=-1 quiet loglevel=4 rdinit=/init" \
		</dev/null 2>&1 | tr -d '\r' | sed -u 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1bc//g' | tee "$CONSOLE"
	st=${PIPESTATUS[0]}
	set -e
	case $st in
	0) ;;
	124 | 137) log "QEMU killed after ${TIMEOUT}s" ;;
	*) log "QEMU exited with status $st" ;;
	esac
	if [[ -n ${LAB_KEEP_LOG-} ]]; then cp "$CONSOLE" "$LAB_KEEP_LOG"; fi
}

# --- verdict --------------------------------------------------------------
verdict() {
	local pass=0 fail=0 s line
	echo
	echo "lab: results (${SECONDS}s total)"
	for s in $SCENARIOS; do
		line=$(grep -E "^lab: scenario $s: (PASS|FAIL)" "$CONSOLE" | tail -1 || true)
		if [[ $line == *": PASS"* ]]; then
			pass=$((pass + 1))
			echo "  PASS $s"
		elif [[ -n $line ]]; then
			fail=$((fail + 1))
			echo "  FAIL $s"
		else
			fail=$((fail + 1))
			echo "  FAIL $s (no result: the VM timed out or crashed; console: $CONSOLE)"
		fi
	done
	grep -q '^lab: done' "$CONSOLE" || echo "  the VM did not finish (timeout ${TIMEOUT}s or kernel panic)"
	echo "lab: $pass passed, $fail failed"
	((fail == 0))
}

main() {
	host_tools
	mkdir -p "$CACHE"
	# The Go build needs nothing from the kernel: run it beside the
	# download, unpack and module build.
	log "building static test binaries (in the background)"
	build_tests >"$CACHE/go-build.log" 2>&1 &
	local gopid=$!
	fetch
	unpack
	build_modules
	if ! wait "$gopid"; then
		cat "$CACHE/go-build.log"
		die "building the test binaries failed"
	fi
	log "test binaries built"
	pack
	boot
	verdict
}
main "$@"
