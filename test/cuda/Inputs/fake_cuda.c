/*===- fake_cuda.c - A test double of libcuda for the cuda target's host code -===//
 *
 * Built as libcuda.so and linked in place of NVIDIA's driver library: it
 * implements the five driver entry points the hybridc runtime calls and
 * writes one line per call to $FAKE_CUDA_LOG (append mode), so tests can
 * check module loads per context, launch dimensions, the stream and every
 * kernel argument. It also has the few calls a program makes around them
 * (samples/cuda/main.c, test/gpu/gpu_check.c: cuInit, cuDeviceGet,
 * cuDeviceGetName, cuCtxCreate, cuMemAlloc and copies in host memory,
 * cuCtxSynchronize); kernels are not run, so their
 * outputs are what the buffers held:
 *   ctx <id>                                       cuCtxGetCurrent
 *   load ctx=<id> entries=<names...>               cuModuleLoadData (names from the PTX)
 *   launch <entry> grid=X,Y,Z block=X,Y,Z stream=<p> args=<v>,<v>,...
 * Arguments are printed from the PTX parameter types of the entry: .u32 as
 * a decimal, .u64 as 0x..., .f32 as %g. Behaviour from the environment:
 *   FAKE_CUDA_NO_CONTEXT=1   cuCtxGetCurrent gives no context
 *   FAKE_CUDA_FAIL=launch|load|function   that call fails (error 700 / 200 / 500)
 * The context is per thread: FAKE_CUDA_CONTEXT=<n> (default 1); a thread
 * may call fake_cuda_set_context(n) to change its own.
 *
 *===----------------------------------------------------------------------===*/
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread long threadContext;

void fake_cuda_set_context(long id) { threadContext = id; }

static void logLine(const char *line) {
  const char *path = getenv("FAKE_CUDA_LOG");
  if (!path) return;
  pthread_mutex_lock(&lock);
  FILE *f = fopen(path, "a");
  if (f) {
    fputs(line, f);
    fputc('\n', f);
    fclose(f);
  }
  pthread_mutex_unlock(&lock);
}

static int failing(const char *what) {
  const char *f = getenv("FAKE_CUDA_FAIL");
  return f && strcmp(f, what) == 0;
}

int cuCtxGetCurrent(void **ctx) {
  const char *none = getenv("FAKE_CUDA_NO_CONTEXT");
  long id = threadContext;
  if (!id) id = getenv("FAKE_CUDA_CONTEXT") ? atol(getenv("FAKE_CUDA_CONTEXT")) : 1;
  *ctx = none && *none == '1' ? 0 : (void *)(intptr_t)id;
  return 0;
}

/* A module: the PTX text it was loaded from, and its context. */
struct Module {
  char *ptx;
  long ctx;
};

int cuModuleLoadData(void **module, const void *image) {
  if (failing("load")) return 200; /* CUDA_ERROR_INVALID_IMAGE */
  void *ctx;
  cuCtxGetCurrent(&ctx);
  struct Module *m = malloc(sizeof *m);
  m->ptx = strdup((const char *)image);
  m->ctx = (long)(intptr_t)ctx;
  char line[4096];
  int n = snprintf(line, sizeof line, "load ctx=%ld entries=", m->ctx);
  for (const char *p = m->ptx; (p = strstr(p, ".entry ")) != 0;) {
    p += 7;
    const char *e = strchr(p, '(');
    if (!e) break;
    n += snprintf(line + n, sizeof line - (size_t)n, "%.*s ", (int)(e - p), p);
  }
  logLine(line);
  *module = m;
  return 0;
}

struct Function {
  struct Module *module;
  char name[256];
};

int cuModuleGetFunction(void **function, void *module, const char *name) {
  if (failing("function")) return 500; /* CUDA_ERROR_NOT_FOUND */
  struct Module *m = module;
  char pattern[300];
  snprintf(pattern, sizeof pattern, ".entry %s(", name);
  if (!strstr(m->ptx, pattern)) return 500;
  struct Function *f = malloc(sizeof *f);
  f->module = m;
  snprintf(f->name, sizeof f->name, "%s", name);
  *function = f;
  return 0;
}

int cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                   unsigned shared, void *stream, void **params, void **extra) {
  (void)shared;
  (void)extra;
  if (failing("launch")) return 700; /* CUDA_ERROR_ILLEGAL_ADDRESS */
  struct Function *f = function;
  char line[4096];
  int n = snprintf(line, sizeof line, "launch %s grid=%u,%u,%u block=%u,%u,%u stream=%p args=", f->name, gx, gy, gz,
                   bx, by, bz, stream);
  /* The entry's parameter list in the PTX gives the types. */
  char pattern[300];
  snprintf(pattern, sizeof pattern, ".entry %s(", f->name);
  const char *p = strstr(f->module->ptx, pattern);
  const char *end = p ? strchr(p, ')') : 0;
  int k = 0;
  while (p && (p = strstr(p, ".param .")) != 0 && p < end) {
    p += 8;
    void *v = params[k++];
    if (!strncmp(p, "u32", 3) || !strncmp(p, "b32", 3))
      n += snprintf(line + n, sizeof line - (size_t)n, "%s%d", k > 1 ? "," : "", *(int32_t *)v);
    else if (!strncmp(p, "f32", 3))
      n += snprintf(line + n, sizeof line - (size_t)n, "%s%g", k > 1 ? "," : "", *(float *)v);
    else if (!strncmp(p, "f64", 3))
      n += snprintf(line + n, sizeof line - (size_t)n, "%s%g", k > 1 ? "," : "", *(double *)v);
    else if (!strncmp(p, "u8", 2) || !strncmp(p, "b8", 2))
      n += snprintf(line + n, sizeof line - (size_t)n, "%s%d", k > 1 ? "," : "", *(uint8_t *)v);
    else if (!strncmp(p, "u16", 3) || !strncmp(p, "b16", 3))
      n += snprintf(line + n, sizeof line - (size_t)n, "%s%d", k > 1 ? "," : "", *(uint16_t *)v);
    else
      n += snprintf(line + n, sizeof line - (size_t)n, "%s0x%llx", k > 1 ? "," : "",
                    (unsigned long long)*(uint64_t *)v);
  }
  logLine(line);
  return 0;
}

int cuGetErrorString(int error, const char **text) {
  switch (error) {
  case 200: *text = "device kernel image is invalid"; return 0;
  case 500: *text = "named symbol not found"; return 0;
  case 700: *text = "an illegal memory access was encountered"; return 0;
  default: *text = 0; return 1; /* CUDA_ERROR_INVALID_VALUE */
  }
}

/* Around the launches: a program's set-up, with "device" memory in host memory. */
typedef unsigned long long CUdeviceptr;
int cuInit(unsigned flags) { return flags ? 1 : 0; }
int cuDeviceGet(int *dev, int ordinal) {
  *dev = ordinal;
  return 0;
}
int cuCtxCreate_v2(void **ctx, unsigned flags, int dev) {
  (void)flags;
  (void)dev;
  long id = getenv("FAKE_CUDA_CONTEXT") ? atol(getenv("FAKE_CUDA_CONTEXT")) : 1;
  fake_cuda_set_context(id);
  *ctx = (void *)(intptr_t)id;
  logLine("create");
  return 0;
}
int cuCtxSynchronize(void) { return 0; }
int cuDeviceGetName(char *name, int len, int dev) {
  snprintf(name, (size_t)len, "fake device %d", dev);
  return 0;
}
int cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
  void *m = calloc(1, bytes ? bytes : 1);
  *p = (CUdeviceptr)(uintptr_t)m;
  return m ? 0 : 2; /* CUDA_ERROR_OUT_OF_MEMORY */
}
int cuMemFree_v2(CUdeviceptr p) {
  free((void *)(uintptr_t)p);
  return 0;
}
int cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes) {
  memcpy((void *)(uintptr_t)dst, src, bytes);
  return 0;
}
int cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes) {
  memcpy(dst, (const void *)(uintptr_t)src, bytes);
  return 0;
}
