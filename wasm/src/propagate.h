// Internal: findings that follow from other findings of the same post (contracts §2, rule field "propagate").
//
// A name, once found, is a name wherever it recurs: "Anna Kowalski … later Kowalski said" and "Ana, Luis and
// Priya", where only "Priya" is in a name list. A rule with a `propagate` object has no patterns of its own; after
// overlap resolution it takes the surviving findings of the categories in `from` as seeds and adds
//   - repeats: other whole-word occurrences of a seed's words (≥ min_length letters). A capitalised (or all-caps)
//     occurrence counts; a lower-case one only if the seed itself was written lower-case or the word is in one of
//     the `lower_case_in` lexicons; one at the start of a sentence not if the word is in `sentence_start_none_in`
//     ("Will Smith … Will you").
//   - list neighbours: a word joined to a seed (or to a neighbour already added) by one of `list_joiners` (",",
//     "and", "&", "/", ", and") that is written like the seed (capitalised, or lower-case after a lower-case
//     seed) and looks like a name on its own: in a `list_words_in` lexicon, ending with an entry of a
//     `list_endings_in` lexicon, or, with `list_non_ascii`, spelt with a non-ASCII letter ("Kónya").
//   - lists nobody found yet (list_names_in set): two or more words joined by `list_joiners` and written alike.
//     Members are found names (seeds), strong (a `list_names_in` word or a `list_endings_in` ending), weak (a
//     `list_weak_in` word, or non-ASCII with `list_non_ascii`), bad (a `list_none_in` word) or unknown. A list
//     with `list_min_names` seeds+strong members, or a capitalised one with a strong and a weak member, gives
//     its strong and weak members; with `list_unknown_min_members` members or more and two names, its unknown
//     ones too ("Gaetane, Hannah, Anthony and Derek"). A list starting a sentence needs two names; a lower-case
//     list needs three members, all but one strong ("silvana, adam, chad and caleb").
//   - speaker labels (speaker_labels): a word alone before ":" at the start of a line ("Ubul: What a wife.").
//     With two such lines or more and one of the labels a name (seed or strong), every label not in a
//     `label_none_in` or `list_none_in` lexicon is a name (section headers "Plan:", "HPI:" never are).
//   - contact-block heads (block_from set): a line of two to four words (initials and name particles allowed)
//     that opens a block, with findings of a `block_from` category in the `block_lines` lines below it
//     ("Dreux Joly / Paxata / PSC 3294, Box 9168"). It needs a strong or non-ASCII word, or two such findings;
//     no word in a `block_none_in` lexicon.
// Every candidate then passes the rule's own checks (allow lists, validator, context, min_score) with
// `score` as its pattern score, and never overlaps a finding that is already there.
#ifndef POSTSCRUB_SRC_PROPAGATE_H_
#define POSTSCRUB_SRC_PROPAGATE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine_impl.h"
#include "json_walk.h"
#include "validators.h"

namespace postscrub {
namespace internal {

struct Propagation {
  std::vector<std::string> from;                   // seed categories
  double score = 0.6;
  bool repeats = true;
  int min_length = 3;                              // code points of a repeated word
  std::vector<std::string> lower_case_in;          // lexicons
  std::vector<std::string> sentence_start_none_in; // lexicons
  std::vector<std::string> list_joiners;           // compared without white space, lower-cased
  std::vector<std::string> list_words_in;          // lexicons of whole words
  std::vector<std::string> list_endings_in;        // lexicons of word endings
  bool list_non_ascii = false;
  std::vector<std::string> list_names_in;          // lexicons: strong members of a list nobody found yet
  std::vector<std::string> list_weak_in;           // lexicons: weak members
  std::vector<std::string> list_none_in;           // lexicons: never a member
  int list_min_names = 2;
  int list_unknown_min_members = 3;                // 0: unknown members never count
  bool speaker_labels = false;
  std::vector<std::string> label_none_in;          // lexicons: labels that are headers, not speakers
  std::vector<std::string> block_from;             // categories whose findings make a contact block
  int block_lines = 4;
  std::vector<std::string> block_none_in;          // lexicons: words that never head a block
};

// Parses the rule field "propagate" at `ptr`. Returns false with the walker's error set on failure.
bool ParsePropagation(const json& v, const std::string& ptr, JsonWalker* w, Propagation* out);

// Checks that every lexicon the propagation names is loaded. Returns false and sets *error (the lexicon's name).
bool PropagationLexiconsKnown(const Propagation& p, const Lexicons& lexicons, std::string* missing);

// Adds to `kept` (the findings after overlap resolution, in any order) the candidates of every active rule with
// a propagation, never more than the engine's max_findings in all. `text` is the normalized text, `lower` its
// LowerFold.
void Propagate(const Engine::Impl& impl, std::string_view text, std::string_view lower,
               const std::vector<std::pair<std::size_t, std::size_t>>& placeholders, std::vector<Candidate>* kept);

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_PROPAGATE_H_
