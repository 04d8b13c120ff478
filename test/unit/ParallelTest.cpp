//===- ParallelTest.cpp - Parallel loops on the runtime's thread pool -----===//
//
// Kernels written in hybrid script are compiled in-process by the Driver,
// linked into C harnesses with pthreads and run on the host and on AArch64
// under qemu. The harnesses observe the thread pool from outside: a custom
// error handler counts reports, and an interposed posix_memalign (which
// every heap `allocate` inside a parallel body calls, on the thread that
// runs the iteration) records threads, sizes and live buffers. Checked:
// parallel results equal serial ones; private scalars and buffers; nested
// parallel loops run serially in one thread; an assert failing in many
// iterations is reported once and returns 1; hybridc_set_num_threads and
// HYBRIDC_NUM_THREADS (else the affinity mask) size the pool; the pool is
// shared by objects of different kernels and CPUs; it sleeps when idle;
// the outlined body is vector code with alias facts.
//
//===----------------------------------------------------------------------===//
#include "CodeGenTestUtil.h"

#include "hybridc/Driver/Driver.h"

#include <sstream>

using namespace cgtest;

namespace {

/// Compiles `source` (written to dir/<stem>.hy) to dir/<stem>.o and
/// dir/<stem>.h with the Driver; `extra` are more command-line options.
void compileHy(const TempDir &dir, const std::string &stem, const std::string &source,
               const std::string &target, std::vector<std::string> extra = {}) {
  dir.write(stem + ".hy", source);
  std::vector<std::string> args = {"hybridc", dir.file(stem + ".hy"), "-o", dir.file(stem + ".o")};
  args.insert(args.end(), {"--emit-header=" + dir.file(stem + ".h"), "--target", target});
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  int status = Driver(out, err).run(args);
  INFO("hybridc: " << err.str());
  REQUIRE(status == 0);
}

/// Links dir/main.c with the objects for `target`; returns the command that
/// runs the program (under qemu for AArch64).
std::string link(const TempDir &dir, const std::vector<std::string> &objects,
                 const std::string &target) {
  bool cross = target == "aarch64";
  if (cross) {
    REQUIRE(haveTool("aarch64-linux-gnu-gcc"));
    REQUIRE(haveTool("qemu-aarch64"));
  }
  std::string cmd = std::string(cross ? "aarch64-linux-gnu-gcc" : "cc") +
                    " -std=c99 -D_GNU_SOURCE -Wall -Werror -O1 -I" + dir.path + " " +
                    dir.file("main.c");
  for (const std::string &o : objects) cmd += " " + dir.file(o);
  cmd += " -o " + dir.file("t") + " -lm -lpthread 2>&1";
  std::string out;
  int rc = run(cmd, out);
  INFO("link: " << out);
  REQUIRE(rc == 0);
  return (cross ? "qemu-aarch64 -L /usr/aarch64-linux-gnu " : "") + dir.file("t");
}

/// Runs `cmd` (with `env` prepended, e.g. "HYBRIDC_NUM_THREADS=3"), with a
/// time limit: a hang fails the test instead of blocking it.
RunResult runWithTimeout(const TempDir &dir, const std::string &cmd, const std::string &env = "",
                         const std::string &args = "") {
  RunResult r;
  r.exitCode = run("env -u HYBRIDC_NUM_THREADS " + env + " timeout 120 " + cmd + " " + args +
                       " 2>" + dir.file("stderr"),
                   r.out);
  std::ifstream es(dir.file("stderr"));
  std::stringstream ss;
  ss << es.rdbuf();
  r.err = ss.str();
  return r;
}

/// An interposed posix_memalign/free: counts live heap buffers and records
/// (size, thread) of each allocation; `hy_slow_us` > 0 makes each
/// allocation sleep, so that iterations take long enough for every pool
/// thread to take some.
const char *kRecorder = R"(
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);
static pthread_mutex_t hy_lock = PTHREAD_MUTEX_INITIALIZER;
static int hy_live, hy_nrec, hy_slow_us;
static size_t hy_sizes[100000];
static pthread_t hy_threads[100000];
int posix_memalign(void **p, size_t al, size_t sz) {
  if (sz > ((size_t)1 << 30)) return 12;
  *p = __libc_memalign(al, sz);
  if (!*p) return 12;
  pthread_mutex_lock(&hy_lock);
  ++hy_live;
  if (hy_nrec < 100000) {
    hy_sizes[hy_nrec] = sz;
    hy_threads[hy_nrec++] = pthread_self();
  }
  pthread_mutex_unlock(&hy_lock);
  if (hy_slow_us) {
    struct timespec ts = {0, hy_slow_us * 1000L};
    nanosleep(&ts, NULL);
  }
  return 0;
}
void free(void *p) {
  if (!p) return;
  pthread_mutex_lock(&hy_lock);
  --hy_live;
  pthread_mutex_unlock(&hy_lock);
  __libc_free(p);
}
/* The number of distinct threads among the records [from, hy_nrec). */
__attribute__((unused)) static int hy_distinct(int from) {
  int n = 0;
  for (int i = from; i < hy_nrec; ++i) {
    int seen = 0;
    for (int j = from; j < i && !seen; ++j) seen = pthread_equal(hy_threads[i], hy_threads[j]);
    n += !seen;
  }
  return n;
}
)";

