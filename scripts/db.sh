#!/usr/bin/env bash
# Make sure the MySQL-compatible server named by DATABASE_URL answers.
#
#   bash scripts/db.sh ensure   check it answers; if nothing answers on a LOCAL host (127.0.0.1/localhost)
#                               on Debian: install mariadb-server if missing, start it, wait until it answers
#   bash scripts/db.sh status   exit 0 if the server answers and accepts the credentials, 3 otherwise
#
# DATABASE_URL   mysql://user[:password]@host[:port]   (default mysql://root@127.0.0.1:3306)
#                A path (database name) is ignored: the services' migration step creates their databases.
# DB_START_TIMEOUT   seconds to wait for a started server to answer (default 60)
#
# Uses the mariadb/mysql command-line client if present, else node + mysql2 from node_modules.
# Idempotent: when the server already answers, it changes nothing.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
# shellcheck disable=SC2034 # used by lib/common.sh
LOG_PREFIX=db
# shellcheck source=lib/common.sh source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib/common.sh"

DATABASE_URL="${DATABASE_URL:-mysql://root@127.0.0.1:3306}"
DB_START_TIMEOUT="${DB_START_TIMEOUT:-60}"
[[ "$DB_START_TIMEOUT" =~ ^[0-9]+$ ]] || die "DB_START_TIMEOUT must be a number, got '$DB_START_TIMEOUT'"

MARIADBD=""
for candidate in /usr/sbin/mariadbd /usr/sbin/mysqld; do
  if [[ -x "$candidate" ]]; then
    MARIADBD="$candidate"
    break
  fi
done

# ---------------------------------------------------------------------------
# DATABASE_URL
# ---------------------------------------------------------------------------

urldecode() {
  local s="${1//+/ }"
  printf '%b' "${s//%/\\x}"
}

