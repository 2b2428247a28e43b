/* strtod without 128-bit soft-float, for the WebAssembly build only (cmake/Dependencies.cmake).
 * In wasm32, long double is IEEE quad: musl's strtod scans every number through __floatscan in long double, which
 * links the soft-float helpers (__divtf3, __multf3, __addtf3, fmodl, scalbnl, ...) into the module: 15 KB raw,
 * 7 KiB gzip, for the numbers of a rule pack (scores like 0.75) and of redact's findings. floatscan64.inc is
 * Emscripten's own musl/src/internal/floatscan.c with `long double` read as `double` (LDBL_* as DBL_*, fmodl as
 * fmod, ...), generated at configure time: exactly the code musl runs where long double is double (arm, i.e.
 * LDBL_MANT_DIG == 53), which rounds correctly. nlohmann's lexer (wasm/src/json_walk.cc) is compiled with
 * -Dstrtod=postscrub_strtod; nothing else in the module parses floating point. */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "shgetc.h"

#include "floatscan64.inc"

double postscrub_strtod(const char *restrict s, char **restrict p) {
  FILE f; /* a string pseudo-FILE, as musl's strtod.c sets it up */
  sh_fromstring(&f, s);
  shlim(&f, 0);
  double y = postscrub_floatscan64(&f, 1, 1);
  off_t cnt = shcnt(&f);
  if (p) *p = cnt ? (char *)s + cnt : (char *)s;
  return y;
}
