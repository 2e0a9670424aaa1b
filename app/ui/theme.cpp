#include "theme.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>
#include <vector>

namespace alignkiosk::ui {

namespace {

// [SECTION] Sizes -------------------------------------------------------------------------------------------------

// The three type sizes at scale 1.0, in pixels.
constexpr float kBodyPixels = 24.0f;
constexpr float kHeadingPixels = 32.0f;
constexpr float kTitlePixels = 50.0f;

// Scale 1.0 is a 96-dpi screen: 96 px per inch of 25.4 mm.
constexpr float kReferencePixelsPerMm = 96.0f / 25.4f;
// A fingertip: 15 mm targets keep mis-taps rare for adults (roughly the 15-19 mm range usability studies of touch
// kiosks recommend); 64 px at scale 1 is what the views were drawn with.
constexpr float kMinTouchMm = 15.0f;
constexpr float kMinTouchPixels = 64.0f;
// The participant pages are laid out to fit a 1280x860 window at scale 860/900 without scrolling, i.e. a page of
// 900 by 1280 * 900 / 860 units at scale 1.
constexpr float kPageHeight = 900.0f;
constexpr float kPageWidth = 1280.0f * 900.0f / 860.0f;
// Below this, letters get too few pixels to read however dense the screen; above the fit, a page no longer fits.
constexpr float kMinScale = 0.8f;
constexpr float kSmallestScale = 0.5f; // even a window too small for a page keeps type that can be read
// A physical size outside these is an EDID that holds an aspect ratio, a made-up size, or nothing.
constexpr float kMinPixelsPerMm = 1.0f;   // 25 dpi: a 85-inch 1080p screen
constexpr float kMaxPixelsPerMm = 24.0f;  // 610 dpi
constexpr float kMaxAnisotropy = 1.2f;    // pixels are square; x and y densities agree within 20 %
constexpr float kMinDiagonalMm = 200.0f;  // 8 inches: no kiosk screen is smaller

bool plausiblePhysicalSize(const DisplayGeometry& d, float& pixelsPerMm) {
    if (d.monitorWidthMm <= 0 || d.monitorHeightMm <= 0 || d.monitorWidthPx <= 0 || d.monitorHeightPx <= 0)
        return false;
    const float widthMm = static_cast<float>(d.monitorWidthMm);
    const float heightMm = static_cast<float>(d.monitorHeightMm);
    const float x = static_cast<float>(d.monitorWidthPx) / widthMm;
    const float y = static_cast<float>(d.monitorHeightPx) / heightMm;
    const float low = std::min(x, y);
    const float high = std::max(x, y);
    if (low < kMinPixelsPerMm || high > kMaxPixelsPerMm || high > low * kMaxAnisotropy) return false;
    if (std::hypot(widthMm, heightMm) < kMinDiagonalMm) return false;
    pixelsPerMm = 0.5f * (x + y);
    return true;
}

// [SECTION] Colours -----------------------------------------------------------------------------------------------

ImVec4 colour(ImU32 value, float alpha = 1.0f) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(value);
    c.w *= alpha;
    return c;
}

// The theme's own colours (Theme's members) for each kind. Every pair that carries text was checked with
// contrastRatio (tests/ui/theme_test.cpp): 4.5:1 or better for light and dark, 7:1 or better for high contrast.
void setColours(Theme& theme) {
    switch (theme.kind) {
    case ThemeKind::Light: break; // Theme's defaults are the light theme
    case ThemeKind::Dark:
        theme.background = IM_COL32(22, 25, 30, 255);
        theme.text = IM_COL32(236, 238, 241, 255);
        // A light accent under dark text: a white-text accent dark enough for 4.5:1 would not stand 3:1 apart from
        // the unchosen buttons next to it.
        theme.accent = IM_COL32(86, 184, 214, 255);
        theme.onAccent = IM_COL32(10, 16, 20, 255);
        theme.accentPressed = IM_COL32(56, 140, 170, 255);
        theme.muted = IM_COL32(172, 180, 191, 255);
        theme.error = IM_COL32(255, 138, 128, 255);
        theme.surface = IM_COL32(34, 46, 54, 255);
        theme.button = IM_COL32(50, 56, 66, 255);
        theme.pressed = IM_COL32(30, 100, 124, 255);
        theme.selected = theme.accent;
        theme.border = IM_COL32(96, 104, 116, 255);
        theme.borderWidth = 0.0f;
        break;
    case ThemeKind::HighContrast:
        // Black, white and yellow. Button faces are a very dark grey rather than black so that buttons a module
        // draws without an outline still show; pressed is a dark yellow under white text (8.4:1).
        theme.background = IM_COL32(0, 0, 0, 255);
        theme.text = IM_COL32(255, 255, 255, 255);
        theme.accent = IM_COL32(255, 255, 0, 255);
        theme.onAccent = IM_COL32(0, 0, 0, 255);
        theme.accentPressed = IM_COL32(170, 170, 0, 255); // black on it: 8.5:1
        theme.muted = IM_COL32(255, 255, 255, 255);
        theme.error = IM_COL32(255, 255, 0, 255);
        theme.surface = IM_COL32(0, 0, 0, 255);
        theme.button = IM_COL32(48, 48, 48, 255);
        theme.pressed = IM_COL32(80, 80, 0, 255);
        theme.selected = theme.accent;
        theme.border = IM_COL32(255, 255, 255, 255);
        theme.borderWidth = 3.0f;
        break;
    }
}

void setStyleColours(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImVec4* colors = style.Colors;
    const ImVec4 accent = colour(theme.accent);
    // The colours every theme sets; they agree with Theme's members.
    const auto setShared = [&] {
        colors[ImGuiCol_WindowBg] = colour(theme.background);
        colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
        colors[ImGuiCol_Text] = colour(theme.text);
        colors[ImGuiCol_Button] = colour(theme.button);
        colors[ImGuiCol_ButtonActive] = colour(theme.pressed);
        colors[ImGuiCol_PlotHistogram] = accent;
        colors[ImGuiCol_CheckMark] = accent;
        colors[ImGuiCol_SliderGrab] = accent;
        colors[ImGuiCol_SliderGrabActive] = accent;
        colors[ImGuiCol_Border] = colour(theme.border);
    };

    if (theme.kind == ThemeKind::Light) {
        // The kiosk's original look; only the pressed colour is new (dark text on it now reads at 7.8:1).
        ImGui::StyleColorsLight(&style);
        setShared();
        colors[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.48f, 0.52f, 1.0f);
        colors[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.89f, 1.0f);
        colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        colors[ImGuiCol_FrameBgHovered] = ImVec4(0.96f, 0.98f, 1.0f, 1.0f);
        colors[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.97f, 1.0f, 1.0f);
        colors[ImGuiCol_ScrollbarBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.03f);
        return;
    }

    ImGui::StyleColorsDark(&style);
    setShared();
    const bool highContrast = theme.kind == ThemeKind::HighContrast;
    colors[ImGuiCol_PopupBg] = colour(theme.background);
    colors[ImGuiCol_TextDisabled] = highContrast ? ImVec4(0.75f, 0.75f, 0.75f, 1.0f) : ImVec4(0.55f, 0.58f, 0.62f, 1.0f);
    // Hover only matters with a mouse; on a touchscreen the pointer rests where the last finger was.
    colors[ImGuiCol_ButtonHovered] = highContrast ? colour(theme.button) : ImVec4(0.24f, 0.27f, 0.32f, 1.0f);
    colors[ImGuiCol_FrameBg] = highContrast ? colour(theme.background) : ImVec4(0.13f, 0.15f, 0.18f, 1.0f);
    colors[ImGuiCol_FrameBgHovered] = colors[ImGuiCol_FrameBg];
    colors[ImGuiCol_FrameBgActive] = colors[ImGuiCol_FrameBg];
    colors[ImGuiCol_Header] = colour(theme.button);
    colors[ImGuiCol_HeaderHovered] = colors[ImGuiCol_ButtonHovered];
    colors[ImGuiCol_HeaderActive] = colour(theme.pressed);
    colors[ImGuiCol_PlotHistogramHovered] = accent;
    colors[ImGuiCol_SliderGrabActive] = colour(theme.accentPressed);
    colors[ImGuiCol_BorderShadow] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colors[ImGuiCol_Separator] = colour(theme.border);
    // Selected text: white on this blue reads at 13:1; a yellow one would wash white text out.
    colors[ImGuiCol_TextSelectedBg] = highContrast ? colour(IM_COL32(0, 0, 170, 255)) : colour(theme.accent, 0.45f);
    colors[ImGuiCol_NavHighlight] = accent;
    colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0.0f, 0.0f, 0.0f, highContrast ? 0.85f : 0.6f);
    colors[ImGuiCol_ScrollbarBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.04f);
    colors[ImGuiCol_ScrollbarGrab] = colour(theme.border);
    colors[ImGuiCol_ScrollbarGrabHovered] = colour(theme.border);
    colors[ImGuiCol_ScrollbarGrabActive] = colour(theme.text);
}

