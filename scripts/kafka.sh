#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller) for development and
# tests, fetched from Maven Central with Maven. No Docker, no tarball download.
#
#   bash scripts/kafka.sh start      fetch (first time), format (first time), start, wait until it answers
#   bash scripts/kafka.sh stop       SIGTERM, wait for a clean shutdown, SIGKILL after KAFKA_STOP_TIMEOUT
#   bash scripts/kafka.sh status     exit 0 if running and answering, 3 otherwise
#   bash scripts/kafka.sh restart    stop + start (data is kept)
#   bash scripts/kafka.sh logs [-f] [LINES]   show (or follow) .local/kafka/logs/server.log
#   bash scripts/kafka.sh reset      stop + delete the broker's data and logs (keeps the fetched jars)
#   bash scripts/kafka.sh env [USER] print sourceable KAFKA_BROKERS / KAFKA_SASL_* lines for USER (default admin)
#
# State lives under <repo>/.local/kafka/ (lib/, data/, logs/, config/, kafka.pid).
# The Kafka version is pinned only in scripts/kafka/pom.xml (<kafka.version>).
#
# Environment:
#   KAFKA_BROKERS           if set, start/status only check that this external cluster answers
#   KAFKA_PORT              broker port (default 9092), listener PLAINTEXT://127.0.0.1:$KAFKA_PORT
#   KAFKA_CONTROLLER_PORT   KRaft controller port (default 9093)
#   KAFKA_AUTH              none (default): PLAINTEXT, no authorization;
#                           scram: SASL/SCRAM-SHA-512 on the broker port, StandardAuthorizer with
#                           deny-by-default, one principal per service (admin = super user) with a random
#                           password in <state>/sasl/<user>.password, and the services' ACLs applied on
#                           every start (scripts/kafka-acls.ts). Fixed when the storage is formatted.
#   KAFKA_STATE_DIR         broker state (default <repo>/.local/kafka); the fetched jars stay in .local/kafka/lib
#   KAFKA_ACL_TOPIC_PREFIX  topic prefix the ACLs are granted for (default empty)
#   KAFKA_HEAP_OPTS         default "-Xms256m -Xmx768m"
#   KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS   extra JVM options (same meaning as Kafka's own scripts)
#   KAFKA_START_TIMEOUT     seconds to wait for the broker to answer (default 90)
#   KAFKA_STOP_TIMEOUT      seconds to wait for a clean shutdown before SIGKILL (default 30)
#   JAVA_HOME               Java 11+ (17 recommended); otherwise `java` from PATH
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
# shellcheck disable=SC2034 # used by lib/common.sh
LOG_PREFIX=kafka
# shellcheck source=lib/common.sh source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib/common.sh"

POM="$SCRIPT_DIR/kafka/pom.xml"
TEMPLATE="$SCRIPT_DIR/kafka/server.properties.template"

