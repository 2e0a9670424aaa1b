#include "plugin_host/step_content_buffer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

using alignkiosk::core::Question;
using alignkiosk::core::QuestionKind;
using alignkiosk::core::Step;
using alignkiosk::plugin_host::StepContentBuffer;

std::string str(const char* text) { return text ? std::string(text) : std::string("<NULL>"); }

Step fullStep() {
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    step.title = "Signs";
    step.intro = "How often do you see these?";

    Question scale;
    scale.id = "decisions";
    scale.kind = QuestionKind::Scale;
    scale.prompt = "Decisions ignore the mission";
    scale.help = "Think of the last month.";
    scale.required = false;
    scale.scaleMin = 0;
    scale.scaleMax = 2;
    scale.scaleLabels = {"never", "sometimes", "always"};
    scale.attributes = {{"check_first", "the budget"}, {"group", "decisions"}};

    Question allocation;
    allocation.id = "effort";
    allocation.kind = QuestionKind::Allocation;
    allocation.prompt = "Where does the effort go?";
    allocation.options = {{"growth", "Growth"}, {"care", "Care"}};
    allocation.total = 10;

    Question text;
    text.id = "story";
    text.kind = QuestionKind::Text;
    text.prompt = "One example";
    text.maxLength = 140;

    step.questions = {scale, allocation, text};
    return step;
}

TEST(StepContentBuffer, KeepsEveryField) {
    const StepContentBuffer buffer(fullStep(), "de-CH");
    const alignkiosk_step_content_v1& content = buffer.content();

    EXPECT_EQ(content.struct_size, sizeof(alignkiosk_step_content_v1));
    EXPECT_EQ(str(content.step_id), "signs");
    EXPECT_EQ(str(content.title), "Signs");
    EXPECT_EQ(str(content.intro), "How often do you see these?");
    EXPECT_EQ(str(content.language), "de-CH");
    ASSERT_EQ(content.question_count, 3u);

    const alignkiosk_question_v1& scale = content.questions[0];
    EXPECT_EQ(scale.struct_size, sizeof(alignkiosk_question_v1));
    EXPECT_EQ(str(scale.id), "decisions");
    EXPECT_EQ(scale.kind, static_cast<uint32_t>(ALIGNKIOSK_QUESTION_SCALE));
    EXPECT_EQ(str(scale.prompt), "Decisions ignore the mission");
    EXPECT_EQ(str(scale.help), "Think of the last month.");
    EXPECT_FALSE(scale.required);
    EXPECT_EQ(scale.scale_min, 0);
    EXPECT_EQ(scale.scale_max, 2);
    ASSERT_EQ(scale.scale_label_count, 3u);
    EXPECT_EQ(str(scale.scale_labels[0]), "never");
    EXPECT_EQ(str(scale.scale_labels[1]), "sometimes");
    EXPECT_EQ(str(scale.scale_labels[2]), "always");
    ASSERT_EQ(scale.attribute_count, 2u);
    EXPECT_EQ(str(scale.attributes[0].key), "check_first");
    EXPECT_EQ(str(scale.attributes[0].value), "the budget");
    EXPECT_EQ(str(scale.attributes[1].key), "group");
    EXPECT_EQ(str(scale.attributes[1].value), "decisions");
    EXPECT_EQ(scale.option_count, 0u);

    const alignkiosk_question_v1& allocation = content.questions[1];
    EXPECT_EQ(allocation.kind, static_cast<uint32_t>(ALIGNKIOSK_QUESTION_ALLOCATION));
    EXPECT_TRUE(allocation.required);
    EXPECT_EQ(allocation.total, 10u);
    ASSERT_EQ(allocation.option_count, 2u);
    EXPECT_EQ(str(allocation.options[0].id), "growth");
    EXPECT_EQ(str(allocation.options[0].label), "Growth");
    EXPECT_EQ(str(allocation.options[1].id), "care");
    EXPECT_EQ(str(allocation.options[1].label), "Care");

    const alignkiosk_question_v1& text = content.questions[2];
    EXPECT_EQ(text.kind, static_cast<uint32_t>(ALIGNKIOSK_QUESTION_TEXT));
    EXPECT_EQ(text.max_length, 140u);
}