/// The same kernel twice: with `parallel` loops and with `range` loops.
/// Uses every kind of captured value (scalar parameters, a let value, a
/// loop variable of an enclosing serial loop, a buffer allocated outside,
/// a strided input's strides) and every kind of private state (scalars,
/// stack and heap buffers), a nested parallel loop and one starting at 1.
const char *kFeatures = R"(
def feat_KIND(n: int32, m: int32, a: float32[n, m], c: float32[m], s: float32):
    o = output_tensor((n, m), 'float32')
    r = output_tensor((n,), 'float32')
    q = output_tensor((m,), 'int32')
    big = allocate((n,), 'float32')
    for i in range(n):
        big[i] = float32(i)
    half = n // 2
    for t in range(2):
        for i in LOOP(n):
            acc = 0.0
            cnt = 0
            tmp = allocate((4,), 'float32', 'local')
            heap = allocate((m,), 'float32')
            for j in range(m):
                heap[j] = a[i, j] * s + big[i] + float32(t) + c[j]
            for k in range(4):
                tmp[k] = float32(k * half)
            for j in LOOP(m):
                o[i, j] = heap[j] + tmp[j % 4]
            for j in range(m):
                acc += heap[j]
                if heap[j] > 0.0:
                    cnt += 1
            r[i] = acc + float32(cnt)
    for j in LOOP(1, m):
        q[j] = j * half
    q[0] = -1
    return o, r, q
)";

std::string features() {
  std::string src;
  for (const char *kind : {"par", "ser"}) {
    std::string k = kFeatures;
    for (size_t p; (p = k.find("KIND")) != std::string::npos;) k.replace(p, 4, kind);
    for (size_t p; (p = k.find("LOOP")) != std::string::npos;)
      k.replace(p, 4, std::string(kind) == "par" ? "parallel" : "range");
    src += k;
  }
  return src;
}

const char *kFeaturesJson = R"({"feat_par": {"args": {"c": {"strides": true}}},
 "feat_ser": {"args": {"c": {"strides": true}}}})";

} // namespace

