// Small drawing helpers the shell's views share: large touch buttons and wrapped text in a given font and colour.
#pragma once

#include "theme.h"

#include <imgui.h>

#include <string_view>

namespace alignkiosk::ui {

enum class ButtonStyle { Primary, Secondary };

// A rectangle on the screen (screen coordinates): where a button was drawn, for tests that tap it like a finger would.
struct ScreenRect {
    ImVec2 min;
    ImVec2 max;
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    bool contains(ImVec2 point) const {
        return point.x >= min.x && point.y >= min.y && point.x < max.x && point.y < max.y;
    }
};

// Where the last item was drawn.
ScreenRect lastItemRect();

// Begins the one window that covers the whole display (the shell's and the dashboard's views). It draws no
// background: the platform clears the frame to the view's colour, a full-screen quad being costly on llvmpipe.
void beginFullWindow(const char* name);

// A finger cannot turn a mouse wheel: dragging on the current window, when it is taller than the screen, scrolls it.
// The button the drag started on is let go, so lifting the finger after a scroll does not also tap it. Text fields
// keep their drag (selecting text).
void dragToScroll();

// A button at least theme.minTouchTarget tall; a disabled button is drawn faded and never returns true.
bool touchButton(const Theme& theme, const char* label, ImVec2 size, ButtonStyle style = ButtonStyle::Primary,
                 bool enabled = true);

// Text wrapped to the available width, in `font` (nullptr = current) and `color` (0 = the style's text colour).
void wrappedText(std::string_view text, ImFont* font = nullptr, ImU32 color = 0);

// Text centred horizontally in the available width (one line).
void centeredText(std::string_view text, ImFont* font = nullptr, ImU32 color = 0);

// Text wrapped to `width` from the cursor, every line centred in it.
void centeredWrappedText(std::string_view text, float width, ImFont* font = nullptr, ImU32 color = 0);

// A rounded card with the accent bar down its left edge (notices, the anonymity promise, module panels).
void drawAccentCard(ImDrawList* drawList, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 accent, float scale);

// The backspace symbol, drawn (the theme's fonts do not carry U+232B): a tag `2 * halfWidth` wide and
// `2 * halfHeight` tall pointing left, with an x in it. For the PIN pad and the on-screen keyboard.
void drawBackspaceIcon(ImDrawList* drawList, ImVec2 centre, float halfWidth, float halfHeight, ImU32 color,
                       float thickness);

// Lets go of the active text field and overwrites ImGui's own copy of what was typed in it (its edit buffers and undo
// history), so a participant's words do not stay in memory after their answers are wiped.
void forgetTextInput();

} // namespace alignkiosk::ui
