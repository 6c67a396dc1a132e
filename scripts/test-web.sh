#!/usr/bin/env bash
# Browser journeys: builds the web app, makes sure the platform runs (starts it with scripts/start.sh when
# nothing answers on the gateway's port, and stops it afterwards), then runs Playwright with Debian's Chromium.
# Extra arguments go to `playwright test` (a file, -g "name", --headed ...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/install.sh
source "$ROOT/scripts/lib/install.sh"

say() { printf '[test-web] %s\n' "$*"; }
ensure_node_modules "$ROOT"
ensure_cjk_font
ensure_chromium
npm run -s build:web

BASE_URL="${WEB_BASE_URL:-http://127.0.0.1:3000}"
gateway_ready() { node -e "fetch('$BASE_URL/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"; }

platform_pid=""
stop_platform() {
  if [ -n "$platform_pid" ]; then
    say "stopping the platform it started"
    kill -TERM "$platform_pid" 2>/dev/null || true
    wait "$platform_pid" 2>/dev/null || true
  fi
}
trap stop_platform EXIT

if gateway_ready; then
  say "using the platform already running at $BASE_URL"
else
  mkdir -p .local/logs
  # Its own databases, emptied first: data in them is encrypted with the field keys of the checkout that wrote
  # it (.local/dev.env), so what another checkout left there could not be read; the exam_* databases of a
  # developer's own platform are never touched.
  export PLATFORM_DATABASE_PREFIX="${PLATFORM_DATABASE_PREFIX:-webtest}"
  node scripts/drop-databases.js "$PLATFORM_DATABASE_PREFIX"
  say "starting the platform (log: .local/logs/start-web-test.log)"
  # The journeys sign up and sign in many accounts from one address (127.0.0.1), and the database outlives
  # the run: a test platform's per-address budgets (gateway requests per minute, one-time codes per day) are
  # raised. Per-account limits and every other protection stay as configured.
  RATE_LIMIT_PER_MINUTE="${RATE_LIMIT_PER_MINUTE:-6000}" \
    CODE_IP_REQUESTS_PER_DAY="${CODE_IP_REQUESTS_PER_DAY:-1000000}" \
    CODE_IP_WRONG_PER_DAY="${CODE_IP_WRONG_PER_DAY:-1000000}" \
    bash scripts/start.sh >.local/logs/start-web-test.log 2>&1 &
  platform_pid=$!
  for _ in $(seq 1 600); do
    if grep -q 'The platform is up' .local/logs/start-web-test.log 2>/dev/null; then break; fi
    if ! kill -0 "$platform_pid" 2>/dev/null; then
      tail -40 .local/logs/start-web-test.log
      say "the platform did not start"
      exit 1
    fi
    sleep 1
  done
  grep -q 'The platform is up' .local/logs/start-web-test.log || { tail -40 .local/logs/start-web-test.log; say "timed out starting the platform"; exit 1; }
fi

WEB_BASE_URL="$BASE_URL" npx playwright test --config apps/web/playwright.config.ts "$@"
