// The open answers: only what the model carries (groups at or above the text threshold, already shuffled), one block
// per question and group. When there are none, say which threshold keeps them back.
#include "dashboard.h"

#include <algorithm>

namespace alignkiosk::ui {

namespace {

// A projector shows a few dozen answers at most; the rest of a very large group stays a click away.
constexpr std::size_t kAnswersShown = 60;

} // namespace

void Dashboard::drawTexts(const Look& look) {
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    sectionTitle(look, tr("dash_open_answers"), width, m_textsNote);
    if (m_textQuestions.empty()) {
        ImGui::Dummy(ImVec2(0.0f, 20.0f * scale));
        wrapped(m_textsEmpty, width, look.heading, look.palette.text);
        return;
    }
    const float pad = 20.0f * scale;
    for (std::size_t q = 0; q < m_textQuestions.size(); ++q) {
        const TextQuestion& question = m_textQuestions[q];
        ImGui::PushID(static_cast<int>(q));
        ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));
        wrapped(question.prompt, width, look.heading, look.palette.text);
        for (std::size_t index : question.answers) {
            const core::TextAnswers& answers = m_model->texts[index];
            ImGui::PushID(static_cast<int>(index));
            ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));
            wrapped(tr("dash_texts_count", {{"group", groupName(answers.group)},
                                            {"count", static_cast<int64_t>(answers.answers.size())}}),
                    width, nullptr, look.palette.accent);
            const bool all = m_picture || m_expandedTexts.count(index) > 0; // a picture has no Show all to press
            const std::size_t shown = all ? answers.answers.size() : std::min(answers.answers.size(), kAnswersShown);
            ImGui::Indent(pad);
            for (std::size_t a = 0; a < shown; ++a) {
                ImGui::Bullet();
                ImGui::SameLine();
                wrapped(answers.answers[a], ImGui::GetContentRegionAvail().x, nullptr, look.palette.text);
            }
            if (shown < answers.answers.size() &&
                ImGui::Button(tr("dash_show_all", {{"count", static_cast<int64_t>(answers.answers.size())}}).c_str()))
                m_expandedTexts.insert(index);
            ImGui::Unindent(pad);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
}

} // namespace alignkiosk::ui
