#include "focus_module.h"

#include "focus_report.h"

#include "focus_controls.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <stdexcept>

namespace alignkiosk::plugins::focus_assessment {

using namespace sdk::touch;

namespace {

std::string labelOf(const sdk::QuestionView& question, uint32_t option) {
    return option < question.optionCount() ? std::string(question.optionLabel(option)) : std::string();
}

// The vertical gap between two questions on one page.
float questionGap(const Look& look) { return 26.0f * look.scale; }

} // namespace

// ---- Construction -------------------------------------------------------------------------------------------------

FocusModule::FocusModule(const sdk::StepView& step) : m_language(step.language()), m_words(step.language()) {
    std::vector<Page> pages{{PageKind::Goal, {}}, {PageKind::Smmart, {}}, {PageKind::Shares, {}},
                            {PageKind::Clarity, {}}, {PageKind::Opportunity, {}}};
    const auto pageOf = [&](PageKind kind) -> Page& { return pages[static_cast<size_t>(kind)]; };

    for (uint32_t index = 0; index < step.questionCount(); ++index) {
        const sdk::QuestionView question = step.question(index);
        const std::optional<Focus> focus = focusOf(question);
        if (!focus) throw std::invalid_argument("question " + std::to_string(index) + " has no known focus");
        Item item{question, *focus, std::nullopt, std::nullopt, {}, false, {}};
        const std::string checkFirst(trimmed(question.attribute(kCheckFirstAttribute)));

        switch (*focus) {
        case Focus::Goal:
            pageOf(PageKind::Goal).items.push_back(m_items.size());
            m_plan.goalQuestionId = std::string(question.id());
            m_plan.goalName = displayName(question);
            break;
        case Focus::GoalTime:
        case Focus::IdealClients: {
            pageOf(PageKind::Shares).items.push_back(m_items.size());
            PercentItem percent{std::string(question.id()), displayName(question), checkFirst};
            (*focus == Focus::GoalTime ? m_plan.goalTime : m_plan.idealClients) = std::move(percent);
            break;
        }
        case Focus::Clarity: {
            pageOf(PageKind::Clarity).items.push_back(m_items.size());
            const std::optional<Area> area = areaOf(question);
            const std::optional<uint32_t> yes = clarityOption(question, kClarityYes);
            const std::optional<uint32_t> partly = clarityOption(question, kClarityPartly);
            const std::optional<uint32_t> no = clarityOption(question, kClarityNo);
            if (!area || !yes || !partly || !no)
                throw std::invalid_argument("clarity question " + std::to_string(index) + " is incomplete");
            ClarityItem clarity;
            clarity.questionId = std::string(question.id());
            clarity.area = *area;
            clarity.name = displayName(question);
            clarity.checkFirst = checkFirst;
            clarity.yes = *yes;
            clarity.partly = *partly;
            clarity.no = *no;
            clarity.yesLabel = labelOf(question, *yes);
            clarity.partlyLabel = labelOf(question, *partly);
            clarity.noLabel = labelOf(question, *no);
            m_plan.clarity.push_back(std::move(clarity));
            break;
        }
        case Focus::Smmart:
        case Focus::Opportunity: {
            pageOf(*focus == Focus::Smmart ? PageKind::Smmart : PageKind::Opportunity).items.push_back(m_items.size());
            OptionsItem options{std::string(question.id()), displayName(question), checkFirst, {}};
            for (uint32_t o = 0; o < question.optionCount(); ++o) options.optionLabels.push_back(labelOf(question, o));
            (*focus == Focus::Smmart ? m_plan.smmart : m_plan.opportunity) = std::move(options);
            item.ticked.assign(question.optionCount(), false);
            break;
        }
        }
        m_items.push_back(std::move(item));
    }
    for (Page& page : pages)
        if (!page.items.empty()) m_pages.push_back(std::move(page));
    if (m_pages.empty()) throw std::invalid_argument("the step has no questions");
}

// ---- Answers ------------------------------------------------------------------------------------------------------

void FocusModule::reset() {
    for (Item& item : m_items) {
        item.percent.reset();
        item.choice.reset();
        std::fill(item.ticked.begin(), item.ticked.end(), false);
        item.noneTicked = false;
        item.text.clear();
        item.text.shrink_to_fit(); // the sentence should not linger in freed-but-owned memory either
    }
    ++m_generation;
}

uint32_t FocusModule::pageCount() const { return static_cast<uint32_t>(m_pages.size()); }

bool FocusModule::answered(const Item& item) const {
    switch (item.focus) {
    case Focus::Goal: return !isBlank(item.text);
    case Focus::GoalTime:
    case Focus::IdealClients: return item.percent.has_value();
    case Focus::Clarity:
    case Focus::Opportunity: return item.choice.has_value();
    case Focus::Smmart:
        return item.noneTicked || std::any_of(item.ticked.begin(), item.ticked.end(), [](bool ticked) { return ticked; });
    }
    return false;
}

bool FocusModule::pageComplete(uint32_t page) const {
    if (page >= m_pages.size()) return false;
    return std::all_of(m_pages[page].items.begin(), m_pages[page].items.end(), [this](size_t index) {
        const Item& item = m_items[index];
        return !item.question.required() || answered(item);
    });
}

std::string FocusModule::answerJson() const {
    sdk::AnswerWriter writer;
    for (const Item& item : m_items) {
        if (!answered(item)) continue;
        const std::string_view id = item.question.id();
        switch (item.focus) {
        case Focus::Goal: writer.text(id, trimmed(item.text)); break;
        case Focus::GoalTime:
        case Focus::IdealClients: writer.integer(id, *item.percent); break;
        case Focus::Clarity:
        case Focus::Opportunity: writer.text(id, item.question.optionId(*item.choice)); break;
        case Focus::Smmart: {
            // "None of these" is an answer too: an empty list.
            std::vector<std::string> chosen;
            for (uint32_t o = 0; o < item.ticked.size(); ++o)
                if (item.ticked[o]) chosen.emplace_back(item.question.optionId(o));
            writer.choices(id, chosen);
            break;
        }
        }
    }
    return writer.finish();
}

// ---- Drawing ------------------------------------------------------------------------------------------------------

void FocusModule::drawPage(uint32_t page, const alignkiosk_frame_v1& frame) {
    if (page >= m_pages.size()) throw std::out_of_range("page " + std::to_string(page) + " does not exist");
    const Look look = lookFor(frame);
    const Page& shown = m_pages[page];

    ImGui::PushID(m_generation);
    if (shown.kind == PageKind::Clarity) {
        drawClarityRows(shown, look);
    } else {
        bool first = true;
        for (const size_t index : shown.items) {
            Item& item = m_items[index];
            if (!first) ImGui::Dummy(ImVec2(0.0f, questionGap(look)));
            first = false;
            ImGui::PushID(static_cast<int>(index));
            drawHeader(item, look);
            switch (item.focus) {
            case Focus::Goal: drawGoal(item, look); break;
            case Focus::Smmart: drawSmmart(item, look); break;
            case Focus::Opportunity: drawOpportunity(item, look); break;
            case Focus::GoalTime:
            case Focus::IdealClients: {
                FontScope body(look.body);
                percentPicker("##percent", item.percent, look);
                break;
            }
            case Focus::Clarity: break; // drawn as rows above
            }
            ImGui::PopID();
        }
    }
    ImGui::PopID();
}

void FocusModule::drawHeader(const Item& item, const Look& look) {
    questionHeader(item.question.prompt(), item.question.help(), look);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * look.scale));
}

