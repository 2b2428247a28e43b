// Internal text normalization, lower-casing and placeholder detection (see normalize.h).
#include "normalize.h"

#include <algorithm>

#include "postscrub/text.h"

namespace postscrub {
namespace internal {
namespace {

// Returns the ASCII character a Mathematical Alphanumeric Symbol stands for, or 0.
char FoldMathAlnum(std::uint32_t cp) {
  if (cp >= 0x1D400 && cp < 0x1D6A4) {  // 13 alphabets of 52 letters: A–Z then a–z
    const std::uint32_t k = (cp - 0x1D400) % 52;
    return static_cast<char>(k < 26 ? 'A' + k : 'a' + (k - 26));
  }
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return static_cast<char>('0' + (cp - 0x1D7CE) % 10);  // 5 digit sets
  return 0;
}

}  // namespace

Normalized::Normalized(std::string_view original) : original_(original) {
  std::uint32_t cp;
  for (std::size_t i = 0; i < original.size();) {
    const unsigned char b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      if (changed_) {
        text_.push_back(static_cast<char>(b));
        map_.push_back(static_cast<std::uint32_t>(i));
      }
      ++i;
      continue;
    }
    const std::size_t len = DecodeUtf8(original, i, &cp);
    const bool invalid = len == 1;
    const char folded = invalid ? 0 : FoldMathAlnum(cp);
    if ((invalid || folded) && !changed_) {
      changed_ = true;
      text_.assign(original.data(), i);
      text_.reserve(original.size() + 16);
      map_.resize(i);
      for (std::size_t k = 0; k < i; ++k) map_[k] = static_cast<std::uint32_t>(k);
    }
    if (changed_) {
      const std::size_t before = text_.size();
      if (invalid) {
        AppendUtf8(0xFFFD, &text_);
      } else if (folded) {
        text_.push_back(folded);
      } else {
        text_.append(original.data() + i, len);
      }
      for (std::size_t k = before; k < text_.size(); ++k) map_.push_back(static_cast<std::uint32_t>(i));
    }
    i += len;
  }
  if (changed_) map_.push_back(static_cast<std::uint32_t>(original.size()));
}

std::string LowerFold(std::string_view s) {
  std::string out(s);
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
      continue;
    }
    if (c < 0xC2 || c > 0xDF || i + 1 >= n) continue;
    const unsigned char c1 = static_cast<unsigned char>(out[i + 1]);
    if ((c1 & 0xC0) != 0x80) continue;
    std::uint32_t cp = (std::uint32_t(c & 0x1F) << 6) | (c1 & 0x3F), lo = cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) lo = cp + 0x20;                      // Latin-1
    else if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) lo = cp + 1;                  // Latin Extended-A
    else if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) lo = cp + 1;
    else if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) lo = cp + 1;
    else if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) lo = cp + 0x20;               // Greek
    else if (cp >= 0x410 && cp <= 0x42F) lo = cp + 0x20;                               // Cyrillic
    else if (cp >= 0x400 && cp <= 0x40F) lo = cp + 0x50;
    if (lo != cp && lo < 0x800) {
      out[i] = static_cast<char>(0xC0 | (lo >> 6));
      out[i + 1] = static_cast<char>(0x80 | (lo & 0x3F));
    }
    ++i;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> FindPlaceholders(std::string_view t) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (t[i] == '[') {
      std::size_t j = i + 1;
      bool upper = false;
      while (j < n && j - i <= 40) {
        const char c = t[j];
        if (c >= 'A' && c <= 'Z') upper = true;
        else if (!((c >= '0' && c <= '9') || c == '_' || c == ' ' || c == '-')) break;
        ++j;
      }
      if (upper && j < n && t[j] == ']') {
        ranges.emplace_back(i, j + 1);
        i = j;
      }
    } else if (t[i] == '\xE2' && i + 2 < n && t[i + 1] == '\x80' && t[i + 2] == '\xA2') {  // "•"
      std::size_t j = i;
      while (j + 2 < n && t[j] == '\xE2' && t[j + 1] == '\x80' && t[j + 2] == '\xA2') j += 3;
      ranges.emplace_back(i, j);
      i = j - 1;
    }
  }
  return ranges;
}

bool InsidePlaceholders(std::string_view text, std::size_t s, std::size_t e,
                        const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  if (ranges.empty()) return false;
  auto it = std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(s, ~std::size_t{0}));
  if (it != ranges.begin()) --it;
  bool any_word = false;
  for (std::size_t i = s; i < e; ++i) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) continue;
    while (it != ranges.end() && it->second <= i) ++it;
    if (it == ranges.end() || i < it->first) return false;
    any_word = true;
  }
  return any_word;
}

}  // namespace internal
}  // namespace postscrub
