// One item in detail: the answers of every shown group as a stacked distribution, with n, mean, SD, median, rwg (and
// its band), AD (and whether it is acceptable) and consensus; the gaps between teams on this item; what the numbers
// mean and which thresholds were used.
#include "dashboard.h"

#include "ui/widgets.h"

#include <algorithm>

namespace alignkiosk::ui {

void Dashboard::drawItemPicker(const Look& look) {
    const std::size_t count = m_model->ratedItems.size();
    const std::size_t current = *m_selected;
    const float height = std::max(m_theme.minTouchTarget, ImGui::GetFrameHeight());
    const float buttonWidth = 200.0f * m_theme.scale;
    if (touchButton(look.theme, tr("dash_previous").c_str(), ImVec2(buttonWidth, height), ButtonStyle::Secondary, current > 0))
        selectItem(current - 1);
    ImGui::SameLine();

    // The combo is as tall as the buttons beside it, so a finger can open it.
    const float comboWidth = ImGui::GetContentRegionAvail().x - buttonWidth - ImGui::GetStyle().ItemSpacing.x;
    const float framePadding = std::max(ImGui::GetStyle().FramePadding.y, (height - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, framePadding));
    ImGui::SetNextItemWidth(comboWidth);
    const std::string preview = tr("dash_item_of", {{"current", static_cast<int64_t>(current + 1)},
                                                    {"count", static_cast<int64_t>(count)},
                                                    {"title", m_items[current].title}});
    if (ImGui::BeginCombo("##item", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (std::size_t i = 0; i < count; ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(m_items[i].title.c_str(), i == current)) selectItem(i);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ImGui::SameLine();
    if (touchButton(look.theme, tr("dash_next").c_str(), ImVec2(buttonWidth, height), ButtonStyle::Secondary, current + 1 < count))
        selectItem(current + 1);
}

void Dashboard::drawItem(const Look& look) {
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    if (m_model->ratedItems.empty()) {
        sectionTitle(look, tr("dash_item_detail"), width, tr("dash_item_detail_empty"));
        return;
    }
    if (!m_selected) selectItem(0);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * scale));
    if (!m_picture) drawItemPicker(look);

    const std::size_t index = *m_selected;
    const core::RatedItem& item = m_model->ratedItems[index];
    const ItemCache& cache = m_items[index];
    ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));
    wrapped(cache.title, width, look.title, look.palette.text);
    if (item.prompt != cache.title) wrapped(item.prompt, width, look.heading, look.palette.muted);
    ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));

    if (cache.rows.empty()) {
        wrapped(tr("dash_item_no_group"), width, look.heading, look.palette.text);
        wrapped(m_anonymityNote, width, nullptr, look.palette.muted);
        return;
    }
    // The answers: one stacked bar per group across the full width, so even six groups compare at a glance.
    charts::scaleLegend(item.scaleLabels, look.chart, width);
    // The groups' names, as wide as the longest (up to a third of the width), for the bars and the table alike.
    const float pad = 16.0f * scale;
    float nameWidth = 0.0f;
    for (const GroupRow& row : cache.rows) nameWidth = std::max(nameWidth, ImGui::CalcTextSize(row.name.c_str()).x);
    {
        const float labelWidth = std::min(nameWidth + pad, width * 0.3f);
        const float barHeight = std::max(ImGui::GetFontSize() * 1.7f, 44.0f * scale);
        for (std::size_t r = 0; r < cache.rows.size(); ++r) {
            const GroupRow& row = cache.rows[r];
            ImGui::PushID(static_cast<int>(r));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (barHeight - ImGui::GetFontSize()) * 0.5f),
                                                look.palette.text, row.name.c_str());
            ImGui::SetCursorScreenPos(ImVec2(at.x + labelWidth, at.y));
            charts::stackedBar("answers", row.source->distribution.counts, item.scaleLabels, look.chart,
                               ImVec2(width - labelWidth, barHeight));
            ImGui::PopID();
        }
    }
    ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));

    // The numbers, one row per group in the same order.
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const float rowHeight = std::max(ImGui::GetFontSize() * 1.9f, 48.0f * scale);
    // Room between the numbers, so they read as columns from the back of the room.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(18.0f * scale, ImGui::GetStyle().CellPadding.y));
    if (ImGui::BeginTable("groups", 8, kTable, ImVec2(width, 0.0f))) {
        ImGui::TableSetupColumn(tr("dash_col_group").c_str(), ImGuiTableColumnFlags_WidthFixed, std::min(nameWidth, width * 0.3f));
        ImGui::TableSetupColumn("n", 0, 1.0f);
        ImGui::TableSetupColumn(tr("dash_col_mean").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(tr("dash_col_sd").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn(tr("dash_col_median").c_str(), 0, 1.0f);
        ImGui::TableSetupColumn("rwg", 0, 2.4f);
        ImGui::TableSetupColumn(cache.adHeader.c_str(), 0, 1.9f);
        ImGui::TableSetupColumn(tr("dash_col_consensus").c_str(), 0, 1.3f);
        const float textOffset = (rowHeight - ImGui::GetFontSize()) * 0.5f - ImGui::GetStyle().CellPadding.y;
        // The header row as tall as the others, its names centred in it: ImGui's own sits tight on the rule above.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, rowHeight);
        for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
            ImGui::TableSetColumnIndex(column);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textOffset);
            ImGui::TableHeader(ImGui::TableGetColumnName(column));
        }
        auto cellText = [&](const std::string& text, ImU32 color = 0) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textOffset);
            if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
            ImGui::TextUnformatted(text.c_str());
            if (color) ImGui::PopStyleColor();
        };
        for (std::size_t r = 0; r < cache.rows.size(); ++r) {
            const GroupRow& row = cache.rows[r];
            const core::GroupItem& group = *row.source;
            ImGui::PushID(static_cast<int>(r));
            ImGui::TableNextRow(0, rowHeight);
            ImGui::TableNextColumn();
            cellText(row.name);
            ImGui::TableNextColumn();
            cellText(row.n);
            ImGui::TableNextColumn();
            cellText(row.mean);
            ImGui::TableNextColumn();
            cellText(row.sd);
            ImGui::TableNextColumn();
            cellText(row.median);
            ImGui::TableNextColumn();
            {
                // The heatmap's mark for this band, then the number and the band's name.
                const float size = ImGui::GetFontSize();
                const float radius = size * 0.36f;
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textOffset);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ImDrawList* drawList = ImGui::GetWindowDrawList();
                const ImVec2 centre(at.x + radius * 1.25f, at.y + size * 0.5f);
                drawList->AddCircleFilled(centre, radius * 1.25f, look.palette.rampMid);
                charts::drawAgreementMark(drawList, centre, radius, charts::agreementMark(group.statistics.agreement),
                                          look.palette.text,
                                          std::max(look.palette.lineWidth * scale * 0.75f, 1.5f * scale));
                ImGui::Dummy(ImVec2(radius * 2.5f, size));
                ImGui::SameLine();
                ImGui::TextUnformatted(row.rwg.c_str());
            }
            ImGui::TableNextColumn();
            cellText(row.ad, row.adAcceptable ? 0 : look.theme.error);
            ImGui::TableNextColumn();
            cellText(row.consensus);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();

    ImGui::Dummy(ImVec2(0.0f, 6.0f * scale));
    wrapped(tr("dash_rwg_note", {{"bands", tr("dash_rwg_bands")}}), width, nullptr, look.palette.muted);
    wrapped(tr("dash_ad_note"), width, nullptr, look.palette.muted);

    if (!cache.gaps.empty()) {
        sectionTitle(look, tr("dash_item_gaps"), width);
        for (const std::string& gap : cache.gaps) wrapped(gap, width, nullptr, look.palette.text);
    }
}

} // namespace alignkiosk::ui
