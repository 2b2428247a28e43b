// Internal: named validators that confirm or reject a candidate span (contracts §2).
//
// THE REGISTRY. A validator is one function `bool F(std::string_view span, const ValidatorArgs&, const Lexicons&)`
// that returns true to keep the candidate and false to drop it, plus one row in kValidators (validators.cc)
// giving its name and the argument keys it accepts. Argument values are parsed once, at pack load, by
// ParseValidator(); a new kind of argument needs one more branch there.
#ifndef POSTSCRUB_SRC_VALIDATORS_H_
#define POSTSCRUB_SRC_VALIDATORS_H_

#include <climits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "word_set.h"

namespace postscrub {
namespace internal {

// Named word lists, lower-cased (pack "lexicons"; later packs add words to a list of the same name).
using Lexicons = std::map<std::string, WordSet, std::less<>>;

enum class DateOrder { kAny, kMdy, kDmy, kYmd };
enum class TokenMode { kAny, kAll, kFirst, kLast };

struct ValidatorArgs {
  DateOrder order = DateOrder::kAny;            // date
  bool allow_fiction = false;                   // nanp_phone
  int min = 0, max = 125;                       // age
  std::vector<std::string> any_in, none_in, all_in;  // lexicon
  TokenMode token = TokenMode::kAny;            // lexicon
};

using ValidatorFn = bool (*)(std::string_view span, const ValidatorArgs& args, const Lexicons& lexicons);

struct ValidatorDef {
  const char* name;
  ValidatorFn fn;
  const char* arg_keys;  // space-separated argument names it accepts, "" for none
};

// Returns the validator called `name`, or nullptr.
const ValidatorDef* FindValidator(std::string_view name);
// Returns the names of all validators, space-separated (for error messages).
std::string ValidatorNames();

// The checks themselves, exposed for unit tests. Each takes the span text and ignores characters that are not
// digits (or letters, where the format has letters).
bool LuhnValid(std::string_view digits);           // true if the digits pass the Luhn mod-10 check (≥ 2 digits)
bool SsnValid(std::string_view span);              // 9 digits, area not 000/666/9xx, group not 00, serial not 0000
bool NpiValid(std::string_view span);              // 10 digits, Luhn over "80840" + the digits
bool NhsNumberValid(std::string_view span);        // 10 digits, NHS mod-11 check digit (10 is never issued)
bool DeaValid(std::string_view span);              // 2 letters + 7 digits with the DEA check digit
bool DateValid(std::string_view span, DateOrder order);  // a real calendar date (a trailing time is ignored)
std::string_view DatePart(std::string_view span);  // the span without a trailing time of day
bool Ipv4Valid(std::string_view span);             // four octets 0–255, not 0.0.0.0
// RFC 4291 §2.2 text forms: eight groups of 1–4 hex digits, or fewer with one "::" ("::", "::1",
// "fe80::1"), optionally ending in a dotted IPv4 address that counts as two groups ("::ffff:10.0.0.1").
bool Ipv6Valid(std::string_view span);
bool NanpPhoneValid(std::string_view span, bool allow_fiction);
bool AgeValid(std::string_view span, int min, int max);  // the first number in the span, in [min, max]
bool LexiconValid(std::string_view span, const ValidatorArgs& args, const Lexicons& lexicons);
// Like LexiconValid, but any_in names lexicons of word endings: a word is "in" one when it ends with one of
// its entries and is longer than it ("szczepańska" ends with "ska"). none_in lexicons hold whole words, and
// one such word anywhere in the span rejects it (token applies to the endings only).
// Name shapes of many languages live in their endings (-ová, -sson, -dóttir, -ović, -yama), which no list of
// whole names can cover.
bool SuffixLexiconValid(std::string_view span, const ValidatorArgs& args, const Lexicons& lexicons);

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_VALIDATORS_H_
