/*===- stress.c - Many user threads calling parallel kernels at once ------===//
 *
 * Usage: stress THREADS CALLS. Each user thread calls the kernels of
 * Inputs/stress_kernels.hy and Inputs/stress_other.hy (two objects, one
 * shared pool) CALLS times with sizes from its own random sequence, and
 * checks every result against C. One in five `guarded` calls fails its
 * assert in many iterations: it must return 1 and reach the error handler
 * exactly once, on the calling thread. Thread 0 keeps changing
 * hybridc_set_num_threads (1..4, 0 = default) under the others. A watchdog
 * (alarm) kills a hung run. Afterwards the idle pool must use no CPU time
 * over 200 ms (/proc/self/stat). Prints "stress OK: ..." and exits 0, or
 * describes the first failure and exits 1.
 *
 *===----------------------------------------------------------------------===*/
#include "stress_kernels.h"
#include "stress_other.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int calls;
static int failures; /* failing asserts checked, all threads */
static __thread int handlerCalls;
static __thread char lastMessage[128];

static void handler(const char *kernel, int32_t code, const char *message) {
  (void)kernel;
  ++handlerCalls;
  snprintf(lastMessage, sizeof lastMessage, "%s/%d/%s", kernel, (int)code, message);
}

static void fail(int thread, int call, const char *what) {
  fprintf(stderr, "stress FAIL: thread %d call %d: %s\n", thread, call, what);
  exit(1);
}

static int near(float got, float want) { return fabsf(got - want) <= 1e-5f * fabsf(want) + 1e-5f; }

static void *user(void *arg) {
  int id = (int)(long)arg;
  unsigned seed = 12345u + 7919u * (unsigned)id;
  enum { MaxN = 3000 };
  float *a = malloc(sizeof(float) * MaxN), *b = malloc(sizeof(float) * MaxN);
  float *o = malloc(sizeof(float) * MaxN);
  int32_t *ia = malloc(sizeof(int32_t) * MaxN), *io = malloc(sizeof(int32_t) * MaxN);
  for (int k = 0; k < MaxN; ++k) {
    a[k] = (float)((k * 37 + id) % 101) / 7.0f;
    b[k] = (float)(k % 13) - 6.0f;
    ia[k] = k;
  }
  for (int c = 0; c < calls; ++c) {
    seed = seed * 1103515245u + 12345u;
    int n = 1 + (int)((seed >> 8) % MaxN);
    if (id == 0 && c % 25 == 0) hybridc_set_num_threads((c / 25) % 5);
    switch (c % 5) {
    case 0: {
      float s = (float)(c % 7) - 3.0f;
      if (saxpy(n, a, b, s, o)) fail(id, c, "saxpy returned non-zero");
      for (int i = 0; i < n; ++i)
        if (!near(o[i], a[i] * s + b[i])) fail(id, c, "saxpy result");
      break;
    }
    case 1: {
      int m = 1 + n % 17, rows = n / m;
      if (rowsum(rows, m, a, o)) fail(id, c, "rowsum returned non-zero");
      for (int i = 0; i < rows; ++i) {
        float acc = 0;
        for (int j = 0; j < m; ++j) acc += a[i * m + j] * 2.0f;
        if (!near(o[i], acc)) fail(id, c, "rowsum result");
      }
      break;
    }
    case 2: {
      int m = 1 + n % 23, rows = n / m;
      if (nested(rows, m, a, o)) fail(id, c, "nested returned non-zero");
      for (int i = 0; i < rows * m; ++i)
        if (!near(o[i], a[i] + (float)i)) fail(id, c, "nested result");
      break;
    }
    case 3: {
      if (shift(n, a, o)) fail(id, c, "shift returned non-zero");
      for (int i = 0; i < n; ++i)
        if (!near(o[i], a[i] - 3.0f)) fail(id, c, "shift result");
      break;
    }
    case 4: {
      int failing = (c / 5) % 5 == 0;
      int limit = failing ? n / 3 : n;
      handlerCalls = 0;
      int rc = guarded(n, limit, ia, io);
      if (rc != failing) fail(id, c, "guarded returned the wrong code");
      if (handlerCalls != failing) fail(id, c, "the handler was not called exactly once");
      if (failing) {
        if (strcmp(lastMessage, "guarded/1/value over the limit")) fail(id, c, lastMessage);
        __atomic_add_fetch(&failures, 1, __ATOMIC_RELAXED);
      } else {
        for (int i = 0; i < n; ++i)
          if (io[i] != i + 1) fail(id, c, "guarded result");
      }
      break;
    }
    }
  }
  free(a), free(b), free(o), free(ia), free(io);
  return NULL;
}

/* utime + stime of the process, in clock ticks. */
static long cpuTicks(void) {
  char buf[1024];
  FILE *f = fopen("/proc/self/stat", "r");
  if (!f) return 0;
  size_t len = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[len] = 0;
  char *p = strrchr(buf, ')');
  long ut = 0, st = 0;
  if (p) sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &ut, &st);
  return ut + st;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 8;
  calls = argc > 2 ? atoi(argv[2]) : 1000;
  if (threads < 1 || threads > 64 || calls < 1) {
    fprintf(stderr, "usage: stress THREADS CALLS\n");
    return 2;
  }
  alarm(280); /* a hang is a failure, not a stuck test run */
  hybridc_set_error_handler(handler);
  pthread_t t[64];
  for (int i = 0; i < threads; ++i)
    if (pthread_create(&t[i], NULL, user, (void *)(long)i)) fail(i, -1, "pthread_create");
  for (int i = 0; i < threads; ++i) pthread_join(t[i], NULL);

  long before = cpuTicks();
  struct timespec ts = {0, 200 * 1000 * 1000};
  nanosleep(&ts, NULL);
  long idle = cpuTicks() - before;
  if (idle > 1) {
    fprintf(stderr, "stress FAIL: %ld clock ticks of CPU time while idle\n", idle);
    return 1;
  }
  printf(
      "stress OK: %d threads x %d calls, %d failing asserts reported once each, idle afterwards\n",
      threads, calls, failures);
  return 0;
}
