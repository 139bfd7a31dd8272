#!/usr/bin/env bash
# Every test Backwatch has, in the order that fails fastest: lint, types, unit, then the
# production build with Playwright against the Atlas simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-chromium.sh
bash scripts/ensure-redis.sh
bash scripts/ensure-prometheus.sh

echo "== conflict markers"
if grep -rnE '^(<<<<<<<|>>>>>>>)( |$)' app components lib e2e scripts bench .ci README.md *.ts *.js *.json 2>/dev/null; then
  echo "a merge left its conflict markers in the lines above" >&2; exit 1
fi
echo "== prettier"; npx prettier --check . --log-level warn
echo "== eslint"; npx eslint . --max-warnings=0
echo "== tsc"; npx tsc --noEmit
echo "== vitest"; npx vitest run
echo "== next build"; npx next build
echo "== playwright"; npx playwright test
