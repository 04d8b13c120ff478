#!/usr/bin/env bash
# bench/interleave.sh - hybridc against Halide, oneDNN and OpenBLAS with the
# runs interleaved: ROUNDS rounds (default 5), each running every variant of
# a kernel once (bench.c, BENCH_MIN_RUNS runs each; THREADS, default 1, on
# CPUs 0..THREADS-1, e.g. THREADS="1 2" for both), then the median over
# rounds of each variant's median. On a machine shared with
# other jobs this is steadier than one pass of run.sh, where a burst of
# load can hit one variant only. Uses the binaries run.sh built (run
# bench/anchors.sh first). Prints a Markdown table of speed-ups (> 1: hybridc
# is faster).
set -uo pipefail
source "$(dirname "$0")/common.sh"
B=${BENCH_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/hybridc-bench}/bin
ROUNDS=${ROUNDS:-5}
KERNELS=${KERNELS:-"ewise matmul1024 matmul512 blur softmax conv outer"}
THREADS=${THREADS:-1}
echo "| kernel | threads | hybridc variant | median ms | x Halide | x oneDNN | x OpenBLAS |"
echo "|---|---|---|---|---|---|---|"
for t in $THREADS; do
cpus=$(seq -s, 0 $((t - 1)))
for k in $KERNELS; do
  declare -A runs=()
  vs=""
  for v in hybridc hybridc_hlsched halide onednn openblas; do [ -x "$B/b_${k}_$v" ] && vs="$vs $v"; done
  for r in $(seq "$ROUNDS"); do
    for v in $vs; do
      out=$(BENCH_MIN_RUNS=${BENCH_MIN_RUNS:-20} BENCH_MIN_TIME=${BENCH_MIN_TIME:-0.3} BENCH_THREADS=$t OMP_NUM_THREADS=$t \
            HL_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t HYBRIDC_NUM_THREADS=$t taskset -c "$cpus" "$B/b_${k}_$v" "$v" 2>/dev/null)
      [[ "$out" == *check=ok* ]] || echo "interleave: $k $v: check failed or no result" >&2
      runs[$v]="${runs[$v]:-} $(sed -n 's/.*med_ms=\([0-9.]*\).*/\1/p' <<< "$out")"
    done
  done
  declare -A m=()
  for v in $vs; do m[$v]=$(tr ' ' '\n' <<< "${runs[$v]}" | grep . | med); done
  for v in hybridc hybridc_hlsched; do
    [ -n "${m[$v]:-}" ] || continue
    row="| $k | $t | $v | ${m[$v]}"
    for o in halide onednn openblas; do
      if [ -n "${m[$o]:-}" ]; then row="$row | $(awk -v a="${m[$o]}" -v b="${m[$v]}" 'BEGIN{printf "%.2f", a/b}')"; else row="$row | -"; fi
    done
    echo "$row |"
  done
  unset runs m
done
done
