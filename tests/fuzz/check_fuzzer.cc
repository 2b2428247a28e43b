// Fuzzes checking and redaction with the default packs: any text must give findings whose offsets lie inside
// it and whose text is the bytes at those offsets, and redaction must apply every finding.
#include <cstdint>
#include <memory>
#include <string>

#include "postscrub/default_packs.h"
#include "postscrub/engine.h"
#include "postscrub/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<postscrub::Engine> engine = [] {
    auto r = postscrub::Engine::Compile(postscrub::DefaultPackSources());
    if (!r.ok()) __builtin_trap();
    return r.TakeEngine();
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto result = engine->Check(text);
  const std::size_t units = postscrub::Utf16Length(text);
  for (const auto& f : result.findings) {
    if (f.byte_start >= f.byte_end || f.byte_end > size || f.end > units || f.start >= f.end) __builtin_trap();
    if (text.compare(f.byte_start, f.byte_end - f.byte_start, f.text) != 0) __builtin_trap();
  }
  const auto red = engine->Redact(text, result.findings, postscrub::RedactChoices());
  if (!red.skipped.empty()) __builtin_trap();
  return 0;
}
