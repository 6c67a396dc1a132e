# Installs node dependencies when they are missing or older than the lock file.
ensure_node_modules() {
  local root="$1"
  if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "[install] npm ci"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Admission tickets print Chinese text with Noto Sans CJK (Debian: fonts-noto-cjk). Installs it when missing on
# Debian; elsewhere, or if the install fails, warns only: the ticket route then answers 503 REGISTRATION.FONT_UNAVAILABLE.
ensure_cjk_font() {
  local font="${TICKET_FONT_PATH:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
  [ -r "$font" ] && return 0
  if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    echo "[install] apt-get install fonts-noto-cjk (admission tickets)"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
    if "${sudo[@]}" apt-get install -y -q --no-install-recommends fonts-noto-cjk </dev/null >/dev/null ||
      { "${sudo[@]}" apt-get update -q </dev/null >/dev/null &&
        "${sudo[@]}" apt-get install -y -q --no-install-recommends fonts-noto-cjk </dev/null >/dev/null; }; then
      return 0
    fi
  fi
  echo "[install] warning: no CJK font at $font; admission tickets will answer 503 until fonts-noto-cjk is installed" >&2
}

# The browser journeys drive Debian's Chromium (Playwright's own browser download is not reachable from these
# machines). Installs it when missing on Debian; elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    echo "[install] apt-get install chromium (browser journeys)"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
    if "${sudo[@]}" apt-get install -y -q chromium </dev/null >/dev/null ||
      { "${sudo[@]}" apt-get update -q </dev/null >/dev/null &&
        "${sudo[@]}" apt-get install -y -q chromium </dev/null >/dev/null; }; then
      return 0
    fi
  fi
  echo "[install] no Chromium found: install Debian's chromium package or set CHROMIUM_PATH" >&2
  return 1
}
