#!/usr/bin/env bash
# demo.sh - set hybridc up and run it on every sample (the README's first
# command).
#
# For now the "main job" is checking: `hybridc --syntax-only` on each
# samples/*.hy with its schedule samples/*.json. Prints one line per sample
# and exits non-zero if any sample fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
BUILD_DIR="${HYBRIDC_BUILD_DIR:-build}"
HYBRIDC="$BUILD_DIR/tools/hybridc/hybridc"

"$HYBRIDC" --version
failed=0
for hy in samples/*.hy; do
  args=(--syntax-only "$hy")
  json="${hy%.hy}.json"
  [[ -f "$json" ]] && args+=(-s "$json")
  if "$HYBRIDC" "${args[@]}"; then
    echo "ok    hybridc ${args[*]}"
  else
    echo "FAIL  hybridc ${args[*]}"
    failed=1
  fi
done
exit "$failed"
