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
# mosquitto runs as root here only inside the namespace; tell it not to drop to a missing user.
exec "$here/netns.sh" run node "$here/selftest.mjs" "$@"