TEST(StepContentBuffer, TheAbi13ViewKeepsEveryFieldBehindItsAccessors) {
    const StepContentBuffer buffer(fullStep(), "de-CH");
    const alignkiosk_step_content_v2& content = buffer.contentV2();

    EXPECT_EQ(content.struct_size, sizeof(alignkiosk_step_content_v2));
    EXPECT_EQ(str(content.step_id), "signs");
    EXPECT_EQ(str(content.title), "Signs");
    EXPECT_EQ(str(content.intro), "How often do you see these?");
    EXPECT_EQ(str(content.language), "de-CH");
    ASSERT_EQ(content.question_count(&content), 3u);
    EXPECT_EQ(content.question_get(&content, 3), nullptr);

    const alignkiosk_question_v2& scale = *content.question_get(&content, 0);
    EXPECT_EQ(scale.struct_size, sizeof(alignkiosk_question_v2));
    EXPECT_EQ(str(scale.id), "decisions");
    EXPECT_EQ(scale.kind, static_cast<uint32_t>(ALIGNKIOSK_QUESTION_SCALE));
    EXPECT_EQ(str(scale.prompt), "Decisions ignore the mission");
    EXPECT_EQ(str(scale.help), "Think of the last month.");
    EXPECT_FALSE(scale.required);
    EXPECT_EQ(scale.scale_min, 0);
    EXPECT_EQ(scale.scale_max, 2);
    ASSERT_EQ(scale.scale_label_count, 3u);
    EXPECT_EQ(str(scale.scale_labels[2]), "always");
    ASSERT_EQ(scale.attribute_count(&scale), 2u);
    const alignkiosk_key_value_v2* first = scale.attribute_get(&scale, 0);
    EXPECT_EQ(first->struct_size, sizeof(alignkiosk_key_value_v2));
    EXPECT_EQ(str(first->key), "check_first");
    EXPECT_EQ(str(first->value), "the budget");
    EXPECT_EQ(str(scale.attribute_get(&scale, 1)->key), "group");
    EXPECT_EQ(scale.attribute_get(&scale, 2), nullptr);
    EXPECT_EQ(scale.option_count(&scale), 0u);
    EXPECT_EQ(scale.option_get(&scale, 0), nullptr);

    const alignkiosk_question_v2& allocation = *content.question_get(&content, 1);
    EXPECT_EQ(allocation.kind, static_cast<uint32_t>(ALIGNKIOSK_QUESTION_ALLOCATION));
    EXPECT_EQ(allocation.total, 10u);
    ASSERT_EQ(allocation.option_count(&allocation), 2u);
    const alignkiosk_option_v2* care = allocation.option_get(&allocation, 1);
    EXPECT_EQ(care->struct_size, sizeof(alignkiosk_option_v2));
    EXPECT_EQ(str(care->id), "care");
    EXPECT_EQ(str(care->label), "Care");

    const alignkiosk_question_v2& text = *content.question_get(&content, 2);
    EXPECT_EQ(text.max_length, 140u);

    const StepContentBuffer noQuestions(Step{}, "en");
    EXPECT_EQ(noQuestions.contentV2().question_count(&noQuestions.contentV2()), 0u);
}

TEST(StepContentBuffer, EmptyTextIsEmptyNeverNullAndEmptyArraysAreNull) {
    Step step;
    step.id = "bare";
    Question question;
    question.id = "q";
    question.prompt = "?";
    step.questions = {question};
    const StepContentBuffer buffer(step, "en");
    const alignkiosk_step_content_v1& content = buffer.content();
    EXPECT_EQ(str(content.title), "");
    EXPECT_EQ(str(content.intro), "");
    const alignkiosk_question_v1& raw = content.questions[0];
    EXPECT_EQ(str(raw.help), "");
    EXPECT_EQ(raw.scale_labels, nullptr);
    EXPECT_EQ(raw.scale_label_count, 0u);
    EXPECT_EQ(raw.options, nullptr);
    EXPECT_EQ(raw.attributes, nullptr);
    EXPECT_EQ(raw.attribute_count, 0u);

    const StepContentBuffer noQuestions(Step{}, "en");
    EXPECT_EQ(noQuestions.content().questions, nullptr);
    EXPECT_EQ(noQuestions.content().question_count, 0u);
}

TEST(StepContentBuffer, UnknownLanguageIsUnd) {
    const StepContentBuffer buffer(fullStep(), "");
    EXPECT_EQ(str(buffer.content().language), "und");
}

TEST(StepContentBuffer, OutlivesTheStepItWasMadeFrom) {
    auto step = std::make_unique<Step>(fullStep());
    const StepContentBuffer buffer(*step, "en");
    step->questions[0].scaleLabels[0] = "changed";
    step.reset();
    EXPECT_EQ(str(buffer.content().questions[0].scale_labels[0]), "never");
    EXPECT_EQ(str(buffer.content().questions[1].options[1].label), "Care");
    EXPECT_EQ(buffer.step().id, "signs");
}

} // namespace
