#include "signs_module.h"

#include "signs_look.h"
#include "signs_panel.h"
#include "signs_scoring.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <string_view>

namespace alignkiosk::plugins::diagnostic_signs {

namespace {

// ---- Button labels wrapped and centred inside a button ----------------------------------------------------------

std::vector<std::string_view> wrapLines(std::string_view text, float wrapWidth) {
    std::vector<std::string_view> lines;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* cursor = text.data();
    const char* const end = text.data() + text.size();
    while (cursor < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, cursor, end, wrapWidth);
        if (lineEnd <= cursor) {
            // One glyph wider than the button: take it whole (a UTF-8 sequence) rather than loop forever.
            lineEnd = cursor + 1;
            while (lineEnd < end && (static_cast<unsigned char>(*lineEnd) & 0xC0) == 0x80) ++lineEnd;
        }
        std::string_view line(cursor, static_cast<size_t>(lineEnd - cursor));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.remove_suffix(1);
        lines.push_back(line);
        cursor = lineEnd;
        while (cursor < end && (*cursor == ' ' || *cursor == '\n')) ++cursor;
    }
    return lines;
}

float longestWordWidth(std::string_view text) {
    float widest = 0.0f;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

void drawCentredLines(ImDrawList* drawList, const std::vector<std::string_view>& lines, ImVec2 min, ImVec2 max,
                      ImU32 color) {
    const float lineHeight = ImGui::GetFontSize();
    float y = min.y + (max.y - min.y - lineHeight * static_cast<float>(lines.size())) * 0.5f;
    for (const std::string_view line : lines) {
        const float width = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
        const float x = min.x + (max.x - min.x - width) * 0.5f;
        drawList->AddText(ImVec2(x, y), color, line.data(), line.data() + line.size());
        y += lineHeight;
    }
}

// ---- The open sentence's byte limit -------------------------------------------------------------------------------

// ImGui's std::string InputText grows without bound; this edit callback removes whatever an edit added beyond the
// limit (the characters just before the cursor, i.e. the ones just typed or pasted), on a UTF-8 boundary.
int limitLength(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    const auto limit = static_cast<int>(*static_cast<const uint32_t*>(data->UserData));
    if (limit <= 0 || data->BufTextLen <= limit) return 0;
    const int overflow = data->BufTextLen - limit;
    const auto isContinuation = [data](int at) {
        return at < data->BufTextLen && (static_cast<unsigned char>(data->Buf[at]) & 0xC0) == 0x80;
    };
    int start = data->CursorPos - overflow;
    if (start >= 0) {
        while (start > 0 && isContinuation(start)) --start;
        data->DeleteChars(start, data->CursorPos - start);
    } else {
        start = limit;
        while (start > 0 && isContinuation(start)) --start;
        data->DeleteChars(start, data->BufTextLen - start);
    }
    return 0;
}

std::string_view trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return text.substr(first, last - first + 1);
}

} // namespace

// ---- SignsModule --------------------------------------------------------------------------------------------------

