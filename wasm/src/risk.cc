// Post-level risk (contracts §3): 1 − ∏(1 − score·weight(severity)), raised by the mosaic rule.
#include <algorithm>
#include <cmath>
#include <set>

#include "engine_impl.h"

namespace postscrub {
namespace internal {
namespace {

double Weight(Severity s) {
  switch (s) {
    case Severity::kInfo: return 0.15;
    case Severity::kLow: return 0.35;
    case Severity::kMedium: return 0.6;
    case Severity::kHigh: return 1.0;
  }
  return 0;
}

}  // namespace

double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

bool IsStatementCategory(const std::string& c) {
  return c == "patient_context" || c == "medical_advice" || c == "disparagement" || c == "boundary" ||
         c == "promotion";
}

Risk ComputeRisk(const std::vector<Finding>& findings) {
  Risk risk;
  if (findings.empty()) return risk;
  double keep = 1.0;
  // The mosaic rule: age, date/time, location and patient context are weak alone, but together they can point
  // at one patient. Two kinds raise the post to at least medium, three or more to high. Each patient-context
  // rule is its own kind: a time ("last night"), a place ("our ER") and an event ("rollover") are three signals.
  std::set<std::string> weak_kinds;
  for (const Finding& f : findings) {
    keep *= 1.0 - std::min(1.0, std::max(0.0, f.score)) * Weight(f.severity);
    if (f.category == "age" || f.category == "date" || f.category == "location" || f.category == "patient_context") {
      weak_kinds.insert(f.category == "patient_context" ? f.category + "/" + f.rule : f.category);
    }
  }
  double score = 1.0 - keep;
  if (weak_kinds.size() >= 2) score = std::max(score, 0.45 + 0.25 * static_cast<double>(weak_kinds.size() - 2));
  score = std::min(1.0, score);
  risk.score = Round3(score);
  risk.level = score >= 0.7 ? "high" : score >= 0.4 ? "medium" : "low";
  return risk;
}

}  // namespace internal
}  // namespace postscrub
