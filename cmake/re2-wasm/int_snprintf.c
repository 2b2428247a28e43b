/* snprintf without floating point, for the WebAssembly build only (cmake/Dependencies.cmake). musl's snprintf
 * links fmt_fp, pop_arg_long_double and 128-bit soft-float helpers (~4 KiB gzip) into the module; RE2's
 * StringPrintf and nlohmann's lexer errors format integers and strings only. Emscripten's libc has the
 * integer-only vsniprintf (musl/src/stdio/vsnprintf.c) but no snprintf counterpart, so this is it. Those two
 * files are compiled with -Dsnprintf=postscrub_int_snprintf (and RE2's strutil.cc with -Dvsnprintf=vsniprintf);
 * a %f/%g/%e there would trap (no float formatter is passed in), and none exists in them. */
#include <stdarg.h>
#include <stddef.h>

int vsniprintf(char *restrict s, size_t n, const char *restrict fmt, va_list ap);

int postscrub_int_snprintf(char *restrict s, size_t n, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsniprintf(s, n, fmt, ap);
  va_end(ap);
  return r;
}
