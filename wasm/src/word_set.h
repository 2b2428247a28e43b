// Internal: a set of words for the lexicons (pack "lexicons": given names, surnames, endings, …).
//
// The name rules look words up by the hundred per post (every capitalised word, every proper ending of it, every
// word of a list), so a lookup must not allocate: one open-addressing hash table of indices into one buffer of
// characters, probed with a string_view. Building it (20,000 words at pack load) is a hash and a copy per word.
// Words are kept in insertion order; a word inserted twice is kept once.
#ifndef POSTSCRUB_SRC_WORD_SET_H_
#define POSTSCRUB_SRC_WORD_SET_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace postscrub {
namespace internal {

class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string_view> words);

  // Adds `w` unless it is already there.
  void Insert(std::string_view w);
  // Adds every word of `other`.
  void Merge(const WordSet& other);
  bool Contains(std::string_view w) const;
  // True if a proper ending of `w` (shorter than `w`, possibly empty) is in the set.
  bool HasProperEnding(std::string_view w) const;

  std::size_t size() const { return hashes_.size(); }
  bool empty() const { return hashes_.empty(); }
  std::string_view word(std::size_t i) const {
    const std::uint32_t b = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(b, ends_[i] - b);
  }

 private:
  static std::uint32_t Hash(std::string_view w);
  // Returns the slot holding `w`, or the empty slot where it would go.
  std::size_t Slot(std::string_view w, std::uint32_t h) const;
  void Grow();

  std::string chars_;                 // every word, one after the other
  std::vector<std::uint32_t> ends_;   // word i is chars_[ends_[i-1], ends_[i])
  std::vector<std::uint32_t> hashes_; // Hash(word i)
  std::vector<std::uint32_t> slots_;  // 0: empty, else 1 + a word index; size a power of two, at most half full
  std::size_t max_len_ = 0;           // longer words are not looked up at all
};

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_WORD_SET_H_