TEST_CASE("parallel: results equal the serial kernel's at any thread count", "[parallel]") {
  std::string harness = std::string(kRecorder) + R"(
#include <stdlib.h>
#include "k.h"
int main(void) {
  int n = 53, m = 31;
  float *a = malloc(sizeof(float) * n * m), c[62];
  for (int i = 0; i < n * m; ++i) a[i] = (float)((i * 7919) % 101) / 13.0f - 3.0f;
  for (int j = 0; j < 62; ++j) c[j] = j % 2 ? 1000.0f : (float)j / 8.0f;
  float *o1 = malloc(sizeof(float) * n * m), *o2 = malloc(sizeof(float) * n * m);
  float r1[53], r2[53];
  int32_t q1[31], q2[31];
  memset(o2, 0xA5, sizeof(float) * n * m); memset(r2, 0xA5, sizeof r2); memset(q2, 0xA5, sizeof q2);
  int rc1 = feat_ser(n, m, a, c, 2, 1.5f, o1, r1, q1);
  int threads[] = {1, 2, 3, 8, 0};
  for (int t = 0; t < 5; ++t) {
    hybridc_set_num_threads(threads[t]);
    for (int rep = 0; rep < 3; ++rep) {
      memset(o2, 0xA5, sizeof(float) * n * m); memset(r2, 0xA5, sizeof r2); memset(q2, 0xA5, sizeof q2);
      int rc2 = feat_par(n, m, a, c, 2, 1.5f, o2, r2, q2);
      int same = rc1 == 0 && rc2 == 0 && !memcmp(o1, o2, sizeof(float) * n * m) &&
                 !memcmp(r1, r2, sizeof r1) && !memcmp(q1, q2, sizeof q1);
      printf("threads %d: %s live %d\n", threads[t], same ? "same" : "DIFFERENT", hy_live);
    }
  }
  printf("q %d\n", q1[30]);
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    TempDir dir;
    dir.write("k.json", kFeaturesJson);
    compileHy(dir, "k", features(), target, {"-s", dir.file("k.json")});
    dir.write("main.c", harness);
    RunResult r = runWithTimeout(dir, link(dir, {"k.o"}, target));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::string want;
    for (int t : {1, 2, 3, 8, 0})
      for (int rep = 0; rep < 3; ++rep) want += "threads " + std::to_string(t) + ": same live 0\n";
    CHECK(r.out == want + "q 780\n"); // 30 * (53 // 2)
  }
}

TEST_CASE("parallel: a nested parallel loop runs serially in its thread", "[parallel]") {
  // Every inner iteration allocates (slowly, 1 ms) on the thread that runs
  // it. Three threads, two outer iterations: if the inner loops ran on the
  // pool, the third thread would take some of their iterations.
  const char *src = R"(
def nested(n: int32, m: int32):
    o = output_tensor((n, m), 'int32')
    for i in parallel(n):
        for j in parallel(m):
            t = allocate((m,), 'int32')
            t[j] = i * m + j
            o[i, j] = t[j]
    return o
)";
  std::string harness = std::string(kRecorder) + R"(
#include "k.h"
int main(void) {
  int32_t o[2 * 40];
  hybridc_set_num_threads(3);
  hy_slow_us = 1000;
  int rc = nested(2, 40, o);
  int ok = rc == 0;
  for (int k = 0; k < 80; ++k) ok &= o[k] == k;
  printf("rc %d ok %d records %d threads %d live %d per thread", rc, ok, hy_nrec, hy_distinct(0), hy_live);
  for (int x = 0; x < hy_nrec; ++x) {
    int first = 1, count = 0;
    for (int y = 0; y < hy_nrec; ++y) {
      if (pthread_equal(hy_threads[x], hy_threads[y])) {
        first &= y >= x;
        ++count;
      }
    }
    if (first) printf(" %d", count);
  }
  printf("\n");
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    TempDir dir;
    compileHy(dir, "k", src, target);
    dir.write("main.c", harness);
    RunResult r = runWithTimeout(dir, link(dir, {"k.o"}, target));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "rc 0 ok 1 records 80 threads 2 live 0 per thread 40 40\n");
  }
}

TEST_CASE("parallel: an assert failing in a parallel loop returns 1 and is reported once",
          "[parallel]") {
  const char *src = R"(
def checked(n: int32, first_bad: int32, a: int32[n]):
    b = output_tensor((n,), 'int32')
    outside = allocate((n,), 'int32')
    for i in parallel(n):
        tmp = allocate((n,), 'int32')
        tmp[i] = a[i]
        assert i < first_bad, "iteration past first_bad"
        outside[i] = tmp[i]
    for i in range(n):
        b[i] = outside[i]
    return b

def oom(n: int32, size: int64):
    b = output_tensor((n,), 'int32')
    for i in parallel(n):
        tmp = allocate((size,), 'int8')
        tmp[0] = int8(1)
        b[i] = int32(tmp[0])
    return b
)";
  std::string harness = std::string(kRecorder) + R"(
