#include "platform/command_line.h"

#include <gtest/gtest.h>

using alignkiosk::platform::Command;
using alignkiosk::platform::parseCommandLine;

TEST(CommandLine, NoArgumentsRunsTheKiosk) {
    const auto parsed = parseCommandLine({});
    ASSERT_TRUE(parsed.commandLine);
    EXPECT_EQ(parsed.commandLine->command, Command::Run);
}

TEST(CommandLine, RunTakesSurveyDatabaseScreenshotAndPluginDirs) {
    const auto parsed = parseCommandLine(
        {"run", "--survey", "s.json", "--db", "d.sqlite3", "--plugin-dir", "a", "--plugin-dir", "b", "--screenshot", "x.png"});
    ASSERT_TRUE(parsed.commandLine) << parsed.error;
    const auto& line = *parsed.commandLine;
    EXPECT_EQ(line.survey->string(), "s.json");
    EXPECT_EQ(line.database->string(), "d.sqlite3");
    EXPECT_EQ(line.screenshot->string(), "x.png");
    ASSERT_EQ(line.pluginDirs.size(), 2u);
    EXPECT_EQ(line.pluginDirs[1].string(), "b");
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
