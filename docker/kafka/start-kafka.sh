#!/bin/sh
# Compose's Kafka: one KRaft node with SASL/SCRAM-SHA-512 for clients and deny-by-default ACLs (#12 item 10).
# Every KAFKA_* variable of the service becomes a broker property (KAFKA_LOG_DIRS -> log.dirs, as the
# apache/kafka image does); the credentials are added here, because JAAS property names do not fit in
# variable names. The first start formats the storage with one SCRAM user per service plus `admin` (the
# super user); every start then applies docker/kafka/acls.sh and marks the broker ready for the healthcheck.
set -eu
: "${CLUSTER_ID:?}" "${KAFKA_ADMIN_PASSWORD:?}"
KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
CONF="${KAFKA_CONF_DIR:-/tmp}/server.properties"
ADMIN_CONF="${KAFKA_CONF_DIR:-/tmp}/admin.properties"
READY="${KAFKA_CONF_DIR:-/tmp}/acls.done"
SERVICES="accounts identity exam payments audit"
rm -f "$READY"
umask 077

env | grep '^KAFKA_' | grep -v -e '^KAFKA_ADMIN_PASSWORD=' -e '^KAFKA_PASSWORD_' -e '^KAFKA_HOME=' \
  -e '^KAFKA_CONF_DIR=' -e '^KAFKA_HEAP_OPTS=' -e '^KAFKA_OPTS=' -e '^KAFKA_JVM_PERFORMANCE_OPTS=' \
  -e '^KAFKA_LOG4J_OPTS=' -e '^KAFKA_ACLS=' -e '^KAFKA_BOOTSTRAP=' |
  while IFS='=' read -r name value; do
    key="$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/__/#/g' -e 's/_/./g' -e 's/#/_/g')"
    printf '%s=%s\n' "$key" "$value"
  done >"$CONF"
cat >>"$CONF" <<PROPS
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}" user_admin="${KAFKA_ADMIN_PASSWORD}";
PROPS
cat >"$ADMIN_CONF" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPS

log_dir="$(sed -n 's/^log\.dirs=//p' "$CONF")"
if [ ! -f "${log_dir}/meta.properties" ]; then
  set -- --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"
  for service in $SERVICES; do
    var="KAFKA_PASSWORD_$(printf '%s' "$service" | tr 'a-z' 'A-Z')"
    password="$(printenv "$var" || true)"
    [ -n "$password" ] || { echo "set $var (the SCRAM password of $service)" >&2; exit 1; }
    set -- "$@" --add-scram "SCRAM-SHA-512=[name=${service},password=${password}]"
  done
  "$KAFKA_HOME/bin/kafka-storage.sh" format -t "$CLUSTER_ID" -c "$CONF" --ignore-formatted "$@"
fi

"$KAFKA_HOME/bin/kafka-server-start.sh" "$CONF" &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null' TERM INT
bootstrap="localhost:$(sed -n 's/^listeners=.*SASL_PLAINTEXT:\/\/[^:]*:\([0-9]*\).*/\1/p' "$CONF")"
until "$KAFKA_HOME/bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$ADMIN_CONF" >/dev/null 2>&1; do
  kill -0 "$broker" 2>/dev/null || exit 1
  sleep 2
done
KAFKA_BOOTSTRAP="$bootstrap" KAFKA_ACLS="${KAFKA_ACLS:-$KAFKA_HOME/bin/kafka-acls.sh}" sh "$(dirname "$0")/acls.sh"
touch "$READY"
# A TERM interrupts the first wait; keep waiting until the broker has shut down cleanly.
while kill -0 "$broker" 2>/dev/null; do wait "$broker" || true; done
