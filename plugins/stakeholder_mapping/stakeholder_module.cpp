#include "stakeholder_module.h"

#include "stakeholder_report.h"

#include "stakeholder_look.h"
#include "stakeholder_panel.h"

#include <imgui.h>

#include <algorithm>
#include <stdexcept>

namespace alignkiosk::plugins::stakeholder_mapping {

using namespace sdk::touch;

namespace {

// Rows of buttons are at least this much taller than the smallest touch target: a row is a line of targets side by
// side, and a finger aiming at one should not land on its neighbour below.
constexpr float kRowHeightOverTouch = 1.1f;
// ... and at most this much, however much room the page has: taller buttons stop looking like buttons.
constexpr float kRowHeightMost = 1.6f;
// How much wider than a scale button a role button gets: role labels are words, scale labels often shorter.
constexpr float kRoleWeight = 1.3f;

// Text wrapped at `width`, drawn at `position`; returns the y below it.
float textBlock(std::string_view text, ImVec2 position, float width, const ImVec4* color = nullptr) {
    ImGui::SetCursorScreenPos(position);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    wrappedText(text, width);
    if (color) ImGui::PopStyleColor();
    return ImGui::GetCursorScreenPos().y;
}

} // namespace

StakeholderModule::StakeholderModule(const sdk::StepView& step) : m_words(step.language()) {
    m_questionCount = step.questionCount();
    std::string firstProblem;
    const StepPlan plan = analyseStep(step, [&firstProblem](uint32_t, const char*, const std::string& message) {
        if (firstProblem.empty()) firstProblem = message;
    });
    if (!firstProblem.empty()) throw std::invalid_argument("invalid content: " + firstProblem);

    if (plan.mixQuestion) {
        const sdk::QuestionView mix = step.question(*plan.mixQuestion);
        m_mix = mix;
        m_mixIndex = *plan.mixQuestion;
        m_mixState.allocation = evenAllocation(mix.total());
        MixItem item;
        item.questionId = std::string(mix.id());
        item.name = displayName(mix.attribute("label"), mix.prompt());
        item.total = mix.total();
        for (uint32_t i = 0; i < kCorners; ++i) item.labels[i] = std::string(mix.optionLabel(i));
        m_plan.mix = std::move(item);
        m_pages.push_back(Page{true, {}});
    }
    for (const Stakeholder& stakeholder : plan.stakeholders) {
        const sdk::QuestionView role = step.question(stakeholder.roleQuestion);
        const sdk::QuestionView understanding = step.question(stakeholder.understandingQuestion);
        m_rows.push_back(Row{role, understanding, stakeholder.roleQuestion, stakeholder.understandingQuestion,
                             stakeholder.name, std::nullopt, std::nullopt});
        StakeholderItem item;
        item.name = stakeholder.name;
        item.roleQuestionId = std::string(role.id());
        for (uint32_t i = 0; i < role.optionCount(); ++i) {
            item.roleIds.emplace_back(role.optionId(i));
            item.roleLabels.emplace_back(role.optionLabel(i));
        }
        item.understandingQuestionId = std::string(understanding.id());
        item.scaleMin = understanding.scaleMin();
        item.scaleMax = understanding.scaleMax();
        m_plan.stakeholders.push_back(std::move(item));
    }
    // As few pages as three to a page allows, filled evenly (7 groups: 3, 2, 2), so no page looks like a leftover.
    const std::size_t rows = m_rows.size();
    const std::size_t pages = (rows + kGroupsPerPage - 1) / kGroupsPerPage;
    std::size_t next = 0;
    for (std::size_t p = 0; p < pages; ++p) {
        const std::size_t size = rows / pages + (p < rows % pages ? 1 : 0);
        Page page;
        for (std::size_t i = 0; i < size; ++i) page.rows.push_back(next++);
        m_pages.push_back(std::move(page));
    }
    if (m_pages.empty()) throw std::invalid_argument("the step has nothing to show");
}

void StakeholderModule::reset() {
    if (m_mix) m_mixState = MixState{evenAllocation(m_mix->total()), false, -1, 0.0f, 0.0f};
    for (Row& row : m_rows) {
        row.chosenRole.reset();
        row.point.reset();
    }
    ++m_generation;
}

uint32_t StakeholderModule::pageCount() const { return static_cast<uint32_t>(m_pages.size()); }

bool StakeholderModule::rowComplete(const Row& row) const {
    return (row.chosenRole || !row.role.required()) && (row.point || !row.understanding.required());
}

bool StakeholderModule::pageComplete(uint32_t page) const {
    if (page >= m_pages.size()) return false;
    const Page& shown = m_pages[page];
    if (shown.mix) return m_mixState.touched || !m_mix->required();
    return std::all_of(shown.rows.begin(), shown.rows.end(),
                       [this](std::size_t row) { return rowComplete(m_rows[row]); });
}

void StakeholderModule::drawPage(uint32_t page, const alignkiosk_frame_v1& frame) {
    if (page >= m_pages.size()) throw std::out_of_range("page " + std::to_string(page) + " does not exist");
    ImGui::PushID(m_generation);
    if (m_pages[page].mix)
        drawMixPage(frame);
    else
        drawRowsPage(m_pages[page], frame);
    ImGui::PopID();
}

void StakeholderModule::drawMixPage(const alignkiosk_frame_v1& frame) {
    const Look look = lookFor(frame);
    const sdk::QuestionView& question = *m_mix;
    questionHeader(question.prompt(), question.help(), look);
    FontScope body(look.body);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * look.scale));

    // Whatever height is left, and never so much that the page would scroll.
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float height = std::max(available.y - 4.0f * look.scale, 9.0f * ImGui::GetTextLineHeight());
    const std::array<std::string_view, kCorners> labels{question.optionLabel(0), question.optionLabel(1),
                                                        question.optionLabel(2)};
    ImGui::PushID("mix");
    drawMixControl(m_mixState, labels, question.total(), look, ImVec2(available.x, height));
    ImGui::PopID();
}

