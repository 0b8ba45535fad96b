#!/usr/bin/env bash
# Installs what the queue-mode end-to-end test (test/e2e/queue.test.js) needs, from Debian packages,
# only when it is missing:
#   - redis-server: n8n's queue mode (EXECUTIONS_MODE=queue) hands executions to workers through Redis (Bull);
#   - postgresql: n8n 2.8.4 and 2.41.1 do not refuse queue mode on sqlite (they log "Scaling mode is not
#     officially supported with sqlite. Please use PostgreSQL instead.", dist/commands/base-command.js),
#     but the main and the workers would then share one sqlite file with nothing arbitrating writes
#     between processes, so the test runs on PostgreSQL (why in detail: scripts/lib/queue.js).
#     --redis-only (or QUEUE_DB=sqlite) skips it; the test then needs QUEUE_DB=sqlite.
#
# Nothing is left running: the test starts its own Redis and PostgreSQL on 127.0.0.1 and free ports, in
# temp dirs. If a package's own service got started by the install (a machine without Docker's
# policy-rc.d), it is stopped and disabled again, since this script started it.
#
# Usage: bash scripts/install-queue-services.sh [--redis-only]     (root, or sudo without a password)
set -euo pipefail

want_postgres=true
[[ "${QUEUE_DB:-}" == "sqlite" ]] && want_postgres=false
for arg in "$@"; do
	case "$arg" in
		--redis-only) want_postgres=false ;;
		-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
		*) echo "unknown argument: $arg" >&2; exit 2 ;;
	esac
done

# Binaries the test looks for (scripts/lib/queue.js searches the same places).
pg_bin_dir() {
	local d
	for d in /usr/lib/postgresql/*/bin; do
		[[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
	done
	return 1
}

packages=()
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if $want_postgres && ! pg_bin_dir >/dev/null; then packages+=(postgresql); fi

if ((${#packages[@]} == 0)); then
	msg="$(redis-server --version | awk '{print $1, $2, $3}')"
	$want_postgres && msg+=", PostgreSQL in $(pg_bin_dir)"
	echo "queue services: already installed ($msg)"
	exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
	as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	as_root=(sudo -n)
else
	echo "queue services: need root (or passwordless sudo) to install: ${packages[*]}" >&2
	echo "  run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "queue services: apt-get not found; install ${packages[*]} with this system's package manager" >&2
	exit 1
fi

started=$(date +%s)
echo "queue services: installing ${packages[*]} (apt-get update first)…"
# Another apt run (a parallel job) holds dpkg's lock for a while: wait for it, bounded.
apt_opts=(-o DPkg::Lock::Timeout=600)
"${as_root[@]}" apt-get "${apt_opts[@]}" update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

# The packages' own services are not ours to leave running.
for svc in "${packages[@]}"; do
	if command -v service >/dev/null 2>&1 && "${as_root[@]}" service "$svc" status >/dev/null 2>&1; then
		"${as_root[@]}" service "$svc" stop >/dev/null 2>&1 || true
		command -v systemctl >/dev/null 2>&1 && "${as_root[@]}" systemctl disable "$svc" >/dev/null 2>&1 || true
		echo "queue services: stopped the $svc service the install started (the test runs its own)"
	fi
done

command -v redis-server >/dev/null 2>&1 || { echo "queue services: redis-server still missing after the install" >&2; exit 1; }
if $want_postgres; then pg_bin_dir >/dev/null || { echo "queue services: PostgreSQL binaries still missing after the install" >&2; exit 1; }; fi
echo "queue services: ready in $(($(date +%s) - started)) s ($(redis-server --version | awk '{print $1, $2, $3}'))"
