#include "mix_control.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace alignkiosk::plugins::stakeholder_mapping {

using namespace sdk::touch;

namespace {

constexpr float kSqrt3Over2 = 0.8660254f;
// The points in large type: the heading font drawn this much larger (the host hands no bigger font).
constexpr float kNumberScale = 1.6f;

ImVec2 toImVec(Point p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

ImFont* numberFont(const Look& look) { return look.heading ? look.heading : ImGui::GetFont(); }
float numberSize(const Look& look) {
    return (look.heading ? look.heading->FontSize : ImGui::GetFontSize()) * kNumberScale;
}

// The triangle, its 20-point grid, the corner labels, and the dot; handles the drag.
void drawTriangle(MixState& state, const std::array<std::string_view, kCorners>& labels, uint32_t total,
                  const Look& look, ImVec2 min, ImVec2 size) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 0.4f * line;
    // Room for one line of label above the top corner and below the bottom ones.
    const float side = std::max(std::min(size.x - 2.0f * line, (size.y - 2.0f * (line + pad)) / kSqrt3Over2),
                                4.0f * line);
    const float height = side * kSqrt3Over2;
    const float cx = min.x + size.x * 0.5f;
    const float top = min.y + (size.y - height) * 0.5f;
    Triangle triangle;
    triangle.corner[0] = {cx, top};
    triangle.corner[1] = {cx - side * 0.5f, top + height};
    triangle.corner[2] = {cx + side * 0.5f, top + height};

    // The whole region takes the finger, so a drag that strays outside keeps working (it lands on the edge).
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##triangle", size);
    if (ImGui::IsItemActive()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        state.allocation = allocationAt(triangle, Point{mouse.x, mouse.y}, total);
        state.touched = true;
    }

    const ImVec2 a = toImVec(triangle.corner[0]), b = toImVec(triangle.corner[1]), c = toImVec(triangle.corner[2]);
    drawList->AddTriangleFilled(a, b, c, ImGui::GetColorU32(ImGuiCol_FrameBg));
    // Grid lines every fifth of the total: where one corner's share is 20, 40, 60, 80.
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.55f);
    for (std::size_t i = 0; i < kCorners; ++i) {
        const std::size_t j = (i + 1) % kCorners, k = (i + 2) % kCorners;
        for (int step = 1; step < 5; ++step) {
            const double w = step / 5.0;
            Weights from{}, to{};
            from[i] = w;
            from[j] = 1.0 - w;
            to[i] = w;
            to[k] = 1.0 - w;
            drawList->AddLine(toImVec(pointOf(triangle, from)), toImVec(pointOf(triangle, to)), grid,
                              1.0f * look.scale);
        }
    }
    drawList->AddTriangle(a, b, c, ImGui::GetColorU32(ImGuiCol_Text, 0.55f), 2.0f * look.scale);

    // Corner dots and labels in the corners' colours; labels stay inside the region.
    const std::array<ImVec2, kCorners> corners{a, b, c};
    for (std::size_t i = 0; i < kCorners; ++i) {
        drawList->AddCircleFilled(corners[i], 7.0f * look.scale, cornerColor(i));
        const std::string_view label = labels[i];
        const ImVec2 textSize = ImGui::CalcTextSize(label.data(), label.data() + label.size());
        float x = corners[i].x - textSize.x * 0.5f;
        x = std::clamp(x, min.x, std::max(min.x, min.x + size.x - textSize.x));
        const float y = i == 0 ? corners[i].y - pad - textSize.y : corners[i].y + pad;
        drawList->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), label.data(), label.data() + label.size());
    }

    // The dot: filled and outlined once touched; until then a hollow ring at the centre, so nobody takes the even
    // split for an answer already given.
    // At the exact spot, so it follows the finger smoothly; the numbers are that spot rounded.
    const ImVec2 dot = toImVec(pointOf(triangle, state.allocation.position));
    const float radius = std::max(14.0f * look.scale, look.touchTarget * 0.22f);
    if (state.touched) {
        drawList->AddCircleFilled(dot, radius, look.accent);
        drawList->AddCircle(dot, radius, contrastingText(look.accent), 0, 3.0f * look.scale);
        drawList->AddCircle(dot, radius + 2.0f * look.scale, ImGui::GetColorU32(ImGuiCol_Text, 0.6f), 0,
                            1.5f * look.scale);
    } else {
        drawList->AddCircle(dot, radius, withAlpha(look.accent, 0.8f), 0, 3.0f * look.scale);
    }
}

