// The survey loader: the bundled survey, one broken file per rule (tests/core/survey_corpus/), every problem
// reported at its FILE:LINE:COL, module checks mapped into the file, and no crash or throw on any input.
#include "core/survey_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSourceDir = ALIGNKIOSK_SOURCE_DIR;
const fs::path kCorpusDir = kSourceDir / "tests/core/survey_corpus";
const fs::path kBundledSurvey = kSourceDir / "surveys/diagnostic-signs.json";

uint32_t kinds(std::initializer_list<QuestionKind> list) {
    uint32_t bits = 0;
    for (QuestionKind kind : list) bits |= 1u << static_cast<uint32_t>(kind);
    return bits;
}

constexpr uint32_t kAllKinds = 0x3Fu;

// Knows a fixed set of modules; the content check is whatever the test sets.
class FakeCatalog : public ModuleCatalog {
public:
    FakeCatalog() {
        m_kinds["everything"] = kAllKinds;
        m_kinds["diagnostic_signs"] = kinds({QuestionKind::Scale, QuestionKind::Text});
    }
    bool hasModule(const std::string& moduleId) const override { return m_kinds.count(moduleId) != 0; }
    uint32_t acceptedKinds(const std::string& moduleId) const override { return m_kinds.at(moduleId); }
    std::vector<ModuleContentProblem> checkContent(const Step& step) const override {
        ++checkedSteps;
        return check ? check(step) : std::vector<ModuleContentProblem>{};
    }

