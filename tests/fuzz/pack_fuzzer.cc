// Fuzzes pack loading: any bytes as a pack (sometimes after the default packs, so extends/disable resolve) must
// give ok() or an error message, never a crash; a pack that loads is then checked against a fixed text.
#include <cstdint>
#include <string>
#include <vector>

#include "postscrub/default_packs.h"
#include "postscrub/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<postscrub::PackSource> defaults = postscrub::DefaultPackSources();
  // Odd sizes load the default packs first (slow under ASan, so only 1 input in 16) to reach extends/disable.
  std::vector<postscrub::PackSource> packs = (size % 16 == 1) ? defaults : std::vector<postscrub::PackSource>();
  packs.push_back(postscrub::PackSource{std::string(reinterpret_cast<const char*>(data), size), "fuzz"});
  postscrub::CompileResult r = postscrub::Engine::Compile(packs);
  if (!r.ok()) {
    if (r.error().empty()) __builtin_trap();  // an error must say what is wrong
    return 0;
  }
  const auto result = r.engine()->Check("SSN 219-09-9999, a 67-year-old, call (415) 555-2671 on 03/03/2024");
  for (const auto& f : result.findings)
    if (f.byte_end > 70 || f.byte_start >= f.byte_end) __builtin_trap();
  return 0;
}
