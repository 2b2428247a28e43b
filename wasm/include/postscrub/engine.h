// postscrub/engine.h — compile rule packs once, then check posts.
//
// USAGE
//
//   #include "postscrub/engine.h"
//
//   std::vector<std::string> packs = {hipaa_json, my_clinic_json};   // load order matters (contracts §2)
//   postscrub::CompileResult compiled = postscrub::Engine::Compile(packs);
//   if (!compiled.ok()) {
//     std::fprintf(stderr, "%s\n", compiled.error().c_str());
//     // e.g. "pack my-clinic: rule mrn-local: /rules/3/patterns/0/regex: missing ): (\d+"
//     return 2;
//   }
//   std::unique_ptr<postscrub::Engine> engine = compiled.TakeEngine();
//
//   postscrub::CheckResult result = engine->Check("SSN 219-09-9999 on file");
//   for (const postscrub::Finding& f : result.findings)
//     std::printf("%zu..%zu %s %s\n", f.start, f.end, f.rule.c_str(), f.text.c_str());   // 4..15 us-ssn 219-09-9999
//   // result.risk.level == "high"
//
//   postscrub::RedactResult red = engine->Redact(text, result.findings, postscrub::RedactChoices());
//   // red.text == "SSN [SSN] on file"
//
// ERRORS are values: Compile() never throws and never aborts on bad input; it returns a CompileResult whose
// error() names the pack, the rule id (when there is one), the field as a JSON pointer, and the reason.
// Check() and Redact() accept any bytes (invalid UTF-8, empty text, megabytes): they never fail, they are linear
// in the input (RE2), and the number of findings is capped (CompileOptions::max_findings).
//
// COST: Compile() parses and validates everything and compiles the one set of all patterns, but builds each
// pattern's own regex only when a Check() first needs it (so the first checks are slower, once per pattern); a
// regex with Unicode classes (\p{Lu}...) is built in a cheap ASCII-exact form, its exact form by the first Check()
// of a non-ASCII text that needs it. Should an exact form exceed regex_max_mem there, the rule keeps matching through
// its ASCII-exact form (a superset on non-ASCII text), never silently stops.
//
// OWNERSHIP AND THREADS: an Engine owns its compiled regexes; it is not copyable (move the unique_ptr, or share it
// with std::shared_ptr). After Compile(), every const method may be called from several threads at once.
#ifndef POSTSCRUB_ENGINE_H_
#define POSTSCRUB_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postscrub/redact.h"
#include "postscrub/types.h"

namespace postscrub {

// Limits that keep a hostile or mistaken pack from exhausting memory. The defaults are the product's limits.
struct CompileOptions {
  std::size_t max_pack_bytes = 4u << 20;    // per pack text
  std::size_t max_rules = 2000;             // over all packs
  std::size_t max_regex_bytes = 4096;       // per regex (patterns and allow_regex)
  std::int64_t regex_max_mem = 8 << 20;     // RE2 max_mem per compiled regex (RE2's default; less makes
                                            // the DFA of \p{Lu}-heavy patterns thrash: 2.6x slower at 2 MB)
  std::int64_t set_max_mem = 64 << 20;      // RE2 max_mem of the one RE2::Set holding every pattern
  std::size_t max_findings = 10000;         // per Check(); more are dropped and CheckResult::truncated is set
};

// One pack to compile: its JSON text and, optionally, where it came from (a file name), used in error messages.
struct PackSource {
  std::string text;
  std::string origin;  // may be empty
};

// A failed example of a rule (see Engine::TestExamples).
struct ExampleFailure {
  std::string pack, rule;
  bool match = true;        // true: a `match` example found no finding with the expected span;
                            // false: a `no_match` example produced a finding of the rule
  std::size_t index = 0;    // index in examples.match or examples.no_match
  std::string text;         // the example text
  std::string span;         // the expected span (match examples only)
  std::vector<std::string> got;  // span texts the rule did report
};

class Engine;

// What Engine::Compile() returns: either an engine or an error message. Movable, not copyable.
class CompileResult {
 public:
  CompileResult() = default;
  // True if the packs compiled; then TakeEngine()/engine() give the engine.
  bool ok() const { return engine_ != nullptr; }
  // The error message if !ok(); empty if ok().
  const std::string& error() const { return error_; }
  // The engine, or nullptr if !ok(). Still owned by this CompileResult.
  Engine* engine() const { return engine_.get(); }
  // Moves the engine out (the caller owns it); nullptr if !ok() or already taken.
  std::unique_ptr<Engine> TakeEngine() { return std::move(engine_); }

 private:
  friend class Engine;
  std::unique_ptr<Engine> engine_;
  std::string error_;
};

class Engine {
 public:
  // Parses, validates and composes the packs in order, then compiles every pattern once. A later pack may
  // `extends` an earlier one, `disable` earlier rules, `overrides` their severity and add `allow` terms and
  // `lexicons`. Returns a CompileResult with ok() true, or with error() naming pack, rule, field and reason.
  static CompileResult Compile(const std::vector<PackSource>& packs, const CompileOptions& options = {});
  // Same, for pack texts without origins.
  static CompileResult Compile(const std::vector<std::string>& pack_jsons, const CompileOptions& options = {});

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Returns the findings in `utf8` (any bytes) and the post-level risk. Never fails.
  CheckResult Check(std::string_view utf8) const;

  // Returns `utf8` with the findings replaced (see postscrub/redact.h). Like the free Redact(), but labels come
  // from the engine's rules, so a changed strategy still uses the rule's own label.
  RedactResult Redact(std::string_view utf8, const std::vector<Finding>& findings,
                      const RedactChoices& choices) const;

  // Runs the `examples` of every rule of the named packs (all packs if `pack_ids` is empty) through Check() and
  // returns the ones that fail: a `match` example must yield a finding of that rule with exactly that span text,
  // a `no_match` example none of that rule. Empty result = all pass. Disabled rules are skipped.
  std::vector<ExampleFailure> TestExamples(const std::vector<std::string>& pack_ids = {}) const;
  // Returns the number of examples TestExamples(pack_ids) runs.
  std::size_t CountExamples(const std::vector<std::string>& pack_ids = {}) const;

  // The active rules in load order (disabled rules left out).
  const std::vector<RuleInfo>& rules() const;
  // The loaded packs in load order.
  const std::vector<PackInfo>& packs() const;

  struct Impl;  // defined in src/engine_impl.h

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace postscrub

#endif  // POSTSCRUB_ENGINE_H_
