#!/usr/bin/env bash
# Playwright's own browser download cannot run here, so the tests use Debian's chromium.
# Elsewhere, PLAYWRIGHT_CHROMIUM_PATH may point at any Chromium, or be set to "bundled".
set -euo pipefail
if [ "${PLAYWRIGHT_CHROMIUM_PATH:-}" = "bundled" ] || [ -x "${PLAYWRIGHT_CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's chromium (needed by the browser tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "No /usr/bin/chromium and no apt-get: set PLAYWRIGHT_CHROMIUM_PATH=bundled and run 'npx playwright install chromium'." >&2
  exit 1
fi
