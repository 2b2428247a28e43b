// Internal: facts about a regex read from its text, so that pack compile need not build its RE2 program.
//
// Why: building one RE2 per pattern at pack compile (parse, program, one-pass analysis) was a third of the compile
// time, and most patterns never match a given user's posts. The pack parser now only parses each pattern (an RE2
// with no room for a program: syntax errors) and takes the rest from here; the RE2 is built on first use. Both
// functions expect a pattern that RE2 has already parsed without error.
#ifndef POSTSCRUB_SRC_REGEX_TEXT_H_
#define POSTSCRUB_SRC_REGEX_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace postscrub {
namespace internal {

struct RegexFacts {
  // RE2's NumberOfCapturingGroups(): every '(' that is not escaped, quoted (\Q...\E) or inside [...], and is not
  // followed by '?' unless it opens a named group (?P<name>...).
  int groups = 0;
  // An upper bound on the number of instructions RE2 compiles the pattern into (case-insensitive or not), or
  // INT64_MAX when the text holds what is not bounded here (groups nested deeper than 32). Generous on
  // purpose: patterns under the bound are compiled on first use, those over it at pack compile, so that a pattern
  // RE2 cannot compile within max_mem is still reported as an error then and no rule goes silent later.
  std::int64_t size_bound = 0;
  // Where the pattern's optional tail starts: the end of its last top-level item that must match something
  // (items quantified by ?, *, {0,..} and the zero-width \b \B \A \z ^ $ are optional). The pattern's length when
  // nothing trails, when the pattern has a top-level '|', or when every item is optional. Whatever the pattern
  // matches, the text before required_end matches a prefix of it: the RE2::Set, which only says "may match", holds
  // that shorter form (an optional `(?: [\w-]+){0,3}` tail compiles to dozens of instructions for nothing).
  std::size_t required_end = 0;
};

// Reads the facts from the text of a pattern that RE2 parses without error, in one pass. If `set_form` is given,
// sets it to what the RE2::Set holds for the pattern: the required part (required_end), with each counted
// repetition of a wide spread ({0,48}, {2,40}) written open-ended ({0,}, {2,}) unless counted repetitions nest.
// Either change only widens what matches (the Set only says "may match"; the pattern's own regex decides), and
// neither changes whether the empty string matches.
RegexFacts ReadRegex(std::string_view pattern, std::string* set_form = nullptr);

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_REGEX_TEXT_H_
