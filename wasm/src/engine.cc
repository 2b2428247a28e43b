// Engine: compile, check, redact with the rules' labels, and run the rules' examples.
#include "postscrub/engine.h"

#include <set>

#include "engine_impl.h"

namespace postscrub {

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

CompileResult Engine::Compile(const std::vector<PackSource>& packs, const CompileOptions& options) {
  CompileResult result;
  std::vector<internal::PackSpec> specs(packs.size());
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->set = internal::NewPatternSet(options);
  for (std::size_t i = 0; i < packs.size(); ++i) {
    if (!internal::ParsePack(packs[i], i, options, impl->set.get(), &specs[i], &result.error_)) return result;
  }
  if (!impl->Compose(std::move(specs), packs, &result.error_)) return result;
  result.engine_.reset(new Engine(std::move(impl)));
  return result;
}

CompileResult Engine::Compile(const std::vector<std::string>& pack_jsons, const CompileOptions& options) {
  std::vector<PackSource> sources;
  sources.reserve(pack_jsons.size());
  for (const std::string& text : pack_jsons) sources.push_back(PackSource{text, std::string()});
  return Compile(sources, options);
}

CheckResult Engine::Check(std::string_view utf8) const { return impl_->Check(utf8); }

RedactResult Engine::Redact(std::string_view utf8, const std::vector<Finding>& findings,
                            const RedactChoices& choices) const {
  std::vector<Finding> labelled = findings;
  for (Finding& f : labelled) {
    if (const internal::Rule* r = impl_->FindRule(f.rule)) f.label = r->label;
  }
  return postscrub::Redact(utf8, labelled, choices);
}

namespace {

bool Selected(const std::vector<std::string>& pack_ids, const std::string& pack) {
  if (pack_ids.empty()) return true;
  for (const std::string& id : pack_ids)
    if (id == pack) return true;
  return false;
}

}  // namespace

std::vector<ExampleFailure> Engine::TestExamples(const std::vector<std::string>& pack_ids) const {
  std::vector<ExampleFailure> failures;
  for (const internal::Rule& r : impl_->rules) {
    if (r.disabled || !Selected(pack_ids, r.pack)) continue;
    auto spans_of_rule = [&](const std::string& text) {
      std::vector<std::string> got;
      for (const Finding& f : Check(text).findings)
        if (f.rule == r.id) got.push_back(f.text);
      return got;
    };
    for (std::size_t i = 0; i < r.match_examples.size(); ++i) {
      const internal::MatchExample& ex = r.match_examples[i];
      std::vector<std::string> got = spans_of_rule(ex.text);
      bool found = false;
      for (const std::string& g : got) found = found || g == ex.span;
      if (!found) failures.push_back(ExampleFailure{r.pack, r.id, true, i, ex.text, ex.span, std::move(got)});
    }
    for (std::size_t i = 0; i < r.no_match_examples.size(); ++i) {
      std::vector<std::string> got = spans_of_rule(r.no_match_examples[i]);
      if (!got.empty()) {
        failures.push_back(ExampleFailure{r.pack, r.id, false, i, r.no_match_examples[i], "", std::move(got)});
      }
    }
  }
  return failures;
}

std::size_t Engine::CountExamples(const std::vector<std::string>& pack_ids) const {
  std::size_t n = 0;
  for (const internal::Rule& r : impl_->rules) {
    if (!r.disabled && Selected(pack_ids, r.pack)) n += r.match_examples.size() + r.no_match_examples.size();
  }
  return n;
}

const std::vector<RuleInfo>& Engine::rules() const { return impl_->rule_infos; }
const std::vector<PackInfo>& Engine::packs() const { return impl_->packs; }

}  // namespace postscrub
