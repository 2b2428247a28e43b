// Internal: the ASCII-exact stand-in of a regex (see approx_regex.h).
#include "approx_regex.h"

#include <bitset>

namespace postscrub {
namespace internal {
namespace {

using AsciiSet = std::bitset<128>;

// Sets *m to the ASCII members of Unicode property `name`. False for properties not handled here.
bool AsciiMembers(std::string_view name, AsciiSet* m) {
  bool (*in)(int);
  if (name == "L") in = [](int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  else if (name == "Lu") in = [](int c) { return c >= 'A' && c <= 'Z'; };
  else if (name == "Ll") in = [](int c) { return c >= 'a' && c <= 'z'; };
  else if (name == "N" || name == "Nd") in = [](int c) { return c >= '0' && c <= '9'; };
  else return false;
  for (int c = 0; c < 128; ++c) m->set(static_cast<std::size_t>(c), in(c));
  return true;
}

// Appends \x{C} for an ASCII character (hex by hand: no printf and its float formatting in the WASM module).
void AppendHex(int c, std::string* out) {
  out->append("\\x{");
  if (c >= 16) out->push_back("0123456789ABCDEF"[c >> 4]);
  out->push_back("0123456789ABCDEF"[c & 15]);
  out->push_back('}');
}

// Appends the members of `m` as class items: \x{41}-\x{5A}\x{61}-\x{7A}.
void AppendItems(const AsciiSet& m, std::string* out) {
  for (int c = 0; c < 128;) {
    if (!m.test(static_cast<std::size_t>(c))) {
      ++c;
      continue;
    }
    int e = c;
    while (e + 1 < 128 && m.test(static_cast<std::size_t>(e + 1))) ++e;
    AppendHex(c, out);
    if (e != c) {
      out->push_back('-');
      AppendHex(e, out);
    }
    c = e + 1;
  }
}

constexpr char kNonAscii[] = "\\x{80}-\\x{10FFFF}";

}  // namespace

std::string ApproximateRegex(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 64);
  bool in_class = false, negated = false;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '[' && !in_class) {
      in_class = true;
      out += '[';
      ++i;
      if (i < p.size() && p[i] == '^') {
        negated = true;
        out += '^';
        ++i;
      }
      if (i < p.size() && p[i] == ']') {  // a ']' first in a class is a member
        out += ']';
        ++i;
      }
      continue;
    }
    if (c == '[' && in_class && i + 1 < p.size() && p[i + 1] == ':') {  // [:alpha:] inside a class
      const std::size_t close = p.find(":]", i + 2);
      const std::size_t end = close == std::string_view::npos ? p.size() : close + 2;
      out.append(p.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == ']' && in_class) {
      in_class = negated = false;
      out += ']';
      ++i;
      continue;
    }
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 >= p.size()) {
      out += c;
      break;
    }
    const char n = p[i + 1];
    if (n == 'Q') return std::string(p);  // \Q...\E quotes text: leave such patterns alone
    if (n != 'p' && n != 'P') {
      out.append(p.substr(i, 2));
      i += 2;
      continue;
    }
    // \pX, \p{Name}, \p{^Name}, \PX, \P{Name}
    std::string_view name;
    std::size_t end;
    if (i + 2 < p.size() && p[i + 2] == '{') {
      const std::size_t close = p.find('}', i + 3);
      if (close == std::string_view::npos) {
        out.append(p.substr(i));
        break;
      }
      name = p.substr(i + 3, close - (i + 3));
      end = close + 1;
    } else {
      name = p.substr(i + 2, 1);
      end = i + 3;
    }
    bool negative = n == 'P';
    if (!name.empty() && name[0] == '^') {
      negative = !negative;
      name.remove_prefix(1);
    }
    AsciiSet m;
    bool ok = AsciiMembers(name, &m);
    // Inside a class, a property next to '-' may be part of a range expression: not ours to reinterpret.
    if (ok && in_class && ((i > 0 && p[i - 1] == '-') || (end < p.size() && p[end] == '-'))) ok = false;
    if (ok && negative) m.flip();
    // In a negated class only the ASCII members may stay (a subset inside the negation = a superset outside).
    if (ok && in_class && negated && m.none()) ok = false;  // nothing left: keep the original item
    if (!ok) {
      out.append(p.substr(i, end - i));
    } else if (!in_class) {
      out += '[';
      AppendItems(m, &out);
      out += kNonAscii;
      out += ']';
    } else {
      AppendItems(m, &out);
      if (!negated) out += kNonAscii;
    }
    i = end;
  }
  return out;
}

}  // namespace internal
}  // namespace postscrub
