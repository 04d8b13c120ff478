#!/usr/bin/env bash
# bench/ab.sh - does a compiler change move kernel speed? Two hybridc
# binaries (A and B; or one binary with two environments) compile every
# bench kernel (bench/*.hy and bench/same/*.hy with this CPU's schedule, as
# bench/anchors.sh does), each object is linked into ../shared/bench's
# bench.c, and the A and B programs run alternately, ROUNDS rounds (default
# 5), one thread on CPU ${CPU:-0}. Prints the median over rounds of each
# side's median time and B/A (> 1: B is slower). Issue 15's "kernel speed
# stays within 2 %" is checked with it.
#
#   bash bench/ab.sh HYBRIDC_A HYBRIDC_B
#   ENV_B="HYBRIDC_X=1" bash bench/ab.sh build/tools/hybridc/hybridc   (same binary, B with ENV_B)
#   KERNELS="matmul512 conv" ROUNDS=9 bash bench/ab.sh A B
#
# A measurement, not a test: nothing fails on slowness (exit 1 only if a
# kernel fails to compile or its result check fails).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
A=$(realpath "${1:?usage: bench/ab.sh HYBRIDC_A [HYBRIDC_B]}")
B=$(realpath "${2:-$1}")
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
[ -f "$SHARED_BENCH/bench.c" ] || { echo "ab: no harness at $SHARED_BENCH" >&2; exit 1; }
ROUNDS=${ROUNDS:-5}
CPU=${CPU:-0}
KERNELS=${KERNELS:-"ewise matmul1024 matmul512 blur softmax conv outer"}
isa=${BENCH_ISA:-$(grep -qw avx512f /proc/cpuinfo && echo avx512 || echo avx2)}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

variants=()
for k in $KERNELS; do
  for dir in bench bench/same; do
    [ -f "$dir/$k.hy" ] || continue
    name=${dir#bench}; name=${name#/}; name=${name:+$name/}$k
    tag=${name//\//_}
    for side in A B; do
      hy=$A envs=${ENV_A:-}
      [ $side = A ] || hy=$B envs=${ENV_B:-}
      env $envs "$hy" "$dir/$k.hy" -s "$dir/${k}_$isa.json" --mcpu "${BENCH_MCPU:-native}" \
        -o "$TMP/$tag.$side.o"
      cc -O2 -I"$SHARED_BENCH" -DKERNEL="$k" -DFN="$k" "$SHARED_BENCH/bench.c" "$TMP/$tag.$side.o" \
        -o "$TMP/$tag.$side" -lm -lpthread
    done
    variants+=("$k:$tag:$name")
  done
done

status=0
echo "## bench/ab.sh: A=$A${ENV_A:+ ($ENV_A)}, B=$B${ENV_B:+ ($ENV_B)}"
echo
echo "CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), ISA $isa, $ROUNDS rounds, 1 thread on CPU $CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| kernel | A median ms | B median ms | B/A |"
echo "|---|---:|---:|---:|"
for v in "${variants[@]}"; do
  IFS=: read -r k tag name <<<"$v"
  : >"$TMP/$tag.A.t"; : >"$TMP/$tag.B.t"
  for _ in $(seq "$ROUNDS"); do
    for side in A B; do
      out=$(BENCH_MIN_RUNS=${BENCH_MIN_RUNS:-20} BENCH_MIN_TIME=${BENCH_MIN_TIME:-0.3} BENCH_THREADS=1 \
        HYBRIDC_NUM_THREADS=1 taskset -c "$CPU" "$TMP/$tag.$side" "$side")
      [[ $out == *check=ok* ]] || { echo "ab: $name $side: result check failed: $out" >&2; status=1; }
      sed -n 's/.*med_ms=\([0-9.]*\).*/\1/p' <<<"$out" >>"$TMP/$tag.$side.t"
    done
  done
  a=$(med <"$TMP/$tag.A.t"); b=$(med <"$TMP/$tag.B.t")
  echo "| $name | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.3f", b/a}') |"
done
exit $status
