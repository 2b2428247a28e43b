// Names of severities and strategies (postscrub/types.h).
#include "postscrub/types.h"

namespace postscrub {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
  }
  return "info";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  for (Severity s : {Severity::kInfo, Severity::kLow, Severity::kMedium, Severity::kHigh}) {
    if (name == SeverityName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

const char* StrategyName(Strategy s) {
  switch (s) {
    case Strategy::kLabel: return "label";
    case Strategy::kGeneralize: return "generalize";
    case Strategy::kMask: return "mask";
    case Strategy::kRemove: return "remove";
  }
  return "label";
}

bool ParseStrategy(std::string_view name, Strategy* out) {
  for (Strategy s : {Strategy::kLabel, Strategy::kGeneralize, Strategy::kMask, Strategy::kRemove}) {
    if (name == StrategyName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

}  // namespace postscrub
