#!/usr/bin/env bash
# run-selftest.sh: the browser self-test (two Chromium pages calling each other
# through mosquitto) inside a throwaway network namespace. Needs root, chromium,
# mosquitto, Go, and `npm ci` done in web/.
#   apt-get install -y chromium mosquitto
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for tool in /usr/bin/chromium mosquitto go node; do
	command -v "$tool" >/dev/null || { echo "run-selftest: $tool missing (apt-get install -y chromium mosquitto)" >&2; exit 1; }
done
[ -d "$here/../node_modules/playwright-core" ] || { echo "run-selftest: run 'npm ci' in web/ first" >&2; exit 1; }
# E2E_LAN_ADDR: the veth address netns.sh gives veth0; the page served there over
# plain http is not a secure context, which the test checks.
export E2E_LAN_ADDR=${NETNS_NET:-10.203.0}.1
exec "$here/netns.sh" run node "$here/selftest.mjs" "$@"
