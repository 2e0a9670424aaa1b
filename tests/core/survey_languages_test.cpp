// A survey in several languages: the loader keeps every language, resolvedSurvey gives the survey in one, and
// nothing that identifies the survey or its answers (ids, version) changes with the language. The bundled surveys
// are read back in each of their languages.
#include "core/survey_languages.h"

#include "core/survey_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSurveys = fs::path(ALIGNKIOSK_SOURCE_DIR) / "surveys";

// Every module the bundled surveys use, taking every kind; no content rules.
class AnyModule : public ModuleCatalog {
public:
    bool hasModule(const std::string&) const override { return true; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<ModuleContentProblem> checkContent(const Step& step) const override {
        languagesChecked.insert(step.title);
        return {};
    }
    mutable std::set<std::string> languagesChecked; // the step titles seen: one per language
};

// German first (the default), then English and French. A named scale, an inline one, options, a team by id and one
// by name, a translated attribute and a plain one.
constexpr const char* kSurvey = R"({
  "id": "pulse",
  "version": 3,
  "languages": ["de", "en", "fr"],
  "title": { "de": "Puls", "en": "Pulse", "fr": "Pouls" },
  "intro": { "de": "Anonym.", "en": "Anonymous.", "fr": "Anonyme." },
  "teams": [ { "id": "sales", "label": { "de": "Vertrieb", "en": "Sales", "fr": "Ventes" } },
             { "id": "it", "label": { "de": "IT", "en": "IT", "fr": "Informatique" } } ],
  "scales": { "often": { "min": 1, "max": 2, "labels": [ { "de": "Nie", "en": "Never", "fr": "Jamais" },
                                                          { "de": "Oft", "en": "Often", "fr": "Souvent" } ] } },
  "steps": [ {
    "id": "main", "module": "m",
    "title": { "de": "Alltag", "en": "Everyday", "fr": "Quotidien" },
    "questions": [
      { "id": "q1", "kind": "scale", "scale": "often",
        "prompt": { "de": "Wie oft?", "en": "How often?", "fr": "À quelle fréquence ?" },
        "attributes": { "group": "signal", "label": { "de": "Häufigkeit", "en": "Frequency", "fr": "Fréquence" } } },
      { "id": "q2", "kind": "scale",
        "scale": { "min": 0, "max": 1, "labels": [ { "de": "Nein", "en": "No", "fr": "Non" },
                                                   { "de": "Ja", "en": "Yes", "fr": "Oui" } ] },
        "prompt": { "de": "Klar?", "en": "Clear?", "fr": "Clair ?" } },
      { "id": "q3", "kind": "choice", "prompt": { "de": "Welche?", "en": "Which?", "fr": "Laquelle ?" },
        "help": { "de": "Eine.", "en": "One.", "fr": "Une seule." },
        "options": [ { "id": "a", "label": { "de": "Erste", "en": "First", "fr": "Première" } },
                     { "id": "b", "label": { "de": "Zweite", "en": "Second", "fr": "Seconde" } } ] }
    ] } ]
})";

Survey loaded(const std::string& text, AnyModule& modules) {
    const SurveyLoadResult result = parseSurvey(text, "pulse.json", modules);
    std::string problems;
    for (const Diagnostic& diagnostic : result.diagnostics) problems += diagnostic.format() + "\n";
    EXPECT_TRUE(result.ok()) << problems;
    return result.survey.value_or(Survey{});
}

TEST(SurveyLanguages, TheLoadedSurveyKeepsEveryLanguageAndReadsInTheFirst) {
    AnyModule modules;
    const Survey survey = loaded(kSurvey, modules);
    EXPECT_EQ(survey.languages, (std::vector<std::string>{"de", "en", "fr"}));
    EXPECT_EQ(survey.language, "de");
    EXPECT_EQ(survey.title, "Puls");
    EXPECT_EQ(survey.intro, "Anonym.");
    EXPECT_EQ(survey.teams, (std::vector<Team>{{"sales", "Vertrieb"}, {"it", "IT"}}));
    const Step& step = survey.steps.at(0);
    EXPECT_EQ(step.title, "Alltag");
    EXPECT_EQ(step.questions.at(0).scaleLabels, (std::vector<std::string>{"Nie", "Oft"}));
    EXPECT_EQ(step.questions.at(0).attributes.at("label"), "Häufigkeit");
    EXPECT_EQ(step.questions.at(0).attributes.at("group"), "signal");
    EXPECT_EQ(step.questions.at(1).scaleLabels, (std::vector<std::string>{"Nein", "Ja"}));
    EXPECT_EQ(step.questions.at(2).help, "Eine.");
    EXPECT_EQ(step.questions.at(2).options.at(1).label, "Zweite");
    // The modules checked the step in each language.
    EXPECT_EQ(modules.languagesChecked, (std::set<std::string>{"Alltag", "Everyday", "Quotidien"}));
}

