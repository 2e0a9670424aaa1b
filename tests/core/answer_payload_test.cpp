// Reading module payloads: every shape the ABI defines, values of no known shape, and payloads that are not payloads.
#include "core/answer_payload.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

TEST(AnswerPayload, ReadsEveryShapeInPayloadOrder) {
    const auto answers = parseAnswerPayload(
        R"({"answers":{"scale":4,"text":"We help \"them\"","many":["a","b"],"split":{"x":60,"y":40},"none":[]}})");
    ASSERT_TRUE(answers);
    ASSERT_EQ(answers->size(), 5u);
    EXPECT_EQ((*answers)[0].questionId, "scale");
    EXPECT_EQ((*answers)[0].value, AnswerValue(int64_t{4}));
    EXPECT_EQ((*answers)[1].value, AnswerValue(std::string("We help \"them\"")));
    EXPECT_EQ((*answers)[2].value, AnswerValue(std::vector<std::string>{"a", "b"}));
    EXPECT_EQ((*answers)[3].value, AnswerValue(std::vector<OptionPoints>{{"x", 60}, {"y", 40}}));
    EXPECT_EQ((*answers)[4].value, AnswerValue(std::vector<std::string>{}));
}

TEST(AnswerPayload, MarksValuesOfNoKnownShapeAsUnreadable) {
    const auto answers = parseAnswerPayload(
        R"({"answers":{"a":2.5,"b":true,"c":null,"d":[1],"e":{"x":"1"},"f":[["x"]],"g":3,"g":4}})");
    ASSERT_TRUE(answers);
    ASSERT_EQ(answers->size(), 8u);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ((*answers)[i].value, AnswerValue(UnreadableAnswer{})) << i;
    // A repeated id is kept as written; the aggregator counts the first.
    EXPECT_EQ((*answers)[6].questionId, "g");
    EXPECT_EQ((*answers)[7].questionId, "g");
}

TEST(AnswerPayload, RefusesWhatIsNotAPayload) {
    const std::vector<std::string> payloads = {
        "",
        "not json",
        "[]",
        "{}",
        R"({"answers":[]})",
        R"({"answers":1})",
        R"({"answers":{"a":1}} trailing)",
        R"({"answers":{"a":NaN}})",
        std::string(R"({"answers":{"a":")") + "\xC3\x28" + "\"}}", // not UTF-8
    };
    for (const std::string& payload : payloads)
        EXPECT_FALSE(parseAnswerPayload(payload)) << payload;
    EXPECT_TRUE(parseAnswerPayload(R"({"answers":{}, "other": 1})"));
}

TEST(AnswerPayload, ReadsOneValueAsItReadsItInAPayload) {
    EXPECT_EQ(parseAnswerValue("4"), AnswerValue(int64_t{4}));
    EXPECT_EQ(parseAnswerValue(R"("caf\u00e9")"), AnswerValue(std::string("caf\xC3\xA9")));
    EXPECT_EQ(parseAnswerValue(R"(["x","y"])"), AnswerValue(std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(parseAnswerValue(R"({"a":3,"b":7})"),
              AnswerValue(std::vector<OptionPoints>{{"a", 3}, {"b", 7}}));
    for (const char* unreadable : {"2.5", "true", "null", "[1]", "", "{", "\"\xC3\x28\""})
        EXPECT_EQ(parseAnswerValue(unreadable), AnswerValue(UnreadableAnswer{})) << unreadable;
}

TEST(AnswerPayload, TellsAPayloadThatNamesEachQuestionOnce) {
    EXPECT_TRUE(namesEachQuestionOnce(R"({"answers":{"a":1,"b":[2],"c":{"x":1,"x":2}}})"));
    EXPECT_TRUE(namesEachQuestionOnce(R"({"answers":{}, "other": 1})"));
    for (const char* payload : {R"({"answers":{"a":1,"a":2}})", R"({"answers":{"a":1},"answers":{"b":2}})",
                                R"({"answers":[1]})", R"({"who":1})", "not json"})
        EXPECT_FALSE(namesEachQuestionOnce(payload)) << payload;
}

} // namespace
} // namespace alignkiosk::core
