// Propagation: findings that follow from other findings of the same post (see propagate.h).
#include "propagate.h"

#include <algorithm>
#include <map>

#include "normalize.h"

namespace postscrub {
namespace internal {
namespace {

// Decodes the code point at byte i (returns its length in *len; invalid bytes count as one U+FFFD).
std::uint32_t DecodeAt(std::string_view t, std::size_t i, std::size_t* len) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return *len = 1, c;
  const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > t.size()) return *len = 1, 0xFFFD;
  std::uint32_t cp = c & (0x3F >> (n - 1));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// Letters as far as names need them: ASCII letters and the letters of the Latin, Greek, Cyrillic and other
// alphabetic blocks; punctuation, symbols, dashes, quotes and emoji are not.
bool IsLetter(std::uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, arrows, math and other symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;  // variation selectors, small forms
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation
  if (cp == 0xFFFD || cp >= 0x1F000) return false;  // replacement character, emoji
  return true;
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

struct Word {
  std::size_t s, e;
  int letters;
  bool capitalised;  // first letter changes under LowerFold
  bool lower;        // no letter changes under LowerFold
  bool non_ascii;
};

std::vector<Word> Words(std::string_view text, std::string_view lower) {
  std::vector<Word> out;
  std::size_t i = 0, len = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !IsAsciiLetter(c)) {  // the usual non-letter: ASCII, no decoding
      ++i;
      continue;
    }
    if (!IsLetter(DecodeAt(text, i, &len))) {
      i += len;
      continue;
    }
    Word w{i, i, 0, false, true, false};
    std::size_t first_len = len;
    for (;;) {
      if (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
        if (!IsAsciiLetter(static_cast<unsigned char>(text[i]))) break;
        len = 1;
      } else if (i >= text.size() || !IsLetter(DecodeAt(text, i, &len))) {
        break;
      }
      ++w.letters;
      i += len;
    }
    w.e = i;
    w.capitalised = text.compare(w.s, first_len, lower.substr(w.s, first_len)) != 0;
    w.lower = text.compare(w.s, w.e - w.s, lower.substr(w.s, w.e - w.s)) == 0;
    for (std::size_t k = w.s; k < w.e; ++k) w.non_ascii |= static_cast<unsigned char>(text[k]) >= 0x80;
    out.push_back(w);
  }
  return out;
}

// True if the word at byte s begins a sentence: only spaces, opening quotes or brackets between it and the start
// of the text, a line break, or ". ! ?".
bool SentenceStart(std::string_view text, std::size_t s) {
  while (s > 0) {
    const char c = text[s - 1];
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '*' || c == '-' || c == '>') {
      --s;
      continue;
    }
    return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?';
  }
  return true;
}

using LexList = std::vector<const WordSet*>;

LexList Resolve(const Lexicons& lexicons, const std::vector<std::string>& names) {
  LexList out;
  for (const std::string& n : names) {
    auto it = lexicons.find(n);
    if (it != lexicons.end()) out.push_back(&it->second);
  }
  return out;
}

bool InAny(const LexList& lists, std::string_view w) {
  for (const auto* l : lists)
    if (l->Contains(w)) return true;
  return false;
}

// True if w ends with an entry of one of the lists and is longer than it.
bool EndsWithAny(const LexList& lists, std::string_view w) {
  for (const auto* l : lists)
    if (l->HasProperEnding(w)) return true;
  return false;
}

std::string StripSpace(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

// True if `s` without spaces and tabs is `want` (no copy: gaps between words are compared by the thousand).
bool EqualsWithoutSpace(std::string_view s, std::string_view want) {
  std::size_t k = 0;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    if (k == want.size() || want[k] != c) return false;
    ++k;
  }
  return k == want.size();
}

