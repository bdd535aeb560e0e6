#!/usr/bin/env bash
# Builds out/deb/intercomd_<version>_<arch>.deb for each Debian architecture
# (default: amd64 arm64 armhf) from the binaries build.sh left in out/bin, with
# dpkg-deb from a staged tree. Run build.sh first (the Makefile does).
#
# Reproducible like the binaries: every mtime is SOURCE_DATE_EPOCH (the last
# commit), files are owned by root:root, gzip without names or times.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$ARM_DIR/deps.sh" package

arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(amd64 arm64 armhf)
debver=$(debian_version)
sysd=$ROOT/systemd
mkdir -p "$DEB"

# The conffile: the binary's own defaults (`intercomd config show`), every line
# commented out, so the daemon runs on built-in defaults until someone edits it
# and a key added to intercomd later never meets a stale copy here. Any build
# host binary will do: the defaults do not depend on the architecture.
default_config() {
	local host=$BIN/intercomd-linux-amd64
	[ -x "$host" ] || die "need $host for the default configuration; run build.sh linux-amd64"
	cat <<-HEAD
	# intercomd configuration. Every key is listed with its built-in default,
	# commented out: uncomment a key (and the section above it) to change it.
	# Every key, its meaning and its INTERCOMD_* variable:
	# /usr/share/doc/intercomd/config.md
	#
	# Check a change:   intercomd config check --config /etc/intercomd/intercomd.yaml
	# Apply it:         systemctl reload intercomd   (some keys need a restart; the log names them)
	# Drive the daemon: intercomd ctl status --config /etc/intercomd/intercomd.yaml
	#
	# The file may hold MQTT passwords: it is root:intercomd, mode 0640.
	# This file is a conffile: upgrades never overwrite your changes.

	HEAD
	# device defaults to the host name; say so rather than the build host's name.
	env -i "$host" config show | sed -e 's/^device: .*/device: <hostname>/' -e 's/^/# /' -e 's/^# $/#/'
	cat <<-KEYS

	# The one section set here: where the packaged daemon keeps its signing key
	# and the household's trusted keys (docs/security.md), written out so that
	# \`intercomd keys show|add --config /etc/intercomd/intercomd.yaml\` run as root
	# finds the same files the service uses.
	security:
	  key_file: /var/lib/intercomd/device.key
	  trusted_keys: /etc/intercomd/trusted_keys
	KEYS
}

# copyright: intercomd itself, then the licence of every Go module and C
# library linked into this architecture's binary, taken from the module cache.
copyright() {
	local arch=$1 goarch goarm cgo name
	read -r name goarch goarm cgo _ <<<"$(printf '%s\n' "${TARGETS[@]}" | awk -v t="${DEB_TARGET[$arch]}" '$1 == t')"
	cat <<-EOF
	intercomd — video door intercom daemon
	Source: https://github.com/intercomd/intercomd
	Upstream-Contact: intercomd maintainers <maintainers@users.noreply.r-seed-fa980ddd.example>

	EOF
	local own
	own=$(ls "$ROOT"/LICENSE* "$ROOT"/COPYING* 2>/dev/null | head -1 || true)
	if [ -n "$own" ]; then
		echo "intercomd is licensed as follows:"
		echo
		cat "$own"
	else
		echo "The intercomd source tree carries no LICENSE file yet: no licence is granted"
		echo "for intercomd's own code beyond what its authors state elsewhere."
	fi
	echo
	echo "The intercomd binary statically links the Go modules and C libraries below."
	echo "Each section names one and quotes its licence."
	local env=(GOOS=linux GOARCH="$goarch" CGO_ENABLED="$cgo")
	[ "$goarm" != - ] && env+=(GOARM="$goarm")
	# Apache-2.0 is in base-files' common-licenses (policy 12.5): refer to it.
	section() {
		printf '\n\n==== %s ====\n\n' "$1"
		if grep -q 'Apache License' "$2" && grep -q 'Version 2.0, January 2004' "$2"; then
			echo "Licensed under the Apache License, Version 2.0."
			echo "On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0."
		else
			cat "$2"
		fi
	}
	section "Go standard library and runtime $(cd "$ROOT" && "$GO" env GOVERSION)" "$(cd "$ROOT" && "$GO" env GOROOT)/LICENSE"
	(cd "$ROOT" && env "${env[@]}" "$GO" list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/intercomd) |
		sort -u | while read -r path ver dir; do
			[ -n "$path" ] || continue
			lic=$(ls "$dir"/LICENSE* "$dir"/LICENCE* "$dir"/COPYING* 2>/dev/null | head -1 || true)
			[ -n "$lic" ] || die "no licence file for $path $ver in $dir"
			section "$path $ver" "$lic"
			if [ "$path" = github.com/pion/mediadevices ] && [ "$cgo" = 1 ]; then
				section "OpenH264 (static library bundled in $path $ver)" "$dir/pkg/codec/openh264/LICENSE"
				section "Opus (static library bundled in $path $ver)" "$dir/pkg/codec/opus/LICENSE"
			fi
		done
}

changelog() {
	cat <<-EOF
	intercomd ($debver) unstable; urgency=medium

	  * Build of upstream $VERSION.
	    See https://github.com/intercomd/intercomd/commits for the changes.

	 -- intercomd maintainers <maintainers@users.noreply.r-seed-fa980ddd.example>  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
	EOF
}

