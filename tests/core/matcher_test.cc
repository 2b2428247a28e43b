// Matching: keyword prefilter, validators, context scoring, allowlists, min_score, overlaps, placeholders.
#include "test_util.h"

using testutil::Pack;
using testutil::Rule;
using testutil::Spans;

TEST_CASE("test pack: positives and negatives per rule", "[matcher]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  struct Row {
    const char* text;
    const char* rule;
    const char* span;  // nullptr: no finding of the rule
    const char* why;
  };
  const Row rows[] = {
      {"SSN 219-09-9999 on file", "t-ssn", "219-09-9999", "valid SSN"},
      {"SSN 000-09-9999 on file", "t-ssn", nullptr, "validator rejects area 000"},
      {"sample 123-45-6789", "t-ssn", nullptr, "rule allow list"},
      {"call 312-867-5309", "t-phone", "312-867-5309", "valid NANP number"},
      {"call 800-867-5309", "t-phone", nullptr, "allow_regex ^800-"},
      {"call 312-555-0123", "t-phone", nullptr, "555-01xx fiction number"},
      {"a 67-year-old man", "t-age", "67-year-old", "age pattern"},
      {"AGE 54", "t-age", "AGE 54", "case-insensitive rule"},
      {"a 300-year-old oak", "t-age", nullptr, "age validator: 0–125"},
      {"seen 02/30/2024", "t-date", nullptr, "not a calendar date"},
      {"at Springfield", "t-location", "Springfield", "keyword present"},
      {"visited Maria Delgado", "t-name", "Maria Delgado", "lexicon: first name"},
      {"has Parkinson Disease", "t-name", nullptr, "lexicon: eponym is not a name"},
  };
  for (const Row& row : rows) {
    INFO(row.text << " / " << row.rule << ": " << row.why);
    const std::vector<std::string> got = Spans(*e, row.text, row.rule);
    if (row.span) {
      CHECK(got == std::vector<std::string>{row.span});
    } else {
      CHECK(got.empty());
    }
  }
}

TEST_CASE("keywords gate a rule; context words raise and lower the score", "[matcher]") {
  const std::string rules =
      Rule("kw", "other_id", "medium",
           "\"keywords\":[\"ref\"],\"patterns\":[{\"regex\":\"\\\\b[A-Z]{2}\\\\d{4}\\\\b\",\"score\":0.6}]") +
      "," +
      Rule("ctx", "account_number", "medium",
           "\"patterns\":[{\"regex\":\"\\\\b\\\\d{8}\\\\b\",\"score\":0.4}],"
           "\"context\":[{\"words\":[\"account\",\"acct #\"],\"window\":15,\"boost\":0.3},"
           "{\"words\":[\"tracking\"],\"window\":15,\"boost\":-0.4}],\"min_score\":0.5");
  auto e = testutil::MustCompile({Pack("p", rules)});
  CHECK(Spans(*e, "AB1234", "kw").empty());                        // no keyword in the text
  CHECK(Spans(*e, "REF: AB1234", "kw").size() == 1);               // keyword is case-insensitive
  CHECK(Spans(*e, "number 12345678", "ctx").empty());              // 0.4 < min_score
  CHECK(Spans(*e, "Account 12345678", "ctx").size() == 1);         // 0.4 + 0.3
  CHECK(Spans(*e, "12345678 is the account", "ctx").size() == 1);  // context after the span counts
  CHECK(Spans(*e, "acct # 12345678", "ctx").size() == 1);          // a phrase with a symbol
  CHECK(Spans(*e, "accounts 12345678", "ctx").empty());            // whole words only
  CHECK(Spans(*e, "account tracking 12345678", "ctx").empty());    // 0.4 + 0.3 − 0.4
  CHECK(Spans(*e, "account, then a long aside here 12345678", "ctx").empty());  // outside the window
  const auto r = e->Check("Account 12345678");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].score == Approx(0.7));
}

