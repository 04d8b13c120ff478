/*===- gpu_check.c - cuda-target kernels on a real GPU vs their CPU build --===//
 *
 * Built by run_gpu_tests.sh: links the cuda objects (symbols as in the .hy)
 * and the host objects of the same kernels (--symbol-prefix cpu_) with the
 * real libcuda, runs each kernel on random inputs on both, compares, and
 * times vadd (GB/s) and the shared-tile matmul (GFLOP/s). The CUDA driver
 * API is declared here (cuda.h is not needed). Prints one line per check
 * and "gpu_check: N passed, M failed"; exits 1 on any failure.
 *
 *===----------------------------------------------------------------------===*/
#include "gpu_kernels.h"
#include "cpu_kernels.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef unsigned long long CUdeviceptr;
int cuInit(unsigned flags);
int cuDeviceGet(int *dev, int ordinal);
int cuDeviceGetName(char *name, int len, int dev);
int cuCtxCreate_v2(void **ctx, unsigned flags, int dev);
int cuCtxSynchronize(void);
int cuMemAlloc_v2(CUdeviceptr *p, size_t bytes);
int cuMemFree_v2(CUdeviceptr p);
int cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes);
int cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes);

static int passed, failed;

#define CU(call)                                                                                   \
  do {                                                                                             \
    int r_ = (call);                                                                               \
    if (r_) {                                                                                      \
      printf("FAIL %s: %s returned %d\n", __func__, #call, r_);                                   \
      ++failed;                                                                                    \
      return;                                                                                      \
    }                                                                                              \
  } while (0)

static float *randoms(size_t n, unsigned seed) {
  float *p = malloc(n * sizeof(float));
  for (size_t k = 0; k < n; ++k) {
    seed = seed * 1103515245u + 12345u;
    p[k] = (float)((seed >> 8) % 2001) / 1000.0f - 1.0f;
  }
  return p;
}

static CUdeviceptr upload(const float *h, size_t n) {
  CUdeviceptr d = 0;
  if (cuMemAlloc_v2(&d, n * sizeof(float)) || cuMemcpyHtoD_v2(d, h, n * sizeof(float))) return 0;
  return d;
}

static void compare(const char *what, const float *gpu, const float *cpu, size_t n, float tol) {
  size_t bad = 0, first = 0;
  for (size_t k = 0; k < n; ++k)
    if (!(fabsf(gpu[k] - cpu[k]) <= tol * (1.0f + fabsf(cpu[k])))) {
      if (!bad) first = k;
      ++bad;
    }
  if (bad) {
    printf("FAIL %s: %zu of %zu differ; first [%zu]: gpu %g, cpu %g\n", what, bad, n, first, gpu[first], cpu[first]);
    ++failed;
  } else {
    printf("ok   %s (%zu values)\n", what, n);
    ++passed;
  }
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void check_vadd(void) {
  int n = 1 << 24;
  float *a = randoms(n, 1), *b = randoms(n, 2), *c = malloc(n * sizeof(float)), *g = malloc(n * sizeof(float));
  CUdeviceptr da = upload(a, n), db = upload(b, n), dc;
  CU(cuMemAlloc_v2(&dc, n * sizeof(float)));
  CU(vadd(n, (const float *)da, (const float *)db, (float *)dc));
  CU(cuCtxSynchronize());
  double t0 = seconds();
  for (int r = 0; r < 20; ++r) CU(vadd(n, (const float *)da, (const float *)db, (float *)dc));
  CU(cuCtxSynchronize());
  double t = (seconds() - t0) / 20;
  CU(cuMemcpyDtoH_v2(g, dc, n * sizeof(float)));
  cpu_vadd(n, a, b, c);
  compare("vadd", g, c, n, 0);
  printf("     vadd: %.1f GB/s (16M floats, 3 streams)\n", 3.0 * n * sizeof(float) / t / 1e9);
  cuMemFree_v2(da), cuMemFree_v2(db), cuMemFree_v2(dc);
  free(a), free(b), free(c), free(g);
}

static void check_matmul(void) {
  float *a = randoms(64 * 32, 3), *b = randoms(32 * 48, 4), *c = malloc(64 * 48 * 4), *g = malloc(64 * 48 * 4);
  CUdeviceptr da = upload(a, 64 * 32), db = upload(b, 32 * 48), dc;
  CU(cuMemAlloc_v2(&dc, 64 * 48 * 4));
  CU(matmul((const float *)da, (const float *)db, (float *)dc));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(g, dc, 64 * 48 * 4));
  cpu_matmul(a, b, c);
  compare("matmul (bind by schedule)", g, c, 64 * 48, 1e-4f);
  cuMemFree_v2(da), cuMemFree_v2(db), cuMemFree_v2(dc);
  free(a), free(b), free(c), free(g);
}

static void check_two_steps(void) {
  int n = 1000;
  float *a = randoms(n, 5), *t = malloc(n * 4), *u = malloc(n * 4), *gt = malloc(n * 4), *gu = malloc(n * 4);
  CUdeviceptr da = upload(a, n), dt, du;
  CU(cuMemAlloc_v2(&dt, n * 4));
  CU(cuMemAlloc_v2(&du, n * 4));
  CU(two_steps(n, 1.5f, (const float *)da, (float *)dt, (float *)du));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(gt, dt, n * 4));
  CU(cuMemcpyDtoH_v2(gu, du, n * 4));
  cpu_two_steps(n, 1.5f, a, t, u);
  compare("two_steps t (exp, exp2, log2, log10, power, sin, cos polynomials)", gt, t, n, 1e-6f);
  compare("two_steps u (second launch)", gu, u, n, 1e-6f);
  cuMemFree_v2(da), cuMemFree_v2(dt), cuMemFree_v2(du);
  free(a), free(t), free(u), free(gt), free(gu);
}

