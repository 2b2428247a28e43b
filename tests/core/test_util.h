// Helpers shared by the core tests: reading fixtures, building small packs, compiling or failing loudly.
#ifndef POSTSCRUB_TESTS_CORE_TEST_UTIL_H_
#define POSTSCRUB_TESTS_CORE_TEST_UTIL_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "postscrub/engine.h"

namespace testutil {

inline std::string SourceDir() { return POSTSCRUB_SOURCE_DIR; }

// Returns the file's bytes; fails the test if it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  INFO("reading " << path);
  REQUIRE(f != nullptr);
  std::string out;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

inline std::string Fixture(const std::string& rel) { return ReadFile(SourceDir() + "/tests/fixtures/" + rel); }

// A pack around the given rules JSON (the text inside "rules": [...]) plus extra top-level fields.
inline std::string Pack(const std::string& id, const std::string& rules, const std::string& extra = "") {
  return "{\"id\":\"" + id + "\",\"name\":\"n\",\"version\":\"1.0.0\",\"schema_version\":1,\"publisher\":\"p\"," +
         "\"description\":\"d\"," + extra + (extra.empty() ? "" : ",") + "\"rules\":[" + rules + "]}";
}

// One rule; `body` adds fields (it must contain "patterns").
inline std::string Rule(const std::string& id, const std::string& category, const std::string& severity,
                        const std::string& body) {
  return "{\"id\":\"" + id + "\",\"category\":\"" + category + "\",\"severity\":\"" + severity +
         "\",\"description\":\"d\",\"advice\":\"a\",\"redact\":{\"strategy\":\"label\"},"
         "\"examples\":{\"match\":[],\"no_match\":[]}," + body + "}";
}

// Compiles or fails the test with the engine's error.
inline std::unique_ptr<postscrub::Engine> MustCompile(const std::vector<std::string>& packs) {
  postscrub::CompileResult r = postscrub::Engine::Compile(packs);
  INFO(r.error());
  REQUIRE(r.ok());
  return r.TakeEngine();
}

// The two test packs of tests/fixtures/packs/valid, in load order.
inline std::vector<std::string> TestPacks(bool with_clinic = false) {
  std::vector<std::string> packs = {Fixture("packs/valid/01-base.json")};
  if (with_clinic) packs.push_back(Fixture("packs/valid/02-clinic.json"));
  return packs;
}

// The texts of the findings of `rule` in `text`.
inline std::vector<std::string> Spans(const postscrub::Engine& e, const std::string& text, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& f : e.Check(text).findings)
    if (f.rule == rule) out.push_back(f.text);
  return out;
}

}  // namespace testutil

#endif  // POSTSCRUB_TESTS_CORE_TEST_UTIL_H_
