// Internal: the compiled form of the loaded packs (Engine::Impl) and the steps that build and use it.
//
//   pack_parser.cc  JSON text → PackSpec (validation: types, unknown fields, sizes, regexes compile)
//   compose.cc      PackSpec list → Impl (extends, disable, overrides, allow, lexicons, the RE2::Set)
//   matcher.cc      Impl + text → CheckResult (Set → spans → validators → context → allowlists → overlaps)
//   risk.cc         findings → Risk (with the mosaic rule)
#ifndef POSTSCRUB_SRC_ENGINE_IMPL_H_
#define POSTSCRUB_SRC_ENGINE_IMPL_H_

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "postscrub/engine.h"
#include "validators.h"

namespace postscrub {
namespace internal {

// A regex compiled on first use: most patterns of a pack never match a given user's posts, and compiling every
// pattern up front made most of the pack compile time. Safe to use from several threads.
class LazyRegex {
 public:
  LazyRegex(std::string pattern, const RE2::Options& options) : pattern_(std::move(pattern)), options_(options) {}
  // One built already (a pattern whose program might not fit in max_mem is compiled at pack compile).
  explicit LazyRegex(std::unique_ptr<RE2> built) : re_(std::move(built)) {}
  // Returns the compiled regex (check ok(): a pattern can exceed max_mem).
  const RE2& Get() const;

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

struct Pattern {
  std::string regex;          // as written in the pack
  std::string approx;         // ApproximateRegex(regex) (approx_regex.h): what the RE2::Set holds
  // `approx` compiled (exact on ASCII text; the regex itself when approx == regex): on first use, unless its
  // program might exceed max_mem (regex_text.h), then at pack compile. Never fails to build.
  std::unique_ptr<LazyRegex> re;
  std::unique_ptr<LazyRegex> exact;  // `regex` compiled on first use; null when approx == regex. If it exceeds
                                     // RE2's max_mem, the matcher uses the superset stand-in: a rule never goes
                                     // silent.
  double score = 0;
  int group = 0;
  int set_index = -1;          // its index in the engine's RE2::Set (added by the pack parser)
  bool empty_checked = false;  // "matches the empty string" already tested (else Compose tests it)
};

struct ContextEntry {
  std::vector<std::string> words;  // lower-cased
  int window = 40;                 // code points before and after the span
  double boost = 0.2;
};

struct Propagation;  // propagate.h

struct MatchExample {
  std::string text, span;
};

struct Rule {
  std::string id, pack, category, description, message, advice;
  Severity severity = Severity::kInfo;
  std::vector<std::string> keywords;  // lower-cased; empty = always run
  std::vector<Pattern> patterns;
  bool case_sensitive = true;
  const ValidatorDef* validator = nullptr;
  ValidatorArgs validator_args;
  std::vector<ContextEntry> context;
  double min_score = 0.5;
  WordSet allow;                      // lower-cased span texts
  // Built on first use (a span to test), shared by the rules of a pack that list the same text.
  std::vector<std::shared_ptr<const LazyRegex>> allow_regex;
  Strategy strategy = Strategy::kLabel;
  std::string label;                  // "[SSN]"
  std::vector<MatchExample> match_examples;
  std::vector<std::string> no_match_examples;
  std::shared_ptr<const Propagation> propagate;  // set: findings come from other findings, not patterns
  bool disabled = false;
  std::string json_path;              // "/rules/3" within its pack, for errors
};

// A span that passed every check of its rule, before overlap resolution.
struct Candidate {
  std::size_t s, e;  // bytes of the normalized text
  int rule;          // index in Engine::Impl::rules
  double score;
};

// One pack as parsed and validated, before composition.
struct PackSpec {
  PackInfo info;
  std::string description, extends;
  std::vector<std::string> disable;
  std::vector<std::pair<std::string, Severity>> overrides;
  std::vector<std::string> allow;     // lower-cased
  Lexicons lexicons;
  std::vector<Rule> rules;
};

// Parses and validates one pack. Every pattern is parsed once, straight into `set` (the engine's one RE2::Set,
// compiled by Compose; Pattern::set_index says where). Returns false and sets *error ("pack ID: rule R: /ptr:
// reason") on failure.
bool ParsePack(const PackSource& source, std::size_t index, const CompileOptions& options, RE2::Set* set,
               PackSpec* out, std::string* error);

// The engine's RE2::Set, empty, with the options Compose compiles it with.
std::unique_ptr<RE2::Set> NewPatternSet(const CompileOptions& options);

// Returns the error prefix for a pack: "pack ID" or "pack ORIGIN" / "pack #N" when the id is unknown.
std::string PackLabel(const std::string& id, const PackSource& source, std::size_t index);

// Escapes a key for a JSON pointer (RFC 6901: "~" → "~0", "/" → "~1").
std::string PointerEscape(const std::string& key);

}  // namespace internal

struct Engine::Impl {
  CompileOptions options;
  std::vector<PackInfo> packs;
  std::vector<internal::Rule> rules;          // every rule, disabled ones included
  std::vector<RuleInfo> rule_infos;           // active rules only
  internal::WordSet allow;                    // pack-level allow terms, lower-cased
  internal::Lexicons lexicons;
  // Every pattern of every rule, in one unanchored set; set_patterns[i] = {rule, pattern} of set index i. A
  // disabled rule's patterns stay in the set (they were added while its pack was parsed); their hits are skipped.
  std::unique_ptr<RE2::Set> set;
  std::vector<std::pair<int, int>> set_patterns;

  // Compose packs (in order) into this Impl; `set` holds the packs' patterns (ParsePack). Returns false and sets
  // *error.
  bool Compose(std::vector<internal::PackSpec> specs, const std::vector<PackSource>& sources, std::string* error);
  CheckResult Check(std::string_view utf8) const;
  bool Accept(const internal::Rule& r, const internal::Pattern& p, std::string_view text, std::string_view lower,
              std::size_t s, std::size_t e, const std::vector<std::pair<std::size_t, std::size_t>>& placeholders,
              std::vector<internal::Candidate>* cands) const;
  const internal::Rule* FindRule(const std::string& id) const;
};

namespace internal {
// Returns the post-level risk of `findings` (contracts §3 and the mosaic rule).
Risk ComputeRisk(const std::vector<Finding>& findings);
// True for the categories that describe what a post says (patient_context, medical_advice, disparagement,
// boundary, promotion) rather than an identifier it contains.
bool IsStatementCategory(const std::string& category);
// Rounds to 3 decimals.
double Round3(double x);
}  // namespace internal

}  // namespace postscrub

#endif  // POSTSCRUB_SRC_ENGINE_IMPL_H_
