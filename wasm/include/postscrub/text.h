// postscrub/text.h — UTF-8 helpers with the same rules the engine uses for offsets.
//
// Decoding is strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). Each byte that is not part
// of a valid sequence counts as one U+FFFD: one code point, one UTF-16 unit.
//
//   postscrub::Utf16Length("a😀")                 // 3
//   postscrub::SanitizeUtf8("a\xff" "b")           // "a\uFFFDb"
#ifndef POSTSCRUB_TEXT_H_
#define POSTSCRUB_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postscrub {

// Decodes one code point at s[i]. Returns its length in bytes (1–4) and sets *cp; for an invalid byte returns 1
// and sets *cp to U+FFFD. Requires i < s.size().
std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t* cp);
// Appends the UTF-8 form of `cp` to *out.
void AppendUtf8(std::uint32_t cp, std::string* out);
// Returns true if `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);
// Returns `s` with each invalid byte replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);
// Returns the length of `s` in UTF-16 code units.
std::size_t Utf16Length(std::string_view s);
// Returns the number of code points in `s`.
std::size_t CodePointCount(std::string_view s);
// Converts byte offsets into UTF-16 offsets of `s`, in place. Offsets may come in any order; an offset inside a
// multi-byte sequence maps to the sequence's start, one past the end to Utf16Length(s).
void ByteOffsetsToUtf16(std::string_view s, std::vector<std::size_t>* offsets);
// Returns the byte offset of UTF-16 offset `u16` in `s` (s.size() if past the end; the start of the code point
// if `u16` points at its second surrogate).
std::size_t Utf16ToByteOffset(std::string_view s, std::size_t u16);

}  // namespace postscrub

#endif  // POSTSCRUB_TEXT_H_
