// `postscrub pack validate|test FILE...`.
#include <cstdio>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "postscrub/default_packs.h"

namespace postscrub {
namespace cli {
namespace {

struct LoadedFile {
  std::string path, id;
  PackSource source;
  bool needs_base = false;  // extends, disables or overrides rules of earlier packs
  bool ok = false;
};

// Reads the files and peeks at their ids and composition fields (full validation is Engine::Compile's job).
// A file needs the default packs loaded first if it extends a pack, or disables or overrides a rule, that none
// of the given files defines, or if it has a `propagate` rule (those start from other rules' findings: a contact
// block is a name because the phone below it was found by another pack).
bool ReadPacks(int argc, char** argv, std::vector<LoadedFile>* files) {
  std::set<std::string> pack_ids, rule_ids;
  std::vector<nlohmann::json> docs;
  for (int i = 1; i < argc; ++i) {
    LoadedFile f;
    f.path = argv[i];
    f.source.origin = f.path;
    std::string error;
    if (!ReadInput(f.path, &f.source.text, &error)) {
      UsageError(error);
      return false;
    }
    nlohmann::json v = nlohmann::json::parse(f.source.text, nullptr, false);
    if (v.is_object() && v.contains("id") && v["id"].is_string()) f.id = v["id"].get<std::string>();
    pack_ids.insert(f.id);
    if (v.is_object() && v.contains("rules") && v["rules"].is_array()) {
      for (const auto& r : v["rules"])
        if (r.is_object() && r.contains("id") && r["id"].is_string()) rule_ids.insert(r["id"].get<std::string>());
    }
    docs.push_back(std::move(v));
    files->push_back(std::move(f));
  }
  for (std::size_t k = 0; k < files->size(); ++k) {
    const nlohmann::json& v = docs[k];
    if (!v.is_object()) continue;
    bool& needs = (*files)[k].needs_base;
    if (v.contains("extends") && v["extends"].is_string()) needs = needs || !pack_ids.count(v["extends"].get<std::string>());
    if (v.contains("rules") && v["rules"].is_array()) {
      for (const auto& r : v["rules"]) needs = needs || (r.is_object() && r.contains("propagate"));
    }
    if (v.contains("disable") && v["disable"].is_array()) {
      for (const auto& d : v["disable"])
        needs = needs || (d.is_string() && !rule_ids.count(d.get<std::string>()));
    }
    if (v.contains("overrides") && v["overrides"].is_array()) {
      for (const auto& o : v["overrides"])
        needs = needs || (o.is_object() && o.contains("rule") && o["rule"].is_string() &&
                          !rule_ids.count(o["rule"].get<std::string>()));
    }
  }
  return true;
}

// Default packs that the files do not replace, to load before a file that builds on earlier packs.
std::vector<PackSource> BasePacks(const std::vector<LoadedFile>& files) {
  std::set<std::string> ids;
  for (const LoadedFile& f : files) ids.insert(f.id);
  std::vector<PackSource> base;
  for (PackSource& s : DefaultPackSources()) {
    const nlohmann::json v = nlohmann::json::parse(s.text, nullptr, false);
    const std::string id = v.is_object() && v.contains("id") && v["id"].is_string() ? v["id"].get<std::string>() : "";
    if (!ids.count(id)) base.push_back(std::move(s));
  }
  return base;
}

// Compiles each file after the earlier good ones (and the base packs if it needs them); reports each result.
// Returns the engine over every good file, or nullptr if any failed.
std::unique_ptr<Engine> Validate(std::vector<LoadedFile>* files, bool quiet) {
  bool all_ok = true, any_base = false;
  for (const LoadedFile& f : *files) any_base = any_base || f.needs_base;
  const std::vector<PackSource> base = any_base ? BasePacks(*files) : std::vector<PackSource>();
  std::vector<PackSource> good;
  std::unique_ptr<Engine> engine;
  for (LoadedFile& f : *files) {
    std::vector<PackSource> sources = any_base ? base : std::vector<PackSource>();
    sources.insert(sources.end(), good.begin(), good.end());
    sources.push_back(f.source);
    CompileResult compiled = Engine::Compile(sources);
    if (!compiled.ok()) {
      std::fprintf(stderr, "%s: error: %s\n", f.path.c_str(), compiled.error().c_str());
      all_ok = false;
      continue;
    }
    f.ok = true;
    good.push_back(f.source);
    engine = compiled.TakeEngine();
    const PackInfo& info = engine->packs().back();
    if (!quiet) {
      std::printf("%s: ok: pack %s %s, %zu rules\n", f.path.c_str(), info.id.c_str(), info.version.c_str(),
                  info.rule_count);
    }
  }
  return all_ok ? std::move(engine) : nullptr;
}

std::string Quoted(const std::string& s) { return nlohmann::json(s).dump(-1, ' ', false,
                                                                          nlohmann::json::error_handler_t::replace); }

int Test(std::vector<LoadedFile>* files) {
  std::unique_ptr<Engine> engine = Validate(files, true);
  if (!engine) return kExitError;
  std::vector<std::string> ids;
  for (const LoadedFile& f : *files) ids.push_back(f.id);
  const std::vector<ExampleFailure> failures = engine->TestExamples(ids);
  for (const ExampleFailure& x : failures) {
    std::string got = "[";
    for (std::size_t i = 0; i < x.got.size(); ++i) got += (i ? ", " : "") + Quoted(x.got[i]);
    got += "]";
    if (x.match) {
      std::printf("FAIL %s/%s: examples.match[%zu]: expected span %s in %s; the rule reported %s\n", x.pack.c_str(),
                  x.rule.c_str(), x.index, Quoted(x.span).c_str(), Quoted(x.text).c_str(), got.c_str());
    } else {
      std::printf("FAIL %s/%s: examples.no_match[%zu]: %s produced %s\n", x.pack.c_str(), x.rule.c_str(), x.index,
                  Quoted(x.text).c_str(), got.c_str());
    }
  }
  std::size_t rules = 0;
  for (const RuleInfo& r : engine->rules())
    for (const std::string& id : ids) rules += r.pack == id;
  std::printf("pack test: %zu rules, %zu examples, %zu failed\n", rules, engine->CountExamples(ids), failures.size());
  return failures.empty() ? kExitClean : kExitFindings;
}

}  // namespace

int RunPack(int argc, char** argv) {
  if (argc < 2) return UsageError("pack: missing subcommand (validate, test)");
  const std::string sub = argv[1];
  if (sub != "validate" && sub != "test") return UsageError("pack: unknown subcommand \"" + sub + "\"");
  if (argc < 3) return UsageError("pack " + sub + ": missing FILE");
  std::vector<LoadedFile> files;
  if (!ReadPacks(argc - 1, argv + 1, &files)) return kExitError;
  if (sub == "validate") return Validate(&files, false) ? kExitClean : kExitError;
  return Test(&files);
}

}  // namespace cli
}  // namespace postscrub