    std::map<std::string, uint32_t> m_kinds;
    std::function<std::vector<ModuleContentProblem>(const Step&)> check;
    mutable int checkedSteps = 0;
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string formatAll(const SurveyLoadResult& result) {
    std::string text;
    for (const Diagnostic& diagnostic : result.diagnostics) text += diagnostic.format() + "\n";
    return text;
}

// [SECTION] The bundled survey -------------------------------------------------------------------------------------

TEST(SurveyBundled, ValidatesCleanAndReadsTheSeedContent) {
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(kBundledSurvey, catalog);
    ASSERT_TRUE(result.ok()) << formatAll(result);
    const Survey& survey = *result.survey;

    EXPECT_EQ(survey.id, "diagnostic-signs");
    EXPECT_EQ(survey.version, 1u);
    EXPECT_EQ(survey.language, "en");
    EXPECT_THAT(survey.title, HasSubstr("anonymous"));
    EXPECT_THAT(survey.intro, HasSubstr("anonymous"));
    EXPECT_EQ(survey.teams, (std::vector<alignkiosk::core::Team>{{"sales", "Sales"},
                                                                  {"marketing", "Marketing"},
                                                                  {"service", "Service"},
                                                                  {"leadership", "Leadership"}}));
    EXPECT_EQ(survey.sourcePath, kBundledSurvey.string());
    ASSERT_EQ(survey.steps.size(), 1u);

    const Step& step = survey.steps[0];
    EXPECT_EQ(step.moduleId, "diagnostic_signs");
    ASSERT_EQ(step.questions.size(), 9u);
    std::map<std::string, int> groups;
    for (const Question& question : step.questions) {
        ++groups[question.attributes.at("group")];
        if (question.attributes.at("group") == "signal") {
            EXPECT_EQ(question.scaleName, "frequency");
            EXPECT_EQ(question.scaleLabels.front(), "Never");
            EXPECT_FALSE(question.attributes.at("check_first").empty());
        }
        if (question.attributes.at("group") == "metric") {
            EXPECT_EQ(question.scaleName, "how_well");
            EXPECT_EQ(question.scaleLabels.front(), "Very poorly");
            EXPECT_EQ(question.scaleLabels.back(), "Very well");
        }
        EXPECT_NE(question.location.line, 0u);
    }
    EXPECT_EQ(groups, (std::map<std::string, int>{{"signal", 4}, {"metric", 4}, {"customer_change", 1}}));

    const Question& open = step.questions.back();
    EXPECT_EQ(open.kind, QuestionKind::Text);
    EXPECT_FALSE(open.required);
    EXPECT_EQ(open.maxLength, 280u);
    EXPECT_EQ(catalog.checkedSteps, 3); // the module checks the step in each of the survey's three languages
}

// The schema documentation's complete example must stay a valid survey.
TEST(SurveyBundled, TheExamplesInTheSchemaDocumentationAreValid) {
    // Every complete survey the page shows (a block that opens with the survey's "id"): the one-language example and
    // the one in several languages.
    const std::string readme = readFile(kSourceDir / "surveys/README.md");
    int surveys = 0;
    for (size_t start = readme.find("```json\n"); start != std::string::npos;
         start = readme.find("```json\n", start + 8)) {
        const size_t end = readme.find("```", start + 8);
        ASSERT_NE(end, std::string::npos);
        const std::string block = readme.substr(start + 8, end - start - 8);
        if (block.rfind("{\n  \"id\"", 0) != 0) continue;
        ++surveys;
        FakeCatalog catalog;
        catalog.m_kinds["focus_assessment"] = kAllKinds;
        const SurveyLoadResult result = parseSurvey(block, "README.md", catalog);
        EXPECT_TRUE(result.ok()) << formatAll(result);
    }
    EXPECT_EQ(surveys, 2);
}

// [SECTION] The corpus: one broken file per rule --------------------------------------------------------------------

struct Expected {
    const char* file;
    uint32_t line;
    uint32_t column;
    const char* message; // a substring of the message
};

void PrintTo(const Expected& expected, std::ostream* out) {
    *out << expected.file << ":" << expected.line << ":" << expected.column << ": " << expected.message;
}

// Each file breaks one rule and must yield exactly this one diagnostic. Locations were worked out from the files,
// not from the loader's output.
const Expected kCorpus[] = {
    // Not JSON, or not text
    {"empty.json", 1, 1, "invalid JSON: The document is empty."},
    {"whitespace_only.json", 3, 1, "invalid JSON: The document is empty."},
    {"truncated.json", 11, 107,
     "invalid JSON: Missing a name for object member. (the file ends here; is it cut short?)"},
    {"missing_comma.json", 4, 3, "invalid JSON: Missing a comma or '}' after an object member."},
    {"trailing_comma.json", 12, 7, "invalid JSON: Invalid value. (a comma after the last item is not allowed)"},
    {"two_documents.json", 16, 1, "invalid JSON: The document root must not be followed by other values."},
    {"deep_nesting.json", 1, 65, "nested more than 64 levels deep"},
    {"binary_garbage.json", 3, 1, "NUL byte"},
    {"invalid_utf8.json", 4, 20, "invalid JSON: Invalid encoding in string."},
    {"latin1_garbage.json", 1, 1, "invalid JSON: Invalid value."},
    {"huge_number.json", 3, 14, "invalid JSON: Number too big to be stored in double."},
    {"nul_escape.json", 11, 52, "must not contain the character \\u0000"},
    // Shape
    {"not_an_object.json", 1, 1, "a survey file holds one JSON object {...}, found an array"},
    {"missing_required.json", 1, 1, "the survey \"corpus\" is missing the required field \"title\""},
    {"missing_module.json", 6, 5, "step \"main\" is missing the required field \"module\""},
    {"unknown_field.json", 11, 62, "unknown field \"promt\" in question \"q1\"; did you mean \"prompt\"?"},
    {"wrong_type.json", 4, 12, "\"title\": expected a string, found a number"},
    {"duplicate_key.json", 5, 3, "duplicate field \"title\" (first used at 4:3)"},
    {"options_on_scale.json", 12, 76, "\"options\" does not apply to a scale question"},
    {"attribute_not_string.json", 11, 107, "attribute \"weight\": expected a string, found a number"},
    // Ids and names
    {"bad_id.json", 7, 13, "\"id\" must use only lowercase letters a-z, digits"},
    {"duplicate_step_id.json", 14, 13, "duplicate step id \"main\" (first used at 7:13)"},
    {"duplicate_question_id.json", 12, 17, "duplicate question id \"q1\" (first used at 11:17)"},
    {"duplicate_option_id.json", 11, 113, "duplicate option id \"a\""},
    {"duplicate_team.json", 4, 35, "duplicate team \" sales \" (first used at 4:13)"},
    // Text
    {"blank_prompt.json", 11, 52, "\"prompt\" must not be empty or only spaces"},
    {"empty_step_title.json", 9, 16, "\"title\" must not be empty or only spaces"},
    {"bad_language.json", 4, 15, "\"language\" must be a language tag"},
    // Languages and teams by id
    {"missing_language_text.json", 12, 52,
     "\"prompt\" has no text in \"de\" (Deutsch); the survey's languages are: en, de"},
    {"unknown_language.json", 4, 23, "unknown language code \"xx\"; use a language code such as \"en\""},
    {"text_in_other_language.json", 12, 87,
     "language \"fr\" is not one of the survey's in \"prompt\"; the survey's languages are: en, de"},
    {"one_language_text.json", 13, 96, "\"label\" is in one language only; give it in each of the survey's languages"},
    {"language_and_languages.json", 5, 16, "give either \"language\" (one) or \"languages\" (several), not both"},
    {"team_without_id.json", 4, 58, "team is missing the required field \"id\""},
    {"duplicate_team_id.json", 4, 50, "duplicate team \"Sales\" (first used at 4:21)"},
    // Survey and steps
    {"version_zero.json", 3, 14, "\"version\" must be 1 or higher, found 0"},
    {"version_fraction.json", 3, 14, "\"version\": expected a whole number, found 1.5"},
    {"huge_integer.json", 3, 14, "\"version\" is too large, found 123456789012345678901234567890"},
    {"no_steps.json", 5, 12, "the survey has no steps"},
    {"no_questions.json", 10, 20, "step \"main\" has no questions"},
    {"anonymity_below_floor.json", 5, 52, "\"min_group_text\" must be at least 3"},
    // Modules and kinds
    {"unknown_module.json", 8, 17, "unknown module \"stakeholder_map\""},
    {"kind_not_accepted.json", 11, 31,
     "module \"diagnostic_signs\" does not accept \"choice\" questions; it accepts: scale, text"},
    {"unknown_kind.json", 11, 31, "unknown question kind \"slider\"; use one of: scale, text, choice"},
    // Scales
    {"scale_min_not_below_max.json", 11, 68, "\"max\" (3) must be greater than \"min\" (3)"},
    {"scale_too_many_points.json", 11, 68, "a scale has at most 11 points; min 0 to max 11 makes 12"},
    {"scale_label_count.json", 11, 81, "the scale has 3 points (1 to 3) but 2 labels"},
    {"scale_empty_label.json", 11, 89, "a scale label must not be empty"},
    {"unknown_named_scale.json", 12, 49, "unknown scale \"frequncy\"; the survey's \"scales\" are: frequency"},
    // Kind-specific limits
    {"choice_one_option.json", 11, 76, "a multi_choice question needs at least 2 options, found 1"},
    {"allocation_total_zero.json", 11, 73, "\"total\" must be from 1 to 1000, found 0"},
    {"allocation_total_too_big.json", 11, 73, "\"total\" must be from 1 to 1000, found 1001"},
    {"text_max_length.json", 11, 70, "\"max_length\" must be from 1 to 2000, found 5000"},
};

class SurveyCorpus : public ::testing::TestWithParam<Expected> {};

TEST_P(SurveyCorpus, ReportsTheProblemWhereItIs) {
    const Expected& expected = GetParam();
    const fs::path path = kCorpusDir / expected.file;
    ASSERT_TRUE(fs::exists(path)) << path;
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(path, catalog);

    EXPECT_FALSE(result.ok());
    EXPECT_FALSE(result.survey.has_value());
    ASSERT_EQ(result.diagnostics.size(), 1u) << formatAll(result);
    const Diagnostic& diagnostic = result.diagnostics.front();
    EXPECT_EQ(diagnostic.file, path.string());
    EXPECT_EQ(diagnostic.location.line, expected.line) << diagnostic.format();
    EXPECT_EQ(diagnostic.location.column, expected.column) << diagnostic.format();
    EXPECT_THAT(diagnostic.message, HasSubstr(expected.message));
    const std::string prefix =
        path.string() + ":" + std::to_string(expected.line) + ":" + std::to_string(expected.column) + ": ";
    EXPECT_EQ(diagnostic.format().substr(0, prefix.size()), prefix);
    EXPECT_EQ(catalog.checkedSteps, 0) << "module checks run only on a clean file";
}

INSTANTIATE_TEST_SUITE_P(SurveyFiles, SurveyCorpus, ::testing::ValuesIn(kCorpus),
                         [](const ::testing::TestParamInfo<Expected>& param) {
                             std::string name = fs::path(param.param.file).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(SurveyCorpusFiles, EveryFileInTheCorpusHasAnExpectation) {
    size_t files = 0;
    for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
        ++files;
        const std::string name = entry.path().filename().string();
        const bool listed = std::any_of(std::begin(kCorpus), std::end(kCorpus),
                                        [&](const Expected& expected) { return name == expected.file; });
        EXPECT_TRUE(listed) << name << " has no expectation in kCorpus";
    }
    EXPECT_EQ(files, std::size(kCorpus));
}

// [SECTION] Several problems, all reported -------------------------------------------------------------------------

TEST(SurveyLoader, ReportsEveryProblemInOneFileInFileOrder) {
    const std::string text = R"({
  "id": "Bad Id",
  "version": 0,
  "title": "  ",
  "colour": "blue",
  "steps": [
    { "id": "a", "module": "nope", "title": "A", "questions": [
      { "id": "q", "kind": "text", "prompt": "Say", "max_length": 0, "requird": false },
      { "id": "q", "kind": "choice", "prompt": "Pick", "options": [ { "id": "x", "label": "X" } ] }
    ] },
    { "id": "a", "title": "B", "questions": [] }
  ]
})";
    FakeCatalog catalog;
    const SurveyLoadResult result = parseSurvey(text, "multi.json", catalog);
    ASSERT_FALSE(result.ok());