void StakeholderModule::drawRowsPage(const Page& page, const alignkiosk_frame_v1& frame) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    const ImGuiStyle& style = ImGui::GetStyle();
    const Row& first = m_rows[page.rows.front()];
    const uint32_t roles = std::max(first.role.optionCount(), 1u);
    const int scaleMin = first.understanding.scaleMin();
    const int points = std::max(first.understanding.scaleMax() - scaleMin + 1, 1);

    // Columns: the groups' names, the role buttons, the understanding buttons.
    const float em = ImGui::GetFontSize();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 20.0f * em);
    const float gap = 1.2f * em;
    const float spacing = style.ItemSpacing.x * 0.6f;
    float nameWidth = 0.0f;
    {
        FontScope heading(look.heading);
        // Over every group of the step, not just this page's, so the columns stand still from page to page.
        for (const Row& row : m_rows) nameWidth = std::max(nameWidth, longestWordWidth(row.name));
        nameWidth = std::max(nameWidth, 4.0f * ImGui::GetFontSize()) + 0.5f * em;
    }
    nameWidth = std::min(nameWidth, 0.22f * width);
    const float rest = width - nameWidth - 2.0f * gap;
    // The roles' share of the row, widened (up to 60 %) where a role's longest word would not fit its button: a word
    // such as "Fournisseur" is not broken in the middle.
    const float textInset = style.FramePadding.x * 0.5f; // narrow buttons side by side: half the usual padding
    float longestRole = 0.0f;
    for (uint32_t i = 0; i < roles && i < first.role.optionCount(); ++i)
        longestRole = std::max(longestRole, longestWordWidth(first.role.optionLabel(i)) + 2.0f * textInset + 2.0f);
    const float roleArea = std::min(
        std::max(rest * kRoleWeight * static_cast<float>(roles) /
                     (kRoleWeight * static_cast<float>(roles) + static_cast<float>(points)),
                 longestRole * static_cast<float>(roles) + spacing * static_cast<float>(roles - 1)),
        0.6f * rest);
    const float scaleArea = rest - roleArea;
    const float roleButton = (roleArea - spacing * static_cast<float>(roles - 1)) / static_cast<float>(roles);
    const float scaleButton = (scaleArea - spacing * static_cast<float>(points - 1)) / static_cast<float>(points);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float bottom = origin.y + ImGui::GetContentRegionAvail().y;
    const float xRoles = origin.x + nameWidth + gap;
    const float xScale = xRoles + roleArea + gap;

    // The headings: each column's prompt and help, shared by every row (the content check made them equal).
    const ImVec4 soft = softTextColor();
    float rolesBottom = 0.0f, scaleBottom = 0.0f;
    {
        FontScope heading(look.heading);
        rolesBottom = textBlock(first.role.prompt(), ImVec2(xRoles, origin.y), roleArea);
        scaleBottom = textBlock(first.understanding.prompt(), ImVec2(xScale, origin.y), scaleArea);
    }
    if (!first.role.help().empty())
        rolesBottom = textBlock(first.role.help(), ImVec2(xRoles, rolesBottom), roleArea, &soft);
    if (!first.understanding.help().empty())
        scaleBottom = textBlock(first.understanding.help(), ImVec2(xScale, scaleBottom), scaleArea, &soft);

    // Every button in every row as tall as the tallest wrapped label needs, and never below a touch target.
    std::size_t mostLines = 1;
    for (uint32_t i = 0; i < roles && i < first.role.optionCount(); ++i)
        mostLines = std::max(mostLines, choiceLines(first.role.optionLabel(i), roleButton, textInset).size());
    for (int point = scaleMin; point < scaleMin + points; ++point)
        mostLines =
            std::max(mostLines, choiceLines(first.understanding.scaleLabel(point), scaleButton, textInset).size());
    const float needed = std::max(look.touchTarget * kRowHeightOverTouch,
                                  em * static_cast<float>(mostLines) + 2.0f * style.FramePadding.y);
    const float rowGap = 0.9f * em;
    float y = std::max(rolesBottom, scaleBottom) + 0.6f * em;
    // Taller rows where the page has room (bigger targets are easier to hit), but never so tall that it scrolls.
    const float rows = static_cast<float>(page.rows.size());
    const float room = (bottom - y) / rows - rowGap;
    const float rowHeight = std::max(needed, std::min(room, look.touchTarget * kRowHeightMost));

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (const std::size_t index : page.rows) {
        Row& row = m_rows[index];
        ImGui::PushID(static_cast<int>(index));
        // A rule above each row ties its name to its buttons.
        drawList->AddLine(ImVec2(origin.x, y - 0.45f * rowGap), ImVec2(origin.x + width, y - 0.45f * rowGap),
                          ImGui::GetColorU32(ImGuiCol_Border), 1.0f * look.scale);

        {
            FontScope heading(look.heading);
            const std::vector<std::string_view> lines = wrapLines(row.name, nameWidth);
            const float lineHeight = ImGui::GetFontSize();
            float textY = y + (rowHeight - lineHeight * static_cast<float>(lines.size())) * 0.5f;
            for (const std::string_view line : lines) {
                drawList->AddText(ImVec2(origin.x, textY), ImGui::GetColorU32(ImGuiCol_Text), line.data(),
                                  line.data() + line.size());
                textY += lineHeight;
            }
        }

        for (uint32_t i = 0; i < row.role.optionCount(); ++i) {
            ImGui::SetCursorScreenPos(ImVec2(xRoles + static_cast<float>(i) * (roleButton + spacing), y));
            ImGui::PushID(static_cast<int>(i));
            // Tapping the chosen role again keeps it: nobody un-answers by accident.
            if (choiceButton("##role", row.role.optionLabel(i), ImVec2(roleButton, rowHeight), row.chosenRole == i,
                             look, textInset))
                row.chosenRole = i;
            ImGui::PopID();
        }
        for (int i = 0; i < points; ++i) {
            const int point = scaleMin + i;
            ImGui::SetCursorScreenPos(ImVec2(xScale + static_cast<float>(i) * (scaleButton + spacing), y));
            ImGui::PushID(1000 + i);
            if (choiceButton("##point", row.understanding.scaleLabel(point), ImVec2(scaleButton, rowHeight),
                             row.point == point, look, textInset))
                row.point = point;
            ImGui::PopID();
        }
        ImGui::PopID();
        y += rowHeight + rowGap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y - rowGap));
    ImGui::Dummy(ImVec2(width, 0.0f));
}