static void check_f64_math(void) {
  /* The float64 polynomials on the GPU against the host build's libm
   * calls: within a few ulp (relative 1e-14), nan and infinities equal. */
  int n = 1000;
  float *af = randoms(n, 9);
  double *a = malloc(n * 8), *g = malloc(11 * n * 8), *c = malloc(11 * n * 8);
  for (int k = 0; k < n; ++k) a[k] = (double)af[k] * 1.25;
  CUdeviceptr da = 0, dt = 0;
  CU(cuMemAlloc_v2(&da, n * 8));
  CU(cuMemcpyHtoD_v2(da, a, n * 8));
  CU(cuMemAlloc_v2(&dt, 11 * n * 8));
  CU(f64_math(n, (const double *)da, (double *)dt));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(g, dt, 11 * n * 8));
  cpu_f64_math(n, a, c);
  size_t bad = 0, first = 0;
  for (size_t k = 0; k < (size_t)(11 * n); ++k) {
    int ok = (isnan(g[k]) && isnan(c[k])) || g[k] == c[k] ||
             (isfinite(c[k]) && fabs(g[k] - c[k]) <= 1e-14 * fabs(c[k]) + 1e-300);
    if (!ok && !bad++) first = k;
  }
  if (bad) {
    printf("FAIL f64_math (float64 exp, exp2, log, log2, log10, sigmoid, tanh, sin, cos, erf, power): %zu of %d differ; first [%zu]: gpu %.17g, cpu %.17g\n",
           bad, 11 * n, first, g[first], c[first]);
    ++failed;
  } else {
    printf("ok   f64_math (float64 exp, exp2, log, log2, log10, sigmoid, tanh, sin, cos, erf, power polynomials)\n");
    ++passed;
  }
  cuMemFree_v2(da), cuMemFree_v2(dt);
  free(af), free(a), free(g), free(c);
}

