// bench_native.cc — the native (g++) benchmark of the engine: the figures to compare with the WASM build.
//
//   node bench/corpus.js corpus.json                       # synthetic posts, fixed seed (shared with the WASM bench)
//   postscrub_bench --corpus corpus.json [--rules DIR] [--json | --profile-rules [N]]
//
// Prints per-post latency p50/p99 for the 280- and 3,000-character posts, throughput over the mixed corpus,
// pack compile time and peak resident memory (getrusage). Packs: DIR/packs.txt (default: the embedded packs).
// --profile-rules: instead, the N (default 25) patterns that take the most time over the 3,000-char posts, with
// what they produce (src/profile.h), to find the rule that costs the time.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "postscrub/default_packs.h"
#include "postscrub/engine.h"
#include "profile.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(v.size() * p / 100));
  return v[i];
}

struct Latency { double p50, p99; };

// One warm-up pass, then `rounds` timed passes over `posts`.
Latency Measure(const postscrub::Engine& engine, const std::vector<std::string>& posts, int rounds) {
  size_t sink = 0;
  for (const auto& p : posts) sink += engine.Check(p).findings.size();
  std::vector<double> times;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& p : posts) {
      auto t0 = Clock::now();
      sink += engine.Check(p).findings.size();
      times.push_back(Ms(Clock::now() - t0));
    }
  }
  if (sink == 0) std::fprintf(stderr, "note: no findings at all\n");
  return {Percentile(times, 50), Percentile(times, 99)};
}

std::vector<std::string> Strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& s : j[key]) if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