// [SECTION] Fonts -------------------------------------------------------------------------------------------------

// The font file's bytes, read once and kept for the program's life: every size in every atlas is rasterised from this
// one copy (ImGui would otherwise hold one copy per size, 0.7 MB each, to be able to build the atlas again). Empty
// when the file cannot be read.
const std::vector<char>& fontFileData(const std::filesystem::path& fontFile) {
    static std::map<std::filesystem::path, std::vector<char>> files;
    const auto found = files.find(fontFile);
    if (found != files.end()) return found->second;
    std::vector<char>& data = files[fontFile];
    std::ifstream in(fontFile, std::ios::binary | std::ios::ate);
    if (!in) return data;
    data.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(data.data(), static_cast<std::streamsize>(data.size()))) data.clear();
    return data;
}

ImFont* addFont(const std::filesystem::path& fontFile, float pixels) {
    ImGuiIO& io = ImGui::GetIO();
    std::error_code error;
    if (!fontFile.empty() && std::filesystem::is_regular_file(fontFile, error) && !fontFileData(fontFile).empty()) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false; // fontFileData's, shared by every size
        config.OversampleH = 1; // large sizes read well without it, and the atlas builds in half the time
        config.OversampleV = 1;
        // Basic Latin, Latin-1 Supplement and Latin Extended-A (U+0100-017F: ő, ł, œ, č ...) for the on-screen keyboard
        // and open answers in the languages our surveys use; Romanian's ș ț (U+0218-021B); dashes, quotes, the
        // ellipsis and the narrow no-break space ICU groups French numbers with (U+2010-202F); the euro sign; arrows
        // (U+2190-21FF).
        static const ImWchar ranges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x0218, 0x021B, 0x2010, 0x202F,
                                         0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
        const std::vector<char>& data = fontFileData(fontFile);
        char* shared = const_cast<char*>(data.data()); // ImGui only reads the bytes of a font it does not own
        if (ImFont* font = io.Fonts->AddFontFromMemoryTTF(shared, static_cast<int>(data.size()), pixels, &config,
                                                          ranges)) {
            // ImGui 1.86 copies bytes it does not own into the atlas; the copy goes, and the font reads the shared
            // bytes instead.
            ImFontConfig& added = io.Fonts->ConfigData.back();
            if (added.FontData != shared && added.FontDataOwnedByAtlas) {
                IM_FREE(added.FontData);
                added.FontData = shared;
                added.FontDataOwnedByAtlas = false;
            }
            return font;
        }
    }
    ImFontConfig fallback;
    fallback.SizePixels = pixels;
    return io.Fonts->AddFontDefault(&fallback);
}

} // namespace

