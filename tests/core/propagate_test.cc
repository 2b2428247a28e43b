// Propagation (rule field "propagate"): repeats of a found name and names listed beside it, and its errors.
#include <algorithm>

#include "test_util.h"

using testutil::Pack;
using testutil::Rule;
using testutil::Spans;

namespace {

// A seed rule (titled names) and a propagating rule with small lexicons.
std::string PropagatePack(const std::string& propagate, const std::string& validator = "") {
  const std::string seed =
      Rule("t-titled", "name", "high", R"x("patterns":[{"regex":"\\bMrs?\\. (\\p{Lu}\\p{Ll}+)","score":0.9,"group":1}])x");
  const std::string prop =
      Rule("t-repeat", "name", "high", "\"propagate\":" + propagate + (validator.empty() ? "" : "," + validator));
  return Pack("prop", seed + "," + prop,
              R"("lexicons":{"given":["priya","luis"],"surnames":["brown"],"ambiguous":["will","brown"],)"
              R"("endings":["ski"],"stop":["may"]})");
}

const char* kFull =
    R"({"from":["name"],"score":0.6,"lower_case_in":["given"],"sentence_start_none_in":["ambiguous"],)"
    R"("list_joiners":[",","and","&","/",", and"],"list_words_in":["given","surnames","ambiguous"],)"
    R"("list_endings_in":["endings"],"list_non_ascii":true})";

}  // namespace

TEST_CASE("propagation: repeats and list neighbours of a found name", "[propagate]") {
  auto e = testutil::MustCompile({PropagatePack(kFull, R"("validator":{"name":"lexicon","args":{"none_in":["stop"]}})")});
  struct Row {
    const char* text;
    std::vector<std::string> spans;  // findings of t-repeat
    const char* why;
  };
  const Row rows[] = {
      {"Saw Mr. Okafor today. Okafor is better.", {"Okafor"}, "capitalised repeat"},
      {"Saw Mr. Okafor today. OKAFOR is better.", {"OKAFOR"}, "all-caps repeat"},
      {"Saw Mr. Okafor today. okafor is better.", {}, "lower-case repeat of a word in no lower_case_in lexicon"},
      {"Mr. Priya called. priya says hi", {"priya"}, "lower-case repeat of a given name"},
      {"Saw Mr. Will. Will you come?", {}, "an ambiguous word at a sentence start"},
      {"Saw Mr. Will and said hi to Will again", {"Will"}, "an ambiguous word inside a sentence"},
      {"Mr. Okafor and Priya and Luis came", {"Priya", "Luis"}, "a chain of list neighbours"},
      {"Mr. Okafor, Brown, Nowakowski & Kónya", {"Brown", "Nowakowski", "Kónya"}, "lexicon, ending, non-ASCII"},
      {"Mr. Okafor, and Brown", {"Brown"}, "Oxford comma"},
      {"Priya, Luis and Mr. Okafor", {"Luis", "Priya"}, "neighbours before the seed, right to left"},
      {"Mr. Okafor and Cardiology agreed", {}, "a capitalised word that looks like no name"},
      {"Mr. Okafor and Brown's disease", {}, "a possessive neighbour reads as an eponym"},
      {"Mr. Okafor and May", {}, "the rule's validator rejects a stop word"},
      {"Mr. Okafor\nand Priya", {}, "a line break ends a list"},
      {"Mr. Okafor and priya", {}, "a lower-case neighbour of a capitalised name"},
      {"Okafor was here, Mr. Okafor said", {"Okafor"}, "a repeat before the seed"},
      {"Mr. Ok and Ok", {}, "words shorter than min_length"},
      {"no names here, Okafor", {}, "no seed, nothing to propagate"},
  };
  for (const Row& row : rows) {
    INFO(row.text << ": " << row.why);
    std::vector<std::string> got = Spans(*e, row.text, "t-repeat");
    std::vector<std::string> want = row.spans;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    CHECK(got == want);
  }
}

TEST_CASE("propagation: options switch its parts off", "[propagate]") {
  auto no_lists = testutil::MustCompile({PropagatePack(R"({"from":["name"]})")});
  CHECK(Spans(*no_lists, "Mr. Okafor and Priya. Okafor!", "t-repeat") == std::vector<std::string>{"Okafor"});
  auto no_repeats = testutil::MustCompile({PropagatePack(R"({"from":["name"],"repeats":false,"list_joiners":["and"],"list_words_in":["given"]})")});
  CHECK(Spans(*no_repeats, "Mr. Okafor and Priya. Okafor!", "t-repeat") == std::vector<std::string>{"Priya"});
  auto other_seed = testutil::MustCompile({PropagatePack(R"({"from":["location"]})")});
  CHECK(Spans(*other_seed, "Mr. Okafor. Okafor!", "t-repeat").empty());
}

TEST_CASE("propagation: pack errors name the field", "[propagate]") {
  struct Row {
    std::string propagate, extra, error;
  };
  const Row rows[] = {
      {R"({"from":["name"],"typo":1})", "", "/rules/1/propagate/typo: unknown field"},
      {R"({})", "", "/rules/1/propagate: missing required field \"from\""},
      {R"({"from":[]})", "", "/rules/1/propagate/from: must name at least one category"},
      {R"({"from":["name"],"list_joiners":[" "]})", "", "/rules/1/propagate/list_joiners/0"},
      {R"({"from":["name"],"min_length":0})", "", "/rules/1/propagate/min_length"},
      {R"({"from":["name"],"list_words_in":["nope"]})", "", "/rules/1/propagate: unknown lexicon \"nope\""},
      {R"({"from":["name"]})", R"("patterns":[{"regex":"x","score":0.5}])", "/rules/1/patterns"},
  };
  for (const Row& row : rows) {
    INFO(row.propagate << " " << row.extra);
    const postscrub::CompileResult r = postscrub::Engine::Compile({PropagatePack(row.propagate, row.extra)});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains(row.error));
  }
}

