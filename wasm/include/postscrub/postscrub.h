// postscrub/postscrub.h — everything in one include.
//
//   engine.h         Engine::Compile(packs) → CompileResult; engine->Check(text) → CheckResult; TestExamples()
//   redact.h         Redact(text, findings, choices) → RedactResult; Replacement()
//   types.h          Finding, Risk, CheckResult, RuleInfo, PackInfo, Severity, Strategy
//   json_io.h        JSON forms of the above (docs/contracts.md §3, §5)
//   text.h           UTF-8 / UTF-16 helpers
//   default_packs.h  the packs of rules/packs.txt, embedded (link postscrub_default_packs)
#ifndef POSTSCRUB_POSTSCRUB_H_
#define POSTSCRUB_POSTSCRUB_H_
#include "postscrub/engine.h"
#include "postscrub/json_io.h"
#include "postscrub/redact.h"
#include "postscrub/text.h"
#include "postscrub/types.h"
#endif  // POSTSCRUB_POSTSCRUB_H_
