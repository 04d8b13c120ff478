/* matmul.c - driver for samples/matmul.hy: c = a @ b (64x32 times 32x48).
 *
 * Fills a and b with small multiples of 1/4 (their products and sums are
 * exact in float32, whatever order the kernel adds them in), calls the
 * kernel, compares every element with a plain C triple loop and prints one
 * line. Exit status 0 when they agree, 1 otherwise.
 *
 *   hybridc matmul.hy -s matmul.json -o matmul.o --emit-header
 *   cc matmul.c matmul.o -o matmul -lm -lpthread && ./matmul
 */
#include "matmul.h"

#include <math.h>
#include <stdio.h>

enum { M = 64, K = 32, N = 48 };

int main(void) {
  static float a[M][K], b[K][N], c[M][N], ref[M][N];
  for (int i = 0; i < M; ++i)
    for (int k = 0; k < K; ++k) a[i][k] = (float)((i * 7 + k * 3) % 11 - 5) * 0.25f;
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < N; ++j) b[k][j] = (float)((k * 5 + j * 2) % 9 - 4) * 0.5f;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) c[i][j] = NAN; /* the kernel must write every element */

  int32_t rc = matmul(&a[0][0], &b[0][0], &c[0][0]);
  if (rc != 0) {
    printf("matmul: kernel returned %d\n", (int)rc);
    return 1;
  }

  double maxErr = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = 0;
      for (int k = 0; k < K; ++k) acc += a[i][k] * b[k][j];
      ref[i][j] = acc;
      double err = fabs((double)c[i][j] - ref[i][j]);
      if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
    }
  int ok = maxErr <= 1e-4;
  printf("matmul %dx%d * %dx%d: C[3][5] = %g, max error vs reference %g — %s\n", M, K, K, N,
         c[3][5], maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
