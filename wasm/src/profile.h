// Internal: where Check() spends its time, per pattern, for `postscrub_bench --profile-rules`.
//
// Native builds only (POSTSCRUB_PROFILE, set by wasm/CMakeLists.txt when not under Emscripten): the WASM module
// carries none of it. A profile is attached to the calling thread; Check() adds to it while one is attached and
// costs one null test per pattern hit otherwise.
#ifndef POSTSCRUB_SRC_PROFILE_H_
#define POSTSCRUB_SRC_PROFILE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace postscrub {
namespace internal {

struct PatternProfile {
  std::string rule;           // rule id
  int pattern = 0;            // index in the rule's patterns
  double ms = 0;              // time finding and checking this pattern's spans
  std::uint64_t set_hits = 0;     // posts where the RE2::Set said the pattern may match
  std::uint64_t keyword_skips = 0;  // ... and the rule's keyword prefilter said no
  std::uint64_t exact_runs = 0;     // anchored runs of the exact regex (non-ASCII text only)
  std::uint64_t exact_misses = 0;   // ... that found no match where the stand-in did
  std::uint64_t candidates = 0;     // spans offered to Accept (allowlists, validator, score)
  std::uint64_t kept = 0;           // ... and accepted
  double validator_ms = 0;          // time inside the rule's validator
};

struct CheckProfile {
  std::uint64_t checks = 0;
  double set_ms = 0;           // normalisation, lower-casing and the RE2::Set
  std::vector<PatternProfile> patterns;  // by RE2::Set index
  PatternProfile* current = nullptr;     // the pattern Check() is working on
};

// Attaches `p` to the calling thread (nullptr detaches). Returns the previous one.
CheckProfile* AttachCheckProfile(CheckProfile* p);
// The profile attached to the calling thread, or nullptr.
CheckProfile* AttachedCheckProfile();

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_PROFILE_H_
