// JSON forms of findings, results and choices (postscrub/json_io.h).
#include "postscrub/json_io.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "json_walk.h"
#include "postscrub/text.h"

namespace postscrub {
namespace {

// Input is parsed with nlohmann::json (the type the pack parser uses: one instantiation in the module). Output is
// written here, in the field order of docs/contracts.md §3, byte for byte what nlohmann's ordered_json dump() wrote
// before (same escapes, same number format), without a second JSON type in the module.
using internal::json;

// Appends `s` as a JSON string: the escapes of nlohmann's dump() with ensure_ascii off; invalid UTF-8 becomes
// U+FFFD (SanitizeUtf8).
void Str(std::string_view s, std::string* out) {
  std::string fixed;
  if (!IsValidUtf8(s)) {
    fixed = SanitizeUtf8(s);
    s = fixed;
  }
  out->push_back('"');
  // Characters that need no escape are copied in runs: a finding's message, description and advice make most of
  // a check's output, and one push_back per character was a fifth of a WASM check.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, sizeof u);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void Num(std::size_t n, std::string* out) { out->append(std::to_string(n)); }

// Scores (3 decimals): as nlohmann's dump() prints them (internal::NumberText).
void Num(double d, std::string* out) { out->append(internal::NumberText(d)); }

// Writes {"k":v,...} field by field: Field("start") then a value writer.
class Obj {
 public:
  explicit Obj(std::string* out) : out_(out) { out_->push_back('{'); }
  ~Obj() { out_->push_back('}'); }
  std::string* Key(const char* k) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(k);
    out_->append("\":");
    return out_;
  }
  void S(const char* k, std::string_view v) { Str(v, Key(k)); }
  void N(const char* k, std::size_t v) { Num(v, Key(k)); }
  void D(const char* k, double v) { Num(v, Key(k)); }
  void B(const char* k, bool v) { Key(k)->append(v ? "true" : "false"); }

 private:
  std::string* out_;
  bool first_ = true;
};

void RiskJson(const Risk& r, std::string* out) {
  Obj o(out);
  o.S("level", r.level);
  o.D("score", r.score);
}

void FindingJson(const Finding& f, std::string* out) {
  Obj o(out);
  o.N("start", f.start);
  o.N("end", f.end);
  o.N("byte_start", f.byte_start);
  o.N("byte_end", f.byte_end);
  o.S("text", f.text);
  o.S("category", f.category);
  o.S("rule", f.rule);
  o.S("pack", f.pack);
  o.S("severity", SeverityName(f.severity));
  o.D("score", f.score);
  o.S("message", f.message);
  o.S("description", f.description);
  o.S("advice", f.advice);
  Obj red(o.Key("redaction"));
  red.S("strategy", StrategyName(f.strategy));
  red.S("replacement", f.replacement);
}

// Writes [item, item, ...] with `write(item, out)`.
template <typename T, typename F>
void Array(const std::vector<T>& items, std::string* out, F write) {
  out->push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    write(items[i], out);
  }
  out->push_back(']');
}

}  // namespace

const char* Version() { return "0.1.0"; }

std::string FindingToJson(const Finding& f) {
  std::string out;
  FindingJson(f, &out);
  return out;
}

std::string CheckResultToJson(const CheckResult& r) {
  std::string out;
  out.reserve(256 + r.findings.size() * 512);
  {
    Obj o(&out);
    Array(r.findings, o.Key("findings"), FindingJson);
    RiskJson(r.risk, o.Key("risk"));
    o.S("version", Version());
    if (r.truncated) o.B("truncated", true);
  }
  return out;
}

std::string CheckResultToJsonl(std::string_view id_json, const CheckResult& r) {
  std::string out = "{\"id\":";
  out += id_json.empty() ? std::string_view("null") : id_json;
  out += ",\"findings\":";
  Array(r.findings, &out, [](const Finding& f, std::string* o) {
    Obj x(o);
    x.N("start", f.start);
    x.N("end", f.end);
    x.S("category", f.category);
    x.S("rule", f.rule);
    x.S("severity", SeverityName(f.severity));
    x.D("score", f.score);
  });
  out += ",\"risk\":";
  RiskJson(r.risk, &out);
  out += "}";
  return out;
}

std::string RedactResultToJson(const RedactResult& r) {
  std::string out;
  {
    Obj o(&out);
    o.S("text", r.text);
    Array(r.edits, o.Key("edits"), [](const Edit& e, std::string* s) {
      Obj x(s);
      x.N("start", e.start);
      x.N("end", e.end);
      x.N("byte_start", e.byte_start);
      x.N("byte_end", e.byte_end);
      x.S("replacement", e.replacement);
    });
    Array(r.skipped, o.Key("skipped"), [](std::size_t i, std::string* s) { Num(i, s); });
  }
  return out;
}