TEST_CASE("overlaps: severity, then score, then length wins; high of another category survives", "[matcher]") {
  auto rules_of = [](const postscrub::CheckResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.rule + ":" + f.text);
    return out;
  };
  {
    const std::string rules =
        Rule("long-low", "other_id", "low", "\"patterns\":[{\"regex\":\"\\\\bX\\\\d{6}\\\\b\",\"score\":0.9}]") + "," +
        Rule("short-med", "account_number", "medium", "\"patterns\":[{\"regex\":\"\\\\d{6}\",\"score\":0.6}]") + "," +
        Rule("same-cat", "account_number", "medium", "\"patterns\":[{\"regex\":\"\\\\d{4}\",\"score\":0.9}]") + "," +
        Rule("longer", "account_number", "medium", "\"patterns\":[{\"regex\":\"Y\\\\d{3}\",\"score\":0.9}]") + "," +
        Rule("shorter", "account_number", "medium", "\"patterns\":[{\"regex\":\"\\\\d{3}\",\"score\":0.9}]");
    auto e = testutil::MustCompile({Pack("p", rules)});
    // same severity: the higher score (same-cat 0.9) beats the longer short-med (0.6); the low one loses
    CHECK(rules_of(e->Check("X123456")) == std::vector<std::string>{"same-cat:1234"});
    // same severity and score: the longer wins
    CHECK(rules_of(e->Check("Y789")) == std::vector<std::string>{"longer:Y789"});
  }
  {
    const std::string rules =
        Rule("hi-a", "ssn", "high", "\"patterns\":[{\"regex\":\"\\\\d{3}-\\\\d{2}-\\\\d{4}\",\"score\":0.9}]") + "," +
        Rule("hi-b", "phone", "high", "\"patterns\":[{\"regex\":\"\\\\d{3}-\\\\d{2}-\\\\d{4} x\\\\d+\",\"score\":0.5}]") +
        "," + Rule("med-c", "fax", "medium", "\"patterns\":[{\"regex\":\"\\\\d{2}-\\\\d{4} x\",\"score\":0.9}]") + "," +
        Rule("hi-same", "ssn", "high", "\"patterns\":[{\"regex\":\"45-6789 x\",\"score\":0.5}]");
    auto e = testutil::MustCompile({Pack("p", rules)});
    // hi-b loses to hi-a but is kept: another category and severity high; med-c and hi-same (same category
    // as hi-a) are dropped.
    CHECK(rules_of(e->Check("123-45-6789 x12")) ==
          std::vector<std::string>{"hi-a:123-45-6789", "hi-b:123-45-6789 x12"});
  }
}

TEST_CASE("overlaps: statements and identifiers are different risks; an identifier inside another is one", "[matcher]") {
  auto rules_of = [](const postscrub::CheckResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.rule + ":" + f.text);
    return out;
  };
  const std::string rules =
      Rule("advice", "medical_advice", "medium",
           "\"patterns\":[{\"regex\":\"double your \\\\w+ and DM me\",\"score\":0.6}]") + "," +
      Rule("dm", "boundary", "medium", "\"patterns\":[{\"regex\":\"DM me your labs\",\"score\":0.9}]") + "," +
      Rule("bed", "patient_context", "medium", "\"patterns\":[{\"regex\":\"the drunk in bed 4\",\"score\":0.9}]") + "," +
      Rule("label", "disparagement", "low", "\"patterns\":[{\"regex\":\"drunk\",\"score\":0.6}]") + "," +
      Rule("addr", "location", "high", "\"patterns\":[{\"regex\":\"\\\\d+ Oak Street\",\"score\":0.9}]") + "," +
      Rule("nm", "name", "high", "\"patterns\":[{\"regex\":\"Oak\",\"score\":0.6}]") + "," +
      Rule("unit", "location", "medium", "\"patterns\":[{\"regex\":\"bed 4\",\"score\":0.9}]");
  auto e = testutil::MustCompile({Pack("p", rules)});
  // two statements of different categories both stay, whatever their severity
  CHECK(rules_of(e->Check("double your metformin and DM me your labs")) ==
        std::vector<std::string>{"advice:double your metformin and DM me", "dm:DM me your labs"});
  CHECK(rules_of(e->Check("the drunk in bed 4")) ==
        std::vector<std::string>{"bed:the drunk in bed 4", "label:drunk", "unit:bed 4"});
  // a high identifier inside a high identifier of another category is dropped: the outer redaction covers it
  CHECK(rules_of(e->Check("lives at 12 Oak Street")) == std::vector<std::string>{"addr:12 Oak Street"});
}

TEST_CASE("placeholders the engine writes are never flagged", "[matcher]") {
  const std::string rules =
      Rule("caps", "name", "high", "\"patterns\":[{\"regex\":\"\\\\b[A-Z]{3,}\\\\b\",\"score\":0.9}]") + "," +
      Rule("dots", "other_id", "high", "\"patterns\":[{\"regex\":\"\\\\S+-\\\\S+\",\"score\":0.9}]");
  auto e = testutil::MustCompile({Pack("p", rules)});
  CHECK(Spans(*e, "see [NAME] and [SSN]", "caps").empty());
  CHECK(Spans(*e, "number •••-••-••••", "dots").empty());
  CHECK(Spans(*e, "see BOB", "caps") == std::vector<std::string>{"BOB"});     // not a placeholder
  CHECK(Spans(*e, "x ab-cd", "dots") == std::vector<std::string>{"ab-cd"});
}

TEST_CASE("findings are sorted by start and carry rule data", "[matcher]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const auto r = e->Check("call 312-867-5309 about SSN 219-09-9999");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].rule == "t-phone");
  CHECK(r.findings[1].rule == "t-ssn");
  CHECK(r.findings[1].pack == "test-base");
  CHECK(r.findings[1].category == "ssn");
  CHECK(r.findings[1].message == "Social Security number");
  CHECK(r.findings[1].replacement == "[SSN]");
  CHECK(r.findings[0].replacement == "[PHONE]");  // default label from the category
  CHECK(r.findings[1].score == Approx(0.9));      // 0.6 + "ssn" context 0.3
}