    const std::vector<std::string> expected = {
        "multi.json:2:9: \"id\" must use only lowercase letters",
        "multi.json:3:14: \"version\" must be 1 or higher, found 0",
        "multi.json:4:12: \"title\" must not be empty or only spaces",
        "multi.json:5:3: unknown field \"colour\" in the survey",
        "multi.json:7:28: unknown module \"nope\"",
        "multi.json:8:67: \"max_length\" must be from 1 to 2000, found 0",
        "multi.json:8:70: unknown field \"requird\" in question \"q\"; did you mean \"required\"?",
        "multi.json:9:15: duplicate question id \"q\" (first used at 8:15)",
        "multi.json:9:67: a choice question needs at least 2 options, found 1",
        "multi.json:11:5: step \"a\" is missing the required field \"module\"",
        "multi.json:11:13: duplicate step id \"a\" (first used at 7:13)",
        "multi.json:11:45: step \"a\" has no questions",
    };
    ASSERT_EQ(result.diagnostics.size(), expected.size()) << formatAll(result);
    for (size_t i = 0; i < expected.size(); ++i)
        EXPECT_THAT(result.diagnostics[i].format(), HasSubstr(expected[i])) << "diagnostic " << i;
}

TEST(SurveyLoader, CountsColumnsInCharactersNotBytes) {
    const std::string text = "{\"id\": \"s\", \"version\": 1, \"title\": \"Grüße\", \"steps\": 5}";
    FakeCatalog catalog;
    const SurveyLoadResult result = parseSurvey(text, "utf8.json", catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u) << formatAll(result);
    // "Grüße" is 5 characters but 7 bytes; "steps" starts at character 45, its value at 54.
    EXPECT_EQ(result.diagnostics[0].format(), "utf8.json:1:54: \"steps\": expected an array, found a number");
}

