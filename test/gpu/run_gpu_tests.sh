#!/usr/bin/env bash
# run_gpu_tests.sh - the cuda target on a real GPU: the cuda test kernels
# (test/cuda/Inputs/kernels.hy, test/e2e/shared.hy, test/e2e/tvm/test_bind.hy)
# compiled with --target cuda and for the host (--symbol-prefix cpu_), run on
# the GPU and on the CPU from the same random inputs and compared; vadd GB/s
# and the shared-tile matmul's GFLOP/s are printed (gpu_check.c). Then the
# cuda samples (samples/cuda: vadd, a shared-tile matmul bound by schedule,
# a row softmax with shared-memory reductions), built with their Makefile,
# each checked against its CPU build (samples/cuda/main.c).
#
#   bash test/gpu/run_gpu_tests.sh [HYBRIDC] [CUDA_ARCH]   (default build/tools/hybridc/hybridc, sm_90)
#
# Needs an NVIDIA GPU and its driver (libcuda.so.1). Without them it says so
# and exits 0 (nothing to check here); with them it exits 1 on any mismatch.
# RUN_GPU_TESTS_LIBCUDA=/path/libcuda.so.1 uses that library and skips the
# checks for a driver: test/cuda/gpu_script.test runs the script's steps
# against the libcuda test double that way.
set -euo pipefail
cd "$(dirname "$0")/../.."
HYBRIDC=$(realpath "${1:-build/tools/hybridc/hybridc}")
ARCH=${2:-sm_90}
LIBCUDA=${RUN_GPU_TESTS_LIBCUDA:-}
if [ -n "$LIBCUDA" ]; then
  :
elif ! ldconfig -p 2>/dev/null | grep -q 'libcuda.so.1' && ! ls /usr/lib*/x86_64-linux-gnu/libcuda.so.1 >/dev/null 2>&1; then
  echo "run_gpu_tests: SKIPPED: no NVIDIA driver (libcuda.so.1) on this machine"
  exit 0
elif command -v nvidia-smi >/dev/null && ! nvidia-smi -L >/dev/null 2>&1; then
  echo "run_gpu_tests: SKIPPED: the driver sees no GPU (nvidia-smi -L failed)"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
[ -n "$LIBCUDA" ] || LIBCUDA=$(ldconfig -p | awk '/libcuda.so.1/ {print $NF; exit}')
cat test/cuda/Inputs/kernels.hy test/e2e/shared.hy test/e2e/tvm/test_bind.hy | grep -v '^#' > "$T/all.hy"
"$HYBRIDC" "$T/all.hy" -s test/cuda/Inputs/kernels.json --target cuda --cuda-arch "$ARCH" -o "$T/gpu.o" \
  --emit-header="$T/gpu_kernels.h"
"$HYBRIDC" "$T/all.hy" -s test/cuda/Inputs/kernels.json --symbol-prefix cpu_ -o "$T/cpu.o" --emit-header="$T/cpu_kernels.h"
cc -std=c99 -D_GNU_SOURCE -O1 -Wall -I"$T" test/gpu/gpu_check.c "$T/gpu.o" "$T/cpu.o" "${LIBCUDA:--lcuda}" -lm -lpthread \
  -o "$T/gpu_check"
status=0
"$T/gpu_check" || status=1
make -s -C samples/cuda O="$T/samples" HYBRIDC="$HYBRIDC" CUDA_ARCH="$ARCH" \
  LDFLAGS="-L$(dirname "${LIBCUDA:-/usr/lib/x86_64-linux-gnu/libcuda.so.1}")" \
  LDLIBS="${LIBCUDA:--lcuda} -lm -lpthread"
"$T/samples/cuda_samples" || status=1
exit $status
