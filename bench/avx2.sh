#!/usr/bin/env bash
# bench/avx2.sh - the AVX2 schedules (bench/<k>_avx2.json, compiled with
# --mcpu haswell: 16 ymm registers, no AVX-512 instruction) against Halide's
# anchors compiled for an AVX2 target, interleaved rounds, on whatever x86-64
# host this is. On an AVX-512 machine this is the closest to an AVX2-only CPU
# we have: the same instructions an AVX2 machine runs (the caches, clock and
# FMA ports are this host's). Issue 12's AVX2 targets (>= 80% of the ymm FMA
# peak, <= 1.00x Halide) are read from it.
#
#   bash bench/avx2.sh                      matmul512 matmul1024 conv, 1 thread
#   KERNELS="softmax" THREADS="1 2" ROUNDS=7 bash bench/avx2.sh
#
# Halide: ../shared/bench/halide_gen.cpp, built as is except that the
# target is x86-64-linux-avx-avx2-f16c-fma-sse41 instead of the host's (the
# shared file picks its AVX2 schedules from that target); the runtime for the
# same target. Peak: ../shared/bench/peak.c's fma_ymm_avx2 figure, measured
# here. Needs ../shared/bench/setup.sh once (Halide 14). A benchmark, not a
# test: prints a Markdown table, exit 1 only if something fails to build or a
# result check fails.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_hybridc avx2.sh
cd "$BENCH_ROOT"
SB=${SHARED_BENCH:-$BENCH_ROOT/../shared/bench}
KERNELS=${KERNELS:-"matmul512 matmul1024 conv"}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-5}
HLTARGET=x86-64-linux-avx-avx2-f16c-fma-sse41
[ -f "$SB/halide_gen.cpp" ] || { echo "avx2: no harness at $SB" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Halide for AVX2: the shared generator with its target replaced.
sed "s/Target host = get_host_target();/Target host(\"$HLTARGET\");/" "$SB/halide_gen.cpp" >"$TMP/halide_gen.cpp"
grep -q "$HLTARGET" "$TMP/halide_gen.cpp" || { echo "avx2: halide_gen.cpp's target line not found" >&2; exit 1; }
clang++ -O2 -std=c++17 -I/usr/include/halide14 "$TMP/halide_gen.cpp" -o "$TMP/halide_gen" -lHalide14 -lpthread -ldl
mkdir -p "$TMP/hl"
# shellcheck disable=SC2086
HLK_NO_FULL=1 HLK_COMPILE_REPS=1 "$TMP/halide_gen" "$TMP/hl" $KERNELS | grep '^HALIDE target'
clang -O3 -march=native -fopenmp "$SB/peak.c" -o "$TMP/peak"

for k in $KERNELS; do
  clang++ -O2 -std=c++17 -I"$SB" -I/usr/include/halide14 -DWRAP_"$k" -c "$SB/halide_wrap.cpp" -o "$TMP/hl/wrap_$k.o"
  clang -O2 -I"$SB" -DKERNEL="$k" -DFN="${k}_halide" "$SB/bench.c" "$TMP/hl/wrap_$k.o" "$TMP/hl/${k}_hl.o" \
    "$TMP/hl/halide_runtime.o" -o "$TMP/b_${k}_halide" -lm -lpthread -ldl -lstdc++
  "$HYBRIDC" "bench/$k.hy" -s "bench/${k}_avx2.json" --mcpu haswell -o "$TMP/$k.o"
  if objdump -d "$TMP/$k.o" | grep -q '%zmm'; then
    echo "avx2: bench/$k.hy with --mcpu haswell uses zmm registers" >&2
    exit 1
  fi
  clang -O2 -I"$SB" -DKERNEL="$k" -DFN="$k" "$SB/bench.c" "$TMP/$k.o" -o "$TMP/b_${k}_hybridc" -lm -lpthread
done

status=0
echo "## bench/avx2.sh: AVX2 code on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo
echo "hybridc --mcpu haswell (bench/<k>_avx2.json) vs Halide 14 for $HLTARGET, $ROUNDS interleaved rounds"
echo
echo "| kernel | threads | hybridc ms | Halide ms | x Halide | hybridc GFLOP/s | of ymm FMA peak |"
echo "|---|---|---:|---:|---:|---:|---:|"
"$TMP/peak" 5 >"$TMP/peak.txt" 2>/dev/null # 1 and 2 threads
for t in $THREADS; do
  cpus=$(seq -s, 0 $((t - 1)))
  peak=$(sed -n "s/^PEAK threads=$t what=fma_ymm_avx2_gflops best=[0-9.]* median=\([0-9.]*\).*/\1/p" "$TMP/peak.txt")
  for k in $KERNELS; do
    : >"$TMP/$k.hybridc.t"; : >"$TMP/$k.halide.t"; : >"$TMP/$k.gf"
    for _ in $(seq "$ROUNDS"); do
      for v in hybridc halide; do
        out=$(BENCH_MIN_RUNS=${BENCH_MIN_RUNS:-20} BENCH_MIN_TIME=${BENCH_MIN_TIME:-0.3} BENCH_THREADS=$t \
          HL_NUM_THREADS=$t HYBRIDC_NUM_THREADS=$t taskset -c "$cpus" "$TMP/b_${k}_$v" "$v")
        [[ $out == *check=ok* ]] || { echo "avx2: $k $v: result check failed: $out" >&2; status=1; }
        sed -n 's/.*med_ms=\([0-9.]*\).*/\1/p' <<<"$out" >>"$TMP/$k.$v.t"
        [ $v = hybridc ] && sed -n 's/.*gflops=\([0-9.]*\).*/\1/p' <<<"$out" >>"$TMP/$k.gf"
      done
    done
    a=$(med <"$TMP/$k.hybridc.t"); b=$(med <"$TMP/$k.halide.t"); g=$(med <"$TMP/$k.gf")
    echo "| $k | $t | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}') | $g |" \
      "$(awk -v g="$g" -v p="$peak" 'BEGIN{if (p > 0) printf "%.0f%% of %s", 100 * g / p, p; else print "-"}') |"
  done
done
exit $status
