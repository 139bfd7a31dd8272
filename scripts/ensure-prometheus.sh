#!/usr/bin/env bash
# The metrics tests run a real Prometheus and its promtool (lib/metrics/testing/prometheus-server.ts,
# lib/metrics/prometheus/rules.test.ts); they use Debian's package (2.42), which ships both.
# Elsewhere, PROMETHEUS and PROMTOOL may point at the binaries (Prometheus >= 2.42).
set -euo pipefail
if [ -x "${PROMETHEUS:-/usr/bin/prometheus}" ] && [ -x "${PROMTOOL:-/usr/bin/promtool}" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's prometheus (needed by the metrics tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # The package's service is not wanted: the tests start their own server on a free loopback port.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
else
  echo "No /usr/bin/prometheus and no apt-get: install Prometheus >= 2.42 and set PROMETHEUS and PROMTOOL." >&2
  exit 1
fi
