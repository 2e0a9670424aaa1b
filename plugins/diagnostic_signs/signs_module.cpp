#include "signs_module.h"

#include "signs_report.h"

#include "signs_panel.h"
#include "signs_scoring.h"

#include <alignkiosk/touch_ui.hpp>

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <span>
#include <stdexcept>
#include <string_view>

namespace alignkiosk::plugins::diagnostic_signs {

using namespace sdk::touch;

namespace {

std::string_view trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return text.substr(first, last - first + 1);
}

} // namespace

// ---- SignsModule --------------------------------------------------------------------------------------------------

SignsModule::SignsModule(const sdk::StepView& step) : m_words(step.language()) {
    std::vector<size_t> signals, metrics, customerChange;
    for (uint32_t index = 0; index < step.questionCount(); ++index) {
        const sdk::QuestionView question = step.question(index);
        const std::optional<Group> group = groupOf(question);
        if (!group) throw std::invalid_argument("question " + std::to_string(index) + " has no known group");
        std::vector<size_t>& page =
            *group == Group::Signal ? signals : *group == Group::Metric ? metrics : customerChange;
        page.push_back(m_items.size());
        m_items.push_back(Item{question, *group, std::nullopt, {}});
        if (*group == Group::CustomerChange) continue; // the open sentence is never scored

        ScoredItem scored;
        scored.questionId = std::string(question.id());
        scored.role = *group == Group::Signal ? ItemRole::Signal : ItemRole::Metric;
        scored.name = displayName(question.attribute(kLabelAttribute), question.prompt());
        scored.checkFirst = std::string(trimmed(question.attribute(kCheckFirstAttribute)));
        scored.pointCount = question.scaleMax() - question.scaleMin() + 1;
        m_scored.push_back(std::move(scored));
    }
    // At most kQuestionsPerPage per page: two scale questions fit a laptop window and a touchscreen without
    // scrolling, which a finger cannot do in ImGui.
    for (const std::vector<size_t>* group : {&signals, &metrics, &customerChange})
        for (size_t first = 0; first < group->size(); first += kQuestionsPerPage)
            m_pages.emplace_back(group->begin() + static_cast<std::ptrdiff_t>(first),
                                 group->begin() + static_cast<std::ptrdiff_t>(
                                                      std::min(group->size(), first + kQuestionsPerPage)));
    if (m_pages.empty()) throw std::invalid_argument("the step has no questions");
}

void SignsModule::reset() {
    for (Item& item : m_items) {
        item.point.reset();
        item.text.clear();
        item.text.shrink_to_fit(); // the sentence should not linger in freed-but-owned memory either
    }
    ++m_generation;
}

uint32_t SignsModule::pageCount() const { return static_cast<uint32_t>(m_pages.size()); }

bool SignsModule::answered(const Item& item) const {
    if (item.question.kind() == ALIGNKIOSK_QUESTION_TEXT) return !isBlank(item.text);
    return item.point.has_value();
}

bool SignsModule::pageComplete(uint32_t page) const {
    if (page >= m_pages.size()) return false;
    return std::all_of(m_pages[page].begin(), m_pages[page].end(), [this](size_t index) {
        const Item& item = m_items[index];
        return !item.question.required() || answered(item);
    });
}

void SignsModule::drawPage(uint32_t page, const alignkiosk_frame_v1& frame) {
    if (page >= m_pages.size()) throw std::out_of_range("page " + std::to_string(page) + " does not exist");
    const Look look = lookFor(frame);

    ImGui::PushID(m_generation);
    bool first = true;
    for (const size_t index : m_pages[page]) {
        Item& item = m_items[index];
        if (!first) ImGui::Dummy(ImVec2(0.0f, 28.0f * look.scale));
        first = false;

        ImGui::PushID(static_cast<int>(index));
        questionHeader(item.question.prompt(), item.question.help(), look);
        ImGui::Dummy(ImVec2(0.0f, 6.0f * look.scale));
        if (item.question.kind() == ALIGNKIOSK_QUESTION_TEXT)
            drawText(item, frame);
        else
            drawScale(item, frame);
        ImGui::PopID();
    }
    ImGui::PopID();
}

