/* add_const.c - driver for samples/add_const.hy: c[i] = a[i] + b[i], where
 * b = {0.5, 1.5, 2.5, 3.5} is a compile-time constant from add_const.json
 * (so the C function has no b parameter).
 *
 * Calls the kernel, compares with a plain C loop and prints one line. Exit
 * status 0 when they agree, 1 otherwise.
 *
 *   hybridc add_const.hy -s add_const.json -o add_const.o --emit-header
 *   cc add_const.c add_const.o -o add_const -lm -lpthread && ./add_const
 */
#include "add_const.h"

#include <math.h>
#include <stdio.h>

int main(void) {
  static const float b[4] = {0.5f, 1.5f, 2.5f, 3.5f}; /* as in add_const.json */
  float a[4] = {10, 20, 30, 40}, c[4] = {NAN, NAN, NAN, NAN};

  int32_t rc = add_const(a, c);
  if (rc != 0) {
    printf("add_const: kernel returned %d\n", (int)rc);
    return 1;
  }

  double maxErr = 0;
  for (int i = 0; i < 4; ++i) {
    double err = fabs((double)c[i] - (double)(a[i] + b[i]));
    if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
  }
  int ok = maxErr == 0;
  printf("add_const: {10, 20, 30, 40} + {0.5, 1.5, 2.5, 3.5} = {%g, %g, %g, %g}, max error vs "
         "reference %g — %s\n",
         c[0], c[1], c[2], c[3], maxErr, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
