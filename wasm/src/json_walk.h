// Internal: typed, error-reporting access to nlohmann::json values during pack validation.
//
// Every accessor checks the type before reading (nlohmann/json built with JSON_NOEXCEPTION aborts on a wrong
// accessor), and on failure fills the walker's error with "PREFIX: /json/pointer: reason" and returns false.
#ifndef POSTSCRUB_SRC_JSON_WALK_H_
#define POSTSCRUB_SRC_JSON_WALK_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace postscrub {
namespace internal {

using json = nlohmann::json;

// Parses `text` (strict: nothing but whitespace after the value) into *out. On a syntax error returns false and,
// if `error` is not null, sets it to nlohmann's message ("[json.exception.parse_error.101] parse error at line 3,
// column 5: ..."). Every JSON text of the engine is parsed here: one pass, and one instantiation of nlohmann's
// parser in the WASM module.
bool ParseJson(std::string_view text, json* out, std::string* error);

// A number as the engine writes it: rounded to 3 decimals (its scores' precision), then as nlohmann's dump()
// prints such a number: "0.5", "0.125", "1.0", "-1.0"; "null" when not finite (or beyond 1e12). Not nlohmann's
// to_chars, whose shortest-digits code (and tables) would be linked into the WASM module for numbers that never
// need it.
std::string NumberText(double d);

class JsonWalker {
 public:
  explicit JsonWalker(std::string* error) : error_(error) {}
  // The text put before each error: "pack ID" then, inside a rule, "pack ID: rule R".
  void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  const std::string& prefix() const { return prefix_; }

  // Sets the error and returns false.
  bool Fail(const std::string& ptr, const std::string& reason);

  // `v` at `ptr` must be an object whose keys are all in `allowed` and that has every key in `required`.
  bool Object(const json& v, const std::string& ptr, std::initializer_list<const char*> allowed,
              std::initializer_list<const char*> required);
  // Optional-or-required field readers: return true if absent and not required (out untouched).
  bool String(const json& obj, const char* key, const std::string& ptr, std::string* out, bool nonempty = true,
              std::size_t max_bytes = 1 << 20);
  bool Number(const json& obj, const char* key, const std::string& ptr, double* out, double lo, double hi);
  bool Int(const json& obj, const char* key, const std::string& ptr, int* out, int lo, int hi);
  bool Bool(const json& obj, const char* key, const std::string& ptr, bool* out);
  // `out` may be null: then the array is only checked.
  bool StringArray(const json& obj, const char* key, const std::string& ptr, std::vector<std::string>* out,
                   std::size_t max_items = 100000, std::size_t max_bytes = 1 << 20);

 private:
  std::string* error_;
  std::string prefix_;
};

}  // namespace internal
}  // namespace postscrub

#endif  // POSTSCRUB_SRC_JSON_WALK_H_
