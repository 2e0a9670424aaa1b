// The positioned JSON tree: every value and key knows its line and column; malformed input becomes one error at the
// exact place; limits stop hostile input without recursion or exhaustion.
#include "core/json_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace alignkiosk::core {
namespace {

using ::testing::HasSubstr;

void expectAt(SourceLocation location, uint32_t line, uint32_t column) {
    EXPECT_EQ(location.line, line);
    EXPECT_EQ(location.column, column);
}

TEST(JsonDocument, EveryValueAndKeyKnowsWhereItStood) {
    const JsonParseResult result = parseJsonDocument("{\n"
                                                     "  \"b\": [1, -2, 3.5, true, null],\n"
                                                     "  \"a\": {\"s\": \"x\\ny\\u00e9\"}\n"
                                                     "}\n");
    ASSERT_TRUE(result.ok()) << result.error.message;
    const JsonValue& root = *result.root;
    EXPECT_EQ(root.type, JsonType::Object);
    expectAt(root.location, 1, 1);

    // Members keep file order, not sorted order.
    ASSERT_EQ(root.members.size(), 2u);
    EXPECT_EQ(root.members[0].key, "b");
    expectAt(root.members[0].keyLocation, 2, 3);
    EXPECT_EQ(root.members[1].key, "a");
    expectAt(root.members[1].keyLocation, 3, 3);

    const JsonValue& array = root.members[0].value;
    EXPECT_EQ(array.type, JsonType::Array);
    expectAt(array.location, 2, 8);
    ASSERT_EQ(array.items.size(), 5u);
    expectAt(array.items[0].location, 2, 9);
    EXPECT_TRUE(array.items[0].isInteger);
    EXPECT_EQ(array.items[0].integer, 1);
    expectAt(array.items[1].location, 2, 12);
    EXPECT_EQ(array.items[1].integer, -2);
    EXPECT_EQ(array.items[1].text, "-2");
    expectAt(array.items[2].location, 2, 16);
    EXPECT_FALSE(array.items[2].isInteger);
    EXPECT_DOUBLE_EQ(array.items[2].number, 3.5);
    EXPECT_EQ(array.items[2].text, "3.5");
    expectAt(array.items[3].location, 2, 21);
    EXPECT_EQ(array.items[3].type, JsonType::Boolean);
    EXPECT_TRUE(array.items[3].boolean);
    expectAt(array.items[4].location, 2, 27);
    EXPECT_EQ(array.items[4].type, JsonType::Null);

    const JsonValue* nested = root.find("a");
    ASSERT_NE(nested, nullptr);
    expectAt(nested->location, 3, 8);
    const JsonValue* text = nested->find("s");
    ASSERT_NE(text, nullptr);
    expectAt(text->location, 3, 14);
    EXPECT_EQ(text->text, "x\ny\xC3\xA9"); // escapes decoded
    EXPECT_EQ(root.find("missing"), nullptr);
}

TEST(JsonDocument, ColumnsCountCharactersAndLinesAnyLineEnding) {
    // "é" and "€" are 2 and 3 bytes; a tab is one column; CR LF is one line break.
    const JsonParseResult result = parseJsonDocument("[\"é€\", 1,\r\n\t\"x\"]");
    ASSERT_TRUE(result.ok());
    const JsonValue& root = *result.root;
    expectAt(root.items[1].location, 1, 8);
    expectAt(root.items[2].location, 2, 2);

    expectAt(locationOfOffset("ab\ncd", 0), 1, 1);
    expectAt(locationOfOffset("ab\ncd", 3), 2, 1);
    expectAt(locationOfOffset("ab\ncd", 5), 2, 3);
    expectAt(locationOfOffset("ab\ncd", 99), 2, 3);
    expectAt(locationOfOffset("\xC3\xA9x", 2), 1, 2);
}

TEST(JsonDocument, SkipsAByteOrderMark) {
    const JsonParseResult result = parseJsonDocument("\xEF\xBB\xBF{\"a\": 1}");
    ASSERT_TRUE(result.ok()) << result.error.message;
    expectAt(result.root->location, 1, 1);
    expectAt(result.root->members[0].value.location, 1, 7);
    EXPECT_EQ(withoutByteOrderMark("\xEF\xBB\xBFx"), "x");
    EXPECT_EQ(withoutByteOrderMark("x"), "x");
}

TEST(JsonDocument, KeepsDuplicateKeysForTheValidatorToReport) {
    const JsonParseResult result = parseJsonDocument(R"({"k": 1, "k": 2})");
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.root->members.size(), 2u);
    EXPECT_EQ(result.root->find("k")->integer, 1);
    EXPECT_EQ(result.root->members[1].value.integer, 2);
}

TEST(JsonDocument, NumbersKeepTheirTextAndWhetherTheyAreWhole) {
    const JsonParseResult result =
        parseJsonDocument("[9223372036854775807, -9223372036854775808, 18446744073709551615, 1e2, "
                          "123456789012345678901234567890, 0.000]");
    ASSERT_TRUE(result.ok()) << result.error.message;
    const auto& items = result.root->items;
    EXPECT_TRUE(items[0].isInteger);
    EXPECT_EQ(items[0].integer, INT64_MAX);
    EXPECT_EQ(items[1].integer, INT64_MIN);
    EXPECT_TRUE(items[2].isInteger); // above INT64_MAX: saturated, still "whole"
    EXPECT_EQ(items[2].integer, INT64_MAX);
    EXPECT_EQ(items[2].text, "18446744073709551615");
    EXPECT_FALSE(items[3].isInteger); // an exponent makes RapidJSON read a double
    EXPECT_FALSE(items[4].isInteger); // too long for 64 bits
    EXPECT_EQ(items[4].text, "123456789012345678901234567890");
    EXPECT_FALSE(items[5].isInteger);
}

