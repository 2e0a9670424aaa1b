#include "theme.h"

#include <array>
#include <system_error>

namespace alignkiosk::ui {

namespace {

// The three type sizes at scale 1.0, in pixels.
constexpr float kBodyPixels = 24.0f;
constexpr float kHeadingPixels = 32.0f;
constexpr float kTitlePixels = 50.0f;

ImFont* addFont(const std::filesystem::path& fontFile, float pixels) {
    ImGuiIO& io = ImGui::GetIO();
    std::error_code error;
    if (!fontFile.empty() && std::filesystem::is_regular_file(fontFile, error)) {
        ImFontConfig config;
        config.OversampleH = 1; // large sizes read well without it, and the atlas builds in half the time
        config.OversampleV = 1;
        // Latin-1 and Latin Extended-A: enough for the accented letters of the languages our surveys use.
        static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x21FF, 0};
        if (ImFont* font = io.Fonts->AddFontFromFileTTF(fontFile.c_str(), pixels, &config, ranges)) return font;
    }
    ImFontConfig fallback;
    fallback.SizePixels = pixels;
    return io.Fonts->AddFontDefault(&fallback);
}

} // namespace

std::filesystem::path defaultFontFile() {
    const std::array<const char*, 2> candidates{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                "/usr/share/fonts/TTF/DejaVuSans.ttf"};
    std::error_code error;
    for (const char* candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    return {};
}

Theme applyTheme(float scale, const std::filesystem::path& fontFile) {
    Theme theme;
    theme.scale = scale;
    theme.minTouchTarget = 64.0f * scale;
    // The first font added is ImGui's default, so body text comes first.
    theme.body = addFont(fontFile, kBodyPixels * scale);
    theme.heading = addFont(fontFile, kHeadingPixels * scale);
    theme.title = addFont(fontFile, kTitlePixels * scale);

    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(32.0f, 24.0f);
    style.FramePadding = ImVec2(16.0f, 12.0f);
    style.ItemSpacing = ImVec2(14.0f, 14.0f);
    style.ItemInnerSpacing = ImVec2(10.0f, 8.0f);
    style.FrameRounding = 10.0f;
    style.GrabRounding = 10.0f;
    style.ScrollbarSize = 22.0f;
    style.ScrollbarRounding = 10.0f;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 0.0f;
    style.ScaleAllSizes(scale);

    ImVec4* colors = style.Colors;
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
    colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.95f, 1.0f);
    colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colors[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.15f, 1.0f);
    colors[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.48f, 0.52f, 1.0f);
    colors[ImGuiCol_Button] = ImVec4(0.88f, 0.90f, 0.91f, 1.0f);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.89f, 1.0f);
    colors[ImGuiCol_ButtonActive] = ImVec4(accent.x, accent.y, accent.z, 0.75f);
    colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colors[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.98f, 1.0f, 1.0f);
    colors[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.97f, 1.0f, 1.0f);
    colors[ImGuiCol_PlotHistogram] = accent;
    colors[ImGuiCol_CheckMark] = accent;
    colors[ImGuiCol_SliderGrab] = accent;
    colors[ImGuiCol_SliderGrabActive] = accent;
    colors[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.80f, 1.0f);
    colors[ImGuiCol_ScrollbarBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.03f);
    return theme;
}

void addProjectionFonts(Theme& theme, const std::filesystem::path& fontFile) {
    const float scale = theme.scale * theme.projectionTypeScale;
    theme.projectionBody = addFont(fontFile, kBodyPixels * scale);
    theme.projectionHeading = addFont(fontFile, kHeadingPixels * scale);
    theme.projectionTitle = addFont(fontFile, kTitlePixels * scale);
}

} // namespace alignkiosk::ui
