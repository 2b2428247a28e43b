// Composition of parsed packs into one engine (contracts §2: extends, disable, overrides, allow, lexicons), and
// the one RE2::Set over every active pattern.
#include <algorithm>
#include <map>

#include "engine_impl.h"
#include "normalize.h"
#include "propagate.h"

namespace postscrub {
namespace {

// "pack P: rule R: /rules/i/patterns/j/regex: <what>", as the pack parser words its errors.
std::string PatternError(const internal::Rule& r, std::size_t pi, const std::string& what) {
  return "pack " + r.pack + ": rule " + r.id + ": " + r.json_path + "/patterns/" + std::to_string(pi) + "/regex: " +
         what;
}

}  // namespace

bool Engine::Impl::Compose(std::vector<internal::PackSpec> specs, const std::vector<PackSource>& sources,
                           std::string* error) {
  std::map<std::string, std::size_t> rule_index;  // rule id → index in rules
  std::map<std::string, std::size_t> pack_index;
  std::size_t total_rules = 0;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    internal::PackSpec& spec = specs[k];
    const std::string label = "pack " + spec.info.id;
    if (pack_index.count(spec.info.id)) {
      *error = label + ": /id: duplicate pack id (" + internal::PackLabel("", sources[k], k) + " loads it again)";
      return false;
    }
    if (!spec.extends.empty() && !pack_index.count(spec.extends)) {
      *error = label + ": /extends: unknown pack \"" + spec.extends + "\" (it must be loaded earlier)";
      return false;
    }
    for (std::size_t i = 0; i < spec.disable.size(); ++i) {
      auto it = rule_index.find(spec.disable[i]);
      if (it == rule_index.end()) {
        *error = label + ": /disable/" + std::to_string(i) + ": unknown rule \"" + spec.disable[i] +
                 "\" (only rules of earlier packs can be disabled)";
        return false;
      }
      rules[it->second].disabled = true;
    }
    for (std::size_t i = 0; i < spec.overrides.size(); ++i) {
      auto it = rule_index.find(spec.overrides[i].first);
      if (it == rule_index.end()) {
        *error = label + ": /overrides/" + std::to_string(i) + "/rule: unknown rule \"" + spec.overrides[i].first +
                 "\" (only rules of earlier packs can be overridden)";
        return false;
      }
      rules[it->second].severity = spec.overrides[i].second;
    }
    for (const std::string& a : spec.allow) allow.Insert(a);
    for (auto& [name, words] : spec.lexicons) {
      auto it = lexicons.find(name);
      if (it == lexicons.end()) lexicons.emplace(name, std::move(words));  // the usual case: no copy
      else it->second.Merge(words);
    }
    total_rules += spec.rules.size();
    if (total_rules > options.max_rules) {
      *error = label + ": /rules: more than " + std::to_string(options.max_rules) + " rules over all packs";
      return false;
    }
    for (internal::Rule& r : spec.rules) {
      auto it = rule_index.find(r.id);
      if (it != rule_index.end()) {
        *error = label + ": rule " + r.id + ": " + r.json_path + "/id: duplicate rule id (also in pack " +
                 rules[it->second].pack + ")";
        return false;
      }
      rule_index[r.id] = rules.size();
      rules.push_back(std::move(r));
    }
    pack_index[spec.info.id] = packs.size();
    packs.push_back(spec.info);
  }
  // Lexicon names used by validators and propagations must exist once every pack is loaded.
  for (const internal::Rule& r : rules) {
    std::string missing;
    if (r.propagate && !internal::PropagationLexiconsKnown(*r.propagate, lexicons, &missing)) {
      *error = "pack " + r.pack + ": rule " + r.id + ": " + r.json_path + "/propagate: unknown lexicon \"" +
               missing + "\"";
      return false;
    }
    for (const auto* list : {&r.validator_args.any_in, &r.validator_args.none_in, &r.validator_args.all_in}) {
      for (const std::string& name : *list) {
        if (!lexicons.count(name)) {
          *error = "pack " + r.pack + ": rule " + r.id + ": " + r.json_path + "/validator/args: unknown lexicon \"" +
                   name + "\"";
          return false;
        }
      }
    }
  }
  // The packs' parsers added every pattern to the Set (pack_parser.cc), disabled rules' too.
  std::size_t set_size = 0;
  for (const internal::Rule& r : rules) set_size += r.patterns.size();
  set_patterns.assign(set_size, {-1, -1});
  for (std::size_t ri = 0; ri < rules.size(); ++ri) {
    const internal::Rule& r = rules[ri];
    for (std::size_t pi = 0; pi < r.patterns.size(); ++pi) {
      set_patterns[static_cast<std::size_t>(r.patterns[pi].set_index)] = {static_cast<int>(ri), static_cast<int>(pi)};
    }
    if (r.disabled) {  // not matched: a pattern built on first use is tested for the empty match by its regex
      for (std::size_t pi = 0; pi < r.patterns.size(); ++pi) {
        const internal::Pattern& p = r.patterns[pi];
        if (!p.empty_checked && RE2::FullMatch("", p.re->Get())) {
          *error = PatternError(r, pi, "matches the empty string");
          return false;
        }
      }
      continue;
    }
    rule_infos.push_back(RuleInfo{r.id, r.pack, r.category, r.severity, r.message, r.description});
  }
  if (!set_patterns.empty() && !set->Compile()) {
    *error = "engine: the combined pattern set is too large to compile (RE2 max_mem " +
             std::to_string(options.set_max_mem) + ")";
    return false;
  }
  // Patterns built on first use (pack_parser.cc) are tested for matching the empty string here: the Set names the
  // active ones that may (its stand-ins match "" exactly when the regexes do), their own regex confirms; should
  // the Set fail, every regex answers. The first in pack order is reported.
  std::vector<int> empty;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  const bool set_answers = set_patterns.empty() || set->Match("", &empty, &info) || info.kind == RE2::Set::kNoError;
  std::sort(empty.begin(), empty.end());
  for (std::size_t k = 0, n = set_answers ? empty.size() : set_patterns.size(); k < n; ++k) {
    const auto [ri, pi] = set_patterns[set_answers ? static_cast<std::size_t>(empty[k]) : k];
    const internal::Rule& r = rules[static_cast<std::size_t>(ri)];
    const internal::Pattern& p = r.patterns[static_cast<std::size_t>(pi)];
    if (!r.disabled && !p.empty_checked && RE2::FullMatch("", p.re->Get())) {
      *error = PatternError(r, static_cast<std::size_t>(pi), "matches the empty string");
      return false;
    }
  }
  return true;
}

const internal::Rule* Engine::Impl::FindRule(const std::string& id) const {
  for (const internal::Rule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace postscrub