#include "k.h"
static int calls, lastCode = -1;
static char lastKernel[64], lastMsg[128];
static void handler(const char *k, int32_t code, const char *m) {
  __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
  lastCode = code;
  strncpy(lastKernel, k, 63);
  strncpy(lastMsg, m, 127);
}
int main(void) {
  static int32_t a[2000], b[2000];
  for (int i = 0; i < 2000; ++i) a[i] = i;
  hybridc_set_error_handler(handler);
  int threads[] = {1, 2, 4};
  int firsts[] = {0, 1000, 1999, 2000};
  for (int t = 0; t < 3; ++t) {
    hybridc_set_num_threads(threads[t]);
    for (int f = 0; f < 4; ++f) {
      int bad = 0;
      for (int rep = 0; rep < 20; ++rep) {
        calls = 0;
        int rc = checked(2000, firsts[f], a, b);
        int want = firsts[f] < 2000;
        if (rc != want || calls != want || hy_live != 0) bad++;
        if (want && (lastCode != 1 || strcmp(lastKernel, "checked") || strcmp(lastMsg, "iteration past first_bad"))) bad++;
        if (!want) for (int i = 0; i < 2000; ++i) bad += b[i] != i;
      }
      printf("threads %d first_bad %d: bad %d\n", threads[t], firsts[f], bad);
    }
    calls = 0;
    int rc = oom(100, (int64_t)1 << 31, b);
    printf("threads %d oom: rc %d calls %d code %d [%s] live %d\n", threads[t], rc, calls, lastCode, lastMsg, hy_live);
  }
  hybridc_set_error_handler(NULL);
  hybridc_set_num_threads(4);
  printf("default handler: rc %d\n", checked(2000, 3, a, b));
  return 0;
}
)";
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    TempDir dir;
    compileHy(dir, "k", src, target);
    dir.write("main.c", harness);
    RunResult r = runWithTimeout(dir, link(dir, {"k.o"}, target));
    REQUIRE(r.exitCode == 0);
    std::string want;
    for (int t : {1, 2, 4}) {
      for (int f : {0, 1000, 1999, 2000})
        want += "threads " + std::to_string(t) + " first_bad " + std::to_string(f) + ": bad 0\n";
      want += "threads " + std::to_string(t) +
              " oom: rc 3 calls 1 code 3 [out of memory allocating 'tmp'] live 0\n";
    }
    want += "default handler: rc 1\n";
    CHECK(r.out == want);
    CHECK(r.err == "hybridc: checked: iteration past first_bad\n");
  }
}

namespace {
/// Each iteration allocates (slowly): the recorder counts the threads.
const char *kCountThreads = R"(
def spread(n: int32):
    o = output_tensor((n,), 'int32')
    for i in parallel(n):
        t = allocate((n,), 'int32')
        t[i] = i
        o[i] = t[i]
    return o
)";

/// argv[1]: the thread counts to set in turn ("-" = don't call
/// hybridc_set_num_threads); argv[2] = "pin": restrict the process to its
/// first allowed CPU before the first parallel loop.
const char *kCountHarness = R"(
#include <sched.h>
#include <stdlib.h>
#include "k.h"
int main(int argc, char **argv) {
  int32_t o[48];
  cpu_set_t set;
  sched_getaffinity(0, sizeof set, &set);
  if (argc > 2 && !strcmp(argv[2], "pin")) {
    int first = 0;
    while (!CPU_ISSET(first, &set)) ++first;
    CPU_ZERO(&set);
    CPU_SET(first, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) { printf("cannot pin\n"); return 1; }
  }
  printf("cpus %d\n", CPU_COUNT(&set));
  hy_slow_us = 3000;
  for (const char *p = argv[1]; *p; ++p) {
    if (*p != '-') hybridc_set_num_threads(*p - '0');
    int from = hy_nrec;
    int rc = spread(48, o);
    int ok = rc == 0;
    for (int i = 0; i < 48; ++i) ok &= o[i] == i;
    printf("%c: ok %d threads %d\n", *p, ok, hy_distinct(from));
  }
  return 0;
}
)";
} // namespace

