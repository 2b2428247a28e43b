// JSON forms of findings, results and choices (postscrub/json_io.h).
#include "postscrub/json_io.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "postscrub/text.h"

namespace postscrub {
namespace {

using json = nlohmann::ordered_json;

std::string Safe(std::string_view s) { return IsValidUtf8(s) ? std::string(s) : SanitizeUtf8(s); }

json RiskJson(const Risk& r) { return json{{"level", r.level}, {"score", r.score}}; }

json FindingJson(const Finding& f) {
  return json{{"start", f.start},
              {"end", f.end},
              {"byte_start", f.byte_start},
              {"byte_end", f.byte_end},
              {"text", Safe(f.text)},
              {"category", f.category},
              {"rule", f.rule},
              {"pack", f.pack},
              {"severity", SeverityName(f.severity)},
              {"score", f.score},
              {"message", f.message},
              {"description", f.description},
              {"advice", f.advice},
              {"redaction", {{"strategy", StrategyName(f.strategy)}, {"replacement", Safe(f.replacement)}}}};
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

const char* Version() { return "0.1.0"; }

std::string FindingToJson(const Finding& f) { return Dump(FindingJson(f)); }

std::string CheckResultToJson(const CheckResult& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(FindingJson(f));
  json out{{"findings", std::move(findings)}, {"risk", RiskJson(r.risk)}, {"version", Version()}};
  if (r.truncated) out["truncated"] = true;
  return Dump(out);
}

std::string CheckResultToJsonl(std::string_view id_json, const CheckResult& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) {
    findings.push_back(json{{"start", f.start},
                            {"end", f.end},
                            {"category", f.category},
                            {"rule", f.rule},
                            {"severity", SeverityName(f.severity)},
                            {"score", f.score}});
  }
  std::string out = "{\"id\":";
  out += id_json.empty() ? std::string_view("null") : id_json;
  out += ",\"findings\":" + Dump(findings) + ",\"risk\":" + Dump(RiskJson(r.risk)) + "}";
  return out;
}

std::string RedactResultToJson(const RedactResult& r) {
  json edits = json::array();
  for (const Edit& e : r.edits) {
    edits.push_back(json{{"start", e.start},
                         {"end", e.end},
                         {"byte_start", e.byte_start},
                         {"byte_end", e.byte_end},
                         {"replacement", Safe(e.replacement)}});
  }
  return Dump(json{{"text", Safe(r.text)}, {"edits", std::move(edits)}, {"skipped", r.skipped}});
}

std::string RulesToJson(const std::vector<RuleInfo>& rules) {
  json out = json::array();
  for (const RuleInfo& r : rules) {
    out.push_back(json{{"id", r.id},
                       {"pack", r.pack},
                       {"category", r.category},
                       {"severity", SeverityName(r.severity)},
                       {"message", r.message},
                       {"description", r.description}});
  }
  return Dump(out);
}

std::string PacksToJson(const std::vector<PackInfo>& packs) {
  json out = json::array();
  for (const PackInfo& p : packs) {
    out.push_back(json{{"id", p.id}, {"name", p.name}, {"version", p.version}, {"publisher", p.publisher},
                       {"rules", p.rule_count}});
  }
  return Dump(out);
}

bool FindingsFromJson(std::string_view text, std::vector<Finding>* out, std::string* error) {
  const json v = json::parse(text.begin(), text.end(), nullptr, false);
  if (v.is_discarded() || !v.is_array()) {
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
  const json v = json::parse(text.begin(), text.end(), nullptr, false);
  if (v.is_null()) return true;
  if (v.is_discarded() || !v.is_object()) {
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
