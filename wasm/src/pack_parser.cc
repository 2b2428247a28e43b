// Pack JSON → PackSpec: every check of contracts §2 that needs only the pack itself. Composition checks
// (extends, disable, overrides, duplicate ids across packs) live in compose.cc.
#include <algorithm>
#include <cctype>

#include "approx_regex.h"
#include "engine_impl.h"
#include "json_walk.h"
#include "normalize.h"
#include "propagate.h"
#include "regex_text.h"

namespace postscrub {
namespace internal {
namespace {

constexpr const char* kCategories[] = {
    "name", "location", "date", "age", "phone", "fax", "email", "ssn", "mrn", "health_plan_id",
    "account_number", "license_number", "vehicle_id", "device_id", "url", "ip_address", "biometric", "photo",
    "other_id", "patient_context", "medical_advice", "disparagement", "boundary", "promotion"};

bool IsKebabId(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool IsSemver(const std::string& s) {  // MAJOR.MINOR.PATCH, no leading zeros
  int parts = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i || (j - i > 1 && s[i] == '0')) return false;
    ++parts;
    if (j == s.size()) break;
    if (s[j] != '.') return false;
    i = j + 1;
  }
  return parts == 3;
}

bool IsCategory(const std::string& c) {
  for (const char* k : kCategories)
    if (c == k) return true;
  return false;
}

RE2::Options RegexOptions(bool case_sensitive, const CompileOptions& options) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(options.regex_max_mem);
  o.set_case_sensitive(case_sensitive);
  return o;
}

// Half the instructions RE2 allows a program within regex_max_mem (2/3 of it for the forward program; 16 bytes
// counted per 8-byte instruction; RE2's own cap when max_mem is not positive).
std::int64_t ProgramBudget(const CompileOptions& options) {
  if (options.regex_max_mem <= 0) return 100000 / 2;
  return std::max<std::int64_t>(0, (options.regex_max_mem / 3 * 2 - 4096) / 16) / 2;
}

// Builds `pattern` into *built, or sets *error to RE2's message (a syntax error, or "pattern too large").
bool BuildRegex(const std::string& pattern, bool case_sensitive, const CompileOptions& options,
                std::unique_ptr<RE2>* built, std::string* error) {
  auto re = std::make_unique<RE2>(pattern, RegexOptions(case_sensitive, options));
  if (!re->ok()) {
    *error = re->error();
    return false;
  }
  *built = std::move(re);
  return true;
}

// True if RE2 accepts `pattern`; else sets *error to RE2's message. Builds the RE2 into *built only if its program
// might not fit in max_mem (regex_text.h): else it only parses, as RE2::Set::Add does (no simplification, no
// program), with the parse flags of an RE2 of the same options, so the message is the one that RE2 would give.
bool AcceptRegex(const std::string& pattern, bool case_sensitive, const CompileOptions& options,
                 std::unique_ptr<RE2>* built, std::string* error) {
  if (ReadRegex(pattern).size_bound > ProgramBudget(options)) {
    return BuildRegex(pattern, case_sensitive, options, built, error);
  }
  RE2::Set parse_only(RegexOptions(case_sensitive, options), RE2::UNANCHORED);
  return parse_only.Add(pattern, error) >= 0;
}

class PackParser {
 public:
  PackParser(const CompileOptions& options, RE2::Set* set, std::string* error)
      : options_(options), set_(set), w_(error) {}

  bool Parse(const json& v, PackSpec* out);

 private:
  bool ParseRule(const json& v, const std::string& ptr, Rule* r);
  bool ParseValidator(const json& v, const std::string& ptr, Rule* r);
  bool ParseContext(const json& v, const std::string& ptr, Rule* r);
  bool ParseExamples(const json& v, const std::string& ptr, Rule* r);

  // Adds `pat`'s stand-in (or, should that not parse, its regex) to the Set, and sets *facts to what the text of
  // the one added says (regex_text.h). Returns false and sets *error to RE2's words for the regex as written, as
  // an RE2 of the rule's options reports them.
  bool AddToSet(bool case_sensitive, Pattern* pat, RegexFacts* facts, std::string* error);

