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
# CPU's /proc/cpuinfo flags (ANCHOR_ISA=avx2|avx512 overrides; ANCHOR_MCPU,
# default native, is passed to --mcpu). That is variant "hybridc", the best
# schedule found. Where it differs from the schedule Halide's anchor uses
# (../shared/bench/halide_gen.cpp), bench/same/<k>.hy + json is that schedule
# written for hybridc: variant "hybridc_hlsched". Objects go to $ANCHOR_OUT
# (default ~/.cache/hybridc-anchors/<isa>). VARIANTS defaults to the
# compilers and libraries hybridc is compared with (halide onednn openblas
# and both hybridc variants; the naive C ones take minutes: add c_clang
# c_gcc to see them). Other knobs are passed to run.sh unchanged (THREADS,
# SKIP_PEAK, SKIP_COMPILE, SKIP_BUILD, BENCH_MIN_RUNS, BENCH_MIN_TIME,
# BENCH_BUILD). A benchmark, not a test.
#
# run.sh times one variant after the other (all of Halide's kernels, then
# oneDNN's, ..., then hybridc's, tens of seconds apart), so its ratios
# carry whatever the host's memory bandwidth did in between (15-30% on the
# KVM guests here). The run therefore ends with ROUNDS (default 5)
# interleaved rounds of the same binaries (bench/interleave.sh: every
# variant of a kernel in turn, the median over rounds of each variant's
# median): that table is the run's ratios. INTERLEAVE=0 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HYBRIDC=${HYBRIDC:-$ROOT/build/tools/hybridc/hybridc}
SHARED_BENCH=${SHARED_BENCH:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || true)}
ALL="ewise matmul1024 matmul512 blur softmax conv outer"
export KERNELS=${KERNELS:-$ALL}

[ -x "$HYBRIDC" ] || { echo "anchors: build hybridc first" >&2; exit 1; }
[ -n "$SHARED_BENCH" ] && [ -f "$SHARED_BENCH/bench.c" ] || { echo "anchors: no ../shared/bench" >&2; exit 1; }

isa=${ANCHOR_ISA:-}
if [ -z "$isa" ]; then
  if grep -qw avx512f /proc/cpuinfo; then isa=avx512; else isa=avx2; fi
fi
# Not under a folder named build/: run.sh rewrites "build/" in object paths
# to its own build folder.
OUT=${ANCHOR_OUT:-${XDG_CACHE_HOME:-$HOME/.cache}/hybridc-anchors/$isa}
mkdir -p "$OUT/same"
OUT=$(cd "$OUT" && pwd)
case "$OUT/" in *build/*) echo "anchors: ANCHOR_OUT must not contain 'build/' (run.sh rewrites it)" >&2; exit 1 ;; esac
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "anchors: CPU $cpu, ISA $isa, objects in $OUT" >&2

compile() { # compile DIR KERNEL OBJECT
  local sched=$1/${2}_$isa.json t0
  [ -f "$sched" ] || { echo "anchors: no $sched" >&2; exit 1; }
  t0=$(date +%s%N)
  "$HYBRIDC" "$1/$2.hy" -s "$sched" --mcpu "${ANCHOR_MCPU:-native}" -o "$3"
  echo "anchors: hybridc $1/$2.hy ($sched) $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
}
for k in $KERNELS; do
  compile bench "$k" "$OUT/$k.o"
  rm -f "$OUT/same/$k.o"
  if [ -f "bench/same/$k.hy" ]; then compile bench/same "$k" "$OUT/same/$k.o"; fi
done

if [ -n "${QUICK:-}" ]; then
  # hybridc alone, one bench.c run per kernel, variant and thread count.
  for k in $KERNELS; do
    for v in hybridc hybridc_hlsched; do
      obj=$OUT/$k.o bin=$OUT/bench_$k
      [ $v = hybridc ] || obj=$OUT/same/$k.o bin=$OUT/same/bench_$k
      [ -f "$obj" ] || continue
      cc -O2 -I"$SHARED_BENCH" -DKERNEL=$k -DFN=$k "$SHARED_BENCH/bench.c" "$obj" -o "$bin" -lm -lpthread
      for t in ${THREADS:-1}; do
        env BENCH_THREADS=$t HYBRIDC_NUM_THREADS=$t taskset -c "$(seq -s, 0 $((t - 1)))" "$bin" $v |
          sed 's/first_ms=[^ ]* //;s/mean_ms=[^ ]* //;s/max_ms=[^ ]* //;s/cpus=[^ ]* //'
      done
    done
  done
  exit 0
fi

export VARIANTS=${VARIANTS:-"halide onednn openblas hybridc hybridc_hlsched"}
export EXTRA_VARIANTS="hybridc | clang | $OUT/{k}.o | {k} | -lpthread
hybridc_hlsched | clang | $OUT/same/{k}.o | {k} | -lpthread"
"$SHARED_BENCH/run.sh"
B=${BENCH_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/hybridc-bench}
echo
echo "## hybridc speed-up, single pass (other variant's median / hybridc's, run.sh above)"
echo
python3 bench/ratios.py "$B/results.txt"
if [ "${INTERLEAVE:-1}" != 0 ]; then
  echo
  echo "## hybridc speed-up, interleaved rounds (ROUNDS=${ROUNDS:-5}; the ratios of this run)"
  echo
  THREADS="${THREADS:-1}" BENCH_BUILD="$B" bash bench/interleave.sh
fi
