# Installs node dependencies when they are missing or older than the lock file.
ensure_node_modules() {
  local root="$1"
  if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "[install] npm ci"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