void SignsModule::drawScale(Item& item, const alignkiosk_frame_v1& frame) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    const sdk::QuestionView& question = item.question;
    const int scaleMin = question.scaleMin();
    const int points = std::max(question.scaleMax() - scaleMin + 1, 1);

    // One row across the width. Only when a button would get narrower than a fingertip or than its longest word
    // do the buttons wrap, into rows of (nearly) equal length.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float available = std::max(ImGui::GetContentRegionAvail().x, look.touchTarget);
    const float textInset = style.FramePadding.x; // between a label and its button's edge
    float longestWord = 0.0f;
    for (int i = 0; i < points; ++i)
        longestWord = std::max(longestWord, longestWordWidth(question.scaleLabel(scaleMin + i)));
    const float narrowest = std::max(look.touchTarget, longestWord + 2.0f * textInset);
    int columns = points;
    while (columns > 1 &&
           (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns) < narrowest)
        --columns;
    const int rows = (points + columns - 1) / columns;
    columns = (points + rows - 1) / rows;
    const float width = (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);

    // Every button in the row is as tall as the tallest wrapped label needs, and never below a touch target.
    size_t mostLines = 1;
    for (int i = 0; i < points; ++i)
        mostLines = std::max(mostLines, choiceLines(question.scaleLabel(scaleMin + i), width, textInset).size());
    const float height = std::max(look.touchTarget, ImGui::GetFontSize() * static_cast<float>(mostLines) +
                                                        2.0f * (style.FramePadding.y + 6.0f * look.scale));

    for (int i = 0; i < points; ++i) {
        const int point = scaleMin + i;
        if (i % columns != 0) ImGui::SameLine(0.0f, gap);
        ImGui::PushID(point);
        // Tapping the chosen point again simply chooses it again: nobody un-answers by accident.
        if (choiceButton("##point", question.scaleLabel(point), ImVec2(width, height), item.point == point, look,
                         textInset))
            item.point = point;
        ImGui::PopID();
    }
}

void SignsModule::drawText(Item& item, const alignkiosk_frame_v1& frame) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    const float height =
        std::max(look.touchTarget * 2.0f, ImGui::GetTextLineHeight() * 5.0f + 2.0f * ImGui::GetStyle().FramePadding.y);
    sentenceBox("##sentence", item.text, item.question.maxLength(), ImVec2(-FLT_MIN, height));
}

std::string SignsModule::answerJson() const {
    sdk::AnswerWriter writer;
    for (const Item& item : m_items) {
        if (!answered(item)) continue;
        if (item.question.kind() == ALIGNKIOSK_QUESTION_TEXT)
            writer.text(item.question.id(), trimmed(item.text));
        else
            writer.integer(item.question.id(), *item.point);
    }
    return writer.finish();
}

std::vector<sdk::Finding> SignsModule::score(const sdk::AggregateView& aggregate) const {
    std::vector<SignFinding> findings = scoreAggregate(m_scored, aggregate.raw(), m_words);
    std::vector<sdk::Finding> result;
    result.reserve(findings.size());
    for (SignFinding& finding : findings)
        result.push_back(sdk::Finding{std::move(finding.questionId), finding.level, finding.share,
                                      std::move(finding.headline), std::move(finding.action)});
    return result;
}

std::vector<PanelGroup> SignsModule::panelGroups(const std::vector<sdk::AggregateView>& groups) const {
    std::vector<PanelGroup> panel;
    panel.reserve(groups.size());
    for (const sdk::AggregateView& group : groups)
        panel.push_back(PanelGroup{std::string(group.groupLabel()), group.responseCount(),
                                   scoreAggregate(m_scored, group.raw(), m_words)});
    return panel;
}

bool SignsModule::drawDashboardPanel(const std::vector<sdk::AggregateView>& groups, const alignkiosk_frame_v1& frame) {
    diagnostic_signs::drawPanel(panelGroups(groups), frame, m_words); // the free function of signs_panel.h
    return true;
}

bool SignsModule::writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const {
    diagnostic_signs::writeReport(panelGroups(input.groups), report, m_words); // the free function of signs_report.h
    return true;
}

} // namespace alignkiosk::plugins::diagnostic_signs
