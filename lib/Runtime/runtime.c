//===- runtime.c - The hybridc runtime, linked into every object ---------===//
//
// Freestanding C (no libc headers), compiled to LLVM bitcode at build time
// for each CPU target with the arch's baseline ISA, then to assembly
// (RuntimeAsmGen.cpp), embedded into the compiler, and appended to every
// generated module (lib/CodeGen/RuntimeLinker.cpp). Every definition here
// becomes a linkonce_odr COMDAT there, so any number
// of hybridc objects share one copy of the state (the handler pointer, the
// thread count, the thread pool) and of the API.
//
// Public API (declared in every generated header, docs/contract.md §4):
//   hybridc_set_error_handler, hybridc_set_num_threads.
// Internal entry points called by generated code carry the versioned prefix
// hybridc_rt_v2_: report_error, malloc, free, get_num_threads, parallel_for.
// The layout of the shared state is part of the "v2": a change to it needs
// a new prefix, or objects of two hybridc versions would share it wrongly
// (v1 became v2 when the pool gained polling workers and guided chunks).
//
// The thread pool: one per process, created on the first parallel loop that
// wants more than one thread. A worker with nothing to do polls for a new
// job for HYBRIDC_SPIN_NS (0.1 ms: a kernel called again right away finds
// its workers awake) and then sleeps on a condition variable. A parallel
// loop is a job on its caller's stack, put in a queue; workers join queued
// jobs, and every participant (the caller included) claims chunks of
// iterations from the job's atomic counter, each 1/threads of what is left
// (guided scheduling). The caller always works on its own job, so several
// user threads calling kernels at once all make progress even when every
// worker is busy elsewhere; it then waits until the workers that joined its
// job are done. A parallel loop inside a parallel loop (on a worker or on a
// participating caller: a thread-local pointer to the current job) runs
// serially in that thread. Errors reported inside a job are recorded in
// the job (the first one wins) and handed to the error handler once, by
// the caller, after the join.
//
// Never abort, never exit; the only output is the default error handler's
// single write(2) to stderr.
//
//===----------------------------------------------------------------------===//

typedef int int32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
typedef unsigned long size_t;
typedef long ssize_t;

typedef void (*hybridc_error_handler_t)(const char *kernel, int32_t code, const char *message);

// libc entry points (declared here: the file is freestanding).
ssize_t write(int fd, const void *buf, size_t count);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void free(void *ptr);
char *getenv(const char *name);
int sched_getaffinity(int pid, size_t size, void *mask);
long sysconf(int name);
struct hybridc_rt_v2_timespec {
  long long tv_sec, tv_nsec; // struct timespec on 64-bit Linux
};
int clock_gettime(int clock, struct hybridc_rt_v2_timespec *ts);
#define HYBRIDC_CLOCK_MONOTONIC 1 // Linux, every arch

// pthreads. The objects are opaque storage at least as large and as aligned
// as pthread_mutex_t (40 bytes on x86-64, 48 on AArch64) and pthread_cond_t
// (48) in glibc and musl; all-zero bytes are PTHREAD_MUTEX_INITIALIZER and
// PTHREAD_COND_INITIALIZER in both.
typedef union {
  char bytes[64];
  long long align;
} hybridc_rt_v2_mutex_t;
typedef union {
  char bytes[64];
  long long align;
} hybridc_rt_v2_cond_t;
typedef unsigned long pthread_t;
int pthread_mutex_lock(hybridc_rt_v2_mutex_t *m);
int pthread_mutex_unlock(hybridc_rt_v2_mutex_t *m);
int pthread_cond_wait(hybridc_rt_v2_cond_t *c, hybridc_rt_v2_mutex_t *m);
int pthread_cond_signal(hybridc_rt_v2_cond_t *c);
int pthread_cond_broadcast(hybridc_rt_v2_cond_t *c);
int pthread_create(pthread_t *thread, const void *attr, void *(*start)(void *), void *arg);
int pthread_detach(pthread_t thread);
int pthread_sigmask(int how, const void *set, void *old);
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
#define HYBRIDC_SIG_SETMASK 2          // Linux, every arch
#define HYBRIDC_SC_NPROCESSORS_ONLN 84 // glibc and musl

//===--- Shared state: one copy per program ---------------------------------===//

hybridc_error_handler_t hybridc_rt_v2_error_handler_ptr = 0;
// hybridc_set_num_threads; 0 = the default.
int32_t hybridc_rt_v2_num_threads = 0;
// The default: HYBRIDC_NUM_THREADS, else the CPUs we may run on; 0 = not known yet.
int32_t hybridc_rt_v2_default_threads = 0;

