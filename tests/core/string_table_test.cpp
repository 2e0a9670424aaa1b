// The shell's words (assets/strings/<language>.json): an object of strings, every problem named at its line and
// column, and a corrupt file refused with a message rather than a crash.
#include "core/string_table.h"

#include <gtest/gtest.h>

#include <string>

namespace alignkiosk::core {
namespace {

TEST(StringTable, ReadsAnObjectOfStringsAndTheFirstOfARepeatedKey) {
    const std::string text = "\xEF\xBB\xBF{\"next\": \"Weiter\", \"back\": \"Zur\\u00fcck\", \"next\": \"Nochmal\"}";
    const StringTableResult table = parseStringTable(text, "de.json");
    EXPECT_EQ(table.error, "");
    ASSERT_EQ(table.strings.size(), 2u);
    EXPECT_EQ(table.strings.at("next"), "Weiter");
    EXPECT_EQ(table.strings.at("back"), "Zur\xC3\xBC"
                                        "ck");
}

TEST(StringTable, NamesAValueThatIsNotAStringAtItsPlace) {
    const StringTableResult table = parseStringTable("{\n  \"next\": \"Weiter\",\n  \"back\": 5\n}", "de.json");
    EXPECT_EQ(table.error, "de.json:3:11: \"back\" is a number, not a string");
    EXPECT_TRUE(table.strings.empty());
}

TEST(StringTable, RefusesTextThatIsNotAnObject) {
    EXPECT_EQ(parseStringTable("[\"next\"]", "de.json").error,
              "de.json:1:1: not a JSON object of strings ({\"key\": \"text\", ...})");
    EXPECT_EQ(parseStringTable("{\"next\": \"Weiter\"", "de.json").error.rfind("de.json:1:18: invalid JSON", 0), 0u);
}

// cereal's recursive reader, which read these files before, ran out of stack on this and took the kiosk down.
TEST(StringTable, RefusesDeepNestingWithoutRunningOutOfStack) {
    const std::string deep = "{\"next\": " + std::string(900000, '[');
    const StringTableResult table = parseStringTable(deep, "deep.json");
    // The object is level 1; the 64th "[" (column 73) would be level 65.
    EXPECT_EQ(table.error, "deep.json:1:73: values are nested more than 64 levels deep");
    EXPECT_TRUE(table.strings.empty());
}

TEST(StringTable, RefusesAFileOverOneMebibyte) {
    const std::string huge = "{\"next\": \"" + std::string(1024 * 1024, 'a') + "\"}";
    EXPECT_EQ(parseStringTable(huge, "huge.json").error,
              "huge.json: the file is too large (1048588 bytes; the limit is 1 MiB)");
}

} // namespace
} // namespace alignkiosk::core
