// Internal: the text the matcher sees, and the byte map back to the caller's text.
//
// Normalize() replaces each invalid UTF-8 byte with U+FFFD and folds Mathematical Alphanumeric Symbols
// (U+1D400–U+1D7FF, the "bold" letters of LinkedIn posts) to ASCII, so "𝐉𝐨𝐡𝐧 𝟐𝟏𝟗-𝟎𝟗-𝟗𝟗𝟗𝟗" is checked as
// "John 219-09-9999". ToOriginal() maps a byte offset of the normalized text back to the original.
#ifndef POSTSCRUB_SRC_NORMALIZE_H_
#define POSTSCRUB_SRC_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postscrub {
namespace internal {

class Normalized {
 public:
  explicit Normalized(std::string_view original);
  // The text to match. Equal to the original when nothing needed changing.
  std::string_view text() const { return changed_ ? std::string_view(text_) : original_; }
  // Maps a byte offset of text() (at a code point boundary, or text().size()) to the original text.
  std::size_t ToOriginal(std::size_t i) const { return changed_ ? map_[i] : i; }
  bool changed() const { return changed_; }

 private:
  std::string_view original_;
  bool changed_ = false;
  std::string text_;
  std::vector<std::uint32_t> map_;  // size text_.size() + 1
};

// Returns `s` lower-cased with a length-preserving fold: ASCII, and the two-byte upper-case letters of Latin-1,
// Latin Extended-A, Greek and Cyrillic. Byte offsets of the result equal those of `s`.
std::string LowerFold(std::string_view s);

// True for bytes that can be part of a word: ASCII letters and digits, and every byte of a non-ASCII character.
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Byte ranges of placeholders the engine writes: "[LABEL]" (upper-case letters, digits, _ and spaces inside
// brackets) and runs of "•" (U+2022). Sorted, non-overlapping.
std::vector<std::pair<std::size_t, std::size_t>> FindPlaceholders(std::string_view text);

// True if every word byte of text[s, e) lies inside one of the placeholder ranges (so the span is ours).
bool InsidePlaceholders(std::string_view text, std::size_t s, std::size_t e,
                        const std::vector<std::pair<std::size_t, std::size_t>>& ranges);

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_NORMALIZE_H_
