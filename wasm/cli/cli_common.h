// The `postscrub` CLI: shared pieces (help text, reading input, building the engine).
#ifndef POSTSCRUB_CLI_CLI_COMMON_H_
#define POSTSCRUB_CLI_CLI_COMMON_H_

#include <memory>
#include <string>
#include <vector>

#include "postscrub/engine.h"

namespace postscrub {
namespace cli {

// Exit codes (docs/contracts.md §4).
constexpr int kExitClean = 0;     // nothing at or above --fail-on
constexpr int kExitFindings = 1;  // findings (check), failing examples (pack test)
constexpr int kExitError = 2;     // usage, input or pack error

extern const char kHelp[];

// Prints "postscrub: MESSAGE" and a hint to stderr; returns kExitError.
int UsageError(const std::string& message);

// Reads a file, or stdin for "-". Returns false and sets *error on failure.
bool ReadInput(const std::string& path, std::string* out, std::string* error);

// Options shared by check and redact.
struct PackOptions {
  std::vector<std::string> pack_files;  // --pack FILE, in order, after the default packs
  bool no_default_packs = false;        // --no-default-packs
};

// If argv[*i] is --pack/--no-default-packs, consumes it (and its value) and returns true. Sets *error on a
// missing value.
bool ParsePackOption(int argc, char** argv, int* i, PackOptions* options, std::string* error);

// Compiles the default packs (unless disabled) followed by the --pack files. Returns nullptr and sets *error.
std::unique_ptr<Engine> BuildEngine(const PackOptions& options, std::string* error);

int RunCheck(int argc, char** argv);   // argv[0] == "check"
int RunRedact(int argc, char** argv);  // argv[0] == "redact"
int RunPack(int argc, char** argv);    // argv[0] == "pack"

}  // namespace cli
}  // namespace postscrub

#endif  // POSTSCRUB_CLI_CLI_COMMON_H_
