// RapidJSON's assertion is one definition for the whole program (app/core/rapidjson_config.h): it throws the
// project's exception in every file, whether or not the file includes cereal. Built twice: in the core tests, and in
// alignkiosk_unoptimised_json_tests at -O0 with assertions on, linked together with the survey parsers, where the
// linker keeps one copy of each RapidJSON function for the whole program. There a file that got RapidJSON's own
// assert() used to hand its aborting copy to cereal's archive, and a valid survey with an inline scale aborted.
#include "core/answer_payload.h"
#include "core/survey_loader.h"

// Deliberately without cereal: this file must get the project's assertion all the same.
#include <rapidjson/document.h>

#include <gtest/gtest.h>

#if defined(ALIGNKIOSK_EXPECT_ASSERTIONS) && defined(NDEBUG)
#error "the unoptimised JSON tests must be built with assertions on (no NDEBUG)"
#endif

namespace alignkiosk::core {
namespace {

class AnyModule : public ModuleCatalog {
public:
    bool hasModule(const std::string&) const override { return true; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<ModuleContentProblem> checkContent(const Step&) const override { return {}; }
};

TEST(RapidJsonAssertion, ThrowsTheProjectExceptionInAFileWithoutCereal) {
    const rapidjson::Value number(5);
    EXPECT_THROW(static_cast<void>(number.GetString()), json::AssertionFailure);
    EXPECT_THROW(static_cast<void>(number.GetArray()), json::AssertionFailure);
}

TEST(RapidJsonAssertion, ValidSurveyWithInlineScaleLoads) {
    // An answer payload first, so RapidJSON's DOM is in use outside cereal in this program too.
    const auto answers = parseAnswerPayload(R"({"answers": {"q": "text", "r": 3}})");
    ASSERT_TRUE(answers.has_value());
    ASSERT_EQ(answers->size(), 2u);

    // The inline scale is the member the archive first tries to read as a scale's name: RapidJSON's assertion says
    // it is not a string, and the archive reads it as an object instead (survey_archive.cpp, loadIfString).
    const std::string text = R"({
  "id": "inline-scale", "version": 1, "title": "One question",
  "steps": [ { "id": "s", "module": "m", "title": "S", "questions": [
    { "id": "q", "kind": "scale", "prompt": "How well?",
      "scale": { "min": 1, "max": 3, "labels": ["Poorly", "Okay", "Well"] } } ] } ]
})";
    const SurveyLoadResult result = parseSurvey(text, "inline.json", AnyModule());
    ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].format());
    const Question& question = result.survey->steps.at(0).questions.at(0);
    EXPECT_TRUE(question.scaleName.empty());
    EXPECT_EQ(question.scaleMin, 1);
    EXPECT_EQ(question.scaleMax, 3);
    EXPECT_EQ(question.scaleLabels, (std::vector<std::string>{"Poorly", "Okay", "Well"}));
}

} // namespace
} // namespace alignkiosk::core
