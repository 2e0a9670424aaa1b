#include "collection/join_code.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace alignkiosk::collection {
namespace {

JoinCode code(std::string_view typed) {
    const JoinCodeParse parsed = parseJoinCode(typed);
    if (!parsed.ok()) throw std::runtime_error(parsed.error);
    return *parsed.code;
}

TEST(JoinCodeTest, RandomCodesAreSixSymbolsOfTheAlphabetWithADash) {
    std::map<char, int> seen;
    for (int i = 0; i < 2000; ++i) {
        const JoinCode joinCode = JoinCode::random();
        const std::string text = joinCode.text();
        ASSERT_EQ(text.size(), 7u);
        ASSERT_EQ(text[3], '-');
        for (char c : joinCode.symbols()) {
            ASSERT_NE(JoinCode::kAlphabet.find(c), std::string_view::npos) << text;
            ++seen[c];
        }
        ASSERT_TRUE(code(text).matches(joinCode));
    }
    // 12,000 draws: every one of the 32 symbols turns up (each is missing with probability ~e^-375).
    EXPECT_EQ(seen.size(), 32u);
    for (char excluded : std::string("ILOU")) EXPECT_EQ(seen.count(excluded), 0u) << excluded;
}

TEST(JoinCodeTest, WhatPeopleTypeIsNormalised) {
    struct Case {
        const char* typed;
        const char* canonical;
    };
    const Case cases[] = {
        {"K7Q-2MX", "K7Q-2MX"},   {"k7q-2mx", "K7Q-2MX"},     {"K7Q2MX", "K7Q-2MX"},
        {"k7q 2mx", "K7Q-2MX"},   {"  K7Q - 2MX  ", "K7Q-2MX"}, {"K-7-Q-2-M-X", "K7Q-2MX"},
        {"\tk7q2mx\t", "K7Q-2MX"}, {"OOO-III", "000-111"},     {"ooo-lll", "000-111"},
        {"1iL-0oO", "111-000"},   {"zzz-999", "ZZZ-999"},     {"abc-def", "ABC-DEF"},
    };
    for (const Case& c : cases) {
        const JoinCodeParse parsed = parseJoinCode(c.typed);
        ASSERT_TRUE(parsed.ok()) << c.typed << ": " << parsed.error;
        EXPECT_EQ(parsed.code->text(), c.canonical) << c.typed;
    }
}

TEST(JoinCodeTest, WrongCodesAreRefusedWithWhatIsWrong) {
    struct Case {
        const char* typed;
        const char* says;
    };
    const Case cases[] = {
        {"", "empty"},
        {" - ", "empty"},
        {"K7Q-2M", "has 5 letters and digits; a join code has 6"},
        {"K7Q-2MXA", "has 7 letters and digits"},
        {"K7U-2MX", "has a U"},
        {"k7u2mx", "has a U"},
        {"K7Q_2MX", "has '_'"},
        {"K7Q/2MX", "has '/'"},
        {"K7Q-2M\xc3\x89", "not a plain letter or digit"},
    };
    for (const Case& c : cases) {
        const JoinCodeParse parsed = parseJoinCode(c.typed);
        ASSERT_FALSE(parsed.ok()) << c.typed;
        EXPECT_NE(parsed.error.find(c.says), std::string::npos) << c.typed << ": " << parsed.error;
    }
}

TEST(JoinCodeTest, MatchesComparesTheNormalisedSymbols) {
    EXPECT_TRUE(code("K7Q-2MX").matches(code("k7q2mx")));
    EXPECT_TRUE(code("K7Q-2MX") == code("k7q 2mx"));
    EXPECT_FALSE(code("K7Q-2MX").matches(code("K7Q-2MY")));
    EXPECT_FALSE(code("K7Q-2MX").matches(code("X7Q-2MX")));
    EXPECT_TRUE(code("0O0-1IL") == code("000-111"));
}

} // namespace
} // namespace alignkiosk::collection
