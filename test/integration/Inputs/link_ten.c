/* link_ten.c - one program linking ten hybridc objects (link_ten.test):
 * six kernels, host and generic x86-64 builds at several --mcpu levels and
 * -O levels, told apart by --symbol-prefix. Calls every kernel, checks each
 * against a plain C loop and prints "link_ten: ... ok"; exit 1 on mismatch. */
#include "add_const.h"
#include "blur.h"
#include "matmul.h"
#include "matmul_generic.h"
#include "matmul_v2.h"
#include "norm_only.h"
#include "outer.h"
#include "outer_core2.h"
#include "softmax_o1.h"
#include "two_outputs.h"

#include <math.h>
#include <stdio.h>

static int errors, checked;

static void handler(const char *kernel, int32_t code, const char *message) {
  printf("error handler: %s returned %d: %s\n", kernel, (int)code, message);
  ++errors;
}

static void expect(const char *what, const float *got, const float *want, int n, double tol) {
  double maxErr = 0;
  for (int k = 0; k < n; ++k) {
    double err = fabs((double)got[k] - want[k]) / (fabs(want[k]) > 1 ? fabs(want[k]) : 1);
    if (!(err <= maxErr)) maxErr = isnan(err) ? INFINITY : err;
  }
  ++checked;
  if (maxErr > tol) {
    printf("%s: max error %g > %g\n", what, maxErr, tol);
    ++errors;
  }
}

static void fillNaN(float *p, int n) {
  for (int k = 0; k < n; ++k) p[k] = NAN;
}

#define CALL(call)                                                                                 \
  do {                                                                                             \
    int32_t rc_ = (call);                                                                          \
    if (rc_ != 0) {                                                                                \
      printf("%s returned %d\n", #call, (int)rc_);                                                 \
      ++errors;                                                                                    \
    }                                                                                              \
  } while (0)

static void testMatmul(void) {
  static float a[64][32], b[32][48], c[64][48], ref[64][48];
  for (int i = 0; i < 64; ++i)
    for (int k = 0; k < 32; ++k) a[i][k] = (float)((i * 7 + k * 3) % 11 - 5) * 0.25f;
  for (int k = 0; k < 32; ++k)
    for (int j = 0; j < 48; ++j) b[k][j] = (float)((k * 5 + j * 2) % 9 - 4) * 0.5f;
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < 48; ++j) {
      float acc = 0;
      for (int k = 0; k < 32; ++k) acc += a[i][k] * b[k][j];
      ref[i][j] = acc;
    }
  fillNaN(&c[0][0], 64 * 48);
  CALL(matmul(&a[0][0], &b[0][0], &c[0][0]));
  expect("matmul", &c[0][0], &ref[0][0], 64 * 48, 0);
  fillNaN(&c[0][0], 64 * 48);
  CALL(generic_matmul(&a[0][0], &b[0][0], &c[0][0]));
  expect("generic_matmul", &c[0][0], &ref[0][0], 64 * 48, 0);
  fillNaN(&c[0][0], 64 * 48);
  CALL(v2_matmul(&a[0][0], &b[0][0], &c[0][0]));
  expect("v2_matmul", &c[0][0], &ref[0][0], 64 * 48, 0);
}

static void testOuter(void) {
  static float a[100], b[99], c[100][99], ref[100][99];
  for (int i = 0; i < 100; ++i) a[i] = (float)(i % 13) - 6.0f;
  for (int j = 0; j < 99; ++j) b[j] = 0.125f * (float)(j % 17);
  for (int i = 0; i < 100; ++i)
    for (int j = 0; j < 99; ++j) ref[i][j] = a[i] * b[j];
  fillNaN(&c[0][0], 100 * 99);
  CALL(outer_product(a, b, &c[0][0]));
  expect("outer_product", &c[0][0], &ref[0][0], 100 * 99, 0);
  fillNaN(&c[0][0], 100 * 99);
  CALL(core2_outer_product(a, b, &c[0][0]));
  expect("core2_outer_product", &c[0][0], &ref[0][0], 100 * 99, 0);
}