// A - or + button that steps once on press and repeats while held. Returns the steps to take this frame.
int stepButton(MixState& state, int button, ImVec2 size, bool plus, bool enabled, const Look& look) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(button);
    ImGui::InvisibleButton("##step", size);
    ImGui::PopID();
    int steps = 0;
    if (ImGui::IsItemActivated()) {
        state.heldButton = button;
        state.heldFor = 0.0f;
        state.sinceRepeat = 0.0f;
        steps = 1;
    } else if (ImGui::IsItemActive() && state.heldButton == button) {
        const float dt = ImGui::GetIO().DeltaTime;
        state.heldFor += dt;
        if (state.heldFor >= kRepeatDelay) {
            state.sinceRepeat += dt;
            while (state.sinceRepeat >= kRepeatInterval) {
                state.sinceRepeat -= kRepeatInterval;
                ++steps;
            }
        }
    } else if (state.heldButton == button) {
        state.heldButton = -1;
    }

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const bool active = ImGui::IsItemActive() && enabled;
    const float rounding = buttonRounding(look);
    drawList->AddRectFilled(min, max, active ? look.accent : ImGui::GetColorU32(ImGuiCol_Button), rounding);
    if (ImGui::IsItemHovered() && !active)
        drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_ButtonHovered), rounding, 0, 2.0f * look.scale);
    // The signs drawn as bars: crisp at any size, and in no font's glyph range.
    const ImU32 ink = active ? contrastingText(look.accent) : ImGui::GetColorU32(ImGuiCol_Text, enabled ? 1.0f : 0.3f);
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const float arm = std::min(size.x, size.y) * 0.22f;
    const float thick = std::max(3.0f, std::min(size.x, size.y) * 0.07f);
    drawList->AddRectFilled(ImVec2(centre.x - arm, centre.y - thick * 0.5f),
                            ImVec2(centre.x + arm, centre.y + thick * 0.5f), ink);
    if (plus)
        drawList->AddRectFilled(ImVec2(centre.x - thick * 0.5f, centre.y - arm),
                                ImVec2(centre.x + thick * 0.5f, centre.y + arm), ink);
    return enabled ? steps : 0;
}

// One row: [-] points [+]  (dot) label.
void drawCornerRow(MixState& state, std::size_t corner, std::string_view label, uint32_t total, const Look& look,
                   float buttonSize, float numberWidth) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowTop = ImGui::GetCursorScreenPos().y;
    const int minus = stepButton(state, static_cast<int>(corner) * 2, ImVec2(buttonSize, buttonSize), false,
                                 state.allocation.shares[corner] > 0, look);
    ImGui::SameLine(0.0f, style.ItemSpacing.x);

    // The points in large type, centred in a fixed width so the buttons never move.
    const ImVec2 numberMin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(numberWidth, buttonSize));
    const std::string points = std::to_string(state.allocation.shares[corner]);
    ImFont* font = numberFont(look);
    const float fontSize = numberSize(look);
    const ImVec2 textSize = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, points.c_str());
    const ImU32 numberColor = state.touched ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(softTextColor());
    ImGui::GetWindowDrawList()->AddText(font, fontSize,
                                        ImVec2(numberMin.x + (numberWidth - textSize.x) * 0.5f,
                                               numberMin.y + (buttonSize - textSize.y) * 0.5f),
                                        numberColor, points.c_str());
    ImGui::SameLine(0.0f, style.ItemSpacing.x);
    const int plus = stepButton(state, static_cast<int>(corner) * 2 + 1, ImVec2(buttonSize, buttonSize), true,
                                state.allocation.shares[corner] < total, look);

    // The corner's colour and name, so the row and the triangle's corner read as one.
    ImGui::SameLine(0.0f, style.ItemSpacing.x * 1.5f);
    const ImVec2 labelMin = ImGui::GetCursorScreenPos();
    const float dotRadius = 8.0f * look.scale;
    const float line = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(labelMin.x + dotRadius, rowTop + buttonSize * 0.5f), dotRadius,
                                                cornerColor(corner));
    ImGui::SetCursorScreenPos(ImVec2(labelMin.x + 2.0f * dotRadius + style.ItemInnerSpacing.x,
                                     rowTop + (buttonSize - line) * 0.5f));
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::SetCursorScreenPos(ImVec2(numberMin.x - buttonSize - style.ItemSpacing.x, rowTop + buttonSize));

    const int delta = plus - minus;
    if (plus > 0 || minus > 0) state.touched = true;
    if (delta != 0) state.allocation = nudge(state.allocation, corner, delta, total);
}

} // namespace

void drawMixControl(MixState& state, const std::array<std::string_view, kCorners>& labels, uint32_t total,
                    const Look& look, ImVec2 size) {
    if (!isValid(state.allocation.shares, total)) state.allocation = evenAllocation(total);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    // The rows' width: two buttons, the widest number the total allows, the widest label.
    const float buttonSize = std::max(look.touchTarget * 1.1f, 56.0f * look.scale);
    const std::string widest = std::to_string(total);
    const float numberWidth =
        numberFont(look)->CalcTextSizeA(numberSize(look), FLT_MAX, 0.0f, widest.c_str()).x + 16.0f * look.scale;
    float labelWidth = 0.0f;
    for (const std::string_view label : labels)
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(label.data(), label.data() + label.size()).x);
    const float rowsWidth = 2.0f * buttonSize + numberWidth + style.ItemSpacing.x * 3.5f + 16.0f * look.scale +
                            style.ItemInnerSpacing.x + labelWidth;
    const float gap = 2.0f * ImGui::GetFontSize();
    const float triangleWidth = std::max(size.x - rowsWidth - gap, size.x * 0.45f);

    drawTriangle(state, labels, total, look, origin, ImVec2(triangleWidth, size.y));

    const float rowGap = 0.6f * ImGui::GetFontSize();
    const float rowsHeight = 3.0f * buttonSize + 2.0f * rowGap;
    const float rowsLeft = origin.x + triangleWidth + gap;
    float y = origin.y + std::max((size.y - rowsHeight) * 0.5f, 0.0f);
    for (std::size_t corner = 0; corner < kCorners; ++corner) {
        ImGui::PushID(static_cast<int>(corner));
        ImGui::SetCursorScreenPos(ImVec2(rowsLeft, y));
        drawCornerRow(state, corner, labels[corner], total, look, buttonSize, numberWidth);
        ImGui::PopID();
        y += buttonSize + rowGap;
    }
    // Leave the cursor below the whole region, as one item of that size would.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
}

} // namespace alignkiosk::plugins::stakeholder_mapping
