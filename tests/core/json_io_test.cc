// JSON forms: the §3 finding shape, the --jsonl record, and parsing findings and choices back.
#include <nlohmann/json.hpp>

#include "json_walk.h"
#include "postscrub/json_io.h"
#include "test_util.h"

using nlohmann::json;

TEST_CASE("check result JSON has the contract fields", "[json]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const auto r = e->Check("😀 SSN 219-09-9999");
  const json j = json::parse(postscrub::CheckResultToJson(r), nullptr, false);
  REQUIRE(j.is_object());
  REQUIRE(j["findings"].size() == 1);
  const json& f = j["findings"][0];
  for (const char* key : {"start", "end", "byte_start", "byte_end", "text", "category", "rule", "pack", "severity",
                          "score", "message", "description", "advice", "redaction"}) {
    INFO(key);
    CHECK(f.contains(key));
  }
  CHECK(f["start"] == 7);
  CHECK(f["byte_start"] == 9);
  CHECK(f["redaction"]["strategy"] == "label");
  CHECK(f["redaction"]["replacement"] == "[SSN]");
  CHECK(j["risk"]["level"] == "high");
}

TEST_CASE("jsonl record: id kept as given, compact findings", "[json]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string line = postscrub::CheckResultToJsonl("17", e->Check("call 312-867-5309"));
  CHECK(line.find('\n') == std::string::npos);
  const json j = json::parse(line, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["id"] == 17);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0].size() == 6);  // start, end, category, rule, severity, score
  CHECK(j["findings"][0]["start"] == 5);
  CHECK(j["findings"][0]["end"] == 17);
  CHECK(j["risk"].contains("level"));
}

TEST_CASE("findings and choices parse back and drive redaction", "[json]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text = "SSN 219-09-9999 and call 312-867-5309";
  const auto r = e->Check(text);
  const json j = json::parse(postscrub::CheckResultToJson(r), nullptr, false);
  std::vector<postscrub::Finding> back;
  std::string error;
  REQUIRE(postscrub::FindingsFromJson(j["findings"].dump(), &back, &error));
  REQUIRE(back.size() == 2);
  postscrub::RedactChoices choices;
  REQUIRE(postscrub::RedactChoicesFromJson(R"({"1": "mask", "t-ssn": "keep"})", &choices, &error));
  CHECK(postscrub::Redact(text, back, choices).text == "SSN 219-09-9999 and call •••-•••-••••");
  REQUIRE(postscrub::RedactChoicesFromJson("", &choices, &error));
  CHECK(postscrub::Redact(text, back, choices).text == "SSN [SSN] and call [PHONE]");
  CHECK_FALSE(postscrub::RedactChoicesFromJson(R"({"0": "shred"})", &choices, &error));
  CHECK(error.find("unknown strategy") != std::string::npos);
  CHECK_FALSE(postscrub::FindingsFromJson(R"([{"byte_start": "x"}])", &back, &error));
  CHECK_FALSE(postscrub::FindingsFromJson("not json", &back, &error));
}

TEST_CASE("rules and packs listings", "[json]") {
  auto e = testutil::MustCompile(testutil::TestPacks(true));
  const json rules = json::parse(postscrub::RulesToJson(e->rules()), nullptr, false);
  const json packs = json::parse(postscrub::PacksToJson(e->packs()), nullptr, false);
  REQUIRE(rules.is_array());
  CHECK(rules.size() == 7);  // 7 base rules − t-context + t-mrn
  CHECK(packs.size() == 2);
  CHECK(packs[1]["id"] == "test-clinic");
}

TEST_CASE("scores are written as nlohmann's dump() writes them", "[json]") {
  // Every score the engine can produce (3 decimals in [0, 1]) and a few beyond, against nlohmann's own digits.
  for (int k = -2000; k <= 3000; ++k) {
    const double d = k / 1000.0;
    INFO(k);
    CHECK(postscrub::internal::NumberText(d) == json(d).dump());
  }
  CHECK(postscrub::internal::NumberText(0.1234) == "0.123");  // more decimals than a score has: rounded
  CHECK(postscrub::internal::NumberText(0.9996) == "1.0");
  CHECK(postscrub::internal::NumberText(123456.5) == "123456.5");
  CHECK(postscrub::internal::NumberText(std::nan("")) == "null");
  CHECK(postscrub::internal::NumberText(1e300) == "null");
}