TEST(SurveyLanguages, ResolvesEveryTextAndNothingElse) {
    AnyModule modules;
    const Survey survey = loaded(kSurvey, modules);
    const Survey french = resolvedSurvey(survey, "fr");
    EXPECT_EQ(french.language, "fr");
    EXPECT_EQ(french.title, "Pouls");
    EXPECT_EQ(french.teams, (std::vector<Team>{{"sales", "Ventes"}, {"it", "Informatique"}}));
    const Step& step = french.steps.at(0);
    EXPECT_EQ(step.title, "Quotidien");
    EXPECT_EQ(step.questions.at(0).prompt, "À quelle fréquence ?");
    EXPECT_EQ(step.questions.at(0).scaleLabels, (std::vector<std::string>{"Jamais", "Souvent"}));
    EXPECT_EQ(step.questions.at(0).attributes.at("label"), "Fréquence");
    EXPECT_EQ(step.questions.at(0).attributes.at("group"), "signal"); // a plain string reads the same everywhere
    EXPECT_EQ(step.questions.at(1).scaleLabels, (std::vector<std::string>{"Non", "Oui"}));
    EXPECT_EQ(step.questions.at(2).options.at(0).label, "Première");

    // The survey's identity and its answers' ids are the same in every language: the store and the collection
    // check id + version, and answers are counted by question, option and team id.
    for (const std::string& language : survey.languages) {
        const Survey resolved = resolvedSurvey(survey, language);
        EXPECT_EQ(resolved.id, "pulse");
        EXPECT_EQ(resolved.version, 3u);
        EXPECT_EQ(resolved.languages, survey.languages);
        ASSERT_EQ(resolved.steps.size(), 1u);
        EXPECT_EQ(resolved.steps[0].id, "main");
        std::vector<std::string> ids;
        for (const Question& question : resolved.steps[0].questions) {
            ids.push_back(question.id);
            for (const Option& option : question.options) ids.push_back(option.id);
        }
        EXPECT_EQ(ids, (std::vector<std::string>{"q1", "q2", "q3", "a", "b"})) << language;
        EXPECT_EQ(resolved.teams[0].id, "sales");
    }
    // Back again: resolving is lossless.
    EXPECT_EQ(resolvedSurvey(french, "de").title, "Puls");
}

TEST(SurveyLanguages, ALanguageTheSurveyDoesNotHoldGivesTheDefault) {
    AnyModule modules;
    const Survey survey = loaded(kSurvey, modules);
    const Survey other = resolvedSurvey(survey, "it");
    EXPECT_EQ(other.language, "de");
    EXPECT_EQ(other.title, "Puls");
}

TEST(SurveyLanguages, ASurveyInOneLanguageIsItsOwnDefault) {
    AnyModule modules;
    const std::string french = R"({"id": "s", "version": 1, "language": "fr", "title": "Sondage",
      "teams": ["Ventes"],
      "steps": [{"id": "a", "module": "m", "title": {"fr": "Étape"},
                 "questions": [{"id": "q", "kind": "percent", "prompt": "Part ?"}]}]})";
    const Survey survey = loaded(french, modules);
    EXPECT_EQ(survey.languages, (std::vector<std::string>{"fr"}));
    EXPECT_EQ(survey.language, "fr");
    EXPECT_EQ(survey.steps.at(0).title, "Étape");
    EXPECT_EQ(survey.teams, (std::vector<Team>{{"Ventes", "Ventes"}})); // a team by name is its own id

    const std::string unnamed = R"({"id": "s", "version": 1, "title": "Survey",
      "steps": [{"id": "a", "module": "m", "title": "Step",
                 "questions": [{"id": "q", "kind": "percent", "prompt": "Share?"}]}]})";
    EXPECT_EQ(loaded(unnamed, modules).languages, (std::vector<std::string>{"en"}));
}

