// Small drawing helpers the shell's views share: large touch buttons and wrapped text in a given font and colour.
#pragma once

#include "theme.h"

#include <imgui.h>

#include <string_view>

namespace alignkiosk::ui {

enum class ButtonStyle { Primary, Secondary };

// A button at least theme.minTouchTarget tall; a disabled button is drawn faded and never returns true.
bool touchButton(const Theme& theme, const char* label, ImVec2 size, ButtonStyle style = ButtonStyle::Primary,
                 bool enabled = true);

// Text wrapped to the available width, in `font` (nullptr = current) and `color` (0 = the style's text colour).
void wrappedText(std::string_view text, ImFont* font = nullptr, ImU32 color = 0);

// Text centred horizontally in the available width (one line).
void centeredText(std::string_view text, ImFont* font = nullptr, ImU32 color = 0);

} // namespace alignkiosk::ui
