#include "core/messages.h"

#include "core/string_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using alignkiosk::core::formatDate;
using alignkiosk::core::formatMessage;
using alignkiosk::core::formatNumber;
using alignkiosk::core::messageArguments;
using alignkiosk::core::Messages;

namespace {

const std::filesystem::path kSource = ALIGNKIOSK_SOURCE_DIR;
const char* const kLanguages[] = {"en", "de", "fr"};

std::map<std::string, std::string> catalog(const std::string& language) {
    const auto table = alignkiosk::core::loadStringTable(kSource / "assets" / "strings" / (language + ".json"));
    EXPECT_TRUE(table.error.empty()) << table.error;
    return table.strings;
}

// Every message id the program's code asks for: the first argument of tr("...") and messages.text("..."), and the
// ids in the tables that map fields, levels and bands to ids ({"tap_to_start", &ShellText::...}, "dash_level_...").
std::set<std::string> idsUsedInCode() {
    const std::regex call(R"re(\b(?:tr|text|pattern)\(\s*"([a-z0-9_]+)")re");
    const std::regex tableEntry(R"re(\{"([a-z0-9_]+)", &ShellText::)re");
    const std::regex literalId(R"re("(dash_[a-z0-9_]+)")re");
    std::set<std::string> ids;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSource / "app")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        const std::string source = text.str();
        for (const std::regex* pattern : {&call, &tableEntry, &literalId})
            for (std::sregex_iterator it(source.begin(), source.end(), *pattern), end; it != end; ++it)
                ids.insert((*it)[1].str());
    }
    return ids;
}

} // namespace

TEST(Messages, EveryIdTheCodeUsesIsInEveryCatalog) {
    const std::set<std::string> used = idsUsedInCode();
    ASSERT_GT(used.size(), 100u); // the scan found the shell's and the dashboard's ids
    for (const char* language : kLanguages) {
        const auto messages = catalog(language);
        for (const std::string& id : used) EXPECT_EQ(messages.count(id), 1u) << language << ".json lacks " << id;
    }
}

TEST(Messages, EveryCatalogHasExactlyTheEnglishIdsWithTheSamePlaceholders) {
    const auto english = catalog("en");
    for (const char* language : kLanguages) {
        const auto messages = catalog(language);
        for (const auto& [id, pattern] : messages) EXPECT_EQ(english.count(id), 1u) << language << ": unknown " << id;
        for (const auto& [id, pattern] : english) {
            const auto found = messages.find(id);
            if (found == messages.end()) {
                ADD_FAILURE() << language << ".json lacks " << id;
                continue;
            }
            bool ok = false;
            const std::vector<std::string> names = messageArguments(found->second, &ok);
            EXPECT_TRUE(ok) << language << ": ICU refuses " << id << ": " << found->second;
            EXPECT_EQ(names, messageArguments(pattern)) << language << ": " << id;
        }
    }
}

TEST(Messages, BuiltInEnglishIsTheBundledFile) {
    const Messages builtIn = Messages::english();
    for (const auto& [id, pattern] : catalog("en")) EXPECT_EQ(builtIn.pattern(id), pattern) << id;
}

TEST(Messages, MissingMessageFallsBackToEnglishThenToItsId) {
    const Messages messages("de", {{"greeting", "Hello {name}"}, {"bye", "Bye"}}, {{"greeting", "Hallo {name}"}});
    EXPECT_EQ(messages.text("greeting", {{"name", std::string("Ada")}}), "Hallo Ada");
    EXPECT_EQ(messages.text("bye"), "Bye");
    EXPECT_EQ(messages.text("nowhere"), "nowhere");
    EXPECT_FALSE(messages.has("nowhere"));
}

TEST(Messages, LoadsTheBundledLanguageOverEnglishAndWarnsForAMissingOne) {
    std::string warning;
    const Messages german = Messages::load(kSource / "assets", "de", warning);
    EXPECT_TRUE(warning.empty()) << warning;
    EXPECT_EQ(german.language(), "de");
    EXPECT_EQ(german.text("dash_everyone"), "Alle");
    const Messages swiss = Messages::load(kSource / "assets", "de-CH", warning); // no de-CH.json: German
    EXPECT_TRUE(warning.empty()) << warning;
    EXPECT_EQ(swiss.text("dash_everyone"), "Alle");
    EXPECT_EQ(swiss.language(), "de-CH");
    const Messages klingon = Messages::load(kSource / "assets", "tlh", warning);
    EXPECT_NE(warning.find("tlh.json"), std::string::npos);
    EXPECT_EQ(klingon.text("dash_everyone"), "Everyone");
}