  const CompileOptions& options_;
  RE2::Set* set_;
  JsonWalker w_;
  std::string pack_prefix_;
  // allow_regex texts already validated in this pack (a few dozen at most): rules often share them.
  struct SharedAllowRegex {
    bool case_sensitive;
    std::string text;
    std::shared_ptr<const LazyRegex> re;
  };
  std::vector<SharedAllowRegex> allow_regexes_;
};

bool PackParser::AddToSet(bool case_sensitive, Pattern* pat, RegexFacts* facts, std::string* error) {
  // The Set is case-sensitive; a rule's case option becomes a flag group. Set::Add only parses, so this is the
  // one parse of the pattern before the Set compiles it.
  const std::string fold = case_sensitive ? "" : "(?i)";
  // The Set only says "may match": it holds the pattern without its optional tail and with wide counted
  // repetitions open-ended (regex_text.h, set_form); the tail is parsed on its own so that the whole pattern is
  // still checked. Not with named groups, whose names must differ across the two parts.
  std::string set_form;
  *facts = ReadRegex(pat->approx, &set_form);
  const std::size_t required_end = facts->required_end;
  if (set_form != pat->approx && pat->approx.find("(?P<") == std::string::npos) {
    RE2::Set tail(RegexOptions(case_sensitive, options_), RE2::UNANCHORED);
    if (required_end == pat->approx.size() ||
        tail.Add(std::string_view(pat->approx).substr(required_end), nullptr) >= 0) {
      pat->set_index = set_->Add(fold + set_form, nullptr);
      if (pat->set_index >= 0) return true;
    }
  }
  std::string set_error;
  pat->set_index = set_->Add(fold + pat->approx, &set_error);
  if (pat->set_index < 0 && pat->approx != pat->regex) {
    pat->set_index = set_->Add(fold + pat->regex, &set_error);
    if (pat->set_index >= 0) {
      pat->approx = pat->regex;  // use (and report) the regex as written
      *facts = ReadRegex(pat->approx);
    }
  }
  if (pat->set_index >= 0) return true;
  // Only now, on the error path, an RE2 of the rule's options words the error (without the flag group).
  std::unique_ptr<RE2> unused;
  if (AcceptRegex(pat->regex, case_sensitive, options_, &unused, error)) *error = set_error;
  return false;
}

bool PackParser::Parse(const json& v, PackSpec* out) {
  if (v.is_object() && v.contains("id") && v["id"].is_string()) {
    w_.set_prefix("pack " + v["id"].get_ref<const std::string&>());
  }
  if (!w_.Object(v, "", {"id", "name", "version", "schema_version", "publisher", "description", "extends",
                         "disable", "overrides", "allow", "lexicons", "rules"},
                 {"id", "name", "version", "schema_version", "publisher", "description", "rules"}))
    return false;
  PackInfo& info = out->info;
  if (!w_.String(v, "id", "", &info.id)) return false;
  if (!IsKebabId(info.id)) return w_.Fail("/id", "must be kebab-case [a-z0-9-]{1,64}");
  pack_prefix_ = "pack " + info.id;
  w_.set_prefix(pack_prefix_);
  const json& sv = v["schema_version"];
  if (!sv.is_number_integer() || sv.get<long long>() != 1) return w_.Fail("/schema_version", "must be 1");
  if (!w_.String(v, "name", "", &info.name) || !w_.String(v, "version", "", &info.version) ||
      !w_.String(v, "publisher", "", &info.publisher) || !w_.String(v, "description", "", &out->description))
    return false;
  if (!IsSemver(info.version)) return w_.Fail("/version", "must be semver MAJOR.MINOR.PATCH, got \"" + info.version + "\"");
  if (!w_.String(v, "extends", "", &out->extends)) return false;
  if (v.contains("extends") && !IsKebabId(out->extends)) return w_.Fail("/extends", "must be a pack id");
  if (!w_.StringArray(v, "disable", "", &out->disable)) return false;
  if (!w_.StringArray(v, "allow", "", &out->allow)) return false;
  for (std::string& a : out->allow) a = LowerFold(a);
  if (v.contains("overrides")) {
    const json& ov = v["overrides"];
    if (!ov.is_array()) return w_.Fail("/overrides", "must be an array");
    for (std::size_t i = 0; i < ov.size(); ++i) {
      const std::string p = "/overrides/" + std::to_string(i);
      std::string rule, sev;
      Severity s;
      if (!w_.Object(ov[i], p, {"rule", "severity"}, {"rule", "severity"}) || !w_.String(ov[i], "rule", p, &rule) ||
          !w_.String(ov[i], "severity", p, &sev))
        return false;
      if (!ParseSeverity(sev, &s)) return w_.Fail(p + "/severity", "must be info, low, medium or high");
      out->overrides.emplace_back(rule, s);
    }
  }
  if (v.contains("lexicons")) {
    const json& lx = v["lexicons"];
    if (!lx.is_object()) return w_.Fail("/lexicons", "must be an object of word lists");
    for (auto it = lx.begin(); it != lx.end(); ++it) {
      if (it.key().empty()) return w_.Fail("/lexicons", "a lexicon name must not be empty");
      // The name lexicons hold ~20,000 words: checked in place (the same checks as StringArray) rather than
      // copied first, and inserted into a hash set straight away.
      if (!w_.StringArray(lx, it.key().c_str(), "/lexicons", nullptr)) return false;
      auto& set = out->lexicons[it.key()];
      for (const json& word : it.value()) set.Insert(LowerFold(word.get_ref<const std::string&>()));
    }
  }
  const json& rules = v["rules"];
  if (!rules.is_array()) return w_.Fail("/rules", "must be an array");
  if (rules.size() > options_.max_rules) {
    return w_.Fail("/rules", "more than " + std::to_string(options_.max_rules) + " rules");
  }
  out->rules.resize(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Rule& r = out->rules[i];
    r.pack = info.id;
    r.json_path = "/rules/" + std::to_string(i);
    if (!ParseRule(rules[i], r.json_path, &r)) return false;
    w_.set_prefix(pack_prefix_);
  }
  info.rule_count = out->rules.size();
  return true;
}

bool PackParser::ParseRule(const json& v, const std::string& ptr, Rule* r) {
  if (v.is_object() && v.contains("id") && v["id"].is_string()) {
    w_.set_prefix(pack_prefix_ + ": rule " + v["id"].get_ref<const std::string&>());
  }
  if (!w_.Object(v, ptr, {"id", "category", "severity", "description", "message", "advice", "keywords", "patterns",
                          "case_sensitive", "validator", "context", "min_score", "allow", "allow_regex", "redact",
                          "examples", "propagate"},
                 {"id", "category", "severity", "description", "advice", "redact", "examples"}))
    return false;
  if (!w_.String(v, "id", ptr, &r->id)) return false;
  if (!IsKebabId(r->id)) return w_.Fail(ptr + "/id", "must be kebab-case [a-z0-9-]{1,64}");
  std::string sev;
  if (!w_.String(v, "category", ptr, &r->category) || !w_.String(v, "severity", ptr, &sev) ||
      !w_.String(v, "description", ptr, &r->description) || !w_.String(v, "message", ptr, &r->message) ||
      !w_.String(v, "advice", ptr, &r->advice) || !w_.Bool(v, "case_sensitive", ptr, &r->case_sensitive) ||
      !w_.Number(v, "min_score", ptr, &r->min_score, 0, 1))
    return false;
  if (!IsCategory(r->category)) {
    return w_.Fail(ptr + "/category", "unknown category \"" + r->category + "\" (see docs/contracts.md §1)");
  }
  if (!ParseSeverity(sev, &r->severity)) return w_.Fail(ptr + "/severity", "must be info, low, medium or high");
  if (r->message.empty()) r->message = r->description;
  if (!w_.StringArray(v, "keywords", ptr, &r->keywords, 1000, 256)) return false;
  for (std::string& k : r->keywords) k = LowerFold(k);
  std::vector<std::string> allow;
  if (!w_.StringArray(v, "allow", ptr, &allow)) return false;
  for (const std::string& a : allow) r->allow.Insert(LowerFold(a));

  if (v.contains("propagate")) {
    auto prop = std::make_shared<Propagation>();
    if (!ParsePropagation(v["propagate"], ptr + "/propagate", &w_, prop.get())) return false;
    if (v.contains("patterns")) return w_.Fail(ptr + "/patterns", "a rule with \"propagate\" has no patterns");
    r->propagate = std::move(prop);
  }
  if (!r->propagate && !v.contains("patterns")) return w_.Fail(ptr, "missing required field \"patterns\"");
  const json no_patterns = json::array();
  const json& pats = v.contains("patterns") ? v["patterns"] : no_patterns;
  if (!r->propagate && (!pats.is_array() || pats.empty()))
    return w_.Fail(ptr + "/patterns", "must be a non-empty array");
  if (pats.size() > 100) return w_.Fail(ptr + "/patterns", "more than 100 patterns");
  for (std::size_t i = 0; i < pats.size(); ++i) {
    const std::string p = ptr + "/patterns/" + std::to_string(i);
    Pattern pat;
    if (!w_.Object(pats[i], p, {"regex", "score", "group"}, {"regex", "score"}) ||
        !w_.String(pats[i], "regex", p, &pat.regex, true, options_.max_regex_bytes) ||
        !w_.Number(pats[i], "score", p, &pat.score, 0, 1) || !w_.Int(pats[i], "group", p, &pat.group, 0, 99))
      return false;
    // Only the ASCII-exact stand-in is used now, and only parsed (into the Set): its RE2 is built on first use
    // (when the Set reports a hit), the exact regex when a non-ASCII post needs it. The stand-in has the same
    // syntax validity, capture groups and empty-string match as the regex. A stand-in whose program might not fit
    // in max_mem is built now, so that "pattern too large" is reported here as before.
    std::unique_ptr<RE2> built;
    std::string err;
    pat.approx = ApproximateRegex(pat.regex);
    RegexFacts facts;
    if (!AddToSet(r->case_sensitive, &pat, &facts, &err) ||
        (facts.size_bound > ProgramBudget(options_) && !BuildRegex(pat.approx, r->case_sensitive, options_, &built, &err)))
      return w_.Fail(p + "/regex", "invalid RE2 regex: " + err);
    if (pat.approx != pat.regex) {
      pat.exact = std::make_unique<LazyRegex>(pat.regex, RegexOptions(r->case_sensitive, options_));
    }
    const int groups = built ? built->NumberOfCapturingGroups() : facts.groups;
    if (pat.group > groups) {
      return w_.Fail(p + "/group", "the regex has only " + std::to_string(groups) + " capture groups");
    }
    if (built) {
      if (RE2::FullMatch("", *built)) return w_.Fail(p + "/regex", "matches the empty string");
      pat.empty_checked = true;
      pat.re = std::make_unique<LazyRegex>(std::move(built));
    } else {
      pat.re = std::make_unique<LazyRegex>(pat.approx, RegexOptions(r->case_sensitive, options_));
    }
    r->patterns.push_back(std::move(pat));
  }
  std::vector<std::string> allow_regex;
  if (!w_.StringArray(v, "allow_regex", ptr, &allow_regex, 1000, options_.max_regex_bytes)) return false;
  for (std::size_t i = 0; i < allow_regex.size(); ++i) {
    auto same = std::find_if(allow_regexes_.begin(), allow_regexes_.end(), [&](const SharedAllowRegex& a) {
      return a.case_sensitive == r->case_sensitive && a.text == allow_regex[i];
    });
    if (same == allow_regexes_.end()) {
      std::unique_ptr<RE2> built;
      std::string err;
      if (!AcceptRegex(allow_regex[i], r->case_sensitive, options_, &built, &err)) {
        return w_.Fail(ptr + "/allow_regex/" + std::to_string(i), "invalid RE2 regex: " + err);
      }
      auto re = built ? std::make_shared<const LazyRegex>(std::move(built))
                      : std::make_shared<const LazyRegex>(allow_regex[i], RegexOptions(r->case_sensitive, options_));
      same = allow_regexes_.insert(allow_regexes_.end(), {r->case_sensitive, allow_regex[i], std::move(re)});
    }
    r->allow_regex.push_back(same->re);
  }
  if (v.contains("validator") && !ParseValidator(v["validator"], ptr + "/validator", r)) return false;
  if (v.contains("context") && !ParseContext(v["context"], ptr + "/context", r)) return false;

  const json& red = v["redact"];
  const std::string rp = ptr + "/redact";
  std::string strategy;
  if (!w_.Object(red, rp, {"strategy", "label"}, {"strategy"}) || !w_.String(red, "strategy", rp, &strategy) ||
      !w_.String(red, "label", rp, &r->label, false, 256))
    return false;
  if (!ParseStrategy(strategy, &r->strategy)) {
    return w_.Fail(rp + "/strategy", "must be label, generalize, mask or remove");
  }
  if (r->label.empty()) {
    r->label = "[";
    for (char c : r->category) r->label.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    r->label += "]";
  }
  return ParseExamples(v["examples"], ptr + "/examples", r);
}

bool PackParser::ParseValidator(const json& v, const std::string& ptr, Rule* r) {
  std::string name;
  const json* args = nullptr;
  if (v.is_string()) {
    name = v.get<std::string>();
  } else {
    if (!w_.Object(v, ptr, {"name", "args"}, {"name"}) || !w_.String(v, "name", ptr, &name)) return false;
    if (v.contains("args")) args = &v["args"];
  }
  r->validator = FindValidator(name);
  if (!r->validator) return w_.Fail(ptr, "unknown validator \"" + name + "\" (known: " + ValidatorNames() + ")");
  if (!args) return true;
  const std::string ap = ptr + "/args";
  if (!args->is_object()) return w_.Fail(ap, "must be an object");
  const std::string keys = std::string(" ") + r->validator->arg_keys + " ";
  ValidatorArgs& a = r->validator_args;
  for (auto it = args->begin(); it != args->end(); ++it) {
    const std::string& k = it.key();
    const std::string kp = ap + "/" + PointerEscape(k);
    if (keys.find(" " + k + " ") == std::string::npos) {
      return w_.Fail(kp, "unknown argument \"" + k + "\" for validator " + name);
    }
    std::string s;
    if (k == "order") {
      if (!w_.String(*args, "order", ap, &s)) return false;
      if (s == "mdy") a.order = DateOrder::kMdy;
      else if (s == "dmy") a.order = DateOrder::kDmy;
      else if (s == "ymd") a.order = DateOrder::kYmd;
      else return w_.Fail(kp, "must be mdy, dmy or ymd");
    } else if (k == "allow_fiction") {
      if (!w_.Bool(*args, "allow_fiction", ap, &a.allow_fiction)) return false;
    } else if (k == "min" || k == "max") {
      if (!w_.Int(*args, k.c_str(), ap, k == "min" ? &a.min : &a.max, 0, 200)) return false;
    } else if (k == "token") {
      if (!w_.String(*args, "token", ap, &s)) return false;
      if (s == "any") a.token = TokenMode::kAny;
      else if (s == "all") a.token = TokenMode::kAll;
      else if (s == "first") a.token = TokenMode::kFirst;
      else if (s == "last") a.token = TokenMode::kLast;
      else return w_.Fail(kp, "must be first, last, any or all");
    } else {  // any_in, none_in, all_in: lexicon names, checked against the loaded lexicons in compose.cc
      std::vector<std::string>* list = k == "any_in" ? &a.any_in : k == "none_in" ? &a.none_in : &a.all_in;
      if (!w_.StringArray(*args, k.c_str(), ap, list, 100, 256)) return false;
    }
  }
  return true;
}

bool PackParser::ParseContext(const json& v, const std::string& ptr, Rule* r) {
  const bool single = v.is_object();
  if (!single && !v.is_array()) return w_.Fail(ptr, "must be an object or an array of objects");
  const std::size_t n = single ? 1 : v.size();
  for (std::size_t i = 0; i < n; ++i) {
    const json& e = single ? v : v[i];
    const std::string p = single ? ptr : ptr + "/" + std::to_string(i);
    ContextEntry c;
    if (!w_.Object(e, p, {"words", "window", "boost"}, {"words"}) ||
        !w_.StringArray(e, "words", p, &c.words, 1000, 256) || !w_.Int(e, "window", p, &c.window, 0, 1000) ||
        !w_.Number(e, "boost", p, &c.boost, -1, 1))
      return false;
    if (c.words.empty()) return w_.Fail(p + "/words", "must not be empty");
    for (std::string& word : c.words) word = LowerFold(word);
    r->context.push_back(std::move(c));
  }
  return true;
}

bool PackParser::ParseExamples(const json& v, const std::string& ptr, Rule* r) {
  if (!w_.Object(v, ptr, {"match", "no_match"}, {"match", "no_match"})) return false;
  const json& m = v["match"];
  if (!m.is_array()) return w_.Fail(ptr + "/match", "must be an array");
  for (std::size_t i = 0; i < m.size(); ++i) {
    const std::string p = ptr + "/match/" + std::to_string(i);
    MatchExample ex;
    if (!w_.Object(m[i], p, {"text", "span"}, {"text", "span"}) || !w_.String(m[i], "text", p, &ex.text, false) ||
        !w_.String(m[i], "span", p, &ex.span))
      return false;
    if (ex.text.find(ex.span) == std::string::npos) return w_.Fail(p + "/span", "does not occur in the text");
    r->match_examples.push_back(std::move(ex));
  }
  return w_.StringArray(v, "no_match", ptr, &r->no_match_examples, 100000, 1 << 20);
}

}  // namespace

