# Shared by build.sh, package.sh and smoke.sh: paths, versions, targets.
# Sourced, not run.

ARM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$ARM_DIR/../.." && pwd)
OUT=${OUT:-$ARM_DIR/out}
BIN=$OUT/bin
DEB=$OUT/deb
export PATH="/usr/local/go/bin:$PATH"
GO=${GO:-go}

# package.sh and smoke.sh describe what build.sh built (it records the version in
# out/version.env), even if a commit has landed in between.
if [ -z "${BUILDING:-}" ] && [ -f "$OUT/version.env" ]; then
	: "${VERSION:=$(sed -n 's/^VERSION=//p' "$OUT/version.env")}"
	: "${SOURCE_DATE_EPOCH:=$(sed -n 's/^SOURCE_DATE_EPOCH=//p' "$OUT/version.env")}"
fi
# VERSION is what `intercomd version` prints: `git describe`, as the top Makefile does.
VERSION=${VERSION:-$(git -C "$ROOT" describe --tags --always --dirty --match 'v[0-9]*' 2>/dev/null || echo dev)}
# The last commit's time: the changelog date and every file's mtime in the .deb,
# so that one commit gives byte-identical packages.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH

# debian_version turns VERSION into a Debian version. The revision is always -1:
# the package is built from the upstream tree by this script, not by a Debian
# maintainer, but a non-native version keeps changelog.Debian.gz where lintian
# and users look for it, and leaves room for a -2 of the same upstream version.
#   v1.2.3              -> 1.2.3-1
#   v1.2.3-4-gabc1234   -> 1.2.3+git4.abc1234-1   (sorts after 1.2.3, before 1.2.4)
#   abc1234 (no tag)    -> 0.0~git20261127.abc1234-1
# and "-dirty" becomes "+dirty".
debian_version() {
	local v=$VERSION dirty=
	case $v in *-dirty) v=${v%-dirty}; dirty=+dirty ;; esac
	if [[ $v =~ ^v([0-9][0-9A-Za-z.~+]*)-([0-9]+)-g([0-9a-f]+)$ ]]; then
		v="${BASH_REMATCH[1]}+git${BASH_REMATCH[2]}.${BASH_REMATCH[3]}"
	elif [[ $v =~ ^v([0-9][0-9A-Za-z.~+]*)$ ]]; then
		v=${BASH_REMATCH[1]}
	else
		v="0.0~git$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d).${v//[^0-9A-Za-z.]/.}"
	fi
	echo "$v$dirty-1"
}

# Targets: name GOARCH GOARM CGO CC CXX. The cgo ones carry the H.264 (openh264)
# and Opus encoders; the nocgo ones do not (see README.md).
TARGETS=(
	"linux-amd64        amd64 -  1 gcc                     g++"
	"linux-arm64        arm64 -  1 aarch64-linux-gnu-gcc   aarch64-linux-gnu-g++"
	"linux-armv7        arm   7  1 arm-linux-gnueabihf-gcc arm-linux-gnueabihf-g++"
	"linux-arm64-nocgo  arm64 -  0 - -"
	"linux-armv7-nocgo  arm   7  0 - -"
	"linux-armv6-nocgo  arm   6  0 - -"
)

# Debian architecture -> binary target packaged for it.
declare -A DEB_TARGET=([amd64]=linux-amd64 [arm64]=linux-arm64 [armhf]=linux-armv7)

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "$*"; exit 1; }
