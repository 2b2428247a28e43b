// postscrub_wasm.cc — the C functions the WebAssembly module exports; the only Emscripten-aware code.
//
// Used by wasm/bindings/postscrub.js, which owns all memory traffic; no other caller should need these.
//
//   char* ps_version();                                       "0.1.0"
//   void  ps_compile_begin();                                 starts a pack list
//   void  ps_compile_add(const char* pack, size_t n);         appends one pack JSON text
//   char* ps_compile_end();                                   compiles the list, then clears it
//                                                             -> {"ok":true,"handle":1} | {"ok":false,"error":"..."}
//   char* ps_check(int handle, const char* text, size_t n);   -> contracts §3 CheckResult | {"error":"..."}
//   char* ps_redact(int handle, const char* text, size_t n, const char* findings, size_t fn,
//                   const char* choices, size_t cn);          -> {"text","edits":[...],"skipped"} | {"error":"..."}
//   char* ps_rules(int handle);  char* ps_packs(int handle);  -> JSON arrays ([] for an unknown handle)
//   void  ps_dispose(int handle);                             frees the engine; unknown handles are ignored
//   char* ps_build_id();                                      -> 64 hex digits naming this exact .wasm file
//   int   ps_heap_reserve(size_t bytes);                      grows memory to >= bytes -> 1, or 0 if it cannot
//   size_t ps_heap_top();                                     end of the memory malloc has taken so far (sbrk)
// These three serve engine snapshots (postscrub.js restore()): a snapshot is the whole memory of a runtime that
// compiled packs, valid only for the module file that made it.
//
// Strings in are UTF-8 with an explicit length (a post may contain U+0000). Every char* returned is a
// NUL-terminated UTF-8 text allocated with malloc: the caller frees it with free(); nullptr means out of memory.
// Engines are referred to by a small integer handle, never by a pointer, so a stale or forged handle is an error
// value, not memory corruption. Nothing throws (the module is built without exceptions).
//
// Size: this file deliberately does no JSON parsing of its own (packs are passed one by one, not as a JSON
// array), so the module carries only the engine's nlohmann/json instantiations (about 60 KB of code less). The
// default packs are not in the module either: postscrub_packs.js carries them (they are 84 KB of gzip, and the
// extension ships its own copy).
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>

#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postscrub/engine.h"
#include "postscrub/json_io.h"

namespace {

std::map<int, std::unique_ptr<postscrub::Engine>>& Engines() {
  static auto* engines = new std::map<int, std::unique_ptr<postscrub::Engine>>();
  return *engines;
}
int next_handle = 1;

std::vector<postscrub::PackSource>& Pending() {
  static auto* pending = new std::vector<postscrub::PackSource>();
  return *pending;
}

postscrub::Engine* Find(int handle) {
  auto it = Engines().find(handle);
  return it == Engines().end() ? nullptr : it->second.get();
}

// Returns a malloc'd NUL-terminated copy of `s`, or nullptr if out of memory.
char* Out(std::string_view s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return nullptr;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

// Returns `s` as a JSON string literal (quotes included). Bytes >= 0x80 pass through: the JS side decodes UTF-8
// with replacement, so invalid UTF-8 in a message cannot break the JSON.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {  // \u00XX by hand: printf would link its float formatting into the module
      out += "\\u00";
      out += "0123456789abcdef"[c >> 4];
      out += "0123456789abcdef"[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

char* Error(std::string_view message) { return Out("{\"error\":" + Quote(message) + "}"); }

constexpr char kNoEngine[] = "engine disposed or unknown";

// The link step overwrites the 64 zeros with the SHA-256 of the linked .wasm (wasm/cmake/stamp_build_id.js), so
// the text names the file: a snapshot made by one build is refused by any other. Read through a volatile pointer
// so the compiler keeps the bytes in the data segment and never folds in the zeros.
__attribute__((used)) const char kBuildIdSlot[] =
    "postscrub-build-id:0000000000000000000000000000000000000000000000000000000000000000";
constexpr size_t kBuildIdPrefix = sizeof("postscrub-build-id:") - 1;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* ps_version() { return Out(postscrub::Version()); }

EMSCRIPTEN_KEEPALIVE void ps_compile_begin() { Pending().clear(); }

EMSCRIPTEN_KEEPALIVE void ps_compile_add(const char* pack, size_t n) {
  Pending().push_back({std::string(pack, n), ""});
}

EMSCRIPTEN_KEEPALIVE char* ps_compile_end() {
  std::vector<postscrub::PackSource> packs;
  packs.swap(Pending());
  postscrub::CompileResult compiled = postscrub::Engine::Compile(packs);
  if (!compiled.ok()) return Out("{\"ok\":false,\"error\":" + Quote(compiled.error()) + "}");
  int handle = next_handle++;
  Engines()[handle] = compiled.TakeEngine();
  return Out("{\"ok\":true,\"handle\":" + std::to_string(handle) + "}");
}

EMSCRIPTEN_KEEPALIVE char* ps_check(int handle, const char* text, size_t n) {
  const postscrub::Engine* engine = Find(handle);
  if (engine == nullptr) return Error(kNoEngine);
  return Out(postscrub::CheckResultToJson(engine->Check(std::string_view(text, n))));
}

EMSCRIPTEN_KEEPALIVE char* ps_redact(int handle, const char* text, size_t n, const char* findings_json, size_t fn,
                                     const char* choices_json, size_t cn) {
  const postscrub::Engine* engine = Find(handle);
  if (engine == nullptr) return Error(kNoEngine);
  std::vector<postscrub::Finding> findings;
  postscrub::RedactChoices choices;
  std::string error;
  if (!postscrub::FindingsFromJson(std::string_view(findings_json, fn), &findings, &error)) {
    return Error("redact: findings: " + error);
  }
  if (!postscrub::RedactChoicesFromJson(std::string_view(choices_json, cn), &choices, &error)) {
    return Error("redact: choices: " + error);
  }
  return Out(postscrub::RedactResultToJson(engine->Redact(std::string_view(text, n), findings, choices)));
}

EMSCRIPTEN_KEEPALIVE char* ps_rules(int handle) {
  const postscrub::Engine* engine = Find(handle);
  return Out(engine == nullptr ? "[]" : postscrub::RulesToJson(engine->rules()));
}

EMSCRIPTEN_KEEPALIVE char* ps_packs(int handle) {
  const postscrub::Engine* engine = Find(handle);
  return Out(engine == nullptr ? "[]" : postscrub::PacksToJson(engine->packs()));
}

EMSCRIPTEN_KEEPALIVE void ps_dispose(int handle) { Engines().erase(handle); }

EMSCRIPTEN_KEEPALIVE char* ps_build_id() {
  const volatile char* slot = kBuildIdSlot + kBuildIdPrefix;
  std::string id(64, '0');
  for (size_t i = 0; i < id.size(); ++i) id[i] = slot[i];
  return Out(id);
}

EMSCRIPTEN_KEEPALIVE size_t ps_heap_top() { return reinterpret_cast<size_t>(sbrk(0)); }

EMSCRIPTEN_KEEPALIVE int ps_heap_reserve(size_t bytes) {
  return emscripten_get_heap_size() >= bytes || emscripten_resize_heap(bytes) ? 1 : 0;
}

}  // extern "C"
