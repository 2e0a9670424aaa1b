#include "focus_controls.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

using namespace sdk::touch;

namespace {

// The padding inside a tile around its text.
ImVec2 tilePadding(const Look& look) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImVec2(std::max(style.FramePadding.x, 12.0f * look.scale), std::max(style.FramePadding.y, 10.0f * look.scale));
}

// Left-aligned lines from `top` down, for the toggle tile's title and hint.
void drawLines(const std::vector<std::string_view>& lines, float left, float top, ImU32 color) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float lineHeight = ImGui::GetFontSize();
    float y = top;
    for (const std::string_view line : lines) {
        drawList->AddText(ImVec2(left, y), color, line.data(), line.data() + line.size());
        y += lineHeight;
    }
}

// A square check box at `min`, `side` wide: an empty frame, or filled with a tick drawn as two strokes (no glyph, so
// it looks the same in every font).
void drawCheckBox(ImVec2 min, float side, bool ticked, const Look& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + side, min.y + side);
    const float corner = 4.0f * look.scale;
    if (ticked) {
        const ImU32 ink = contrastingText(look.accent);
        drawList->AddRectFilled(min, max, ink, corner);
        const ImVec2 points[3] = {ImVec2(min.x + side * 0.22f, min.y + side * 0.52f),
                                  ImVec2(min.x + side * 0.42f, min.y + side * 0.72f),
                                  ImVec2(min.x + side * 0.80f, min.y + side * 0.28f)};
        drawList->AddPolyline(points, 3, look.accent, ImDrawFlags_None, 3.5f * look.scale);
    } else {
        drawList->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), corner);
        drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Text, 0.6f), corner, 0, 2.0f * look.scale);
    }
}

// A square button with a "-" or "+" drawn as strokes. True when tapped.
bool stepButton(const char* id, int direction, float side, bool atLimit, const Look& look) {
    const TapTarget target(id, ImVec2(side, side));
    drawChoiceFrame(target, false, look);
    const ImVec2 min = target.min;
    const ImVec2 max = target.max;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    // Faded at its end of the range, where a tap changes nothing.
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text, atLimit ? 0.3f : 1.0f);
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const float half = side * 0.2f;
    const float thickness = std::max(4.0f * look.scale, 2.0f);
    drawList->AddLine(ImVec2(centre.x - half, centre.y), ImVec2(centre.x + half, centre.y), ink, thickness);
    if (direction > 0)
        drawList->AddLine(ImVec2(centre.x, centre.y - half), ImVec2(centre.x, centre.y + half), ink, thickness);
    return target.tapped;
}

} // namespace

// ---- Choice tiles -------------------------------------------------------------------------------------------------

float choiceTileHeight(std::string_view label, float width, const Look& look) {
    const ImVec2 padding = tilePadding(look);
    const size_t lines = std::max<size_t>(choiceLines(label, width, padding.x).size(), 1);
    return std::max(look.touchTarget, ImGui::GetFontSize() * static_cast<float>(lines) + 2.0f * padding.y);
}

bool choiceTile(const char* id, std::string_view label, bool chosen, ImVec2 size, const Look& look) {
    // Drawn as `chosen` says even on the frame of a tap: the caller decides what the tap does (the "none of these"
    // tile is a toggle).
    const TapTarget target(id, size);
    drawChoice(target, label, chosen, look, tilePadding(look).x);
    return target.tapped;
}

// ---- Toggle tiles -------------------------------------------------------------------------------------------------

namespace {

struct ToggleLayout {
    float box = 0.0f;       // the check box's side
    float textLeft = 0.0f;  // from the tile's left edge
    float textWidth = 1.0f;
};

ToggleLayout toggleLayout(float width, const Look& look) {
    const ImVec2 padding = tilePadding(look);
    ToggleLayout layout;
    layout.box = std::round(32.0f * look.scale);
    layout.textLeft = padding.x + layout.box + padding.x;
    layout.textWidth = std::max(width - layout.textLeft - padding.x, 1.0f);
    return layout;
}

} // namespace

