/* softmax.c - driver for samples/softmax.hy: row-wise softmax of a 64x128
 * matrix.
 *
 * Fills x deterministically, calls the kernel, compares with a plain C loop
 * (max subtraction, expf, sum, divide) within a relative tolerance of 1e-5
 * (the kernel may evaluate exp differently from libm), checks that each row
 * sums to 1, and prints one line. Exit status 0 when they agree, 1 otherwise.
 *
 *   hybridc softmax.hy -s softmax.json -o softmax.o --emit-header
 *   cc softmax.c softmax.o -o softmax -lm -lpthread && ./softmax
 */
#include "softmax.h"

#include <math.h>
#include <stdio.h>

enum { M = 64, N = 128 };

int main(void) {
  static float x[M][N], out[M][N];
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) x[i][j] = (float)((i * 13 + j * 7) % 29) * 0.25f - 3.0f;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) out[i][j] = NAN; /* the kernel must write every element */

  int32_t rc = softmax(&x[0][0], &out[0][0]);
  if (rc != 0) {
    printf("softmax: kernel returned %d\n", (int)rc);
    return 1;
  }

  double maxErr = 0, maxSumErr = 0;
  for (int i = 0; i < M; ++i) {
    float m = x[i][0];
    for (int j = 1; j < N; ++j) m = fmaxf(m, x[i][j]);
    float s = 0;
    for (int j = 0; j < N; ++j) s += expf(x[i][j] - m);
    double rowSum = 0;
    for (int j = 0; j < N; ++j) {
      float ref = expf(x[i][j] - m) / s;
      double err = fabs((double)out[i][j] - ref) / ref;
      if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
      rowSum += out[i][j];
    }
    if (fabs(rowSum - 1.0) > maxSumErr) maxSumErr = fabs(rowSum - 1.0);
  }
  int ok = maxErr <= 1e-5 && maxSumErr <= 1e-4;
  printf("softmax %dx%d: out[2][3] = %.6f, max relative error vs reference %.2g — %s\n", M, N,
         out[2][3], maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
