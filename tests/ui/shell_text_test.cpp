#include "ui/shell_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using alignkiosk::core::Messages;
using alignkiosk::ui::ShellText;

namespace {

// Every field, so a default that drifts from the bundled English catalog is named.
std::vector<std::string> fields(const ShellText& text) {
    return {text.tapToStart, text.next, text.back, text.finish, text.done, text.anonymityPromise, text.teamQuestion,
            text.teamHelp, text.preferNotToSay, text.pageOf, text.stillThereTitle, text.stillThereBody,
            text.stillHere, text.thankYouTitle, text.thankYouBody, text.thankYouDelivered, text.thankYouKept,
            text.saveFailed, text.moduleFailed, text.facilitator, text.pinChoose, text.pinChooseHelp,
            text.pinConfirm, text.pinMismatch, text.pinEnter, text.pinWrong, text.pinLockedOut, text.pinUnavailable,
            text.ok, text.cancel, text.pausedTitle, text.pausedBody, text.menuTitle, text.participantsFinished,
            text.pauseStation, text.pauseHelp, text.resumeStation, text.resumeHelp, text.openDashboard,
            text.exitKiosk, text.backToStation, text.restartTitle, text.restartBody, text.surveyUnavailable,
            text.stoppedTitle, text.stoppedHelp, text.stoppedInPage, text.stoppedInPanel, text.stoppedElsewhere,
            text.allowAgain, text.allowAgainLater, text.allowedAtNextStart};
}

} // namespace

TEST(ShellText, BuiltInEnglishCatalogMatchesTheDefaults) {
    const ShellText fromCatalog = alignkiosk::ui::shellTextFrom(Messages::english());
    const std::vector<std::string> expected = fields(ShellText{});
    const std::vector<std::string> actual = fields(fromCatalog);
    ASSERT_EQ(alignkiosk::ui::shellTextIds().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(actual[i], expected[i]) << alignkiosk::ui::shellTextIds()[i];
}

TEST(ShellText, BundledGermanWordsReplaceEveryEnglishOne) {
    std::string warning;
    const ShellText german =
        alignkiosk::ui::loadShellText(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "assets", "de", warning);
    EXPECT_TRUE(warning.empty()) << warning;
    EXPECT_EQ(german.language, "de");
    EXPECT_EQ(german.teamQuestion, "Zu welchem Team gehören Sie?");
    EXPECT_EQ(german.format(german.pageOf, {{"page", int64_t{1}}, {"pages", int64_t{8}}}), "Seite 1 von 8");
    EXPECT_NE(german.format(german.stillThereBody, {{"seconds", int64_t{1}}}).find("in 1 Sekunde gelöscht"),
              std::string::npos);
    EXPECT_NE(german.format(german.stillThereBody, {{"seconds", int64_t{12}}}).find("in 12 Sekunden gelöscht"),
              std::string::npos);
    const std::vector<std::string> english = fields(ShellText{});
    const std::vector<std::string> translated = fields(german);
    for (std::size_t i = 0; i < english.size(); ++i) {
        if (english[i] == "OK") continue; // the same word in German
        EXPECT_NE(translated[i], english[i]) << alignkiosk::ui::shellTextIds()[i];
    }
}

TEST(ShellText, AWordMissingFromATranslationStaysEnglish) {
    const Messages messages("de", {{"tap_to_start", "Tap anywhere to start"}, {"next", "Next"}},
                            {{"tap_to_start", "Tippen, um zu beginnen"}});
    const ShellText text = alignkiosk::ui::shellTextFrom(messages);
    EXPECT_EQ(text.tapToStart, "Tippen, um zu beginnen");
    EXPECT_EQ(text.next, "Next");
}

TEST(ShellText, MissingOrBrokenFileFallsBackToEnglishWithAWarning) {
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