float toggleTileHeight(std::string_view title, std::string_view hint, float width, const Look& look) {
    const ToggleLayout layout = toggleLayout(width, look);
    float height = 0.0f;
    {
        FontScope heading(look.heading);
        height += ImGui::GetFontSize() * static_cast<float>(std::max<size_t>(wrapLines(title, layout.textWidth).size(), 1));
    }
    if (!hint.empty()) {
        FontScope body(look.body);
        height += ImGui::GetFontSize() * static_cast<float>(wrapLines(hint, layout.textWidth).size());
    }
    return std::max(look.touchTarget, height + 2.0f * tilePadding(look).y);
}

bool toggleTile(const char* id, std::string_view title, std::string_view hint, bool ticked, ImVec2 size,
                const Look& look) {
    const TapTarget target(id, size);
    drawChoiceFrame(target, ticked, look);
    const ImVec2 min = target.min;

    const ToggleLayout layout = toggleLayout(size.x, look);
    const ImVec2 padding = tilePadding(look);
    const ImU32 ink = ticked ? contrastingText(look.accent) : ImGui::GetColorU32(ImGuiCol_Text);
    std::vector<std::string_view> titleLines, hintLines;
    float titleHeight = 0.0f;
    {
        FontScope heading(look.heading);
        titleLines = wrapLines(title, layout.textWidth);
        titleHeight = ImGui::GetFontSize() * static_cast<float>(titleLines.size());
    }
    if (!hint.empty()) {
        FontScope body(look.body);
        hintLines = wrapLines(hint, layout.textWidth);
    }
    // Title and hint from the top, so the names of tiles side by side line up; the box beside the title's first line.
    const float top = min.y + padding.y;
    {
        FontScope heading(look.heading);
        const float boxTop = top + (ImGui::GetFontSize() - layout.box) * 0.5f;
        drawCheckBox(ImVec2(min.x + padding.x, boxTop), layout.box, ticked, look);
        drawLines(titleLines, min.x + layout.textLeft, top, ink);
    }
    if (!hintLines.empty()) {
        FontScope body(look.body);
        const ImVec4 soft = ImGui::ColorConvertU32ToFloat4(ink);
        drawLines(hintLines, min.x + layout.textLeft, top + titleHeight,
                  ImGui::GetColorU32(ImVec4(soft.x, soft.y, soft.z, soft.w * 0.8f)));
    }
    return target.tapped;
}

// ---- The percent picker -------------------------------------------------------------------------------------------

int snapPercent(float fraction) {
    const float clamped = std::isnan(fraction) ? 0.0f : std::clamp(fraction, 0.0f, 1.0f);
    const int steps = 100 / kPercentStep;
    return static_cast<int>(std::lround(clamped * static_cast<float>(steps))) * kPercentStep;
}

int stepPercent(std::optional<int> value, int direction) {
    if (!value) return direction < 0 ? 0 : kPercentStep;
    const int current = std::clamp(*value, 0, 100);
    // The next multiple of the step strictly below or above: from 45 down is 40, from 43 down is 40 too.
    const int next = direction < 0 ? (current - 1 < 0 ? 0 : ((current - 1) / kPercentStep) * kPercentStep)
                                   : (current / kPercentStep + 1) * kPercentStep;
    return std::clamp(next, 0, 100);
}