TEST_CASE("parallel: hybridc_set_num_threads and HYBRIDC_NUM_THREADS size the pool", "[parallel]") {
  for (const std::string &target : e2eTargets()) {
    INFO("target " << target);
    TempDir dir;
    compileHy(dir, "k", kCountThreads, target);
    dir.write("main.c", std::string(kRecorder) + kCountHarness);
    std::string exe = link(dir, {"k.o"}, target);

    // The API, in any order; 0 goes back to the default (the environment).
    RunResult r = runWithTimeout(dir, exe, "HYBRIDC_NUM_THREADS=2", "13210");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.substr(r.out.find('\n') + 1) ==
          "1: ok 1 threads 1\n3: ok 1 threads 3\n2: ok 1 threads 2\n1: ok 1 threads 1\n0: ok 1 "
          "threads 2\n");

    // The environment variable alone.
    r = runWithTimeout(dir, exe, "HYBRIDC_NUM_THREADS=3", "-");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.substr(r.out.find('\n') + 1) == "-: ok 1 threads 3\n");
    r = runWithTimeout(dir, exe, "HYBRIDC_NUM_THREADS=1", "-");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.substr(r.out.find('\n') + 1) == "-: ok 1 threads 1\n");

    // Neither: the CPUs of the affinity mask (all of them, or just one).
    r = runWithTimeout(dir, exe, "", "-");
    REQUIRE(r.exitCode == 0);
    std::vector<double> v = numbers(r.out.substr(5, r.out.find('\n') - 5));
    REQUIRE(v.size() == 1);
    int cpus = int(v[0]);
    CHECK(r.out.substr(r.out.find('\n') + 1) ==
          "-: ok 1 threads " + std::to_string(std::min(cpus, 48)) + "\n");
    r = runWithTimeout(dir, exe, "", "- pin");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "cpus 1\n-: ok 1 threads 1\n");
    // A malformed variable is ignored.
    r = runWithTimeout(dir, exe, "HYBRIDC_NUM_THREADS=lots", "- pin");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "cpus 1\n-: ok 1 threads 1\n");
  }
}

TEST_CASE("parallel: objects of different kernels and CPUs share one sleeping pool", "[parallel]") {
  const char *srcA = R"(
def scale_a(n: int32, a: float32[n]):
    o = output_tensor((n,), 'float32')
    for i in parallel(n):
        o[i] = a[i] * 2.0
    return o
)";
  const char *srcB = R"(
def scale_b(n: int32, a: float32[n]):
    o = output_tensor((n,), 'float32')
    for i in parallel(n):
        o[i] = a[i] + 1.0
    return o
)";
  const char *harness = R"(
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "a.h"
#include "b.h"
static int tasks(void) {
  DIR *d = opendir("/proc/self/task");
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}
/* utime + stime of the process, in clock ticks. */
static long cpuTicks(void) {
  char buf[1024];
  FILE *f = fopen("/proc/self/stat", "r");
  size_t len = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[len] = 0;
  char *p = strrchr(buf, ')');
  long ut = 0, st = 0;
  /* after the command: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
  sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &ut, &st);
  return ut + st;
}
int main(void) {
  int n = 1 << 20;
  float *a = malloc(sizeof(float) * n), *o = malloc(sizeof(float) * n);
  for (int i = 0; i < n; ++i) a[i] = (float)i;
  printf("before: %d\n", tasks());
  hybridc_set_num_threads(3);
  int bad = 0;
  for (int rep = 0; rep < 50; ++rep) {
    bad += scale_a(n, a, o) != 0;
    for (int i = 0; i < n; i += 4099) bad += o[i] != a[i] * 2;
    bad += scale_b(n, a, o) != 0;
    for (int i = 0; i < n; i += 4099) bad += o[i] != a[i] + 1;
  }
  printf("after: %d bad %d\n", tasks(), bad);
  /* Idle: the workers sleep, the process uses no CPU. */
  long t0 = cpuTicks();
  struct timespec ts = {0, 200 * 1000 * 1000};
  nanosleep(&ts, NULL);
  long idle = cpuTicks() - t0;
  printf("idle ticks ok: %d\n", idle <= 1);
  if (idle > 1) fprintf(stderr, "idle ticks %ld (tick %ld Hz)\n", idle, sysconf(_SC_CLK_TCK));
  return 0;
}
)";
  TempDir dir;
  compileHy(dir, "a", srcA, "host");
  compileHy(dir, "b", srcB, "x86_64", {"--mcpu", "haswell"});
  dir.write("main.c", harness);
  RunResult r = runWithTimeout(dir, link(dir, {"a.o", "b.o"}, "host"));
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  // One pool: the main thread and two workers, whichever object's code ran.
  CHECK(r.out == "before: 1\nafter: 3 bad 0\nidle ticks ok: 1\n");

  std::string out;
  for (const char *obj : {"a.o", "b.o"}) {
    REQUIRE(run("nm " + dir.file(obj), out) == 0);
    INFO(out);
    CHECK(out.find(" V hybridc_rt_v2_pool\n") != std::string::npos);
    CHECK(out.find(" W hybridc_rt_v2_parallel_for\n") != std::string::npos);
    CHECK(out.find(" W hybridc_rt_v2_worker\n") != std::string::npos);
  }
}