TEST(Messages, PluralsFollowEachLanguage) {
    const std::string en = "{n, plural, one {# answer} other {# answers}}";
    EXPECT_EQ(formatMessage("en", en, {{"n", int64_t{1}}}), "1 answer");
    EXPECT_EQ(formatMessage("en", en, {{"n", int64_t{0}}}), "0 answers");
    EXPECT_EQ(formatMessage("en", en, {{"n", int64_t{1500}}}), "1,500 answers");
    const std::string de = "{n, plural, one {# Antwort} other {# Antworten}}";
    EXPECT_EQ(formatMessage("de", de, {{"n", int64_t{1}}}), "1 Antwort");
    EXPECT_EQ(formatMessage("de", de, {{"n", int64_t{0}}}), "0 Antworten");
    EXPECT_EQ(formatMessage("de", de, {{"n", int64_t{1500}}}), "1.500 Antworten");
    // French counts 0 as singular, unlike English and German.
    const std::string fr = "{n, plural, one {# réponse} other {# réponses}}";
    EXPECT_EQ(formatMessage("fr", fr, {{"n", int64_t{0}}}), "0 réponse");
    EXPECT_EQ(formatMessage("fr", fr, {{"n", int64_t{1}}}), "1 réponse");
    EXPECT_EQ(formatMessage("fr", fr, {{"n", int64_t{2}}}), "2 réponses");
    EXPECT_EQ(formatMessage("fr", fr, {{"n", int64_t{1500}}}), "1\u202F500 réponses");
}

TEST(Messages, TheBundledCatalogsSayPluralsRight) {
    std::string warning;
    const auto text = [&](const char* language, int64_t count) {
        return Messages::load(kSource / "assets", language, warning)
            .text("dash_texts_count", {{"group", std::string("Team A")}, {"count", count}});
    };
    EXPECT_EQ(text("en", 1), "Team A \u00B7 1 answer");
    EXPECT_EQ(text("en", 3), "Team A \u00B7 3 answers");
    EXPECT_EQ(text("de", 1), "Team A \u00B7 1 Antwort");
    EXPECT_EQ(text("de", 3), "Team A \u00B7 3 Antworten");
    EXPECT_EQ(text("fr", 1), "Team A \u00B7 1 réponse");
    EXPECT_EQ(text("fr", 3), "Team A \u00B7 3 réponses");
}

TEST(Messages, NumbersFollowEachLanguage) {
    EXPECT_EQ(formatNumber("en", 1234.5, 2), "1,234.50");
    EXPECT_EQ(formatNumber("de", 1234.5, 2), "1.234,50");
    EXPECT_EQ(formatNumber("fr", 1234.5, 2), "1\u202F234,50");
    EXPECT_EQ(formatNumber("de", 3.456, 1), "3,5");
    EXPECT_EQ(formatNumber("en", 7.0, 0), "7");
    EXPECT_EQ(formatMessage("de", "Mittelwert {m, number}", {{"m", 3.25}}), "Mittelwert 3,25");
}

TEST(Messages, DatesFollowEachLanguage) {
    EXPECT_EQ(formatDate("en", 2026, 3, 5), "March 5, 2026");
    EXPECT_EQ(formatDate("de", 2026, 3, 5), "5. März 2026");
    EXPECT_EQ(formatDate("fr", 2026, 3, 5), "5 mars 2026");
    EXPECT_EQ(Messages::english().date(2026, 12, 31), "December 31, 2026");
}

TEST(Messages, ABrokenPatternShowsItsWordsAndIsReported) {
    EXPECT_EQ(formatMessage("en", "Hello {name", {{"name", std::string("x")}}), "Hello {name");
    bool ok = true;
    EXPECT_TRUE(messageArguments("Hello {name", &ok).empty());
    EXPECT_FALSE(ok);
    EXPECT_EQ(messageArguments("{n, plural, one {# in {team}} other {# in {team}}} {when}"),
              (std::vector<std::string>{"n", "team", "when"}));
}