static void testBlur(void) {
  static float in[66][66], out[64][64], bx[66][64], ref[64][64];
  for (int i = 0; i < 66; ++i)
    for (int j = 0; j < 66; ++j) in[i][j] = (float)((i * 31 + j * 17) % 23) / 4.0f;
  for (int i = 0; i < 66; ++i)
    for (int j = 0; j < 64; ++j) bx[i][j] = (in[i][j] + in[i][j + 1] + in[i][j + 2]) / 3.0f;
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) ref[y][x] = (bx[y][x] + bx[y + 1][x] + bx[y + 2][x]) / 3.0f;
  fillNaN(&out[0][0], 64 * 64);
  CALL(blur(&in[0][0], &out[0][0]));
  expect("blur", &out[0][0], &ref[0][0], 64 * 64, 1e-5);
}

static void testSoftmax(void) {
  static float x[64][128], out[64][128], ref[64][128];
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < 128; ++j) x[i][j] = (float)((i * 13 + j * 7) % 29) * 0.25f - 3.0f;
  for (int i = 0; i < 64; ++i) {
    float m = x[i][0], s = 0;
    for (int j = 1; j < 128; ++j) m = fmaxf(m, x[i][j]);
    for (int j = 0; j < 128; ++j) s += expf(x[i][j] - m);
    for (int j = 0; j < 128; ++j) ref[i][j] = expf(x[i][j] - m) / s;
  }
  fillNaN(&out[0][0], 64 * 128);
  CALL(o1_softmax(&x[0][0], &out[0][0]));
  expect("o1_softmax", &out[0][0], &ref[0][0], 64 * 128, 1e-5);
}

static void testTwoOutputs(void) {
  static float a[32][16], lo[32], hi[32], out[32][16], scale[32];
  static float rlo[32], rhi[32], rout[32][16], rscale[32];
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 16; ++j) a[i][j] = (float)((i * 11 + j * 5) % 19) * 0.5f - 4.0f;
  for (int i = 0; i < 32; ++i) {
    rlo[i] = rhi[i] = a[i][0];
    for (int j = 1; j < 16; ++j) {
      rlo[i] = fminf(rlo[i], a[i][j]);
      rhi[i] = fmaxf(rhi[i], a[i][j]);
    }
    rscale[i] = fmaxf(rhi[i] - rlo[i], 0.000001f);
    for (int j = 0; j < 16; ++j) rout[i][j] = (a[i][j] - rlo[i]) / rscale[i];
  }
  fillNaN(lo, 32);
  fillNaN(hi, 32);
  CALL(min_max_rows(&a[0][0], lo, hi));
  expect("min_max_rows lo", lo, rlo, 32, 0);
  expect("min_max_rows hi", hi, rhi, 32, 0);
  fillNaN(&out[0][0], 32 * 16);
  fillNaN(scale, 32);
  CALL(normalize_rows(&a[0][0], &out[0][0], scale));
  expect("normalize_rows out", &out[0][0], &rout[0][0], 32 * 16, 1e-6);
  expect("normalize_rows scale", scale, rscale, 32, 0);
  fillNaN(&out[0][0], 32 * 16);
  fillNaN(scale, 32);
  CALL(only_normalize_rows(&a[0][0], &out[0][0], scale));
  expect("only_normalize_rows out", &out[0][0], &rout[0][0], 32 * 16, 1e-6);
  expect("only_normalize_rows scale", scale, rscale, 32, 0);
}

static void testAddConst(void) {
  float a[4] = {10, 20, 30, 40}, c[4], ref[4] = {10.5f, 21.5f, 32.5f, 43.5f};
  fillNaN(c, 4);
  CALL(add_const(a, c));
  expect("add_const", c, ref, 4, 0);
}

int main(void) {
  hybridc_set_error_handler(handler);
  hybridc_set_num_threads(2);
  testMatmul();
  testOuter();
  testBlur();
  testSoftmax();
  testTwoOutputs();
  testAddConst();
  printf("link_ten: 10 objects, %d checks, %d errors: %s\n", checked, errors,
         errors ? "FAIL" : "ok");
  return errors != 0;
}