TEST(SurveyLanguages, ValidateReportsEveryMissingTextWhereItIs) {
    // Three texts lack French (lines 4, 8 and 9), one names a language the survey does not hold (line 9).
    const std::string text = "{\"id\": \"s\", \"version\": 1, \"languages\": [\"en\", \"fr\"],\n"
                             "  \"title\": {\"en\": \"Survey\", \"fr\": \"Sondage\"},\n"
                             "  \"teams\": [{\"id\": \"sales\", \"label\": {\"en\": \"Sales\", \"fr\": \"Ventes\"}},\n"
                             "            {\"id\": \"it\", \"label\": {\"en\": \"IT\"}}],\n"
                             "  \"steps\": [{\"id\": \"a\", \"module\": \"m\",\n"
                             "    \"title\": {\"en\": \"A\", \"fr\": \"A\"},\n"
                             "    \"questions\": [{\"id\": \"q\", \"kind\": \"choice\",\n"
                             "      \"prompt\": {\"en\": \"Which?\"},\n"
                             "      \"options\": [{\"id\": \"x\", \"label\": {\"en\": \"X\", \"de\": \"X\"}},\n"
                             "                  {\"id\": \"y\", \"label\": {\"en\": \"Y\", \"fr\": \"Y\"}}]}]}]}\n";
    AnyModule modules;
    const SurveyLoadResult result = parseSurvey(text, "s.json", modules);
    std::vector<std::string> found;
    for (const Diagnostic& diagnostic : result.diagnostics) found.push_back(diagnostic.format());
    const std::string noFrench = " has no text in \"fr\" (Français); the survey's languages are: en, fr";
    EXPECT_THAT(found, ::testing::ElementsAre(
                           "s.json:4:35: \"label\"" + noFrench, "s.json:8:17: \"prompt\"" + noFrench,
                           "s.json:9:40: \"label\"" + noFrench,
                           "s.json:9:52: language \"de\" is not one of the survey's in \"label\"; the survey's "
                           "languages are: en, fr"));
    EXPECT_TRUE(modules.languagesChecked.empty()) << "module checks run only on a clean file";
}

// The bundled surveys in each of their languages: every text given in English, German and French, none blank, and
// the German and French texts are translations, not copies of the English (apart from words that are the same, such
// as "Marketing": at most a few per survey).
class BundledSurveyLanguages : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledSurveyLanguages, EveryTextIsGivenInEnglishGermanAndFrench) {
    AnyModule modules;
    const SurveyLoadResult result = loadSurvey(kSurveys / GetParam(), modules);
    ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().format());
    const Survey& survey = *result.survey;
    EXPECT_EQ(survey.languages, (std::vector<std::string>{"en", "de", "fr"}));
    std::size_t texts = 0;
    std::size_t sameAsEnglish = 0;
    forEachText(survey, [&](const TextPath& path, const std::string& text) {
        if (text.empty()) return; // an intro or help left out
        if (path.size() > 1 && path[path.size() - 2] == "attributes" && !survey.wordings.count(path)) return; // ids
        ++texts;
        const auto wording = survey.wordings.find(path);
        ASSERT_NE(wording, survey.wordings.end()) << "not translated: " << text;
        for (const char* language : {"en", "de", "fr"}) {
            ASSERT_TRUE(wording->second.count(language)) << text << " has no " << language;
            EXPECT_FALSE(wording->second.at(language).empty()) << text << " is blank in " << language;
        }
        if (wording->second.at("de") == text || wording->second.at("fr") == text) ++sameAsEnglish;
        // French: a no-break space (U+00A0), never a plain one, before : ; ? !
        const std::string& fr = wording->second.at("fr");
        for (const char* mark : {" :", " ;", " ?", " !"}) EXPECT_EQ(fr.find(mark), std::string::npos) << fr;
    });
    EXPECT_GT(texts, 30u);
    EXPECT_LE(sameAsEnglish * 10, texts) << "more than a tenth of the texts read the same as in English";

    const Survey german = resolvedSurvey(survey, "de");
    const Survey french = resolvedSurvey(survey, "fr");
    EXPECT_NE(german.title, survey.title);
    EXPECT_NE(french.title, survey.title);
    EXPECT_THAT(german.intro, HasSubstr("anonym"));
    EXPECT_THAT(french.intro, HasSubstr("anonyme"));
}

INSTANTIATE_TEST_SUITE_P(Surveys, BundledSurveyLanguages,
                         ::testing::Values("mission-alignment-workshop.json", "team-pulse.json",
                                           "diagnostic-signs.json"),
                         [](const ::testing::TestParamInfo<const char*>& param) {
                             std::string name = fs::path(param.param).stem().string();
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

} // namespace
} // namespace alignkiosk::core
