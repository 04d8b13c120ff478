/* blur.c - driver for samples/blur.hy: 3x3 box blur of a 66x66 image into
 * 64x64.
 *
 * Fills the image with a deterministic pattern, calls the kernel, compares
 * with a plain C loop doing the same two passes (horizontal, then vertical)
 * and prints one line. Exit status 0 when they agree, 1 otherwise.
 *
 *   hybridc blur.hy -s blur.json -o blur.o --emit-header
 *   cc blur.c blur.o -o blur -lm -lpthread && ./blur
 */
#include "blur.h"

#include <math.h>
#include <stdio.h>

enum { H = 66, W = 66, OH = 64, OW = 64 };

int main(void) {
  static float in[H][W], out[OH][OW], bx[H][OW];
  for (int i = 0; i < H; ++i)
    for (int j = 0; j < W; ++j) in[i][j] = (float)((i * 31 + j * 17) % 23) / 4.0f;
  for (int y = 0; y < OH; ++y)
    for (int x = 0; x < OW; ++x) out[y][x] = NAN; /* the kernel must write every pixel */

  int32_t rc = blur(&in[0][0], &out[0][0]);
  if (rc != 0) {
    printf("blur: kernel returned %d\n", (int)rc);
    return 1;
  }

  for (int i = 0; i < H; ++i)
    for (int j = 0; j < OW; ++j) bx[i][j] = (in[i][j] + in[i][j + 1] + in[i][j + 2]) / 3.0f;
  double maxErr = 0;
  for (int y = 0; y < OH; ++y)
    for (int x = 0; x < OW; ++x) {
      float ref = (bx[y][x] + bx[y + 1][x] + bx[y + 2][x]) / 3.0f;
      double err = fabs((double)out[y][x] - ref);
      if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
    }
  int ok = maxErr <= 1e-5;
  printf("blur %dx%d -> %dx%d: out[10][20] = %g, max error vs reference %g — %s\n", H, W, OH, OW,
         out[10][20], maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
