#!/usr/bin/env bash
# bench/run.sh - time the scheduled matmul512 kernel against the machine's
# FMA peak and the unscheduled version, at 1 and 2 threads.
#
#   bash bench/run.sh            (after scripts/setup.sh has built hybridc)
#
# Uses ../shared/bench (bench.c harness, peak.c) when it is beside the repo
# (SHARED_BENCH=path overrides). Picks the schedule for this CPU: 8x32 tiles
# with AVX-512, else 6x16 (AVX2). Prints GFLOP/s, % of the 1-thread FMA peak
# for the ISA in use, and the speed-up over the unscheduled kernel. A
# benchmark, not a test: nothing here fails on slowness.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HYBRIDC=${HYBRIDC:-$ROOT/build/tools/hybridc/hybridc}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
OUT=${BENCH_OUT:-$ROOT/build/bench}
mkdir -p "$OUT"
CC=${CC:-cc}

[ -x "$HYBRIDC" ] || { echo "bench: build hybridc first (bash scripts/setup.sh)"; exit 1; }
[ -f "$SHARED_BENCH/bench.c" ] || { echo "bench: no harness at $SHARED_BENCH"; exit 1; }

if grep -qw avx512f /proc/cpuinfo; then
  sched=bench/matmul512_avx512.json; isa=avx512; peak_key=fma_zmm_avx512_gflops
else
  sched=bench/matmul512_avx2.json; isa=avx2; peak_key=fma_ymm_avx2_gflops
fi
echo "bench: CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), ISA $isa, schedule $sched"

"$HYBRIDC" bench/matmul512.hy -s "$sched" --mcpu native -o "$OUT/matmul512_sched.o"
"$HYBRIDC" bench/matmul512.hy --mcpu native -o "$OUT/matmul512_plain.o"
for v in sched plain; do
  $CC -O2 -DKERNEL=matmul512 -DFN=matmul512 -I"$SHARED_BENCH" "$SHARED_BENCH/bench.c" \
    "$OUT/matmul512_$v.o" -o "$OUT/bench_matmul512_$v" -lm -lpthread
done
peak=""
if command -v clang >/dev/null; then
  clang -O3 -march=native -fopenmp "$SHARED_BENCH/peak.c" -o "$OUT/peak" 2>/dev/null &&
    peak=$(taskset -c 0 "$OUT/peak" 11 2>/dev/null | awk -v k="$peak_key" '$1=="PEAK" && $2=="threads=1" && $3=="what="k {sub("best=","",$4); print $4}')
fi

printf '\n| kernel | threads | median ms | GFLOP/s | %% of 1-core peak | x unscheduled |\n|---|---|---|---|---|---|\n'
for t in 1 2; do
  cpus=$(( t - 1 ))
  med() { HYBRIDC_NUM_THREADS=$t taskset -c 0-$cpus "$1" hybridc | sed -n 's/.*med_ms=\([0-9.]*\).*/\1/p'; }
  gf() { HYBRIDC_NUM_THREADS=$t taskset -c 0-$cpus "$1" hybridc | sed -n 's/.*gflops=\([0-9.]*\).*/\1/p'; }
  ms=$(med "$OUT/bench_matmul512_sched"); g=$(awk -v m="$ms" 'BEGIN{printf "%.1f", 2*512^3/m/1e6}')
  plain=$(med "$OUT/bench_matmul512_plain")
  pct="n/a"; [ -n "$peak" ] && pct=$(awk -v g="$g" -v p="$peak" -v t="$t" 'BEGIN{printf "%.0f%%", 100*g/(p*t)}')
  ratio=$(awk -v a="$plain" -v b="$ms" 'BEGIN{printf "%.1f", a/b}')
  printf '| matmul512 (%s) | %d | %s | %s | %s | %s |\n' "$isa" "$t" "$ms" "$g" "$pct" "$ratio"
done
[ -n "$peak" ] && echo "(1-core FMA peak: $peak GFLOP/s, $peak_key; at 2 threads the % is of 2x that)"
