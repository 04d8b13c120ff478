/*===- runtime_tsan_driver.c - The pool under ThreadSanitizer -------------===//
 *
 * runtime_tsan.test compiles lib/Runtime/runtime.c as ordinary C with
 * -fsanitize=thread and links it with this driver, which plays the part of
 * generated code: outlined bodies (body, inner) that run nested parallel
 * loops and report errors through the runtime, called by 8 user threads
 * at once while thread 0 keeps changing the thread count. Any data race
 * in the pool makes ThreadSanitizer fail the run.
 *
 *===----------------------------------------------------------------------===*/
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef int32_t (*body_t)(void *, int32_t, int32_t);
int32_t hybridc_rt_v2_parallel_for(body_t body, void *closure, int32_t extent);
void hybridc_rt_v2_report_error(const char *kernel, int32_t code, const char *message);
void hybridc_set_num_threads(int32_t n);
void hybridc_set_error_handler(void (*h)(const char *, int32_t, const char *));

struct closure {
  int *out;
  int limit;
};

static int32_t inner(void *c, int32_t begin, int32_t end) {
  struct closure *k = c;
  for (int i = begin; i < end; ++i) k->out[i] += 1;
  return 0;
}

static int32_t body(void *c, int32_t begin, int32_t end) {
  struct closure *k = c;
  for (int i = begin; i < end; ++i) {
    if (i >= k->limit) {
      hybridc_rt_v2_report_error("k", 1, "over the limit");
      return 1;
    }
    k->out[i] = i;
    struct closure in = {k->out + i, 0};
    int32_t rc = hybridc_rt_v2_parallel_for(inner, &in, 1);
    if (rc) return rc;
  }
  return 0;
}

static __thread int calls;
static void handler(const char *k, int32_t code, const char *m) {
  (void)k, (void)code, (void)m;
  ++calls;
}

static void *user(void *arg) {
  int id = (int)(long)arg;
  int *out = malloc(sizeof(int) * 5000);
  for (int r = 0; r < 300; ++r) {
    int n = 1 + (r * 97 + id * 13) % 5000;
    int fail = r % 7 == 0;
    struct closure k = {out, fail ? n / 2 : n};
    calls = 0;
    int32_t rc = hybridc_rt_v2_parallel_for(body, &k, n);
    if (rc != fail || calls != fail) {
      printf("FAIL: rc %d, %d handler calls\n", (int)rc, calls);
      exit(1);
    }
    for (int i = 0; !fail && i < n; ++i)
      if (out[i] != i + 1) {
        printf("FAIL: out[%d] = %d\n", i, out[i]);
        exit(1);
      }
    if (id == 0 && r % 10 == 0) hybridc_set_num_threads(r % 5);
  }
  free(out);
  return 0;
}

int main(void) {
  hybridc_set_error_handler(handler);
  pthread_t t[8];
  for (int i = 0; i < 8; ++i) pthread_create(&t[i], 0, user, (void *)(long)i);
  for (int i = 0; i < 8; ++i) pthread_join(t[i], 0);
  printf("tsan driver OK\n");
  return 0;
}
