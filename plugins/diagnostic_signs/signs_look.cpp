#include "signs_look.h"

namespace alignkiosk::plugins::diagnostic_signs {

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

// Relative luminance with the sRGB (Rec. 709) weights 0.2126 R + 0.7152 G + 0.0722 B (on the stored values, which is
// close enough to choose between black and white).
ImU32 contrastingText(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

} // namespace alignkiosk::plugins::diagnostic_signs