DB_USER="" DB_PASS="" DB_HOST="" DB_PORT=""
parse_url() {
  local url="$1" rest auth hostport
  [[ "$url" =~ ^(mysql|mariadb)://(.*)$ ]] || die "DATABASE_URL must look like mysql://user[:password]@host[:port], got '${url%%://*}://...'"
  rest="${BASH_REMATCH[2]}"
  rest="${rest%%[/?#]*}" # drop /database, ?params, #fragment
  if [[ "$rest" == *@* ]]; then
    auth="${rest%@*}"
    hostport="${rest##*@}"
  else
    auth=""
    hostport="$rest"
  fi
  if [[ -n "$auth" ]]; then
    if [[ "$auth" == *:* ]]; then
      DB_USER="$(urldecode "${auth%%:*}")"
      DB_PASS="$(urldecode "${auth#*:}")"
    else
      DB_USER="$(urldecode "$auth")"
    fi
  fi
  [[ -n "$DB_USER" ]] || DB_USER=root
  if [[ "$hostport" =~ ^\[([0-9A-Fa-f:.]+)\](:([0-9]+))?$ ]]; then # [::1]:3306
    DB_HOST="${BASH_REMATCH[1]}"
    DB_PORT="${BASH_REMATCH[3]}"
  elif [[ "$hostport" =~ ^([^:]+)(:([0-9]+))?$ ]]; then
    DB_HOST="${BASH_REMATCH[1]}"
    DB_PORT="${BASH_REMATCH[3]}"
  else
    die "cannot parse host[:port] from DATABASE_URL ('$hostport')"
  fi
  [[ -n "$DB_PORT" ]] || DB_PORT=3306
}

# The URL with the password masked, for messages.
safe_url() {
  local auth="$DB_USER"
  [[ -n "$DB_PASS" ]] && auth+=":***"
  printf 'mysql://%s@%s:%s' "$auth" "$DB_HOST" "$DB_PORT"
}

# ---------------------------------------------------------------------------
# ping: 0 = answers and accepts the credentials (prints the server version)
#       1 = nothing answers (connection refused / timeout)
#       2 = something answers but the login or query failed (prints the error)
# ---------------------------------------------------------------------------

CLIENT=""
pick_client() {
  if have mariadb; then
    CLIENT=mariadb
  elif have mysql; then
    CLIENT=mysql
  elif have node && [[ -f "$REPO_ROOT/node_modules/mysql2/package.json" ]]; then
    CLIENT=node
  else
    CLIENT=tcp
  fi
}

ping_db() {
  local out rc=0
  case "$CLIENT" in
    mariadb | mysql)
      # Password through the environment, never on the command line.
      local envs=()
      [[ -n "$DB_PASS" ]] && envs=("MYSQL_PWD=$DB_PASS")
      out="$(env "${envs[@]}" "$CLIENT" --no-defaults --protocol=TCP \
        -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --connect-timeout=3 -N -B \
        -e 'SELECT VERSION()' </dev/null 2>&1)" || rc=$?
      if ((rc == 0)); then
        printf '%s\n' "$out" | tail -n 1
        return 0
      fi
      printf '%s\n' "$out" | grep -v '^$' | tail -n 1
      # A server error code (1045 access denied, 1130 host not allowed, ...) means a
      # server answered, even when the client wraps it in a 2002 TLS-handshake error.
      if grep -qE "(^|[^0-9])1[0-9]{3}([^0-9]|$)|error packet" <<<"$out"; then return 2; fi
      # 2002/2003/2005/2006/2013: cannot connect (refused, no route, unknown host, gone, lost)
      if grep -qE 'ERROR (2002|2003|2005|2006|2013)' <<<"$out"; then return 1; fi
      return 2
      ;;
    node)
      rc=0
      # shellcheck disable=SC2016 # JavaScript, not shell
      out="$(DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASS="$DB_PASS" \
        timeout 15 node -e '
          const mysql = require(process.argv[1]);
          const e = process.env;
          mysql.createConnection({ host: e.DB_HOST, port: Number(e.DB_PORT), user: e.DB_USER,
              password: e.DB_PASS, connectTimeout: 3000 })
            .then((c) => c.query("SELECT VERSION() AS v").then(([rows]) => { console.log(rows[0].v); return c.end(); }))
            .then(() => process.exit(0), (err) => {
              console.log(`${err.code || "ERROR"}: ${err.message}`);
              const down = ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "PROTOCOL_CONNECTION_LOST"];
              process.exit(down.includes(err.code) ? 1 : 2);
            });
        ' "$REPO_ROOT/node_modules/mysql2/promise" </dev/null 2>&1)" || rc=$?
      printf '%s\n' "$out" | tail -n 1
      case "$rc" in
        0) return 0 ;;
        1 | 124) return 1 ;;
        *) return 2 ;;
      esac
      ;;
    tcp)
      if tcp_open "$DB_HOST" "$DB_PORT"; then
        echo "(port open; no mariadb/mysql client and no node+mysql2 to check the login)"
        return 0
      fi
      echo "connection refused"
      return 1
      ;;
  esac
}

# ---------------------------------------------------------------------------
# local server management (Debian)
# ---------------------------------------------------------------------------

mysqld_default() { # mysqld_default OPTION DEFAULT -> value from the server's option files
  local v=""
  if have my_print_defaults; then
    v="$(my_print_defaults --mysqld 2>/dev/null | sed -n "s/^--$1=//p" | tail -n 1)"
  fi
  printf '%s' "${v:-$2}"
}

DID_INSTALL=0
DID_INIT=0

install_server() {
  log "mariadb-server is not installed; installing it with apt-get (non-interactive)"
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --no-install-recommends)
  if ! as_root apt-get install "${apt_opts[@]}" mariadb-server mariadb-client </dev/null; then
    log "apt-get install failed; running apt-get update and retrying"
    as_root apt-get update -q </dev/null
    as_root apt-get install "${apt_opts[@]}" mariadb-server mariadb-client </dev/null ||
      die "apt-get install mariadb-server failed"
  fi
  DID_INSTALL=1
  for candidate in /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if [[ -x "$candidate" ]]; then
      MARIADBD="$candidate"
      break
    fi
  done
  [[ -n "$MARIADBD" ]] || die "mariadb-server installed, but no /usr/sbin/mariadbd or /usr/sbin/mysqld found"
  log "installed mariadb-server ($("$MARIADBD" --version 2>/dev/null | head -n 1))"
  pick_client
}