TEST_CASE("parallel: a forked child gets a pool of its own", "[parallel]") {
  // The child of a fork has only the forking thread: it must neither wait
  // for the parent's workers nor inherit a lock held by another thread
  // (here one is busy with parallel loops while the main thread forks).
  const char *src = R"(
def twice(n: int32, a: int32[n]):
    o = output_tensor((n,), 'int32')
    for i in parallel(n):
        o[i] = a[i] * 2
    return o
)";
  const char *harness = R"(
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "k.h"
enum { N = 100000 };
static int32_t a[N];
static int tasks(void) {
  DIR *d = opendir("/proc/self/task");
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}
static int check(int32_t *o) {
  if (twice(N, a, o)) return 0;
  for (int i = 0; i < N; ++i)
    if (o[i] != 2 * i) return 0;
  return 1;
}
static volatile int stop;
static void *busy(void *arg) {
  int32_t *o = malloc(sizeof(int32_t) * N);
  int ok = 1;
  while (!stop) ok &= check(o);
  free(o);
  return ok ? arg : NULL;
}
int main(void) {
  static int32_t o[N];
  for (int i = 0; i < N; ++i) a[i] = i;
  hybridc_set_num_threads(2);
  int ok = check(o);
  printf("parent: ok %d tasks %d\n", ok, tasks());
  pthread_t t;
  pthread_create(&t, NULL, busy, (void *)1);
  int children = 0;
  for (int k = 0; k < 20; ++k) {
    pid_t pid = fork();
    if (pid == 0) {
      hybridc_set_num_threads(3);
      int before = tasks();
      int ok = check(o) && check(o);
      _exit(ok && before == 1 && tasks() == 3 ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    children += WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  stop = 1;
  void *busyOk = NULL;
  pthread_join(t, &busyOk);
  printf("children ok: %d, busy thread ok %d, parent ok %d\n", children, busyOk != NULL, check(o));
  return 0;
}
)";
  TempDir dir;
  compileHy(dir, "k", src, "host");
  dir.write("main.c", harness);
  RunResult r = runWithTimeout(dir, link(dir, {"k.o"}, "host"));
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(r.out == "parent: ok 1 tasks 2\nchildren ok: 20, busy thread ok 1, parent ok 1\n");
}

TEST_CASE("parallel: the outlined body is internal, vectorized and keeps alias facts",
          "[parallel]") {
  const char *src = R"(
def axpy(n: int32, a: float32[n], b: float32[n], s: float32):
    o = output_tensor((n,), 'float32')
    for i in parallel(n):
        o[i] = a[i] * s + b[i]
    return o
)";
  TempDir dir;
  dir.write("k.hy", src);
  std::ostringstream out, err;
  REQUIRE(Driver(out, err).run({"hybridc", dir.file("k.hy"), "--target", "x86_64",
                                "--emit-ir=" + dir.file("k.ll")}) == 0);
  std::ifstream is(dir.file("k.ll"));
  std::stringstream ss;
  ss << is.rdbuf();
  std::string ir = ss.str();
  INFO(ir);
  CHECK(ir.find("call i32 @hybridc_rt_v2_parallel_for(ptr nonnull @axpy.par.i, ptr nonnull "
                "%axpy.par.i.closure, i32 %n)") != std::string::npos);
  size_t def =
      ir.find("define internal noundef i32 @axpy.par.i(ptr noalias nocapture nonnull readonly");
  REQUIRE(def != std::string::npos);
  std::string body = ir.substr(def, ir.find("\n}\n", def) - def);
  CHECK(body.find("<4 x float>") != std::string::npos); // SSE2 vectors
  CHECK(body.find("!alias.scope") != std::string::npos);
  CHECK(body.find("vector.memcheck") == std::string::npos); // no run-time alias checks
  CHECK(ir.find("@axpy.par.i.body") == std::string::npos);  // inlined
}
