#include "ui/shell_text.h"

#include "core/string_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using alignkiosk::ui::ShellText;

TEST(ShellText, BundledEnglishFileHasEveryKeyAndMatchesTheDefaults) {
    const auto table = alignkiosk::core::loadStringTable(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) /
                                                         "assets/strings/en.json");
    ASSERT_TRUE(table.error.empty()) << table.error;
    std::string unknown;
    const ShellText fromFile = alignkiosk::ui::shellTextFrom(table.strings, &unknown);
    EXPECT_TRUE(unknown.empty()) << unknown;
    EXPECT_EQ(table.strings.size(), 52u);
    const ShellText defaults;
    EXPECT_EQ(fromFile.tapToStart, defaults.tapToStart);
    EXPECT_EQ(fromFile.pauseHelp, defaults.pauseHelp);
    EXPECT_EQ(fromFile.anonymityPromise, defaults.anonymityPromise);
    EXPECT_EQ(fromFile.pageOf, defaults.pageOf);
    EXPECT_EQ(fromFile.saveFailed, defaults.saveFailed);
    EXPECT_EQ(fromFile.moduleFailed, defaults.moduleFailed);
    EXPECT_EQ(fromFile.restartTitle, defaults.restartTitle);
    EXPECT_EQ(fromFile.restartBody, defaults.restartBody);
    EXPECT_EQ(fromFile.stoppedHelp, defaults.stoppedHelp);
    EXPECT_EQ(fromFile.allowedAtNextStart, defaults.allowedAtNextStart);
}

TEST(ShellText, ReplacesKnownKeysAndReportsUnknownOnes) {
    std::string unknown;
    const ShellText text =
        alignkiosk::ui::shellTextFrom({{"tap_to_start", "Tippen, um zu beginnen"}, {"bogus", "x"}}, &unknown);
    EXPECT_EQ(text.tapToStart, "Tippen, um zu beginnen");
    EXPECT_EQ(text.next, ShellText().next);
    EXPECT_EQ(unknown, "bogus");
}

TEST(ShellText, MissingOrBrokenFileFallsBackToDefaultsWithAWarning) {
    const auto dir = std::filesystem::temp_directory_path() / "alignkiosk_shell_text_test";
    std::filesystem::create_directories(dir / "strings");
    std::string warning;
    ShellText text = alignkiosk::ui::loadShellText(dir, "xx", warning);
    EXPECT_NE(warning.find("xx.json"), std::string::npos);
    EXPECT_EQ(text.tapToStart, ShellText().tapToStart);

    std::ofstream(dir / "strings" / "de.json") << "{\"tap_to_start\": 5";
    warning.clear();
    text = alignkiosk::ui::loadShellText(dir, "de", warning);
    EXPECT_NE(warning.find("de.json"), std::string::npos);
    EXPECT_EQ(text.tapToStart, ShellText().tapToStart);
    std::filesystem::remove_all(dir);
}
