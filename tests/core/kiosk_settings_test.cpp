// The survey's "kiosk" settings (idle time, "Still there?" countdown, theme): defaults when absent, read into
// core::Survey when valid, and every problem reported at its FILE:LINE:COL with the schema's ranges.
#include "core/survey_loader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

// One module that shows every kind; these tests are about the survey's own fields.
class OneModuleCatalog : public ModuleCatalog {
public:
    bool hasModule(const std::string& moduleId) const override { return moduleId == "everything"; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<ModuleContentProblem> checkContent(const Step&) const override { return {}; }
};

// A minimal valid survey with `kiosk` as line 2 (empty: no "kiosk" member); the member starts at column 3.
std::string surveyWith(const std::string& kiosk) {
    return "{\n" + (kiosk.empty() ? std::string() : "  \"kiosk\": " + kiosk + ",\n") +
           R"(  "id": "k", "version": 1, "title": "Kiosk",
  "steps": [ { "id": "s", "module": "everything", "title": "S",
               "questions": [ { "id": "q", "kind": "percent", "prompt": "How much?" } ] } ]
})";
}

SurveyLoadResult parse(const std::string& kiosk) {
    static const OneModuleCatalog catalog;
    return parseSurvey(surveyWith(kiosk), "k.json", catalog);
}

std::vector<std::string> messages(const SurveyLoadResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : result.diagnostics) lines.push_back(diagnostic.format());
    return lines;
}

TEST(KioskSettings, DefaultsWhenTheSurveyHasNone) {
    const SurveyLoadResult result = parse("");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
    EXPECT_EQ(result.survey->kiosk.idleTimeout, 60u);
    EXPECT_EQ(result.survey->kiosk.stillThere, 15u);
    EXPECT_EQ(result.survey->kiosk.theme, ThemeKind::Light);
}

TEST(KioskSettings, AnEmptyObjectKeepsTheDefaults) {
    const SurveyLoadResult result = parse("{}");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
    EXPECT_EQ(result.survey->kiosk.idleTimeout, 60u);
    EXPECT_EQ(result.survey->kiosk.theme, ThemeKind::Light);
}

TEST(KioskSettings, ReadsEveryFieldInAnyOrder) {
    const SurveyLoadResult result = parse(R"({ "theme": "high_contrast", "still_there": 120, "idle_timeout": 5 })");
    ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
    EXPECT_EQ(result.survey->kiosk.idleTimeout, 5u);
    EXPECT_EQ(result.survey->kiosk.stillThere, 120u);
    EXPECT_EQ(result.survey->kiosk.theme, ThemeKind::HighContrast);

    const SurveyLoadResult dark = parse(R"({ "idle_timeout": 3600, "still_there": 5, "theme": "dark" })");
    ASSERT_TRUE(dark.ok()) << ::testing::PrintToString(messages(dark));
    EXPECT_EQ(dark.survey->kiosk.idleTimeout, 3600u);
    EXPECT_EQ(dark.survey->kiosk.stillThere, 5u);
    EXPECT_EQ(dark.survey->kiosk.theme, ThemeKind::Dark);
}

TEST(KioskSettings, TimesOutsideTheirRangesAreReportedWhereTheyStand) {
    // Line 2 is `  "kiosk": { "idle_timeout": 4, "still_there": 121 },`: the 4 at column 30, the 121 at 48.
    const SurveyLoadResult result = parse(R"({ "idle_timeout": 4, "still_there": 121 })");
    EXPECT_FALSE(result.survey);
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{"k.json:2:30: \"idle_timeout\" must be from 5 to 3600, found 4",
                                        "k.json:2:48: \"still_there\" must be from 5 to 120, found 121"}));

    const SurveyLoadResult high = parse(R"({ "idle_timeout": 3601, "still_there": 4 })");
    EXPECT_EQ(messages(high),
              (std::vector<std::string>{"k.json:2:30: \"idle_timeout\" must be from 5 to 3600, found 3601",
                                        "k.json:2:51: \"still_there\" must be from 5 to 120, found 4"}));
}

TEST(KioskSettings, TimesAreWholeNumbers) {
    EXPECT_EQ(messages(parse(R"({ "idle_timeout": 1.5 })")),
              (std::vector<std::string>{"k.json:2:30: \"idle_timeout\": expected a whole number, found 1.5"}));
    EXPECT_EQ(messages(parse(R"({ "still_there": "15" })")),
              (std::vector<std::string>{"k.json:2:29: \"still_there\": expected a number, found a string"}));
}

TEST(KioskSettings, AnUnknownThemeListsTheKnownOnes) {
    EXPECT_EQ(messages(parse(R"({ "theme": "neon" })")),
              (std::vector<std::string>{"k.json:2:23: unknown theme \"neon\"; use one of: \"light\", \"dark\", "
                                        "\"high_contrast\""}));
    // The command line's spelling, or capitals, earn a hint.
    EXPECT_EQ(messages(parse(R"({ "theme": "High-Contrast" })")),
              (std::vector<std::string>{"k.json:2:23: unknown theme \"High-Contrast\"; did you mean "
                                        "\"high_contrast\"? use one of: \"light\", \"dark\", \"high_contrast\""}));
    EXPECT_EQ(messages(parse(R"({ "theme": 2 })")),
              (std::vector<std::string>{"k.json:2:23: \"theme\": expected a string, found a number"}));
}

TEST(KioskSettings, UnknownFieldsAndAWrongTypeAreNamed) {
    EXPECT_EQ(messages(parse(R"({ "idle_timout": 30 })")),
              (std::vector<std::string>{"k.json:2:14: unknown field \"idle_timout\" in \"kiosk\"; did you mean "
                                        "\"idle_timeout\"? fields allowed here: idle_timeout, still_there, theme"}));
    EXPECT_EQ(messages(parse("true")),
              (std::vector<std::string>{"k.json:2:12: \"kiosk\": expected an object, found a boolean"}));
}

TEST(KioskSettings, ThemeNamesRoundTrip) {
    for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast})
        EXPECT_EQ(themeKindFromName(themeKindName(kind)), kind);
    EXPECT_FALSE(themeKindFromName("high-contrast"));
    EXPECT_FALSE(themeKindFromName(""));
}

} // namespace
} // namespace alignkiosk::core