// [SECTION] Public ------------------------------------------------------------------------------------------------

TouchMetrics touchMetrics(const DisplayGeometry& display) {
    TouchMetrics metrics;
    float pixelsPerMm = 0.0f;
    metrics.measured = plausiblePhysicalSize(display, pixelsPerMm);
    if (!metrics.measured) {
        // Xvfb and many projectors report no size, or one made up from 96 dpi; assume 96 dpi at the desktop's scale.
        const float contentScale =
            display.contentScale >= 0.5f && display.contentScale <= 4.0f ? display.contentScale : 1.0f;
        pixelsPerMm = kReferencePixelsPerMm * contentScale;
    }
    metrics.pixelsPerMm = pixelsPerMm;

    const float density = pixelsPerMm / kReferencePixelsPerMm;
    float fit = density;
    if (display.windowWidth > 0 && display.windowHeight > 0)
        fit = std::min(static_cast<float>(display.windowHeight) / kPageHeight,
                       static_cast<float>(display.windowWidth) / kPageWidth);
    metrics.uiScale = std::max(kSmallestScale, std::min(std::max(density, kMinScale), fit));
    metrics.minTouchTarget = std::max(kMinTouchMm * pixelsPerMm, kMinTouchPixels * metrics.uiScale);
    return metrics;
}

