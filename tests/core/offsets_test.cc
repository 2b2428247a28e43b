// UTF-16 and UTF-8 offsets: emoji (surrogate pairs), accents, combining marks, mathematical bold letters,
// invalid UTF-8.
#include "postscrub/text.h"
#include "test_util.h"

namespace {

// The UTF-16 units of `s` (valid UTF-8) as a JS string would hold them.
std::u16string ToU16(const std::string& s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp;
    i += postscrub::DecodeUtf8(s, i, &cp);
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("offsets index the text in UTF-16 units and UTF-8 bytes", "[offsets]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  struct Row {
    std::string text;
    std::string span;
    const char* why;
  };
  const Row rows[] = {
      {"SSN 219-09-9999", "219-09-9999", "ASCII"},
      {"😀😀 SSN 219-09-9999 😀", "219-09-9999", "emoji before: 2 units, 4 bytes each"},
      {"Café, señor: SSN 219-09-9999", "219-09-9999", "precomposed accents"},
      {"Cafe\xCC\x81 SSN 219-09-9999", "219-09-9999", "combining acute accent"},
      {"👩‍⚕️ on call: 312-867-5309", "312-867-5309", "ZWJ sequence with variation selector"},
      {"𝐌𝐲 𝐩𝐚𝐭𝐢𝐞𝐧𝐭 SSN 219-09-9999", "219-09-9999", "mathematical bold before"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    const auto r = e->Check(row.text);
    REQUIRE_FALSE(r.findings.empty());
    const postscrub::Finding& f = r.findings.back();
    CHECK(f.text == row.span);
    CHECK(row.text.substr(f.byte_start, f.byte_end - f.byte_start) == row.span);
    const std::u16string u = ToU16(row.text);
    CHECK(u.substr(f.start, f.end - f.start) == ToU16(row.span));
  }
}

TEST_CASE("mathematical bold identifiers are found, with offsets into the bold text", "[offsets]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string bold_ssn = "𝟐𝟏𝟗-𝟎𝟗-𝟗𝟗𝟗𝟗";  // U+1D7D0.. bold digits
  const std::string text = "SSN " + bold_ssn + " ok";
  const auto r = e->Check(text);
  REQUIRE(r.findings.size() == 1);
  const auto& f = r.findings[0];
  CHECK(f.rule == "t-ssn");
  CHECK(f.text == bold_ssn);
  CHECK(f.byte_start == 4);
  CHECK(f.byte_end == 4 + bold_ssn.size());
  CHECK(f.start == 4);
  CHECK(f.end == 4 + 9 * 2 + 2);  // nine bold digits (surrogate pairs) and two hyphens
  CHECK(e->Check("𝐕𝐢𝐬𝐢𝐭𝐞𝐝 𝐌𝐚𝐫𝐢𝐚 𝐃𝐞𝐥𝐠𝐚𝐝𝐨").findings.size() == 1);  // bold name
}

TEST_CASE("invalid UTF-8: each bad byte is one U+FFFD; byte offsets stay in the original", "[offsets]") {
  auto e = testutil::MustCompile(testutil::TestPacks());
  const std::string text = std::string("\xFF\xC3 ok \xE2\x82 SSN 219-09-9999 \xF0");
  const auto r = e->Check(text);
  REQUIRE(r.findings.size() == 1);
  const auto& f = r.findings[0];
  CHECK(text.substr(f.byte_start, f.byte_end - f.byte_start) == "219-09-9999");
  // units: FF C3 → 2, " ok " → 4, E2 82 → 2, " SSN " → 5
  CHECK(f.start == 13);
  CHECK(f.end == 24);
}

TEST_CASE("text helpers", "[offsets]") {
  using namespace postscrub;
  CHECK(Utf16Length("a😀é") == 4);
  CHECK(CodePointCount("a😀é") == 3);
  CHECK(SanitizeUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(SanitizeUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // encoded surrogate: 3 bad bytes
  CHECK(SanitizeUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  CHECK(IsValidUtf8("héllo 😀"));
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  std::vector<std::size_t> offs = {5, 0, 1, 6, 100};
  ByteOffsetsToUtf16("a😀b", &offs);  // bytes: a=0, 😀=1..4, b=5
  CHECK(offs == std::vector<std::size_t>{3, 0, 1, 4, 4});
  CHECK(Utf16ToByteOffset("a😀b", 3) == 5);
  CHECK(Utf16ToByteOffset("a😀b", 2) == 1);  // inside the pair → the code point's start
}
