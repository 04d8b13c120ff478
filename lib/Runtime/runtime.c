//===- runtime.c - The hybridc runtime, linked into every object ---------===//
//
// Freestanding C (no libc headers), compiled to LLVM bitcode at build time
// for each CPU target with the arch's baseline ISA, embedded into the
// compiler, and linked into every generated module (RuntimeLinker.cpp).
// Every definition here becomes a linkonce_odr COMDAT there, so any number
// of hybridc objects share one copy of the handler pointer and the API.
//
// Public API (declared in every generated header, CONTRACT §4):
//   hybridc_set_error_handler, hybridc_set_num_threads.
// Internal entry points called by generated code carry the versioned prefix
// hybridc_rt_v1_: report_error, malloc, free, get_num_threads.
//
// Never abort, never exit; the only output is the default error handler's
// single write(2) to stderr.
//
//===----------------------------------------------------------------------===//

typedef int int32_t;
typedef unsigned long size_t;
typedef long ssize_t;

typedef void (*hybridc_error_handler_t)(const char *kernel, int32_t code,
                                        const char *message);

// libc entry points (declared here: the file is freestanding).
ssize_t write(int fd, const void *buf, size_t count);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void free(void *ptr);

// Shared state: one copy per program (linkonce_odr COMDAT after linking).
hybridc_error_handler_t hybridc_rt_v1_error_handler_ptr = 0;
int32_t hybridc_rt_v1_num_threads = 0;

void hybridc_set_error_handler(hybridc_error_handler_t handler) {
  __atomic_store_n(&hybridc_rt_v1_error_handler_ptr, handler, __ATOMIC_RELEASE);
}

void hybridc_set_num_threads(int32_t n) {
  __atomic_store_n(&hybridc_rt_v1_num_threads, n < 0 ? 0 : n, __ATOMIC_RELAXED);
}

int32_t hybridc_rt_v1_get_num_threads(void) {
  return __atomic_load_n(&hybridc_rt_v1_num_threads, __ATOMIC_RELAXED);
}

// Appends the NUL-terminated `s` to buf[*len..cap), truncating.
__attribute__((cold)) void hybridc_rt_v1_append(char *buf, size_t *len, size_t cap, const char *s) {
  if (!s) s = "(null)";
  while (*s && *len < cap) buf[(*len)++] = *s++;
}

// Error paths are cold: optimised for size, never inlined into kernels.

// Prints "hybridc: <kernel>: <message>\n" to stderr with one write(2), so
// that messages of concurrent kernels do not interleave.
__attribute__((cold)) void hybridc_rt_v1_default_error_handler(const char *kernel, int32_t code,
                                         const char *message) {
  (void)code;
  char buf[1024];
  size_t len = 0, cap = sizeof(buf) - 1;
  hybridc_rt_v1_append(buf, &len, cap, "hybridc: ");
  hybridc_rt_v1_append(buf, &len, cap, kernel);
  hybridc_rt_v1_append(buf, &len, cap, ": ");
  hybridc_rt_v1_append(buf, &len, cap, message);
  buf[len++] = '\n';
  size_t done = 0;
  while (done < len) {
    ssize_t n = write(2, buf + done, len - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
}

__attribute__((cold, noinline)) void hybridc_rt_v1_report_error(const char *kernel, int32_t code,
                                const char *message) {
  hybridc_error_handler_t handler =
      __atomic_load_n(&hybridc_rt_v1_error_handler_ptr, __ATOMIC_ACQUIRE);
  if (handler)
    handler(kernel, code, message);
  else
    hybridc_rt_v1_default_error_handler(kernel, code, message);
}

// Heap buffers of `allocate`: 64-byte aligned (cache lines, any vector
// width); a zero size still gets a unique pointer. Returns 0 on failure.
// Not inlined, so that the optimiser keeps knowing the result is fresh memory.
__attribute__((malloc, noinline)) void *hybridc_rt_v1_malloc(long long size) {
  void *p = 0;
  if (size < 0) return 0;
  if (posix_memalign(&p, 64, size ? (size_t)size : 1) != 0) return 0;
  return p;
}

void hybridc_rt_v1_free(void *p) { free(p); }