void FocusModule::drawGoal(Item& item, const Look& look) {
    FontScope body(look.body);
    // Room for four lines as typed, and never less than two fingertips: a big box that is easy to hit.
    const float height =
        std::max(look.touchTarget * 2.0f, ImGui::GetTextLineHeight() * 4.0f + 2.0f * ImGui::GetStyle().FramePadding.y);
    // A visible frame, so the box reads as a place to tap even on a white page.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.5f * look.scale, 1.0f));
    sentenceBox("##goal", item.text, item.question.maxLength(), ImVec2(-FLT_MIN, height));
    ImGui::PopStyleVar();
}

void FocusModule::drawSmmart(Item& item, const Look& look) {
    const sdk::QuestionView& question = item.question;
    const uint32_t options = question.optionCount();
    // Two columns: six qualities in three rows leave room for a line of explanation under each name.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const int columns = options > 1 && (available - gap) * 0.5f >= 5.0f * look.touchTarget ? 2 : 1;
    const float width = (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float height = look.touchTarget;
    for (uint32_t o = 0; o < options; ++o)
        height = std::max(height, toggleTileHeight(question.optionLabel(o), optionHint(question, o), width, look));

    for (uint32_t o = 0; o < options; ++o) {
        if (o % static_cast<uint32_t>(columns) != 0) ImGui::SameLine(0.0f, gap);
        ImGui::PushID(static_cast<int>(o));
        if (toggleTile("##quality", question.optionLabel(o), optionHint(question, o), item.ticked[o],
                       ImVec2(width, height), look)) {
            item.ticked[o] = !item.ticked[o];
            item.noneTicked = false; // a quality and "none of these" exclude each other
        }
        ImGui::PopID();
    }

    const std::string_view none = trimmed(question.attribute(kNoneLabelAttribute));
    if (!none.empty()) {
        FontScope body(look.body);
        const float noneHeight = choiceTileHeight(none, available, look);
        if (choiceTile("##none", none, item.noneTicked, ImVec2(available, noneHeight), look)) {
            item.noneTicked = !item.noneTicked;
            if (item.noneTicked) std::fill(item.ticked.begin(), item.ticked.end(), false);
        }
    }
}

void FocusModule::drawOpportunity(Item& item, const Look& look) {
    FontScope body(look.body);
    const sdk::QuestionView& question = item.question;
    const uint32_t options = question.optionCount();
    // One column for a short list; two for a longer one, so up to eight fit a page.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const int columns = options > 3 ? 2 : 1;
    const float width = (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float height = look.touchTarget;
    for (uint32_t o = 0; o < options; ++o)
        height = std::max(height, choiceTileHeight(question.optionLabel(o), width, look));
    // A little taller than a bare fingertip: these are the page's only targets.
    height = std::max(height, 92.0f * look.scale);

    for (uint32_t o = 0; o < options; ++o) {
        if (o % static_cast<uint32_t>(columns) != 0) ImGui::SameLine(0.0f, gap);
        ImGui::PushID(static_cast<int>(o));
        if (choiceTile("##opportunity", question.optionLabel(o), item.choice == o, ImVec2(width, height), look))
            item.choice = o;
        ImGui::PopID();
    }
}

void FocusModule::drawClarityRows(const Page& page, const Look& look) {
    // A grid: each area's question on the left, its three answers as big buttons on the right, one row per area.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const float promptWidth = std::floor(available * 0.44f);
    const float buttonWidth = std::max((available - promptWidth - 3.0f * gap) / 3.0f, look.touchTarget);

    for (const size_t index : page.items) {
        Item& item = m_items[index];
        const sdk::QuestionView& question = item.question;
        ImGui::PushID(static_cast<int>(index));

        // The row is as tall as its prompt and help, or its tallest button, and never below a fingertip.
        float textHeight = 0.0f;
        {
            FontScope heading(look.heading);
            textHeight += ImGui::CalcTextSize(question.prompt().data(), question.prompt().data() + question.prompt().size(),
                                              false, promptWidth)
                              .y;
        }
        if (!question.help().empty()) {
            FontScope body(look.body);
            textHeight += style.ItemSpacing.y + ImGui::CalcTextSize(question.help().data(),
                                                                    question.help().data() + question.help().size(),
                                                                    false, promptWidth)
                                                    .y;
        }
        float rowHeight = std::max(look.touchTarget * 1.3f, textHeight);
        {
            FontScope body(look.body);
            for (uint32_t o = 0; o < question.optionCount(); ++o)
                rowHeight = std::max(rowHeight, choiceTileHeight(question.optionLabel(o), buttonWidth, look));
        }

        const ImVec2 rowMin = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(rowMin.x, rowMin.y + std::max((rowHeight - textHeight) * 0.5f, 0.0f)));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + promptWidth);
        {
            FontScope heading(look.heading);
            ImGui::TextUnformatted(question.prompt().data(), question.prompt().data() + question.prompt().size());
        }
        if (!question.help().empty()) {
            FontScope body(look.body);
            ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
            ImGui::TextUnformatted(question.help().data(), question.help().data() + question.help().size());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();

        {
            FontScope body(look.body);
            for (uint32_t o = 0; o < question.optionCount(); ++o) {
                ImGui::SetCursorScreenPos(
                    ImVec2(rowMin.x + promptWidth + gap + static_cast<float>(o) * (buttonWidth + gap), rowMin.y));
                ImGui::PushID(static_cast<int>(o));
                if (choiceTile("##answer", question.optionLabel(o), item.choice == o, ImVec2(buttonWidth, rowHeight),
                               look))
                    item.choice = o;
                ImGui::PopID();
            }
        }
        // On to the next row, below the taller of the two sides, with a hairline between rows so each reads as one
        // question.
        const float rowGap = 24.0f * look.scale;
        if (index != page.items.back()) {
            const float lineY = rowMin.y + rowHeight + rowGap * 0.5f;
            ImGui::GetWindowDrawList()->AddLine(ImVec2(rowMin.x, lineY), ImVec2(rowMin.x + available, lineY),
                                                ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
        }
        ImGui::SetCursorScreenPos(ImVec2(rowMin.x, rowMin.y + rowHeight + rowGap));
        ImGui::Dummy(ImVec2(available, 0.0f));
        ImGui::PopID();
    }
}

// ---- For the facilitator ------------------------------------------------------------------------------------------

std::vector<sdk::Finding> FocusModule::score(const sdk::AggregateView& aggregate) const {
    std::vector<sdk::Finding> result;
    for (FocusFinding& finding : scoreAggregate(m_plan, aggregate.raw(), m_words))
        result.push_back(sdk::Finding{std::move(finding.questionId), finding.level, finding.share,
                                      std::move(finding.headline), std::move(finding.action)});
    return result;
}

bool FocusModule::drawPanel(const sdk::PanelInput& input, const alignkiosk_frame_v1& frame) {
    m_panel.draw(m_plan, m_language, input, frame, m_words);
    return true;
}

bool FocusModule::writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const {
    focus_assessment::writeReport(m_plan, m_language, input, report, m_words);
    return true;
}

} // namespace alignkiosk::plugins::focus_assessment
