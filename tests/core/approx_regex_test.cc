// The ASCII-exact stand-in of a regex (approx_regex.h): the rewriting itself, and its two promises checked on the
// default packs' own patterns and examples: identical matches and groups on ASCII text, a superset elsewhere.
// Also what regex_text.h reads from a pattern's text in place of building its RE2: capture groups, program size.
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "approx_regex.h"
#include "regex_text.h"
#include "postscrub/default_packs.h"
#include "test_util.h"

using postscrub::internal::ApproximateRegex;

TEST_CASE("approx: Unicode letter classes keep their ASCII members, the rest stands for any non-ASCII",
          "[approx]") {
  struct Row {
    const char* in;
    const char* out;
    const char* why;
  };
  const Row rows[] = {
      {R"(\p{Lu}\p{Ll}+)", R"([\x{41}-\x{5A}\x{80}-\x{10FFFF}][\x{61}-\x{7A}\x{80}-\x{10FFFF}]+)", "outside a class"},
      {R"([\p{L}'.])", R"([\x{41}-\x{5A}\x{61}-\x{7A}\x{80}-\x{10FFFF}'.])", "inside a class"},
      {R"([^\p{L}\s])", R"([^\x{41}-\x{5A}\x{61}-\x{7A}\s])", "negated class: ASCII members only"},
      {R"(\PL)", R"([\x{0}-\x{40}\x{5B}-\x{60}\x{7B}-\x{7F}\x{80}-\x{10FFFF}])", "\\P: ASCII non-members + non-ASCII"},
      {R"(\p{^Nd})", R"([\x{0}-\x{2F}\x{3A}-\x{7F}\x{80}-\x{10FFFF}])", "\\p{^..} is \\P{..}"},
      {R"(\p{Greek}\d)", R"(\p{Greek}\d)", "unknown property kept"},
      {R"([a-\p{Lu}])", R"([a-\p{Lu}])", "next to '-': kept (a range expression)"},
      {R"(\Q\p{Lu}\E)", R"(\Q\p{Lu}\E)", "quoted text: pattern kept"},
      {R"(\\p{Lu})", R"(\\p{Lu})", "an escaped backslash, then literal text"},
      {R"([]\p{Lu}])", R"([]\x{41}-\x{5A}\x{80}-\x{10FFFF}])", "']' first in a class is a member"},
  };
  for (const Row& row : rows) {
    INFO(row.in << ": " << row.why);
    CHECK(ApproximateRegex(row.in) == row.out);
    CHECK(RE2(ApproximateRegex(row.in)).ok() == RE2(row.in).ok());
  }
}

namespace {

bool IsAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Every match of `re` in `text` with its groups, as "start:len" strings (first-match semantics, as the engine).
std::vector<std::string> AllMatches(const RE2& re, const std::string& text) {
  std::vector<std::string> out;
  const int ng = 1 + re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> g(static_cast<std::size_t>(ng));
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), ng)) {
    for (const auto& s : g) {
      out.push_back(s.data() ? std::to_string(s.data() - text.data()) + ":" + std::to_string(s.size()) : "-");
    }
    const std::size_t end = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
    pos = g[0].empty() ? end + 1 : end;
  }
  return out;
}

}  // namespace

TEST_CASE("approx: on the default packs, same matches on ASCII text and a superset on any text", "[approx]") {
  std::vector<std::pair<std::string, bool>> patterns;  // regex, case_sensitive
  std::vector<std::string> texts;
  for (const auto& pack : postscrub::DefaultPacks()) {
    const nlohmann::json j = nlohmann::json::parse(pack.text, nullptr, false);
    REQUIRE(j.is_object());
    for (const auto& r : j["rules"]) {
      const bool cs = !r.contains("case_sensitive") || r["case_sensitive"].get<bool>();
      if (r.contains("patterns"))  // a `propagate` rule has none
        for (const auto& p : r["patterns"]) patterns.emplace_back(p["regex"].get<std::string>(), cs);
      for (const auto& ex : r["examples"]["match"]) texts.push_back(ex["text"].get<std::string>());
      for (const auto& ex : r["examples"]["no_match"]) texts.push_back(ex.get<std::string>());
    }
  }
  REQUIRE(!patterns.empty());
  std::size_t ascii_texts = 0, rewritten = 0;
  for (const std::string& t : texts) ascii_texts += IsAscii(t);
  CHECK(ascii_texts > 20);
  for (const auto& [regex, cs] : patterns) {
    RE2::Options o;
    o.set_case_sensitive(cs);
    const std::string approx = ApproximateRegex(regex);
    rewritten += approx != regex;
    const RE2 exact(regex, o), stand_in(approx, o);
    INFO(regex << "\n  ~ " << approx);
    REQUIRE(exact.ok());
    REQUIRE(stand_in.ok());
    CHECK(stand_in.NumberOfCapturingGroups() == exact.NumberOfCapturingGroups());
    CHECK(RE2::FullMatch("", stand_in) == RE2::FullMatch("", exact));
    for (const std::string& t : texts) {
      INFO(t);
      if (IsAscii(t)) {
        CHECK(AllMatches(stand_in, t) == AllMatches(exact, t));
      } else if (RE2::PartialMatch(t, exact)) {
        CHECK(RE2::PartialMatch(t, stand_in));
      }
    }
  }
  CHECK(rewritten > 10);  // the name patterns use \p{Lu}/\p{Ll}: the rewriting must actually be exercised
}