TEST(SurveyLoader, ShowsTextFromTheFileOnOneShortLine) {
    const std::string key = "bad\\nkey\\u0007" + std::string(500, 'x');
    const std::string text = R"({"id": "s", "version": 1, "title": "T", "steps": [], ")" + key + R"(": 1})";
    FakeCatalog catalog;
    const SurveyLoadResult result = parseSurvey(text, "long.json", catalog);
    ASSERT_EQ(result.diagnostics.size(), 2u) << formatAll(result);
    const std::string line = result.diagnostics[1].format();
    EXPECT_THAT(line, HasSubstr("unknown field \"bad\\nkey\\u0007xxxx"));
    EXPECT_THAT(line, HasSubstr("xxx...\" in the survey \"s\"; fields allowed here: id, version"));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_LT(line.size(), 250u);
}

// [SECTION] Module checks -------------------------------------------------------------------------------------------

const char* kTwoQuestionSurvey = R"({
  "id": "s", "version": 1, "title": "T",
  "steps": [
    { "id": "signs", "module": "diagnostic_signs", "title": "Signs",
      "questions": [
        { "id": "a", "kind": "scale", "scale": { "min": 1, "max": 3, "labels": ["1", "2", "3"] }, "prompt": "A?" },
        { "id": "b", "kind": "text", "prompt": "B?",
          "attributes": { "group": "nonsense" } }
      ] }
  ]
})";

