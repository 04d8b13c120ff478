#!/usr/bin/env bash
# bench/scaling.sh - does hybridc's compile time grow linearly with the size
# of the kernel?
#
#   bash bench/scaling.sh [HYBRIDC]        (default build/tools/hybridc/hybridc)
#   SIZES="10 100 1000" RUNS=5 BUDGET=10 LIMIT=30 bash bench/scaling.sh
#
# bench/gen_scaling.py writes, into a temporary directory, kernels of N
# statements for each N in SIZES (default 10 100 1000 10000) in three shapes:
# assign_N (N straight-line stores), loop_N (N 16-iteration loops, one store
# each), unroll_N (one const_range(N) loop that hybridc unrolls). Each is
# compiled to an object at -O3 and -O0 with bench/timecmd.py: up to RUNS runs
# (default 5), fewer once BUDGET seconds (default 10) are spent, each run
# killed after LIMIT seconds (default 30; a size that times out skips the
# larger sizes of its shape and level).
#
# Per size it prints the min wall time (and the min CPU time, user+sys, which
# a loaded machine inflates less), peak RSS, and the marginal cost per
# statement: (t(N) - t(smallest N)) / (N - smallest N), in microseconds of
# CPU time. In a linear compiler that stays flat from size to size; "x prev"
# is its ratio to the previous size (about 1 = linear, about 10 per 10x size
# = quadratic).
# The last column splits one -O0 run with -v/--time-passes (fe: read, parse,
# sema; lower: hybridc's passes; llvm: the rest of "compile"), to show which
# side grows. A measurement, not a test: exits 0 unless a compile fails.
set -euo pipefail
HYBRIDC=${1:-${HYBRIDC:-}}
[ -z "$HYBRIDC" ] || [[ $HYBRIDC = /* ]] || HYBRIDC=$PWD/$HYBRIDC  # relative to the caller
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HYBRIDC=${HYBRIDC:-$ROOT/build/tools/hybridc/hybridc}
SIZES=${SIZES:-10 100 1000 10000}
RUNS=${RUNS:-5} BUDGET=${BUDGET:-10} LIMIT=${LIMIT:-30}
[ -x "$HYBRIDC" ] || { echo "scaling.sh: no hybridc at $HYBRIDC (bash scripts/setup.sh builds it)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$HYBRIDC" "$TMP/hybridc"  # a private copy: immune to rebuilds during the run
HY=$TMP/hybridc
# shellcheck disable=SC2086  # SIZES is a list
python3 "$ROOT/bench/gen_scaling.py" "$TMP/k" $SIZES >/dev/null

# One -O0 run with -v --time-passes -> "fe F / lower L / llvm M" (ms).
phase_split() {
  "$HY" "$1" -O0 -o "$TMP/x.o" -v --time-passes 2>&1 >/dev/null | awk '
    $1 == "hybridc:" && $2 ~ /^(read|parse|schedule|sema)$/ { fe += $3 }
    $1 == "hybridc:" && $2 == "compile" { comp = $3 }
    $1 == "hybridc:" && $2 == "lower" { lower = $3 }
    END { printf "fe %.0f / lower %.0f / llvm %.0f", fe, lower, comp - lower }'
}

# Results as TSV: shape N level status min_ms runs rss_mb split cpu_ms
failed=0
for shape in assign loop unroll; do
  for level in 3 0; do
    skip=
    for n in $SIZES; do
      if [ -n "$skip" ]; then printf '%s\t%s\t%s\tskipped\n' "$shape" "$n" "$level"; continue; fi
      read -r st min _ runs rss cpu <<<"$(python3 "$ROOT/bench/timecmd.py" --runs "$RUNS" \
        --budget "$BUDGET" --timeout "$LIMIT" -- "$HY" "$TMP/k/${shape}_$n.hy" "-O$level" -o "$TMP/x.o")"
      case $st in
        ok) extra=; [ "$level" = 0 ] && extra=$(phase_split "$TMP/k/${shape}_$n.hy")
            printf '%s\t%s\t%s\tok\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$n" "$level" "$min" "$runs" "$rss" "$extra" "$cpu" ;;
        timeout) skip=1; printf '%s\t%s\t%s\ttimeout\n' "$shape" "$n" "$level" ;;
        *) failed=1; printf '%s\t%s\t%s\t%s\n' "$shape" "$n" "$level" "$st" ;;
      esac
    done
  done
done >"$TMP/results.tsv"

echo "## hybridc compile-time scaling ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $("$HY" --version | paste -sd" "); up to $RUNS runs or $BUDGET s per point, $LIMIT s limit per run"
echo
python3 - "$TMP/results.tsv" "$LIMIT" <<'PY'
import sys
from collections import defaultdict
limit = sys.argv[2]
res = defaultdict(dict)  # (shape, level) -> n -> fields
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    res[(f[0], f[2])][int(f[1])] = f[3:]

def cell(shape, level, n, prev):
    """'min ms | marginal us/stmt | x prev' for one point; returns (text, marginal)."""
    f = res[(shape, level)][n]
    if f[0] != "ok":
        return {"timeout": f"> {limit} s", "skipped": "(skipped)"}.get(f[0], f[0]) + " | | ", None
    ns = sorted(res[(shape, level)])
    t0 = res[(shape, level)][ns[0]]
    marg = None
    if n != ns[0] and t0[0] == "ok":
        marg = (float(f[5]) - float(t0[5])) * 1e3 / (n - ns[0])
    ratio = f"{marg / prev:.1f}" if marg and prev and marg > 0 and prev > 0 else ""
    return f"{float(f[1]):.0f} ({float(f[5]):.0f}) | {'' if marg is None else f'{marg:.1f}'} | {ratio}", marg

print("| kernel | stmts | -O3 min ms (CPU) | -O3 us/stmt | x prev | -O0 min ms (CPU) | -O0 us/stmt | x prev"
      " | peak RSS MB -O3 / -O0 | -O0 split, ms |")
print("|---|---|---|---|---|---|---|---|---|---|")
for shape in ("assign", "loop", "unroll"):
    prev = {"3": None, "0": None}
    for n in sorted(res[(shape, "3")]):
        cells, rss = [], []
        for level in ("3", "0"):
            text, marg = cell(shape, level, n, prev[level])
            prev[level] = marg
            cells.append(text)
            f = res[(shape, level)][n]
            rss.append(f[3] if f[0] == "ok" else "-")
        f0 = res[(shape, "0")][n]
        split = f0[4] if f0[0] == "ok" and len(f0) > 4 else ""
        print(f"| {shape}_{n} | {n} | {cells[0]} | {cells[1]} | {' / '.join(rss)} | {split} |")
PY
exit "$failed"
