/*===- launch.c - The cuda target's host code against the libcuda double ---===//
 *
 * Usage: launch basic | threads | errors. Calls the kernels of kernels.hy
 * (compiled with --target cuda) linked with fake_cuda.c's libcuda, which
 * logs every driver call to $FAKE_CUDA_LOG; the .test files check that log
 * and this program's stdout with FileCheck. Pointers are fake device
 * addresses (the double never dereferences them).
 *   basic    one call of each kernel (default stream and NAME_on_stream),
 *            an empty launch (n = 0), a negative size (returns 2)
 *   threads  8 threads x 50 calls in two contexts: one module load each
 *   errors   calls under FAKE_CUDA_* failures: the return code and the
 *            message the error handler got
 *
 *===----------------------------------------------------------------------===*/
#include "kernels.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fake_cuda_set_context(long id);

#define DEV(p) ((void *)(uintptr_t)(p))

static void handler(const char *kernel, int32_t code, const char *message) {
  printf("handler: %s %d %s\n", kernel, (int)code, message);
}

static void *worker(void *arg) {
  long id = (long)arg;
  fake_cuda_set_context(1 + id % 2);
  for (int k = 0; k < 50; ++k)
    if (vadd(1000, DEV(0x1000), DEV(0x2000), DEV(0x3000)) != 0) {
      printf("thread %ld: vadd failed\n", id);
      exit(1);
    }
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "basic";
  hybridc_set_error_handler(handler);
  if (!strcmp(mode, "basic")) {
    printf("vadd %d\n", (int)vadd(1000, DEV(0x1000), DEV(0x2000), DEV(0x3000)));
    printf("vadd_on_stream %d\n", (int)vadd_on_stream(1000, DEV(0x1000), DEV(0x2000), DEV(0x3000), DEV(0x77)));
    printf("vadd empty %d\n", (int)vadd(0, DEV(0x1000), DEV(0x2000), DEV(0x3000)));
    printf("vadd negative %d\n", (int)vadd(-5, DEV(0x1000), DEV(0x2000), DEV(0x3000)));
    printf("vadd null %d\n", (int)vadd(8, DEV(0x1000), 0, DEV(0x3000)));
    printf("matmul %d\n", (int)matmul(DEV(0xa000), DEV(0xb000), DEV(0xc000)));
    printf("two_steps %d\n", (int)two_steps(300, 2.5f, DEV(0xd000), DEV(0xe000), DEV(0xf000)));
    return 0;
  }
  if (!strcmp(mode, "threads")) {
    pthread_t t[8];
    for (long k = 0; k < 8; ++k) pthread_create(&t[k], 0, worker, (void *)k);
    for (int k = 0; k < 8; ++k) pthread_join(t[k], 0);
    printf("threads done\n");
    return 0;
  }
  if (!strcmp(mode, "errors")) {
    printf("vadd %d\n", (int)vadd(1000, DEV(0x1000), DEV(0x2000), DEV(0x3000)));
    return 0;
  }
  return 2;
}