class Propagator {
 public:
  Propagator(const Engine::Impl& impl, const Rule& rule, std::string_view text, std::string_view lower,
             const std::vector<std::pair<std::size_t, std::size_t>>& placeholders, const std::vector<Word>& words,
             std::vector<Candidate>* kept)
      : impl_(impl), rule_(rule), p_(*rule.propagate), text_(text), lower_(lower), placeholders_(placeholders),
        words_(words), kept_(kept), covered_(words.size(), 0) {
    lower_case_in_ = Resolve(impl.lexicons, p_.lower_case_in);
    list_names_ = Resolve(impl.lexicons, p_.list_names_in);
    list_weak_ = Resolve(impl.lexicons, p_.list_weak_in);
    list_none_ = Resolve(impl.lexicons, p_.list_none_in);
    label_none_ = Resolve(impl.lexicons, p_.label_none_in);
    block_none_ = Resolve(impl.lexicons, p_.block_none_in);
    sentence_none_ = Resolve(impl.lexicons, p_.sentence_start_none_in);
    list_words_ = Resolve(impl.lexicons, p_.list_words_in);
    list_endings_ = Resolve(impl.lexicons, p_.list_endings_in);
    for (const std::string& j : p_.list_joiners) joiners_.push_back(StripSpace(j));
    pattern_.score = p_.score;
  }

  void Run() {
    std::vector<std::pair<std::size_t, std::size_t>> names;  // word ranges [first, last] of name findings
    for (const Candidate& c : *kept_) {
      const bool seed = std::find(p_.from.begin(), p_.from.end(), impl_.rules[c.rule].category) != p_.from.end();
      std::size_t first = words_.size(), last = 0;
      for (std::size_t i = WordAt(c.s); i < words_.size() && words_[i].s < c.e; ++i) {
        if (words_[i].e <= c.s) continue;
        covered_[i] = seed ? 2 : std::max<char>(covered_[i], 1);
        if (!seed) continue;
        first = std::min(first, i);
        last = i;
        AddSeedWord(i);
      }
      if (seed && first <= last) names.emplace_back(first, last);
      for (const std::string& cat : p_.block_from)
        if (impl_.rules[c.rule].category == cat) anchors_.push_back(c.s);
    }
    // Shapes that make names without a seed; what they find seeds the repeats and lists below.
    if (!list_names_.empty() && !joiners_.empty()) Lists(&names);  // no joiners: every list has one member
    if (p_.speaker_labels) Labels(&names);
    if (!p_.block_from.empty()) BlockHeads(&names);
    if (names.empty()) return;
    std::size_t done = 0;
    // Repeats of every seed word, then list neighbours of every name; new names seed further rounds.
    for (int round = 0; round < 8 && done < names.size(); ++round) {
      if (p_.repeats) {
        for (std::size_t i = 0; i < words_.size(); ++i) {
          if (!covered_[i] && RepeatOk(i) && Try(i)) names.emplace_back(i, i);
        }
      }
      const std::size_t end = names.size();
      for (; done < end && !joiners_.empty(); ++done) {
        const auto [first, last] = names[done];
        // The joiner is punctuation ("Ana, Luis"), a word ("Luis and Priya") or both ("Luis, and Priya"): the
        // neighbour is two words away if the word between is part of the joiner, else one.
        for (std::size_t k : {last + 2, last + 1}) {
          if (k < words_.size() && Joined(last, k)) {
            if (NeighbourOk(last, k) && Try(k)) names.emplace_back(k, k);
            break;
          }
        }
        const std::size_t head = TitleBefore(first) ? first - 1 : first;  // "Luis and Mr. Okafor"
        for (std::size_t k : {head - 2, head - 1}) {
          if (k < head && Joined(k, head)) {
            if (NeighbourOk(first, k) && Try(k)) names.emplace_back(k, k);
            break;
          }
        }
      }
      done = std::max(done, end);
      if (names.size() == end) break;
    }
  }

