/* two_outputs.c - driver for samples/two_outputs.hy: min_max_rows (two
 * outputs) and normalize_rows (calls it, two outputs) on a 32x16 matrix.
 *
 * Fills a deterministically, calls both kernels, compares with plain C loops
 * and prints one line. Exit status 0 when they agree, 1 otherwise.
 *
 *   hybridc two_outputs.hy -s two_outputs.json -o two_outputs.o --emit-header
 *   cc two_outputs.c two_outputs.o -o two_outputs -lm -lpthread && ./two_outputs
 */
#include "two_outputs.h"

#include <math.h>
#include <stdio.h>

enum { M = 32, N = 16 };

int main(void) {
  static float a[M][N], lo[M], hi[M], out[M][N], scale[M];
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) a[i][j] = (float)((i * 11 + j * 5) % 19) * 0.5f - 4.0f;
  for (int i = 0; i < M; ++i) {
    lo[i] = hi[i] = scale[i] = NAN; /* the kernels must write every element */
    for (int j = 0; j < N; ++j) out[i][j] = NAN;
  }

  int32_t rc = min_max_rows(&a[0][0], lo, hi);
  if (rc == 0) rc = normalize_rows(&a[0][0], &out[0][0], scale);
  if (rc != 0) {
    printf("two_outputs: kernel returned %d\n", (int)rc);
    return 1;
  }

  double maxErr = 0;
  for (int i = 0; i < M; ++i) {
    float rlo = a[i][0], rhi = a[i][0];
    for (int j = 1; j < N; ++j) {
      rlo = fminf(rlo, a[i][j]);
      rhi = fmaxf(rhi, a[i][j]);
    }
    float rscale = fmaxf(rhi - rlo, 0.000001f);
    double errs[3] = {fabs((double)lo[i] - rlo), fabs((double)hi[i] - rhi),
                      fabs((double)scale[i] - rscale)};
    for (int k = 0; k < 3; ++k)
      if (!(errs[k] <= maxErr)) maxErr = isnan(errs[k]) ? INFINITY : errs[k];
    for (int j = 0; j < N; ++j) {
      double err = fabs((double)out[i][j] - (a[i][j] - rlo) / rscale);
      if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
    }
  }
  int ok = maxErr <= 1e-6;
  printf("two_outputs %dx%d: row 4 min %g max %g, out[4][2] = %g, max error vs reference %g — %s\n",
         M, N, lo[4], hi[4], out[4][2], maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