bool percentPicker(const char* id, std::optional<int>& value, const Look& look) {
    ImGui::PushID(id);
    const std::optional<int> before = value;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float height = std::max(look.touchTarget, 72.0f * look.scale);
    const float available = ImGui::GetContentRegionAvail().x;

    // The value, in the heading font, in a box as wide as "100%" needs, so the row does not shift as it changes.
    float valueWidth = 0.0f;
    char valueText[16];
    if (value)
        std::snprintf(valueText, sizeof valueText, "%d%%", *value);
    else
        std::snprintf(valueText, sizeof valueText, "%%");
    {
        FontScope heading(look.heading);
        valueWidth = ImGui::CalcTextSize("100%").x + 2.0f * tilePadding(look).x;
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(valueWidth, height));
        // A framed read-out; while untouched it holds only a soft "%" (a dash would look like the minus beside it).
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 max(min.x + valueWidth, min.y + height);
        drawList->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), buttonRounding(look));
        drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), buttonRounding(look), 0, 1.5f * look.scale);
        const float textWidth = ImGui::CalcTextSize(valueText).x;
        drawList->AddText(ImVec2(min.x + (valueWidth - textWidth) * 0.5f, min.y + (height - ImGui::GetFontSize()) * 0.5f),
                          ImGui::GetColorU32(value ? ImGuiCol_Text : ImGuiCol_TextDisabled), valueText);
    }

    ImGui::SameLine(0.0f, gap);
    if (stepButton("##less", -1, height, value && *value <= 0, look)) value = stepPercent(value, -1);

    ImGui::SameLine(0.0f, gap);
    const float barWidth = std::max(available - valueWidth - 2.0f * height - 3.0f * gap, look.touchTarget);
    const ImVec2 barMin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##bar", ImVec2(barWidth, height));
    const bool held = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    // The knob's centre runs from one rounded end of the track to the other, so 0 and 100 are as easy to hit as 50.
    const float knob = height * 0.3f;
    const float left = barMin.x + knob;
    const float right = barMin.x + barWidth - knob;
    if (held) value = snapPercent((ImGui::GetIO().MousePos.x - left) / std::max(right - left, 1.0f));

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float centreY = barMin.y + height * 0.5f;
    const float trackHalf = height * 0.2f;
    const ImVec2 trackMin(barMin.x, centreY - trackHalf);
    const ImVec2 trackMax(barMin.x + barWidth, centreY + trackHalf);
    drawList->AddRectFilled(trackMin, trackMax, ImGui::GetColorU32(ImGuiCol_FrameBg), trackHalf);
    drawList->AddRect(trackMin, trackMax,
                      ImGui::GetColorU32(hovered || held ? ImGuiCol_ButtonHovered : ImGuiCol_Border), trackHalf, 0,
                      2.0f * look.scale);
    const auto xOf = [&](int percent) { return left + (right - left) * static_cast<float>(percent) / 100.0f; };
    if (value)
        drawList->AddRectFilled(trackMin, ImVec2(std::max(xOf(*value), trackMin.x + 2.0f * trackHalf), trackMax.y),
                                look.accent, trackHalf);
    for (const int mark : {0, 25, 50, 75, 100})
        drawList->AddLine(ImVec2(xOf(mark), trackMin.y + trackHalf * 0.4f),
                          ImVec2(xOf(mark), trackMax.y - trackHalf * 0.4f), ImGui::GetColorU32(ImGuiCol_Text, 0.35f),
                          2.0f * look.scale);
    if (value) {
        const float x = xOf(*value);
        drawList->AddCircleFilled(ImVec2(x, centreY), knob, look.accent);
        drawList->AddCircle(ImVec2(x, centreY), knob, contrastingText(look.accent), 0, 3.0f * look.scale);
    }

    ImGui::SameLine(0.0f, gap);
    if (stepButton("##more", +1, height, value && *value >= 100, look)) value = stepPercent(value, +1);

    // The marks' numbers under the bar, in the softer colour.
    {
        FontScope body(look.body);
        const float top = barMin.y + height + 2.0f * look.scale;
        for (const int mark : {0, 25, 50, 75, 100}) {
            char text[8];
            std::snprintf(text, sizeof text, "%d", mark);
            const float width = ImGui::CalcTextSize(text).x;
            drawList->AddText(ImVec2(xOf(mark) - width * 0.5f, top), ImGui::GetColorU32(softTextColor()), text);
        }
        // Room for them: the row already left ItemSpacing.y below the bar.
        ImGui::Dummy(ImVec2(available, std::max(ImGui::GetFontSize() + 2.0f * look.scale - style.ItemSpacing.y, 1.0f)));
    }
    ImGui::PopID();
    return value != before;
}

} // namespace alignkiosk::plugins::focus_assessment
