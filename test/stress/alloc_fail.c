/*===- alloc_fail.c - Kernels under allocation failures, from many threads -===//
 *
 * Usage: alloc_fail THREADS CALLS EVERY. Interposes posix_memalign (what the
 * runtime's hybridc_rt_v2_malloc calls for `allocate`d heap buffers) so that
 * every EVERY-th allocation, counted over all threads, fails. THREADS user
 * threads each call the parallel kernels of Inputs/stress_kernels.hy CALLS
 * times: `rowsum` allocates a buffer in every iteration of its parallel
 * loop (some of them fail while the others are running), `guarded` fails its
 * assert in many parallel iterations. Every call must either succeed with
 * the right result or return its code (3 out of memory, 1 assert) and reach
 * the error handler exactly once, on the calling thread, with the message.
 * Built with AddressSanitizer, so LeakSanitizer fails the run if a failed
 * call leaks a buffer. Prints "alloc_fail OK: ..." and exits 0, or
 * describes the first failure and exits 1.
 *
 *===----------------------------------------------------------------------===*/
#include "stress_kernels.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long every;
static long counter; /* allocations so far, all threads (atomic) */
static long injected;

int posix_memalign(void **p, size_t align, size_t n) {
  long k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
  if (every && k % every == 0) {
    __atomic_add_fetch(&injected, 1, __ATOMIC_RELAXED);
    return ENOMEM;
  }
  size_t size = (n + align - 1) / align * align;
  *p = aligned_alloc(align, size ? size : align);
  return *p ? 0 : ENOMEM;
}

static int calls;
static long oomSeen, assertSeen, okSeen;
static __thread int handlerCalls;
static __thread int lastCode;
static __thread char lastMessage[128];

static void handler(const char *kernel, int32_t code, const char *message) {
  ++handlerCalls;
  lastCode = code;
  snprintf(lastMessage, sizeof lastMessage, "%s: %s", kernel, message);
}

static void fail(int thread, int call, const char *what) {
  fprintf(stderr, "alloc_fail FAIL: thread %d call %d: %s (last message: %s)\n", thread, call, what,
          lastMessage);
  exit(1);
}

static void *user(void *arg) {
  int id = (int)(long)arg;
  unsigned seed = 777u + 104729u * (unsigned)id;
  enum { MaxN = 64, MaxM = 200 };
  float *a = malloc(sizeof(float) * MaxN * MaxM), *r = malloc(sizeof(float) * MaxN);
  int32_t *ia = malloc(sizeof(int32_t) * MaxN * MaxM), *io = malloc(sizeof(int32_t) * MaxN * MaxM);
  for (int k = 0; k < MaxN * MaxM; ++k) {
    a[k] = (float)(k % 17) - 8.0f;
    ia[k] = k % 50;
  }
  for (int c = 0; c < calls; ++c) {
    seed = seed * 1103515245u + 12345u;
    int n = 1 + (int)((seed >> 8) % MaxN), m = 1 + (int)((seed >> 16) % MaxM);
    handlerCalls = 0;
    lastMessage[0] = 0;
    int32_t rc;
    if (c % 4 != 3) {
      rc = rowsum(n, m, a, r);
      if (rc == 0) {
        for (int i = 0; i < n; ++i) {
          float want = 0;
          for (int j = 0; j < m; ++j) want += a[i * m + j] * 2.0f;
          if (r[i] != want) fail(id, c, "rowsum result differs");
        }
        if (handlerCalls != 0) fail(id, c, "the handler ran for a call that succeeded");
        __atomic_add_fetch(&okSeen, 1, __ATOMIC_RELAXED);
        continue;
      }
      if (rc != 3) fail(id, c, "rowsum returned neither 0 nor 3");
      if (handlerCalls != 1 || lastCode != 3 || !strstr(lastMessage, "out of memory allocating 't'"))
        fail(id, c, "an out-of-memory return without exactly one report of it");
      __atomic_add_fetch(&oomSeen, 1, __ATOMIC_RELAXED);
    } else {
      int32_t limit = c % 8 == 3 ? 0 : 1000; /* every other one fails its assert, in every iteration */
      rc = guarded(n * m, limit, ia, io);
      if (limit == 1000) {
        if (rc != 0 || handlerCalls != 0) fail(id, c, "guarded failed without reason");
        for (int k = 0; k < n * m; ++k)
          if (io[k] != ia[k] + 1) fail(id, c, "guarded result differs");
        continue;
      }
      if (rc != 1 || handlerCalls != 1 || lastCode != 1 || !strstr(lastMessage, "value over the limit"))
        fail(id, c, "a failing assert without rc 1 and exactly one report");
      __atomic_add_fetch(&assertSeen, 1, __ATOMIC_RELAXED);
    }
  }
  free(a);
  free(r);
  free(ia);
  free(io);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: alloc_fail THREADS CALLS EVERY\n");
    return 2;
  }
  int threads = atoi(argv[1]);
  calls = atoi(argv[2]);
  every = atol(argv[3]);
  hybridc_set_error_handler(handler);
  pthread_t t[64];
  if (threads < 1 || threads > 64) return 2;
  for (int k = 0; k < threads; ++k) pthread_create(&t[k], 0, user, (void *)(long)k);
  for (int k = 0; k < threads; ++k) pthread_join(t[k], 0);
  if (oomSeen == 0 || okSeen == 0 || assertSeen == 0) {
    fprintf(stderr, "alloc_fail FAIL: too few cases: %ld ok, %ld out of memory, %ld asserts\n", okSeen, oomSeen,
            assertSeen);
    return 1;
  }
  printf("alloc_fail OK: %d threads x %d calls: %ld succeeded, %ld out of memory (%ld allocations failed), "
         "%ld failing asserts, each reported once\n",
         threads, calls, okSeen, oomSeen, injected, assertSeen);
  return 0;
}
