#include "focus_look.h"

#include <algorithm>

namespace alignkiosk::plugins::focus_assessment {

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

void softText(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
    wrappedText(text);
    ImGui::PopStyleColor();
}

// Relative luminance with the Rec. 709 weights 0.2126 R + 0.7152 G + 0.0722 B (on the stored values, which is close
// enough to choose between black and white).
ImU32 contrastingText(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

std::vector<std::string_view> wrapLines(std::string_view text, float wrapWidth) {
    std::vector<std::string_view> lines;
    ImFont* font = ImGui::GetFont();
    const float fontScale = ImGui::GetFontSize() / font->FontSize;
    const char* cursor = text.data();
    const char* const end = text.data() + text.size();
    while (cursor < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(fontScale, cursor, end, wrapWidth);
        if (lineEnd <= cursor) {
            // One glyph wider than the room: take that whole UTF-8 sequence rather than loop forever.
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

} // namespace alignkiosk::plugins::focus_assessment