// {"answers": {"<mix>": {"employer": 40, "customers": 45, "self": 15}, "<role>": "partner", "<understanding>": 4}},
// in the order the survey file lists the questions; what was not answered is left out.
std::string StakeholderModule::answerJson() const {
    sdk::AnswerWriter writer;
    for (uint32_t question = 0; question < m_questionCount; ++question) {
        if (m_mix && m_mixIndex == question && m_mixState.touched) {
            std::vector<std::pair<std::string, long long>> points;
            for (uint32_t i = 0; i < kCorners; ++i)
                points.emplace_back(m_mix->optionId(i), m_mixState.allocation.shares[i]);
            writer.allocation(m_mix->id(), points);
        }
        for (const Row& row : m_rows) {
            if (row.roleIndex == question && row.chosenRole)
                writer.text(row.role.id(), row.role.optionId(*row.chosenRole));
            if (row.understandingIndex == question && row.point) writer.integer(row.understanding.id(), *row.point);
        }
    }
    return writer.finish();
}

std::vector<sdk::Finding> StakeholderModule::score(const sdk::AggregateView& aggregate) const {
    std::vector<sdk::Finding> result;
    for (MapFinding& finding : scoreAggregate(m_plan, aggregate.raw(), m_words))
        result.push_back(sdk::Finding{std::move(finding.questionId), finding.level, finding.share,
                                      std::move(finding.headline), std::move(finding.action)});
    return result;
}

bool StakeholderModule::drawPanel(const sdk::PanelInput& input, const alignkiosk_frame_v1& frame) {
    std::vector<const alignkiosk_aggregate_v2*> groups;
    groups.reserve(input.groups.size());
    for (const sdk::AggregateView& group : input.groups) groups.push_back(&group.raw());
    drawMapPanel(m_plan, groups, frame, m_words);
    return true;
}

bool StakeholderModule::writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const {
    writeMapReport(m_plan, input.groups, report, m_words);
    return true;
}

} // namespace alignkiosk::plugins::stakeholder_mapping