STATE_DIR="${KAFKA_STATE_DIR:-$REPO_ROOT/.local/kafka}"
[[ "$STATE_DIR" == /* ]] || STATE_DIR="$REPO_ROOT/$STATE_DIR"
LIB_DIR="$REPO_ROOT/.local/kafka/lib"
SASL_DIR="$STATE_DIR/sasl"
AUTH_MARKER="$STATE_DIR/data/.auth"
DATA_DIR="$STATE_DIR/data"
LOG_DIR="$STATE_DIR/logs"
CONF_DIR="$STATE_DIR/config"
CONF_FILE="$CONF_DIR/server.properties"
LOG4J_FILE="$CONF_DIR/log4j.properties"
TOOLS_LOG4J_FILE="$CONF_DIR/tools-log4j.properties"
PID_FILE="$STATE_DIR/kafka.pid"
LOCK_FILE="$STATE_DIR/.lock"
MARKER_FILE="$LIB_DIR/.fetched"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_AUTH="${KAFKA_AUTH:-none}"
BOOTSTRAP="127.0.0.1:${KAFKA_PORT}"
# The super user (tools, tests, ACL administration) and one principal per service.
SCRAM_USERS=(admin accounts identity exam payments audit)

[[ "$KAFKA_AUTH" == none || "$KAFKA_AUTH" == scram ]] || die "KAFKA_AUTH must be none or scram, got '${KAFKA_AUTH}'"

for v in KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_START_TIMEOUT KAFKA_STOP_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number, got '${!v}'"
done
[[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"

JAVA_BIN="java"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA_BIN="${JAVA_HOME}/bin/java"
fi

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

kafka_version() {
  local v
  v="$(sed -n 's:.*<kafka\.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</kafka\.version>.*:\1:p' "$POM" | head -n 1)"
  [[ -n "$v" ]] || die "cannot read <kafka.version> from $POM"
  printf '%s' "$v"
}

# Fingerprint of what is fetched: the Kafka version plus the pom's content, so
# changing a logging dependency also triggers a re-fetch.
fetch_fingerprint() {
  printf 'kafka.version=%s\npom.sha256=%s\n' "$(kafka_version)" "$(sha256sum "$POM" | cut -d' ' -f1)"
}

LOCKED=0
lock() {
  ((LOCKED)) && return 0
  mkdir -p "$STATE_DIR"
  if ! have flock; then
    warn "flock not found (util-linux); running without the lock that serialises concurrent kafka.sh calls"
    LOCKED=1
    return 0
  fi
  exec 9>"$LOCK_FILE"
  if ! flock -w 180 9; then
    die "another kafka.sh is busy with $STATE_DIR (lock $LOCK_FILE held for 180 s)"
  fi
  LOCKED=1
}

require_java() {
  have "$JAVA_BIN" || die "Java not found (need Java 11+, 17 recommended). On Debian: apt-get install -y openjdk-17-jre-headless"
  local major
  major="$("$JAVA_BIN" -version 2>&1 | sed -n 's/.* version "\([0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' | head -n 1)"
  # "1.8.0_x" -> "1 8"; "17.0.15" -> "17 0"
  if [[ "$major" == 1\ * ]]; then major="${major#1 }"; else major="${major%% *}"; fi
  [[ "$major" =~ ^[0-9]+$ ]] || { warn "cannot parse Java version; trying anyway"; return 0; }
  ((major >= 11)) || die "Java $major found; Kafka needs Java 11+ (17 recommended)"
}

# Fetch the broker classpath from Maven Central into .local/kafka/lib (only
# when missing or when the pinned version / pom changed).
fetch() {
  local version want tmp start
  version="$(kafka_version)"
  want="$(fetch_fingerprint)"
  if [[ -f "$MARKER_FILE" && -f "$LIB_DIR/kafka_2.13-${version}.jar" ]] && [[ "$(cat "$MARKER_FILE")" == "$want" ]]; then
    return 0
  fi
  have mvn || die "Maven (mvn) is needed once to fetch Kafka ${version} from Maven Central. On Debian: apt-get install -y maven"
  log "fetching Kafka ${version} (kafka_2.13 + runtime deps) from Maven Central into ${LIB_DIR#"$REPO_ROOT"/} (one-time)..."
  start="$(now_ms)"
  tmp="$STATE_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$LOG_DIR"
  if ! mvn -B -Dstyle.color=never --no-transfer-progress -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" </dev/null >"$LOG_DIR/fetch.log" 2>&1; then
    rm -rf "$tmp"
    grep -E 'ERROR|FAIL' "$LOG_DIR/fetch.log" | head -n 20 >&2 || true
    die "Maven could not fetch Kafka ${version} (is Maven Central reachable? proxy in ~/.m2/settings.xml?); full output in ${LOG_DIR#"$REPO_ROOT"/}/fetch.log"
  fi
  [[ -f "$tmp/kafka_2.13-${version}.jar" ]] || {
    rm -rf "$tmp"
    die "Maven finished but kafka_2.13-${version}.jar is missing from the fetched classpath"
  }
  printf '%s' "$want" >"$tmp/$(basename "$MARKER_FILE")"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "fetched $(find "$LIB_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$LIB_DIR" | cut -f1)) in $(elapsed_s "$start") s"
}

# Random SCRAM passwords, generated once per state dir and readable by the owner only.
ensure_credentials() {
  local user f
  mkdir -p "$SASL_DIR"
  chmod 700 "$SASL_DIR"
  for user in "${SCRAM_USERS[@]}"; do
    f="$SASL_DIR/${user}.password"
    [[ -s "$f" ]] && continue
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$f")
  done
}

password_of() {
  local f="$SASL_DIR/$1.password"
  [[ -s "$f" ]] || die "no SCRAM password for '$1' in ${f} (was the broker started with KAFKA_AUTH=scram?)"
  cat "$f"
}

# The auth mode the storage was formatted with: SCRAM users are written at format time only.
formatted_auth() {
  if [[ -f "$AUTH_MARKER" ]]; then cat "$AUTH_MARKER"; else echo none; fi
}

check_auth_mode() {
  [[ -f "$DATA_DIR/meta.properties" ]] || return 0
  local formatted
  formatted="$(formatted_auth)"
  [[ "$formatted" == "$KAFKA_AUTH" ]] ||
    die "the broker data in ${DATA_DIR#"$REPO_ROOT"/} was formatted with KAFKA_AUTH=${formatted}, not ${KAFKA_AUTH}; start with KAFKA_AUTH=${formatted}, use another KAFKA_STATE_DIR, or 'bash scripts/kafka.sh reset' (deletes the local topics)"
}

# SASL/SCRAM on the client port, PLAIN between the broker and its own controller (SCRAM credentials live in
# the metadata the controller serves, so the controller cannot use them), deny unless an ACL allows.
auth_config() {
  local admin
  admin="$(password_of admin)"
  cat <<EOF

############################# Authentication and ACLs (KAFKA_AUTH=scram) #############################
listeners=SASL_PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${KAFKA_PORT}
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${admin}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin}" user_admin="${admin}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
EOF
}

render_config() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR"
  chmod 700 "$CONF_DIR"
  [[ -f "$TEMPLATE" ]] || die "missing $TEMPLATE"
  local tmp="$CONF_FILE.tmp.$$"
  sed -e "s|@KAFKA_PORT@|${KAFKA_PORT}|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|${KAFKA_CONTROLLER_PORT}|g" \
    -e "s|@KAFKA_DATA_DIR@|${DATA_DIR}|g" \
    "$TEMPLATE" >"$tmp"
  if grep -q '@[A-Z_]*@' "$tmp"; then
    rm -f "$tmp"
    die "unsubstituted placeholder in $TEMPLATE: $(grep -o '@[A-Z_]*@' "$TEMPLATE" | sort -u | tr '\n' ' ')"
  fi
  if [[ "$KAFKA_AUTH" == scram ]]; then auth_config >>"$tmp"; fi
  chmod 600 "$tmp"
  mv "$tmp" "$CONF_FILE"

  # Broker logging (reload4j = log4j 1.x API): everything to files under
  # .local/kafka/logs, nothing to the terminal. Size-capped rolling files.
  cat >"$LOG4J_FILE" <<'EOF'
# Generated by scripts/kafka.sh - do not edit (regenerated on every start).
log4j.rootLogger=INFO, server

log4j.appender.server=org.apache.log4j.RollingFileAppender
log4j.appender.server.File=${kafka.logs.dir}/server.log
log4j.appender.server.MaxFileSize=50MB
log4j.appender.server.MaxBackupIndex=3
log4j.appender.server.layout=org.apache.log4j.PatternLayout
log4j.appender.server.layout.ConversionPattern=[%d] %p %m (%c)%n

log4j.appender.stateChange=org.apache.log4j.RollingFileAppender
log4j.appender.stateChange.File=${kafka.logs.dir}/state-change.log
log4j.appender.stateChange.MaxFileSize=20MB
log4j.appender.stateChange.MaxBackupIndex=1
log4j.appender.stateChange.layout=org.apache.log4j.PatternLayout
log4j.appender.stateChange.layout.ConversionPattern=[%d] %p %m (%c)%n

log4j.logger.state.change.logger=INFO, stateChange
log4j.additivity.state.change.logger=false
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.kafka.authorizer.logger=WARN
log4j.logger.org.apache.zookeeper=WARN
log4j.logger.org.apache.kafka.common.utils.AppInfoParser=WARN
EOF

  # Command-line tools (storage format, api-versions probe): warnings only, stderr.
  cat >"$TOOLS_LOG4J_FILE" <<'EOF'
# Generated by scripts/kafka.sh - do not edit.
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

run_tool() {
  "$JAVA_BIN" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j.configuration="file:${TOOLS_LOG4J_FILE}" \
    -cp "$LIB_DIR/*" "$@"
}

# Format the KRaft storage once, with a random cluster id (kept in
# data/meta.properties, so later starts reuse the same cluster and data).
format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  cluster_id="$(run_tool kafka.tools.StorageTool random-uuid </dev/null | tail -n 1 | tr -d '[:space:]')"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka.tools.StorageTool random-uuid returned '$cluster_id'"
  local scram=() user
  if [[ "$KAFKA_AUTH" == scram ]]; then
    for user in "${SCRAM_USERS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=${user},password=$(password_of "$user")]")
    done
  fi
  log "formatting KRaft storage in ${DATA_DIR#"$REPO_ROOT"/} (cluster id ${cluster_id}, KAFKA_AUTH=${KAFKA_AUTH})"
  run_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$CONF_FILE" --ignore-formatted ${scram[@]+"${scram[@]}"} </dev/null >/dev/null ||
    die "formatting the KRaft storage failed"
  [[ -f "$DATA_DIR/meta.properties" ]] || die "storage format did not write $DATA_DIR/meta.properties"
  printf '%s\n' "$KAFKA_AUTH" >"$AUTH_MARKER"
}

# Broker port of the running broker (from the config it was started with).
running_port() {
  sed -n 's|^listeners=.*PLAINTEXT://[^,:]*:\([0-9]*\).*|\1|p' "$CONF_FILE" 2>/dev/null | head -n 1
}

# Our broker = a live process running kafka.Kafka with OUR config file.
is_our_broker() {
  local pid="$1" cmd
  pid_alive "$pid" || return 1
  cmd="$(pid_cmdline "$pid")"
  [[ "$cmd" == *" kafka.Kafka ${CONF_FILE}"* ]]
}

# Prints the broker's pid and returns 0 if it runs. Repairs a stale or
# missing pid file (e.g. the pid file was deleted while the broker ran).
running_pid() {
  local pid="" p
  if [[ -f "$PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$PID_FILE" || true)"
    if [[ -n "$pid" ]] && is_our_broker "$pid"; then
      printf '%s' "$pid"
      return 0
    fi
    rm -f "$PID_FILE"
  fi
  # Only processes whose command line mentions our config file are candidates.
  for p in $(grep -lsF -- "$CONF_FILE" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    p="${p#/proc/}"
    p="${p%/cmdline}"
    if is_our_broker "$p"; then
      printf '%s' "$p" >"$PID_FILE"
      printf '%s' "$p"
      return 0
    fi
  done
  return 1
}

# probe BROKERS -> 0 if the cluster answers a real Kafka API call.
# Prints a one-line description on success.
probe() {
  local brokers="$1" user="${KAFKA_SASL_USERNAME:-}" pass="${KAFKA_SASL_PASSWORD:-}"
  # Our own SCRAM broker: probe as its super user.
  if [[ -z "${KAFKA_BROKERS:-}" && "$KAFKA_AUTH" == scram ]]; then
    user=admin
    pass="$(password_of admin)"
  fi
  if have node && [[ -f "$REPO_ROOT/node_modules/kafkajs/package.json" ]]; then
    # kafkajs admin: Metadata (listTopics) + DescribeCluster-equivalent.
    # shellcheck disable=SC2016 # JavaScript, not shell
    PROBE_SASL_USERNAME="$user" PROBE_SASL_PASSWORD="$pass" timeout 20 node -e '
      const { Kafka, logLevel } = require(process.argv[1]);
      const kafka = new Kafka({
        clientId: "kafka-sh-probe",
        brokers: process.argv[2].split(",").map((b) => b.trim()).filter(Boolean),
        logLevel: logLevel.NOTHING,
        connectionTimeout: 3000,
        requestTimeout: 5000,
        retry: { retries: 0 },
        ...(process.env.PROBE_SASL_USERNAME
          ? { sasl: { mechanism: "scram-sha-512", username: process.env.PROBE_SASL_USERNAME, password: process.env.PROBE_SASL_PASSWORD } }
          : {}),
      });
      const admin = kafka.admin();
      const fail = () => { admin.disconnect().finally(() => process.exit(1)); };
      setTimeout(() => process.exit(1), 15000);
      admin.connect()
        .then(() => Promise.all([admin.describeCluster(), admin.listTopics()]))
        .then(([cluster, topics]) => {
          if (!cluster.brokers.length) return fail();
          const user = topics.filter((t) => !t.startsWith("__"));
          console.log(`cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), controller ${cluster.controller}, ${user.length} topic(s)`);
          return admin.disconnect().then(() => process.exit(0));
        }, fail);
    ' "$REPO_ROOT/node_modules/kafkajs" "$brokers" 2>/dev/null
    return
  fi
  [[ -z "$user" ]] || return 1 # the fallbacks below cannot authenticate
  if [[ -f "$MARKER_FILE" ]] && have "$JAVA_BIN"; then
    # No node/kafkajs: ApiVersions round trip with Kafka's own tool.
    if timeout 30 "$JAVA_BIN" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dlog4j.configuration="file:${TOOLS_LOG4J_FILE}" -cp "$LIB_DIR/*" \
      kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$brokers" </dev/null 2>/dev/null | grep -q '(id:'; then
      echo "ApiVersions answered"
      return 0
    fi
    return 1
  fi
  # Last resort: TCP only.
  local b host port
  IFS=',' read -r -a list <<<"$brokers"
  for b in "${list[@]}"; do
    host="${b%:*}"
    port="${b##*:}"
    if tcp_open "$host" "$port"; then
      echo "TCP port open on $b (no node/kafkajs or Kafka jars for a protocol-level check)"
      return 0
    fi
  done
  return 1
}

# Sizes of the log files when this start began, so that a failure shows only
# what this attempt wrote (not a previous run's tail).
declare -A LOG_OFFSETS=()
mark_logs() {
  local f
  for f in "$LOG_DIR/kafka.out" "$LOG_DIR/server.log"; do
    LOG_OFFSETS["$f"]="$(stat -c %s "$f" 2>/dev/null || echo 0)"
  done
}

show_log_tail() {
  local f from
  for f in "$LOG_DIR/kafka.out" "$LOG_DIR/server.log"; do
    [[ -s "$f" ]] || continue
    from="${LOG_OFFSETS["$f"]:-0}"
    # A rotated (smaller) file: show its tail from the start.
    (($(stat -c %s "$f") >= from)) || from=0
    if (($(stat -c %s "$f") > from)); then
      # The cause is usually the first ERROR/FATAL line (e.g. a BindException), long before the
      # shutdown chatter that fills the tail.
      if tail -c +"$((from + 1))" "$f" | grep -q -E 'ERROR|FATAL|Exception'; then
        echo "----- first errors in ${f#"$REPO_ROOT"/} (this start) -----" >&2
        tail -c +"$((from + 1))" "$f" | grep -E -A3 'ERROR|FATAL|Exception' | head -n 30 >&2
      fi
      echo "----- last lines of ${f#"$REPO_ROOT"/} (this start) -----" >&2
      tail -c +"$((from + 1))" "$f" | grep -v '^[[:space:]]*$' | tail -n 25 >&2
    fi
  done
}

external_check() {
  local timeout="${KAFKA_EXTERNAL_TIMEOUT:-20}" deadline info
  deadline=$((SECONDS + timeout))
  while :; do
    if info="$(probe "$KAFKA_BROKERS")"; then
      log "KAFKA_BROKERS is set: using the external cluster at ${KAFKA_BROKERS} (${info}); not starting a local broker"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      die "KAFKA_BROKERS=${KAFKA_BROKERS} is set but no Kafka cluster answers there (waited ${timeout} s). Unset KAFKA_BROKERS to use the local broker, or fix the address."
    fi
    sleep 1
  done
}

# Waits until our broker answers, or dies if it exits / times out.
wait_ready() {
  local pid="$1" start="$2" deadline info
  deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while :; do
    if ! pid_alive "$pid"; then
      rm -f "$PID_FILE"
      show_log_tail
      die "the broker (pid $pid) exited during startup; full logs in ${LOG_DIR#"$REPO_ROOT"/}"
    fi
    if tcp_open 127.0.0.1 "$KAFKA_PORT" && info="$(probe "$BOOTSTRAP")"; then
      log "ready after $(elapsed_s "$start") s: ${info}"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      die "the broker (pid $pid) does not answer on ${BOOTSTRAP} after ${KAFKA_START_TIMEOUT} s; it is left running (see 'bash scripts/kafka.sh logs', or 'bash scripts/kafka.sh stop')"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------

cmd_start() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    external_check
    return 0
  fi
  lock
  local pid start version
  start="$(now_ms)"
  if pid="$(running_pid)"; then
    local port
    port="$(running_port)"
    if [[ -n "$port" && "$port" != "$KAFKA_PORT" ]]; then
      die "this repo's broker already runs (pid $pid) on 127.0.0.1:${port}, not on the requested KAFKA_PORT=${KAFKA_PORT}; run 'bash scripts/kafka.sh stop' first (or use KAFKA_PORT=${port})"
    fi
    check_auth_mode
    log "already running (pid $pid); checking it answers on ${BOOTSTRAP}"
    wait_ready "$pid" "$start"
    log "bootstrap: ${BOOTSTRAP}   (export KAFKA_BROKERS=${BOOTSTRAP})"
    return 0
  fi

  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if tcp_open 127.0.0.1 "$port"; then
      die "port ${port} on 127.0.0.1 is already in use by another process (not this repo's broker). Stop it, choose other ports (KAFKA_PORT/KAFKA_CONTROLLER_PORT), or, if it is a Kafka cluster you want to use, set KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT}"
    fi
  done

  require_java
  version="$(kafka_version)"
  fetch
  check_auth_mode
  if [[ "$KAFKA_AUTH" == scram ]]; then ensure_credentials; fi
  render_config
  format_storage

  local heap perf extra
  read -r -a heap <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
  read -r -a perf <<<"${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
  read -r -a extra <<<"${KAFKA_OPTS:-}"

  log "starting Kafka ${version} (KRaft broker+controller, node 1) on ${BOOTSTRAP}, controller 127.0.0.1:${KAFKA_CONTROLLER_PORT}"
  mark_logs
  printf '===== %s kafka.sh start (Kafka %s) =====\n' "$(date -Is)" "$version" >>"$LOG_DIR/kafka.out"
  rm -f "$PID_FILE"
  # New session (setsid) + SIGHUP ignored (nohup), stdin from /dev/null,
  # output to a file, lock fd closed: survives the calling shell and CI step.
  # The inner bash writes its own pid and then exec's java, so the pid file
  # holds the JVM's pid whether or not setsid had to fork.
  (
    cd "$STATE_DIR"
    exec 9>&-
    # shellcheck disable=SC2016 # expanded by the inner bash
    exec setsid nohup bash -c 'echo $$ >"$0"; shift; exec "$@"' "$PID_FILE" -- \
      "$JAVA_BIN" "${heap[@]}" "${perf[@]}" ${extra[@]+"${extra[@]}"} \
      -Dkafka.logs.dir="$LOG_DIR" \
      -Dlog4j.configuration="file:${LOG4J_FILE}" \
      -cp "$LIB_DIR/*" kafka.Kafka "$CONF_FILE" \
      </dev/null >>"$LOG_DIR/kafka.out" 2>&1
  ) &
  for _ in $(seq 1 50); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  pid="$(tr -dc '0-9' 2>/dev/null <"$PID_FILE" || true)"
  [[ -n "$pid" ]] || {
    show_log_tail
    die "the broker process did not start"
  }
  log "broker pid ${pid}; waiting up to ${KAFKA_START_TIMEOUT} s for it to answer"
  wait_ready "$pid" "$start"
  if [[ "$KAFKA_AUTH" == scram ]]; then apply_acls; fi
  log "bootstrap: ${BOOTSTRAP}   (export KAFKA_BROKERS=${BOOTSTRAP})"
}

# The services' least-privilege ACLs (scripts/kafka-acls.ts), granted as the super user.
apply_acls() {
  have node || die "node is needed to apply the Kafka ACLs (scripts/kafka-acls.ts)"
  KAFKA_BROKERS="$BOOTSTRAP" KAFKA_TOPIC_PREFIX="${KAFKA_ACL_TOPIC_PREFIX:-}" \
    KAFKA_SASL_MECHANISM=scram-sha-512 KAFKA_SASL_USERNAME=admin KAFKA_SASL_PASSWORD="$(password_of admin)" \
    node -r @swc-node/register "$REPO_ROOT/scripts/kafka-acls.ts" </dev/null >>"$LOG_DIR/acls.log" 2>&1 ||
    die "applying the Kafka ACLs failed; see ${LOG_DIR#"$REPO_ROOT"/}/acls.log"
  log "ACLs applied: each service principal produces only its own topics and reads only what it consumes"
}

# Sourceable client settings for one principal of our SCRAM broker (tests, tools, scripts/start.sh).
cmd_env() {
  local user="${1:-admin}"
  if [[ "$KAFKA_AUTH" != scram ]]; then
    printf 'KAFKA_BROKERS=%s\nKAFKA_SASL_MECHANISM=none\n' "$BOOTSTRAP"
    return 0
  fi
  printf 'KAFKA_BROKERS=%s\nKAFKA_SASL_MECHANISM=scram-sha-512\nKAFKA_SASL_USERNAME=%s\nKAFKA_SASL_PASSWORD=%s\n' \
    "$BOOTSTRAP" "$user" "$(password_of "$user")"
}

cmd_stop() {
  lock
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    log "note: KAFKA_BROKERS is set (${KAFKA_BROKERS}); only this repo's local broker can be stopped"
  fi
  local pid start
  if ! pid="$(running_pid)"; then
    log "not running"
    return 0
  fi
  start="$(now_ms)"
  log "stopping broker (pid ${pid}) with SIGTERM; waiting up to ${KAFKA_STOP_TIMEOUT} s for a clean shutdown"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if pid_alive "$pid"; then
    warn "broker (pid ${pid}) still running after ${KAFKA_STOP_TIMEOUT} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    pid_alive "$pid" && die "broker (pid ${pid}) survived SIGKILL"
    rm -f "$PID_FILE"
    log "killed after $(elapsed_s "$start") s (the next start will recover the logs)"
    return 0
  fi
  rm -f "$PID_FILE"
  log "stopped cleanly in $(elapsed_s "$start") s"
}

cmd_status() {
  local info pid
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    if info="$(probe "$KAFKA_BROKERS")"; then
      log "external cluster ${KAFKA_BROKERS} answers: ${info}"
      return 0
    fi
    log "external cluster ${KAFKA_BROKERS} (KAFKA_BROKERS) does not answer"
    return 3
  fi
  if ! pid="$(running_pid)"; then
    log "not running (expected on ${BOOTSTRAP})"
    return 3
  fi
  local port
  port="$(running_port)"
  if [[ -n "$port" && "$port" != "$KAFKA_PORT" ]]; then
    log "running (pid ${pid}) on 127.0.0.1:${port}, NOT on the requested KAFKA_PORT=${KAFKA_PORT}"
    return 3
  fi
  if info="$(probe "$BOOTSTRAP")"; then
    log "running (pid ${pid}, Kafka $(kafka_version)) and answering on ${BOOTSTRAP}: ${info}"
    return 0
  fi
  log "running (pid ${pid}) but NOT answering on ${BOOTSTRAP} (starting up, or unhealthy: see 'bash scripts/kafka.sh logs')"
  return 3
}

cmd_logs() {
  local follow=0 lines=100 a
  for a in "$@"; do
    case "$a" in
      -f | --follow) follow=1 ;;
      '' | *[!0-9]*) die "usage: kafka.sh logs [-f] [LINES]" ;;
      *) lines="$a" ;;
    esac
  done
  local f="$LOG_DIR/server.log"
  [[ -f "$f" ]] || {
    log "no log yet (${f#"$REPO_ROOT"/})"
    return 0
  }
  if ((follow)); then
    exec tail -n "$lines" -F "$f"
  fi
  tail -n "$lines" "$f"
}

cmd_reset() {
  cmd_stop
  log "deleting ${DATA_DIR#"$REPO_ROOT"/}, ${LOG_DIR#"$REPO_ROOT"/} and ${CONF_DIR#"$REPO_ROOT"/} (fetched jars are kept)"
  rm -rf "$DATA_DIR" "$LOG_DIR" "$CONF_DIR" "$SASL_DIR"
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart)
      if [[ -n "${KAFKA_BROKERS:-}" ]]; then
        cmd_start
      else
        cmd_stop
        cmd_start
      fi
      ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset ;;
    version) kafka_version && echo ;;
    env) cmd_env "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      DIE_CODE=2 die "unknown command '${cmd}' (expected start|stop|status|restart|logs|reset|env)"
      ;;
  esac
}

main "$@"
