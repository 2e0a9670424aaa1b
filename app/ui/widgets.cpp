#include "widgets.h"

#include <imgui_internal.h> // ClearActiveID, InputTextState

#include <algorithm>
#include <cstddef>

namespace alignkiosk::ui {

namespace {

// Zeroes memory through a volatile pointer: a plain memset before the memory is freed may be optimised away.
void overwrite(void* data, std::size_t bytes) {
    auto* byte = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) byte[i] = 0;
}

template <typename T>
void overwrite(ImVector<T>& buffer) {
    if (buffer.Data) overwrite(buffer.Data, static_cast<std::size_t>(buffer.Capacity) * sizeof(T));
}

} // namespace

ScreenRect lastItemRect() { return ScreenRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }

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
        // The theme's own pair for text on the accent (white on blue, black on yellow in high contrast).
        ImGui::PushStyleColor(ImGuiCol_Button, theme.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme.accent); // a finger does not hover
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme.accentPressed);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.onAccent);
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

void centeredWrappedText(std::string_view text, float width, ImFont* font, ImU32 color) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImFont* current = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / current->FontSize;
    const float left = ImGui::GetCursorPosX();
    const char* line = text.data();
    const char* const end = text.data() + text.size();
    while (line < end) {
        const char* lineEnd = current->CalcWordWrapPositionA(scale, line, end, width);
        if (lineEnd <= line) lineEnd = end; // a single word wider than the line: let it overflow
        const char* visibleEnd = lineEnd;
        while (visibleEnd > line && (visibleEnd[-1] == ' ' || visibleEnd[-1] == '\n')) --visibleEnd;
        const float lineWidth = ImGui::CalcTextSize(line, visibleEnd).x;
        ImGui::SetCursorPosX(left + std::max(0.0f, (width - lineWidth) * 0.5f));
        ImGui::TextUnformatted(line, visibleEnd);
        line = lineEnd;
        while (line < end && *line == ' ') ++line;
        if (line < end && *line == '\n') ++line;
    }
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void forgetTextInput() {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    ImGuiInputTextState& state = context.InputTextState;
    if (context.ActiveId != 0 && context.ActiveId == state.ID) ImGui::ClearActiveID();
    overwrite(state.TextW);
    overwrite(state.TextA);
    overwrite(state.InitialTextA);
    state.ClearFreeMemory();
    overwrite(&state.Stb, sizeof state.Stb); // its undo history holds typed characters
    state.CurLenW = 0;
    state.CurLenA = 0;
    state.TextAIsValid = false;
    state.ID = 0; // the next text field activated starts from its own buffer
}

void drawAccentCard(ImDrawList* drawList, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 accent, float scale) {
    drawList->AddRectFilled(min, max, fill, 12.0f * scale);
    drawList->AddRectFilled(min, ImVec2(min.x + 8.0f * scale, max.y), accent, 12.0f * scale,
                            ImDrawFlags_RoundCornersLeft);
}

void drawBackspaceIcon(ImDrawList* drawList, ImVec2 centre, float halfWidth, float halfHeight, ImU32 color,
                       float thickness) {
    const ImVec2 outline[] = {
        {centre.x - halfWidth, centre.y},
        {centre.x - halfWidth + halfHeight, centre.y - halfHeight},
        {centre.x + halfWidth, centre.y - halfHeight},
        {centre.x + halfWidth, centre.y + halfHeight},
        {centre.x - halfWidth + halfHeight, centre.y + halfHeight},
    };
    drawList->AddPolyline(outline, 5, color, ImDrawFlags_Closed, thickness);
    const float crossX = centre.x + halfHeight * 0.5f;
    const float cross = halfHeight * 0.45f;
    drawList->AddLine(ImVec2(crossX - cross, centre.y - cross), ImVec2(crossX + cross, centre.y + cross), color,
                      thickness);
    drawList->AddLine(ImVec2(crossX - cross, centre.y + cross), ImVec2(crossX + cross, centre.y - cross), color,
                      thickness);
}

} // namespace alignkiosk::ui
