// postscrub/json_io.h — the JSON shapes of docs/contracts.md §3 and §5, shared by the CLI and the WASM binding.
//
// USAGE
//
//   postscrub::CheckResult r = engine->Check(text);
//   std::string out = postscrub::CheckResultToJson(r);          // {"findings":[{...§3...}],"risk":{...},"version":"0.1.0"}
//   std::string line = postscrub::CheckResultToJsonl("post-7", r);   // {"id":"post-7","findings":[{start,end,
//                                                                   //  category,rule,severity,score}],"risk":{...}}
//   std::vector<postscrub::Finding> back;
//   std::string error;
//   if (!postscrub::FindingsFromJson(json_text, &back, &error)) { /* error says which field */ }
//
// Every function here is total: serialisers always succeed, parsers return false and fill *error on bad input.
// Strings are UTF-8; invalid UTF-8 in a finding's text is written as U+FFFD.
#ifndef POSTSCRUB_JSON_IO_H_
#define POSTSCRUB_JSON_IO_H_

#include <string>
#include <string_view>
#include <vector>

#include "postscrub/redact.h"
#include "postscrub/types.h"

namespace postscrub {

// The library version, e.g. "0.1.0".
const char* Version();

// Returns one finding as a JSON object (contracts §3, all fields).
std::string FindingToJson(const Finding& f);
// Returns {"findings":[...],"risk":{"level","score"},"version"} (plus "truncated":true when cut off).
std::string CheckResultToJson(const CheckResult& r);
// Returns the one-line --jsonl record: {"id","findings":[{"start","end","category","rule","severity","score"}],
// "risk":{"level","score"}}. `id_json` is the id as a JSON value text (string or number), e.g. "\"p1\"" or "17".
std::string CheckResultToJsonl(std::string_view id_json, const CheckResult& r);
// Returns {"text","edits":[{"start","end","byte_start","byte_end","replacement"}],"skipped":[...]}.
std::string RedactResultToJson(const RedactResult& r);
// Returns [{"id","pack","category","severity","message","description"}].
std::string RulesToJson(const std::vector<RuleInfo>& rules);
// Returns [{"id","name","version","publisher","rules"}].
std::string PacksToJson(const std::vector<PackInfo>& packs);

// Parses a JSON array of findings (as written by FindingToJson; only byte_start, byte_end, text, category, rule
// and severity are required; a missing redaction falls back to label). Returns false and sets *error on bad input.
bool FindingsFromJson(std::string_view json, std::vector<Finding>* out, std::string* error);
// Parses redaction choices: a JSON object whose keys are finding indexes ("0", "3") or rule ids and whose values
// are strategies ("label", "generalize", "mask", "remove") or "keep" (do not redact); "*" sets the default
// strategy. `null` or "" means no choices. Returns false and sets *error on bad input.
bool RedactChoicesFromJson(std::string_view json, RedactChoices* out, std::string* error);

}  // namespace postscrub

#endif  // POSTSCRUB_JSON_IO_H_