struct Malformed {
    const char* text;
    uint32_t line;
    uint32_t column;
    const char* message;
};

void PrintTo(const Malformed& malformed, std::ostream* out) {
    *out << malformed.text;
}

class JsonMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(JsonMalformed, OneErrorAtTheExactPlace) {
    const Malformed& expected = GetParam();
    const JsonParseResult result = parseJsonDocument(expected.text);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error.location.line, expected.line) << result.error.message;
    EXPECT_EQ(result.error.location.column, expected.column) << result.error.message;
    EXPECT_THAT(result.error.message, HasSubstr(expected.message));
}

INSTANTIATE_TEST_SUITE_P(
    JsonCases, JsonMalformed,
    ::testing::Values(Malformed{"", 1, 1, "invalid JSON: The document is empty."},
                      Malformed{"{\"a\" 1}", 1, 6, "Missing a colon after a name of object member."},
                      Malformed{"{\"a\": 1\n \"b\": 2}", 2, 2, "Missing a comma or '}' after an object member."},
                      Malformed{"[1, 2,\n]", 2, 1, "Invalid value. (a comma after the last item is not allowed)"},
                      Malformed{"{\"a\": 1,}", 1, 9, "Missing a name for object member. (a comma after"},
                      Malformed{"{\"a\": [1, 2", 1, 12, "(the file ends here; is it cut short?)"},
                      Malformed{"{\"a\": \"x\\qy\"}", 1, 9, "Invalid escape character in string."},
                      Malformed{"{\"a\": \"unterminated}", 1, 21, "Missing a closing quotation mark in string."},
                      Malformed{"[\"ok\", \"\xC3\x28\"]", 1, 9, "Invalid encoding in string."},
                      Malformed{"{\"a\": NaN}", 1, 7, "Invalid value."},
                      Malformed{"// comment\n{}", 1, 1, "Invalid value."},
                      Malformed{"[1e999]", 1, 2, "Number too big to be stored in double."},
                      Malformed{"{} {}", 1, 4, "The document root must not be followed by other values."},
                      Malformed{"\n\n  {\"a\": tru}", 3, 9, "Invalid value."}));

TEST(JsonDocument, RefusesNulBytesWhereTheyAre) {
    const std::string text("{\"a\":\n  1\0}", 11);
    const JsonParseResult result = parseJsonDocument(text);
    ASSERT_FALSE(result.ok());
    expectAt(result.error.location, 2, 4);
    EXPECT_THAT(result.error.message, HasSubstr("NUL byte"));
}

TEST(JsonDocument, StopsDeepNestingAtTheLimitWithoutUsingTheStack) {
    for (const char* open : {"[", "{\"k\":"}) {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += open;
        const JsonParseResult result = parseJsonDocument(deep);
        ASSERT_FALSE(result.ok());
        EXPECT_THAT(result.error.message, HasSubstr("nested more than 64 levels deep"));
        EXPECT_EQ(result.error.location.line, 1u);
        EXPECT_EQ(result.error.location.column, 64 * std::string(open).size() + 1);
    }

    // Exactly at the limit is fine.
    const std::string atLimit = std::string(64, '[') + std::string(64, ']');
    EXPECT_TRUE(parseJsonDocument(atLimit).ok());
    JsonLimits shallow;
    shallow.maxDepth = 2;
    EXPECT_FALSE(parseJsonDocument("[[[]]]", shallow).ok());
}

TEST(JsonDocument, RefusesTooLargeTextAndTooManyValues) {
    JsonLimits limits;
    limits.maxBytes = 10;
    const JsonParseResult large = parseJsonDocument("[1, 2, 3, 4, 5]", limits);
    ASSERT_FALSE(large.ok());
    expectAt(large.error.location, 0, 0);
    EXPECT_THAT(large.error.message, HasSubstr("too large (15 bytes; the limit is 10 bytes)"));

    limits = JsonLimits{};
    limits.maxValues = 3;
    const JsonParseResult many = parseJsonDocument("[1, 2, 3, 4]", limits);
    ASSERT_FALSE(many.ok());
    expectAt(many.error.location, 1, 8);
    EXPECT_THAT(many.error.message, HasSubstr("more than 3 values"));
}

TEST(JsonDocument, NamesTypesForMessages) {
    EXPECT_STREQ(describeJsonType(JsonType::String), "a string");
    EXPECT_STREQ(describeJsonType(JsonType::Number), "a number");
    EXPECT_STREQ(describeJsonType(JsonType::Object), "an object");
    EXPECT_STREQ(describeJsonType(JsonType::Array), "an array");
    EXPECT_STREQ(describeJsonType(JsonType::Boolean), "a boolean");
    EXPECT_STREQ(describeJsonType(JsonType::Null), "null");
}

} // namespace
} // namespace alignkiosk::core