TEST(SurveyModuleChecks, MapProblemsToTheFieldTheQuestionOrTheStep) {
    FakeCatalog catalog;
    catalog.check = [](const Step& step) {
        EXPECT_EQ(step.moduleLocation.line, 4u);
        EXPECT_EQ(step.moduleLocation.column, 32u);
        return std::vector<ModuleContentProblem>{
            {1, "attributes", "unknown group"},
            {1, "attributes.group", "group must be signal"},
            {0, "scale", "needs 5 points"},
            {0, "no_such_field", "falls back to the question"},
            {ModuleContentProblem::kWholeStep, "", "needs a signal"},
            {7, "prompt", "index out of range falls back to the step"},
        };
    };
    const SurveyLoadResult result = parseSurvey(kTwoQuestionSurvey, "m.json", catalog);
    EXPECT_FALSE(result.ok());
    EXPECT_FALSE(result.survey.has_value());
    const std::vector<std::string> expected = {
        "m.json:4:5: module \"diagnostic_signs\": needs a signal",
        "m.json:4:5: module \"diagnostic_signs\": index out of range falls back to the step",
        "m.json:6:9: module \"diagnostic_signs\": falls back to the question",
        "m.json:6:48: module \"diagnostic_signs\": needs 5 points",
        "m.json:8:25: module \"diagnostic_signs\": unknown group",
        "m.json:8:36: module \"diagnostic_signs\": group must be signal",
    };
    ASSERT_EQ(result.diagnostics.size(), expected.size()) << formatAll(result);
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(result.diagnostics[i].format(), expected[i]);
}

TEST(SurveyModuleChecks, AThrowingModuleCheckBecomesADiagnostic) {
    FakeCatalog catalog;
    catalog.check = [](const Step&) -> std::vector<ModuleContentProblem> { throw std::runtime_error("boom"); };
    const SurveyLoadResult result = parseSurvey(kTwoQuestionSurvey, "m.json", catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].format(),
              "m.json:4:5: module \"diagnostic_signs\": failed while checking this step: boom");
}

TEST(SurveyModuleChecks, ACatalogThatRejectsAKindPointsAtTheKind) {
    FakeCatalog catalog;
    catalog.m_kinds["diagnostic_signs"] = kinds({QuestionKind::Scale});
    const SurveyLoadResult result = parseSurvey(kTwoQuestionSurvey, "m.json", catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u) << formatAll(result);
    EXPECT_EQ(result.diagnostics[0].format(),
              "m.json:7:30: module \"diagnostic_signs\" does not accept \"text\" questions; it accepts: scale");
    EXPECT_EQ(catalog.checkedSteps, 0);
}

// [SECTION] Reading with cereal ------------------------------------------------------------------------------------

