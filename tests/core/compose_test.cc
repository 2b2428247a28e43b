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
