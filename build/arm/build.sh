#!/usr/bin/env bash
# Builds intercomd for every target in lib.sh from the working tree this script
# lives in, into out/bin/intercomd-<target>.
#
# Reproducible: -trimpath (no local paths), -buildvcs=true (revision and the
# modified flag are in the binary, `intercomd version` prints them), version
# from `git describe`, no build id from the link (-buildid=) and stripped (-s -w)
# so the output depends only on the source, the Go version and the C toolchain.
# Go records no VCS information in a `git worktree` checkout (its .git is a
# file): build from a clone or the main checkout.
#
# Usage: build.sh [target...]   (default: all; names as in lib.sh, e.g. linux-arm64)
set -euo pipefail
BUILDING=1
source "$(dirname "$0")/lib.sh"
"$ARM_DIR/deps.sh" build

want=("$@")
mkdir -p "$BIN"
printf 'VERSION=%s\nSOURCE_DATE_EPOCH=%s\n' "$VERSION" "$SOURCE_DATE_EPOCH" >"$OUT/version.env"
cd "$ROOT"
for t in "${TARGETS[@]}"; do
	read -r name arch arm cgo cc cxx <<<"$t"
	if [ ${#want[@]} -gt 0 ] && ! printf '%s\n' "${want[@]}" | grep -qx "$name"; then
		continue
	fi
	env=(GOOS=linux GOARCH="$arch" CGO_ENABLED="$cgo")
	[ "$arm" != - ] && env+=(GOARM="$arm")
	ldflags="-s -w -buildid= -X main.version=$VERSION"
	if [ "$cgo" = 1 ]; then
		# The packaged binaries: full RELRO (bind now), as Debian links C programs.
		# Not PIE: the bundled arm64 libopus.a is not position independent
		# ("relocation R_AARCH64_ADR_PREL_PG_HI21 against stderr ... recompile
		# with -fPIC"), and all targets are built alike.
		env+=(CC="$cc" CXX="$cxx")
		ldflags+=" -extldflags=-Wl,-z,relro,-z,now"
	fi
	start=$(date +%s)
	env "${env[@]}" "$GO" build -trimpath -buildvcs=true -ldflags "$ldflags" \
		-o "$BIN/intercomd-$name" ./cmd/intercomd
	log "$name: $(stat -c %s "$BIN/intercomd-$name") bytes in $(($(date +%s) - start))s (${env[*]})"
done