namespace {

// RE2's own answers against regex_text.h's for one pattern: the same number of capture groups, and a bound at
// least the size of the program RE2 compiles (case-sensitive or not).
void CheckTextFacts(const std::string& pattern) {
  INFO(pattern);
  for (const bool cs : {true, false}) {
    RE2::Options o;
    o.set_case_sensitive(cs);
    o.set_log_errors(false);
    const RE2 re(pattern, o);
    REQUIRE(re.ok());
    CHECK(postscrub::internal::ReadRegex(pattern).groups == re.NumberOfCapturingGroups());
    CHECK(postscrub::internal::ReadRegex(pattern).size_bound >= re.ProgramSize());
  }
}

}  // namespace

TEST_CASE("regex text: capture groups and a program size bound agree with RE2 on tricky patterns", "[approx]") {
  for (const char* p : {R"(a(b)c)", R"(\\(a\\))", R"(\(a\))", R"([(](x)[)])", R"([]()](y))", R"([^]()](y))",
                        R"((?:a)(b))",
                        R"((?i)(a)(?-i:b))", R"((?P<name>a)(b))", R"(\Q(a)\E(b))", R"(\Q(((x)", R"([[:alpha:](]+(z))",
                        R"(\x{28}(a))", R"(\((b)\))", R"(a{3}(b){2,5})", R"(x{2,})", R"({)", R"(a{,3})",
                        R"((a|b(c|d)){3})", R"(((a{10}){10}){5})", R"(.{50})", R"([^a]{20})",
                        R"([\x{100}-\x{24F}\x{370}-\x{3FF}\x{400}-\x{52F}]{3})", R"([^\x{100}-\x{200}k]+)",
                        R"(\b(?i:[a-zé]{2,20})\b)", R"(é{30}(ß))", R"((?s).{10}\C)", R"([\d\w\s]{8})",
                        R"(\x{10FFFF}\x41\101)", R"(\W{20}\D\S)",
                        R"((?i)k{30}s{30})", R"([^\w]{10}[^\d])", R"((?i)[^k]{5}[^\x{212A}])", R"((?i)(?s:.{9}).)",
                        R"((?i)[ǅΣſ’]{3}ǅ{3})", R"((?i)[a-ǅ]{2}[ǅ-ǆ][\x{370}-ϿĀ])", R"([-ǅ][ǅ-])"}) {
    CheckTextFacts(p);
  }
  CHECK(postscrub::internal::ReadRegex(R"((\p{Greek}+))").groups == 1);
  // What is not bounded: nesting deeper than the reader follows.
  const std::string deep = std::string(40, '(') + "a" + std::string(40, ')') + "(b)";
  CHECK(postscrub::internal::ReadRegex(deep).size_bound == INT64_MAX);
  CHECK(postscrub::internal::ReadRegex(deep).groups == 41);
}

TEST_CASE("regex text: the bound holds for Unicode property classes, alone, negated, folded and combined",
          "[approx]") {
  // Every general category and the largest scripts; regex_text.cc records the maximum over all of RE2's groups.
  const std::vector<std::string> groups = {
      "C",  "Cc", "Cf", "Co", "Cs", "L",  "Ll", "Lm", "Lo", "Lt", "Lu",    "M",      "Mc",    "Me",    "Mn",
      "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Pe", "Pf", "Pi", "Po",    "Ps",     "S",     "Sc",    "Sk",
      "Sm", "So", "Z",  "Zl", "Zp", "Zs", "Latin", "Greek", "Cyrillic", "Han", "Arabic", "Common", "Inherited"};
  for (const std::string& g : groups) {
    for (const std::string& p : {"\\p{" + g + "}", "\\P{" + g + "}", "[^\\p{" + g + "}]", "[x\\p{" + g + "}-]+",
                                 "(\\p{" + g + "}\\p{L}){2}"}) {
      CheckTextFacts(p);
    }
  }
  for (const char* p : {R"(\pL\PN)", R"(\pL{30}\PN{3})", R"([\pL\pN]{20})", R"([\p{L}\p{N}\p{P}\p{S}])", R"([^\p{L}\p{N}\p{Z}])", R"((?i)[\p{Lu}\p{Ll}]{3})",
                        R"(\b\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,3}\b)"}) {
    CheckTextFacts(p);
  }
}

