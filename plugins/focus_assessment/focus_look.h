// How the focus-assessment module fits into the host's look: the frame's settings with safe fallbacks, and the small
// drawing helpers its pages, its touch controls and its dashboard panel share. ImGui; no content rules, no scoring.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <imgui.h>

#include <string_view>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

// The frame's settings, with a usable value wherever the host gave none.
struct Look {
    float scale = 1.0f;
    float touchTarget = 44.0f;
    ImFont* heading = nullptr;
    ImFont* body = nullptr;
    ImU32 accent = 0;
};

Look lookFor(const alignkiosk_frame_v1& frame);

// Pushes a font for one scope only when the host gave one (PushFont(nullptr) would switch to the default font).
class FontScope {
public:
    explicit FontScope(ImFont* font) : m_pushed(font != nullptr) {
        if (m_pushed) ImGui::PushFont(font);
    }
    ~FontScope() {
        if (m_pushed) ImGui::PopFont();
    }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;

private:
    bool m_pushed;
};

// The text colour, a little softer: for help lines, hints and counters.
ImVec4 softTextColor();

// Text wrapped at the right edge of the current window or cell.
void wrappedText(std::string_view text);
// The same in the softer colour.
void softText(std::string_view text);

// Black or white, whichever reads better on `background`.
ImU32 contrastingText(ImU32 background);

// `text` broken into lines no wider than `wrapWidth` in the current font; a word wider than that stays whole on a line
// of its own (a glyph is never split).
std::vector<std::string_view> wrapLines(std::string_view text, float wrapWidth);

// The widest single word of `text` in the current font.
float longestWordWidth(std::string_view text);

} // namespace alignkiosk::plugins::focus_assessment
