#!/usr/bin/env bash
# Broker authentication, ACL and signed-command tests against a SASL/SCRAM broker of this checkout (its own
# state dir and ports, so the default local broker and its topics are left alone), then the messaging and
# outbox e2e specs through the same authenticated broker. Stops the broker again if it started it.
#
#   npm run test:kafka-auth      (KAFKA_AUTH_PORT / KAFKA_AUTH_CONTROLLER_PORT: default 29092 / 29093)
set -euo pipefail
cd "$(dirname "$0")/.."

export KAFKA_AUTH=scram
export KAFKA_STATE_DIR=.local/kafka-scram
export KAFKA_PORT="${KAFKA_AUTH_PORT:-29092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_AUTH_CONTROLLER_PORT:-29093}"
unset KAFKA_BROKERS KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD

started=0
if ! bash scripts/kafka.sh status >/dev/null 2>&1; then started=1; fi
trap 'if [ "$started" = 1 ] && [ "${KEEP_KAFKA:-0}" != 1 ]; then bash scripts/kafka.sh stop || true; fi' EXIT
bash scripts/kafka.sh start

set -a
# shellcheck disable=SC1090
source <(bash scripts/kafka.sh env admin)
set +a
export KAFKA_SASL_PASSWORDS_DIR="$PWD/$KAFKA_STATE_DIR/sasl"

npx jest --config jest.kafka-auth.config.js --runInBand "$@"
npx jest --config jest.e2e.config.js --runInBand \
  libs/platform/src/messaging/consumer/batch-handler.e2e-spec.ts \
  libs/platform/test/outbox-relay-locking.e2e-spec.ts \
  apps/accounts/test/signed-commands.e2e-spec.ts \
  apps/exam/test/signed-erasure.e2e-spec.ts
