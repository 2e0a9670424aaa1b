#include "stakeholder_look.h"

#include <algorithm>
#include <array>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

// Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple, orange, sky blue,
// a dark grey standing in for their black, and yellow darkened to read on the light theme.
constexpr std::array<ImU32, 8> kPalette{
    IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),    IM_COL32(0, 158, 115, 255),
    IM_COL32(204, 121, 167, 255), IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),
    IM_COL32(80, 80, 80, 255),    IM_COL32(190, 170, 20, 255),
};

} // namespace

Look lookFor(const alignkiosk_frame_v1& frame) {
    Look look;
    look.scale = frame.ui_scale > 0.0f ? frame.ui_scale : 1.0f;
    look.touchTarget = frame.min_touch_target > 0.0f ? frame.min_touch_target : 44.0f * look.scale;
    look.heading = static_cast<ImFont*>(frame.heading_font);
    look.body = static_cast<ImFont*>(frame.body_font);
    // A zero accent would be invisible; fall back to the theme's strongest button colour.
    look.accent = frame.accent_color != 0 ? frame.accent_color : ImGui::GetColorU32(ImGuiCol_ButtonActive);
    return look;
}

// Corners: employer blue, customers vermillion, yourself bluish green (in option order).
ImU32 cornerColor(std::size_t corner) { return kPalette[corner % 3]; }

// Roles: customer orange, partner sky blue, supplier reddish purple, a fourth dark grey: apart from the corners'.
ImU32 roleColor(std::size_t role) {
    constexpr std::array<ImU32, 4> roles{kPalette[4], kPalette[5], kPalette[3], kPalette[6]};
    return roles[role % roles.size()];
}

ImU32 groupColor(std::size_t group) { return kPalette[group % kPalette.size()]; }

ImU32 withAlpha(ImU32 color, float alpha) {
    const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImVec4 softTextColor() {
    ImVec4 color = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    color.w *= 0.72f;
    return color;
}

void wrappedText(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void wrappedText(std::string_view text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(width, 1.0f));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

// Relative luminance with the sRGB (Rec. 709) weights 0.2126 R + 0.7152 G + 0.0722 B (on the stored values, which is
// close enough to choose between black and white).
ImU32 contrastingText(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

std::vector<std::string_view> wrapLines(std::string_view text, float width) {
    std::vector<std::string_view> lines;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* cursor = text.data();
    const char* const end = text.data() + text.size();
    while (cursor < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, cursor, end, width);
        if (lineEnd <= cursor) {
            // One glyph wider than the width: take it whole (a UTF-8 sequence) rather than loop forever.
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

bool choiceButton(const char* id, std::string_view label, ImVec2 size, bool chosen, const Look& look) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const bool tapped = ImGui::InvisibleButton(id, size);
    const bool pressed = ImGui::IsItemActive();
    const bool hovered = !pressed && ImGui::IsItemHovered();

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 fill = (chosen || tapped) ? look.accent
                       : pressed          ? ImGui::GetColorU32(ImGuiCol_ButtonActive)
                                          : ImGui::GetColorU32(ImGuiCol_Button);
    const float rounding = std::max(style.FrameRounding, 6.0f * look.scale);
    drawList->AddRectFilled(min, max, fill, rounding);
    if (hovered && !chosen)
        drawList->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_ButtonHovered), rounding, 0, 2.0f * look.scale);
    if (chosen || tapped) {
        const ImU32 outline = contrastingText(look.accent);
        const float thickness = 3.0f * look.scale;
        drawList->AddRect(ImVec2(min.x + thickness, min.y + thickness), ImVec2(max.x - thickness, max.y - thickness),
                          outline, rounding, 0, thickness);
    }

    const float textWidth = std::max(size.x - 2.0f * style.FramePadding.x * 0.5f, 1.0f);
    const std::vector<std::string_view> lines = wrapLines(label, textWidth);
    const float lineHeight = ImGui::GetFontSize();
    const ImU32 textColor = (chosen || tapped) ? contrastingText(look.accent) : ImGui::GetColorU32(ImGuiCol_Text);
    float y = min.y + (size.y - lineHeight * static_cast<float>(lines.size())) * 0.5f;
    for (const std::string_view line : lines) {
        const float width = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
        drawList->AddText(ImVec2(min.x + (size.x - width) * 0.5f, y), textColor, line.data(),
                          line.data() + line.size());
        y += lineHeight;
    }
    return tapped;
}

} // namespace alignkiosk::plugins::stakeholder_mapping
