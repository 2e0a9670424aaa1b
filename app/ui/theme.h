// The shell's look: fonts in three sizes, colours and spacing, scaled for the display. Shared with plugins through
// alignkiosk_frame_v1 (fonts, accent colour, touch-target size).
#pragma once

#include <imgui.h>

#include <filesystem>

namespace alignkiosk::ui {

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
    float scale = 1.0f;          // 1.0 = a 96-dpi laptop screen
    float minTouchTarget = 64.0f; // pixels
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImU32 accent = IM_COL32(23, 107, 135, 255);
    ImU32 muted = IM_COL32(90, 98, 110, 255);
    ImU32 error = IM_COL32(176, 32, 32, 255);

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
    // Projection mode: black on white, darker ramp ends and thicker lines, for a washed-out projector in a lit room.
    DashboardPalette projection{.background = IM_COL32(255, 255, 255, 255),
                                .panel = IM_COL32(238, 238, 238, 255),
                                .text = IM_COL32(0, 0, 0, 255),
                                .muted = IM_COL32(35, 35, 35, 255),
                                .grid = IM_COL32(0, 0, 0, 255),
                                .accent = IM_COL32(0, 72, 98, 255),
                                .highlight = IM_COL32(255, 226, 120, 255),
                                .rampLow = IM_COL32(5, 48, 97, 255),
                                .rampMid = IM_COL32(222, 222, 222, 255),
                                .rampHigh = IM_COL32(127, 59, 8, 255),
                                .lineWidth = 3.0f};
    // Projection mode's larger type: these fonts when addProjectionFonts() added them, otherwise the normal fonts
    // scaled by projectionTypeScale (blurrier, but as large).
    float projectionTypeScale = 1.4f;
    ImFont* projectionBody = nullptr;
    ImFont* projectionHeading = nullptr;
    ImFont* projectionTitle = nullptr;
};

// Adds the theme's fonts to the current context's atlas (from `fontFile`, falling back to ImGui's built-in font when
// it cannot be read) and sets the style. Call once, before the first frame, with an ImGui context current.
Theme applyTheme(float scale, const std::filesystem::path& fontFile);

// Adds the dashboard's projection fonts (the theme's three sizes times projectionTypeScale) to the current context's
// atlas. Call before the first frame, after applyTheme, only where the dashboard can be shown: the atlas grows.
void addProjectionFonts(Theme& theme, const std::filesystem::path& fontFile);

// The TrueType font the shell prefers, from Debian's fonts-dejavu-core; empty if it is not installed.
std::filesystem::path defaultFontFile();

} // namespace alignkiosk::ui
