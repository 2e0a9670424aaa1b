#include "signs_panel.h"

#include <alignkiosk/touch_ui.hpp>

#include <imgui.h>

#include <algorithm>
#include <initializer_list>
#include <string>

namespace alignkiosk::plugins::diagnostic_signs {

using namespace sdk::touch;

namespace {

// A group's column never gets narrower than this many body-font heights: room for a name on two lines and a bar
// long enough to compare across the room.
constexpr float kColumnEms = 20.0f;
// The longest a bar gets, in body-font heights, so its measure stays next to it on a wide projector.
constexpr float kBarEms = 16.0f;
// Shorter than this, the bar goes on a line of its own with its measure below.
constexpr float kShortestBarEms = 6.0f;
// ImGui 1.86 tables hold at most 64 columns (IMGUI_TABLE_MAX_COLUMNS).
constexpr int kMaxColumns = 64;

// Red for widespread and amber for watch read as "look here" on a light or dark theme and on a washed-out projector;
// the level word beside every bar says the same in words, for anyone who cannot tell the colours apart.
ImU32 levelColor(alignkiosk_finding_level_v1 level, const Look& look) {
    switch (level) {
    case ALIGNKIOSK_FINDING_WIDESPREAD: return IM_COL32(208, 64, 52, 255);
    case ALIGNKIOSK_FINDING_WATCH: return IM_COL32(232, 156, 32, 255);
    case ALIGNKIOSK_FINDING_INFO: break;
    }
    return look.accent;
}

// A horizontal bar one text line high: the track, the share filled in `fill`, and marks at the level thresholds.
void drawBar(float share, ImU32 fill, float width, const Look& look) {
    const float lineHeight = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, lineHeight));

    const float inset = lineHeight * 0.1f;
    const ImVec2 min(origin.x, origin.y + inset);
    const ImVec2 max(origin.x + width, origin.y + lineHeight - inset);
    const float rounding = 3.0f * look.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const float filled = width * std::clamp(share, 0.0f, 1.0f);
    if (filled > 0.0f) drawList->AddRectFilled(min, ImVec2(min.x + filled, max.y), fill, rounding);
    // The thresholds of levelFor: a quarter of the group reaches "watch", a half "widespread".
    for (const float threshold : {0.25f, 0.5f}) {
        const float x = min.x + width * threshold;
        drawList->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.5f),
                          2.0f * look.scale);
    }
    // The outline keeps an empty bar visible on a high-contrast theme.
    drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), rounding, 0, 1.5f * look.scale);
}

// What a row says beside its bar: "seen often by 90% (9 of 10)  ·  widespread".
std::string valueText(const SignFinding& finding, const sdk::Words& words) {
    return finding.measure + "  \u00b7  " + levelWord(finding.level, words);
}

// Every bar of the panel has one length, so equal shares look equal in every row and every group: as long as the
// widest value text leaves room for beside it, else as long as the column allows with the text below.
struct BarLayout {
    float width = 1.0f;
    bool besideText = false;
};

BarLayout barLayout(float widestValue) {
    const float available = ImGui::GetContentRegionAvail().x;
    const float em = ImGui::GetFontSize();
    BarLayout layout;
    layout.width = std::min(available - em - widestValue, kBarEms * em);
    layout.besideText = layout.width >= kShortestBarEms * em;
    if (!layout.besideText) layout.width = std::max(std::min(available, kBarEms * em), 1.0f);
    return layout;
}

void drawFinding(const SignFinding& finding, const BarLayout& bar, const Look& look, const sdk::Words& words) {
    wrappedText(finding.name);
    drawBar(finding.share, levelColor(finding.level, look), bar.width, look);
    if (bar.besideText) ImGui::SameLine(0.0f, ImGui::GetFontSize());
    wrappedText(valueText(finding, words));

    if (finding.role == ItemRole::Signal && finding.level == ALIGNKIOSK_FINDING_WIDESPREAD &&
        !finding.action.empty()) {
        // An arrow rather than words, so the line reads the same in every survey language.
        const std::string checkFirst = "\u2192 " + finding.action;
        const float indent = ImGui::GetFontSize();
        ImGui::Indent(indent);
        wrappedText(checkFirst);
        ImGui::Unindent(indent);
    }
}

void drawGroup(const PanelGroup& group, float widestValue, const Look& look, const sdk::Words& words) {
    {
        FontScope heading(look.heading);
        wrappedText(group.label);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
    ImGui::Text("n = %u", group.responseCount);
    ImGui::PopStyleColor();

    // Signs first, then metrics; each keeps scoreAggregate's ranking.
    const BarLayout bar = barLayout(widestValue);
    bool first = true;
    for (const ItemRole role : {ItemRole::Signal, ItemRole::Metric}) {
        bool roleStarted = false;
        for (const SignFinding& finding : group.findings) {
            if (finding.role != role) continue;
            // A wider gap between signs and metrics than between two rows of one kind.
            const float space = first ? 0.5f : roleStarted ? 0.35f : 1.0f;
            ImGui::Dummy(ImVec2(0.0f, space * ImGui::GetFontSize()));
            drawFinding(finding, bar, look, words);
            first = false;
            roleStarted = true;
        }
    }
}

} // namespace

void drawPanel(std::span<const PanelGroup> groups, const alignkiosk_frame_v1& frame, const sdk::Words& words) {
    if (groups.empty()) return;
    const Look look = lookFor(frame);
    FontScope body(look.body);

    // As many columns as fit, at most one a group. Bounded as a float first (a NaN fails `>=`), so the conversion to
    // int is always defined.
    const float fit = ImGui::GetContentRegionAvail().x / (kColumnEms * ImGui::GetFontSize());
    const float bounded = fit >= 1.0f ? std::min(fit, static_cast<float>(kMaxColumns)) : 1.0f;
    const int columns =
        std::min(static_cast<int>(bounded), static_cast<int>(std::min<size_t>(groups.size(), kMaxColumns)));

    float widestValue = 0.0f;
    for (const PanelGroup& group : groups)
        for (const SignFinding& finding : group.findings)
            widestValue = std::max(widestValue, ImGui::CalcTextSize(valueText(finding, words).c_str()).x);

    ImGui::PushID("diagnostic_signs_panel");
    if (columns == 1) {
        for (size_t i = 0; i < groups.size(); ++i) {
            if (i > 0) {
                ImGui::Dummy(ImVec2(0.0f, 0.5f * ImGui::GetFontSize()));
                ImGui::Separator();
                ImGui::Dummy(ImVec2(0.0f, 0.5f * ImGui::GetFontSize()));
            }
            drawGroup(groups[i], widestValue, look, words);
        }
    } else if (ImGui::BeginTable("groups", columns,
                                 ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV |
                                     ImGuiTableFlags_NoSavedSettings)) {
        for (size_t i = 0; i < groups.size(); ++i) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            drawGroup(groups[i], widestValue, look, words);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

} // namespace alignkiosk::plugins::diagnostic_signs
