// Internal: facts about a regex read from its text (see regex_text.h).
#include "regex_text.h"

#include <algorithm>
#include <limits>

namespace postscrub {
namespace internal {
namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max();
// Per byte of pattern text: a literal, an escape or a class item compiles to a few instructions (a case-folded
// letter to up to three alternatives, \W or a negated class of four bytes to a UTF-8 automaton of about a dozen).
constexpr std::int64_t kPerByte = 16;
// '.': a UTF-8 automaton of about a dozen instructions in one byte of text.
constexpr std::int64_t kAnyChar = 64;
// A class with a range beyond ASCII: case folding can add the folds of the range (at most every cased character
// of Unicode, some thousand ranges), each a short UTF-8 sequence.
constexpr std::int64_t kFoldedClass = 16384;
// A Unicode property (\p{L}, \P{Greek}, in a class or not): RE2 compiles the largest of its 199 groups, \P{L}
// case-folded, to 1,202 instructions, a class of the four largest (L, N, P, S) to 1,452; a class's ranges are at
// most the sum of its parts'. Measured over every group, \p and \P, in and out of a class, folded or not.
constexpr std::int64_t kPropertyClass = 8192;
// ApproximateRegex()'s "any non-ASCII character" range: its folds are ASCII letters and itself.
// Deeper nesting of groups is not bounded here (the pattern is built at pack compile).
constexpr int kMaxDepth = 32;
constexpr std::string_view kNonAsciiRange = "\\x{80}-\\x{10FFFF}";

// Length of the escape at p[i] ('\\'), whole: \x{...}, \p{...}, \P{...}, \pL or a backslash and one character.
std::size_t EscapeLength(std::string_view p, std::size_t i) {
  if (i + 1 >= p.size()) return 1;
  const char n = p[i + 1];
  if ((n == 'x' || n == 'p' || n == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
    const std::size_t close = p.find('}', i + 3);
    return close == std::string_view::npos ? p.size() - i : close + 1 - i;
  }
  if ((n == 'p' || n == 'P') && i + 2 < p.size()) return 3;  // \pL: a one-letter property
  return 2;  // an escaped non-ASCII character: its other bytes count as items of their own (more, not less)
}

// True if the escape text names a character outside ASCII (\x{HHHH}, \xHH, an escaped non-ASCII character) or a
// Unicode property.
bool EscapeIsNonAscii(std::string_view e) {
  if (e.size() < 2) return false;
  if (e[1] != 'x') return e[1] == 'p' || e[1] == 'P' || static_cast<unsigned char>(e[1]) >= 0x80;
  std::size_t digits = 0;  // hex digits after the leading zeros
  char first = 0;
  for (const char ch : e.substr(2)) {
    if (ch == '{' || ch == '}' || (digits == 0 && ch == '0')) continue;
    if (digits++ == 0) first = ch;
  }
  return digits > 2 || (digits == 2 && first > '7');
}

// End (one past ']') of the class that opens at p[i] ('['); *wide says whether it holds a range with an end
// outside ASCII (what case folding can multiply), *properties how many Unicode properties it holds.
std::size_t ClassEnd(std::string_view p, std::size_t i, bool* wide, int* properties) {
  *wide = false;
  *properties = 0;
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a ']' first in a class is a member
  bool prev_non_ascii = false, range = false;  // the item before, and whether a '-' follows it
  while (i < p.size() && p[i] != ']') {
    bool non_ascii = false;
    if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // [:alpha:]
      const std::size_t close = p.find(":]", i + 2);
      i = close == std::string_view::npos ? p.size() : close + 2;
    } else if (p[i] == '\\') {
      const std::size_t len = EscapeLength(p, i);
      non_ascii = EscapeIsNonAscii(p.substr(i, len));
      *properties += len > 1 && (p[i + 1] == 'p' || p[i + 1] == 'P');
      i += len;
    } else if (p[i] == '-' && i + 1 < p.size() && p[i + 1] != ']') {
      range = true;
      ++i;
      continue;
    } else {
      non_ascii = static_cast<unsigned char>(p[i]) >= 0x80;
      ++i;
    }
    *wide = *wide || (range && (prev_non_ascii || non_ascii));
    range = false;
    prev_non_ascii = non_ascii;
  }
  return std::min(i + 1, p.size());
}

// Length of the text after "(?" up to and including ':' or ')': the flags of a group or a flag setting.
std::size_t FlagsLength(std::string_view p, std::size_t i) {
  std::size_t j = i;
  while (j < p.size() && p[j] != ':' && p[j] != ')') ++j;
  return std::min(j + 1, p.size()) - i;
}

// Parses a counted repetition {n}, {n,} or {n,m} at p[i]; returns its length (0 if the '{' is a literal) and sets
// *copies to at least how many copies of the repeated item RE2 emits.
std::size_t Repetition(std::string_view p, std::size_t i, std::int64_t* copies) {
  std::size_t j = i + 1;
  if (j >= p.size() || p[j] < '0' || p[j] > '9') return 0;
  std::int64_t n = 0, most = 0;
  for (; j < p.size() && ((p[j] >= '0' && p[j] <= '9') || p[j] == ','); ++j) {
    n = p[j] == ',' ? 0 : std::min<std::int64_t>(n * 10 + (p[j] - '0'), 1 << 30);
    most = std::max(most, n);
  }
  if (j >= p.size() || p[j] != '}') return 0;
  *copies = std::max<std::int64_t>(most + (p[j - 1] == ','), 1);  // {n,}: n copies and a star
  return j + 1 - i;
}

// The bounds of the counted repetition at p[i] (Repetition() says it is one): {n} gives n, n; {n,} gives n, -1.
void RepetitionBounds(std::string_view p, std::size_t i, std::int64_t* lo, std::int64_t* hi) {
  std::int64_t* v = lo;
  *lo = 0;
  *hi = -2;  // no comma yet
  for (std::size_t j = i + 1; p[j] != '}'; ++j) {
    if (p[j] == ',') {
      v = hi;
      *hi = 0;
      if (p[j + 1] == '}') *hi = -1;
    } else {
      *v = std::min<std::int64_t>(*v * 10 + (p[j] - '0'), 1 << 30);
    }
  }
  if (*hi == -2) *hi = *lo;
}

// A counted repetition the RE2::Set's form writes open-ended: {0,48} compiles to 48 nested copies, {0,} to one.
constexpr std::int64_t kWidenFrom = 8;   // spread (most - least) from which a repetition is widened
constexpr std::int64_t kRepeatMax = 1000;  // RE2's limit: a larger count is an error the widened form would hide
constexpr int kMaxWidened = 32;

}  // namespace

RegexFacts ReadRegex(std::string_view p, std::string* set_form) {
  RegexFacts facts;
  bool unbounded = false;
  // One frame per open group: the finished part of the current branch, the items of finished branches, and the
  // last item (what a quantifier repeats).
  struct Frame {
    std::int64_t done = 0, last = 0;
    bool counted = false, last_counted = false;  // a counted repetition inside; inside the last item
  };
  // Counted repetitions the Set's form widens, and whether two counted repetitions nest anywhere (then none is
  // widened: RE2 limits the product of nested counts, and a widened form could hide a pattern over that limit).
  struct Widened {
    std::size_t at, length;
    std::int64_t least;
  };
  Widened widened[kMaxWidened];
  int widened_count = 0;
  bool nested_counts = false;
  Frame frames[kMaxDepth];
  int depth = 0, too_deep = 0;
  const auto cap = [](std::int64_t v) { return std::min<std::int64_t>(v, std::int64_t{1} << 40); };
  // The top level's items, for required_end: the end of the last required one before the item being read, and
  // the item being read (its end and whether it is optional so far). A quantifier right after a quantifier is
  // laziness ("*?"), not another repetition.
  std::size_t required_end = 0;
  bool top_item = false, top_optional = false, top_alternation = false, after_quantifier = false;
  const auto top_start = [&](std::size_t at, bool zero_width) {  // the previous item (and its quantifiers) ends at `at`
    if (top_item && !top_optional) required_end = at;
    top_item = true;
    top_optional = zero_width;
  };
  const auto item = [&](std::int64_t size) {
    Frame& f = frames[depth];
    f.done = cap(f.done + f.last);
    f.last = size;
    f.last_counted = false;
  };
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    const bool quantifier = c == '*' || c == '+' || c == '?' || c == '{';
    if (depth == 0 && !quantifier && c != ')' && c != '|') {
      const bool zero_width = c == '^' || c == '$' ||
                              (c == '\\' && i + 1 < p.size() && std::string_view("bBAz").find(p[i + 1]) != std::string_view::npos);
      const bool flags_only = c == '(' && i + 2 < p.size() && p[i + 1] == '?' && p[i + 2] != 'P' &&
                              p[i + FlagsLength(p, i + 1)] == ')';
      if (!flags_only) top_start(i, zero_width);
    }
    if (!quantifier) after_quantifier = false;
    if (c == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {
      const std::size_t end = p.find("\\E", i + 2);
      const std::size_t stop = end == std::string_view::npos ? p.size() : end;
      for (std::size_t k = i + 2; k < stop; ++k) item(kPerByte);
      i = end == std::string_view::npos ? p.size() : end + 2;
    } else if (c == '\\') {
      const std::size_t len = EscapeLength(p, i);
      const bool property = len > 1 && (p[i + 1] == 'p' || p[i + 1] == 'P');
      item(kPerByte * static_cast<std::int64_t>(len) + (property ? kPropertyClass : 0));
      i += len;
    } else if (c == '[') {
      bool wide;
      int properties;
      const std::size_t end = ClassEnd(p, i, &wide, &properties);
      const std::string_view cls = p.substr(i, end - i);
      std::int64_t size = kPerByte * static_cast<std::int64_t>(cls.size()) + kPropertyClass * properties;
      if (wide) size += cls.find(kNonAsciiRange) != std::string_view::npos ? 256 : kFoldedClass;
      item(size);
      i = end;
    } else if (c == '(') {
      if (i + 2 < p.size() && p[i + 1] == '?' && p[i + 2] == 'P') {  // (?P<name> (RE2 has no other (?P)
        const std::size_t close = p.find('>', i + 4);
        i = close == std::string_view::npos ? p.size() : close + 1;
        ++facts.groups;
      } else if (i + 1 >= p.size() || p[i + 1] != '?') {
        ++facts.groups;
        ++i;
      } else {
        i += 1 + FlagsLength(p, i + 1);
        if (p[i - 1] == ')') continue;  // (?i): flags only
      }
      if (depth + 1 == kMaxDepth) {
        unbounded = true;
        ++too_deep;
      } else {
        frames[++depth] = Frame{};
      }
    } else if (c == ')' && too_deep > 0) {
      --too_deep;
      ++i;
    } else if (c == ')' && depth > 0) {
      const Frame f = frames[depth--];
      item(cap(f.done + f.last + 4));
      frames[depth].counted = frames[depth].counted || f.counted;
      frames[depth].last_counted = f.counted;
      ++i;
    } else if (c == '|') {
      top_alternation = top_alternation || depth == 0;
      Frame& f = frames[depth];
      f.done = cap(f.done + f.last + 4);
      f.last = 0;
      ++i;
    } else if (c == '*' || c == '+' || c == '?') {
      if (depth == 0 && !after_quantifier) top_optional = top_optional || c != '+';
      after_quantifier = true;
      frames[depth].last += 4;
      ++i;
    } else if (std::int64_t copies = 0; c == '{' && Repetition(p, i, &copies) > 0) {
      if (depth == 0 && !after_quantifier) top_optional = top_optional || (i + 1 < p.size() && p[i + 1] == '0');
      after_quantifier = true;
      Frame& f = frames[depth];
      f.last = cap(f.last * (copies + 1) + 4);
      nested_counts = nested_counts || f.last_counted;
      f.counted = f.last_counted = true;
      const std::size_t length = Repetition(p, i, &copies);
      std::int64_t least, most;
      RepetitionBounds(p, i, &least, &most);
      if (most >= 0 && most <= kRepeatMax && most - least >= kWidenFrom && widened_count < kMaxWidened) {
        widened[widened_count++] = Widened{i, length, least};
      }
      i += length;
    } else {
      item(c == '.' ? kAnyChar : kPerByte);
      ++i;
      while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++i;  // one UTF-8 character
    }
  }
  while (depth > 0) {  // unbalanced text (not expected after RE2's parse): count it all
    const Frame f = frames[depth--];
    item(cap(f.done + f.last + 4));
  }
  facts.size_bound = unbounded ? kUnbounded : cap(frames[depth].done + frames[depth].last + 16);
  if (top_item && !top_optional) required_end = p.size();
  facts.required_end = top_alternation || too_deep > 0 || required_end == 0 ? p.size() : required_end;
  if (set_form) {
    set_form->clear();
    std::size_t from = 0;
    for (int k = 0; k < (nested_counts ? 0 : widened_count); ++k) {
      const Widened& w = widened[k];
      if (w.at + w.length > facts.required_end) break;
      set_form->append(p.substr(from, w.at - from));
      set_form->append("{" + std::to_string(w.least) + ",}");
      from = w.at + w.length;
    }
    set_form->append(p.substr(from, facts.required_end - from));
  }
  return facts;
}

}  // namespace internal
}  // namespace postscrub
