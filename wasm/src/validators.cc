// Built-in validators and the registry (see validators.h). Sources of the formats are named at each function.
#include "validators.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "normalize.h"

namespace postscrub {
namespace internal {
namespace {

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d.push_back(c);
  return d;
}

int ToInt(std::string_view d) {  // d: 1–9 ASCII digits
  int v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

// The runs of digits in `s`, each capped at 9 digits (longer runs are kept but read as invalid).
std::vector<std::string> DigitGroups(std::string_view s) {
  std::vector<std::string> groups;
  std::string cur;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur.push_back(c);
    } else if (!cur.empty()) {
      groups.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) groups.push_back(cur);
  return groups;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int month, int year) {  // year < 0: unknown, allow 29 February
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) return (year < 0 || IsLeap(year)) ? 29 : 28;
  return kDays[month - 1];
}

bool RealDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(m, y); }

// Returns 1–12 if `word` (lower-case) starts a month name ("mar", "march", "sept"), else 0.
int MonthOf(std::string_view word) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    const std::string_view full(kMonths[m]);
    if (word.size() <= full.size() && full.compare(0, word.size(), word) == 0) return m + 1;
  }
  return 0;
}

bool ValidateLuhn(std::string_view s, const ValidatorArgs&, const Lexicons&) { return LuhnValid(Digits(s)); }
bool ValidateSsn(std::string_view s, const ValidatorArgs&, const Lexicons&) { return SsnValid(s); }
bool ValidateNpi(std::string_view s, const ValidatorArgs&, const Lexicons&) { return NpiValid(s); }
bool ValidateNhs(std::string_view s, const ValidatorArgs&, const Lexicons&) { return NhsNumberValid(s); }
bool ValidateDea(std::string_view s, const ValidatorArgs&, const Lexicons&) { return DeaValid(s); }
bool ValidateDate(std::string_view s, const ValidatorArgs& a, const Lexicons&) { return DateValid(s, a.order); }
bool ValidateIpv4(std::string_view s, const ValidatorArgs&, const Lexicons&) { return Ipv4Valid(s); }
bool ValidateIpv6(std::string_view s, const ValidatorArgs&, const Lexicons&) { return Ipv6Valid(s); }
bool ValidatePhone(std::string_view s, const ValidatorArgs& a, const Lexicons&) {
  return NanpPhoneValid(s, a.allow_fiction);
}
bool ValidateAge(std::string_view s, const ValidatorArgs& a, const Lexicons&) { return AgeValid(s, a.min, a.max); }

// The registry: adding a validator = one function above + one row here.
const ValidatorDef kValidators[] = {
    {"luhn", ValidateLuhn, ""},
    {"ssn", ValidateSsn, ""},
    {"npi", ValidateNpi, ""},
    {"dea", ValidateDea, ""},
    {"nhs_number", ValidateNhs, ""},
    {"date", ValidateDate, "order"},
    {"ipv4", ValidateIpv4, ""},
    {"ipv6", ValidateIpv6, ""},
    {"nanp_phone", ValidatePhone, "allow_fiction"},
    {"age", ValidateAge, "min max"},
    {"lexicon", LexiconValid, "any_in none_in all_in token"},
    {"suffix_lexicon", SuffixLexiconValid, "any_in none_in token"},
};

}  // namespace

const ValidatorDef* FindValidator(std::string_view name) {
  for (const ValidatorDef& v : kValidators)
    if (name == v.name) return &v;
  return nullptr;
}

std::string ValidatorNames() {
  std::string names;
  for (const ValidatorDef& v : kValidators) names += (names.empty() ? "" : ", ") + std::string(v.name);
  return names;
}

