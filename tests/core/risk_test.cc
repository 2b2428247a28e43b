// Post-level risk, including the mosaic rule.
#include "test_util.h"

TEST_CASE("risk levels", "[risk]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  struct Row {
    const char* text;
    const char* level;
    const char* why;
  };
  const Row rows[] = {
      {"Great teamwork today.", "none", "no findings"},
      {"my patient was brave", "low", "one info finding"},
      {"a 67-year-old", "low", "one weak identifier: age"},
      {"SSN 219-09-9999", "high", "a high-severity identifier"},
      {"a 67-year-old seen 03/03/2024", "medium", "mosaic: age + date"},
      {"my patient, a 67-year-old seen 03/03/2024 at Mercy General", "high", "mosaic: four weak kinds"},
  };
  for (const Row& row : rows) {
    INFO(row.text << ": " << row.why);
    CHECK(e->Check(row.text).risk.level == row.level);
  }
  const auto mosaic = e->Check("my patient, a 67-year-old seen 03/03/2024 at Mercy General").risk;
  const auto single = e->Check("a 67-year-old").risk;
  CHECK(mosaic.score > single.score);
  CHECK(mosaic.score <= 1.0);
}

TEST_CASE("mosaic: each patient-context rule is its own weak signal", "[risk]") {
  using testutil::Pack;
  using testutil::Rule;
  const std::string rules =
      Rule("pc-time", "patient_context", "low", "\"patterns\":[{\"regex\":\"last night\",\"score\":0.6}]") + "," +
      Rule("pc-place", "patient_context", "low", "\"patterns\":[{\"regex\":\"our ER\",\"score\":0.6}]") + "," +
      Rule("pc-event", "patient_context", "low", "\"patterns\":[{\"regex\":\"rollover\",\"score\":0.6}]");
  auto e = testutil::MustCompile({Pack("ctx", rules)});
  CHECK(e->Check("a rollover").risk.level == "low");
  // No identifier at all, yet a time, a place and an event point at one patient (the fined physician's post).
  CHECK(e->Check("the rollover we saw in our ER last night").risk.level == "high");
  CHECK(e->Check("the rollover we saw last night").risk.level == "medium");
}
