#!/usr/bin/env bash
# Debian's Chromium for the editor check (test/e2e/editor.test.js drives it with playwright-core).
# Installs only when /usr/bin/chromium is missing; needs root (CI runs as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
	echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
		echo "chromium: /usr/bin/chromium is missing and this user cannot apt-get install it (not root, no sudo)" >&2
		exit 1
	fi
fi

started=$(date +%s)
echo "chromium: installing Debian's chromium with apt-get (first run only)…"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be stale or absent on a fresh machine: update first.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
/usr/bin/chromium --version
echo "chromium: installed in $(( $(date +%s) - started ))s"
