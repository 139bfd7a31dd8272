#!/usr/bin/env bash
# The store tests start a real redis-server (lib/store/testing/redis-server.ts); they use Debian's.
# Elsewhere, REDIS_SERVER may point at any redis-server binary (Redis >= 6.2).
set -euo pipefail
if [ -x "${REDIS_SERVER:-/usr/bin/redis-server}" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's redis-server (needed by the store tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
else
  echo "No /usr/bin/redis-server and no apt-get: install Redis >= 6.2 and set REDIS_SERVER to its redis-server." >&2
  exit 1
fi
