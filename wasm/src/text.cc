// UTF-8 decoding and offset conversion (postscrub/text.h).
#include "postscrub/text.h"

#include <algorithm>
#include <numeric>

namespace postscrub {

std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    *cp = (std::uint32_t(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const unsigned char b1 = p[i + 1];
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) {  // overlong / surrogate
      *cp = 0xFFFD;
      return 1;
    }
    *cp = (std::uint32_t(b0 & 0x0F) << 12) | (std::uint32_t(b1 & 0x3F) << 6) | (p[i + 2] & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const unsigned char b1 = p[i + 1];
    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) {  // overlong / > U+10FFFF
      *cp = 0xFFFD;
      return 1;
    }
    *cp = (std::uint32_t(b0 & 0x07) << 18) | (std::uint32_t(b1 & 0x3F) << 12) |
          (std::uint32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    return 4;
  }
  *cp = 0xFFFD;
  return 1;
}

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view s) {
  std::uint32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = DecodeUtf8(s, i, &cp);
    if (len == 1) return false;  // a lone non-ASCII byte is always invalid
    i += len;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::uint32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = DecodeUtf8(s, i, &cp);
    if (len == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      AppendUtf8(0xFFFD, &out);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

std::size_t Utf16Length(std::string_view s) {
  std::size_t units = 0;
  std::uint32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = DecodeUtf8(s, i, &cp);
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t count = 0;
  std::uint32_t cp;
  for (std::size_t i = 0; i < s.size(); ++count) i += DecodeUtf8(s, i, &cp);
  return count;
}

void ByteOffsetsToUtf16(std::string_view s, std::vector<std::size_t>* offsets) {
  std::vector<std::size_t> order(offsets->size());
  std::iota(order.begin(), order.end(), 0);
  // A heap sort: equal offsets map to equal results, so any order of ties is right, and its code is a fifth of
  // std::sort's (the WASM module's size).
  const auto by_offset = [&](std::size_t a, std::size_t b) { return (*offsets)[a] < (*offsets)[b]; };
  std::make_heap(order.begin(), order.end(), by_offset);
  std::sort_heap(order.begin(), order.end(), by_offset);
  std::size_t i = 0, units = 0;
  std::uint32_t cp;
  for (std::size_t k : order) {
    const std::size_t target = std::min((*offsets)[k], s.size());
    while (i < s.size()) {
      const std::size_t len = DecodeUtf8(s, i, &cp);
      if (i + len > target) break;
      units += len == 4 ? 2 : 1;
      i += len;
    }
    (*offsets)[k] = units;  // an offset inside a sequence maps to the sequence start
  }
}

std::size_t Utf16ToByteOffset(std::string_view s, std::size_t u16) {
  std::size_t i = 0, units = 0;
  std::uint32_t cp;
  while (i < s.size()) {
    const std::size_t len = DecodeUtf8(s, i, &cp);
    const std::size_t w = len == 4 ? 2 : 1;
    if (units + w > u16) break;
    units += w;
    i += len;
  }
  return i;
}

}  // namespace postscrub
