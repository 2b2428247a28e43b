// `postscrub check`: one text (text or json format), or many posts with --jsonl.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "postscrub/json_io.h"
#include "postscrub/text.h"

namespace postscrub {
namespace cli {
namespace {

// Prints `file:line:col: severity category rule: message` per finding (findings sorted by byte_start).
void PrintText(const std::string& name, std::string_view text, const CheckResult& r) {
  std::size_t line = 1, line_start = 0, scanned = 0;
  for (const Finding& f : r.findings) {
    for (; scanned < f.byte_start && scanned < text.size(); ++scanned) {
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    }
    const std::size_t col = CodePointCount(text.substr(line_start, f.byte_start - line_start)) + 1;
    std::printf("%s:%zu:%zu: %s %s %s: %s\n", name.c_str(), line, col, SeverityName(f.severity), f.category.c_str(),
                f.rule.c_str(), f.message.c_str());
  }
}

int RunJsonl(const Engine& engine, const std::string& input) {
  std::string all;
  std::string error;
  if (!ReadInput(input, &all, &error)) return UsageError(error);
  int status = kExitClean;
  std::string out;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < all.size();) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    std::string_view line(all.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    const nlohmann::json v = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (v.is_discarded() || !v.is_object() || !v.contains("text") || !v["text"].is_string()) {
      std::fprintf(stderr, "postscrub: %s:%zu: expected a JSON object with a string \"text\"\n", input.c_str(),
                   line_no);
      status = kExitError;
      continue;
    }
    const std::string id = v.contains("id") ? v["id"].dump() : "null";
    out += CheckResultToJsonl(id, engine.Check(v["text"].get_ref<const std::string&>()));
    out += '\n';
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return status;
}

}  // namespace

int RunCheck(int argc, char** argv) {
  PackOptions packs;
  std::string format = "text", input, error;
  Severity fail_on = Severity::kLow;
  bool jsonl = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (ParsePackOption(argc, argv, &i, &packs, &error)) {
      if (!error.empty()) return UsageError(error);
    } else if (arg == "--jsonl") {
      jsonl = true;
    } else if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
      if (format != "text" && format != "json") return UsageError("--format must be text or json");
    } else if (arg == "--fail-on" && i + 1 < argc) {
      if (!ParseSeverity(argv[++i], &fail_on)) return UsageError("--fail-on must be info, low, medium or high");
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(kHelp, stdout);
      std::fputs("\n", stdout);
      return kExitClean;
    } else if (arg != "-" && arg.rfind("-", 0) == 0) {
      return UsageError("check: unknown or incomplete option " + arg);
    } else if (!input.empty()) {
      return UsageError("check: more than one input FILE");
    } else {
      input = arg;
    }
  }
  if (input.empty()) input = "-";
  std::unique_ptr<Engine> engine = BuildEngine(packs, &error);
  if (!engine) return UsageError(error);
  if (jsonl) return RunJsonl(*engine, input);

  std::string text;
  if (!ReadInput(input, &text, &error)) return UsageError(error);
  const CheckResult result = engine->Check(text);
  if (format == "json") {
    std::printf("%s\n", CheckResultToJson(result).c_str());
  } else {
    PrintText(input == "-" ? "<stdin>" : input, text, result);
  }
  for (const Finding& f : result.findings)
    if (f.severity >= fail_on) return kExitFindings;
  return kExitClean;
}

}  // namespace cli
}  // namespace postscrub
