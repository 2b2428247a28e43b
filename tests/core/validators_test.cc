// Validators: one table per validator, positives and negatives together, a reason on each row.
#include <catch2/catch.hpp>

#include "validators.h"

using namespace postscrub::internal;

struct Case {
  const char* input;
  bool valid;
  const char* why;
};

TEST_CASE("luhn", "[validators]") {
  const Case cases[] = {
      {"4111111111111111", true, "Visa test number"},
      {"4111111111111112", false, "last digit changed"},
      {"79927398713", true, "the textbook Luhn example"},
      {"79927398710", false, "wrong check digit"},
      {"0", false, "one digit is not a number to check"},
      {"", false, "empty"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(LuhnValid(c.input) == c.valid);
  }
}

TEST_CASE("ssn", "[validators]") {
  const Case cases[] = {
      {"219-09-9999", true, "valid area, group and serial"},
      {"078-05-1120", true, "the Woolworth wallet number is well-formed"},
      {"000-12-3456", false, "area 000 never issued"},
      {"666-12-3456", false, "area 666 never issued"},
      {"901-12-3456", false, "area 9xx is not an SSN (ITIN range)"},
      {"219-00-9999", false, "group 00"},
      {"219-09-0000", false, "serial 0000"},
      {"219099999", true, "no separators"},
      {"219-09-999", false, "only 8 digits"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(SsnValid(c.input) == c.valid);
  }
}

TEST_CASE("npi", "[validators]") {
  const Case cases[] = {
      {"1234567893", true, "CMS example NPI"},
      {"1234567890", false, "wrong check digit"},
      {"1234567894", false, "Luhn with 80840 prefix fails"},
      {"123456789", false, "9 digits"},
      {"3234567893", false, "must start with 1 or 2"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(NpiValid(c.input) == c.valid);
  }
}

TEST_CASE("nhs number", "[validators]") {
  const Case cases[] = {
      {"943 476 5919", true, "NHS Data Dictionary example: sum 299, 299 mod 11 = 2, 11 - 2 = 9"},
      {"9434765919", true, "without spaces"},
      {"943-476-5919", true, "hyphens ignored"},
      {"943 476 5918", false, "wrong check digit"},
      {"401 023 2137", true, "sum 92, 92 mod 11 = 4: check 7"},
      {"100 000 0060", true, "sum 66, 66 mod 11 = 0: check 11 is written 0"},
      {"100 000 0061", false, "check 11 must be written 0"},
      {"123 456 7890", false, "sum 210 mod 11 = 1: check 10 is never issued"},
      {"943 476 591", false, "9 digits"},
      {"943 476 59190", false, "11 digits"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(NhsNumberValid(c.input) == c.valid);
  }
}

TEST_CASE("dea", "[validators]") {
  const Case cases[] = {
      {"AB1234563", true, "1+3+5=9, 2*(2+4+6)=24, 33 ends in 3"},
      {"AB1234567", false, "check digit should be 3"},
      {"ZB1234563", false, "Z is not a registrant type"},
      {"A91234563", true, "second character may be 9"},
      {"AB123456", false, "6 digits"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(DeaValid(c.input) == c.valid);
  }
}

TEST_CASE("date", "[validators]") {
  struct DateCase {
    const char* input;
    DateOrder order;
    bool valid;
    const char* why;
  };
  const DateCase cases[] = {
      {"03/14/1957", DateOrder::kMdy, true, "US order"},
      {"14/03/1957", DateOrder::kMdy, false, "month 14"},
      {"14/03/1957", DateOrder::kDmy, true, "day first"},
      {"02/29/2024", DateOrder::kMdy, true, "leap year"},
      {"02/29/2023", DateOrder::kMdy, false, "not a leap year"},
      {"04/31/2024", DateOrder::kMdy, false, "April has 30 days"},
      {"2024-03-03", DateOrder::kYmd, true, "ISO"},
      {"2024-13-03", DateOrder::kYmd, false, "month 13"},
      {"1984-04-27 15:25:53", DateOrder::kYmd, true, "a trailing time is ignored"},
      {"11/18", DateOrder::kMdy, true, "month and day without a year"},
      {"11/31", DateOrder::kMdy, false, "November 31st"},
      {"March 3rd, 2024", DateOrder::kAny, true, "written month"},
      {"Feb 30, 2024", DateOrder::kAny, false, "written impossible day"},
      {"March 2024", DateOrder::kAny, true, "month and year"},
      {"12/25/24", DateOrder::kAny, true, "two-digit year"},
      {"1/2/3/4", DateOrder::kAny, false, "four groups"},
  };
  for (const DateCase& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(DateValid(c.input, c.order) == c.valid);
  }
}

TEST_CASE("ipv4", "[validators]") {
  const Case cases[] = {
      {"192.168.1.20", true, "private address"},
      {"8.8.8.8", true, "public address"},
      {"256.1.1.1", false, "octet above 255"},
      {"0.0.0.0", false, "the unspecified address"},
      {"1.2.3", false, "three octets"},
      {"1.2.3.4.5", false, "five octets"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(Ipv4Valid(c.input) == c.valid);
  }
}

TEST_CASE("ipv6", "[validators]") {
  const Case cases[] = {
      {"2345:0425:2CA1:0000:0000:0567:5673:23b5", true, "eight full groups"},
      {"2400:c401::5054:ff:fe1b:b031", true, "compressed middle"},
      {"::", true, "the unspecified address"},
      {"::1", true, "loopback"},
      {"fe80::", true, "compressed tail"},
      {"::ffff:0.0.0.0", true, "IPv4-mapped"},
      {"2001:db8::256.1.1.1", false, "embedded IPv4 octet above 255"},
      {"12345:db8::1", false, "group of five digits"},
      {"2001::db8::1", false, "two compressions"},
      {"1:2:3:4:5:6:7", false, "seven groups without compression"},
      {"1:2:3:4:5:6:7:8:9", false, "nine groups"},
      {"10:30:45", false, "a time of day"},
      {"1:2:3:4::5:6:7:8", false, "compression with eight groups"},
      {"g::1", false, "not hex"},
  };
  for (const Case& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(Ipv6Valid(c.input) == c.valid);
  }
}

TEST_CASE("nanp_phone", "[validators]") {
  struct PhoneCase {
    const char* input;
    bool allow_fiction, valid;
    const char* why;
  };
  const PhoneCase cases[] = {
      {"(415) 555-2671", false, true, "555 outside 0100-0199 is a real exchange"},
      {"312-867-5309", false, true, "ordinary number"},
      {"+1 646.555.0143 x22", false, false, "555-01xx is fiction"},
      {"+1 646.555.0143 x22", true, true, "fiction allowed by argument"},
      {"123-456-7890", false, false, "area code starts with 1"},
      {"411-555-2671", false, false, "N11 area code"},
      {"312-911-5309", false, false, "N11 exchange"},
      {"312-067-5309", false, false, "exchange starts with 0"},
      {"1-312-867-5309", false, true, "country code 1"},
      {"12-867-5309", false, false, "too few digits"},
  };
  for (const PhoneCase& c : cases) {
    INFO(c.input << ": " << c.why);
    CHECK(NanpPhoneValid(c.input, c.allow_fiction) == c.valid);
  }
}

TEST_CASE("age", "[validators]") {
  CHECK(AgeValid("67-year-old", 0, 125));   // ordinary age
  CHECK(AgeValid("age 0", 0, 125));         // newborn
  CHECK_FALSE(AgeValid("300-year-old", 0, 125));  // not a human age
  CHECK_FALSE(AgeValid("age 85", 90, 125)); // below a rule's min (over-89 rules)
  CHECK(AgeValid("92 yo", 90, 125));        // inside min..max
  CHECK_FALSE(AgeValid("aged", 0, 125));    // no number
}

TEST_CASE("lexicon", "[validators]") {
  Lexicons lex;
  lex["first_names"] = {"maria", "john", "josé"};
  lex["eponyms"] = {"parkinson"};
  ValidatorArgs a;
  a.any_in = {"first_names"};
  a.none_in = {"eponyms"};
  a.token = TokenMode::kFirst;
  CHECK(LexiconValid("Maria Delgado", a, lex));      // first word is a first name
  CHECK(LexiconValid("JOSÉ Ruiz", a, lex));          // case folding of accented capitals
  CHECK_FALSE(LexiconValid("Delgado Maria", a, lex)); // first word is not
  CHECK_FALSE(LexiconValid("Parkinson Disease", a, lex));
  a.token = TokenMode::kAny;
  CHECK(LexiconValid("Dr. Maria", a, lex));          // some word is a first name
  a.token = TokenMode::kAll;
  CHECK_FALSE(LexiconValid("Maria Delgado", a, lex)); // not every word
  CHECK_FALSE(LexiconValid("", a, lex));             // no words at all
}

TEST_CASE("suffix_lexicon", "[validators]") {
  Lexicons lex;
  lex["surname_endings"] = {"ová", "sson", "ski"};
  lex["not_names"] = {"january"};
  ValidatorArgs a;
  a.any_in = {"surname_endings"};
  a.none_in = {"not_names"};
  a.token = TokenMode::kAny;
  CHECK(SuffixLexiconValid("Šárka Ottová", a, lex));        // an ending with a multi-byte letter
  CHECK(SuffixLexiconValid("Sölvi Salómonsson", a, lex));
  CHECK_FALSE(SuffixLexiconValid("Ski", a, lex));            // the ending alone is not a name
  CHECK_FALSE(SuffixLexiconValid("Maria Delgado", a, lex));  // no listed ending
  CHECK_FALSE(SuffixLexiconValid("January Kowalski", a, lex)); // a none_in word anywhere rejects
  a.token = TokenMode::kAll;
  CHECK_FALSE(SuffixLexiconValid("Jan Kowalski", a, lex));   // not every word
  CHECK(SuffixLexiconValid("Kowalski Nowakowski", a, lex));
}

TEST_CASE("registry finds every documented validator by name", "[validators]") {
  for (const char* name : {"luhn", "ssn", "npi", "dea", "date", "ipv4", "ipv6", "nanp_phone", "age", "lexicon",
                           "suffix_lexicon"}) {
    INFO(name);
    const ValidatorDef* v = FindValidator(name);
    REQUIRE(v != nullptr);
    CHECK(std::string(v->name) == name);
  }
  CHECK(FindValidator("checksum") == nullptr);
}

TEST_CASE("WordSet: the lexicons' hash set", "[validators]") {
  WordSet s{"ová", "sson", "ska", "sson"};
  CHECK(s.size() == 3);  // a word inserted twice is kept once
  CHECK(s.Contains("sson"));
  CHECK_FALSE(s.Contains("son"));
  CHECK_FALSE(s.Contains(""));
  CHECK_FALSE(s.Contains("salómonsson"));          // longer than any entry
  CHECK(s.HasProperEnding("salómonsson"));
  CHECK(s.HasProperEnding("ottová"));
  CHECK_FALSE(s.HasProperEnding("ska"));           // the entry itself is no proper ending
  CHECK_FALSE(s.HasProperEnding("maria"));
  WordSet big;
  for (int i = 0; i < 5000; ++i) big.Insert("w" + std::to_string(i));  // grows many times
  big.Merge(s);
  CHECK(big.size() == 5003);
  CHECK(big.Contains("w0"));
  CHECK(big.Contains("w4999"));
  CHECK(big.Contains("ska"));
  CHECK_FALSE(big.Contains("w5000"));
  CHECK(big.word(5000) == "ová");                  // insertion order
  WordSet with_empty{""};
  CHECK(with_empty.HasProperEnding("a"));          // "" is a proper ending of every word
  CHECK_FALSE(with_empty.HasProperEnding(""));
}
