#!/usr/bin/env bash
# bench/tails.sh - masked against split vector code (--vector-tails,
# docs/schedules.md "Vector tails and masks") on kernels of symbolic size:
# each kernel compiled both ways into one program, timed in turns (best of
# ROUNDS), and the two results compared.
#
#   bash bench/tails.sh [HYBRIDC]       (default build/tools/hybridc/hybridc)
#   MCPU=x86-64-v3 bash bench/tails.sh  --mcpu of both objects (default native)
#
# Kernels (16-lane float32 loops, split by 16, the inner loop vectorized):
#   axpy     c[i] = a[i] * 2.0 + b[i]               (a tail of n % 16)
#   sinexp   c[i] = sin(a[i]) * exp(a[i])           (polynomials in the tail)
#   sumsq    s[0] += a[i] * a[i]                    (a reduction)
#   relu     c[i] = a[i] if a[i] > 0.0 else 0.1 * a[i], through an `if`
#            (split keeps the loop serial)
#   matmul   n x m x K, 4x32 register tile, tails in m (n = K = m + 6)
# Prints Markdown: ns per call (matmul: ms), masked / split. A measurement,
# not a test: nothing fails on slowness (a wrong result does fail).
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_hybridc tails.sh "${1:-}"
cd "$BENCH_ROOT"
ROUNDS=${ROUNDS:-7}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/tails.hy" <<'HY'
def axpy(n: int32, a: float32[n], b: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = a[i] * 2.0 + b[i]
    return c

def sinexp(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        c[i] = sin(a[i]) * exp(a[i])
    return c

def sumsq(n: int32, a: float32[n]):
    s = output_tensor((1,), 'float32')
    s[0] = 0.0
    for i in range(n):
        s[0] = s[0] + a[i] * a[i]
    return s

def relu(n: int32, a: float32[n]):
    c = output_tensor((n,), 'float32')
    for i in range(n):
        if a[i] > 0.0:
            c[i] = a[i]
        else:
            c[i] = 0.1 * a[i]
    return c

def matmul(n: int32, m: int32, K: int32, A: float32[n, K], B: float32[K, m]):
    C = output_tensor((n, m), 'float32')
    for i in range(n):
        for j in range(m):
            C[i, j] = 0.0
    for i in range(n):
        for j in range(m):
            for k in range(K):
                C[i, j] += A[i, k] * B[k, j]
    return C
HY
cat > "$TMP/tails.json" <<'JSON'
{"axpy": {"schedule": [{"op": "split", "loop": "i", "factor": 16}, {"op": "vectorize", "loop": "i.inner"}]},
 "sinexp": {"schedule": [{"op": "split", "loop": "i", "factor": 16}, {"op": "vectorize", "loop": "i.inner"}]},
 "sumsq": {"schedule": [{"op": "split", "loop": "i", "factor": 16}, {"op": "vectorize", "loop": "i.inner"}]},
 "relu": {"schedule": [{"op": "split", "loop": "i", "factor": 16}, {"op": "vectorize", "loop": "i.inner"}]},
 "matmul": {"schedule": [
  {"op": "split", "loop": "i#1", "factor": 4, "outer": "io", "inner": "ii"},
  {"op": "split", "loop": "j#1", "factor": 32, "outer": "jo", "inner": "jr"},
  {"op": "split", "loop": "jr", "factor": 16, "outer": "jv", "inner": "ji"},
  {"op": "reorder", "loops": ["io", "jo", "k", "ii", "jv", "ji"]},
  {"op": "unroll", "loop": "ii"}, {"op": "unroll", "loop": "jv"},
  {"op": "vectorize", "loop": "ji"}]}}
JSON
for form in masked split; do
  "$HYBRIDC" "$TMP/tails.hy" -s "$TMP/tails.json" --mcpu "${MCPU:-native}" --vector-tails=$form \
    --symbol-prefix ${form}_ -o "$TMP/$form.o"
done
cat > "$TMP/main.c" <<'C'
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define DECL(p)                                                                    \
  int32_t p##_axpy(int32_t, const float *, const float *, float *);                \
  int32_t p##_sinexp(int32_t, const float *, float *);                             \
  int32_t p##_sumsq(int32_t, const float *, float *);                              \
  int32_t p##_relu(int32_t, const float *, float *);                               \
  int32_t p##_matmul(int32_t, int32_t, int32_t, const float *, const float *, float *);
DECL(masked)
DECL(split)
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}
static int rounds;
static float A[1 << 20], B[1 << 20], C1[1 << 20], C2[1 << 20];
static void same(const char *what, int n, const float *x, const float *y) {
  for (int i = 0; i < n; i++)
    if (!(fabsf(x[i] - y[i]) <= 1e-4f * (1 + fabsf(x[i])))) {
      printf("tails.sh: %s differs at %d: %g vs %g\n", what, i, x[i], y[i]);
      exit(1);
    }
}
/* best of `rounds` of `reps` calls, seconds per call */
#define TIME(out, reps, call)                                                      \
  do {                                                                             \
    out = 1e9;                                                                     \
    for (int r_ = 0; r_ < rounds; r_++) {                                          \
      double t_ = now();                                                           \
      for (long k_ = 0; k_ < (reps); k_++) call;                                   \
      t_ = (now() - t_) / (reps);                                                  \
      if (t_ < out) out = t_;                                                      \
    }                                                                              \
  } while (0)
int main(int argc, char **argv) {
  rounds = argc > 1 ? atoi(argv[1]) : 7;
  for (int i = 0; i < (1 << 20); i++) {
    A[i] = (i % 97) * 0.02f - 0.9f;
    B[i] = (i % 89) * 0.01f - 0.4f;
  }
  printf("| n | axpy | sinexp | sumsq | relu |\n|---|---|---|---|---|\n");
  int ns[] = {7, 13, 61, 1003, 4093};
  for (int k = 0; k < 5; k++) {
    int n = ns[k];
    long reps = 4000000 / (n + 16) + 1;
    double t[8];
    TIME(t[0], reps, masked_axpy(n, A, B, C1));
    TIME(t[1], reps, split_axpy(n, A, B, C2));
    same("axpy", n, C1, C2);
    TIME(t[2], reps / 8 + 1, masked_sinexp(n, A, C1));
    TIME(t[3], reps / 8 + 1, split_sinexp(n, A, C2));
    same("sinexp", n, C1, C2);
    TIME(t[4], reps, masked_sumsq(n, A, C1));
    TIME(t[5], reps, split_sumsq(n, A, C2));
    same("sumsq", 1, C1, C2);
    TIME(t[6], reps, masked_relu(n, A, C1));
    TIME(t[7], reps, split_relu(n, A, C2));
    same("relu", n, C1, C2);
    printf("| %d |", n);
    for (int j = 0; j < 8; j += 2) printf(" %.1f / %.1f |", t[j] * 1e9, t[j + 1] * 1e9);
    printf("\n");
  }
  printf("\n| matmul n x m x K | masked ms | split ms |\n|---|---|---|\n");
  int ms[] = {41, 250, 499};
  for (int k = 0; k < 3; k++) {
    int m = ms[k], n = m + 6, K = m + 6;
    double t1, t2;
    TIME(t1, 1, masked_matmul(n, m, K, A, B, C1));
    TIME(t2, 1, split_matmul(n, m, K, A, B, C2));
    same("matmul", n * m, C1, C2);
    printf("| %d x %d x %d | %.3f | %.3f |\n", n, m, K, t1 * 1e3, t2 * 1e3);
  }
  return 0;
}
C
cc -O2 -o "$TMP/tails" "$TMP/main.c" "$TMP/masked.o" "$TMP/split.o" -lm -lpthread
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), --mcpu ${MCPU:-native}; ns per call, masked / split"
echo
"$TMP/tails" "$ROUNDS"