TEST(SurveyLoader, ReadsEveryKindWithDefaultsAndScalesDefinedAfterUse) {
    const std::string text = R"({
  "steps": [
    { "title": "All kinds", "module": "everything", "id": "all", "intro": "Hello",
      "questions": [
        { "kind": "scale", "id": "named", "scale": "agree", "prompt": "Agree?", "help": "Be honest" },
        { "id": "inline", "kind": "scale", "prompt": "Rate", "required": false,
          "scale": { "labels": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], "max": 10, "min": 0 } },
        { "id": "free", "kind": "text", "prompt": "Why?" },
        { "id": "pick", "kind": "choice", "prompt": "Pick", "attributes": {},
          "options": [ { "id": "a", "label": "A" }, { "label": "B", "id": "b" } ] },
        { "id": "many", "kind": "multi_choice", "prompt": "Pick some",
          "options": [ { "id": "a", "label": "A" }, { "id": "b", "label": "B" }, { "id": "c", "label": "C" } ] },
        { "id": "split", "kind": "allocation", "prompt": "Split", "total": 10,
          "options": [ { "id": "a", "label": "A" }, { "id": "b", "label": "B" } ] },
        { "id": "share", "kind": "percent", "prompt": "Share?", "attributes": { "unit": "%", "b": "two" } }
      ] }
  ],
  "scales": { "agree": { "min": -2, "max": 2, "labels": ["No!", "No", "Maybe", "Yes", "Yes!"] } },
  "title": "Kinds", "version": 7, "id": "kinds"
})";
    FakeCatalog catalog;
    const SurveyLoadResult result = parseSurvey("\xEF\xBB\xBF" + text, "kinds.json", catalog);
    ASSERT_TRUE(result.ok()) << formatAll(result);
    const Survey& survey = *result.survey;
    EXPECT_EQ(survey.version, 7u);
    EXPECT_EQ(survey.language, "en");
    EXPECT_TRUE(survey.teams.empty());
    ASSERT_EQ(survey.steps.size(), 1u);
    const Step& step = survey.steps[0];
    EXPECT_EQ(step.intro, "Hello");
    ASSERT_EQ(step.questions.size(), 7u);

    const Question& named = step.questions[0];
    EXPECT_EQ(named.kind, QuestionKind::Scale);
    EXPECT_EQ(named.scaleName, "agree");
    EXPECT_EQ(named.scaleMin, -2);
    EXPECT_EQ(named.scaleMax, 2);
    EXPECT_EQ(named.scaleLabels.size(), 5u);
    EXPECT_EQ(named.help, "Be honest");
    EXPECT_TRUE(named.required);

    const Question& inlineScale = step.questions[1];
    EXPECT_TRUE(inlineScale.scaleName.empty());
    EXPECT_EQ(inlineScale.scaleMin, 0);
    EXPECT_EQ(inlineScale.scaleMax, 10);
    EXPECT_EQ(inlineScale.scaleLabels.back(), "10");
    EXPECT_FALSE(inlineScale.required);

    EXPECT_EQ(step.questions[2].kind, QuestionKind::Text);
    EXPECT_EQ(step.questions[2].maxLength, 280u);
    EXPECT_EQ(step.questions[3].kind, QuestionKind::Choice);
    ASSERT_EQ(step.questions[3].options.size(), 2u);
    EXPECT_EQ(step.questions[3].options[1].id, "b");
    EXPECT_EQ(step.questions[3].options[1].label, "B");
    EXPECT_EQ(step.questions[4].kind, QuestionKind::MultiChoice);
    EXPECT_EQ(step.questions[4].options.size(), 3u);
    EXPECT_EQ(step.questions[5].kind, QuestionKind::Allocation);
    EXPECT_EQ(step.questions[5].total, 10u);
    EXPECT_EQ(step.questions[6].kind, QuestionKind::Percent);
    EXPECT_EQ(step.questions[6].attributes, (std::map<std::string, std::string>{{"b", "two"}, {"unit", "%"}}));

    // Locations survive the byte order mark: line 1 column 1 is the first character after it.
    EXPECT_EQ(step.location.line, 3u);
    EXPECT_EQ(step.location.column, 5u);
    EXPECT_EQ(step.questions[6].fieldLocations.at("attributes.b").line, 15u);
}

