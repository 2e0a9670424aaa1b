// How the stakeholder-mapping module fits into the host's look: the frame's settings with safe fallbacks, its colours,
// and the drawing helpers its pages and its dashboard panel share. ImGui; no scoring, no content rules.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <imgui.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

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

// Colours from Okabe & Ito's colour-universal-design palette (2008), which stays distinguishable for the common
// forms of colour blindness and on a washed-out projector: one per triangle corner, per role, per shown group.
ImU32 cornerColor(std::size_t corner);
ImU32 roleColor(std::size_t role);
ImU32 groupColor(std::size_t group);
ImU32 withAlpha(ImU32 color, float alpha);

// The text colour, a little softer: for help lines and counts.
ImVec4 softTextColor();

// Text wrapped at the right edge of the current window or cell.
void wrappedText(std::string_view text);
// Text wrapped at `width` from the cursor.
void wrappedText(std::string_view text, float width);

// Black or white, whichever reads better on `background`.
ImU32 contrastingText(ImU32 background);

// `text` broken into lines no wider than `width` in the current font (a word wider than that stands alone).
std::vector<std::string_view> wrapLines(std::string_view text, float width);
float longestWordWidth(std::string_view text);

// A big tap target with its label wrapped and centred; filled with the accent and outlined when chosen, so the choice
// reads on a projector and in sunlight. Hover only earns an outline: on a touchscreen the pointer stays where the last
// finger was. Returns true when tapped.
bool choiceButton(const char* id, std::string_view label, ImVec2 size, bool chosen, const Look& look);

} // namespace alignkiosk::plugins::stakeholder_mapping
