// The theme: WCAG contrast arithmetic against published values, every theme's text on its backgrounds (4.5:1, high
// contrast 7:1), ImGui's style agreeing with the Theme, the accented letters in the font atlas, and the display
// arithmetic (pixels per millimetre -> scale and touch-target size) for real and made-up monitors.
#include "ui/theme.h"

#include "ui/charts.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

namespace alignkiosk::ui {
namespace {

constexpr ImU32 kBlack = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);

// [SECTION] WCAG arithmetic -----------------------------------------------------------------------------------------

TEST(Contrast, MatchesWcagReferenceValues) {
    EXPECT_DOUBLE_EQ(relativeLuminance(kBlack), 0.0);
    EXPECT_DOUBLE_EQ(relativeLuminance(kWhite), 1.0);
    // #808080: ((128/255 + 0.055) / 1.055)^2.4 = 0.21586.
    EXPECT_NEAR(relativeLuminance(IM_COL32(128, 128, 128, 255)), 0.21586, 1e-5);
    // Pure red: L = 0.2126, so 1.05 / 0.2626 = 3.998 on white.
    EXPECT_NEAR(relativeLuminance(IM_COL32(255, 0, 0, 255)), 0.2126, 1e-9);
    EXPECT_NEAR(contrastRatio(IM_COL32(255, 0, 0, 255), kWhite), 3.998, 1e-3);
    EXPECT_DOUBLE_EQ(contrastRatio(kBlack, kWhite), 21.0);
    EXPECT_DOUBLE_EQ(contrastRatio(kWhite, kBlack), 21.0); // order does not matter
    EXPECT_DOUBLE_EQ(contrastRatio(kWhite, kWhite), 1.0);
    // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
    EXPECT_NEAR(contrastRatio(IM_COL32(118, 118, 118, 255), kWhite), 4.54, 0.01);
    EXPECT_LT(contrastRatio(IM_COL32(119, 119, 119, 255), kWhite), 4.5);
    // Alpha plays no part.
    EXPECT_DOUBLE_EQ(relativeLuminance(IM_COL32(10, 20, 30, 0)), relativeLuminance(IM_COL32(10, 20, 30, 255)));
}

// [SECTION] The themes ---------------------------------------------------------------------------------------------

class ThemeTest : public ::testing::TestWithParam<ThemeKind> {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        m_theme = applyTheme(1.5f, defaultFontFile(), GetParam());
    }
    void TearDown() override { ImGui::DestroyContext(); }

    static ImU32 style(ImGuiCol colour) { return ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[colour]); }
    double needed() const { return GetParam() == ThemeKind::HighContrast ? 7.0 : 4.5; }

    Theme m_theme;
};

std::string nameOf(const ::testing::TestParamInfo<ThemeKind>& info) { return core::themeKindName(info.param); }

INSTANTIATE_TEST_SUITE_P(Kinds, ThemeTest,
                         ::testing::Values(ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast), nameOf);

TEST_P(ThemeTest, EveryTextOnItsBackgroundMeetsItsContrast) {
    struct Pair {
        const char* what;
        ImU32 text;
        ImU32 background;
    };
    const Theme& t = m_theme;
    const std::vector<Pair> pairs = {
        {"text on background", t.text, t.background},
        {"text on surface", t.text, t.surface},
        {"text on a button", t.text, t.button},
        {"text on a pressed button", t.text, t.pressed},
        {"muted on background", t.muted, t.background},
        {"muted on surface", t.muted, t.surface},
        {"error on background", t.error, t.background},
        {"accent as text on background", t.accent, t.background},
        {"onAccent on accent", t.onAccent, t.accent},
        {"onAccent on a pressed primary button", t.onAccent, t.accentPressed},
        {"onAccent on the chosen option", t.onAccent, t.selected},
        // What ImGui and the modules draw with: the style's own colours.
        {"Text on WindowBg", style(ImGuiCol_Text), style(ImGuiCol_WindowBg)},
        {"Text on Button", style(ImGuiCol_Text), style(ImGuiCol_Button)},
        {"Text on ButtonHovered", style(ImGuiCol_Text), style(ImGuiCol_ButtonHovered)},
        {"Text on ButtonActive", style(ImGuiCol_Text), style(ImGuiCol_ButtonActive)},
        {"Text on FrameBg", style(ImGuiCol_Text), style(ImGuiCol_FrameBg)},
        {"Text on FrameBgActive", style(ImGuiCol_Text), style(ImGuiCol_FrameBgActive)},
    };
    for (const Pair& pair : pairs)
        EXPECT_GE(contrastRatio(pair.text, pair.background), needed())
            << pair.what << ": " << contrastRatio(pair.text, pair.background);
}

