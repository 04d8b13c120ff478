/* outer_product.c - driver for samples/outer_product.hy: c[i][j] = a[i] * b[j].
 *
 * Fills a (100) and b (99) deterministically, calls the kernel, compares
 * with a plain C double loop and prints one line. Exit status 0 when they
 * agree, 1 otherwise.
 *
 *   hybridc outer_product.hy -s outer_product.json -o outer_product.o --emit-header
 *   cc outer_product.c outer_product.o -o outer_product -lm -lpthread && ./outer_product
 */
#include "outer_product.h"

#include <math.h>
#include <stdio.h>

enum { M = 100, N = 99 };

int main(void) {
  static float a[M], b[N], c[M][N];
  for (int i = 0; i < M; ++i) a[i] = (float)(i % 13) - 6.0f;
  for (int j = 0; j < N; ++j) b[j] = 0.125f * (float)(j % 17);
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) c[i][j] = NAN; /* the kernel must write every element */

  int32_t rc = outer_product(a, b, &c[0][0]);
  if (rc != 0) {
    printf("outer_product: kernel returned %d\n", (int)rc);
    return 1;
  }

  double maxErr = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      double err = fabs((double)c[i][j] - (double)(a[i] * b[j]));
      if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
    }
  int ok = maxErr == 0;
  printf("outer_product %d x %d: c[7][9] = %g, max error vs reference %g — %s\n", M, N, c[7][9],
         maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
