// postscrub — the command-line checker (docs/contracts.md §4). Dispatches to cmd_*.cc.
#include <cstdio>
#include <string>

#include "cli_common.h"
#include "postscrub/default_packs.h"
#include "postscrub/json_io.h"

int main(int argc, char** argv) {
  using namespace postscrub::cli;
  if (argc < 2) return UsageError("missing command (check, redact, pack)");
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kHelp, stdout);
    const auto& packs = postscrub::DefaultPacks();
    if (packs.empty()) std::fputs("(none)", stdout);
    for (std::size_t i = 0; i < packs.size(); ++i) {
      std::printf("%s%.*s", i ? ", " : "", static_cast<int>(packs[i].file.size()), packs[i].file.data());
    }
    std::fputs("\n", stdout);
    return kExitClean;
  }
  if (cmd == "--version") {
    std::printf("postscrub %s\n", postscrub::Version());
    return kExitClean;
  }
  if (cmd == "check") return RunCheck(argc - 1, argv + 1);
  if (cmd == "redact") return RunRedact(argc - 1, argv + 1);
  if (cmd == "pack") return RunPack(argc - 1, argv + 1);
  return UsageError("unknown command \"" + cmd + "\"");
}
