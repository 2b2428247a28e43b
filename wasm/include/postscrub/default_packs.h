// postscrub/default_packs.h — the rule packs built into the library (target postscrub_default_packs).
//
// The build embeds the files listed in rules/packs.txt, in that order, as string constants.
//
//   std::vector<postscrub::PackSource> packs = postscrub::DefaultPackSources();
//   auto compiled = postscrub::Engine::Compile(packs);
#ifndef POSTSCRUB_DEFAULT_PACKS_H_
#define POSTSCRUB_DEFAULT_PACKS_H_

#include <string_view>
#include <vector>

#include "postscrub/engine.h"

namespace postscrub {

struct EmbeddedPack {
  std::string_view file;  // the file name as listed in rules/packs.txt, e.g. "hipaa-safe-harbor.json"
  std::string_view text;  // the pack's JSON text; static storage, valid for the whole program
};

// Returns the embedded packs in load order (empty if rules/packs.txt listed none at build time).
const std::vector<EmbeddedPack>& DefaultPacks();
// Returns the same packs as PackSource values (origin = "rules/" + file), ready for Engine::Compile().
std::vector<PackSource> DefaultPackSources();

}  // namespace postscrub

#endif  // POSTSCRUB_DEFAULT_PACKS_H_