 private:
  std::size_t WordAt(std::size_t byte) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), byte,
                               [](const Word& w, std::size_t b) { return w.e <= b; });
    return static_cast<std::size_t>(it - words_.begin());
  }
  std::string_view Lower(std::size_t i) const { return lower_.substr(words_[i].s, words_[i].e - words_[i].s); }
  void AddSeedWord(std::size_t i) {
    if (words_[i].letters < p_.min_length) return;
    auto it = seeds_.find(Lower(i));
    if (it == seeds_.end()) it = seeds_.emplace(std::string(Lower(i)), false).first;
    bool& lower_seen = it->second;
    lower_seen = lower_seen || words_[i].lower;
  }
  bool RepeatOk(std::size_t i) const {
    const Word& w = words_[i];
    if (w.letters < p_.min_length) return false;
    auto it = seeds_.find(Lower(i));
    if (it == seeds_.end()) return false;
    if (w.lower) return it->second || InAny(lower_case_in_, it->first);
    if (!w.capitalised) return false;
    return !(SentenceStart(text_, w.s) && InAny(sentence_none_, it->first));
  }
  bool Joined(std::size_t a, std::size_t b) const {
    const std::size_t gs = words_[a].e, ge = words_[b].s;
    if (ge - gs > 16 || joiners_.empty()) return false;
    const std::string_view gap = lower_.substr(gs, ge - gs);
    if (gap.find('\n') != std::string_view::npos) return false;
    for (const std::string& j : joiners_)
      if (EqualsWithoutSpace(gap, j)) return true;
    return false;
  }
  // True if the word before word i is an abbreviated title ("Mr.", "Dr.", "Mrs."): capitalised, ≤ 4 letters, ".".
  bool TitleBefore(std::size_t i) const {
    if (i == 0) return false;
    const Word& t = words_[i - 1];
    return t.capitalised && t.letters <= 4 && EqualsWithoutSpace(text_.substr(t.e, words_[i].s - t.e), ".");
  }
  // Is word n, joined to the name word `from`, written like it and name-like on its own?
  bool NeighbourOk(std::size_t from, std::size_t n) const {
    const Word& w = words_[n];
    if (covered_[n] || w.letters < p_.min_length) return false;
    if (words_[from].lower ? !w.lower : !w.capitalised) return false;
    if (w.e < text_.size() && (text_[w.e] == '\'' || lower_.compare(w.e, 3, "\xE2\x80\x99") == 0)) {
      return false;  // a possessive beside a name is more often an eponym ("Parkinson's") than a person
    }
    const std::string_view lw = Lower(n);
    return InAny(list_words_, lw) || EndsWithAny(list_endings_, lw) || (p_.list_non_ascii && w.non_ascii);
  }
  enum class Kind { kBad, kUnknown, kWeak, kStrong, kFound };

  // Title case: capitalised, the rest lower-case ("Ana", not "ANA").
  bool TitleCase(std::size_t i) const {
    const Word& w = words_[i];
    if (!w.capitalised) return false;
    std::size_t len = 0;
    DecodeAt(text_, w.s, &len);
    return text_.compare(w.s + len, w.e - w.s - len, lower_.substr(w.s + len, w.e - w.s - len)) == 0;
  }
  bool Possessive(std::size_t i) const {
    const Word& w = words_[i];
    return w.e < text_.size() && (text_[w.e] == '\'' || lower_.compare(w.e, 3, "\xE2\x80\x99") == 0);
  }
  Kind Classify(std::size_t i) const {
    if (covered_[i] == 2) return Kind::kFound;
    if (covered_[i]) return Kind::kBad;
    const std::string_view lw = Lower(i);
    if (InAny(list_none_, lw)) return Kind::kBad;
    if (InAny(list_names_, lw) || EndsWithAny(list_endings_, lw)) return Kind::kStrong;
    if (InAny(list_weak_, lw) || (p_.list_non_ascii && words_[i].non_ascii)) return Kind::kWeak;
    return Kind::kUnknown;
  }
  bool Add(std::size_t i, std::vector<std::pair<std::size_t, std::size_t>>* names) {
    if (covered_[i] || !Try(i)) return false;
    names->emplace_back(i, i);
    return true;
  }

  // A member of the list that starts at word `first`: long enough, written like it, not possessive.
  bool ListMember(std::size_t first, std::size_t i) const {
    if (words_[i].letters < p_.min_length || Possessive(i)) return false;
    return words_[first].lower ? words_[i].lower : TitleCase(i);
  }
  void Lists(std::vector<std::pair<std::size_t, std::size_t>>* names) {
    const std::size_t n = words_.size();
    std::size_t i = 0;
    std::vector<std::size_t> m;  // reused: most words start no list
    while (i < n) {
      m.clear();
      if (ListMember(i, i)) {
        m.push_back(i);
        for (;;) {
          const std::size_t k = m.back();
          std::size_t next = n;
          for (std::size_t c : {k + 2, k + 1}) {
            if (c < n && Joined(k, c)) {
              next = c;
              break;
            }
          }
          if (next == n || !ListMember(m[0], next)) break;
          m.push_back(next);
        }
      }
      if (m.size() >= 2) List(m, names);
      i = m.empty() ? i + 1 : m.back() + 1;
    }
  }
  void List(const std::vector<std::size_t>& m, std::vector<std::pair<std::size_t, std::size_t>>* names) {
    std::vector<Kind> kinds;
    int found = 0, strong = 0, weak = 0;
    for (std::size_t i : m) {
      kinds.push_back(Classify(i));
      found += kinds.back() == Kind::kFound;
      strong += kinds.back() == Kind::kStrong;
      weak += kinds.back() == Kind::kWeak;
    }
    const int size = static_cast<int>(m.size()), named = found + strong;
    const bool lower = words_[m[0]].lower;
    bool ok;
    if (lower) {
      ok = size >= 3 && named >= size - 1;  // "silvana, adam, chad and caleb"; everyday lists never are
    } else {
      ok = named >= p_.list_min_names || (named >= 1 && weak >= 1);
      if (found == 0 && named < 2 && SentenceStart(text_, words_[m[0]].s)) ok = false;  // "Grace and Ana were…"
    }
    if (!ok) return;
    const bool unknown_ok =
        lower || (p_.list_unknown_min_members > 0 && size >= p_.list_unknown_min_members && named >= 2);
    for (std::size_t k = 0; k < m.size(); ++k) {
      if (kinds[k] == Kind::kStrong || kinds[k] == Kind::kWeak || (kinds[k] == Kind::kUnknown && unknown_ok)) {
        Add(m[k], names);
      }
    }
  }

  // True if only spaces, tabs and quote marks (">") stand between the start of the line and byte s.
  bool LineOpens(std::size_t s) const {
    while (s > 0) {
      const char c = text_[s - 1];
      if (c == '\n' || c == '\r') return true;
      if (c != ' ' && c != '\t' && c != '>') return false;
      --s;
    }
    return true;
  }
  // "Ubul: What a wife." — a word alone before a colon at the start of a line (not "http:", not "10:30").
  bool Label(std::size_t i) const {
    const Word& w = words_[i];
    if (w.letters < 2 || !(w.lower || TitleCase(i)) || !LineOpens(w.s)) return false;
    std::size_t k = w.e;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
    if (k >= text_.size() || text_[k] != ':') return false;
    return k + 1 >= text_.size() || (text_[k + 1] != '/' && (text_[k + 1] < '0' || text_[k + 1] > '9'));
  }
  void Labels(std::vector<std::pair<std::size_t, std::size_t>>* names) {
    std::vector<std::size_t> labels;
    bool named = false;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (!Label(i)) continue;
      labels.push_back(i);
      const Kind k = Classify(i);
      named = named || k == Kind::kFound || k == Kind::kStrong;
    }
    if (labels.size() < 2 || !named) return;
    for (std::size_t i : labels) {
      if (Classify(i) != Kind::kBad && !InAny(label_none_, Lower(i))) Add(i, names);
    }
  }

  // A contact block's head: "Dreux Joly", "> Mijail C Adomo", "emidio p lombardo", "Maika van de Noort".
  void BlockHeads(std::vector<std::pair<std::size_t, std::size_t>>* names) {
    static const char* const kParticles[] = {"van", "de", "der", "den", "ten", "ter", "da", "di", "do", "dos", "du",
                                             "von", "del", "della", "la", "le", "al", "el", "bin", "ibn"};
    std::size_t ls = 0;
    bool after_blank = true;  // the first line opens a block, and so does a line after an empty one
    while (ls <= text_.size()) {
      std::size_t le = text_.find('\n', ls);
      if (le == std::string_view::npos) le = text_.size();
      std::size_t a = ls, b = le;
      while (a < b && (text_[a] == ' ' || text_[a] == '\t' || text_[a] == '>' || text_[a] == '?')) ++a;
      while (b > a && (text_[b - 1] == ' ' || text_[b - 1] == '\t' || text_[b - 1] == '\r')) --b;
      const bool blank = a == b;
      if (!blank && after_blank) BlockHead(a, b, le, kParticles, sizeof kParticles / sizeof *kParticles, names);
      after_blank = blank;
      ls = le + 1;
    }
  }
  void BlockHead(std::size_t a, std::size_t b, std::size_t line_end, const char* const* particles, std::size_t np,
                 std::vector<std::pair<std::size_t, std::size_t>>* names) {
    const std::size_t first = WordAt(a);
    if (first >= words_.size() || words_[first].s != a) return;
    std::size_t last = first;
    int real = 0, lower = 0, strong = 0;
    for (std::size_t i = first; i < words_.size() && words_[i].s < b; ++i) {
      const Word& w = words_[i];
      // between words: one space, or ". " after an initial, or a hyphen inside a double name
      if (i > first) {
        const std::string_view gap = text_.substr(words_[i - 1].e, w.s - words_[i - 1].e);
        if (gap != " " && gap != ". " && gap != "-") return;
        if (gap == ". " && words_[i - 1].letters != 1) return;  // only an initial takes a full stop
      }
      last = i;
      if (covered_[i]) return;
      if (w.letters == 1) continue;  // an initial
      const std::string_view lw = Lower(i);
      bool particle = false;
      for (std::size_t k = 0; k < np; ++k) particle = particle || (w.lower && lw == particles[k]);
      if (particle) continue;
      if (!(w.lower || TitleCase(i)) || InAny(block_none_, lw)) return;
      ++real;
      lower += w.lower;
      const Kind k = Classify(i);
      if (k == Kind::kBad) return;
      strong += k == Kind::kStrong || (p_.list_non_ascii && w.non_ascii);
    }
    std::size_t tail = words_[last].e;
    if (tail < b && text_[tail] == '.') ++tail;  // "hyuuma t." is no head, but "Adam J." is
    if (tail != b || real < 2 || real > 4 || (lower != 0 && lower != real)) return;
    // findings of the block_from categories in the next block_lines lines
    std::size_t end = line_end;
    for (int k = 0; k < p_.block_lines && end < text_.size(); ++k) {
      const std::size_t n = text_.find('\n', end + 1);
      end = n == std::string_view::npos ? text_.size() : n;
    }
    int anchors = 0;
    for (std::size_t s : anchors_) anchors += s > line_end && s < end;
    if (anchors == 0 || (strong == 0 && anchors < 2)) return;
    if (kept_->size() >= impl_.options.max_findings ||
        !impl_.Accept(rule_, pattern_, text_, lower_, words_[first].s, words_[last].e, placeholders_, kept_)) {
      return;
    }
    for (std::size_t i = first; i <= last; ++i) {
      covered_[i] = 2;
      AddSeedWord(i);
    }
    names->emplace_back(first, last);
  }
  bool Try(std::size_t i) {
    if (kept_->size() >= impl_.options.max_findings) return false;
    if (!impl_.Accept(rule_, pattern_, text_, lower_, words_[i].s, words_[i].e, placeholders_, kept_)) return false;
    covered_[i] = 2;
    AddSeedWord(i);
    return true;
  }

  const Engine::Impl& impl_;
  const Rule& rule_;
  const Propagation& p_;
  std::string_view text_, lower_;
  const std::vector<std::pair<std::size_t, std::size_t>>& placeholders_;
  const std::vector<Word>& words_;
  std::vector<Candidate>* kept_;
  std::vector<char> covered_;
  std::map<std::string, bool, std::less<>> seeds_;  // lower-cased seed word → it was written lower-case somewhere
  LexList lower_case_in_, sentence_none_, list_words_, list_endings_;
  LexList list_names_, list_weak_, list_none_, label_none_, block_none_;
  std::vector<std::size_t> anchors_;  // starts of findings of the block_from categories
  std::vector<std::string> joiners_;
  Pattern pattern_;
};

}  // namespace

