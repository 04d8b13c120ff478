/* samples/cuda/main.c - the cuda samples on the GPU, checked against the CPU
 * build of the same .hy files.
 *
 * The Makefile compiles each sample twice: for the GPU (--target cuda:
 * vadd.o, matmul.o, softmax.o and their headers) and for this CPU
 * (--symbol-prefix cpu_: the cpu_*.o objects). The kernels' C calls are the
 * same; on the GPU their pointers are device pointers, and the caller owns
 * the CUDA context (hybridc's code uses the current one). Only the driver
 * API is used (libcuda, -lcuda); its few functions are declared below, so
 * no CUDA toolkit header is needed. Prints one line per sample and exits 1
 * on a mismatch. */
#include "cpu_matmul.h"
#include "cpu_softmax.h"
#include "cpu_vadd.h"
#include "matmul.h"
#include "softmax.h"
#include "vadd.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef unsigned long long CUdeviceptr;
int cuInit(unsigned flags);
int cuDeviceGet(int *dev, int ordinal);
int cuCtxCreate_v2(void **ctx, unsigned flags, int dev);
int cuCtxSynchronize(void);
int cuMemAlloc_v2(CUdeviceptr *p, size_t bytes);
int cuMemFree_v2(CUdeviceptr p);
int cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes);
int cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes);

static int failures;

static void check(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "cuda sample: %s failed\n", what);
    exit(1);
  }
}

static float *randoms(size_t n, unsigned seed) {
  float *p = malloc(n * sizeof(float));
  check(p != NULL, "malloc");
  for (size_t k = 0; k < n; ++k) {
    seed = seed * 1103515245u + 12345u;
    p[k] = (float)((seed >> 8) % 2001) / 1000.0f - 1.0f;
  }
  return p;
}

static CUdeviceptr upload(const float *h, size_t n) {
  CUdeviceptr d = 0;
  check(cuMemAlloc_v2(&d, n * sizeof(float)) == 0, "cuMemAlloc");
  if (h) check(cuMemcpyHtoD_v2(d, h, n * sizeof(float)) == 0, "cuMemcpyHtoD");
  return d;
}

static float *download(CUdeviceptr d, size_t n) {
  float *h = malloc(n * sizeof(float));
  check(h != NULL && cuMemcpyDtoH_v2(h, d, n * sizeof(float)) == 0, "cuMemcpyDtoH");
  return h;
}

/* The largest |gpu - cpu| / (1 + |cpu|); counts a failure above `tol`. */
static double compare(const char *name, const float *gpu, const float *cpu, size_t n, double tol) {
  double worst = 0;
  for (size_t k = 0; k < n; ++k) {
    double e = fabs((double)gpu[k] - cpu[k]) / (1.0 + fabs(cpu[k]));
    if (!(e <= worst)) worst = e;
  }
  if (!(worst <= tol)) {
    printf("%s: MISMATCH, worst relative difference %.3g (tolerance %.3g)\n", name, worst, tol);
    ++failures;
  }
  return worst;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Seconds per call of `run` on the GPU (after a warm-up call). */
#define TIME(seconds, reps, call)                                                                  \
  do {                                                                                             \
    check((call) == 0 && cuCtxSynchronize() == 0, #call);                                          \
    double t0_ = now();                                                                            \
    for (int r_ = 0; r_ < (reps); ++r_) check((call) == 0, #call);                                 \
    check(cuCtxSynchronize() == 0, "cuCtxSynchronize");                                            \
    (seconds) = (now() - t0_) / (reps);                                                            \
  } while (0)

int main(void) {
  int dev;
  void *ctx;
  if (cuInit(0) != 0 || cuDeviceGet(&dev, 0) != 0) {
    printf("cuda samples: no CUDA device (cuInit/cuDeviceGet failed)\n");
    return 1;
  }
  check(cuCtxCreate_v2(&ctx, 0, dev) == 0, "cuCtxCreate");
  double s;

  /* vadd: n = 2^24 + 3 (the last block partly guarded off). */
  int32_t n = (1 << 24) + 3;
  float *a = randoms(n, 1), *b = randoms(n, 2), *c = malloc(n * sizeof(float));
  CUdeviceptr da = upload(a, n), db = upload(b, n), dc = upload(NULL, n);
  TIME(s, 20, vadd(n, (const float *)da, (const float *)db, (float *)dc));
  float *g = download(dc, n);
  check(cpu_vadd(n, a, b, c) == 0, "cpu_vadd");
  double e = compare("vadd", g, c, n, 0);
  printf("vadd (split + bind by schedule): n = %d, max difference %.3g, %.1f GB/s\n", n, e,
         3.0 * n * sizeof(float) / s * 1e-9);
  free(g), free(c), free(a), free(b);
  cuMemFree_v2(da), cuMemFree_v2(db), cuMemFree_v2(dc);

  /* matmul 512 x 512 x 512 through shared tiles. */
  size_t mm = 512 * 512;
  a = randoms(mm, 3), b = randoms(mm, 4), c = malloc(mm * sizeof(float));
  da = upload(a, mm), db = upload(b, mm), dc = upload(NULL, mm);
  TIME(s, 10, matmul((const float *)da, (const float *)db, (float *)dc));
  g = download(dc, mm);
  check(cpu_matmul(a, b, c) == 0, "cpu_matmul");
  e = compare("matmul", g, c, mm, 1e-4);
  printf("matmul (shared tiles, bind by schedule): 512^3, max difference %.3g, %.1f GFLOP/s\n", e,
         2.0 * 512 * 512 * 512 / s * 1e-9);
  free(g), free(c), free(a), free(b);
  cuMemFree_v2(da), cuMemFree_v2(db), cuMemFree_v2(dc);

  /* softmax of 64 rows of 256. */
  size_t sm = 64 * 256;
  a = randoms(sm, 5), c = malloc(sm * sizeof(float));
  da = upload(a, sm), dc = upload(NULL, sm);
  TIME(s, 10, softmax_rows((const float *)da, (float *)dc));
  g = download(dc, sm);
  check(cpu_softmax_rows(a, c) == 0, "cpu_softmax_rows");
  e = compare("softmax", g, c, sm, 1e-5);
  printf("softmax (a block per row, shared-memory reductions): 64 x 256, max difference %.3g\n", e);
  free(g), free(c), free(a);
  cuMemFree_v2(da), cuMemFree_v2(dc);

  printf("cuda samples: %s\n", failures ? "FAILED" : "all match their CPU build");
  return failures ? 1 : 0;
}
