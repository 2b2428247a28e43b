// Engine::Impl::Check: the matching pipeline.
//
//   1. Normalize (invalid UTF-8 → U+FFFD, mathematical bold → ASCII) and lower-case once.
//   2. One RE2::Set over every pattern says which patterns match anywhere.
//   3. For those patterns only (and only if the rule's keyword prefilter passes), RE2 finds the spans.
//   4. Each candidate: placeholder? allowlisted? validator? context boosts → score ≥ min_score?
//   5. Overlap resolution (contracts §2), cap, offsets back to the caller's text (bytes and UTF-16).
#include <algorithm>
#include <map>

#include "engine_impl.h"
#include "normalize.h"
#include "propagate.h"
#include "postscrub/text.h"
#include "profile.h"

#ifdef POSTSCRUB_PROFILE
#include <chrono>
#define PROFILE_ONLY(...) __VA_ARGS__
#else
#define PROFILE_ONLY(...)
#endif

namespace postscrub {

#ifdef POSTSCRUB_PROFILE
namespace internal {
namespace {
thread_local CheckProfile* attached_profile = nullptr;
}  // namespace
CheckProfile* AttachCheckProfile(CheckProfile* p) {
  CheckProfile* old = attached_profile;
  attached_profile = p;
  return old;
}
CheckProfile* AttachedCheckProfile() { return attached_profile; }
}  // namespace internal
#endif

namespace {

PROFILE_ONLY(using ProfileClock = std::chrono::steady_clock;
             double MsSince(ProfileClock::time_point t0) {
               return std::chrono::duration<double, std::milli>(ProfileClock::now() - t0).count();
             })

using internal::Rule;

using internal::Candidate;

// Moves back `n` code points from byte `i` (never below 0).
std::size_t BackCodePoints(std::string_view t, std::size_t i, int n) {
  while (n-- > 0 && i > 0) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  }
  return i;
}

// Moves forward `n` code points from byte `i` (never past the end).
std::size_t ForwardCodePoints(std::string_view t, std::size_t i, int n) {
  while (n-- > 0 && i < t.size()) {
    ++i;
    while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// True if no byte of `s` is outside ASCII.
bool IsAscii(std::string_view s) {
  for (const char ch : s)
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  return true;
}

// Finds the match of `p` that its exact regex finds by an unanchored search of text[pos..] (leftmost-first), with
// its groups. On ASCII text the pattern's stand-in is exact (approx_regex.h). Elsewhere the stand-in proposes
// starts, leftmost first; every match of the exact regex starts where the stand-in (a superset at every position)
// also matches, so the first start where the exact regex matches gives its leftmost match:
//   - when the stand-in's match there reads only ASCII characters, the exact regex takes the very same path (the
//     two differ only on non-ASCII characters, and a higher-priority path of the exact regex would be one of the
//     stand-in's too), so the stand-in's match and groups are the exact ones: most matches in a post with an
//     emoji or an accented word elsewhere take this way;
//   - otherwise the exact regex is run anchored at that start.
// This spares the exact regex its reverse DFA, which the big Unicode classes push out of memory (RE2 then runs the
// NFA over the rest of the text, for every match), and most of its anchored runs.
bool NextMatch(const internal::Pattern& p, bool ascii, std::string_view text, std::size_t pos,
               re2::StringPiece* groups, int ng, internal::PatternProfile* prof) {
  (void)prof;
  if (ascii || !p.exact) return p.re->Get().Match(text, pos, text.size(), RE2::UNANCHORED, groups, ng);
  for (int misses = 0; misses < 64; ++misses) {
    if (pos > text.size() || !p.re->Get().Match(text, pos, text.size(), RE2::UNANCHORED, groups, ng)) return false;
    const std::size_t s = static_cast<std::size_t>(groups[0].data() - text.data());
    if (IsAscii(groups[0])) return true;
    const RE2& exact = p.exact->Get();
    if (!exact.ok()) return p.re->Get().Match(text, s, text.size(), RE2::UNANCHORED, groups, ng);
    PROFILE_ONLY(if (prof) ++prof->exact_runs;)
    if (exact.Match(text, s, text.size(), RE2::ANCHOR_START, groups, ng)) return true;
    PROFILE_ONLY(if (prof) ++prof->exact_misses;)
    if (s == text.size()) return false;
    pos = ForwardCodePoints(text, s, 1);
  }
  // Many starts where only the stand-in matches: let RE2 search (linear, if slower) rather than go on.
  const RE2& exact = p.exact->Get();
  if (!exact.ok()) return p.re->Get().Match(text, pos, text.size(), RE2::UNANCHORED, groups, ng);
  return exact.Match(text, pos, text.size(), RE2::UNANCHORED, groups, ng);
}

// True if `word` occurs in lower[a, b) as a whole word: no word character right before or after it (checked
// only on a side where the word itself begins or ends with a word character).
bool FindWord(std::string_view lower, std::size_t a, std::size_t b, const std::string& word) {
  if (word.empty() || b < a || b - a < word.size()) return false;
  const bool check_left = internal::IsWordByte(static_cast<unsigned char>(word.front()));
  const bool check_right = internal::IsWordByte(static_cast<unsigned char>(word.back()));
  const std::string_view hay = lower.substr(0, b);  // search only inside the window
  for (std::size_t pos = hay.find(word, a); pos != std::string_view::npos; pos = hay.find(word, pos + 1)) {
    const std::size_t end = pos + word.size();
    if (check_left && pos > 0 && internal::IsWordByte(static_cast<unsigned char>(lower[pos - 1]))) continue;
    if (check_right && end < lower.size() && internal::IsWordByte(static_cast<unsigned char>(lower[end]))) continue;
    return true;
  }
  return false;
}

double ContextBoost(const Rule& r, std::string_view lower, std::size_t s, std::size_t e) {
  double total = 0;
  for (const internal::ContextEntry& c : r.context) {
    const std::size_t ws = BackCodePoints(lower, s, c.window), we = ForwardCodePoints(lower, e, c.window);
    for (const std::string& word : c.words) {
      if (FindWord(lower, ws, s, word) || FindWord(lower, e, we, word)) {
        total += c.boost;
        break;
      }
    }
  }
  return total;
}

// Keeps the winners of overlapping candidates: higher severity, then higher score, then longer wins; a loser is
// kept only if it has another category than every winner it overlaps and severity high.
class OverlapResolver {
 public:
  explicit OverlapResolver(const std::vector<Rule>& rules) : rules_(rules) {}

  // Returns true if `c` is accepted. Candidates must arrive in priority order.
  bool Offer(const Candidate& c, std::size_t id) {
    const Rule& r = rules_[c.rule];
    bool overlaps_primary = false;
    auto it = primary_.lower_bound(c.e);
    while (it != primary_.begin()) {
      --it;
      if (it->second.first <= c.s) break;  // primary ranges are disjoint: ends grow with starts
      overlaps_primary = true;
      if (!Compatible(r, c, it->second.second, it->first, it->second.first)) return false;
    }
    if (!secondary_.empty()) {
      const std::size_t from = c.s > max_secondary_len_ ? c.s - max_secondary_len_ : 0;
      for (auto s = secondary_.lower_bound(from); s != secondary_.end() && s->first < c.e; ++s) {
        if (s->second.first > c.s && !Compatible(r, c, s->second.second, s->first, s->second.first)) return false;
      }
    }
    if (overlaps_primary) {
      secondary_.emplace(c.s, std::make_pair(c.e, c.rule));
      max_secondary_len_ = std::max(max_secondary_len_, c.e - c.s);
    } else {
      primary_.emplace(c.s, std::make_pair(c.e, c.rule));
    }
    (void)id;
    return true;
  }

 private:
  // May `loser` (span c) stay beside the accepted `winner` (span [ws, we)) it overlaps? Statements (patient
  // context, advice, disparagement, boundary, promotion) and identifiers are different risks about the same words:
  // both stay. Two statements of different categories both stay too ("@jen double your metformin and DM me your
  // labs" is advice and a boundary problem). Two identifiers of different categories are two readings of one
  // span: the second stays only if it is high and not inside the winner, whose redaction already covers it (a
  // street name inside an address is not also a person's name).
  bool Compatible(const Rule& loser, const Candidate& c, int winner, std::size_t ws, std::size_t we) const {
    const Rule& w = rules_[winner];
    if (loser.category == w.category) return false;
    const bool loser_statement = internal::IsStatementCategory(loser.category);
    if (loser_statement != internal::IsStatementCategory(w.category)) return true;
    if (loser_statement) return true;
    return loser.severity == Severity::kHigh && !(ws <= c.s && c.e <= we);
  }
  const std::vector<Rule>& rules_;
  std::map<std::size_t, std::pair<std::size_t, int>> primary_;         // start → (end, rule)
  std::multimap<std::size_t, std::pair<std::size_t, int>> secondary_;  // overlapping exceptions
  std::size_t max_secondary_len_ = 0;
};

}  // namespace

// Runs the per-candidate checks; returns true and appends to *cands if the candidate is kept.
bool Engine::Impl::Accept(const Rule& r, const internal::Pattern& p, std::string_view text, std::string_view lower,
                          std::size_t s, std::size_t e,
                          const std::vector<std::pair<std::size_t, std::size_t>>& placeholders,
                          std::vector<internal::Candidate>* cands) const {
  if (!placeholders.empty() && internal::InsidePlaceholders(text, s, e, placeholders)) return false;
  const std::string_view span_low = lower.substr(s, e - s);
  if (allow.Contains(span_low) || r.allow.Contains(span_low)) return false;
  const std::string_view span = text.substr(s, e - s);
  // The validator before the allow regexes: both only say no, and on the name rules the validator turns down
  // most spans for less than the two RE2 searches the allow regexes cost.
  if (r.validator) {
    PROFILE_ONLY(const auto t0 = ProfileClock::now();)
    const bool ok = r.validator->fn(span, r.validator_args, lexicons);
    PROFILE_ONLY(if (internal::CheckProfile* prof = internal::AttachedCheckProfile(); prof && prof->current)
                     prof->current->validator_ms += MsSince(t0);)
    if (!ok) return false;
  }
  for (const auto& re : r.allow_regex)
    if (RE2::PartialMatch(span, re->Get())) return false;
  double score = p.score + ContextBoost(r, lower, s, e);
  score = std::min(1.0, std::max(0.0, score));
  if (score + 1e-9 < r.min_score) return false;
  cands->push_back(internal::Candidate{s, e, static_cast<int>(&r - rules.data()), score});
  return true;
}

CheckResult Engine::Impl::Check(std::string_view original) const {
  CheckResult result;
  if (original.empty() || set_patterns.empty()) return result;
#ifdef POSTSCRUB_PROFILE
  internal::CheckProfile* const prof = internal::AttachedCheckProfile();
  const auto check_t0 = ProfileClock::now();
  if (prof) {
    ++prof->checks;
    if (prof->patterns.size() != set_patterns.size()) {
      prof->patterns.assign(set_patterns.size(), internal::PatternProfile{});
      for (std::size_t i = 0; i < set_patterns.size(); ++i) {
        prof->patterns[i].rule = rules[static_cast<std::size_t>(set_patterns[i].first)].id;
        prof->patterns[i].pattern = set_patterns[i].second;
      }
    }
  }
#endif
  const internal::Normalized norm(original);
  const std::string_view text = norm.text();
  const std::string lower_s = internal::LowerFold(text);
  const std::string_view lower(lower_s);

  // On ASCII text the patterns' ASCII-exact stand-ins give the same matches (approx_regex.h).
  const bool ascii = IsAscii(text);

  std::vector<int> hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!set->Match(text, &hits, &info) && info.kind != RE2::Set::kNoError) {
    hits.clear();  // the Set ran out of memory: fall back to trying every pattern (still linear per pattern)
    for (std::size_t i = 0; i < set_patterns.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::sort(hits.begin(), hits.end());
  PROFILE_ONLY(if (prof) prof->set_ms += MsSince(check_t0);)

  std::vector<std::pair<std::size_t, std::size_t>> placeholders;
  if (text.find('[') != std::string_view::npos || text.find("\xE2\x80\xA2") != std::string_view::npos) {
    placeholders = internal::FindPlaceholders(text);
  }
  std::vector<signed char> keyword_ok(rules.size(), -1);
  std::vector<Candidate> cands;
  const std::size_t cand_cap = options.max_findings * 4 + 16;
  std::vector<re2::StringPiece> groups;

  for (int h : hits) {
    const auto [ri, pi] = set_patterns[static_cast<std::size_t>(h)];
    const Rule& r = rules[static_cast<std::size_t>(ri)];
    if (r.disabled) continue;
    internal::PatternProfile* pprof = nullptr;
#ifdef POSTSCRUB_PROFILE
    const auto pattern_t0 = ProfileClock::now();
    if (prof) {
      pprof = prof->current = &prof->patterns[static_cast<std::size_t>(h)];
      ++pprof->set_hits;
    }
#endif
    if (!r.keywords.empty()) {
      signed char& ok = keyword_ok[static_cast<std::size_t>(ri)];
      if (ok < 0) {
        ok = 0;
        for (const std::string& k : r.keywords)
          if (lower.find(k) != std::string_view::npos) ok = 1;
      }
      if (!ok) {
        PROFILE_ONLY(if (pprof) ++pprof->keyword_skips;)
        continue;
      }
    }
    const internal::Pattern& p = r.patterns[static_cast<std::size_t>(pi)];
    const int ng = p.group + 1;
    groups.assign(static_cast<std::size_t>(ng), re2::StringPiece());
    // After a rejected candidate the search resumes one code point after its start, so "Visited Maria Delgado"
    // still finds "Maria Delgado"; the bytes re-scanned this way are budgeted to keep the pass linear.
    std::size_t pos = 0, retry_budget = 4 * text.size() + 4096;
    while (pos <= text.size() && cands.size() < cand_cap) {
      if (!NextMatch(p, ascii, text, pos, groups.data(), ng, pprof)) break;
      const re2::StringPiece full = groups[0], g = groups[static_cast<std::size_t>(p.group)];
      const std::size_t full_start = static_cast<std::size_t>(full.data() - text.data());
      const std::size_t full_end = full_start + full.size();
      const std::size_t skip = full.empty() ? ForwardCodePoints(text, full_end, 1) + (full_end == text.size())
                                            : full_end;
      const std::size_t retry = ForwardCodePoints(text, full_start, 1);
      const bool can_retry = full.size() > 1 && retry_budget >= full.size();
      pos = skip;
      if (g.data() == nullptr || g.empty()) continue;
      const std::size_t s = static_cast<std::size_t>(g.data() - text.data()), e = s + g.size();
      PROFILE_ONLY(if (pprof) ++pprof->candidates;)
      if (Accept(r, p, text, lower, s, e, placeholders, &cands)) {
        PROFILE_ONLY(if (pprof) ++pprof->kept;)
        continue;
      }
      if (can_retry) {
        retry_budget -= full.size();
        pos = retry;
      }
    }
    PROFILE_ONLY(if (pprof) pprof->ms += MsSince(pattern_t0);)
  }
  PROFILE_ONLY(if (prof) prof->current = nullptr;)
  // no early return on no candidates: propagation finds lists and dialogue labels of names on its own

  // Both orders below are total (two candidates that compare equal are equal in every field), so any correct
  // sort gives the same result: a heap sort, one instantiation for both, is a fraction of std::sort's code in the
  // WASM module. Priority: higher severity, higher score, longer, earlier, lower rule index. By position: start,
  // end, then priority (two findings on one span keep the order the resolver accepted them in).
  bool by_position = false;
  const auto before = [this, &by_position](const Candidate& a, const Candidate& b) {
    if (by_position && (a.s != b.s || a.e != b.e)) return a.s != b.s ? a.s < b.s : a.e < b.e;
    const Severity sa = rules[a.rule].severity, sb = rules[b.rule].severity;
    if (sa != sb) return sa > sb;
    if (a.score != b.score) return a.score > b.score;
    if (a.e - a.s != b.e - b.s) return a.e - a.s > b.e - b.s;
    if (a.s != b.s) return a.s < b.s;
    return a.rule < b.rule;
  };
  std::make_heap(cands.begin(), cands.end(), before);
  std::sort_heap(cands.begin(), cands.end(), before);
  OverlapResolver resolver(rules);
  std::vector<Candidate> kept;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    if (!resolver.Offer(cands[i], i)) continue;
    if (kept.size() == options.max_findings) {
      result.truncated = true;
      break;
    }
    kept.push_back(cands[i]);
  }
  internal::Propagate(*this, text, lower, placeholders, &kept);  // repeats and lists of names (propagate.h)
  by_position = true;
  std::make_heap(kept.begin(), kept.end(), before);
  std::sort_heap(kept.begin(), kept.end(), before);

  std::vector<std::size_t> offsets;
  offsets.reserve(kept.size() * 2);
  result.findings.resize(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Candidate& c = kept[i];
    const Rule& r = rules[static_cast<std::size_t>(c.rule)];
    Finding& f = result.findings[i];
    f.byte_start = norm.ToOriginal(c.s);
    f.byte_end = norm.ToOriginal(c.e);
    offsets.push_back(f.byte_start);
    offsets.push_back(f.byte_end);
    f.text.assign(original.substr(f.byte_start, f.byte_end - f.byte_start));
    f.category = r.category;
    f.rule = r.id;
    f.pack = r.pack;
    f.severity = r.severity;
    f.score = internal::Round3(c.score);
    f.message = r.message;
    f.description = r.description;
    f.advice = r.advice;
    f.strategy = r.strategy;
    f.label = r.label;
    f.replacement = Replacement(r.strategy, text.substr(c.s, c.e - c.s), r.category, r.label);
  }
  ByteOffsetsToUtf16(original, &offsets);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    result.findings[i].start = offsets[2 * i];
    result.findings[i].end = offsets[2 * i + 1];
  }
  result.risk = internal::ComputeRisk(result.findings);
  return result;
}

}  // namespace postscrub
