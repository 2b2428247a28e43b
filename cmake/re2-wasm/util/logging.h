// util/logging.h for the WebAssembly build of RE2 only (cmake/Dependencies.cmake puts this folder before RE2's
// own include path for target re2_wasm). RE2's own version formats every LOG() line through std::ostringstream,
// which links libc++'s iostreams and locales into the module: about 55 KB of code, for messages a WASM module
// cannot show anyway (Postscrub reads errors from RE2::error(), with log_errors off). Here LOG() discards its
// operands, and CHECK()/LOG(FATAL) still abort, as in RE2. Same macros as RE2 2022-06-01's util/logging.h.
#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

#define DCHECK(condition) assert(condition)
#define DCHECK_EQ(val1, val2) assert((val1) == (val2))
#define DCHECK_NE(val1, val2) assert((val1) != (val2))
#define DCHECK_LE(val1, val2) assert((val1) <= (val2))
#define DCHECK_LT(val1, val2) assert((val1) < (val2))
#define DCHECK_GE(val1, val2) assert((val1) >= (val2))
#define DCHECK_GT(val1, val2) assert((val1) > (val2))

#define CHECK(x) if (x) {} else LogMessageFatal(__FILE__, __LINE__).stream() << "Check failed: " #x
#define CHECK_LT(x, y) CHECK((x) < (y))
#define CHECK_GT(x, y) CHECK((x) > (y))
#define CHECK_LE(x, y) CHECK((x) <= (y))
#define CHECK_GE(x, y) CHECK((x) >= (y))
#define CHECK_EQ(x, y) CHECK((x) == (y))
#define CHECK_NE(x, y) CHECK((x) != (y))

#define LOG_INFO LogMessage(__FILE__, __LINE__)
#define LOG_WARNING LogMessage(__FILE__, __LINE__)
#define LOG_ERROR LogMessage(__FILE__, __LINE__)
#define LOG_FATAL LogMessageFatal(__FILE__, __LINE__)
#define LOG_QFATAL LOG_FATAL
#ifdef NDEBUG
#define LOG_DFATAL LOG_ERROR
#else
#define LOG_DFATAL LOG_FATAL
#endif

#define LOG(severity) LOG_##severity.stream()
#define VLOG(x) if ((x) > 0) {} else LOG_INFO.stream()

// A stream that ignores whatever is written to it.
class LogSink {
 public:
  template <typename T>
  LogSink& operator<<(const T&) { return *this; }
};

class LogMessage {
 public:
  LogMessage(const char*, int) {}
  LogSink& stream() { return sink_; }

 private:
  LogSink sink_;
  LogMessage(const LogMessage&) = delete;
  LogMessage& operator=(const LogMessage&) = delete;
};

class LogMessageFatal : public LogMessage {
 public:
  LogMessageFatal(const char* file, int line) : LogMessage(file, line), file_(file), line_(line) {}
  ATTRIBUTE_NORETURN ~LogMessageFatal() {
    fprintf(stderr, "re2: fatal error at %s:%d\n", file_, line_);
    abort();
  }

 private:
  const char* file_;
  int line_;
  LogMessageFatal(const LogMessageFatal&) = delete;
  LogMessageFatal& operator=(const LogMessageFatal&) = delete;
};

#endif  // UTIL_LOGGING_H_