// Prints where Check() spends its time on `posts`, per pattern, heaviest first.
void ProfileRules(const postscrub::Engine& engine, const std::vector<std::string>& posts, int rounds, int top) {
  for (const auto& p : posts) engine.Check(p);  // warm-up: lazily compiled regexes are not the check's cost
  postscrub::internal::CheckProfile prof;
  postscrub::internal::AttachCheckProfile(&prof);
  double total_ms = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& p : posts) {
      auto t0 = Clock::now();
      engine.Check(p);
      total_ms += Ms(Clock::now() - t0);
    }
  }
  postscrub::internal::AttachCheckProfile(nullptr);
  const double n = static_cast<double>(prof.checks);
  std::vector<const postscrub::internal::PatternProfile*> rows;
  double patterns_ms = 0;
  for (const auto& pp : prof.patterns) {
    rows.push_back(&pp);
    patterns_ms += pp.ms;
  }
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->ms > b->ms; });
  std::printf("per post (%zu posts x %d rounds, profiled: timers add overhead)\n", posts.size(), rounds);
  std::printf("  Check total %.4f ms = normalise + lower + RE2::Set %.4f ms + patterns %.4f ms + rest %.4f ms\n\n",
              total_ms / n, prof.set_ms / n, patterns_ms / n, (total_ms - prof.set_ms - patterns_ms) / n);
  std::printf("%-34s %3s %9s %6s %6s %7s %7s %7s %6s %9s\n", "rule", "pat", "ms/post", "%", "hit%", "kwskip%",
              "exact", "misses", "cands", "valid ms");
  for (int i = 0; i < top && i < static_cast<int>(rows.size()); ++i) {
    const auto& pp = *rows[static_cast<std::size_t>(i)];
    std::printf("%-34s %3d %9.4f %6.1f %6.1f %7.1f %7.2f %7.2f %6.2f %9.4f  (kept %.2f)\n", pp.rule.c_str(),
                pp.pattern, pp.ms / n, 100 * pp.ms / total_ms, 100 * pp.set_hits / n, 100 * pp.keyword_skips / n,
                pp.exact_runs / n, pp.exact_misses / n, pp.candidates / n, pp.validator_ms / n, pp.kept / n);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path, rules_dir;
  bool as_json = false;
  int profile_top = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) corpus_path = argv[++i];
    else if (!std::strcmp(argv[i], "--profile-rules")) {
      profile_top = 25;
      if (i + 1 < argc && argv[i + 1][0] >= '0' && argv[i + 1][0] <= '9') profile_top = std::atoi(argv[++i]);
    }
    else if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rules_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--json")) as_json = true;
    else {
      std::fprintf(stderr, "usage: postscrub_bench --corpus FILE [--rules DIR] [--json | --profile-rules [N]]\n");
      return 2;
    }
  }
  std::string corpus_text;
  if (corpus_path.empty() || !ReadFile(corpus_path, &corpus_text)) {
    std::fprintf(stderr, "postscrub_bench: cannot read the corpus (make it with: node bench/corpus.js FILE)\n");
    return 2;
  }
  nlohmann::json corpus = nlohmann::json::parse(corpus_text, nullptr, false);
  if (corpus.is_discarded() || !corpus.is_object()) {
    std::fprintf(stderr, "postscrub_bench: %s is not a corpus JSON object\n", corpus_path.c_str());
    return 2;
  }
  std::vector<std::string> short_posts = Strings(corpus, "short"), long_posts = Strings(corpus, "long"),
                           mixed = Strings(corpus, "corpus");
  if (short_posts.empty() || long_posts.empty() || mixed.empty()) {
    std::fprintf(stderr, "postscrub_bench: the corpus lacks short, long or corpus posts\n");
    return 2;
  }

  std::vector<postscrub::PackSource> packs;
  if (rules_dir.empty()) {
    packs = postscrub::DefaultPackSources();
  } else {
    std::string list;
    if (!ReadFile(rules_dir + "/packs.txt", &list)) {
      std::fprintf(stderr, "postscrub_bench: cannot read %s/packs.txt\n", rules_dir.c_str());
      return 2;
    }
    std::istringstream lines(list);
    for (std::string line; std::getline(lines, line);) {
      line.erase(0, line.find_first_not_of(" \t\r"));
      line.erase(line.find_last_not_of(" \t\r") + 1);
      if (line.empty() || line[0] == '#') continue;
      postscrub::PackSource src;
      src.origin = rules_dir + "/" + line;
      if (!ReadFile(src.origin, &src.text)) {
        std::fprintf(stderr, "postscrub_bench: cannot read %s\n", src.origin.c_str());
        return 2;
      }
      packs.push_back(std::move(src));
    }
  }

  std::vector<double> compile_ms;
  std::unique_ptr<postscrub::Engine> engine;
  for (int i = 0; i < 10; ++i) {
    auto t0 = Clock::now();
    postscrub::CompileResult compiled = postscrub::Engine::Compile(packs);
    compile_ms.push_back(Ms(Clock::now() - t0));
    if (!compiled.ok()) {
      std::fprintf(stderr, "postscrub_bench: packs do not compile: %s\n", compiled.error().c_str());
      return 2;
    }
    engine = compiled.TakeEngine();
  }

  if (profile_top > 0) {
    ProfileRules(*engine, long_posts, 5, profile_top);
    return 0;
  }
  Latency s = Measure(*engine, short_posts, 3);
  Latency l = Measure(*engine, long_posts, 5);
  size_t bytes = 0;
  for (const auto& p : mixed) bytes += p.size();
  auto t0 = Clock::now();
  size_t findings = 0;
  for (const auto& p : mixed) findings += engine->Check(p).findings.size();
  double secs = Ms(Clock::now() - t0) / 1000;
  double mbps = bytes / 1048576.0 / secs;
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  double compile_p50 = Percentile(compile_ms, 50);

  if (as_json) {
    nlohmann::json j = {{"rules", engine->rules().size()},
                        {"compile_ms_p50", compile_p50},
                        {"post280_p50_ms", s.p50}, {"post280_p99_ms", s.p99},
                        {"post3000_p50_ms", l.p50}, {"post3000_p99_ms", l.p99},
                        {"mb_per_s", mbps}, {"findings_in_corpus", findings},
                        {"peak_rss_kb", ru.ru_maxrss}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("native engine (g++ -O2), %zu rules; %zu x 280 chars, %zu x 3,000 chars, %zu mixed posts (%.2f MB)\n",
              engine->rules().size(), short_posts.size(), long_posts.size(), mixed.size(), bytes / 1048576.0);
  std::printf("\n");
  std::printf("280-char post  p50 ms    %10.3f\n", s.p50);
  std::printf("280-char post  p99 ms    %10.3f\n", s.p99);
  std::printf("3000-char post p50 ms    %10.3f\n", l.p50);
  std::printf("3000-char post p99 ms    %10.3f\n", l.p99);
  std::printf("throughput MB/s          %10.1f   (%zu findings)\n", mbps, findings);
  std::printf("\npack compile p50 %.2f ms; peak RSS %.1f MB (getrusage)\n", compile_p50, ru.ru_maxrss / 1024.0);
  return 0;
}