// [SECTION] Files and hostile input ---------------------------------------------------------------------------------

TEST(SurveyLoader, AMissingFileIsADiagnosticWithoutLocation) {
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(kCorpusDir / "does-not-exist.json", catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].location.line, 0u);
    EXPECT_EQ(result.diagnostics[0].format(),
              (kCorpusDir / "does-not-exist.json").string() + ": cannot read file: No such file or directory");
}

TEST(SurveyLoader, ADirectoryIsNotASurvey) {
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(kCorpusDir, catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].format(), kCorpusDir.string() + ": cannot read file: Is a directory");
}

TEST(SurveyLoader, RefusesAFifoInsteadOfWaitingForAWriter) {
    const fs::path path =
        fs::temp_directory_path() / ("alignkiosk-fifo-" + std::to_string(std::random_device{}()) + ".json");
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(path, catalog);
    fs::remove(path);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].format(), path.string() + ": cannot read file: not a regular file");
}

TEST(SurveyLoader, RefusesFilesLargerThanTheLimitBeforeParsing) {
    const fs::path path =
        fs::temp_directory_path() / ("alignkiosk-large-" + std::to_string(std::random_device{}()) + ".json");
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(kMaxSurveyFileBytes + 1, ' ');
    }
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey(path, catalog);
    fs::remove(path);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].location.line, 0u);
    EXPECT_THAT(result.diagnostics[0].format(), HasSubstr(": the file is too large"));

    const SurveyLoadResult fromText = parseSurvey(std::string(kMaxSurveyFileBytes + 1, ' '), "big.json", catalog);
    ASSERT_EQ(fromText.diagnostics.size(), 1u);
    EXPECT_THAT(fromText.diagnostics[0].format(), HasSubstr("big.json: the file is too large"));
}

TEST(SurveyLoader, ReadsADeviceThatNeverEndsOnlyUpToTheLimit) {
    FakeCatalog catalog;
    const SurveyLoadResult result = loadSurvey("/dev/zero", catalog);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_THAT(result.diagnostics[0].format(), HasSubstr("/dev/zero: the file is too large"));
}

// Every prefix of the bundled file, and thousands of random byte edits of it: each must produce either a survey or
// diagnostics, never a throw, a crash or an "internal error" (a file that passed validation but did not load).
TEST(SurveyLoader, NeverThrowsOrDisagreesWithItselfOnMangledInput) {
    const std::string original = readFile(kBundledSurvey);
    ASSERT_FALSE(original.empty());
    FakeCatalog catalog;
    const auto check = [&](const std::string& text) {
        SurveyLoadResult result;
        EXPECT_NO_THROW(result = parseSurvey(text, "fuzz.json", catalog));
        EXPECT_EQ(result.ok(), result.survey.has_value());
        EXPECT_EQ(result.ok(), result.diagnostics.empty());
        for (const Diagnostic& diagnostic : result.diagnostics)
            EXPECT_THAT(diagnostic.message, ::testing::Not(HasSubstr("internal error"))) << diagnostic.format();
    };
    for (size_t length = 0; length < original.size(); length += 7) check(original.substr(0, length));

    std::mt19937 random(20261122);
    static constexpr char kAlphabet[] = "{}[]\",:0123456789.-eE tfn\\u\n\0\xff\xc3";
    const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
    for (int round = 0; round < 3000; ++round) {
        std::string text = original;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int edit = 0; edit < edits; ++edit) {
            const size_t at = random() % text.size();
            const char c = alphabet[random() % alphabet.size()];
            switch (random() % 3) {
            case 0: text[at] = c; break;
            case 1: text.insert(at, 1, c); break;
            default: text.erase(at, 1); break;
            }
        }
        check(text);
    }
}

} // namespace
} // namespace alignkiosk::core
