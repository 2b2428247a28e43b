// Internal: a cheap stand-in for a regex, exact on ASCII text and a superset everywhere else.
//
// Why: RE2 compiles a Unicode class like \p{Lu} or \p{Ll} into a UTF-8 automaton of hundreds of instructions, and
// the name patterns use dozens of them: they made most of the pack compile time (RE2::Set and one RE2 per
// pattern). ApproximateRegex() rewrites the pattern text so that each \p{L}, \p{Lu}, \p{Ll}, \p{N}, \p{Nd} (and
// \P{..}, \p{^..}, the one-letter forms, inside or outside [...]) keeps exactly its ASCII members and stands for
// "any non-ASCII character" beyond them ([A-Z\x{80}-\x{10FFFF}] for \p{Lu}); inside a negated class it keeps only
// the ASCII members, so the negation still covers every character the original covers. Hence:
//   - on text without non-ASCII bytes, every part of the rewritten regex matches exactly the strings the original
//     matches, so matches and capture groups are identical (the engine uses it as is for ASCII posts);
//   - on any text, the rewritten regex matches wherever the original does (the RE2::Set, which only has to say
//     "this pattern may match", holds the rewritten forms; the exact regex then finds the real spans).
// Tokens it cannot prove safe to rewrite (other property names, \Q...\E, a class item next to '-') are kept.
#ifndef POSTSCRUB_SRC_APPROX_REGEX_H_
#define POSTSCRUB_SRC_APPROX_REGEX_H_

#include <string>
#include <string_view>

namespace postscrub {
namespace internal {

// Returns the rewritten pattern, or `pattern` itself when nothing needed (or could safely be) rewritten.
std::string ApproximateRegex(std::string_view pattern);

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_APPROX_REGEX_H_
