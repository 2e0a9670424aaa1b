// The report's words from the catalogs: English built in, German and French from assets/strings, with plurals,
// numbers and the cover's days as each language writes them (ICU).
#include "report/report_texts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

using alignkiosk::core::AgreementLevel;
using alignkiosk::core::Messages;
using alignkiosk::report::ReportTexts;

Messages catalog(const std::string& language) {
    std::string warning;
    Messages messages = Messages::load(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "assets", language, warning);
    EXPECT_EQ(warning, "") << language;
    return messages;
}

TEST(ReportTexts, EnglishAsTheReportAlwaysSaidIt) {
    const Messages messages = Messages::english();
    const ReportTexts texts(messages);
    EXPECT_EQ(texts.reportKind(), "Alignment report");
    EXPECT_EQ(texts.dateRange("2026-03-02", "2026-03-04"), "Answers given from March 2, 2026 to March 4, 2026");
    EXPECT_EQ(texts.dateRange("2026-03-02", "2026-03-02"), "Answers given on March 2, 2026");
    EXPECT_EQ(texts.participants(1), "1 participant");
    EXPECT_EQ(texts.participants(1234), "1,234 participants");
    EXPECT_EQ(texts.hiddenTeams(1, 0, 5), "1 team hidden: fewer than 5 answers. Their names are not shown.");
    EXPECT_EQ(texts.pageNumber(2, 7), "Page 2 of 7");
    EXPECT_EQ(texts.number(3.456, 2), "3.46");
    EXPECT_EQ(texts.everyone(), "Everyone");
}

TEST(ReportTexts, GermanWordsNumbersAndDays) {
    const Messages messages = catalog("de");
    const ReportTexts texts(messages);
    EXPECT_EQ(texts.reportKind(), "Bericht zur Ausrichtung");
    EXPECT_EQ(texts.dateRange("2026-03-02", "2026-03-04"), "Antworten vom 2. März 2026 bis 4. März 2026");
    EXPECT_EQ(texts.participants(1), "1 Person hat teilgenommen");
    EXPECT_EQ(texts.participants(1234), "1.234 Personen haben teilgenommen");
    EXPECT_EQ(texts.number(3.456, 2), "3,46");
    EXPECT_EQ(texts.pageNumber(2, 7), "Seite 2 von 7");
    EXPECT_EQ(texts.everyone(), "Alle");
    EXPECT_EQ(texts.agreement(AgreementLevel::VeryStrong), "sehr stark");
    EXPECT_EQ(texts.statisticsHeader(1), "Mittelwert");
    EXPECT_EQ(texts.generatedOn("2026-03-05"), "Erstellt am 5. März 2026 mit alignkiosk.");
}

TEST(ReportTexts, FrenchWordsNumbersAndDays) {
    const Messages messages = catalog("fr");
    const ReportTexts texts(messages);
    EXPECT_EQ(texts.dateRange("2026-03-02", "2026-03-04"), "Réponses données du 2 mars 2026 au 4 mars 2026");
    EXPECT_EQ(texts.participants(2), "2 participants");
    EXPECT_EQ(texts.number(3.456, 2), "3,46");
    EXPECT_EQ(texts.pageNumber(2, 7), "Page 2 sur 7");
    EXPECT_EQ(texts.everyone(), "Tous");
}

// The true reason for each hidden team, in the plural the count needs.
TEST(ReportTexts, HiddenTeamsNameEveryReasonWithItsCount) {
    const Messages messages = catalog("de");
    const ReportTexts texts(messages);
    EXPECT_EQ(texts.hiddenTeams(2, 0, 5).rfind("2 Teams ausgeblendet: weniger als 5 Antworten.", 0), 0u)
        << texts.hiddenTeams(2, 0, 5);
    EXPECT_EQ(texts.hiddenTeams(1, 1, 5).rfind("1 Team ausgeblendet, damit", 0), 0u) << texts.hiddenTeams(1, 1, 5);
    EXPECT_EQ(texts.hiddenTeams(3, 1, 5).rfind("3 Teams ausgeblendet: 2 mit weniger als 5 Antworten, 1, damit", 0),
              0u)
        << texts.hiddenTeams(3, 1, 5);
}

// A day the report cannot read stays as it was given rather than turning into a wrong date.
TEST(ReportTexts, ADayThatIsNotIsoStaysAsGiven) {
    const Messages messages = catalog("de");
    EXPECT_EQ(ReportTexts(messages).day("soon"), "soon");
}

} // namespace
