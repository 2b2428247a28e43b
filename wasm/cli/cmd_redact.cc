// `postscrub redact`: print the text with its findings replaced.
#include <cstdio>
#include <string>

#include "cli_common.h"

namespace postscrub {
namespace cli {

int RunRedact(int argc, char** argv) {
  PackOptions packs;
  std::string input, error;
  RedactChoices choices;
  Severity min_severity = Severity::kInfo;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (ParsePackOption(argc, argv, &i, &packs, &error)) {
      if (!error.empty()) return UsageError(error);
    } else if (arg == "--strategy" && i + 1 < argc) {
      if (!ParseStrategy(argv[++i], &choices.default_strategy)) {
        return UsageError("--strategy must be label, generalize, mask or remove");
      }
      choices.has_default = true;
    } else if (arg == "--min-severity" && i + 1 < argc) {
      if (!ParseSeverity(argv[++i], &min_severity)) {
        return UsageError("--min-severity must be info, low, medium or high");
      }
    } else if (arg != "-" && arg.rfind("-", 0) == 0) {
      return UsageError("redact: unknown or incomplete option " + arg);
    } else if (!input.empty()) {
      return UsageError("redact: more than one input FILE");
    } else {
      input = arg;
    }
  }
  if (input.empty()) input = "-";
  std::unique_ptr<Engine> engine = BuildEngine(packs, &error);
  if (!engine) return UsageError(error);
  std::string text;
  if (!ReadInput(input, &text, &error)) return UsageError(error);
  const CheckResult result = engine->Check(text);
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    if (result.findings[i].severity < min_severity) choices.skip_index.insert(i);
  }
  const RedactResult red = engine->Redact(text, result.findings, choices);
  std::fwrite(red.text.data(), 1, red.text.size(), stdout);
  return kExitClean;
}

}  // namespace cli
}  // namespace postscrub