TEST_P(ThemeTest, ChosenAndPressedStatesStandOut) {
    // WCAG 1.4.11: a component's state needs 3:1 against what is around it.
    EXPECT_GE(contrastRatio(m_theme.selected, m_theme.background), 3.0);
    EXPECT_GE(contrastRatio(m_theme.selected, m_theme.button), 3.0);
    // Pressed differs visibly from at rest (a hue change as well as this lightness change).
    EXPECT_GE(contrastRatio(m_theme.pressed, m_theme.button), 1.4);
    EXPECT_GE(contrastRatio(m_theme.accentPressed, m_theme.accent), 1.3);
}

TEST_P(ThemeTest, TheStyleAgreesWithTheTheme) {
    EXPECT_EQ(m_theme.kind, GetParam());
    EXPECT_EQ(style(ImGuiCol_WindowBg), m_theme.background);
    EXPECT_EQ(style(ImGuiCol_Text), m_theme.text);
    EXPECT_EQ(style(ImGuiCol_Button), m_theme.button);
    EXPECT_EQ(style(ImGuiCol_ButtonActive), m_theme.pressed);
    EXPECT_EQ(style(ImGuiCol_Border), m_theme.border);
    EXPECT_EQ(m_theme.selected, m_theme.accent);
    // Backgrounds text is drawn on are opaque, so the ratios above are the ones on screen.
    for (ImGuiCol colour : {ImGuiCol_WindowBg, ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,
                            ImGuiCol_FrameBg, ImGuiCol_Text})
        EXPECT_EQ(style(colour) >> IM_COL32_A_SHIFT, 0xFFu) << ImGui::GetStyleColorName(colour);
    EXPECT_FLOAT_EQ(ImGui::GetStyle().FrameBorderSize, m_theme.borderWidth * 1.5f);
    EXPECT_FLOAT_EQ(m_theme.minTouchTarget, 64.0f * 1.5f);
}

TEST_P(ThemeTest, FontsCarryTheAccentedLettersOfOurLanguages) {
    if (defaultFontFile().empty()) GTEST_SKIP() << "DejaVu Sans is not installed (fonts-dejavu-core)";
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    // é ß ü (Latin-1), œ ł ő č ğ ž (Latin Extended-A), ș ț (Romanian), € – “ ” …
    const std::vector<ImWchar> letters = {0x00E9, 0x00DF, 0x00FC, 0x0153, 0x0142, 0x0151, 0x010D, 0x011F,
                                          0x017E, 0x0219, 0x021B, 0x20AC, 0x2013, 0x201C, 0x201D, 0x2026};
    for (ImFont* font : {m_theme.body, m_theme.heading, m_theme.title})
        for (ImWchar letter : letters)
            EXPECT_NE(font->FindGlyphNoFallback(letter), nullptr) << "U+" << std::hex << letter;
}

// Every size is rasterised from one copy of the font file, kept outside the atlas, also after the projection sizes
// are added and the atlas is built again: six copies of DejaVu Sans were 4.4 MB of the station's memory.
TEST(ThemeFonts, EverySizeReadsOneCopyOfTheFontFileAndTheAtlasBuildsAgain) {
    if (defaultFontFile().empty()) GTEST_SKIP() << "DejaVu Sans is not installed (fonts-dejavu-core)";
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    Theme theme = applyTheme(1.0f, defaultFontFile());
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    const int firstHeight = height;
    atlas.ClearTexData(); // as the platform does once the atlas is in GL

    addProjectionFonts(theme, defaultFontFile());
    ASSERT_NE(theme.projectionBody, nullptr);
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    EXPECT_GT(height, firstHeight) << "the projection sizes take room of their own";
    EXPECT_GT(theme.projectionTitle->FontSize, theme.title->FontSize);
    EXPECT_NE(theme.body->FindGlyphNoFallback(0x0151), nullptr) << "the first sizes are built again too";

    ASSERT_EQ(atlas.ConfigData.Size, 6);
    for (const ImFontConfig& config : atlas.ConfigData) {
        EXPECT_EQ(config.FontData, atlas.ConfigData[0].FontData) << "a size with its own copy of the file";
        EXPECT_FALSE(config.FontDataOwnedByAtlas);
    }
    ImGui::DestroyContext();
}

