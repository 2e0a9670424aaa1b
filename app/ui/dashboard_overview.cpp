// The overview: the alignment heatmap across the full width, then responses per group beside "where we disagree
// most", then each module's panel.
#include "dashboard.h"

#include <algorithm>

namespace alignkiosk::ui {

namespace {

constexpr std::size_t kListLines = 5; // lines per "disagree most" list: what a room can take in at once

} // namespace

void Dashboard::drawOverview(const Look& look) {
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;

    if (!m_heatmap.rowLabels.empty() && !m_heatmap.columnLabels.empty()) {
        sectionTitle(look, tr("dash_heatmap_title"), width, tr("dash_heatmap_note"));
        const int selected = m_selected && !m_picture ? static_cast<int>(*m_selected) : -1;
        const charts::HeatmapResult result = charts::heatmap("heatmap", m_heatmap, look.chart, width, selected);
        if (result.clickedRow >= 0) selectItem(static_cast<std::size_t>(result.clickedRow));
        ImGui::Dummy(ImVec2(0.0f, 6.0f * scale));
        charts::heatmapLegend(m_legend, look.chart, width);
    } else {
        sectionTitle(look, tr("dash_heatmap_title"), width,
                     tr(m_model->ratedItems.empty() ? "dash_no_rated" : "dash_heatmap_no_group"));
    }
    ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));

    // Side by side on a wide screen, one under the other on a narrow one.
    const float gap = 48.0f * scale;
    if (width >= 1100.0f * scale) {
        const float left = (width - gap) * 0.42f;
        ImGui::BeginGroup();
        drawResponses(look, left);
        ImGui::EndGroup();
        ImGui::SameLine(0.0f, gap);
        ImGui::BeginGroup();
        drawDisagreement(look, width - left - gap);
        ImGui::EndGroup();
    } else {
        drawResponses(look, width);
        drawDisagreement(look, width);
    }
    drawModules(look, width);
}

void Dashboard::drawResponses(const Look& look, float width) {
    sectionTitle(look, tr("dash_responses_title"), width);
    charts::horizontalBars("responses", m_responseBars, look.chart, width);
    wrapped(m_hiddenLine, width, nullptr, look.palette.text);
    wrapped(m_anonymityNote, width, nullptr, look.palette.muted);
}

void Dashboard::drawDisagreement(const Look& look, float width) {
    sectionTitle(look, tr("dash_disagree_title"), width);

    wrapped(tr("dash_lowest_title"), width, nullptr, look.palette.muted);
    if (m_lowest.empty())
        wrapped(m_lowestEmpty, width, nullptr, look.palette.text);
    for (std::size_t i = 0; i < m_lowest.size() && i < kListLines; ++i)
        if (listLine(look, m_lowest[i], width, true)) selectItem(m_lowest[i].item);
    // Which thresholds name the bands, here and in the heatmap's marks.
    wrapped(tr("dash_rwg_bands"), width, nullptr, look.palette.muted);

    ImGui::Dummy(ImVec2(0.0f, 8.0f * m_theme.scale));
    wrapped(tr("dash_gaps_title"), width, nullptr, look.palette.muted);
    if (m_gaps.empty()) wrapped(m_gapsEmpty, width, nullptr, look.palette.text);
    for (std::size_t i = 0; i < m_gaps.size() && i < kListLines; ++i)
        if (listLine(look, m_gaps[i], width, false)) selectItem(m_gaps[i].item);
    wrapped(tr("dash_gaps_note"), width, nullptr,
            look.palette.muted);
}

} // namespace alignkiosk::ui
