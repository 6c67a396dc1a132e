#!/usr/bin/env bash
# The one start command: installs dependencies, brings up MariaDB and Kafka, builds, creates
# topics, runs migrations, starts every service and the gateway, and waits until all are ready.
# Ctrl-C stops everything this script started (Kafka too, if it was not already running).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/install.sh
source "$ROOT/scripts/lib/install.sh"

SERVICES=(accounts identity exam payments audit)
LOG_DIR="$ROOT/.local/logs"
mkdir -p "$LOG_DIR"
pids=()
names=()
started_kafka=0

say() { printf '[start] %s\n' "$*"; }

# An orderly stop: the services run in their own sessions (setsid), so a Ctrl-C reaches this script only;
# it sends each one SIGTERM and reports it once it has exited, then stops the broker if it started it.
# A Ctrl-C (or a closed terminal) is a normal way to stop and ends with status 0; any other way out keeps
# its status.
shutdown() {
  trap - INT TERM HUP EXIT
  if [ "${#pids[@]}" -gt 0 ] || [ "$started_kafka" = 1 ]; then say "stopping..."; fi
  local i
  for i in "${!pids[@]}"; do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" 2>/dev/null || true
    say "${names[$i]} stopped"
  done
  if [ "$started_kafka" = 1 ]; then
    bash scripts/kafka.sh stop >>"$LOG_DIR/kafka-stop.log" 2>&1 || true
    say "kafka stopped"
  fi
  say "stopped."
}
trap 'shutdown; exit 0' INT TERM HUP
trap 'status=$?; shutdown; exit "$status"' EXIT

ensure_node_modules "$ROOT"
ensure_cjk_font
bash scripts/db.sh ensure
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then started_kafka=1; fi
bash scripts/kafka.sh start

say "building..."
npm run -s build

# Development keys are generated once per checkout and never committed (see README: configuration).
if [ ! -f .local/dev.env ]; then node dist/scripts/dev-env.js > .local/dev.env; say "generated development keys in .local/dev.env"; fi
# A dev.env from before the audit chain was keyed: add a chain key once, so it survives restarts.
# A dev.env from before the payments service: add the provider keys once (merchant and simulator halves).
if ! grep -q '^WECHATPAY_APIV3_KEY=' .local/dev.env; then
  node dist/scripts/dev-env.js | grep -E '^(WECHATPAY|ALIPAY)_' >> .local/dev.env
  say "added payment provider keys to .local/dev.env"
fi
if ! grep -q '^AUDIT_CHAIN_KEYS=' .local/dev.env; then
  printf "AUDIT_CHAIN_KEYS='%s'\n" "$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")" >> .local/dev.env
  say "added an audit chain key to .local/dev.env"
fi
set -a
# shellcheck disable=SC1091
source .local/dev.env
set +a
export NODE_ENV="${NODE_ENV:-development}"
# Ended sessions are refused by every service through a revocation list in Redis (and the gateway shares its
# rate limits there): use the local Redis when one answers, as production always has one.
if [ -z "${REDIS_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  export REDIS_URL=redis://127.0.0.1:6379
fi

# Each service gets only its own field-encryption keys (ACCOUNTS_FIELD_KEK, … in dev.env) under the names it
# reads (FIELD_KEK, …), and none of the other services' keys in its environment; none set means
# @exam/crypto's development keys (a dev.env from before per-service keys).
FIELD_KEY_NAMES=(FIELD_KEK FIELD_DATA_KEYS FIELD_ACTIVE_KEY_ID BLIND_INDEX_KEYS BLIND_INDEX_ACTIVE_KEY_ID)
field_keys_of() {
  local own prefix name source
  own="$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')_"
  field_keys=()
  for prefix in ACCOUNTS_ IDENTITY_ EXAM_ PAYMENTS_ AUDIT_; do
    for name in "${FIELD_KEY_NAMES[@]}"; do field_keys+=(-u "$prefix$name"); done
  done
  for name in "${FIELD_KEY_NAMES[@]}"; do
    source="$own$name"
    if [ -n "${!source:-}" ]; then field_keys+=("$name=${!source}"); fi
  done
  # PLATFORM_DATABASE_PREFIX=webtest: the services use webtest_accounts, webtest_identity, … instead of their
  # own exam_* databases (the browser journeys' platform, whose data is encrypted with this checkout's keys).
  case "$1" in
    accounts | identity | exam | payments | audit)
      if [ -n "${PLATFORM_DATABASE_PREFIX:-}" ]; then field_keys+=("DATABASE_NAME=${PLATFORM_DATABASE_PREFIX}_$1"); fi
      ;;
  esac
}

