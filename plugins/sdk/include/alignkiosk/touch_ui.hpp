// alignkiosk plugin SDK: header-only touch drawing helpers for module pages and dashboard panels.
//
// Every module fits the same kiosk: the frame's fonts, scale, touch size and accent; text that wraps; labels wrapped
// and centred inside big buttons; a clear chosen state a finger and a projector can read. These helpers are that
// common look, written once so the modules look alike. Using them is optional: a module may draw with plain ImGui.
// Everything here is inline and holds no state (no statics), so each plugin gets its own copy and nothing is shared
// across plugins. See plugins/sdk/README.md, "Drawing".
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::sdk::touch {

// ---- The frame's settings ------------------------------------------------------------------------------------------

// The frame's settings, with a usable value wherever the host gave none.
struct Look {
    float scale = 1.0f;
    float touchTarget = 44.0f; // the smallest width/height a finger should hit
    ImFont* heading = nullptr; // may be null: then the current font
    ImFont* body = nullptr;
    ImU32 accent = 0;          // never 0 (see lookFor)
};

inline Look lookFor(const alignkiosk_frame_v1& frame) {
    Look look;
    look.scale = frame.ui_scale > 0.0f ? frame.ui_scale : 1.0f;
    look.touchTarget = frame.min_touch_target > 0.0f ? frame.min_touch_target : 44.0f * look.scale;
    look.heading = static_cast<ImFont*>(frame.heading_font);
    look.body = static_cast<ImFont*>(frame.body_font);
    // A zero accent would be invisible; fall back to the theme's strongest button colour.
    look.accent = frame.accent_color != 0 ? frame.accent_color : ImGui::GetColorU32(ImGuiCol_ButtonActive);
    return look;
}

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

// ---- Text --------------------------------------------------------------------------------------------------------

// The text colour, a little softer: for help lines, hints and counters.
inline ImVec4 softTextColor() {
    ImVec4 color = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    color.w *= 0.72f;
    return color;
}

// Text wrapped at the right edge of the current window or cell (no printf formatting, no copy into a std::string).
inline void wrappedText(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

// The same in the softer colour.
inline void softText(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
    wrappedText(text);
    ImGui::PopStyleColor();
}

// A question's prompt in the heading font and, when there is one, its help under it in the softer body font.
inline void questionHeader(std::string_view prompt, std::string_view help, const Look& look) {
    {
        FontScope heading(look.heading);
        wrappedText(prompt);
    }
    if (!help.empty()) {
        FontScope body(look.body);
        softText(help);
    }
}

// Black or white, whichever reads better on `background`: relative luminance with the Rec. 709 weights
// 0.2126 R + 0.7152 G + 0.0722 B (on the stored values, which is close enough to choose between black and white).
inline ImU32 contrastingText(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return luminance > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

// `text` broken into lines no wider than `wrapWidth` in the current font, for drawing with ImDrawList (which does not
// wrap). A word wider than that stays whole on a line of its own; a glyph is never split.
inline std::vector<std::string_view> wrapLines(std::string_view text, float wrapWidth) {
    std::vector<std::string_view> lines;
    ImFont* font = ImGui::GetFont();
    const float fontScale = ImGui::GetFontSize() / font->FontSize;
    const char* cursor = text.data();
    const char* const end = text.data() + text.size();
    while (cursor < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(fontScale, cursor, end, wrapWidth);
        if (lineEnd <= cursor) {
            // One glyph wider than the room: take that whole UTF-8 sequence rather than loop forever.
            lineEnd = cursor + 1;
            while (lineEnd < end && (static_cast<unsigned char>(*lineEnd) & 0xC0) == 0x80) ++lineEnd;
        }
        std::string_view line(cursor, static_cast<std::size_t>(lineEnd - cursor));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.remove_suffix(1);
        lines.push_back(line);
        cursor = lineEnd;
        while (cursor < end && (*cursor == ' ' || *cursor == '\n')) ++cursor;
    }
    return lines;
}

// The widest single word of `text` in the current font: a button narrower than this (plus its padding) would split a
// word across lines.
inline float longestWordWidth(std::string_view text) {
    float widest = 0.0f;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

// `lines` (from wrapLines) drawn one under the other, each centred across min..max and the block centred down it.
inline void drawCentredLines(const std::vector<std::string_view>& lines, ImVec2 min, ImVec2 max, ImU32 color) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float lineHeight = ImGui::GetFontSize();
    float y = min.y + (max.y - min.y - lineHeight * static_cast<float>(lines.size())) * 0.5f;
    for (const std::string_view line : lines) {
        const float width = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
        drawList->AddText(ImVec2(min.x + (max.x - min.x - width) * 0.5f, y), color, line.data(),
                          line.data() + line.size());
        y += lineHeight;
    }
}

// ---- Big touch buttons ---------------------------------------------------------------------------------------------

// The corner radius of touch buttons: the theme's, and never so small that a big button looks like a text field.
inline float buttonRounding(const Look& look) { return std::max(ImGui::GetStyle().FrameRounding, 6.0f * look.scale); }

// A tap target at the cursor (an invisible ImGui button) that is drawn afterwards, so the caller can first apply a
// tap and the button then shows the state that tap made, on that very frame.
struct TapTarget {
    ImVec2 min;
    ImVec2 max;
    bool tapped = false;  // released over it this frame
    bool pressed = false; // a finger is down on it
    bool hovered = false; // the pointer rests on it and is not pressing

    TapTarget(const char* id, ImVec2 size)
        : min(ImGui::GetCursorScreenPos()), max(min.x + size.x, min.y + size.y),
          tapped(ImGui::InvisibleButton(id, size)), pressed(ImGui::IsItemActive()),
          hovered(!pressed && ImGui::IsItemHovered()) {}
};

// The fill and outlines of a choice button: the accent when chosen, darker while pressed, the plain button colour
// otherwise. Hover earns only a thin outline: on a touchscreen the pointer stays where the last finger was, and a
// filled hover there would look like a second choice. Chosen also earns a thick inner outline, so the choice reads on
// a washed-out projector and for anyone who cannot tell the accent from the button colour.
inline void drawChoiceFrame(const TapTarget& target, bool chosen, const Look& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 fill = chosen           ? look.accent
                       : target.pressed ? ImGui::GetColorU32(ImGuiCol_ButtonActive)
                                        : ImGui::GetColorU32(ImGuiCol_Button);
    const float rounding = buttonRounding(look);
    drawList->AddRectFilled(target.min, target.max, fill, rounding);
    if (target.hovered && !chosen)
        drawList->AddRect(target.min, target.max, ImGui::GetColorU32(ImGuiCol_ButtonHovered), rounding, 0,
                          2.0f * look.scale);
    if (chosen) {
        const float thickness = 3.0f * look.scale;
        drawList->AddRect(ImVec2(target.min.x + thickness, target.min.y + thickness),
                          ImVec2(target.max.x - thickness, target.max.y - thickness), contrastingText(look.accent),
                          rounding, 0, thickness);
    }
}

// The lines a choice button `width` wide breaks `label` into, `textInset` in from each side: for sizing a row of
// buttons to its longest label before drawing any of them.
inline std::vector<std::string_view> choiceLines(std::string_view label, float width, float textInset) {
    return wrapLines(label, std::max(width - 2.0f * textInset, 1.0f));
}

// A choice button's frame (drawChoiceFrame) and its label, wrapped (choiceLines) and centred, in the text colour or,
// when chosen, in black or white on the accent.
inline void drawChoice(const TapTarget& target, std::string_view label, bool chosen, const Look& look,
                       float textInset = ImGui::GetStyle().FramePadding.x) {
    drawChoiceFrame(target, chosen, look);
    drawCentredLines(choiceLines(label, target.max.x - target.min.x, textInset), target.min, target.max,
                     chosen ? contrastingText(look.accent) : ImGui::GetColorU32(ImGuiCol_Text));
}

// A big button of `size` at the cursor whose tap chooses it, as for one answer among several: drawn chosen already on
// the frame it is tapped. True when tapped; the caller records the choice (tapping the chosen one again keeps it, so
// nobody un-answers by accident). For a toggle, or anything a tap does not simply choose, use TapTarget and
// drawChoice with the state after the tap.
inline bool choiceButton(const char* id, std::string_view label, ImVec2 size, bool chosen, const Look& look,
                         float textInset = ImGui::GetStyle().FramePadding.x) {
    const TapTarget target(id, size);
    drawChoice(target, label, chosen || target.tapped, look, textInset);
    return target.tapped;
}

// ---- An open sentence ----------------------------------------------------------------------------------------------

// An InputText edit callback that keeps the text within *(const uint32_t*)UserData bytes (0: no limit). ImGui's
// std::string InputText grows without bound; this removes whatever an edit added beyond the limit (the characters
// just before the cursor: the ones just typed or pasted), on a UTF-8 boundary.
inline int limitTextBytes(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    const auto limit = static_cast<int>(*static_cast<const uint32_t*>(data->UserData));
    if (limit <= 0 || data->BufTextLen <= limit) return 0;
    const int overflow = data->BufTextLen - limit;
    const auto isContinuation = [data](int at) {
        return at < data->BufTextLen && (static_cast<unsigned char>(data->Buf[at]) & 0xC0) == 0x80;
    };
    int start = data->CursorPos - overflow;
    if (start >= 0) {
        while (start > 0 && isContinuation(start)) --start;
        data->DeleteChars(start, data->CursorPos - start);
    } else {
        start = limit;
        while (start > 0 && isContinuation(start)) --start;
        data->DeleteChars(start, data->BufTextLen - start);
    }
    return 0;
}

// How many characters (UTF-8 code points) `text` holds: what a participant counts, where "ä" is one.
inline std::size_t characterCount(std::string_view text) {
    std::size_t count = 0;
    for (const char byte : text) count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

// A multi-line box of `size` for an open answer of at most `maxBytes` bytes of UTF-8 (0: no limit), and under it at
// the right, in the softer colour, how many characters are used ("12 / 280"). The limit stays in bytes (the ABI's
// max_length, what the store accepts), so with letters beyond ASCII typing stops a little before the figure shown:
// that errs on the safe side, where counting bytes showed "36" for 35 letters. True when the text changed.
inline bool sentenceBox(const char* id, std::string& text, uint32_t maxBytes, ImVec2 size) {
    const bool changed = ImGui::InputTextMultiline(id, &text, size, ImGuiInputTextFlags_CallbackEdit, limitTextBytes,
                                                   &maxBytes);
    char counter[48];
    if (maxBytes > 0)
        std::snprintf(counter, sizeof counter, "%zu / %u", characterCount(text), maxBytes);
    else
        std::snprintf(counter, sizeof counter, "%zu", characterCount(text));
    const float counterWidth = ImGui::CalcTextSize(counter).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x - counterWidth, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
    ImGui::TextUnformatted(counter);
    ImGui::PopStyleColor();
    return changed;
}

} // namespace alignkiosk::sdk::touch
