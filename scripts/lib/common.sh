# shellcheck shell=bash
# Small shared helpers for the project's local infrastructure scripts.
#
# Usage (from a script in scripts/):
#   # shellcheck source=lib/common.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#   LOG_PREFIX=kafka
#
# Everything here is side-effect free on source, except defining REPO_ROOT.

if [[ -n "${__EXAM_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
__EXAM_COMMON_SH_LOADED=1

# Repository root, resolved from this file's location (works from any cwd,
# through symlinks of the calling script).
REPO_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
export REPO_ROOT

: "${LOG_PREFIX:=scripts}"

# log MESSAGE...   -> stdout, prefixed, e.g. "[kafka] started"
log() { printf '[%s] %s\n' "$LOG_PREFIX" "$*"; }

# warn MESSAGE...  -> stderr
warn() { printf '[%s] WARNING: %s\n' "$LOG_PREFIX" "$*" >&2; }

# die MESSAGE... [exit code via DIE_CODE, default 1] -> stderr and exit
die() {
  printf '[%s] ERROR: %s\n' "$LOG_PREFIX" "$*" >&2
  exit "${DIE_CODE:-1}"
}

# have CMD -> true if CMD is on PATH
have() { command -v "$1" >/dev/null 2>&1; }

# now_ms -> milliseconds since epoch (for timings)
now_ms() { date +%s%3N; }

# elapsed_s START_MS -> seconds with one decimal since START_MS
elapsed_s() {
  local start="$1" end
  end="$(now_ms)"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1000 }'
}

# tcp_open HOST PORT -> true if something accepts a TCP connection
# (bash /dev/tcp; bounded to ~2 s so a blackholed host does not hang us).
tcp_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" >/dev/null 2>&1
}

# pid_alive PID -> true if the process exists (and is not a zombie)
pid_alive() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

# pid_cmdline PID -> the process's command line, NULs replaced by spaces
pid_cmdline() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
}

# is_local_host HOST -> true for loopback names/addresses
is_local_host() {
  case "$1" in
    127.* | localhost | ::1 | '[::1]' | localhost.localdomain) return 0 ;;
    *) return 1 ;;
  esac
}

# is_debian -> true on Debian/Ubuntu-like systems with apt-get
is_debian() { [[ -r /etc/debian_version ]] && have apt-get; }

# as_root CMD... -> run CMD as root (directly, or via non-interactive sudo)
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif have sudo && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root to run: $* (run as root, or configure passwordless sudo)"
  fi
}
