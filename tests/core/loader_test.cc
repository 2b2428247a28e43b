// Pack loading: every invalid fixture fails with its expected message; limits; valid fixtures compile.
#include <dirent.h>

#include <algorithm>

#include "test_util.h"

using postscrub::Engine;
using testutil::Pack;
using testutil::Rule;

namespace {

std::vector<std::string> ListJson(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (!d) return names;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) names.push_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("every invalid fixture fails with the error in its .expected file", "[loader]") {
  const std::string dir = testutil::SourceDir() + "/tests/fixtures/packs/invalid";
  const std::vector<std::string> names = ListJson(dir);
  REQUIRE(names.size() >= 20);
  for (const std::string& name : names) {
    const std::string expected = Trim(testutil::ReadFile(dir + "/" + name.substr(0, name.size() - 5) + ".expected"));
    postscrub::CompileResult r = Engine::Compile({postscrub::PackSource{testutil::ReadFile(dir + "/" + name), name}});
    INFO(name << " → " << r.error());
    CHECK_FALSE(r.ok());
    CHECK(r.engine() == nullptr);
    CHECK(r.error().find(expected) != std::string::npos);
  }
}

TEST_CASE("valid fixtures compile together, in order", "[loader]") {
  const std::string dir = testutil::SourceDir() + "/tests/fixtures/packs/valid";
  std::vector<std::string> texts;
  for (const std::string& name : ListJson(dir)) texts.push_back(testutil::ReadFile(dir + "/" + name));
  REQUIRE(texts.size() >= 2);
  auto engine = testutil::MustCompile(texts);
  CHECK(engine->packs().size() == texts.size());
  CHECK(engine->packs()[0].id == "test-base");
  CHECK(engine->packs()[0].version == "1.0.0");
}

TEST_CASE("size limits are enforced and reported", "[loader]") {
  postscrub::CompileOptions small;
  small.max_pack_bytes = 200;
  const std::string pack = Pack("p", Rule("r", "ssn", "high", "\"patterns\":[{\"regex\":\"x\",\"score\":0.5}]"));
  REQUIRE(pack.size() > 200);
  auto r = Engine::Compile({pack}, small);
  CHECK(r.error().find("larger than 200 bytes") != std::string::npos);

  const std::string long_regex(5000, 'a');
  r = Engine::Compile({Pack("p", Rule("r", "ssn", "high", "\"patterns\":[{\"regex\":\"" + long_regex +
                                                                 "\",\"score\":0.5}]"))});
  CHECK(r.error().find("/rules/0/patterns/0/regex: longer than 4096 bytes") != std::string::npos);

  std::string many;
  for (int i = 0; i < 2001; ++i) {
    many += (i ? "," : "") + Rule("r" + std::to_string(i), "ssn", "high", "\"patterns\":[{\"regex\":\"x\",\"score\":0.5}]");
  }
  r = Engine::Compile({Pack("p", many)});
  CHECK(r.error().find("more than 2000 rules") != std::string::npos);

  // A regex whose program exceeds RE2's memory budget is an error, not a crash.
  r = Engine::Compile({Pack("p", Rule("r", "ssn", "high", "\"patterns\":[{\"regex\":\"((a{100}){100}){100}\",\"score\":0.5}]"))});
  CHECK_FALSE(r.ok());
  CHECK(r.error().find("pack p: rule r: /rules/0/patterns/0/regex: invalid RE2 regex") != std::string::npos);
}

TEST_CASE("errors before the pack id is known name the origin or the position", "[loader]") {
  auto r = Engine::Compile(std::vector<std::string>{"{}"});
  CHECK(r.error().find("pack #1: /: missing required field \"id\"") != std::string::npos);
  r = Engine::Compile(std::vector<std::string>{testutil::Fixture("packs/valid/01-base.json"), "nope"});
  CHECK(r.error().find("pack #2: /: invalid JSON") != std::string::npos);
  r = Engine::Compile(std::vector<std::string>{""});
  CHECK(r.error().find("invalid JSON") != std::string::npos);
}

TEST_CASE("every pattern of a case-insensitive rule ignores case; default is case-sensitive", "[loader]") {
  auto e = testutil::MustCompile({Pack("p", Rule("ci", "mrn", "high",
                                                 "\"case_sensitive\":false,\"patterns\":[{\"regex\":\"\\\\bmrn\\\\d+\",\"score\":0.9}]") +
                                                "," +
                                                Rule("cs", "other_id", "high",
                                                     "\"patterns\":[{\"regex\":\"\\\\bID\\\\d+\",\"score\":0.9}]"))});
  CHECK(testutil::Spans(*e, "MRN12345", "ci") == std::vector<std::string>{"MRN12345"});
  CHECK(testutil::Spans(*e, "id12345", "cs").empty());
  CHECK(testutil::Spans(*e, "ID12345", "cs") == std::vector<std::string>{"ID12345"});
}
