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
started_kafka=0

say() { printf '[start] %s\n' "$*"; }

shutdown() {
  trap - INT TERM EXIT
  say "stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$started_kafka" = 1 ]; then bash scripts/kafka.sh stop || true; fi
  say "stopped."
}
trap shutdown INT TERM EXIT

ensure_node_modules "$ROOT"
ensure_cjk_font
bash scripts/db.sh ensure
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then started_kafka=1; fi
bash scripts/kafka.sh start

say "building..."
npm run -s build

# Development keys are generated once per checkout and never committed (see README: configuration).
if [ ! -f .local/dev.env ]; then node dist/scripts/dev-env.js > .local/dev.env; say "generated development keys in .local/dev.env"; fi
set -a
# shellcheck disable=SC1091
source .local/dev.env
set +a
export NODE_ENV="${NODE_ENV:-development}"

node dist/scripts/create-topics.js
for svc in "${SERVICES[@]}"; do node "dist/apps/$svc/src/migrate.js"; done

port_of() {
  case "$1" in
    gateway) echo 3000 ;; accounts) echo 3001 ;; identity) echo 3002 ;; exam) echo 3003 ;;
    payments) echo 3004 ;; audit) echo 3005 ;; authority-sim) echo 3100 ;;
  esac
}

launch() {
  local name="$1" entry="dist/apps/$1/src/main.js"
  [ -f "$entry" ] || return 0
  HTTP_PORT="$(port_of "$name")" node "$entry" >>"$LOG_DIR/$name.log" 2>&1 &
  pids+=("$!")
  say "$name started (pid $!, log .local/logs/$name.log)"
}

# The simulator's reference photos (test data, never shipped): the labelled faces next to the checkout.
if [ -z "${AUTHORITY_REFERENCE_PHOTOS_DIR:-}" ] && [ -d ../shared/testdata/faces ]; then
  AUTHORITY_REFERENCE_PHOTOS_DIR="$(cd ../shared/testdata/faces && pwd)"
  export AUTHORITY_REFERENCE_PHOTOS_DIR
fi
launch authority-sim
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

cat <<MSG

  The platform is up.
    Web UI and API gateway:  http://127.0.0.1:3000/
    Service status:          http://127.0.0.1:3000/health/services
    APIs:                    http://127.0.0.1:3000/api/<accounts|identity|exam|payments|audit>/...
    Logs:                    .local/logs/
  Press Ctrl-C to stop everything.

MSG
wait -n "${pids[@]}" || true
say "a process exited; shutting down"