// WCAG 2.x: each sRGB channel c in 0..1 is linearised as c / 12.92 when c <= 0.03928, else ((c + 0.055) / 1.055)^2.4;
// L = 0.2126 R + 0.7152 G + 0.0722 B. (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance)
double relativeLuminance(ImU32 colour) {
    const auto linear = [](unsigned shift, ImU32 value) {
        const double c = static_cast<double>((value >> shift) & 0xFFu) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(IM_COL32_R_SHIFT, colour) + 0.7152 * linear(IM_COL32_G_SHIFT, colour) +
           0.0722 * linear(IM_COL32_B_SHIFT, colour);
}

// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
double contrastRatio(ImU32 a, ImU32 b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::filesystem::path defaultFontFile() {
    const std::array<const char*, 2> candidates{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                "/usr/share/fonts/TTF/DejaVuSans.ttf"};
    std::error_code error;
    for (const char* candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    return {};
}

Theme applyTheme(float scale, const std::filesystem::path& fontFile, ThemeKind kind) {
    TouchMetrics metrics;
    metrics.uiScale = scale;
    metrics.minTouchTarget = kMinTouchPixels * scale;
    return applyTheme(metrics, fontFile, kind);
}

Theme applyTheme(const TouchMetrics& metrics, const std::filesystem::path& fontFile, ThemeKind kind) {
    Theme theme;
    theme.kind = kind;
    theme.scale = metrics.uiScale;
    theme.minTouchTarget = metrics.minTouchTarget;
    setColours(theme);
    // The first font added is ImGui's default, so body text comes first.
    theme.body = addFont(fontFile, kBodyPixels * theme.scale);
    theme.heading = addFont(fontFile, kHeadingPixels * theme.scale);
    theme.title = addFont(fontFile, kTitlePixels * theme.scale);

    setStyleColours(theme);
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
    style.ScaleAllSizes(theme.scale);
    // ScaleAllSizes leaves border widths alone.
    style.FrameBorderSize = theme.borderWidth * theme.scale;
    style.PopupBorderSize = std::max(1.0f, theme.borderWidth * theme.scale);
    return theme;
}

void addProjectionFonts(Theme& theme, const std::filesystem::path& fontFile) {
    const float scale = theme.scale * theme.projectionTypeScale;
    theme.projectionBody = addFont(fontFile, kBodyPixels * scale);
    theme.projectionHeading = addFont(fontFile, kHeadingPixels * scale);
    theme.projectionTitle = addFont(fontFile, kTitlePixels * scale);
}

} // namespace alignkiosk::ui
