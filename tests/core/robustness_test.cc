// Any input is safe: empty, huge, invalid UTF-8, pathological; the findings count is capped.
#include <chrono>
#include <random>

#include "test_util.h"

TEST_CASE("empty and whitespace texts", "[robustness]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  CHECK(e->Check("").findings.empty());
  CHECK(e->Check("").risk.level == "none");
  CHECK(e->Check(" \n\t").findings.empty());
  CHECK(e->Check(std::string("\0\0", 2)).findings.empty());
}

TEST_CASE("1 MB of text: finishes quickly and finds what is there", "[robustness]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  std::string text;
  while (text.size() < (1u << 20)) text += "Lorem ipsum dolor sit amet, 😀 consectetur adipiscing elit. ";
  text += "SSN 219-09-9999";
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = e->Check(text);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].text == "219-09-9999");
  CHECK(ms < 5000);  // linear time; typically a few ms natively
}

TEST_CASE("findings are capped and the result says so", "[robustness]") {
  postscrub::CompileOptions o;
  o.max_findings = 100;
  auto compiled = postscrub::Engine::Compile(testutil::TestPacks(), o);
  REQUIRE(compiled.ok());
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "SSN 219-09-9999 ";
  const auto r = compiled.engine()->Check(text);
  CHECK(r.findings.size() == 100);
  CHECK(r.truncated);
  auto full = testutil::MustCompile(testutil::TestPacks());
  CHECK(full->Check(text).findings.size() == 1000);
}

TEST_CASE("random bytes never crash and offsets stay inside the text", "[robustness]") {
  auto e = testutil::MustCompile(testutil::TestPacks(true));
  std::mt19937 rng(12345);
  const std::string alphabet = "0123456789-/ ()SSNMRNage year-old[]•\xF0\x9D\x90\x80\xFF\xC3\xA9\xE2\x80";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) {
      if (rng() % 4 == 0) text.push_back(static_cast<char>(rng() & 0xFF));
      else text.push_back(alphabet[rng() % alphabet.size()]);
    }
    const auto r = e->Check(text);
    for (const auto& f : r.findings) {
      REQUIRE(f.byte_start < f.byte_end);
      REQUIRE(f.byte_end <= text.size());
      REQUIRE(f.start < f.end);
      REQUIRE(f.text == text.substr(f.byte_start, f.byte_end - f.byte_start));
    }
    const auto red = e->Redact(text, r.findings, {});
    CHECK(red.skipped.empty());
  }
}

TEST_CASE("catastrophic-backtracking patterns stay linear in RE2", "[robustness]") {
  auto e = testutil::MustCompile({testutil::Pack(
      "p", testutil::Rule("evil", "other_id", "high", "\"patterns\":[{\"regex\":\"(a+)+$\",\"score\":0.9}]"))});
  const std::string text = std::string(100000, 'a') + "!";
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(e->Check(text).findings.empty());
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
}