void hybridc_set_error_handler(hybridc_error_handler_t handler) {
  __atomic_store_n(&hybridc_rt_v2_error_handler_ptr, handler, __ATOMIC_RELEASE);
}

void hybridc_set_num_threads(int32_t n) {
  __atomic_store_n(&hybridc_rt_v2_num_threads, n < 0 ? 0 : n, __ATOMIC_RELAXED);
}

//===--- Errors ---------------------------------------------------------------===//

// Appends the NUL-terminated `s` to buf[*len..cap), truncating.
__attribute__((cold)) void hybridc_rt_v2_append(char *buf, size_t *len, size_t cap, const char *s) {
  if (!s) s = "(null)";
  while (*s && *len < cap) buf[(*len)++] = *s++;
}

// Error paths are cold: optimised for size, never inlined into kernels.

// Prints "hybridc: <kernel>: <message>\n" to stderr with one write(2), so
// that messages of concurrent kernels do not interleave.
__attribute__((cold)) void hybridc_rt_v2_default_error_handler(const char *kernel, int32_t code,
                                                               const char *message) {
  (void)code;
  char buf[1024];
  size_t len = 0, cap = sizeof(buf) - 1;
  hybridc_rt_v2_append(buf, &len, cap, "hybridc: ");
  hybridc_rt_v2_append(buf, &len, cap, kernel);
  hybridc_rt_v2_append(buf, &len, cap, ": ");
  hybridc_rt_v2_append(buf, &len, cap, message);
  buf[len++] = '\n';
  size_t done = 0;
  while (done < len) {
    ssize_t n = write(2, buf + done, len - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
}

// Hands an error to the user's handler (or the default one).
__attribute__((cold, noinline)) void hybridc_rt_v2_deliver_error(const char *kernel, int32_t code,
                                                                 const char *message) {
  hybridc_error_handler_t handler =
      __atomic_load_n(&hybridc_rt_v2_error_handler_ptr, __ATOMIC_ACQUIRE);
  if (handler)
    handler(kernel, code, message);
  else
    hybridc_rt_v2_default_error_handler(kernel, code, message);
}

//===--- Heap buffers -----------------------------------------------------------===//

// Heap buffers of `allocate`: 64-byte aligned (cache lines, any vector
// width); a zero size still gets a unique pointer. Returns 0 on failure.
// Not inlined, so that the optimiser keeps knowing the result is fresh memory.
__attribute__((malloc, noinline)) void *hybridc_rt_v2_malloc(long long size) {
  void *p = 0;
  if (size < 0) return 0;
  if (posix_memalign(&p, 64, size ? (size_t)size : 1) != 0) return 0;
  return p;
}

void hybridc_rt_v2_free(void *p) { free(p); }

//===--- The thread pool --------------------------------------------------------===//

// The outlined body of a parallel loop: runs iterations [begin, end) and
// returns 0, or the non-zero code of the first failure (then it stops).
typedef int32_t (*hybridc_rt_v2_body_t)(void *closure, int32_t begin, int32_t end);

// One parallel loop in flight, on its caller's stack.
struct hybridc_rt_v2_job {
  hybridc_rt_v2_body_t body;
  void *closure;
  int64_t extent;
  int64_t next;        // atomic: the first iteration not handed out yet
  int64_t active;      // pool threads still running chunks (atomic; changed under the lock)
  int32_t failed;      // atomic: the first non-zero code a body returned
  int32_t max_workers; // pool threads that may join (the caller is not one)
  int32_t joined;      // pool threads that joined (under the pool lock)
  int32_t queued;      // in the pool's queue (under the lock)
  int32_t err_claimed; // atomic: an error report was recorded
  int32_t err_code;
  const char *err_kernel, *err_message; // string constants of the object
  struct hybridc_rt_v2_job *next_job;   // the queue (under the lock)
};

struct hybridc_rt_v2_pool {
  hybridc_rt_v2_mutex_t lock;
  hybridc_rt_v2_cond_t work;             // workers wait here for a job
  hybridc_rt_v2_cond_t done;             // callers wait here for their job's workers
  struct hybridc_rt_v2_job *head, *tail; // jobs that accept workers
  int32_t workers;                       // threads created
  int32_t idle;                          // threads waiting on `work`
  int32_t atfork;                        // the fork handlers are registered
  int32_t spinning;                      // threads polling `posted` (under the lock)
  int64_t posted;                        // atomic: jobs queued so far
};

struct hybridc_rt_v2_pool hybridc_rt_v2_pool = {0};

// The job this thread is running chunks of (0 outside parallel loops).
_Thread_local struct hybridc_rt_v2_job *hybridc_rt_v2_current_job = 0;

// At most this many threads per parallel loop.
#define HYBRIDC_MAX_THREADS 256

// Errors raised inside a parallel body are recorded in the job (the first
// one wins) and delivered once after the join; elsewhere they go straight
// to the handler.
__attribute__((cold, noinline)) void hybridc_rt_v2_report_error(const char *kernel, int32_t code,
                                                                const char *message) {
  struct hybridc_rt_v2_job *job = hybridc_rt_v2_current_job;
  if (!job) {
    hybridc_rt_v2_deliver_error(kernel, code, message);
    return;
  }
  if (__atomic_exchange_n(&job->err_claimed, 1, __ATOMIC_ACQ_REL)) return;
  job->err_code = code;
  job->err_kernel = kernel;
  job->err_message = message;
}

// A positive decimal number, or 0.
__attribute__((cold)) int32_t hybridc_rt_v2_parse_count(const char *s) {
  if (!s) return 0;
  while (*s == ' ' || *s == '\t') ++s;
  int64_t v = 0;
  if (*s < '0' || *s > '9') return 0;
  while (*s >= '0' && *s <= '9') {
    v = v * 10 + (*s++ - '0');
    if (v > HYBRIDC_MAX_THREADS) v = HYBRIDC_MAX_THREADS;
  }
  while (*s == ' ' || *s == '\t' || *s == '\n') ++s;
  return *s ? 0 : (int32_t)v;
}

// The CPUs in this process's affinity mask (CPU_COUNT of sched_getaffinity),
// else the online CPUs, else 1.
__attribute__((cold, noinline)) int32_t hybridc_rt_v2_count_cpus(void) {
  uint64_t mask[128]; // 8192 CPUs
  for (size_t words = 16; words <= 128; words *= 2) {
    for (size_t i = 0; i < words; ++i) mask[i] = 0;
    if (sched_getaffinity(0, words * sizeof(uint64_t), mask) != 0) continue;
    int32_t n = 0;
    for (size_t i = 0; i < words; ++i)
      for (uint64_t w = mask[i]; w; w &= w - 1) ++n;
    if (n > 0) return n;
  }
  long n = sysconf(HYBRIDC_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int32_t)n : 1;
}

// The number of threads a parallel loop uses now (the caller included).
int32_t hybridc_rt_v2_get_num_threads(void) {
  int32_t n = __atomic_load_n(&hybridc_rt_v2_num_threads, __ATOMIC_RELAXED);
  if (n <= 0) {
    n = __atomic_load_n(&hybridc_rt_v2_default_threads, __ATOMIC_RELAXED);
    if (n <= 0) {
      // Computed once; concurrent first callers compute the same value.
      n = hybridc_rt_v2_parse_count(getenv("HYBRIDC_NUM_THREADS"));
      if (n <= 0) n = hybridc_rt_v2_count_cpus();
      __atomic_store_n(&hybridc_rt_v2_default_threads, n, __ATOMIC_RELAXED);
    }
  }
  return n > HYBRIDC_MAX_THREADS ? HYBRIDC_MAX_THREADS : n;
}

// Runs chunks of `job` until none is left or an iteration failed.
void hybridc_rt_v2_run_chunks(struct hybridc_rt_v2_job *job) {
  struct hybridc_rt_v2_job *saved = hybridc_rt_v2_current_job;
  hybridc_rt_v2_current_job = job;
  for (;;) {
    if (__atomic_load_n(&job->failed, __ATOMIC_RELAXED)) break;
    // Guided: each claim takes 1/threads of what is left (rounded up), so
    // that the first chunks are large (few claims, long contiguous runs for
    // the body's loops and caches) and the last ones small (a thread that
    // started late or ran slower is waited for one small chunk at most).
    int64_t threads = job->max_workers + 1;
    int64_t begin = __atomic_load_n(&job->next, __ATOMIC_RELAXED), end = 0;
    do {
      if (begin >= job->extent) break;
      end = begin + (job->extent - begin + threads - 1) / threads;
    } while (!__atomic_compare_exchange_n(&job->next, &begin, end, 1, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    if (begin >= job->extent) break;
    int32_t code = job->body(job->closure, (int32_t)begin, (int32_t)end);
    if (code) {
      int32_t none = 0;
      __atomic_compare_exchange_n(&job->failed, &none, code, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
      break;
    }
  }
  hybridc_rt_v2_current_job = saved;
}

// Whether `job` has iterations left to hand out.
int hybridc_rt_v2_job_open(struct hybridc_rt_v2_job *job) {
  return !__atomic_load_n(&job->failed, __ATOMIC_RELAXED) &&
         __atomic_load_n(&job->next, __ATOMIC_RELAXED) < job->extent;
}

// Removes `job` from the queue. Under the lock.
void hybridc_rt_v2_dequeue(struct hybridc_rt_v2_job *job) {
  struct hybridc_rt_v2_pool *pool = &hybridc_rt_v2_pool;
  if (!job->queued) return;
  struct hybridc_rt_v2_job *prev = 0, *j = pool->head;
  while (j && j != job) {
    prev = j;
    j = j->next_job;
  }
  if (j) {
    if (prev)
      prev->next_job = j->next_job;
    else
      pool->head = j->next_job;
    if (pool->tail == j) pool->tail = prev;
  }
  job->next_job = 0;
  job->queued = 0;
}

// How long a thread polls before it sleeps on a condition variable: a
// worker after its last chunk (kernels called back to back find it awake,
// instead of paying a futex wake-up, tens of microseconds on a VM, per
// call), and a caller waiting for its job's workers to finish.
#define HYBRIDC_SPIN_NS 100000

// Monotonic nanoseconds.
int64_t hybridc_rt_v2_now_ns(void) {
  struct hybridc_rt_v2_timespec ts = {0, 0};
  clock_gettime(HYBRIDC_CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// A pause in a polling loop (frees the core's resources for its SMT sibling).
static inline void hybridc_rt_v2_relax(void) {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __builtin_arm_yield();
#endif
}

// Polls until (*word == value) == equal, or the clock passes `deadline`;
// returns whether it got there.
int hybridc_rt_v2_poll(const int64_t *word, int64_t value, int equal, int64_t deadline) {
  for (;;) {
    for (int i = 0; i < 64; ++i) {
      if ((__atomic_load_n(word, __ATOMIC_ACQUIRE) == value) == equal) return 1;
      hybridc_rt_v2_relax();
    }
    if (hybridc_rt_v2_now_ns() >= deadline) return 0;
  }
}

// A pool thread: runs chunks of queued jobs; with nothing to do it polls for
// a new job for HYBRIDC_SPIN_NS, then sleeps until a caller signals it.
void *hybridc_rt_v2_worker(void *arg) {
  (void)arg;
  struct hybridc_rt_v2_pool *pool = &hybridc_rt_v2_pool;
  int64_t spin_until = 0; // polling allowed until then (0: sleep when idle)
  pthread_mutex_lock(&pool->lock);
  for (;;) {
    struct hybridc_rt_v2_job *job = pool->head;
    while (job && !hybridc_rt_v2_job_open(job)) {
      struct hybridc_rt_v2_job *exhausted = job;
      job = job->next_job;
      hybridc_rt_v2_dequeue(exhausted);
    }
    if (!job) {
      if (spin_until) {
        // Callers do not signal a polling worker: they count on it seeing
        // `posted` change; it looks at the queue again under the lock either
        // way, so no job is missed when it gives up at the deadline.
        int64_t seen = __atomic_load_n(&pool->posted, __ATOMIC_RELAXED);
        ++pool->spinning;
        pthread_mutex_unlock(&pool->lock);
        if (!hybridc_rt_v2_poll(&pool->posted, seen, 0, spin_until)) spin_until = 0;
        pthread_mutex_lock(&pool->lock);
        --pool->spinning;
        continue;
      }
      ++pool->idle;
      pthread_cond_wait(&pool->work, &pool->lock);
      --pool->idle;
      continue;
    }
    ++job->joined;
    __atomic_add_fetch(&job->active, 1, __ATOMIC_RELAXED);
    if (job->joined >= job->max_workers) hybridc_rt_v2_dequeue(job);
    pthread_mutex_unlock(&pool->lock);
    hybridc_rt_v2_run_chunks(job);
    spin_until = hybridc_rt_v2_now_ns() + HYBRIDC_SPIN_NS;
    pthread_mutex_lock(&pool->lock);
    // The caller may return as soon as it sees 0 (without the lock): `job`
    // is not touched after this.
    if (__atomic_sub_fetch(&job->active, 1, __ATOMIC_ACQ_REL) == 0)
      pthread_cond_broadcast(&pool->done);
  }
  return 0;
}

// fork(): the pool is consistent in the child (the lock is held across the
// fork), where only the forking thread exists: the child starts with an
// empty pool and creates its own workers when it needs them.
void hybridc_rt_v2_before_fork(void) { pthread_mutex_lock(&hybridc_rt_v2_pool.lock); }
void hybridc_rt_v2_after_fork_parent(void) { pthread_mutex_unlock(&hybridc_rt_v2_pool.lock); }
void hybridc_rt_v2_after_fork_child(void) {
  struct hybridc_rt_v2_pool fresh = {0};
  fresh.atfork = 1;
  hybridc_rt_v2_pool = fresh;
}

// Creates pool threads until there are `n` (or creation fails). Under the
// lock. Workers start with every signal blocked, so that signals go to the
// user's threads.
void hybridc_rt_v2_grow_pool(int32_t n) {
  struct hybridc_rt_v2_pool *pool = &hybridc_rt_v2_pool;
  if (pool->workers >= n) return;
  if (!pool->atfork)
    pool->atfork = pthread_atfork(hybridc_rt_v2_before_fork, hybridc_rt_v2_after_fork_parent,
                                  hybridc_rt_v2_after_fork_child) == 0;
  uint64_t all[16], old[16]; // sigset_t is 128 bytes in glibc
  for (int i = 0; i < 16; ++i) all[i] = ~(uint64_t)0;
  int masked = pthread_sigmask(HYBRIDC_SIG_SETMASK, all, old) == 0;
  while (pool->workers < n) {
    pthread_t t;
    if (pthread_create(&t, 0, hybridc_rt_v2_worker, 0) != 0) break;
    pthread_detach(t);
    ++pool->workers;
  }
  if (masked) pthread_sigmask(HYBRIDC_SIG_SETMASK, old, 0);
}

// Runs body(closure, begin, end) over chunks covering [0, extent) on the
// pool and returns 0, or the code of the first failure (after every thread
// that took part has finished; no chunk is handed out after a failure).
__attribute__((noinline)) int32_t hybridc_rt_v2_parallel_for(hybridc_rt_v2_body_t body,
                                                             void *closure, int32_t extent) {
  if (extent <= 0) return 0;
  // Nested: serially, in this thread; errors go to the enclosing job.
  if (hybridc_rt_v2_current_job) return body(closure, 0, extent);

  struct hybridc_rt_v2_job job = {0};
  job.body = body;
  job.closure = closure;
  job.extent = extent;
  int32_t threads = hybridc_rt_v2_get_num_threads();
  if (threads > extent) threads = extent;
  job.max_workers = threads - 1;

  struct hybridc_rt_v2_pool *pool = &hybridc_rt_v2_pool;
  if (job.max_workers > 0) {
    pthread_mutex_lock(&pool->lock);
    hybridc_rt_v2_grow_pool(job.max_workers);
    if (pool->workers > 0) {
      job.queued = 1;
      if (pool->tail)
        pool->tail->next_job = &job;
      else
        pool->head = &job;
      pool->tail = &job;
      __atomic_add_fetch(&pool->posted, 1, __ATOMIC_RELEASE);
      // Polling workers see `posted` change; sleeping ones need a signal.
      int32_t wake = job.max_workers - pool->spinning;
      if (wake > 0 && pool->idle > 0) {
        if (wake >= pool->idle)
          pthread_cond_broadcast(&pool->work);
        else
          for (int32_t i = 0; i < wake; ++i) pthread_cond_signal(&pool->work);
      }
    }
    pthread_mutex_unlock(&pool->lock);
  }

  hybridc_rt_v2_run_chunks(&job);

  if (job.max_workers > 0) {
    pthread_mutex_lock(&pool->lock);
    hybridc_rt_v2_dequeue(&job); // no worker joins from now on
    pthread_mutex_unlock(&pool->lock);
    // The workers that joined are finishing their last chunks: poll a while
    // before sleeping.
    if (!hybridc_rt_v2_poll(&job.active, 0, 1, hybridc_rt_v2_now_ns() + HYBRIDC_SPIN_NS)) {
      pthread_mutex_lock(&pool->lock);
      while (__atomic_load_n(&job.active, __ATOMIC_ACQUIRE) > 0)
        pthread_cond_wait(&pool->done, &pool->lock);
      pthread_mutex_unlock(&pool->lock);
    }
  }

  if (__atomic_load_n(&job.err_claimed, __ATOMIC_ACQUIRE)) {
    hybridc_rt_v2_deliver_error(job.err_kernel, job.err_code, job.err_message);
    return job.err_code ? job.err_code : job.failed;
  }
  return job.failed;
}

//===--- CUDA launches (--target cuda, docs/cuda.md) --------------------------===//

// The CUDA driver API entry points used (libcuda; the program links -lcuda).
// Handles are opaque pointers, CUresult an int: the ABI of cuda.h.
int cuCtxGetCurrent(void **ctx);
int cuModuleLoadData(void **module, const void *image);
int cuModuleGetFunction(void **function, void *module, const char *name);
int cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                   unsigned bz, unsigned sharedBytes, void *stream, void **params, void **extra);
int cuGetErrorString(int error, const char **text);

// One per object file (a zeroed global the generated code passes in): the
// module loaded from the object's PTX in each CUDA context that launched one
// of its kernels. A context past the table's end loads its own module on
// every launch (correct, only slower).
#define HYBRIDC_CUDA_CONTEXTS 16
struct hybridc_rt_v2_cuda_cache {
  hybridc_rt_v2_mutex_t lock;
  int32_t count;
  void *ctx[HYBRIDC_CUDA_CONTEXTS];
  void *module[HYBRIDC_CUDA_CONTEXTS];
};

__attribute__((cold)) int32_t hybridc_rt_v2_cuda_fail(const char *kernel, const char *call,
                                                      int result) {
  const char *text = 0;
  if (cuGetErrorString(result, &text) != 0 || !text) text = "unknown CUDA error";
  char msg[256];
  size_t len = 0, cap = sizeof(msg) - 1;
  hybridc_rt_v2_append(msg, &len, cap, call);
  hybridc_rt_v2_append(msg, &len, cap, " failed: ");
  hybridc_rt_v2_append(msg, &len, cap, text);
  msg[len] = 0;
  hybridc_rt_v2_report_error(kernel, 4, msg);
  return 4;
}

// Launches `entry` of the object's PTX in the calling thread's current
// context on `stream` (0: the default stream). Returns 0, or 4 after
// reporting the driver's error (or the lack of a current context).
int32_t hybridc_rt_v2_cuda_launch(const char *kernel, const char *ptx,
                                  struct hybridc_rt_v2_cuda_cache *cache, const char *entry,
                                  int64_t gx, int64_t gy, int64_t gz, int64_t bx, int64_t by,
                                  int64_t bz, void *stream, void **params) {
  if (gx <= 0 || gy <= 0 || gz <= 0 || bx <= 0 || by <= 0 || bz <= 0) return 0; // an empty range
  const int64_t big = 0x7fffffffLL;
  if (gx > big || gy > big || gz > big || bx > big || by > big || bz > big) {
    hybridc_rt_v2_report_error(kernel, 4, "a grid or block extent over 2^31 - 1");
    return 4;
  }
  void *ctx = 0;
  int r = cuCtxGetCurrent(&ctx);
  if (r) return hybridc_rt_v2_cuda_fail(kernel, "cuCtxGetCurrent", r);
  if (!ctx) {
    hybridc_rt_v2_report_error(kernel, 4,
                               "no current CUDA context (make one current before the call)");
    return 4;
  }
  void *module = 0, *own = 0;
  pthread_mutex_lock(&cache->lock);
  for (int32_t k = 0; k < cache->count; ++k)
    if (cache->ctx[k] == ctx) module = cache->module[k];
  if (!module) {
    r = cuModuleLoadData(&module, ptx);
    if (r) {
      pthread_mutex_unlock(&cache->lock);
      return hybridc_rt_v2_cuda_fail(kernel, "cuModuleLoadData", r);
    }
    if (cache->count < HYBRIDC_CUDA_CONTEXTS) {
      cache->ctx[cache->count] = ctx;
      cache->module[cache->count] = module;
      ++cache->count;
    } else {
      own = module; // not cached: this launch's only
    }
  }
  pthread_mutex_unlock(&cache->lock);
  (void)own;
  void *function = 0;
  r = cuModuleGetFunction(&function, module, entry);
  if (r) return hybridc_rt_v2_cuda_fail(kernel, "cuModuleGetFunction", r);
  r = cuLaunchKernel(function, (unsigned)gx, (unsigned)gy, (unsigned)gz, (unsigned)bx, (unsigned)by,
                     (unsigned)bz, 0, stream, params, 0);
  if (r) return hybridc_rt_v2_cuda_fail(kernel, "cuLaunchKernel", r);
  return 0;
}
