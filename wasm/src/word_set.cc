// WordSet: an open-addressing hash set of words (see word_set.h).
#include "word_set.h"

namespace postscrub {
namespace internal {

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) Insert(w);
}

// FNV-1a: words are short, and this is as fast as anything on them, natively and in WebAssembly.
std::uint32_t WordSet::Hash(std::string_view w) {
  std::uint32_t h = 2166136261u;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::size_t WordSet::Slot(std::string_view w, std::uint32_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint32_t v = slots_[i];
    if (v == 0 || (hashes_[v - 1] == h && word(v - 1) == w)) return i;
  }
}

void WordSet::Grow() {
  std::vector<std::uint32_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint32_t v : old) {
    if (v == 0) continue;
    std::size_t i = hashes_[v - 1] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = v;
  }
}

void WordSet::Insert(std::string_view w) {
  if ((hashes_.size() + 1) * 2 > slots_.size()) Grow();
  const std::uint32_t h = Hash(w);
  const std::size_t i = Slot(w, h);
  if (slots_[i] != 0) return;
  chars_.append(w);
  ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
  hashes_.push_back(h);
  slots_[i] = static_cast<std::uint32_t>(hashes_.size());
  if (w.size() > max_len_) max_len_ = w.size();
}

void WordSet::Merge(const WordSet& other) {
  for (std::size_t i = 0; i < other.size(); ++i) Insert(other.word(i));
}

bool WordSet::Contains(std::string_view w) const {
  if (slots_.empty() || w.size() > max_len_) return false;
  return slots_[Slot(w, Hash(w))] != 0;
}

bool WordSet::HasProperEnding(std::string_view w) const {
  if (slots_.empty()) return false;
  // endings longer than the longest word cannot be in the set
  for (std::size_t k = w.size() > max_len_ ? w.size() - max_len_ : 1; k <= w.size(); ++k)
    if (Contains(w.substr(k))) return true;
  return false;
}

}  // namespace internal
}  // namespace postscrub
