#!/usr/bin/env bash
# netns.sh: a private network namespace for browser WebRTC tests.
#
# Chromium gathers no ICE candidates on loopback, so two peers on one machine
# connect only over a real interface. This creates a namespace with its own
# loopback and a veth pair whose BOTH ends (and both addresses) live inside it:
# the peers talk over the veth, and no packet leaves the namespace.
#
#   netns.sh up   [NAME]          create (idempotent), print the addresses
#   netns.sh down [NAME]          delete
#   netns.sh exec NAME CMD ARGS   run a command inside (same as ip netns exec)
#   netns.sh run  CMD ARGS        up a fresh namespace, run CMD inside, always delete it
#
# NAME defaults to icd-e2e. Needs root (or CAP_NET_ADMIN + CAP_SYS_ADMIN) and iproute2.
# Addresses: 10.203.0.1/24 on veth0, 10.203.0.2/24 on veth1 (override with
# NETNS_NET=10.x.y to pick another /24).
set -euo pipefail

cmd=${1:-}
shift || true
net=${NETNS_NET:-10.203.0}

up() {
	local ns=$1
	if ip netns list | grep -qw -- "$ns"; then
		echo "netns $ns exists" >&2
	else
		ip netns add "$ns"
	fi
	ip -n "$ns" link set lo up
	if ! ip -n "$ns" link show veth0 >/dev/null 2>&1; then
		ip -n "$ns" link add veth0 type veth peer name veth1
		ip -n "$ns" addr add "$net.1/24" dev veth0
		ip -n "$ns" addr add "$net.2/24" dev veth1
	fi
	ip -n "$ns" link set veth0 up
	ip -n "$ns" link set veth1 up
	echo "netns $ns: lo, veth0 $net.1, veth1 $net.2" >&2
}

down() {
	local ns=$1
	ip netns del "$ns" 2>/dev/null || true
}

case "$cmd" in
up) up "${1:-icd-e2e}" ;;
down) down "${1:-icd-e2e}" ;;
exec)
	ns=${1:?usage: netns.sh exec NAME CMD ARGS}
	shift
	exec ip netns exec "$ns" "$@"
	;;
run)
	ns="icd-e2e-$$"
	trap 'down "$ns"' EXIT
	up "$ns"
	ip netns exec "$ns" "$@"
	;;
*)
	sed -n '2,18p' "$0" >&2
	exit 2
	;;
esac