TEST_CASE("regex text: capture groups and program size bound agree with RE2 on every default pattern", "[approx]") {
  std::size_t n = 0;
  for (const auto& pack : postscrub::DefaultPacks()) {
    const nlohmann::json j = nlohmann::json::parse(pack.text, nullptr, false);
    REQUIRE(j.is_object());
    for (const auto& r : j["rules"]) {
      if (!r.contains("patterns")) continue;
      for (const auto& p : r["patterns"]) {
        const std::string regex = p["regex"].get<std::string>();
        CheckTextFacts(ApproximateRegex(regex));
        CheckTextFacts(regex);
        ++n;
      }
      for (const auto& a : r.value("allow_regex", nlohmann::json::array())) CheckTextFacts(a.get<std::string>());
    }
  }
  CHECK(n > 100);
}

TEST_CASE("regex text: the required part before an optional tail", "[approx]") {
  struct Row {
    const char* pattern;
    std::size_t required_end;
  };
  const Row rows[] = {
      {R"(abc(?: x)?)", 3},       {R"(a\b)", 1},          {R"(ab|cd?)", 6},   {R"(a(b|c)?)", 1},
      {R"(a+?)", 3},              {R"(x*)", 2},            {R"((?i)abc\b)", 7}, {R"(a{0,3})", 6},
      {R"(ab{0,3})", 1},          {R"(ab{1,3})", 7},       {R"(a[x?]?)", 1},    {R"(\Qa?\E)", 6},
      {R"(a(?:b|c)d*?)", 8},      {R"(a\d{2}(?: [\w-]+){0,3}$)", 6}, {R"(a{2}?b?)", 5},
      {R"((?:^|\W)(\d{3})(?:-\d{4})?)", 15}, {R"(a(?i)b?)", 5},
  };
  for (const Row& row : rows) {
    INFO(row.pattern);
    CHECK(postscrub::internal::ReadRegex(row.pattern).required_end == row.required_end);
  }
}

TEST_CASE("regex text: the Set's form widens wide counted repetitions, unless counts nest", "[approx]") {
  struct Row {
    const char* pattern;
    const char* set_form;
  };
  const Row rows[] = {
      {R"(a[^.]{0,48}b)", R"(a[^.]{0,}b)"},
      {R"(a{2,4}b)", R"(a{2,4}b)"},                       // a narrow spread stays
      {R"(a{3,12}?b)", R"(a{3,}?b)"},                     // laziness kept
      {R"(ab[^x]{0,30}c(?: d)?)", R"(ab[^x]{0,}c)"},      // and the optional tail goes
      {R"((?:x{0,20}y){0,3}z)", R"((?:x{0,20}y){0,3}z)"},  // nested counts: RE2 limits their product
      {R"(x{0,20}(?:y{2}){3})", R"(x{0,20}(?:y{2}){3})"},
      {R"(q x{1,2000}y)", R"(q x{1,2000}y)"},             // over RE2's limit: left for RE2 to reject
      {R"(a[{]{0,9}\{0,9}b)", R"(a[{]{0,}\{0,9}b)"},     // a brace in a class or escaped is no repetition
      {R"(a|b{0,20}c)", R"(a|b{0,}c)"},
  };
  for (const Row& row : rows) {
    INFO(row.pattern);
    std::string form;
    postscrub::internal::ReadRegex(row.pattern, &form);
    CHECK(form == row.set_form);
  }
}

TEST_CASE("regex text: each default pattern's Set form matches wherever the pattern does", "[approx]") {
  // What the RE2::Set holds must never miss: over every example text of the default packs, a stand-in that
  // matches implies its Set form matches (the empty text included).
  std::vector<std::string> texts;
  std::vector<std::pair<std::string, bool>> patterns;  // stand-in, case-sensitive
  for (const auto& pack : postscrub::DefaultPacks()) {
    const nlohmann::json j = nlohmann::json::parse(pack.text, nullptr, false);
    REQUIRE(j.is_object());
    for (const auto& r : j["rules"]) {
      for (const auto& ex : r["examples"]["match"]) texts.push_back(ex["text"].get<std::string>());
      for (const auto& ex : r["examples"]["no_match"]) texts.push_back(ex.get<std::string>());
      if (!r.contains("patterns")) continue;
      for (const auto& p : r["patterns"]) {
        patterns.emplace_back(ApproximateRegex(p["regex"].get<std::string>()), r.value("case_sensitive", true));
      }
    }
  }
  std::size_t changed = 0;
  for (const auto& [pattern, cs] : patterns) {
    std::string form;
    postscrub::internal::ReadRegex(pattern, &form);
    if (form == pattern) continue;
    ++changed;
    RE2::Options o;
    o.set_case_sensitive(cs);
    o.set_log_errors(false);
    const RE2 whole(pattern, o), part(form, o);
    INFO(pattern << "\n  Set form: " << form);
    REQUIRE(whole.ok());
    REQUIRE(part.ok());
    if (RE2::FullMatch("", whole)) CHECK(RE2::FullMatch("", part));  // the Set must report an empty match
    for (const std::string& t : texts) {
      if (RE2::PartialMatch(t, whole)) CHECK(RE2::PartialMatch(t, part));
    }
  }
  CHECK(changed > 20);  // common enough for the check to mean something
}
