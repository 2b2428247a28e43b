// The `postscrub` CLI: help text, input, engine construction.
#include "cli_common.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "postscrub/default_packs.h"

namespace postscrub {
namespace cli {

const char kHelp[] = R"(postscrub — warn before a social-media post shares patient identifiers or unprofessional content

usage:
  postscrub check [--pack FILE]... [--no-default-packs] [--format text|json] [--fail-on SEVERITY] [FILE|-]
      Check one text (a file, or stdin for - or no FILE). Text format, one line per finding:
        file:line:col: severity category rule: message        (col in code points, 1-based)
      json format: {"findings":[...],"risk":{"level","score"},"version"} (docs/contracts.md §3).
  postscrub check --jsonl [--pack FILE]... [--no-default-packs] [FILE|-]
      Read lines {"id","text"}; write one line per input line:
        {"id","findings":[{"start","end","category","rule","severity","score"}],"risk":{"level","score"}}
      Offsets are UTF-16 code units, end exclusive. Exit 0 unless an input line is bad (then 2).
  postscrub redact [--pack FILE]... [--no-default-packs] [--strategy label|generalize|mask|remove]
                   [--min-severity SEVERITY] [FILE|-]
      Print the text with findings replaced (each rule's own strategy unless --strategy is given).
  postscrub pack validate FILE...
      Load each pack (after the default packs when it extends, disables or overrides rules) and report errors.
  postscrub pack test FILE...
      Run every example of the packs' rules; name each failing rule and example.
  postscrub --help | --version

Severities: info < low < medium < high. --fail-on defaults to low.
Exit status: 0 nothing at or above --fail-on; 1 findings (or failing examples); 2 usage, input or pack error.
Default packs built in: )";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "postscrub: %s\n(run postscrub --help for usage)\n", message.c_str());
  return kExitError;
}

bool ReadInput(const std::string& path, std::string* out, std::string* error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  out->clear();
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  const bool failed = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (failed) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

bool ParsePackOption(int argc, char** argv, int* i, PackOptions* options, std::string* error) {
  const std::string arg = argv[*i];
  if (arg == "--no-default-packs") {
    options->no_default_packs = true;
    return true;
  }
  if (arg == "--pack") {
    if (*i + 1 >= argc) {
      *error = "--pack needs a FILE";
      return true;
    }
    options->pack_files.push_back(argv[++*i]);
    return true;
  }
  if (arg.rfind("--pack=", 0) == 0) {
    options->pack_files.push_back(arg.substr(7));
    return true;
  }
  return false;
}

std::unique_ptr<Engine> BuildEngine(const PackOptions& options, std::string* error) {
  std::vector<PackSource> sources;
  if (!options.no_default_packs) sources = DefaultPackSources();
  for (const std::string& file : options.pack_files) {
    PackSource s;
    s.origin = file;
    if (!ReadInput(file, &s.text, error)) return nullptr;
    sources.push_back(std::move(s));
  }
  CompileResult compiled = Engine::Compile(sources);
  if (!compiled.ok()) {
    *error = compiled.error();
    return nullptr;
  }
  return compiled.TakeEngine();
}

}  // namespace cli
}  // namespace postscrub
