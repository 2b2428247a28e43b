// postscrub/types.h — the plain value types every Postscrub API speaks: severities, findings, risk.
//
// Everything here is a copyable struct with no behaviour of its own; the engine (postscrub/engine.h) fills them,
// the JSON layer (postscrub/json_io.h) prints them in the shape of docs/contracts.md §3.
//
//   postscrub::Severity s;
//   if (postscrub::ParseSeverity("medium", &s)) { ... }     // false for anything not info|low|medium|high
//   std::printf("%s\n", postscrub::SeverityName(s));        // "medium"
#ifndef POSTSCRUB_TYPES_H_
#define POSTSCRUB_TYPES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace postscrub {

// Severities, in order: info < low < medium < high (the enum values compare in that order).
enum class Severity { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3 };

// Returns "info", "low", "medium" or "high".
const char* SeverityName(Severity s);
// Returns true and sets *out if `name` is one of the four names (exact, lower-case); false otherwise.
bool ParseSeverity(std::string_view name, Severity* out);

// Redaction strategies (contracts §2): label → "[SSN]", generalize → "in their 60s" / "March 2024",
// mask → every letter and digit becomes "•", remove → "" (plus one adjacent space).
enum class Strategy { kLabel, kGeneralize, kMask, kRemove };

// Returns "label", "generalize", "mask" or "remove".
const char* StrategyName(Strategy s);
// Returns true and sets *out if `name` is one of the four names; false otherwise.
bool ParseStrategy(std::string_view name, Strategy* out);

// One reported span. Offsets index the text that was passed to Engine::Check(): `start`/`end` in UTF-16 code
// units (JavaScript string indices), `byte_start`/`byte_end` in UTF-8 bytes; both end-exclusive. If the text held
// invalid UTF-8, each invalid byte counts as one U+FFFD (one UTF-16 unit) and byte offsets still index the
// original bytes.
struct Finding {
  std::size_t start = 0, end = 0;
  std::size_t byte_start = 0, byte_end = 0;
  std::string text;          // the original bytes [byte_start, byte_end)
  std::string category;      // a category id of contracts §1, e.g. "ssn"
  std::string rule;          // the rule id, e.g. "us-ssn"
  std::string pack;          // the id of the pack that defined the rule
  Severity severity = Severity::kInfo;  // after pack overrides
  double score = 0;          // in [0, 1], rounded to 3 decimals
  std::string message, description, advice;
  Strategy strategy = Strategy::kLabel; // the rule's redaction strategy
  std::string label;         // the rule's label, e.g. "[SSN]" (default "[" + CATEGORY + "]")
  std::string replacement;   // what `strategy` makes of `text`
};

// Post-level risk (contracts §3). `level` is "none", "low", "medium" or "high".
struct Risk {
  std::string level = "none";
  double score = 0;          // in [0, 1], rounded to 3 decimals
};

// What Engine::Check() returns. Findings are sorted by start offset.
struct CheckResult {
  std::vector<Finding> findings;
  Risk risk;
  bool truncated = false;    // true if more than CompileOptions::max_findings findings were cut off
};

// A rule as the engine holds it after composition (disabled rules are not listed).
struct RuleInfo {
  std::string id, pack, category;
  Severity severity = Severity::kInfo;
  std::string message, description;
};

// A loaded pack.
struct PackInfo {
  std::string id, name, version, publisher;
  std::size_t rule_count = 0;  // rules defined by this pack (including ones a later pack disabled)
};

}  // namespace postscrub

#endif  // POSTSCRUB_TYPES_H_
