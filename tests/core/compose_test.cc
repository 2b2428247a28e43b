// Composition: extends, disable, overrides, allow terms and lexicons of later packs.
#include "test_util.h"

using testutil::Spans;

TEST_CASE("a later pack disables, overrides, allows and extends lexicons", "[compose]") {
  auto base = testutil::MustCompile(testutil::TestPacks(false));
  auto both = testutil::MustCompile(testutil::TestPacks(true));

  // disable: t-context runs in base, not after test-clinic
  CHECK(Spans(*base, "my patient said", "t-context").size() == 1);
  CHECK(Spans(*both, "my patient said", "t-context").empty());
  for (const auto& r : both->rules()) CHECK(r.id != "t-context");

  // overrides: t-phone is medium in base, low after test-clinic
  auto sev = [](const postscrub::Engine& e, const std::string& text) {
    return e.Check(text).findings.at(0).severity;
  };
  CHECK(sev(*base, "call 312-867-5309") == postscrub::Severity::kMedium);
  CHECK(sev(*both, "call 312-867-5309") == postscrub::Severity::kLow);

  // allow (pack level, case-insensitive, exact span): Springfield allowed for every rule
  CHECK(Spans(*base, "in Springfield", "t-location").size() == 1);
  CHECK(Spans(*both, "in SPRINGFIELD springfield", "t-location").empty());
  CHECK(Spans(*both, "at Mercy General", "t-location").size() == 1);

  // lexicons: test-clinic adds "Ngozi" to first_names used by t-name
  CHECK(Spans(*base, "with Ngozi Okafor", "t-name").empty());
  CHECK(Spans(*both, "with Ngozi Okafor", "t-name") == std::vector<std::string>{"Ngozi Okafor"});

  // the new rule of the later pack runs
  CHECK(Spans(*both, "MRN: 00123456", "t-mrn") == std::vector<std::string>{"00123456"});
  CHECK(both->packs().size() == 2);
}

TEST_CASE("composition errors name the pack and the field", "[compose]") {
  const std::string clinic = testutil::Fixture("packs/valid/02-clinic.json");
  // test-clinic alone: its extends target is missing
  auto r = postscrub::Engine::Compile(std::vector<std::string>{clinic});
  CHECK(r.error().find("pack test-clinic: /extends: unknown pack \"test-base\"") != std::string::npos);
  // the same pack twice
  const std::string base = testutil::Fixture("packs/valid/01-base.json");
  r = postscrub::Engine::Compile(std::vector<std::string>{base, base});
  CHECK(r.error().find("pack test-base: /id: duplicate pack id") != std::string::npos);
  // order matters: the overlay before its base
  r = postscrub::Engine::Compile(std::vector<std::string>{clinic, base});
  CHECK_FALSE(r.ok());
  // a rule id reused by a later pack
  const std::string dup = testutil::Pack("dup", testutil::Rule("t-ssn", "ssn", "high",
                                                               "\"patterns\":[{\"regex\":\"x\",\"score\":0.5}]"));
  r = postscrub::Engine::Compile(std::vector<std::string>{base, dup});
  CHECK(r.error().find("pack dup: rule t-ssn: /rules/0/id: duplicate rule id (also in pack test-base)") !=
        std::string::npos);
}

// Patterns are parsed at compile time and built on first use (pack_parser.cc): the checks that building did must
// still fail the compile, with the same message.
TEST_CASE("pattern errors are found at compile time although patterns are built on first use", "[compose]") {
  const auto pack = [](const std::string& id, const std::string& patterns, const std::string& extra = "") {
    return testutil::Pack(id, testutil::Rule("r-" + id, "ssn", "high", "\"patterns\":[" + patterns + "]"), extra);
  };
  const auto compile = [](const std::vector<std::string>& packs) { return postscrub::Engine::Compile(packs).error(); };
  // An empty-matching pattern after a good one, in an active rule.
  const std::string em = pack("em", R"j({"regex":"\\d{3}","score":0.5},{"regex":"a?b*","score":0.5})j");
  const std::string message = "pack em: rule r-em: /rules/0/patterns/1/regex: matches the empty string";
  CHECK(compile({em}) == message);
  // The same in a rule a later pack disables: still an error, as when every pattern was built at once.
  CHECK(compile({em, pack("later", R"j({"regex":"x","score":0.5})j", R"j("disable":["r-em"])j")}) == message);
  // Anchors and word boundaries on the empty text, as RE2 decides them.
  for (const std::string re : {R"j(^$)j", R"j((?m)^)j", R"j(\\B)j", R"j((?:x|)\\z)j"}) {
    INFO(re);
    CHECK(compile({pack("em", R"j({"regex":")j" + re + R"j(","score":0.5})j")}) ==
          "pack em: rule r-em: /rules/0/patterns/0/regex: matches the empty string");
  }
  CHECK(compile({pack("ok", R"j({"regex":"\\b","score":0.5},{"regex":"(a)|(b)","score":0.5,"group":2})j")}).empty());
  CHECK(compile({pack("g", R"j({"regex":"(?:a)|\\(b\\)|[(]","score":0.5,"group":1})j")}) ==
        "pack g: rule r-g: /rules/0/patterns/0/group: the regex has only 0 capture groups");
  // A pattern whose program does not fit in regex_max_mem is still reported when the pack is compiled.
  postscrub::CompileOptions small;
  small.regex_max_mem = 64 << 10;
  const auto r = postscrub::Engine::Compile(
      std::vector<postscrub::PackSource>{{pack("big", R"j({"regex":"(?:abcdefgh){1000}","score":0.5})j"), "big.json"}},
      small);
  CHECK(r.error() ==
        "pack big: rule r-big: /rules/0/patterns/0/regex: invalid RE2 regex: pattern too large - compile failed");
}
