// The shell's look: fonts in three sizes, colours and spacing, scaled for the display. Shared with plugins through
// alignkiosk_frame_v1 (fonts, accent colour, touch-target size).
#pragma once

#include <imgui.h>

#include <filesystem>

namespace alignkiosk::ui {

struct Theme {
    float scale = 1.0f;          // 1.0 = a 96-dpi laptop screen
    float minTouchTarget = 64.0f; // pixels
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImU32 accent = IM_COL32(23, 107, 135, 255);
    ImU32 muted = IM_COL32(90, 98, 110, 255);
    ImU32 error = IM_COL32(176, 32, 32, 255);
};

// Adds the theme's fonts to the current context's atlas (from `fontFile`, falling back to ImGui's built-in font when
// it cannot be read) and sets the style. Call once, before the first frame, with an ImGui context current.
Theme applyTheme(float scale, const std::filesystem::path& fontFile);

// The TrueType font the shell prefers, from Debian's fonts-dejavu-core; empty if it is not installed.
std::filesystem::path defaultFontFile();

} // namespace alignkiosk::ui
