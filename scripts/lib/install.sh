# Installs node dependencies when they are missing or older than the lock file.
ensure_node_modules() {
  local root="$1"
  if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "[install] npm ci"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Installs Debian packages (apt-get, refreshing the package lists once if the first try fails); false when
# this is not Debian or the install fails. $1 says what for; the rest are apt-get install arguments.
apt_install() {
  local purpose="$1"
  shift
  [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "[install] apt-get install ${*: -1} ($purpose)"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  "${sudo[@]}" apt-get install -y -q "$@" </dev/null >/dev/null ||
    { "${sudo[@]}" apt-get update -q </dev/null >/dev/null &&
      "${sudo[@]}" apt-get install -y -q "$@" </dev/null >/dev/null; }
}

# Admission tickets print Chinese text with Noto Sans CJK (Debian: fonts-noto-cjk). Installs it when missing on
# Debian; elsewhere, or if the install fails, warns only: the ticket route then answers 503 REGISTRATION.FONT_UNAVAILABLE.
ensure_cjk_font() {
  local font="${TICKET_FONT_PATH:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
  [ -r "$font" ] && return 0
  apt_install 'admission tickets' --no-install-recommends fonts-noto-cjk && return 0
  echo "[install] warning: no CJK font at $font; admission tickets will answer 503 until fonts-noto-cjk is installed" >&2
}

# The browser journeys drive Debian's Chromium (Playwright's own browser download is not reachable from these
# machines). Installs it when missing on Debian; elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  apt_install 'browser journeys' chromium && return 0
  echo "[install] no Chromium found: install Debian's chromium package or set CHROMIUM_PATH" >&2
  return 1
}

# The exam bench puts nginx in front as the ingress (ingress-nginx in k8s): /api/exam/attempts/* to exam,
# everything else to the gateway. Debian's nginx-light is enough.
ensure_nginx() {
  if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then return 0; fi
  apt_install 'the exam bench ingress' --no-install-recommends nginx-light && return 0
  echo "[install] no nginx found: install Debian's nginx-light package (the exam bench's ingress)" >&2
  return 1
}
