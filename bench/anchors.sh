#!/usr/bin/env bash
# bench/anchors.sh - compile the seven anchor kernels (../shared/bench/kernels.h)
# with hybridc and time them beside Halide, oneDNN, OpenBLAS and plain C with
# the shared harness (../shared/bench/run.sh), all in one run.
#
#   bash bench/anchors.sh                 everything (needs ../shared/bench/setup.sh once)
#   KERNELS="softmax conv" THREADS=1 bash bench/anchors.sh
#   QUICK=1 KERNELS=blur bash bench/anchors.sh   hybridc only: bench.c, no run.sh
#
# Each kernel is bench/<k>.hy (def <k>, the exact ABI of kernels.h) with the
# schedule bench/<k>_avx512.json or bench/<k>_avx2.json, chosen from this
# CPU's /proc/cpuinfo flags (ANCHOR_ISA=avx2|avx512 overrides). Objects go to
# $ANCHOR_OUT (default build/bench/anchors, absolute). Other knobs are passed
# to run.sh unchanged (VARIANTS, THREADS, SKIP_PEAK, SKIP_COMPILE, SKIP_BUILD,
# BENCH_MIN_RUNS, BENCH_MIN_TIME, BENCH_BUILD). A benchmark, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HYBRIDC=${HYBRIDC:-$ROOT/build/tools/hybridc/hybridc}
SHARED_BENCH=${SHARED_BENCH:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || true)}
OUT=${ANCHOR_OUT:-$ROOT/build/bench/anchors}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
ALL="ewise matmul1024 matmul512 blur softmax conv outer"
export KERNELS=${KERNELS:-$ALL}

[ -x "$HYBRIDC" ] || { echo "anchors: build hybridc first" >&2; exit 1; }
[ -n "$SHARED_BENCH" ] && [ -f "$SHARED_BENCH/bench.c" ] || { echo "anchors: no ../shared/bench" >&2; exit 1; }

isa=${ANCHOR_ISA:-}
if [ -z "$isa" ]; then
  if grep -qw avx512f /proc/cpuinfo; then isa=avx512; else isa=avx2; fi
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "anchors: CPU $cpu, ISA $isa, objects in $OUT" >&2

for k in $KERNELS; do
  sched=bench/${k}_$isa.json
  [ -f "$sched" ] || { echo "anchors: no $sched" >&2; exit 1; }
  t0=$(date +%s%N)
  "$HYBRIDC" bench/$k.hy -s "$sched" --mcpu native -o "$OUT/$k.o"
  echo "anchors: hybridc $k ($sched) $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
done

if [ -n "${QUICK:-}" ]; then
  # hybridc alone, one bench.c run per kernel and thread count.
  for k in $KERNELS; do
    cc -O2 -march=native -I"$SHARED_BENCH" -DKERNEL=$k -DFN=$k "$SHARED_BENCH/bench.c" "$OUT/$k.o" \
      -o "$OUT/bench_$k" -lm -lpthread
    for t in ${THREADS:-1}; do
      env BENCH_THREADS=$t HYBRIDC_NUM_THREADS=$t taskset -c "$(seq -s, 0 $((t - 1)))" "$OUT/bench_$k" hybridc |
        sed 's/first_ms=[^ ]* //;s/mean_ms=[^ ]* //;s/max_ms=[^ ]* //;s/cpus=[^ ]* //'
    done
  done
  exit 0
fi

EXTRA_VARIANTS="hybridc | clang | $OUT/{k}.o | {k} | -lpthread" exec "$SHARED_BENCH/run.sh"
