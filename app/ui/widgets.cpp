#include "widgets.h"

#include <imgui_internal.h> // ClearActiveID

#include <algorithm>

namespace alignkiosk::ui {

void beginFullWindow(const char* name) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings |
                                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    ImGui::Begin(name, nullptr, kFullScreen);
}

void dragToScroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::GetScrollMaxY() <= 0.0f) return;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows))
        return;
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left) || io.MouseDelta.y == 0.0f) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    if (ImGui::IsAnyItemActive()) ImGui::ClearActiveID();
}

bool touchButton(const Theme& theme, const char* label, ImVec2 size, ButtonStyle style, bool enabled) {
    size.y = std::max(size.y, theme.minTouchTarget);
    int colorsPushed = 0;
    if (style == ButtonStyle::Primary) {
        const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
        ImGui::PushStyleColor(ImGuiCol_Button, accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(accent.x * 1.1f, accent.y * 1.1f, accent.z * 1.1f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(accent.x * 0.8f, accent.y * 0.8f, accent.z * 0.8f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));
        colorsPushed = 4;
    }
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.4f);
    const bool pressed = ImGui::Button(label, size);
    if (!enabled) ImGui::PopStyleVar();
    ImGui::PopStyleColor(colorsPushed);
    return pressed && enabled;
}

void wrappedText(std::string_view text, ImFont* font, ImU32 color) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void centeredText(std::string_view text, ImFont* font, ImU32 color) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float available = ImGui::GetContentRegionAvail().x;
    if (width < available) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) * 0.5f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

} // namespace alignkiosk::ui
