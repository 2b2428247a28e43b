// Redaction (postscrub/redact.h): replacements per strategy, and applying them so that every byte outside a
// chosen span stays as it was.
#include "postscrub/redact.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "normalize.h"
#include "validators.h"
#include "postscrub/text.h"

namespace postscrub {
namespace {

std::string DefaultLabel(std::string_view category) {
  std::string l = "[";
  for (char c : category) l.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return l + "]";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True for code points that mask as "•": letters and digits of any script (symbols, punctuation, spaces, emoji
// and variation selectors are kept).
bool IsMaskable(std::uint32_t cp) {
  if (cp < 0x80) return IsDigit(static_cast<char>(cp)) || IsAlpha(static_cast<char>(cp));
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;   // punctuation, symbols, arrows, box drawing
  if (cp >= 0x3000 && cp <= 0x303F) return false;   // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;   // variation selectors
  if (cp == 0xFFFD || (cp >= 0x1F000 && cp <= 0x1FAFF)) return false;  // replacement char, emoji
  return true;
}

// Returns the first run of 1–3 digits at or after `from` as [a, b), or a == npos.
std::pair<std::size_t, std::size_t> NumberRun(std::string_view s, std::size_t from = 0) {
  std::size_t a = from;
  while (a < s.size() && !IsDigit(s[a])) ++a;
  if (a == s.size()) return {std::string_view::npos, 0};
  std::size_t b = a;
  while (b < s.size() && IsDigit(s[b])) ++b;
  return {a, b};
}

bool LooksLikeAge(std::string_view lower) {
  for (const char* cue : {"year", "yr", "yo", "y/o", "y.o", "age"})
    if (lower.find(cue) != std::string_view::npos) return true;
  return false;
}

// "67-year-old" → "60-some-year-old", "age 67" → "age in their 60s", "92 yo" → "90 or older".
bool GeneralizeAge(std::string_view span, std::string* out) {
  const auto [a, b] = NumberRun(span);
  if (a == std::string_view::npos || b - a > 3) return false;
  int n = 0;
  for (std::size_t i = a; i < b; ++i) n = n * 10 + (span[i] - '0');
  const int decade = n / 10 * 10;
  const std::string compound = n >= 90 ? "90-plus" : n < 10 ? "under-10" : std::to_string(decade) + "-some";
  const std::string phrase = n >= 90 ? "90 or older" : n < 10 ? "under 10" : "in their " + std::to_string(decade) + "s";
  const std::string rest = internal::LowerFold(span.substr(b));
  std::size_t k = 0;
  if (k < rest.size() && (rest[k] == '-' || rest[k] == ' ')) ++k;
  if (rest.compare(k, 4, "year") == 0 || rest.compare(k, 2, "yr") == 0) {
    *out = std::string(span.substr(0, a)) + compound + std::string(span.substr(b));
    return true;
  }
  // Swallow a short suffix that only restates the age: "yo", "y/o", "y.o.", "M", "F".
  std::size_t end = b;
  std::size_t j = 0;
  while (j < rest.size() && rest[j] == ' ') ++j;
  for (const char* suffix : {"y/o", "y.o.", "y.o", "yo", "m", "f"}) {
    const std::string_view sx(suffix);
    if (rest.compare(j, sx.size(), sx) == 0 && (j + sx.size() == rest.size() || !IsAlpha(rest[j + sx.size()]))) {
      end = b + j + sx.size();
      break;
    }
  }
  *out = std::string(span.substr(0, a)) + phrase + std::string(span.substr(end));
  return true;
}

// "March 3rd, 2024" → "March 2024", "03/03/2024" → "03/2024", "2024-03-03" → "2024-03"; no year → false.
bool GeneralizeDate(std::string_view full, std::string* out) {
  const std::string_view span = internal::DatePart(full);
  // A month written as a word.
  for (std::size_t i = 0; i < span.size();) {
    if (!IsAlpha(span[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < span.size() && IsAlpha(span[j])) ++j;
    const std::string word = internal::LowerFold(span.substr(i, j - i));
    static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                    "july",    "august",   "september", "october", "november", "december"};
    for (const char* m : kMonths) {
      const std::string_view full(m);
      if (word.size() >= 3 && word.size() <= full.size() && full.compare(0, word.size(), word) == 0) {
        for (std::size_t y = 0; y + 4 <= span.size(); ++y) {
          if (IsDigit(span[y]) && IsDigit(span[y + 1]) && IsDigit(span[y + 2]) && IsDigit(span[y + 3]) &&
              (y == 0 || !IsDigit(span[y - 1])) && (y + 4 == span.size() || !IsDigit(span[y + 4]))) {
            *out = std::string(span.substr(i, j - i)) + " " + std::string(span.substr(y, 4));
            return true;
          }
        }
        return false;
      }
    }
    i = j;
  }
  // Numeric: groups of digits and the separators between them.
  std::vector<std::pair<std::size_t, std::size_t>> g;
  for (std::size_t i = 0; i < span.size();) {
    if (!IsDigit(span[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < span.size() && IsDigit(span[j])) ++j;
    g.emplace_back(i, j);
    i = j;
  }
  auto part = [&](std::size_t k) { return span.substr(g[k].first, g[k].second - g[k].first); };
  auto sep = [&](std::size_t k) { return span.substr(g[k].second, g[k + 1].first - g[k].second); };
  if (g.size() == 3) {
    if (part(0).size() == 4) {  // ymd → "2024-03"
      *out = std::string(part(0)) + std::string(sep(0)) + std::string(part(1));
      return true;
    }
    int a = 0;
    for (char c : part(0)) a = a * 10 + (c - '0');
    const std::string_view month = a > 12 ? part(1) : part(0);  // day first if the first number cannot be a month
    *out = std::string(month) + std::string(sep(1)) + std::string(part(2));
    return true;
  }
  if (g.size() == 2 && (part(0).size() == 4 || part(1).size() == 4)) {  // already month and year
    *out = std::string(span);
    return true;
  }
  return false;
}

std::string Mask(std::string_view span) {
  std::string out;
  std::uint32_t cp;
  for (std::size_t i = 0; i < span.size();) {
    const std::size_t len = DecodeUtf8(span, i, &cp);
    if (cp >= 0x300 && cp <= 0x36F) {
      // a combining mark belongs to the letter before it, which is masked already
    } else if (IsMaskable(cp)) {
      out += "\xE2\x80\xA2";
    } else {
      out.append(span.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string Replacement(Strategy strategy, std::string_view span_in, std::string_view category,
                        std::string_view label_in) {
  const internal::Normalized norm(span_in);
  const std::string_view span = norm.text();
  const std::string label = label_in.empty() ? DefaultLabel(category) : std::string(label_in);
  switch (strategy) {
    case Strategy::kLabel: return label;
    case Strategy::kMask: return Mask(span);
    case Strategy::kRemove: return std::string();
    case Strategy::kGeneralize: {
      std::string out;
      const std::string lower = internal::LowerFold(span);
      if ((category == "age" || (category == "date" && LooksLikeAge(lower))) && GeneralizeAge(span, &out)) return out;
      if (category == "date" && GeneralizeDate(span, &out)) return out;
      return label;
    }
  }
  return label;
}

RedactResult Redact(std::string_view text, const std::vector<Finding>& findings, const RedactChoices& choices) {
  struct Item {
    std::size_t bs, be, index;
    Strategy strategy;
  };
  RedactResult result;
  std::vector<Item> items;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (choices.skip_index.count(i) || choices.skip_rule.count(f.rule)) continue;
    if (f.byte_start >= f.byte_end || f.byte_end > text.size() ||
        (!f.text.empty() && text.substr(f.byte_start, f.byte_end - f.byte_start) != f.text)) {
      result.skipped.push_back(i);
      continue;
    }
    Strategy s = choices.has_default ? choices.default_strategy : f.strategy;
    if (auto it = choices.by_rule.find(f.rule); it != choices.by_rule.end()) s = it->second;
    if (auto it = choices.by_index.find(i); it != choices.by_index.end()) s = it->second;
    items.push_back(Item{f.byte_start, f.byte_end, i, s});
  }
  // By start, the longest first, then in the order given: a heap sort written out, because std::sort's code for
  // one more element type costs the WASM module 1.5 KB (findings come from the caller: O(n log n) on any input).
  const auto less = [](const Item& a, const Item& b) {
    return a.bs != b.bs ? a.bs < b.bs : a.be != b.be ? a.be > b.be : a.index < b.index;
  };
  const auto sift_down = [&](std::size_t i, std::size_t end) {
    for (std::size_t c; (c = 2 * i + 1) < end; i = c) {
      if (c + 1 < end && less(items[c], items[c + 1])) ++c;
      if (!less(items[i], items[c])) break;
      std::swap(items[i], items[c]);
    }
  };
  for (std::size_t i = items.size() / 2; i-- > 0;) sift_down(i, items.size());
  for (std::size_t end = items.size(); end-- > 1;) {
    std::swap(items[0], items[end]);
    sift_down(0, end);
  }
  std::vector<std::size_t> offsets;
  std::size_t copied = 0;
  for (std::size_t k = 0; k < items.size();) {
    // A cluster of overlapping items becomes one edit, led by the most severe (then longest) item.
    std::size_t bs = items[k].bs, be = items[k].be, lead = k, j = k + 1;
    for (; j < items.size() && items[j].bs < be; ++j) {
      be = std::max(be, items[j].be);
      const Finding &a = findings[items[j].index], &b = findings[items[lead].index];
      if (a.severity > b.severity || (a.severity == b.severity && a.byte_end - a.byte_start > b.byte_end - b.byte_start))
        lead = j;
    }
    const Finding& f = findings[items[lead].index];
    Strategy s = items[lead].strategy;
    const bool grew = bs != f.byte_start || be != f.byte_end;
    if (grew && s == Strategy::kGeneralize) s = Strategy::kLabel;
    Edit edit;
    edit.replacement = Replacement(s, text.substr(bs, be - bs), f.category, f.label);
    if (s == Strategy::kRemove) {  // take one adjacent space with it, so no double space is left
      const bool space_before = bs > copied && text[bs - 1] == ' ';
      const bool after_ends = be == text.size() || std::strchr(" .,;:!?)", text[be]) != nullptr;
      if (space_before && after_ends) --bs;
      else if (be < text.size() && text[be] == ' ' && (j == items.size() || items[j].bs > be)) ++be;
    }
    edit.byte_start = bs;
    edit.byte_end = be;
    result.text.append(text.substr(copied, bs - copied));
    result.text += edit.replacement;
    copied = be;
    offsets.push_back(bs);
    offsets.push_back(be);
    result.edits.push_back(std::move(edit));
    k = j;
  }
  result.text.append(text.substr(copied));
  ByteOffsetsToUtf16(text, &offsets);
  for (std::size_t i = 0; i < result.edits.size(); ++i) {
    result.edits[i].start = offsets[2 * i];
    result.edits[i].end = offsets[2 * i + 1];
  }
  return result;
}

}  // namespace postscrub
