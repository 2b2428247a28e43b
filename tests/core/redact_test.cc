// Redaction: strategies, generalize forms, and every byte outside a chosen span unchanged.
#include <algorithm>

#include "postscrub/redact.h"
#include "test_util.h"

using postscrub::Replacement;
using postscrub::Strategy;

TEST_CASE("replacement per strategy", "[redact]") {
  struct Row {
    Strategy strategy;
    const char* span;
    const char* category;
    const char* expected;
    const char* why;
  };
  const Row rows[] = {
      {Strategy::kLabel, "219-09-9999", "ssn", "[SSN]", "default label from the category"},
      {Strategy::kLabel, "x", "health_plan_id", "[HEALTH_PLAN_ID]", "underscores kept, upper case"},
      {Strategy::kMask, "219-09-9999", "ssn", "•••-••-••••", "digits masked, hyphens kept"},
      {Strategy::kMask, "José O'Neil", "name", "•••• •'••••", "accented letter is one •"},
      {Strategy::kMask, "Jose\xCC\x81", "name", "••••", "combining mark goes with its letter"},
      {Strategy::kRemove, "anything", "name", "", "remove is empty"},
      {Strategy::kGeneralize, "67-year-old", "age", "60-some-year-old", "compound adjective keeps its grammar"},
      {Strategy::kGeneralize, "age 67", "age", "age in their 60s", "noun phrase"},
      {Strategy::kGeneralize, "67 yo", "age", "in their 60s", "yo suffix absorbed"},
      {Strategy::kGeneralize, "5-year-old", "age", "under-10-year-old", "under ten"},
      {Strategy::kGeneralize, "92 years old", "date", "90-plus years old", "over 89 is a date category item"},
      {Strategy::kGeneralize, "age 94", "date", "age 90 or older", "HIPAA: 90 or older"},
      {Strategy::kGeneralize, "March 3rd, 2024", "date", "March 2024", "written date"},
      {Strategy::kGeneralize, "Mar 3, 2024", "date", "Mar 2024", "abbreviated month kept as written"},
      {Strategy::kGeneralize, "03/03/2024", "date", "03/2024", "numeric US date"},
      {Strategy::kGeneralize, "25.12.2023", "date", "12.2023", "day first when the first number > 12"},
      {Strategy::kGeneralize, "2024-03-03", "date", "2024-03", "ISO date"},
      {Strategy::kGeneralize, "2024-03-03T10:30", "date", "2024-03", "ISO date with time"},
      {Strategy::kGeneralize, "11/18", "date", "[DATE]", "no year: label"},
      {Strategy::kGeneralize, "March 3rd", "date", "[DATE]", "written, no year: label"},
      {Strategy::kGeneralize, "(415) 555-2671", "phone", "[PHONE]", "other categories fall back to label"},
  };
  for (const Row& row : rows) {
    INFO(row.span << ": " << row.why);
    CHECK(Replacement(row.strategy, row.span, row.category, "") == row.expected);
  }
  CHECK(Replacement(Strategy::kLabel, "x", "ssn", "[ID]") == "[ID]");  // a rule's own label wins
}

TEST_CASE("redaction changes only the chosen spans, byte for byte", "[redact]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text =
      "😀 Café: my patient Maria Delgado (SSN 219-09-9999), a 67-year-old seen 03/03/2024 at Mercy General; "
      "call 312-867-5309 \xFF end";
  const auto r = e->Check(text);
  REQUIRE(r.findings.size() >= 6);
  const auto red = e->Redact(text, r.findings, postscrub::RedactChoices());
  CHECK(red.skipped.empty());
  REQUIRE(red.edits.size() == r.findings.size());
  // Walk the original and the result together: outside the edits the bytes must be identical.
  std::size_t in = 0, out = 0;
  for (const auto& edit : red.edits) {
    const std::size_t same = edit.byte_start - in;
    CHECK(red.text.compare(out, same, text, in, same) == 0);
    out += same;
    CHECK(red.text.compare(out, edit.replacement.size(), edit.replacement) == 0);
    out += edit.replacement.size();
    in = edit.byte_end;
  }
  CHECK(red.text.substr(out) == text.substr(in));
  CHECK(red.text.find("[SSN]") != std::string::npos);
  CHECK(red.text.find("60-some-year-old") != std::string::npos);
  CHECK(red.text.find("03/2024") != std::string::npos);
  CHECK(red.text.find("•••••  •••••••") == std::string::npos);
  CHECK(red.text.find("••••• •••••••") != std::string::npos);  // mask of "Mercy General"
  CHECK(red.text.find("219-09-9999") == std::string::npos);
}

