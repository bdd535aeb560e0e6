#!/usr/bin/env bash
# run-daemon.sh: the page against a real intercomd (issue 10's browser e2e).
# Builds cmd/intercomd, starts it in a throwaway network namespace with its
# embedded broker and a synthetic camera, and drives the page with
# e2e/daemon.mjs: the station rings the page (answer: frames, not black, the
# station receives the browser's audio, open door, screenshot), the page calls
# the station (setup p50), reject, cancel. Then the same station requiring
# signed signaling (security.signing: required): an unenrolled page is shown the
# enrollment command and cannot ring the station; the page enrolled with
# `intercomd keys add` and a reload calls the station and is rung by it.
# Needs root, chromium, Go, `npm ci`.
# Prints one JSON line per mode and ends with "N passed, N failed".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${E2E_OUT:-$here/out}
mkdir -p "$out"

if [ "${1:-}" != "--inside" ]; then
	[ -d "$here/../node_modules/playwright-core" ] || { echo "run-daemon: run 'npm ci' in web/ first" >&2; exit 1; }
	command -v /usr/bin/chromium >/dev/null || { echo "run-daemon: apt-get install -y chromium" >&2; exit 1; }
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$repo" && go build -o "$tmp/intercomd" ./cmd/intercomd)
	cat >"$tmp/door.yaml" <<YAML
user: door
device: door-pi
name: Front door
channels: [home]
target: panel
broker:
  tcp: 127.0.0.1:1883
  websocket: 127.0.0.1:1884
http:
  listen: 127.0.0.1:8080
media:
  source: synthetic
  width: 640
  height: 360
webrtc:
  loopback: false
security:
  key_file: $tmp/door.key
YAML
	# The same station, requiring signatures, with its own (empty) trusted keys.
	sed -e "s|^security:|security:\n  signing: required\n  trusted_keys: $tmp/signed/trusted_keys|" "$tmp/door.yaml" >"$tmp/door-signed.yaml"
	mkdir -p "$tmp/signed"
	# The page's key, made outside the browser (the page keeps the same PEM form).
	node -e "process.stdout.write(require('crypto').generateKeyPairSync('ed25519').privateKey.export({type:'pkcs8',format:'pem'}))" >"$tmp/panel.pem"
	E2E_TMP=$tmp "$here/netns.sh" run bash "$0" --inside
	exit $?
fi

# Inside the namespace.
cd "$here/.."
daemon=
start_daemon() {
	"$E2E_TMP/intercomd" run --config "$1" >>"$out/intercomd.log" 2>&1 &
	daemon=$!
	for _ in $(seq 50); do
		curl -fsS http://127.0.0.1:8080/config.json >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	echo "run-daemon: intercomd did not serve the page within 10 s; see $out/intercomd.log" >&2
}
stop_daemon() {
	[ -n "$daemon" ] || return 0
	kill "$daemon" 2>/dev/null
	wait "$daemon" 2>/dev/null || true
	daemon=
}
trap stop_daemon EXIT
: >"$out/intercomd.log"
start_daemon "$E2E_TMP/door.yaml"
common=(--page http://127.0.0.1:8080/ --user panel --station door --station-device door-pi --mqtt ws://127.0.0.1:1884 --expect-caller door)
passed=0
failed=0
run() {
	if timeout 120 node e2e/daemon.mjs "$@" "${common[@]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
run answer --open-door --station-audio --latency --screenshot "$out/daemon-answer.png"
run call --constraints audio=false,video=true --repeat 11
run call --constraints audio=true,video=false
run reject
run cancel

# Signed signaling, required by the station.
stop_daemon
start_daemon "$E2E_TMP/door-signed.yaml"
signed=(--key-pem "$E2E_TMP/panel.pem" --device-id panel-web-e2e)
run refused --screenshot "$out/daemon-enroll.png"
run call --constraints audio=false,video=true "${signed[@]}" \
	--enroll "$E2E_TMP/intercomd keys add --config $E2E_TMP/door-signed.yaml" --reload-pid "$daemon"
run answer --open-door --station-audio "${signed[@]}" --expect-signing enrolled
echo "intercomd log: $out/intercomd.log; screenshot: $out/daemon-answer.png"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