start_server() {
  local run_dir pid_file datadir out_file
  pid_file="$(mysqld_default pid-file /run/mysqld/mysqld.pid)"
  run_dir="$(dirname "$(mysqld_default socket /run/mysqld/mysqld.sock)")"
  datadir="$(mysqld_default datadir /var/lib/mysql)"

  id mysql >/dev/null 2>&1 || die "user 'mysql' does not exist (broken mariadb-server install?)"

  local d
  for d in "$run_dir" "$(dirname "$pid_file")"; do
    if [[ ! -d "$d" ]]; then
      as_root install -d -o mysql -g mysql -m 0755 "$d"
      log "created run dir $d (owner mysql:mysql)"
    elif [[ "$(stat -c %U "$d")" != mysql ]]; then
      as_root chown mysql:mysql "$d"
      log "changed owner of $d to mysql:mysql"
    fi
  done

  if [[ ! -d "$datadir/mysql" ]]; then
    have mariadb-install-db || have mysql_install_db || die "data dir $datadir is not initialised and mariadb-install-db is missing"
    log "initialising empty data dir $datadir (mariadb-install-db --user=mysql)"
    as_root install -d -o mysql -g mysql -m 0750 "$datadir"
    local tool=mariadb-install-db
    have "$tool" || tool=mysql_install_db
    as_root "$tool" --user=mysql --datadir="$datadir" --skip-test-db >/dev/null ||
      die "$tool failed for $datadir"
    DID_INIT=1
  fi

  out_file="$REPO_ROOT/.local/db/mariadbd.out"
  mkdir -p "$(dirname "$out_file")"
  local ssd=(start-stop-daemon --start --oknodo --background --pidfile "$pid_file" --exec "$MARIADBD")
  if start-stop-daemon --help 2>&1 | grep -q -- '--output'; then
    ssd+=(--output "$out_file")
  fi
  ssd+=(-- --user=mysql --port="$DB_PORT")
  have start-stop-daemon || die "start-stop-daemon not found (package dpkg)"
  log "starting: ${ssd[*]}"
  as_root "${ssd[@]}" </dev/null || die "start-stop-daemon failed to start $MARIADBD"
}

show_server_logs() {
  local f
  for f in "$REPO_ROOT/.local/db/mariadbd.out" "$(mysqld_default log-error '')"; do
    if [[ -n "$f" && -s "$f" ]]; then
      echo "----- last lines of $f -----" >&2
      tail -n 15 "$f" >&2
    fi
  done
}

# After a fresh install / data dir initialisation, Debian's root@localhost only
# accepts unix_socket logins. Make the DATABASE_URL credentials work over TCP
# (this only ever runs right after this script created the server's data).
grant_url_user() {
  local u p sql h
  u="${DB_USER//\\/\\\\}"
  u="${u//\'/\'\'}"
  p="${DB_PASS//\\/\\\\}"
  p="${p//\'/\'\'}"
  sql=""
  for h in localhost 127.0.0.1 ::1; do
    if [[ "$DB_USER" == root && "$h" == localhost ]]; then
      sql+="ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('${p}');"
    else
      sql+="CREATE USER IF NOT EXISTS '${u}'@'${h}' IDENTIFIED BY '${p}';"
      sql+="GRANT ALL PRIVILEGES ON *.* TO '${u}'@'${h}' WITH GRANT OPTION;"
    fi
  done
  local socket client
  socket="$(mysqld_default socket /run/mysqld/mysqld.sock)"
  client=mariadb
  have "$client" || client=mysql
  have "$client" || die "cannot create the login '${DB_USER}': no mariadb/mysql client"
  log "fresh server: allowing '${DB_USER}' (password from DATABASE_URL) to log in over TCP from localhost/127.0.0.1/::1 with all privileges"
  as_root "$client" --no-defaults --protocol=SOCKET -S "$socket" -u root -e "$sql FLUSH PRIVILEGES;" </dev/null ||
    die "could not create/alter the login '${DB_USER}' through $socket"
}

# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------

cmd_status() {
  local info rc=0
  info="$(ping_db)" || rc=$?
  case "$rc" in
    0) log "$(safe_url) answers: ${info}" ;;
    1) log "nothing answers at $(safe_url): ${info}" ;;
    *) log "$(safe_url) answers but refuses us: ${info}" ;;
  esac
  ((rc == 0)) && return 0
  return 3
}

cmd_ensure() {
  local info rc=0 start
  start="$(now_ms)"
  info="$(ping_db)" || rc=$?
  if ((rc == 0)); then
    log "$(safe_url) answers (${info}); nothing to do"
    return 0
  fi
  if ((rc == 2)); then
    # Something answers. A server that is still starting can refuse for a
    # moment; give it a few seconds before blaming the credentials.
    local deadline=$((SECONDS + 10))
    while ((rc == 2 && SECONDS < deadline)) && ! grep -qiE '1045|1698|access denied' <<<"$info"; do
      sleep 1
      rc=0
      info="$(ping_db)" || rc=$?
    done
    if ((rc == 0)); then
      log "$(safe_url) answers (${info})"
      return 0
    fi
    ((rc == 1)) || die "a server answers at ${DB_HOST}:${DB_PORT} but refuses ${DB_USER}: ${info}. Fix the credentials in DATABASE_URL ($(safe_url))."
  fi

  # Nothing answers.
  if ! is_local_host "$DB_HOST"; then
    die "nothing answers at $(safe_url) (${info}). The host is not local, so this script starts nothing: start that server or fix DATABASE_URL."
  fi
  if ! is_debian; then
    die "nothing answers at $(safe_url) (${info}). Automatic install/start is only implemented for Debian/Ubuntu; start a MySQL 8 / MariaDB 10.6+ server on ${DB_HOST}:${DB_PORT}, or set DATABASE_URL."
  fi
  if tcp_open "$DB_HOST" "$DB_PORT"; then
    die "something listens on ${DB_HOST}:${DB_PORT} but does not answer like a MySQL server (${info}); free the port or change DATABASE_URL"
  fi
  log "nothing answers at $(safe_url) (${info}); starting a local MariaDB"

  [[ -n "$MARIADBD" ]] || install_server
  # The package's post-install script may already have started it.
  rc=0
  info="$(ping_db)" || rc=$?
  if ((rc != 0)); then
    start_server
  fi

  local deadline=$((SECONDS + DB_START_TIMEOUT))
  while :; do
    rc=0
    info="$(ping_db)" || rc=$?
    ((rc == 1)) || break
    if ((SECONDS >= deadline)); then
      show_server_logs
      die "started ${MARIADBD}, but nothing answers at ${DB_HOST}:${DB_PORT} after ${DB_START_TIMEOUT} s"
    fi
    sleep 1
  done

  if ((rc == 2)) && ((DID_INSTALL || DID_INIT)); then
    grant_url_user
    rc=0
    info="$(ping_db)" || rc=$?
  fi
  ((rc == 0)) || die "the local server answers at ${DB_HOST}:${DB_PORT} but refuses ${DB_USER}: ${info}. Fix the credentials in DATABASE_URL ($(safe_url))."
  log "$(safe_url) answers (${info}) after $(elapsed_s "$start") s"
}

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    ensure | status) ;;
    -h | --help | help)
      usage
      return 0
      ;;
    *)
      usage >&2
      DIE_CODE=2 die "unknown command '${cmd}' (expected ensure|status)"
      ;;
  esac
  parse_url "$DATABASE_URL"
  pick_client
  "cmd_$cmd"
}

main "$@"
