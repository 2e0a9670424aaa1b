// hello_module: one choice question, one big button per option. Everything a module needs and nothing more:
// a Module class (draw, complete, answer, reset), a ModuleDefinition (id, version, kinds, validate, create) and
// ALIGNKIOSK_PLUGIN. The survey file gives the wording; this code only gives the behaviour.
#include <alignkiosk/plugin.hpp>
#include <alignkiosk/touch_ui.hpp>

#include <algorithm>
#include <string>

namespace {

namespace sdk = alignkiosk::sdk;
namespace touch = alignkiosk::sdk::touch;

class HelloModule final : public sdk::Module {
public:
    explicit HelloModule(const sdk::StepView& step) : m_question(step.question(0)) {}

    void reset() override { m_chosen = kNone; }

    void drawPage(uint32_t, const alignkiosk_frame_v1& frame) override {
        // The host made the shared ImGui context current and began a window the size of the content area.
        const touch::Look look = touch::lookFor(frame); // the frame's fonts, scale, touch size and accent
        touch::questionHeader(m_question.prompt(), m_question.help(), look);
        ImGui::Spacing();
        touch::FontScope body(look.body);

        // Buttons as wide as the window and never smaller than a comfortable tap; the chosen one in the accent.
        const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(look.touchTarget, 64.0f * look.scale));
        for (uint32_t i = 0; i < m_question.optionCount(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (touch::choiceButton("##option", m_question.optionLabel(i), size, m_chosen == i, look)) m_chosen = i;
            ImGui::PopID();
        }
    }

    bool pageComplete(uint32_t) const override { return m_chosen != kNone || !m_question.required(); }

    // {"answers": {"<question id>": "<option id>"}}; an unanswered optional question is simply left out.
    std::string answerJson() const override {
        sdk::AnswerWriter answers;
        if (m_chosen != kNone) answers.text(m_question.id(), m_question.optionId(m_chosen));
        return answers.finish();
    }

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    sdk::QuestionView m_question; // points into the host's content, valid for this instance's life
    uint32_t m_chosen = kNone;
};

// The host already checked the generic shape (ids, prompts, a choice has options); check what this module needs.
void validate(const sdk::StepView& step, sdk::ContentErrors& errors) {
    if (step.questionCount() != 1) {
        errors.reportStep("hello_module shows exactly one question, this step has " +
                          std::to_string(step.questionCount()));
        return;
    }
    if (step.question(0).optionCount() < 2) errors.report(0, "options", "give at least two options to choose from");
    if (step.question(0).optionCount() > 6) errors.report(0, "options", "more than six buttons will not fit");
}

std::vector<sdk::ModuleDefinition> definitions() {
    sdk::ModuleDefinition hello;
    hello.id = "hello_module";
    hello.version = "1.0.0";
    hello.name = "Hello";
    hello.description = "One choice question, answered with one tap on a big button.";
    hello.acceptedKinds = sdk::kindBit(ALIGNKIOSK_QUESTION_CHOICE);
    hello.validate = validate;
    // The kiosk only creates modules for content that passed validate; checking again costs one line.
    hello.create = [](const sdk::StepView& step) -> std::unique_ptr<sdk::Module> {
        if (step.questionCount() != 1) return nullptr;
        return std::make_unique<HelloModule>(step);
    };
    return {hello};
}

} // namespace

ALIGNKIOSK_PLUGIN(definitions);