const RE2& LazyRegex::Get() const {
  std::call_once(once_, [this] {
    if (!re_) re_ = std::make_unique<RE2>(pattern_, options_);
  });
  return *re_;
}

std::string PointerEscape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::string PackLabel(const std::string& id, const PackSource& source, std::size_t index) {
  if (!id.empty()) return "pack " + id;
  if (!source.origin.empty()) return "pack " + source.origin;
  return "pack #" + std::to_string(index + 1);
}

std::unique_ptr<RE2::Set> NewPatternSet(const CompileOptions& options) {
  RE2::Options so;
  so.set_log_errors(false);
  so.set_max_mem(options.set_max_mem);
  return std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
}

bool ParsePack(const PackSource& source, std::size_t index, const CompileOptions& options, RE2::Set* set,
               PackSpec* out, std::string* error) {
  const std::string label = PackLabel("", source, index);
  if (source.text.size() > options.max_pack_bytes) {
    *error = label + ": /: pack text is larger than " + std::to_string(options.max_pack_bytes) + " bytes";
    return false;
  }
  json v;
  std::string syntax;
  if (!ParseJson(source.text, &v, &syntax)) {
    *error = label + ": /: invalid JSON" + (syntax.empty() ? std::string() : ": " + syntax);
    return false;
  }
  std::string inner;
  PackParser parser(options, set, &inner);
  if (!parser.Parse(v, out)) {
    // Errors before the id is known carry an empty prefix: name the pack by origin or position instead.
    *error = inner.rfind(": ", 0) == 0 ? label + inner : inner;
    return false;
  }
  return true;
}

}  // namespace internal
}  // namespace postscrub