// CIELAB chroma (D65) of an sRGB colour: how far from grey it is, whatever its lightness.
double chroma(ImU32 color) {
    const auto linear = [color](int shift) {
        const double c = static_cast<double>((color >> shift) & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double r = linear(IM_COL32_R_SHIFT), g = linear(IM_COL32_G_SHIFT), b = linear(IM_COL32_B_SHIFT);
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    const double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return std::hypot(500.0 * (x - y), 200.0 * (y - z));
}

TEST(ThemeProjection, TheHeatmapRampStaysAsDistinguishableAsOnTheLaptop) {
    const Theme theme;
    const charts::ColorRamp laptop = charts::divergingRamp(theme.dashboard);
    const charts::ColorRamp projection = charts::divergingRamp(theme.projection);
    // Each end stands out from the midpoint at least as much as on the laptop (WCAG contrast)...
    EXPECT_GE(contrastRatio(theme.projection.rampLow, theme.projection.rampMid),
              contrastRatio(theme.dashboard.rampLow, theme.dashboard.rampMid));
    EXPECT_GE(contrastRatio(theme.projection.rampHigh, theme.projection.rampMid),
              contrastRatio(theme.dashboard.rampHigh, theme.dashboard.rampMid));
    // ...and every mean away from the (neutral) midpoint is at least as colourful, so 3.5 and 4.0 stay orange rather
    // than grey-brown, in eighths of the ramp.
    for (int step = 0; step <= 8; ++step) {
        if (step == 4) continue;
        const float t = static_cast<float>(step) / 8.0f;
        EXPECT_GE(chroma(projection.at(t)), chroma(laptop.at(t))) << "at " << t;
    }
}

TEST(ThemeLight, KeepsTheKiosksOriginalLook) {
    ImGui::CreateContext();
    const Theme theme = applyTheme(1.0f, defaultFontFile());
    EXPECT_EQ(theme.kind, ThemeKind::Light);
    EXPECT_EQ(theme.background, IM_COL32(247, 247, 242, 255));
    EXPECT_EQ(theme.accent, IM_COL32(23, 107, 135, 255));
    EXPECT_EQ(theme.onAccent, kWhite);
    EXPECT_FLOAT_EQ(theme.borderWidth, 0.0f);
    EXPECT_FLOAT_EQ(ImGui::GetStyle().FrameBorderSize, 0.0f);
    ImGui::DestroyContext();
}

TEST(ThemeHighContrast, IsBlackWhiteAndYellowWithThickOutlines) {
    ImGui::CreateContext();
    const Theme theme = applyTheme(2.0f, defaultFontFile(), ThemeKind::HighContrast);
    EXPECT_EQ(theme.background, kBlack);
    EXPECT_EQ(theme.text, kWhite);
    EXPECT_EQ(theme.accent, IM_COL32(255, 255, 0, 255));
    EXPECT_EQ(theme.onAccent, kBlack);
    EXPECT_FLOAT_EQ(ImGui::GetStyle().FrameBorderSize, 6.0f); // 3 px at scale 2
    ImGui::DestroyContext();
}

TEST(ThemeMetrics, TheDisplaysTouchSizesReachTheTheme) {
    ImGui::CreateContext();
    TouchMetrics metrics;
    metrics.uiScale = 1.2f;
    metrics.minTouchTarget = 83.6f;
    const Theme theme = applyTheme(metrics, defaultFontFile(), ThemeKind::Dark);
    EXPECT_FLOAT_EQ(theme.scale, 1.2f);
    EXPECT_FLOAT_EQ(theme.minTouchTarget, 83.6f);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    EXPECT_FLOAT_EQ(theme.body->FontSize, 24.0f * 1.2f);
    EXPECT_FLOAT_EQ(theme.title->FontSize, 50.0f * 1.2f);
    ImGui::DestroyContext();
}

// [SECTION] Display arithmetic ---------------------------------------------------------------------------------------

DisplayGeometry monitor(int widthPx, int heightPx, int widthMm, int heightMm, float contentScale = 1.0f) {
    return DisplayGeometry{widthPx, heightPx, widthMm, heightMm, contentScale, widthPx, heightPx};
}

TEST(TouchMetrics, XvfbsMadeUpSizeIsNinetySixDpi) {
    // Xvfb's RandR output says 508 x 285 mm for 1920 x 1080: (1920/508 + 1080/285) / 2 = 3.7845 px/mm, i.e. 96 dpi.
    const TouchMetrics m = touchMetrics(monitor(1920, 1080, 508, 285));
    EXPECT_TRUE(m.measured);
    EXPECT_NEAR(m.pixelsPerMm, 3.7845, 1e-3);
    EXPECT_NEAR(m.uiScale, 1.0013, 1e-3);       // 3.7845 / (96 / 25.4)
    EXPECT_NEAR(m.minTouchTarget, 64.08, 0.01); // 64 px * 1.0013 beats 15 mm = 56.8 px
}

TEST(TouchMetrics, ATypicalTouchscreenFollowsItsDensity) {
    // 21.5" 1920 x 1080, 476 x 268 mm: (4.0336 + 4.0299) / 2 = 4.0318 px/mm; scale 4.0318 / 3.7795 = 1.0667.
    const TouchMetrics m = touchMetrics(monitor(1920, 1080, 476, 268));
    EXPECT_TRUE(m.measured);
    EXPECT_NEAR(m.uiScale, 1.0667, 1e-3);
    EXPECT_NEAR(m.minTouchTarget, 68.27, 0.01); // 64 * 1.0667; 15 mm would be 60.5 px
}

TEST(TouchMetrics, ADenseSmallScreenGetsFifteenMillimetres) {
    // 15.6" 1920 x 1080, 344 x 194 mm: 5.5742 px/mm. Density says 1.4748, but a page must fit 1080 px: 1080 / 900.
    const TouchMetrics m = touchMetrics(monitor(1920, 1080, 344, 194));
    EXPECT_NEAR(m.pixelsPerMm, 5.5742, 1e-3);
    EXPECT_NEAR(m.uiScale, 1.2, 1e-4);
    EXPECT_NEAR(m.minTouchTarget, 83.61, 0.01); // 15 mm * 5.5742 beats 64 * 1.2 = 76.8
    // A 10" 1280 x 800 tablet, 217 x 136 mm: 5.8905 px/mm; the page fits at 800 / 900 = 0.8889.
    const TouchMetrics tablet = touchMetrics(monitor(1280, 800, 217, 136));
    EXPECT_NEAR(tablet.uiScale, 0.8889, 1e-3);
    EXPECT_NEAR(tablet.minTouchTarget, 88.36, 0.01);
}

TEST(TouchMetrics, AHugeCoarseScreenKeepsReadableType) {
    // 55" 1920 x 1080, 1210 x 680 mm: 1.5875 px/mm, density 0.42, held at 0.8.
    const TouchMetrics m = touchMetrics(monitor(1920, 1080, 1210, 680));
    EXPECT_TRUE(m.measured);
    EXPECT_NEAR(m.uiScale, 0.8, 1e-6);
    EXPECT_NEAR(m.minTouchTarget, 51.2, 1e-3); // 64 * 0.8 (32 mm there); 15 mm would be 23.8 px
}

TEST(TouchMetrics, ImplausibleSizesFallBackToNinetySixDpiAtTheDesktopScale) {
    const float reference = 96.0f / 25.4f;
    for (const DisplayGeometry& display : {
             monitor(1920, 1080, 0, 0),      // unknown
             monitor(1920, 1080, 160, 90),   // an EDID holding the aspect ratio: a 7" diagonal
             monitor(1920, 1080, 16, 9),     // 120 px/mm
             monitor(1920, 1080, 600, 200),  // non-square pixels: 3.2 against 5.4 px/mm
             monitor(1920, 1080, 5000, 3000) // 0.38 px/mm
         }) {
        const TouchMetrics m = touchMetrics(display);
        EXPECT_FALSE(m.measured) << display.monitorWidthMm << "x" << display.monitorHeightMm;
        EXPECT_NEAR(m.pixelsPerMm, reference, 1e-5);
        EXPECT_NEAR(m.uiScale, 1.0, 1e-6);
        EXPECT_NEAR(m.minTouchTarget, 64.0, 1e-4);
    }
    // A 2x desktop on an unknown 4K screen: 7.559 px/mm, scale 2 (the page would fit up to 2160 / 900 = 2.4).
    const TouchMetrics hiDpi = touchMetrics(monitor(3840, 2160, 0, 0, 2.0f));
    EXPECT_NEAR(hiDpi.uiScale, 2.0, 1e-6);
    EXPECT_NEAR(hiDpi.minTouchTarget, 128.0, 1e-3);
    // A content scale of 0 (nothing reported) counts as 1.
    EXPECT_NEAR(touchMetrics(monitor(1920, 1080, 0, 0, 0.0f)).uiScale, 1.0, 1e-6);
}

TEST(TouchMetrics, AWindowScalesToFitItsPage) {
    // The 1280 x 860 window on Xvfb's monitor: min(860 / 900, 1280 / (1280 * 900 / 860)) = 0.9556, as before.
    DisplayGeometry display = monitor(1920, 1080, 508, 285);
    display.windowWidth = 1280;
    display.windowHeight = 860;
    const TouchMetrics m = touchMetrics(display);
    EXPECT_NEAR(m.uiScale, 860.0 / 900.0, 1e-5);
    EXPECT_NEAR(m.minTouchTarget, 64.0 * 860.0 / 900.0, 1e-3);
    // A window too small for any page still gets readable type.
    display.windowWidth = 400;
    display.windowHeight = 300;
    EXPECT_NEAR(touchMetrics(display).uiScale, 0.5, 1e-6);
}

} // namespace
} // namespace alignkiosk::ui
