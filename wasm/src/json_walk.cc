// Internal: typed access to JSON during pack validation (see json_walk.h).
#include "json_walk.h"

#include <cmath>

#include "engine_impl.h"

namespace postscrub {
namespace internal {
namespace {

// 0 → "0", -1 → "-1", 0.5 → "0.5" (a bound in an error message).
std::string Short(double d) {
  if (std::fabs(d) < 1e15 && d == static_cast<double>(static_cast<long long>(d))) return std::to_string(static_cast<long long>(d));
  return NumberText(d);
}

// Builds the DOM as json::parse() does, and keeps the message of a syntax error.
class DomSax {
 public:
  explicit DomSax(json* root) : dom_(*root, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return dom_.start_object(n); }
  bool key(json::string_t& v) { return dom_.key(v); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
    message = ex.what();
    return false;
  }
  std::string message;

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
};

}  // namespace

std::string NumberText(double d) {
  if (!std::isfinite(d) || std::fabs(d) >= 1e12) return "null";  // no score is ever near
  const long long thousandths = std::llround(d * 1000.0);
  const unsigned long long magnitude = thousandths < 0 ? 0ULL - static_cast<unsigned long long>(thousandths)
                                                       : static_cast<unsigned long long>(thousandths);
  std::string out = (thousandths < 0 ? "-" : "") + std::to_string(magnitude / 1000) + ".";
  unsigned frac = static_cast<unsigned>(magnitude % 1000);
  if (frac == 0) return out + "0";
  int digits = 3;
  for (; frac % 10 == 0; frac /= 10) --digits;
  const std::string f = std::to_string(frac);
  return out + std::string(static_cast<std::size_t>(digits) - f.size(), '0') + f;
}

bool ParseJson(std::string_view text, json* out, std::string* error) {
  *out = json();
  DomSax sax(out);
  const char* begin = text.data();
  if (json::sax_parse(begin, begin + text.size(), &sax)) return true;
  if (error) *error = sax.message;
  *out = json();
  return false;
}

bool JsonWalker::Fail(const std::string& ptr, const std::string& reason) {
  *error_ = prefix_ + ": " + (ptr.empty() ? std::string("/") : ptr) + ": " + reason;
  return false;
}

bool JsonWalker::Object(const json& v, const std::string& ptr, std::initializer_list<const char*> allowed,
                        std::initializer_list<const char*> required) {
  if (!v.is_object()) return Fail(ptr, "must be an object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    bool known = false;
    for (const char* k : allowed) known = known || it.key() == k;
    if (!known) return Fail(ptr + "/" + PointerEscape(it.key()), "unknown field \"" + it.key() + "\"");
  }
  for (const char* k : required)
    if (!v.contains(k)) return Fail(ptr, std::string("missing required field \"") + k + "\"");
  return true;
}

bool JsonWalker::String(const json& obj, const char* key, const std::string& ptr, std::string* out, bool nonempty,
                        std::size_t max_bytes) {
  auto it = obj.find(key);
  if (it == obj.end()) return true;
  const std::string p = ptr + "/" + key;
  if (!it->is_string()) return Fail(p, "must be a string");
  const std::string& s = it->get_ref<const std::string&>();
  if (nonempty && s.empty()) return Fail(p, "must not be empty");
  if (s.size() > max_bytes) return Fail(p, "longer than " + std::to_string(max_bytes) + " bytes");
  *out = s;
  return true;
}

bool JsonWalker::Number(const json& obj, const char* key, const std::string& ptr, double* out, double lo,
                        double hi) {
  auto it = obj.find(key);
  if (it == obj.end()) return true;
  const std::string p = ptr + "/" + key;
  if (!it->is_number()) return Fail(p, "must be a number");
  const double d = it->get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    return Fail(p, "must be between " + Short(lo) + " and " + Short(hi));
  }
  *out = d;
  return true;
}

bool JsonWalker::Int(const json& obj, const char* key, const std::string& ptr, int* out, int lo, int hi) {
  auto it = obj.find(key);
  if (it == obj.end()) return true;
  const std::string p = ptr + "/" + key;
  if (!it->is_number_integer()) return Fail(p, "must be an integer");
  const long long v = it->get<long long>();
  if (v < lo || v > hi) return Fail(p, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  *out = static_cast<int>(v);
  return true;
}

bool JsonWalker::Bool(const json& obj, const char* key, const std::string& ptr, bool* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return true;
  if (!it->is_boolean()) return Fail(ptr + "/" + key, "must be true or false");
  *out = it->get<bool>();
  return true;
}

bool JsonWalker::StringArray(const json& obj, const char* key, const std::string& ptr, std::vector<std::string>* out,
                             std::size_t max_items, std::size_t max_bytes) {
  auto it = obj.find(key);
  if (it == obj.end()) return true;
  const std::string p = ptr + "/" + key;
  if (!it->is_array()) return Fail(p, "must be an array of strings");
  if (it->size() > max_items) return Fail(p, "more than " + std::to_string(max_items) + " items");
  if (out) out->clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    const std::string ep = p + "/" + std::to_string(i);
    if (!e.is_string()) return Fail(ep, "must be a string");
    const std::string& s = e.get_ref<const std::string&>();
    if (s.empty()) return Fail(ep, "must not be empty");
    if (s.size() > max_bytes) return Fail(ep, "longer than " + std::to_string(max_bytes) + " bytes");
    if (out) out->push_back(s);
  }
  return true;
}

}  // namespace internal
}  // namespace postscrub
