/* Calls TVM's test_bind kernels (cuda target) against the libcuda double. */
#include "test_bind.h"

#include <stdint.h>
#include <stdio.h>

#define DEV(p) ((void *)(uintptr_t)(p))

int main(void) {
  int rc = vec_add(DEV(0x1000), DEV(0x2000), DEV(0x3000)) | foo(DEV(0x4000), DEV(0x5000)) |
           max_threads(DEV(0x6000), DEV(0x7000));
  printf("rc %d\n", rc);
  return rc;
}