bool ParsePropagation(const json& v, const std::string& ptr, JsonWalker* w, Propagation* out) {
  if (!w->Object(v, ptr,
                 {"from", "score", "repeats", "min_length", "lower_case_in", "sentence_start_none_in",
                  "list_joiners", "list_words_in", "list_endings_in", "list_non_ascii", "list_names_in", "list_weak_in",
                  "list_none_in", "list_min_names", "list_unknown_min_members", "speaker_labels", "label_none_in",
                  "block_from", "block_lines", "block_none_in"},
                 {"from"}) ||
      !w->StringArray(v, "from", ptr, &out->from, 32, 64) || !w->Number(v, "score", ptr, &out->score, 0, 1) ||
      !w->Bool(v, "repeats", ptr, &out->repeats) || !w->Int(v, "min_length", ptr, &out->min_length, 1, 64) ||
      !w->StringArray(v, "lower_case_in", ptr, &out->lower_case_in, 100, 256) ||
      !w->StringArray(v, "sentence_start_none_in", ptr, &out->sentence_start_none_in, 100, 256) ||
      !w->StringArray(v, "list_joiners", ptr, &out->list_joiners, 32, 16) ||
      !w->StringArray(v, "list_words_in", ptr, &out->list_words_in, 100, 256) ||
      !w->StringArray(v, "list_endings_in", ptr, &out->list_endings_in, 100, 256) ||
      !w->Bool(v, "list_non_ascii", ptr, &out->list_non_ascii) ||
      !w->StringArray(v, "list_names_in", ptr, &out->list_names_in, 100, 256) ||
      !w->StringArray(v, "list_weak_in", ptr, &out->list_weak_in, 100, 256) ||
      !w->StringArray(v, "list_none_in", ptr, &out->list_none_in, 100, 256) ||
      !w->Int(v, "list_min_names", ptr, &out->list_min_names, 1, 16) ||
      !w->Int(v, "list_unknown_min_members", ptr, &out->list_unknown_min_members, 0, 64) ||
      !w->Bool(v, "speaker_labels", ptr, &out->speaker_labels) ||
      !w->StringArray(v, "label_none_in", ptr, &out->label_none_in, 100, 256) ||
      !w->StringArray(v, "block_from", ptr, &out->block_from, 32, 64) ||
      !w->Int(v, "block_lines", ptr, &out->block_lines, 1, 16) ||
      !w->StringArray(v, "block_none_in", ptr, &out->block_none_in, 100, 256))
    return false;
  if (out->speaker_labels && out->list_names_in.empty()) {
    return w->Fail(ptr + "/speaker_labels", "needs list_names_in (a label must be a name to start a dialogue)");
  }
  if (out->from.empty()) return w->Fail(ptr + "/from", "must name at least one category");
  for (std::size_t i = 0; i < out->list_joiners.size(); ++i) {
    if (StripSpace(out->list_joiners[i]).empty()) {
      return w->Fail(ptr + "/list_joiners/" + std::to_string(i), "must not be only white space");
    }
    out->list_joiners[i] = LowerFold(out->list_joiners[i]);
  }
  return true;
}

bool PropagationLexiconsKnown(const Propagation& p, const Lexicons& lexicons, std::string* missing) {
  for (const auto* list : {&p.lower_case_in, &p.sentence_start_none_in, &p.list_words_in, &p.list_endings_in,
                           &p.list_names_in, &p.list_weak_in, &p.list_none_in, &p.label_none_in, &p.block_none_in}) {
    for (const std::string& name : *list) {
      if (!lexicons.count(name)) {
        *missing = name;
        return false;
      }
    }
  }
  return true;
}

void Propagate(const Engine::Impl& impl, std::string_view text, std::string_view lower,
               const std::vector<std::pair<std::size_t, std::size_t>>& placeholders, std::vector<Candidate>* kept) {
  std::vector<Word> words;
  for (const Rule& r : impl.rules) {
    if (r.disabled || !r.propagate) continue;
    const Propagation& p = *r.propagate;
    if (kept->empty() && p.list_names_in.empty() && !p.speaker_labels) continue;  // nothing to start from
    if (words.empty()) words = Words(text, lower);
    Propagator(impl, r, text, lower, placeholders, words, kept).Run();
  }
}

}  // namespace internal
}  // namespace postscrub