# KAFKA_AUTH=scram (scripts/kafka.sh): topics are created as the broker's super user, and each service
# below connects as its own principal, which the broker's ACLs confine to its own topics.
kafka_env() { if [ "${KAFKA_AUTH:-none}" = scram ] && [ -z "${KAFKA_BROKERS:-}" ]; then bash scripts/kafka.sh env "$1"; fi; }
env $(kafka_env admin) node dist/scripts/create-topics.js
for svc in "${SERVICES[@]}"; do
  field_keys_of "$svc"
  env "${field_keys[@]}" node "dist/apps/$svc/src/migrate.js"
done

port_of() {
  case "$1" in
    gateway) echo 3000 ;; accounts) echo 3001 ;; identity) echo 3002 ;; exam) echo 3003 ;;
    payments) echo 3004 ;; audit) echo 3005 ;; authority-sim) echo 3100 ;; pay-sim) echo 3101 ;;
  esac
}

launch() {
  local name="$1" entry="dist/apps/$1/src/main.js"
  [ -f "$entry" ] || return 0
  field_keys_of "$name"
  local kafka_principal=()
  case "$name" in accounts | identity | exam | payments | audit) mapfile -t kafka_principal < <(kafka_env "$name") ;; esac
  # Not a process group leader here (no job control), so setsid execs in place, and env execs node: $! is
  # the service's pid.
  HTTP_PORT="$(port_of "$name")" setsid env "${field_keys[@]}" ${kafka_principal[@]+"${kafka_principal[@]}"} node "$entry" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  pids+=("$!")
  names+=("$name")
  say "$name started (pid $!, log .local/logs/$name.log)"
}

# The simulator's reference photos (test data, never shipped): the labelled faces next to the checkout.
if [ -z "${AUTHORITY_REFERENCE_PHOTOS_DIR:-}" ] && [ -d ../shared/testdata/faces ]; then
  AUTHORITY_REFERENCE_PHOTOS_DIR="$(cd ../shared/testdata/faces && pwd)"
  export AUTHORITY_REFERENCE_PHOTOS_DIR
fi
launch authority-sim
# The payment provider simulator (WeChat Pay, Alipay); payments' provider URLs default to it.
launch pay-sim
# Development only: the gateway's status page also shows the simulator (production manifests never set it).
if [ -f dist/apps/authority-sim/src/main.js ]; then export AUTHORITY_SIM_URL="http://127.0.0.1:$(port_of authority-sim)"; fi
for svc in "${SERVICES[@]}"; do launch "$svc"; done
launch gateway

wait_ready() {
  local name="$1" url="http://127.0.0.1:$(port_of "$1")/health/ready"
  for _ in $(seq 1 120); do
    if node -e "fetch('$url').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"; then say "$name ready"; return 0; fi
    sleep 1
  done
  say "$name did not become ready; see .local/logs/$name.log"; return 1
}
for svc in "${SERVICES[@]}" gateway; do wait_ready "$svc"; done

# The demo (scripts/seed-demo.ts): accounts, an institution and verified candidates, created once through
# the public APIs; DEMO_SEED=0 skips it. A failed seed is reported but leaves the platform running.
if [ "${DEMO_SEED:-1}" != 0 ]; then
  # Its grant-role step acts as the accounts service, so it gets accounts' own field keys.
  field_keys_of accounts
  if ! env "${field_keys[@]}" node dist/scripts/seed-demo.js; then
    say "the demo seed failed (see above); the platform keeps running"
  fi
fi

cat <<MSG

  The platform is up.
    Web UI and API gateway:  http://127.0.0.1:3000/
    Service status:          http://127.0.0.1:3000/health/services
    APIs:                    http://127.0.0.1:3000/api/<accounts|identity|exam|payments|audit>/...
    Logs:                    .local/logs/
  Press Ctrl-C to stop everything.

MSG
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then say "${names[$i]} exited unexpectedly; see .local/logs/${names[$i]}.log"; fi
done
exit 1
