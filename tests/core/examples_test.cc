// Every example of every pack in rules/: the packs of rules/packs.txt in load order, then any other pack file in
// rules/ loaded after them. A match example must give a finding of its rule with exactly that span; a no_match
// example none of that rule.
#include <dirent.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "postscrub/default_packs.h"
#include "test_util.h"

namespace {

std::vector<std::string> PacksTxt() {
  std::vector<std::string> names;
  std::FILE* f = std::fopen((testutil::SourceDir() + "/rules/packs.txt").c_str(), "rb");
  if (!f) return names;
  std::fclose(f);
  std::istringstream in(testutil::ReadFile(testutil::SourceDir() + "/rules/packs.txt"));
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') names.push_back(line);
  }
  return names;
}

void ReportFailures(const postscrub::Engine& e, const std::vector<std::string>& pack_ids) {
  const auto failures = e.TestExamples(pack_ids);
  for (const auto& x : failures) {
    std::string got;
    for (const auto& g : x.got) got += " \"" + g + "\"";
    FAIL_CHECK(x.pack << "/" << x.rule << ": examples." << (x.match ? "match" : "no_match") << "[" << x.index
                      << "] " << x.text << (x.match ? " — expected span \"" + x.span + "\"" : std::string())
                      << "; the rule reported:" << got);
  }
  CHECK(failures.empty());
}

}  // namespace

TEST_CASE("the default packs (rules/packs.txt) compile and pass their examples", "[examples]") {
  const std::vector<std::string> names = PacksTxt();
  if (names.empty()) {
    WARN("rules/packs.txt is missing or empty: nothing to test");
    return;
  }
  std::vector<std::string> texts;
  for (const std::string& n : names) texts.push_back(testutil::ReadFile(testutil::SourceDir() + "/rules/" + n));
  auto e = testutil::MustCompile(texts);
  CHECK(e->packs().size() == names.size());
  CHECK(e->CountExamples() > 0);
  ReportFailures(*e, {});
}

TEST_CASE("the embedded default packs are the files of rules/packs.txt", "[examples]") {
  const std::vector<std::string> names = PacksTxt();
  const auto& embedded = postscrub::DefaultPacks();
  REQUIRE(embedded.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i] << " (rebuild if a pack changed)");
    CHECK(std::string(embedded[i].file) == names[i]);
    CHECK(std::string(embedded[i].text) == testutil::ReadFile(testutil::SourceDir() + "/rules/" + names[i]));
  }
}

TEST_CASE("other pack files in rules/ compile after the defaults and pass their examples", "[examples]") {
  const std::vector<std::string> defaults = PacksTxt();
  const std::set<std::string> listed(defaults.begin(), defaults.end());
  std::vector<std::string> base;
  for (const std::string& n : defaults) base.push_back(testutil::ReadFile(testutil::SourceDir() + "/rules/" + n));
  DIR* d = opendir((testutil::SourceDir() + "/rules").c_str());
  REQUIRE(d != nullptr);
  std::vector<std::string> extra;
  while (dirent* ent = readdir(d)) {
    const std::string n = ent->d_name;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && !listed.count(n) && n != "schema.json") {
      extra.push_back(n);
    }
  }
  closedir(d);
  std::sort(extra.begin(), extra.end());
  for (const std::string& n : extra) {
    const std::string text = testutil::ReadFile(testutil::SourceDir() + "/rules/" + n);
    if (text.find("\"schema_version\"") == std::string::npos) continue;  // not a pack
    INFO("rules/" << n);
    std::vector<std::string> packs = base;
    packs.push_back(text);
    auto e = testutil::MustCompile(packs);
    ReportFailures(*e, {e->packs().back().id});
  }
}