// Luhn mod 10 (ISO/IEC 7812-1 Annex B).
bool LuhnValid(std::string_view digits) {
  if (digits.size() < 2) return false;
  int sum = 0;
  bool dbl = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int d = *it - '0';
    if (dbl && (d *= 2) > 9) d -= 9;
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

// SSA: area 001–899 except 666, group 01–99, serial 0001–9999 (SSA Program Operations Manual RM 10201.035).
bool SsnValid(std::string_view span) {
  const std::string d = Digits(span);
  if (d.size() != 9) return false;
  const int area = ToInt(d.substr(0, 3)), group = ToInt(d.substr(3, 2)), serial = ToInt(d.substr(5, 4));
  return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
}

// CMS NPI check digit: Luhn over the prefix 80840 followed by the 10 digits (45 CFR 162.406).
bool NpiValid(std::string_view span) {
  const std::string d = Digits(span);
  if (d.size() != 10 || (d[0] != '1' && d[0] != '2')) return false;
  return LuhnValid("80840" + d);
}

// NHS number (England, Wales, Isle of Man): 9 digits weighted 10..2, check digit = 11 - (sum mod 11);
// a result of 11 means 0 and 10 means the number is never issued (NHS Data Dictionary, "NHS Number").
bool NhsNumberValid(std::string_view span) {
  const std::string d = Digits(span);
  if (d.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == d[9] - '0';
}

// DEA registration number: 2 letters + 7 digits; (d1+d3+d5) + 2·(d2+d4+d6) ends in d7 (21 CFR 1301).
bool DeaValid(std::string_view span) {
  std::string letters, digits;
  for (char c : span) {
    if (std::isalpha(static_cast<unsigned char>(c))) letters.push_back(static_cast<char>(std::toupper(c)));
    else if (c >= '0' && c <= '9') digits.push_back(c);
  }
  // The second character may be the digit 9 (business-activity code for some registrants).
  if (letters.size() == 1 && digits.size() == 8 && digits[0] == '9') digits.erase(0, 1);
  else if (letters.size() != 2 || digits.size() != 7) return false;
  if (!std::strchr("ABCDEFGHJKLMPRSTUX", letters[0])) return false;
  const auto v = [&](int i) { return digits[i] - '0'; };
  const int sum = v(0) + v(2) + v(4) + 2 * (v(1) + v(3) + v(5));
  return sum % 10 == v(6);
}

// Cuts a trailing time of day ("2024-03-03T15:25:53Z", "03/03/2024 10:30") so only the date is read.
std::string_view DatePart(std::string_view span) {
  const std::size_t colon = span.find(':');
  if (colon == std::string_view::npos) return span;
  std::size_t cut = colon;
  while (cut > 0 && span[cut - 1] >= '0' && span[cut - 1] <= '9') --cut;
  while (cut > 0 && (span[cut - 1] == ' ' || span[cut - 1] == 'T' || span[cut - 1] == ',')) --cut;
  return span.substr(0, cut);
}

bool DateValid(std::string_view span_in, DateOrder order) {
  const std::string_view span = DatePart(span_in);
  if (span.empty()) return false;
  const std::string lower = LowerFold(span);
  // Written month: "March 3rd, 2024", "3 Mar 2024", "Mar 2024".
  int month = 0;
  for (std::size_t i = 0; i < lower.size() && !month;) {
    if (lower[i] >= 'a' && lower[i] <= 'z') {
      std::size_t j = i;
      while (j < lower.size() && lower[j] >= 'a' && lower[j] <= 'z') ++j;
      month = MonthOf(std::string_view(lower).substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  const std::vector<std::string> g = DigitGroups(span);
  for (const std::string& x : g)
    if (x.size() > 4) return false;
  if (month) {
    int day = -1, year = -1;
    for (const std::string& x : g) {
      if (x.size() == 4 && year < 0) year = ToInt(x);
      else if (x.size() <= 2 && day < 0) day = ToInt(x);
      else return false;
    }
    if (day < 0) return true;  // "March 2024"
    return RealDate(year, month, day);
  }
  if (g.size() < 2 || g.size() > 3) return false;
  auto year_of = [](const std::string& y) { return y.size() == 2 ? 2000 + ToInt(y) : ToInt(y); };
  auto check = [&](DateOrder o) {
    if (g.size() == 2) {  // month and day without a year, or year and month
      if (o == DateOrder::kYmd) return g[0].size() == 4 && g[1].size() <= 2 && RealDate(2000, ToInt(g[1]), 1);
      if (g[0].size() > 2 || g[1].size() > 2) return false;
      const int a = ToInt(g[0]), b = ToInt(g[1]);
      return o == DateOrder::kMdy ? RealDate(-1, a, b) : RealDate(-1, b, a);
    }
    if (o == DateOrder::kYmd) {
      return g[0].size() == 4 && g[1].size() <= 2 && g[2].size() <= 2 &&
             RealDate(ToInt(g[0]), ToInt(g[1]), ToInt(g[2]));
    }
    if (g[0].size() > 2 || g[1].size() > 2 || (g[2].size() != 2 && g[2].size() != 4)) return false;
    const int a = ToInt(g[0]), b = ToInt(g[1]), y = year_of(g[2]);
    return o == DateOrder::kMdy ? RealDate(y, a, b) : RealDate(y, b, a);
  };
  if (order != DateOrder::kAny) return check(order);
  return check(DateOrder::kMdy) || check(DateOrder::kDmy) || check(DateOrder::kYmd);
}

bool Ipv4Valid(std::string_view span) {
  const std::vector<std::string> g = DigitGroups(span);
  if (g.size() != 4) return false;
  int zero = 0;
  for (const std::string& x : g) {
    if (x.size() > 3 || ToInt(x) > 255) return false;
    zero += ToInt(x) == 0;
  }
  return zero < 4;
}

bool Ipv6Valid(std::string_view span) {
  if (span.empty()) return false;
  const std::size_t dc = span.find("::");
  if (dc != std::string_view::npos && span.find("::", dc + 1) != std::string_view::npos) return false;
  int groups = 0;
  // Counts the groups of one side of "::" (or of the whole address); false on a malformed group.
  auto side = [&](std::string_view part, bool may_end_in_ipv4) {
    if (part.empty()) return true;
    std::size_t i = 0;
    while (true) {
      const std::size_t colon = part.find(':', i);
      const std::string_view g = part.substr(i, colon == std::string_view::npos ? part.size() - i : colon - i);
      const bool last = colon == std::string_view::npos;
      if (last && may_end_in_ipv4 && g.find('.') != std::string_view::npos) {
        const std::vector<std::string> oct = DigitGroups(g);
        if (oct.size() != 4 || static_cast<std::size_t>(std::count(g.begin(), g.end(), '.')) != 3) return false;
        for (char c : g)
          if (c != '.' && (c < '0' || c > '9')) return false;
        for (const std::string& o : oct)
          if (o.size() > 3 || ToInt(o) > 255) return false;
        groups += 2;
        return true;
      }
      if (g.empty() || g.size() > 4) return false;
      for (char c : g)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      ++groups;
      if (last) return true;
      i = colon + 1;
    }
  };
  if (dc == std::string_view::npos) return side(span, true) && groups == 8;
  const std::string_view head = span.substr(0, dc), tail = span.substr(dc + 2);
  return side(head, false) && side(tail, true) && groups <= 7;
}

// North American Numbering Plan: NPA and NXX start with 2–9 and are not N11; 555-0100…0199 is reserved for
// fiction (ATIS-0300115).
bool NanpPhoneValid(std::string_view span, bool allow_fiction) {
  std::string_view number = span;
  for (std::size_t i = 0; i < span.size(); ++i) {  // cut an extension: "x22", "ext. 22"
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(span[i])));
    if (c == 'x' || c == 'e') {
      number = span.substr(0, i);
      break;
    }
  }
  std::string d = Digits(number);
  if (d.size() == 11 && d[0] == '1') d.erase(0, 1);
  if (d.size() != 10) return false;
  const auto bad = [](const std::string& code) { return code[0] < '2' || (code[1] == '1' && code[2] == '1'); };
  if (bad(d.substr(0, 3)) || bad(d.substr(3, 3))) return false;
  if (!allow_fiction && d.compare(3, 3, "555") == 0 && d.compare(6, 2, "01") == 0) return false;
  return true;
}

bool AgeValid(std::string_view span, int min, int max) {
  const std::vector<std::string> g = DigitGroups(span);
  if (g.empty() || g[0].size() > 3) return false;
  const int age = ToInt(g[0]);
  return age >= min && age <= max;
}

namespace {

// The words of a lower-cased span. With `join_marks`, an apostrophe or hyphen between word characters stays inside
// the word ("o'brien", "garcía-lópez" are one name); without, they split it (endings are checked per part).
std::vector<std::string_view> SplitWords(std::string_view l, bool join_marks) {
  std::vector<std::string_view> words;
  auto word_byte = [&](std::size_t k) { return IsWordByte(static_cast<unsigned char>(l[k])); };
  for (std::size_t i = 0; i < l.size();) {
    if (!word_byte(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < l.size() &&
           (word_byte(j) || (join_marks && (l[j] == '\'' || l[j] == '-') && j + 1 < l.size() && word_byte(j + 1))))
      ++j;
    words.push_back(l.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

bool LexiconValid(std::string_view span, const ValidatorArgs& a, const Lexicons& lexicons) {
  const std::string lower = LowerFold(span);
  const std::vector<std::string_view> words = SplitWords(lower, true);
  if (words.empty()) return false;
  auto in = [&](const std::string& name, std::string_view w) {
    auto it = lexicons.find(name);
    return it != lexicons.end() && it->second.Contains(w);
  };
  auto good = [&](std::string_view w) {
    if (!a.any_in.empty()) {
      bool any = false;
      for (const std::string& n : a.any_in) any = any || in(n, w);
      if (!any) return false;
    }
    for (const std::string& n : a.none_in)
      if (in(n, w)) return false;
    for (const std::string& n : a.all_in)
      if (!in(n, w)) return false;
    return true;
  };
  switch (a.token) {
    case TokenMode::kFirst: return good(words.front());
    case TokenMode::kLast: return good(words.back());
    case TokenMode::kAll:
      for (std::string_view w : words)
        if (!good(w)) return false;
      return true;
    case TokenMode::kAny:
      for (std::string_view w : words)
        if (good(w)) return true;
      return false;
  }
  return false;
}

bool SuffixLexiconValid(std::string_view span, const ValidatorArgs& a, const Lexicons& lexicons) {
  const std::string lower = LowerFold(span);
  const std::vector<std::string_view> words = SplitWords(lower, false);
  if (words.empty()) return false;
  // The lists are looked up once per call (spans are checked by the dozen per post: this is the hot path of the
  // name rules).
  std::vector<const WordSet*> endings, whole;
  for (const std::string& n : a.any_in)
    if (auto it = lexicons.find(n); it != lexicons.end()) endings.push_back(&it->second);
  for (const std::string& n : a.none_in)
    if (auto it = lexicons.find(n); it != lexicons.end()) whole.push_back(&it->second);
  auto good = [&](std::string_view w) {
    for (const WordSet* list : endings) {
      for (std::size_t k = 1; k < w.size(); ++k) {  // every proper ending of w, longest first
        if ((static_cast<unsigned char>(w[k]) & 0xC0) == 0x80) continue;  // not inside a UTF-8 sequence
        if (list->Contains(w.substr(k))) return true;
      }
    }
    return a.any_in.empty();
  };
  bool endings_ok = false;
  switch (a.token) {
    case TokenMode::kFirst: endings_ok = good(words.front()); break;
    case TokenMode::kLast: endings_ok = good(words.back()); break;
    case TokenMode::kAll:
      endings_ok = true;
      for (std::string_view w : words) endings_ok = endings_ok && good(w);
      break;
    case TokenMode::kAny:
      for (std::string_view w : words) endings_ok = endings_ok || good(w);
      break;
  }
  if (!endings_ok) return false;  // most spans stop here, before the long none_in lists
  // A word of a none_in lexicon anywhere rejects the span ("Parkinson Kowalska" is not a name), whatever
  // the token mode; the token mode applies to the endings.
  for (std::string_view w : words)
    for (const WordSet* list : whole)
      if (list->Contains(w)) return false;
  return true;
}

}  // namespace internal
}  // namespace postscrub