TEST_CASE("redaction does not depend on the order the findings are given in", "[redact]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text = "SSN 219-09-9999, call 312-867-5309, a 67-year-old at Mercy General on 03/03/2024";
  const auto r = e->Check(text);
  REQUIRE(r.findings.size() >= 4);
  const auto in_order = e->Redact(text, r.findings, postscrub::RedactChoices());
  auto reversed = r.findings;
  std::reverse(reversed.begin(), reversed.end());
  // Overlapping duplicates too: one edit per cluster, whatever the order.
  reversed.insert(reversed.begin() + 1, r.findings.begin(), r.findings.end());
  const auto shuffled = e->Redact(text, reversed, postscrub::RedactChoices());
  CHECK(shuffled.text == in_order.text);
  REQUIRE(shuffled.edits.size() == in_order.edits.size());
  for (std::size_t i = 0; i < in_order.edits.size(); ++i) {
    CHECK(shuffled.edits[i].byte_start == in_order.edits[i].byte_start);
    CHECK(shuffled.edits[i].replacement == in_order.edits[i].replacement);
  }
}

TEST_CASE("a redacted text is not flagged again", "[redact]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text = "SSN 219-09-9999, call 312-867-5309, at Mercy General";
  for (Strategy s : {Strategy::kLabel, Strategy::kMask, Strategy::kRemove}) {
    postscrub::RedactChoices choices;
    choices.has_default = true;
    choices.default_strategy = s;
    const auto red = e->Redact(text, e->Check(text).findings, choices);
    INFO(postscrub::StrategyName(s) << ": " << red.text);
    CHECK(e->Check(red.text).findings.empty());
  }
}

TEST_CASE("choices: per index, per rule, keep; remove takes one space", "[redact]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text = "SSN 219-09-9999 and call 312-867-5309 now";
  const auto findings = e->Check(text).findings;
  REQUIRE(findings.size() == 2);
  postscrub::RedactChoices c;
  c.by_rule["t-phone"] = Strategy::kMask;
  c.skip_index.insert(0);
  CHECK(e->Redact(text, findings, c).text == "SSN 219-09-9999 and call •••-•••-•••• now");
  c = postscrub::RedactChoices();
  c.by_index[0] = Strategy::kRemove;
  c.by_index[1] = Strategy::kRemove;
  CHECK(e->Redact(text, findings, c).text == "SSN and call now");
  c.by_index[1] = Strategy::kLabel;
  const auto red = e->Redact(text, findings, c);
  CHECK(red.text == "SSN and call [PHONE] now");
  REQUIRE(red.edits.size() == 2);
  CHECK(red.edits[0].start == 3);  // the space before the SSN went with it
  CHECK(red.edits[0].end == 15);
}

TEST_CASE("stale or out-of-range findings are skipped, not applied", "[redact]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  auto findings = e->Check("SSN 219-09-9999").findings;
  REQUIRE(findings.size() == 1);
  const auto red = postscrub::Redact("SSN 219-09-9998", findings, {});  // text changed since the check
  CHECK(red.text == "SSN 219-09-9998");
  CHECK(red.skipped == std::vector<std::size_t>{0});
  findings[0].byte_end = 1000;
  CHECK(postscrub::Redact("SSN 219-09-9999", findings, {}).skipped.size() == 1);
}
