#!/usr/bin/env bash
# Runs every benchmark (bench/*.bench.ts) once, in sequence; each reports ratios against a baseline
# measured in the same run and writes JSON under .local/bench/. Pass names to run a subset: npm run bench -- crypto
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/install.sh
source "$ROOT/scripts/lib/install.sh"
ensure_node_modules "$ROOT"
ensure_nginx
bash scripts/db.sh ensure
bash scripts/kafka.sh start
shopt -s nullglob
selected=("$@")
for file in bench/*.bench.ts; do
  name="$(basename "$file" .bench.ts)"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " ${name} " ]]; then continue; fi
  printf '\n=== bench: %s ===\n' "$name"
  node -r @swc-node/register "$file"
done