std::string RulesToJson(const std::vector<RuleInfo>& rules) {
  std::string out;
  Array(rules, &out, [](const RuleInfo& r, std::string* s) {
    Obj x(s);
    x.S("id", r.id);
    x.S("pack", r.pack);
    x.S("category", r.category);
    x.S("severity", SeverityName(r.severity));
    x.S("message", r.message);
    x.S("description", r.description);
  });
  return out;
}

std::string PacksToJson(const std::vector<PackInfo>& packs) {
  std::string out;
  Array(packs, &out, [](const PackInfo& p, std::string* s) {
    Obj x(s);
    x.S("id", p.id);
    x.S("name", p.name);
    x.S("version", p.version);
    x.S("publisher", p.publisher);
    x.N("rules", p.rule_count);
  });
  return out;
}

bool FindingsFromJson(std::string_view text, std::vector<Finding>* out, std::string* error) {
  json v;
  if (!internal::ParseJson(text, &v, nullptr) || !v.is_array()) {
    *error = "findings: must be a JSON array";
    return false;
  }
  out->clear();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& f = v[i];
    const std::string at = "findings/" + std::to_string(i);
    if (!f.is_object()) {
      *error = at + ": must be an object";
      return false;
    }
    Finding x;
    auto size_field = [&](const char* key, std::size_t* dst, bool required) {
      auto it = f.find(key);
      if (it == f.end()) return !required;
      if (!it->is_number_unsigned()) return false;
      *dst = it->get<std::size_t>();
      return true;
    };
    auto str_field = [&](const char* key, std::string* dst, bool required) {
      auto it = f.find(key);
      if (it == f.end()) return !required;
      if (!it->is_string()) return false;
      *dst = it->get<std::string>();
      return true;
    };
    std::string severity = "info";
    if (!size_field("byte_start", &x.byte_start, true) || !size_field("byte_end", &x.byte_end, true) ||
        !size_field("start", &x.start, false) || !size_field("end", &x.end, false) ||
        !str_field("text", &x.text, false) || !str_field("category", &x.category, true) ||
        !str_field("rule", &x.rule, true) || !str_field("pack", &x.pack, false) ||
        !str_field("severity", &severity, false) || !ParseSeverity(severity, &x.severity)) {
      *error = at + ": needs byte_start, byte_end (numbers), category, rule (strings); severity must be valid";
      return false;
    }
    if (f.contains("score") && f["score"].is_number()) x.score = f["score"].get<double>();
    auto red = f.find("redaction");
    if (red != f.end() && red->is_object()) {
      auto st = red->find("strategy");
      if (st != red->end() && st->is_string() && !ParseStrategy(st->get<std::string>(), &x.strategy)) {
        *error = at + "/redaction/strategy: unknown strategy";
        return false;
      }
      auto rep = red->find("replacement");
      if (rep != red->end() && rep->is_string()) x.replacement = rep->get<std::string>();
      if (x.strategy == Strategy::kLabel) x.label = x.replacement;
    }
    out->push_back(std::move(x));
  }
  return true;
}

bool RedactChoicesFromJson(std::string_view text, RedactChoices* out, std::string* error) {
  *out = RedactChoices();
  if (text.empty()) return true;
  json v;
  const bool parsed = internal::ParseJson(text, &v, nullptr);
  if (parsed && v.is_null()) return true;
  if (!parsed || !v.is_object()) {
    *error = "choices: must be a JSON object {index or rule: strategy}";
    return false;
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& key = it.key();
    if (!it->is_string()) {
      *error = "choices/" + key + ": must be a strategy name or \"keep\"";
      return false;
    }
    const std::string value = it->get<std::string>();
    const bool keep = value == "keep";
    Strategy s = Strategy::kLabel;
    if (!keep && !ParseStrategy(value, &s)) {
      *error = "choices/" + key + ": unknown strategy \"" + value + "\"";
      return false;
    }
    const bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10;
    if (key == "*") {
      if (!keep) {
        out->has_default = true;
        out->default_strategy = s;
      }
    } else if (numeric) {
      const std::size_t index = static_cast<std::size_t>(std::strtoul(key.c_str(), nullptr, 10));
      if (keep) out->skip_index.insert(index);
      else out->by_index[index] = s;
    } else if (keep) {
      out->skip_rule.insert(key);
    } else {
      out->by_rule[key] = s;
    }
  }
  return true;
}

}  // namespace postscrub