static void check_shared(void) {
  float *a = randoms(256, 6), *c = malloc(256 * 4), *g = malloc(256 * 4);
  CUdeviceptr da = upload(a, 256), dc;
  CU(cuMemAlloc_v2(&dc, 256 * 4));
  CU(block_reverse((const float *)da, (float *)dc));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(g, dc, 256 * 4));
  cpu_block_reverse(a, c);
  compare("block_reverse (shared + barrier)", g, c, 256, 0);
  cuMemFree_v2(da), cuMemFree_v2(dc);
  free(a), free(c), free(g);

  float *x = randoms(64 * 48, 7), *y = randoms(48 * 32, 8), *z = malloc(64 * 32 * 4), *gz = malloc(64 * 32 * 4);
  CUdeviceptr dx = upload(x, 64 * 48), dy = upload(y, 48 * 32), dz;
  CU(cuMemAlloc_v2(&dz, 64 * 32 * 4));
  CU(mm_shared((const float *)dx, (const float *)dy, (float *)dz));
  CU(cuCtxSynchronize());
  double t0 = seconds();
  for (int r = 0; r < 100; ++r) CU(mm_shared((const float *)dx, (const float *)dy, (float *)dz));
  CU(cuCtxSynchronize());
  double t = (seconds() - t0) / 100;
  CU(cuMemcpyDtoH_v2(gz, dz, 64 * 32 * 4));
  cpu_mm_shared(x, y, z);
  compare("mm_shared (shared tiles, barriers)", gz, z, 64 * 32, 1e-4f);
  printf("     mm_shared 64x48x32: %.2f GFLOP/s (launch-bound at this size)\n", 2.0 * 64 * 48 * 32 / t / 1e9);
  cuMemFree_v2(dx), cuMemFree_v2(dy), cuMemFree_v2(dz);
  free(x), free(y), free(z), free(gz);
}

static void check_test_bind(void) {
  float *a = randoms(1000, 9), *b = randoms(1000, 10), *c = malloc(1000 * 4), *g = malloc(1000 * 4);
  CUdeviceptr da = upload(a, 1000), db = upload(b, 1000), dc;
  CU(cuMemAlloc_v2(&dc, 2000 * 4));
  CU(vec_add((const float *)da, (const float *)db, (float *)dc));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(g, dc, 1000 * 4));
  cpu_vec_add(a, b, c);
  compare("test_bind vec_add", g, c, 1000, 0);
  float *m = randoms(32 * 8, 11);
  CUdeviceptr dm = upload(m, 32 * 8);
  CU(foo((const float *)dm, (float *)dc));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(g, dc, 32 * 4));
  cpu_foo(m, c);
  compare("test_bind foo (local accumulator)", g, c, 32, 1e-6f);
  float *big = randoms(2000, 12), *o = malloc(2000 * 4), *go = malloc(2000 * 4);
  CUdeviceptr dbig = upload(big, 2000), dout;
  CU(cuMemAlloc_v2(&dout, 2000 * 4));
  CU(max_threads((const float *)dbig, (float *)dout));
  CU(cuCtxSynchronize());
  CU(cuMemcpyDtoH_v2(go, dout, 2000 * 4));
  cpu_max_threads(big, o);
  compare("test_bind max_threads (1024 threads)", go, o, 2000, 0);
  cuMemFree_v2(da), cuMemFree_v2(db), cuMemFree_v2(dc), cuMemFree_v2(dm), cuMemFree_v2(dbig), cuMemFree_v2(dout);
  free(a), free(b), free(c), free(g), free(m), free(big), free(o), free(go);
}

int main(void) {
  int dev = 0;
  void *ctx = 0;
  char name[256] = "?";
  if (cuInit(0) || cuDeviceGet(&dev, 0) || cuCtxCreate_v2(&ctx, 0, dev)) {
    printf("gpu_check: no usable CUDA device\n");
    return 1;
  }
  cuDeviceGetName(name, sizeof name, dev);
  printf("gpu_check: %s\n", name);
  check_vadd();
  check_matmul();
  check_two_steps();
  check_f64_math();
  check_shared();
  check_test_bind();
  printf("gpu_check: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