SignsModule::SignsModule(const sdk::StepView& step) {
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
        {
            FontScope heading(look.heading);
            wrappedText(item.question.prompt());
        }
        if (!item.question.help().empty()) {
            FontScope body(look.body);
            ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
            wrappedText(item.question.help());
            ImGui::PopStyleColor();
        }
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
    float longestWord = 0.0f;
    for (int i = 0; i < points; ++i)
        longestWord = std::max(longestWord, longestWordWidth(question.scaleLabel(scaleMin + i)));
    const float narrowest = std::max(look.touchTarget, longestWord + 2.0f * style.FramePadding.x);
    int columns = points;
    while (columns > 1 &&
           (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns) < narrowest)
        --columns;
    const int rows = (points + columns - 1) / columns;
    columns = (points + rows - 1) / rows;
    const float width = (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float textWidth = std::max(width - 2.0f * style.FramePadding.x, 1.0f);

    // Every button in the row is as tall as the tallest wrapped label needs, and never below a touch target.
    std::vector<std::vector<std::string_view>> labels;
    size_t mostLines = 1;
    for (int i = 0; i < points; ++i) {
        labels.push_back(wrapLines(question.scaleLabel(scaleMin + i), textWidth));
        mostLines = std::max(mostLines, labels.back().size());
    }
    const float height = std::max(look.touchTarget, ImGui::GetFontSize() * static_cast<float>(mostLines) +
                                                        2.0f * (style.FramePadding.y + 6.0f * look.scale));

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 textColor = ImGui::GetColorU32(ImGuiCol_Text);
    for (int i = 0; i < points; ++i) {
        const int point = scaleMin + i;
        if (i % columns != 0) ImGui::SameLine(0.0f, gap);
        ImGui::PushID(point);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const ImVec2 max(min.x + width, min.y + height);
        // Tapping the chosen point again simply chooses it again: nobody un-answers by accident.
        if (ImGui::InvisibleButton("##point", ImVec2(width, height))) item.point = point;
        const bool chosen = item.point == point;

        const bool pressed = ImGui::IsItemActive();
        // Hover only earns an outline: on a touchscreen the pointer stays where the last finger was, and a filled
        // hover colour there would look like a second choice.
        const bool hovered = !pressed && ImGui::IsItemHovered();
        const ImU32 fill = chosen    ? look.accent
                           : pressed ? ImGui::GetColorU32(ImGuiCol_ButtonActive)
                                     : ImGui::GetColorU32(ImGuiCol_Button);
        const float rounding = std::max(style.FrameRounding, 6.0f * look.scale);
        drawList->AddRectFilled(min, max, fill, rounding);
        if (hovered && !chosen)
            drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_ButtonHovered), rounding, 0, 2.0f * look.scale);
        if (chosen) {
            // A thick outline as well as the colour, so the choice reads on a washed-out projector too.
            const ImU32 outline = contrastingText(look.accent);
            const float thickness = 3.0f * look.scale;
            drawList->AddRect(ImVec2(min.x + thickness, min.y + thickness),
                              ImVec2(max.x - thickness, max.y - thickness), outline, rounding, 0, thickness);
        }
        drawCentredLines(drawList, labels[static_cast<size_t>(i)], min, max,
                         chosen ? contrastingText(look.accent) : textColor);
        ImGui::PopID();
    }
}

void SignsModule::drawText(Item& item, const alignkiosk_frame_v1& frame) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    uint32_t limit = item.question.maxLength();

    const float height =
        std::max(look.touchTarget * 2.0f, ImGui::GetTextLineHeight() * 5.0f + 2.0f * ImGui::GetStyle().FramePadding.y);
    ImGui::InputTextMultiline("##sentence", &item.text, ImVec2(-FLT_MIN, height), ImGuiInputTextFlags_CallbackEdit,
                              limitLength, &limit);

    // Counted in bytes, like the limit, so the counter reaches the maximum exactly when typing stops.
    char counter[48];
    if (limit > 0)
        std::snprintf(counter, sizeof counter, "%zu / %u", item.text.size(), limit);
    else
        std::snprintf(counter, sizeof counter, "%zu", item.text.size());
    const float counterWidth = ImGui::CalcTextSize(counter).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x - counterWidth, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
    ImGui::TextUnformatted(counter);
    ImGui::PopStyleColor();
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
    std::vector<SignFinding> findings = scoreAggregate(m_scored, aggregate.raw());
    std::vector<sdk::Finding> result;
    result.reserve(findings.size());
    for (SignFinding& finding : findings)
        result.push_back(sdk::Finding{std::move(finding.questionId), finding.level, finding.share,
                                      std::move(finding.headline), std::move(finding.action)});
    return result;
}

bool SignsModule::drawDashboardPanel(const std::vector<sdk::AggregateView>& groups, const alignkiosk_frame_v1& frame) {
    std::vector<PanelGroup> panel;
    panel.reserve(groups.size());
    for (const sdk::AggregateView& group : groups)
        panel.push_back(PanelGroup{std::string(group.groupLabel()), group.responseCount(),
                                   scoreAggregate(m_scored, group.raw())});
    diagnostic_signs::drawPanel(panel, frame); // the free function of signs_panel.h, not Module::drawPanel
    return true;
}

} // namespace alignkiosk::plugins::diagnostic_signs
