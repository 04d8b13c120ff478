/* main.c - the consumer project's program: calls both kernels (built by
 * add_hybridc_kernel, one with --symbol-prefix) and checks them against C
 * loops. Prints "consumer: ok" and exits 0 when they agree. */
#include "saxpy_kernel.h"
#include "scale_kernel.h"

#include <stdio.h>

int main(void) {
  float a[16][8], w[16], out[16][8], x[100], y0[100], y[100];
  for (int i = 0; i < 16; ++i) {
    w[i] = (float)(i + 1);
    for (int j = 0; j < 8; ++j) a[i][j] = (float)(i * 8 + j) * 0.5f;
  }
  for (int i = 0; i < 100; ++i) {
    x[i] = (float)i;
    y0[i] = 1.0f;
  }
  if (scale_rows(&a[0][0], w, &out[0][0]) != 0 || t_saxpy(2.0f, x, y0, y) != 0) {
    printf("consumer: a kernel failed\n");
    return 1;
  }
  int bad = 0;
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 8; ++j) bad += out[i][j] != a[i][j] * w[i];
  for (int i = 0; i < 100; ++i) bad += y[i] != 2.0f * x[i] + 1.0f;
  printf("consumer: out[3][4] = %g, y[10] = %g, %d mismatches: %s\n", out[3][4], y[10], bad,
         bad ? "FAIL" : "ok");
  return bad != 0;
}
