// The shell's look: fonts in three sizes, colours and spacing, scaled for the display. Shared with plugins through
// alignkiosk_frame_v1 (fonts, accent colour, touch-target size) and through ImGui's style colours.
#pragma once

#include "core/survey_model.h" // ThemeKind: a survey file can choose the theme

#include <imgui.h>

#include <filesystem>

namespace alignkiosk::ui {

// Light (the default), dark, or high contrast (black, white and yellow, thick outlines; WCAG AAA contrast).
using ThemeKind = core::ThemeKind;

// [SECTION] Display size -> touch sizes ---------------------------------------------------------------------------

// What the platform knows about the display the window is on (GLFW: the monitor's video mode and
// glfwGetMonitorPhysicalSize, glfwGetWindowContentScale, the window's size). Window coordinates are pixels on X11.
struct DisplayGeometry {
    int monitorWidthPx = 0; // the monitor's current mode
    int monitorHeightPx = 0;
    int monitorWidthMm = 0; // the monitor's physical size as it reports it (EDID); 0 when unknown
    int monitorHeightMm = 0;
    float contentScale = 1.0f; // the desktop's own scale (Xft.dpi / 96 on X11)
    int windowWidth = 0;       // what is drawn on
    int windowHeight = 0;
};

struct TouchMetrics {
    float uiScale = 1.0f;        // multiplies every size drawn at 96 dpi
    float minTouchTarget = 64.0f; // pixels: at least 15 mm on the glass, and never below 64 px at uiScale
    float pixelsPerMm = 96.0f / 25.4f;
    bool measured = false; // pixelsPerMm from the monitor's physical size; false: 96 dpi times the content scale
};

// Pure arithmetic, so it can be tested without a display. The physical size is trusted only when it is plausible
// (both sides known, 1 to 24 px/mm, square pixels within 20 %, a diagonal of at least 200 mm); otherwise the density
// is taken as 96 dpi times the content scale. uiScale follows the physical density (type the same size on the glass
// whatever the screen), at least 0.8, but never more than lets a page laid out for a 1280x860 window at 860/900 fit
// the window without scrolling.
TouchMetrics touchMetrics(const DisplayGeometry& display);

// [SECTION] Contrast ----------------------------------------------------------------------------------------------

// WCAG 2.x relative luminance of an sRGB colour (alpha ignored): 0 for black, 1 for white.
double relativeLuminance(ImU32 colour);
// WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 to 21. Text needs 4.5 (AA) or 7 (AAA).
double contrastRatio(ImU32 a, ImU32 b);

// [SECTION] Theme -------------------------------------------------------------------------------------------------

// The facilitator dashboard's colours. The participant screens never use them, so the kiosk looks the same whatever
// is chosen here.
struct DashboardPalette {
    ImU32 background;
    ImU32 panel;     // behind a chart or a module's panel
    ImU32 text;
    ImU32 muted;     // notes, axis labels
    ImU32 grid;      // gridlines, cell outlines
    ImU32 accent;    // bars
    ImU32 highlight; // the hovered heatmap row, selected list entries
    // The diverging ramp of the heatmap and of the distributions: the scale's lowest point, its midpoint, its highest.
    // Blue to orange rather than red to green, so it reads for the colour-blind.
    ImU32 rampLow;
    ImU32 rampMid;
    ImU32 rampHigh;
    float lineWidth; // pixels before the display scale
};

struct Theme {
    ThemeKind kind = ThemeKind::Light;
    float scale = 1.0f;          // 1.0 = a 96-dpi laptop screen
    float minTouchTarget = 64.0f; // pixels
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    // The participant screens' colours (the light theme's here; applyTheme sets the chosen theme's). ImGui's style
    // colours agree: WindowBg = background, Text = text, Button / ButtonActive = button / pressed, Border = border.
    ImU32 background = IM_COL32(247, 247, 242, 255);
    ImU32 text = IM_COL32(26, 31, 38, 255);
    ImU32 accent = IM_COL32(23, 107, 135, 255);       // primary buttons, progress, the chosen option
    ImU32 onAccent = IM_COL32(255, 255, 255, 255);    // text on accent, accentPressed and selected
    ImU32 accentPressed = IM_COL32(18, 86, 108, 255); // a primary button while a finger is on it
    ImU32 muted = IM_COL32(90, 98, 110, 255);         // help and notes; still readable on background and surface
    ImU32 error = IM_COL32(176, 32, 32, 255);
    ImU32 surface = IM_COL32(226, 239, 243, 255);     // a band or card behind grouped content
    ImU32 button = IM_COL32(224, 230, 232, 255);      // a secondary button or an unchosen option
    ImU32 pressed = IM_COL32(130, 186, 205, 255);     // ...while a finger is on it (text: text)
    ImU32 selected = IM_COL32(23, 107, 135, 255);     // the chosen option's fill (text: onAccent)
    ImU32 border = IM_COL32(191, 199, 204, 255);      // outlines of buttons and fields
    float borderWidth = 0.0f;                          // pixels at scale 1; drawn by ImGui around buttons and fields