namespace {

// Seedless shapes: lists nobody found, dialogue labels, contact-block heads (one rule each).
std::string ShapesPack() {
  const std::string seed =
      Rule("t-titled", "name", "high", R"x("patterns":[{"regex":"\\bMrs?\\. (\\p{Lu}\\p{Ll}+)","score":0.9,"group":1}])x");
  const std::string phone =
      Rule("t-phone", "phone", "high", R"x("patterns":[{"regex":"\\b\\d{3}-\\d{4}\\b","score":0.9}])x");
  const char* common =
      R"("list_names_in":["given","surnames"],"list_endings_in":["endings"],"list_weak_in":["ambiguous"],)"
      R"("list_non_ascii":true,"list_none_in":["stop"])";
  const std::string lists = Rule("t-list", "name", "high",
                                 std::string(R"("propagate":{"from":["name"],"repeats":false,)") +
                                     R"("list_joiners":[",","and",", and"],)" + common + "}");
  const std::string labels = Rule("t-label", "name", "high",
                                  std::string(R"("propagate":{"from":["name"],"repeats":false,"speaker_labels":true,)") +
                                      R"("label_none_in":["headers"],)" + common + "}");
  const std::string blocks =
      Rule("t-block", "name", "high",
           std::string(R"("propagate":{"from":["name"],"repeats":false,"block_from":["phone"],"block_lines":2,)") +
               R"("block_none_in":["headers"],)" + common + "}");
  return Pack("shapes", seed + "," + phone + "," + lists + "," + labels + "," + blocks,
              R"("lexicons":{"given":["priya","luis","ana","adam","chad"],"surnames":["salinas"],)"
              R"("ambiguous":["grace","hope","brown"],"endings":["ski"],"stop":["may","june"],)"
              R"("headers":["plan","assessment","best","regards","patient"]})");
}

}  // namespace

TEST_CASE("propagation: lists, dialogue labels and contact blocks without a seed", "[propagate]") {
  auto e = testutil::MustCompile({ShapesPack()});
  struct Row {
    const char* text;
    const char* rule;
    std::vector<std::string> spans;
    const char* why;
  };
  const Row rows[] = {
      {"We met Salinas and Priya today", "t-list", {"Salinas", "Priya"}, "two strong members"},
      {"We met Salinas and Brown today", "t-list", {"Salinas", "Brown"}, "a strong and a weak member"},
      {"We met Grace and Hope today", "t-list", {}, "two weak members are virtues, not names"},
      {"We met Salinas and Torvik today", "t-list", {}, "one strong and one unknown member is too little"},
      {"Then Ana, Luis, Torvik and Adam came", "t-list", {"Ana", "Luis", "Torvik", "Adam"}, "a long list takes unknowns"},
      {"Salinas and Brown were there", "t-list", {}, "a sentence-initial pair needs two strong members"},
      {"Salinas and Priya were there", "t-list", {"Salinas", "Priya"}, "two strong members start a sentence"},
      {"We met Ana, May and June", "t-list", {}, "stop words are never members; one name is no list"},
      {"Mr. Torvik, Zubko and Luis", "t-list", {"Zubko", "Luis"}, "a found member counts as a name"},
      {"kids: ana, luis, adam and chad", "t-list", {"ana", "luis", "adam", "chad"}, "a lower-case list of names"},
      {"bring ana and luis", "t-list", {}, "a lower-case pair is too short"},
      {"we had apples, pears and chad", "t-list", {}, "a lower-case list of everyday words"},
      {"Salinas's and Priya's", "t-list", {}, "possessives are no list members"},
      {"Zubko: hi\nPriya: hello\nPlan: rest", "t-label", {"Zubko", "Priya"}, "labels of a dialogue, not a header"},
      {"Zubko: hi\nTorvik: hello", "t-label", {}, "no label is a name"},
      {"Priya: hi, see https://x.org", "t-label", {}, "one label is no dialogue"},
      {"Assessment: ok\nPlan: rest\nPatient: Ana", "t-label", {}, "section headers"},
      {"Zubko Torvik\ncourier\n555-0142 and 555-0199", "t-block", {"Zubko Torvik"}, "a head with two contact findings"},
      {"Zubko Torvik\n555-0142", "t-block", {}, "an unknown head needs two findings"},
      {"Zubko Kowalski\n555-0142", "t-block", {"Zubko Kowalski"}, "a strong word needs one"},
      {"Best Regards\n555-0142 and 555-0199", "t-block", {}, "a sign-off is no name"},
      {"call me\nZubko Kowalski\n555-0142", "t-block", {}, "the head must open a block"},
      {"Zubko Kowalski\na\nb\nc\n555-0142", "t-block", {}, "the finding is too far below"},
      {"> zubko j. kowalski\n> 555-0142", "t-block", {"zubko j. kowalski"}, "lower case with an initial"},
  };
  for (const Row& row : rows) {
    INFO(row.text << ": " << row.why);
    std::vector<std::string> got = Spans(*e, row.text, row.rule);
    std::vector<std::string> want = row.spans;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    CHECK(got == want);
  }
}

TEST_CASE("propagation: speaker labels need a lexicon of names", "[propagate]") {
  const postscrub::CompileResult r = postscrub::Engine::Compile({PropagatePack(R"({"from":["name"],"speaker_labels":true})")});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("/rules/1/propagate/speaker_labels"));
}
