#include "k.h"
#include <stdio.h>
int main(void) {
  float a[16], c[16];
  for (int i = 0; i < 16; i++) a[i] = (float)i;
  int rc = scale_add(a, c);
  printf("rc=%d c[3]=%g\n", rc, c[3]);
  return rc;
}