    // The dashboard on a laptop: the participant screens' background and accent.
    DashboardPalette dashboard{.background = IM_COL32(247, 247, 242, 255),
                               .panel = IM_COL32(255, 255, 255, 255),
                               .text = IM_COL32(26, 31, 38, 255),
                               .muted = IM_COL32(90, 98, 110, 255),
                               .grid = IM_COL32(191, 199, 204, 255),
                               .accent = IM_COL32(23, 107, 135, 255),
                               .highlight = IM_COL32(226, 239, 243, 255),
                               .rampLow = IM_COL32(33, 102, 172, 255),
                               .rampMid = IM_COL32(236, 236, 232, 255),
                               .rampHigh = IM_COL32(179, 88, 6, 255),
                               .lineWidth = 1.5f};
    // Projection mode: black on white and thicker lines, for a washed-out projector in a lit room. The ramp's ends are
    // darker than the laptop's against its mid grey, yet as saturated: darkening them towards navy and brown turned
    // every mean between into grey-brown.
    DashboardPalette projection{.background = IM_COL32(255, 255, 255, 255),
                                .panel = IM_COL32(238, 238, 238, 255),
                                .text = IM_COL32(0, 0, 0, 255),
                                .muted = IM_COL32(35, 35, 35, 255),
                                .grid = IM_COL32(0, 0, 0, 255),
                                .accent = IM_COL32(0, 72, 98, 255),
                                .highlight = IM_COL32(255, 226, 120, 255),
                                .rampLow = IM_COL32(16, 78, 150, 255),
                                .rampMid = IM_COL32(235, 235, 235, 255),
                                .rampHigh = IM_COL32(190, 72, 0, 255),
                                .lineWidth = 3.0f};
    // Projection mode's larger type: these fonts when addProjectionFonts() added them, otherwise the normal fonts
    // scaled by projectionTypeScale (blurrier, but as large).
    float projectionTypeScale = 1.4f;
    ImFont* projectionBody = nullptr;
    ImFont* projectionHeading = nullptr;
    ImFont* projectionTitle = nullptr;
};

// Adds the theme's fonts to the current context's atlas (from `fontFile`, falling back to ImGui's built-in font when
// it cannot be read) and sets the style. Call once, before the first frame, with an ImGui context current. The fonts
// carry Basic Latin, Latin-1 Supplement, Latin Extended-A (é, ß, œ, ł, ő ...), Romanian's ș and ț, punctuation and
// arrows. This form takes minTouchTarget as 64 px times `scale`.
Theme applyTheme(float scale, const std::filesystem::path& fontFile, ThemeKind kind = ThemeKind::Light);
// The same, sized for the display: scale and minTouchTarget from touchMetrics().
Theme applyTheme(const TouchMetrics& metrics, const std::filesystem::path& fontFile, ThemeKind kind = ThemeKind::Light);

// Adds the dashboard's projection fonts (the theme's three sizes times projectionTypeScale) to the current context's
// atlas, after applyTheme, only where the dashboard is shown: the atlas grows to about twice its size. Before the
// first frame, or later with the atlas built and sent to GL again (platform::KioskWindow::addFonts), as the station
// does when its facilitator first opens the dashboard.
void addProjectionFonts(Theme& theme, const std::filesystem::path& fontFile);

// The TrueType font the shell prefers, from Debian's fonts-dejavu-core; empty if it is not installed.
std::filesystem::path defaultFontFile();

} // namespace alignkiosk::ui