# manpage: `intercomd help` as intercomd(1).
manpage() {
	local host=$BIN/intercomd-linux-amd64
	printf '.TH INTERCOMD 1 "%s" "intercomd %s" "User Commands"\n' "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" "$VERSION"
	printf '.SH NAME\nintercomd \\- video door intercom daemon\n.SH DESCRIPTION\n.nf\n'
	"$host" help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"
	printf '.fi\n.SH FILES\n/etc/intercomd/intercomd.yaml, /usr/share/doc/intercomd/config.md\n'
}

# depends: the shared libraries, from dpkg-shlibdeps where it can read the library's symbols file (the
# build host's own architecture); for the cross architectures the cross
# toolchain's shlibs name foreign packages (libc6:arm64, libgcc-s1-arm64-cross)
# and, without a glibc symbols file, give libc6 (>= 2.36): rename them, and take
# glibc's floor from the newest GLIBC_x.y symbol version the binary asks for,
# which is what the symbols file would give.
depends() {
	local arch=$1 work=$2 bin=debian/intercomd/usr/bin/intercomd out libc
	if [ "$arch" = "$(dpkg --print-architecture)" ]; then
		# dpkg-shlibdeps warns "binaries to analyze should already be installed in
		# their package's directory" although debian/intercomd/DEBIAN exists; the
		# result is right (same as with debhelper), so the warning is dropped.
		(cd "$work" && dpkg-shlibdeps -O -e "$bin" 2> >(grep -v "should already be installed" >&2)) | sed -n 's/^shlibs:Depends=//p'
		return
	fi
	local multi
	case $arch in arm64) multi=aarch64-linux-gnu ;; armhf) multi=arm-linux-gnueabihf ;; *) die "no cross toolchain known for $arch" ;; esac
	out=$(cd "$work" && DEB_HOST_ARCH=$arch DEB_HOST_MULTIARCH=$multi dpkg-shlibdeps -O -l/usr/$multi/lib -e "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
	libc=$(readelf -V --wide "$work/$bin" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1)
	echo "$out" | sed -E -e "s/:$arch//g" -e "s/-$arch-cross//g" -e "s/libc6 \\(>= [0-9.]+\\)/libc6 (>= $libc)/"
}

for arch in "${arches[@]}"; do
	target=${DEB_TARGET[$arch]:-}
	[ -n "$target" ] || die "unknown architecture $arch; known: ${!DEB_TARGET[*]}"
	bin=$BIN/intercomd-$target
	[ -x "$bin" ] || die "missing $bin; run build.sh $target"
	work=$OUT/pkg/$arch
	root=$work/debian/intercomd
	rm -rf "$work"
	mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/lib/systemd/system" "$root/usr/lib/sysusers.d" \
		"$root/lib/udev/rules.d" "$root/etc/intercomd" "$root/usr/share/doc/intercomd" "$root/usr/share/man/man1" \
		"$root/usr/share/lintian/overrides"
	printf 'Source: intercomd\n\nPackage: intercomd\nArchitecture: any\n' >"$work/debian/control"

	install -m 0755 "$bin" "$root/usr/bin/intercomd"
	install -m 0644 "$sysd/intercomd.service" "$root/lib/systemd/system/intercomd.service"
	install -m 0644 "$sysd/intercomd.sysusers" "$root/usr/lib/sysusers.d/intercomd.conf"
	install -m 0644 "$sysd/60-intercomd-gpio.rules" "$root/lib/udev/rules.d/60-intercomd-gpio.rules"
	default_config >"$root/etc/intercomd/intercomd.yaml"
	install -m 0644 "$ROOT/docs/config.md" "$root/usr/share/doc/intercomd/config.md"
	install -m 0644 "$ARM_DIR/debian/lintian-overrides" "$root/usr/share/lintian/overrides/intercomd"
	copyright "$arch" >"$root/usr/share/doc/intercomd/copyright"
	changelog | gzip -9n >"$root/usr/share/doc/intercomd/changelog.Debian.gz"
	manpage | gzip -9n >"$root/usr/share/man/man1/intercomd.1.gz"
	chmod 0644 "$root/etc/intercomd/intercomd.yaml" "$root/usr/share/doc/intercomd/"* "$root/usr/share/man/man1/"*

	deps=$(depends "$arch" "$work")
	[ -n "$deps" ] || die "$arch: no dependencies computed"
	size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
	sed -e "s/@VERSION@/$debver/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$deps/" \
		"$ARM_DIR/debian/control.in" >"$root/DEBIAN/control"
	install -m 0644 "$ARM_DIR/debian/conffiles" "$root/DEBIAN/conffiles"
	for s in preinst postinst prerm postrm; do install -m 0755 "$ARM_DIR/debian/$s" "$root/DEBIAN/$s"; done
	(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
	chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control"

	find "$root" -exec touch --no-dereference -d "@$SOURCE_DATE_EPOCH" {} +
	deb=$DEB/intercomd_${debver}_$arch.deb
	dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
	log "$arch: $deb ($(stat -c %s "$deb") bytes; Depends: $deps)"
done
