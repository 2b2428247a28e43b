// postscrub/redact.h — replace findings in a text, leaving every other byte unchanged.
//
// USAGE
//
//   postscrub::RedactChoices choices;                         // empty: each finding uses its rule's strategy
//   choices.by_rule["age"] = postscrub::Strategy::kGeneralize;
//   choices.by_index[2] = postscrub::Strategy::kMask;         // finding #2 of the list passed in
//   choices.skip_index.insert(0);                             // leave finding #0 as it is
//   postscrub::RedactResult r = postscrub::Redact(text, findings, choices);
//   // r.text: the new text; r.edits: what was replaced, in offsets of the ORIGINAL text, sorted by start.
//
// Strategies (contracts §2): label "[PHONE]"; generalize "67-year-old" → "60-some-year-old", "age 67" →
// "age in their 60s", "March 3rd, 2024" → "March 2024", "03/03/2024" → "03/2024", a date without a year →
// "[DATE]", anything else → its label; mask: every letter and digit → "•"; remove: "" plus one adjacent space.
//
// A finding whose byte range does not fit the text, or whose `text` differs from the bytes at that range, is
// skipped (reported in RedactResult::skipped), so stale findings never corrupt a text. Overlapping findings are
// merged into one edit that takes the strategy of the most severe of them (label if the span grew).
#ifndef POSTSCRUB_REDACT_H_
#define POSTSCRUB_REDACT_H_

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "postscrub/types.h"

namespace postscrub {

struct RedactChoices {
  std::map<std::size_t, Strategy> by_index;     // finding index → strategy (wins over by_rule)
  std::map<std::string, Strategy> by_rule;      // rule id → strategy
  std::set<std::size_t> skip_index;             // finding indexes not to redact
  std::set<std::string> skip_rule;              // rule ids not to redact
  bool has_default = false;                     // if true, `default_strategy` replaces each rule's strategy
  Strategy default_strategy = Strategy::kLabel;
};

// One replacement, in offsets of the original text (UTF-16 units and UTF-8 bytes, end exclusive).
struct Edit {
  std::size_t start = 0, end = 0;
  std::size_t byte_start = 0, byte_end = 0;
  std::string replacement;
};

struct RedactResult {
  std::string text;                  // the redacted text
  std::vector<Edit> edits;           // sorted by start, non-overlapping
  std::vector<std::size_t> skipped;  // indexes of findings that did not fit the text
};

// Returns `utf8` with the chosen findings replaced. Uses Finding::label for label strategies.
RedactResult Redact(std::string_view utf8, const std::vector<Finding>& findings, const RedactChoices& choices);

// Returns what `strategy` makes of `span` (the span's own text) for a finding of `category` with `label`
// (an empty label means "[" + upper-case category + "]"). The `remove` strategy returns "".
std::string Replacement(Strategy strategy, std::string_view span, std::string_view category,
                        std::string_view label);

}  // namespace postscrub

#endif  // POSTSCRUB_REDACT_H_
