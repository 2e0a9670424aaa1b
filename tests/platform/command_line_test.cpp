#include "platform/command_line.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using alignkiosk::platform::Command;
using alignkiosk::platform::parseCommandLine;
using alignkiosk::test_support::TempDir;

TEST(CommandLine, NoArgumentsRunsTheKiosk) {
    const auto parsed = parseCommandLine({});
    ASSERT_TRUE(parsed.commandLine);
    EXPECT_EQ(parsed.commandLine->command, Command::Run);
}

TEST(CommandLine, RunTakesSurveyDatabaseScreenshotAndPluginDirs) {
    TempDir a, b;
    const auto parsed = parseCommandLine({"run", "--survey", "s.json", "--db", "d.sqlite3", "--plugin-dir",
                                          a.path().string(), "--plugin-dir", b.path().string(), "--screenshot", "x.png"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    const auto& line = *parsed.commandLine;
    EXPECT_EQ(line.survey->string(), "s.json");
    EXPECT_EQ(line.database->string(), "d.sqlite3");
    EXPECT_EQ(line.screenshot->string(), "x.png");
    ASSERT_EQ(line.pluginDirs.size(), 2u);
    EXPECT_EQ(line.pluginDirs[1], b.path());
}

TEST(CommandLine, APluginDirThatDoesNotExistIsAnErrorThatNamesIt) {
    for (const char* command : {"run", "dashboard", "export", "demo-data", "validate", "plugins"}) {
        const auto parsed = parseCommandLine({command, "--plugin-dir", "/no/such/folder"});
        EXPECT_FALSE(parsed.commandLine) << command;
        EXPECT_NE(parsed.error.find("--plugin-dir"), std::string::npos) << parsed.error;
        EXPECT_NE(parsed.error.find("/no/such/folder"), std::string::npos) << parsed.error;
    }
}

TEST(CommandLine, RunJoinsACollectionAndTakesNoSurveyThen) {
    const auto parsed = parseCommandLine({"run", "--kiosk", "--join", "127.0.0.1:8631/K7Q-2MX", "--db", "d.sqlite3"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(*parsed.commandLine->join, "127.0.0.1:8631/K7Q-2MX");
    EXPECT_TRUE(parsed.commandLine->kiosk);
    EXPECT_FALSE(parseCommandLine({"run"}).commandLine->join);

    const auto withSurvey = parseCommandLine({"run", "--join", "127.0.0.1:8631/K7Q-2MX", "--survey", "s.json"});
    EXPECT_FALSE(withSurvey.commandLine);
    EXPECT_NE(withSurvey.error.find("--survey"), std::string::npos) << withSurvey.error;
    EXPECT_FALSE(parseCommandLine({"run", "--join", ""}).commandLine);
    EXPECT_NE(parseCommandLine({"run", "--help"}).commandLine->help.find("--join"), std::string::npos);
}

TEST(CommandLine, EachCommandsHelpListsEveryOptionItTakes) {
    const auto help = [](const char* command) { return parseCommandLine({command, "--help"}).commandLine->help; };
    for (const char* command : {"run", "dashboard", "export", "demo-data"})
        for (const char* option : {"--survey", "--db", "--plugin-dir"})
            EXPECT_NE(help(command).find(option), std::string::npos) << command << " " << option;
    EXPECT_NE(help("run").find("--idle-timeout"), std::string::npos);
    EXPECT_NE(help("demo-data").find("--responses"), std::string::npos);
    EXPECT_NE(help("export").find("--out"), std::string::npos);
    EXPECT_EQ(help("validate").find("--db"), std::string::npos);
    EXPECT_NE(help("reset-pin").find("--db"), std::string::npos);
    // Without a command, the overview of them all.
    EXPECT_NE(parseCommandLine({"--help"}).commandLine->help.find("alignkiosk validate"), std::string::npos);
}

TEST(CommandLine, DemoDataNeedsAPositiveResponseCountAndParsesTeams) {
    EXPECT_FALSE(parseCommandLine({"demo-data"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"demo-data", "--responses", "0"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"demo-data", "--responses", "12x"}).commandLine);
    const auto parsed = parseCommandLine({"demo-data", "--responses", "250", "--teams", "Sales,,Marketing", "--seed", "7"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(parsed.commandLine->responses, 250u);
    EXPECT_EQ(parsed.commandLine->seed, 7u);
    EXPECT_EQ(parsed.commandLine->teams, (std::vector<std::string>{"Sales", "Marketing"}));
}

TEST(CommandLine, ExportNeedsAnOutputDirectory) {
    const auto missing = parseCommandLine({"export", "--db", "d"});
    EXPECT_FALSE(missing.commandLine);
    EXPECT_NE(missing.error.find("--out"), std::string::npos);
    const auto parsed = parseCommandLine({"export", "--out", "dir"});
    ASSERT_TRUE(parsed.commandLine);
    EXPECT_EQ(parsed.commandLine->outDir->string(), "dir");
}

TEST(CommandLine, CollectionKeyTakesAStoreAndAnOptionalOutputFile) {
    const auto parsed = parseCommandLine({"collection-key", "--db", "f.db", "--out", "key.txt"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(parsed.commandLine->command, Command::CollectionKey);
    EXPECT_EQ(parsed.commandLine->database->string(), "f.db");
    EXPECT_EQ(parsed.commandLine->outFile->string(), "key.txt");
    EXPECT_FALSE(parseCommandLine({"collection-key"}).commandLine->outFile.has_value());
    EXPECT_FALSE(parseCommandLine({"collection-key", "--survey", "s.json"}).commandLine);
}

TEST(CommandLine, BundleNeedsAnOutputFileAndNamesEachBadOption) {
    TempDir dir;
    const std::string key = (dir.path() / "key.txt").string();
    { std::ofstream(key) << "collection-public-key-1:00"; }
    const auto parsed = parseCommandLine({"bundle", "--db", "s.db", "--out", "b.akb", "--collection-key", key,
                                          "--survey-id", "team-pulse", "--survey-version", "3"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    const auto& line = *parsed.commandLine;
    EXPECT_EQ(line.command, Command::Bundle);
    EXPECT_EQ(line.database->string(), "s.db");
    EXPECT_EQ(line.outFile->string(), "b.akb");
    EXPECT_EQ(line.collectionKey->string(), key);
    EXPECT_EQ(line.surveyId, "team-pulse");
    EXPECT_EQ(line.surveyVersion, 3u);

    const auto noOut = parseCommandLine({"bundle", "--db", "s.db"});
    ASSERT_FALSE(noOut.commandLine);
    EXPECT_NE(noOut.error.find("--out"), std::string::npos) << noOut.error;
    const auto noKey = parseCommandLine({"bundle", "--out", "b", "--collection-key", "/no/such/key.txt"});
    ASSERT_FALSE(noKey.commandLine);
    EXPECT_NE(noKey.error.find("--collection-key"), std::string::npos) << noKey.error;
    const auto badVersion = parseCommandLine({"bundle", "--out", "b", "--survey-version", "0"});
    ASSERT_FALSE(badVersion.commandLine);
    EXPECT_NE(badVersion.error.find("--survey-version"), std::string::npos) << badVersion.error;
    const auto hugeVersion = parseCommandLine({"bundle", "--out", "b", "--survey-version", "4294967296"});
    ASSERT_FALSE(hugeVersion.commandLine);
    EXPECT_NE(hugeVersion.error.find("--survey-version"), std::string::npos) << hugeVersion.error;
    EXPECT_FALSE(parseCommandLine({"bundle", "--out", "b", "--survey", "s.json"}).commandLine);
}

TEST(CommandLine, ImportTakesBundleFilesAStoreAndASurvey) {
    TempDir dir;
    const std::string a = (dir.path() / "a.akb").string(), b = (dir.path() / "b.akb").string();
    std::ofstream(a) << "x";
    std::ofstream(b) << "y";
    const auto parsed = parseCommandLine({"import", a, b, "--db", "f.db", "--survey", "s.json"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(parsed.commandLine->command, Command::Import);
    ASSERT_EQ(parsed.commandLine->files.size(), 2u);
    EXPECT_EQ(parsed.commandLine->files[1].string(), b);
    EXPECT_EQ(parsed.commandLine->survey->string(), "s.json");
    EXPECT_FALSE(parseCommandLine({"import", "--db", "f.db"}).commandLine) << "no bundle given";
    const auto missing = parseCommandLine({"import", (dir.path() / "gone.akb").string()});
    ASSERT_FALSE(missing.commandLine);
    EXPECT_NE(missing.error.find("gone.akb"), std::string::npos) << missing.error;
    EXPECT_FALSE(parseCommandLine({"import", a, "--out", "x"}).commandLine);
}

TEST(CommandLine, TheBundleCommandsHelpListsEveryOption) {
    const auto help = [](const char* command) { return parseCommandLine({command, "--help"}).commandLine->help; };
    for (const char* option : {"--db", "--out", "--collection-key", "--survey-id", "--survey-version"})
        EXPECT_NE(help("bundle").find(option), std::string::npos) << option;
    for (const char* option : {"--db", "--survey", "--plugin-dir", "FILE"})
        EXPECT_NE(help("import").find(option), std::string::npos) << option;
    for (const char* option : {"--db", "--out"})
        EXPECT_NE(help("collection-key").find(option), std::string::npos) << option;
    for (const char* command : {"alignkiosk bundle", "alignkiosk import", "alignkiosk collection-key"})
        EXPECT_NE(parseCommandLine({"--help"}).commandLine->help.find(command), std::string::npos) << command;
}

TEST(CommandLine, CollectTakesAPortAndAnAddressToListenOn) {
    const auto defaults = parseCommandLine({"collect"});
    ASSERT_TRUE(defaults.commandLine) << defaults.error;
    EXPECT_EQ(defaults.commandLine->command, Command::Collect);
    EXPECT_EQ(defaults.commandLine->port, 47474);
    EXPECT_EQ(defaults.commandLine->listenAddress, "0.0.0.0");

    const auto parsed = parseCommandLine({"collect", "--survey", "s.json", "--db", "f.db", "--port", "0", "--listen",
                                          "127.0.0.1", "--projection"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(parsed.commandLine->port, 0);
    EXPECT_EQ(parsed.commandLine->listenAddress, "127.0.0.1");
    EXPECT_TRUE(parsed.commandLine->projection);
    EXPECT_EQ(parsed.commandLine->survey->string(), "s.json");
    EXPECT_EQ(parseCommandLine({"collect", "--port", "65535"}).commandLine->port, 65535);

    for (const char* port : {"65536", "-1", "http", "80x"}) {
        const auto bad = parseCommandLine({"collect", "--port", port});
        ASSERT_FALSE(bad.commandLine) << port;
        EXPECT_NE(bad.error.find("--port"), std::string::npos) << bad.error;
    }
    for (const char* address : {"localhost", "256.0.0.1", "::1", ""}) {
        const auto bad = parseCommandLine({"collect", "--listen", address});
        ASSERT_FALSE(bad.commandLine) << address;
        EXPECT_NE(bad.error.find("--listen"), std::string::npos) << bad.error;
    }
    EXPECT_FALSE(parseCommandLine({"dashboard", "--port", "1"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run", "--listen", "127.0.0.1"}).commandLine);
}

TEST(CommandLine, CollectsHelpListsEveryOption) {
    const std::string help = parseCommandLine({"collect", "--help"}).commandLine->help;
    for (const char* option : {"--survey", "--db", "--port", "--listen", "--plugin-dir", "--projection", "--headless"})
        EXPECT_NE(help.find(option), std::string::npos) << option << "\n" << help;
    EXPECT_NE(parseCommandLine({"--help"}).commandLine->help.find("alignkiosk collect"), std::string::npos);
    EXPECT_NE(parseCommandLine({"--help"}).commandLine->help.find("alignkiosk collect --headless"), std::string::npos);
}

TEST(CommandLine, CollectRunsHeadlessOnlyWhenAsked) {
    EXPECT_FALSE(parseCommandLine({"collect"}).commandLine->headless);
    const auto parsed = parseCommandLine({"collect", "--headless", "--db", "postgresql://kiosk@db/pulse", "--port",
                                          "47475", "--listen", "127.0.0.1"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_TRUE(parsed.commandLine->headless);
    EXPECT_EQ(parsed.commandLine->database->string(), "postgresql://kiosk@db/pulse");
    EXPECT_EQ(parsed.commandLine->port, 47475);
    EXPECT_EQ(parsed.commandLine->listenAddress, "127.0.0.1");

    // A headless collector has no window to put on a projector.
    const auto projected = parseCommandLine({"collect", "--headless", "--projection"});
    ASSERT_FALSE(projected.commandLine);
    EXPECT_NE(projected.error.find("--headless"), std::string::npos) << projected.error;
    // Only collect has it.
    EXPECT_FALSE(parseCommandLine({"dashboard", "--headless"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run", "--headless"}).commandLine);
}

TEST(CommandLine, OptionsBelongToTheirCommands) {
    EXPECT_FALSE(parseCommandLine({"validate", "--db", "d", "f.json"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run", "--projection"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"plugins", "--out", "x"}).commandLine);
    EXPECT_TRUE(parseCommandLine({"dashboard", "--projection"}).commandLine);
}

TEST(CommandLine, UnknownCommandsAndOptionsAreNamed) {
    const auto command = parseCommandLine({"frobnicate"});
    EXPECT_NE(command.error.find("'frobnicate'"), std::string::npos);
    const auto option = parseCommandLine({"run", "--fast"});
    EXPECT_NE(option.error.find("'--fast'"), std::string::npos);
    EXPECT_FALSE(parseCommandLine({"run", "--survey"}).commandLine);
}

TEST(CommandLine, IdleTimeoutIsAPositiveNumberOfSecondsForRun) {
    const auto parsed = parseCommandLine({"run", "--idle-timeout", "5"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    EXPECT_EQ(parsed.commandLine->idleTimeout, 5u);
    EXPECT_FALSE(parseCommandLine({"run", "--idle-timeout", "0"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run", "--idle-timeout", "soon"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"dashboard", "--idle-timeout", "5"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run"}).commandLine->idleTimeout.has_value());
}

TEST(CommandLine, HelpAndVersionWinWherever) {
    EXPECT_EQ(parseCommandLine({"validate", "--help"}).commandLine->command, Command::Help);
    EXPECT_EQ(parseCommandLine({"--version"}).commandLine->command, Command::Version);
}

TEST(CommandLine, ThemeTakesTheThreeNamesForRun) {
    using alignkiosk::core::ThemeKind;
    EXPECT_EQ(parseCommandLine({"run", "--theme", "light"}).commandLine->theme, ThemeKind::Light);
    EXPECT_EQ(parseCommandLine({"run", "--theme", "dark"}).commandLine->theme, ThemeKind::Dark);
    EXPECT_EQ(parseCommandLine({"run", "--theme", "high-contrast"}).commandLine->theme, ThemeKind::HighContrast);
    EXPECT_EQ(parseCommandLine({"run", "--theme", "high_contrast"}).commandLine->theme, ThemeKind::HighContrast);
    const auto wrong = parseCommandLine({"run", "--theme", "neon"});
    EXPECT_FALSE(wrong.commandLine);
    EXPECT_NE(wrong.error.find("light, dark or high-contrast"), std::string::npos);
    EXPECT_FALSE(parseCommandLine({"run", "--theme"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"dashboard", "--theme", "dark"}).commandLine);
    EXPECT_FALSE(parseCommandLine({"run"}).commandLine->theme.has_value());
}

TEST(CommandLine, KioskIsAFlagOfRun) {
    EXPECT_TRUE(parseCommandLine({"run", "--kiosk"}).commandLine->kiosk);
    EXPECT_TRUE(parseCommandLine({"--kiosk"}).commandLine->kiosk); // run is the default command
    EXPECT_FALSE(parseCommandLine({"run"}).commandLine->kiosk);
    EXPECT_FALSE(parseCommandLine({"dashboard", "--kiosk"}).commandLine);
}

TEST(CommandLine, FlagsWinOverTheSurveysKioskSettings) {
    using alignkiosk::core::KioskSettings;
    using alignkiosk::core::ThemeKind;
    KioskSettings survey;
    survey.idleTimeout = 90;
    survey.stillThere = 20;
    survey.theme = ThemeKind::Dark;

    const KioskSettings unchanged = alignkiosk::platform::kioskSettingsFor(*parseCommandLine({"run"}).commandLine, survey);
    EXPECT_EQ(unchanged.idleTimeout, 90u);
    EXPECT_EQ(unchanged.stillThere, 20u);
    EXPECT_EQ(unchanged.theme, ThemeKind::Dark);

    const KioskSettings flags = alignkiosk::platform::kioskSettingsFor(
        *parseCommandLine({"run", "--idle-timeout", "2", "--theme", "high-contrast"}).commandLine, survey);
    EXPECT_EQ(flags.idleTimeout, 2u); // below the survey's minimum of 5: tests walk away quickly
    EXPECT_EQ(flags.stillThere, 20u);
    EXPECT_EQ(flags.theme, ThemeKind::HighContrast);

    const KioskSettings huge = alignkiosk::platform::kioskSettingsFor(
        *parseCommandLine({"run", "--idle-timeout", "99999999999"}).commandLine, survey);
    EXPECT_EQ(huge.idleTimeout, 4294967295u); // held at the largest the settings carry
}

TEST(CommandLine, KioskModeLocksTheWindowDown) {
    const auto kiosk = alignkiosk::platform::windowOptionsFor(*parseCommandLine({"run", "--kiosk"}).commandLine);
    EXPECT_TRUE(kiosk.fullScreen);
    EXPECT_FALSE(kiosk.decorated);
    EXPECT_TRUE(kiosk.hideCursor);
    EXPECT_TRUE(kiosk.refuseClose);
    EXPECT_TRUE(kiosk.stayRestored);
    EXPECT_TRUE(kiosk.visible);

    const auto window = alignkiosk::platform::windowOptionsFor(*parseCommandLine({"run"}).commandLine);
    EXPECT_FALSE(window.fullScreen);
    EXPECT_TRUE(window.decorated);
    EXPECT_FALSE(window.hideCursor);
    EXPECT_FALSE(window.refuseClose);
    EXPECT_FALSE(window.stayRestored);
}
