#!/usr/bin/env bash
# The one test command: installs what it needs, brings up MariaDB and Kafka, then runs
# lint, type-check, import boundaries, unit tests and e2e tests against the real infrastructure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/install.sh
source "$ROOT/scripts/lib/install.sh"

started_kafka=0
cleanup() {
  if [ "$started_kafka" = 1 ] && [ "${KEEP_KAFKA:-0}" != 1 ]; then bash scripts/kafka.sh stop || true; fi
}
trap cleanup EXIT

step() { printf '\n=== %s ===\n' "$1"; }
t0=$(date +%s)

ensure_node_modules "$ROOT"
ensure_cjk_font
mkdir -p .local/test-results

# The static checks are single-threaded and independent: side by side they take about as long as lint alone
# (about 1.5 min on two cores instead of 2.5). Each one's output is printed whole, in order, once all are done.
static_checks() {
  local dir=.local/static-checks names=(format lint typecheck boundaries) pids=() failed=0
  mkdir -p "$dir"
  npm run -s format:check >"$dir/format.log" 2>&1 &
  pids+=($!)
  npm run -s lint >"$dir/lint.log" 2>&1 &
  pids+=($!)
  npm run -s typecheck >"$dir/typecheck.log" 2>&1 &
  pids+=($!)
  npm run -s boundaries >"$dir/boundaries.log" 2>&1 &
  pids+=($!)
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then status=passed; else status=FAILED; failed=1; fi
    printf -- '--- %s: %s\n' "${names[$i]}" "$status"
    cat "$dir/${names[$i]}.log"
  done
  return "$failed"
}
step "format (prettier), lint (incl. import order), type-check, import boundaries"
static_checks

step "unit tests"
npx jest --config jest.unit.config.js --ci --maxWorkers=2 --json --outputFile=.local/test-results/unit.json

step "web app build"
npm run -s build:web

step "infrastructure"
bash scripts/db.sh ensure
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then
  started_kafka=1
  # Another checkout's broker (or anything else) on the default ports: run this checkout's own broker
  # beside it, so the suite still controls its broker (the outage test stops and restarts it).
  if [ -z "${KAFKA_PORT:-}" ] && { port_busy 9092 || port_busy 9093; }; then
    export KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093
    echo "[test] ports 9092/9093 are taken by another process; this run's broker uses 127.0.0.1:${KAFKA_PORT}"
  fi
fi
bash scripts/kafka.sh start

step "e2e tests (real MariaDB + Kafka)"
# Two files at a time: each has its own databases and topic prefix, and most of a file's time is waiting on
# MariaDB, Kafka or a deadline, so the second worker uses what the first leaves idle (a fresh clone on two
# cores: about a third less time than one file at a time). The backbone file stops and restarts the broker
# under everyone's feet, so it runs alone afterwards.
BROKER_RESTART_SPEC='libs/platform/test/event-backbone.e2e-spec.ts'
npx jest --config jest.e2e.config.js --ci --maxWorkers=2 \
  --testPathIgnorePatterns /node_modules/ /dist/ /.local/ "$BROKER_RESTART_SPEC" \
  --json --outputFile=.local/test-results/e2e.json
npx jest --config jest.e2e.config.js --ci --runInBand --json --outputFile=.local/test-results/e2e-broker.json \
  "$BROKER_RESTART_SPEC"

step "broker authentication, ACLs and signed commands (a SASL/SCRAM broker of its own)"
# Its own ports, clear of the default broker, of the fallback ports above and of Linux's ephemeral range
# (32768-60999): a port in that range can already be held by an outgoing connection of the suite, and the
# broker then dies with a BindException (the likely cause of a CI run losing this step on 39092/39093).
KAFKA_AUTH_PORT="${KAFKA_AUTH_PORT:-19092}" KAFKA_AUTH_CONTROLLER_PORT="${KAFKA_AUTH_CONTROLLER_PORT:-19093}" \
  bash scripts/kafka-auth-test.sh --ci --json --outputFile=.local/test-results/kafka-auth.json

step "browser journeys (Playwright, Debian's Chromium, against the started platform)"
bash scripts/test-web.sh

step "summary"
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["unit", "e2e", "e2e-broker", "kafka-auth"]) {
    const r = JSON.parse(fs.readFileSync(`.local/test-results/${f}.json`, "utf8"));
    console.log(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
  }
  const web = JSON.parse(fs.readFileSync(".local/test-results/web.json", "utf8")).stats;
  console.log(`web: ${web.expected} passed, ${web.unexpected + web.flaky} failed, ${web.skipped} skipped`);
  passed += web.expected; failed += web.unexpected + web.flaky; skipped += web.skipped;
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
'
echo "total time: $(( $(date +%s) - t0 )) s"
