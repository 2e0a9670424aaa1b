#include "onscreen_keyboard.h"

#include "ui/onscreen_keyboard_layout.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace alignkiosk::ui {

namespace {

// Key faces a little taller than the minimum when the width allows: a sentence is many taps in a row.
constexpr float kFaceHeightFactor = 1.1f;
// On a wide screen the keys stop widening at this many times their height (and the rows are centred).
constexpr float kMaxFaceWidthPerHeight = 1.5f;

float gapFor(const Theme& theme) { return std::max(2.0f, std::round(8.0f * theme.scale)); }

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

ImU32 toU32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

bool contains(ImVec2 min, ImVec2 max, ImVec2 point) {
    return point.x >= min.x && point.x < max.x && point.y >= min.y && point.y < max.y;
}

void centredText(ImDrawList* drawList, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour, const std::string& text) {
    if (text.empty()) return;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
    const ImVec2 position(std::round((min.x + max.x - size.x) * 0.5f), std::round((min.y + max.y - size.y) * 0.5f));
    drawList->AddText(font, font->FontSize, position, colour, text.c_str());
}

} // namespace

OnScreenKeyboard::OnScreenKeyboard(std::string_view language) : m_keys(&osk::languageKeys(language)) {}

void OnScreenKeyboard::setLanguage(std::string_view language) { m_keys = &osk::languageKeys(language); }

// [SECTION] Geometry

float OnScreenKeyboard::preferredHeight(float width, const Theme& theme) const {
    const float gap = gapFor(theme);
    const float padding = gap * 0.5f; // plus the slots' half gaps: a full gap at the edges
    const float letterFaceWidth = (width - 2.0f * padding) / osk::kRowUnits - gap;
    // Square-ish: as tall as a letter key is wide, between the minimum and a little more.
    const float face =
        std::clamp(letterFaceWidth, theme.minTouchTarget, theme.minTouchTarget * kFaceHeightFactor);
    return static_cast<float>(osk::kRows) * (face + gap) + 2.0f * padding;
}

void OnScreenKeyboard::layout(ImVec2 min, ImVec2 max, const Theme& theme) {
    m_gap = gapFor(theme);
    const float padding = m_gap * 0.5f;
    const float width = std::max(0.0f, max.x - min.x - 2.0f * padding);
    const float height = max.y - min.y - 2.0f * padding;
    const float rows = static_cast<float>(osk::kRows);
    m_rowHeight = std::max(height / rows, theme.minTouchTarget + m_gap);
    const float widest = kMaxFaceWidthPerHeight * (m_rowHeight - m_gap) + m_gap;
    m_unit = std::min(width / osk::kRowUnits, widest);
    const float gridWidth = m_unit * osk::kRowUnits;
    m_gridMin = ImVec2(std::round(min.x + padding + (width - gridWidth) * 0.5f),
                       std::round(max.y - padding - m_rowHeight * rows));
    m_areaMin = ImVec2(min.x, std::min(min.y, m_gridMin.y - padding));
    m_areaMax = max;
    m_laidOut = true;
}

std::string OnScreenKeyboard::accentLabel() const {
    const std::u32string& accents = m_keys->accents;
    std::string label;
    for (std::size_t i = 0; i < std::min<std::size_t>(2, accents.size()); ++i) label += osk::utf8(accents[i]);
    return label;
}

std::vector<OnScreenKeyboard::PlacedKey> OnScreenKeyboard::placeKeys() const {
    std::vector<PlacedKey> placed;
    if (!m_laidOut) return placed;
    const bool shifted = m_shift != Shift::Off && m_layer != Layer::Symbols;
    const float half = m_gap * 0.5f;
    const std::vector<osk::Row> rows = osk::layerRows(m_layer, *m_keys);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const float top = m_gridMin.y + static_cast<float>(r) * m_rowHeight;
        float left = m_gridMin.x;
        for (const osk::KeySpec& spec : rows[r]) {
            const float width = spec.units * m_unit;
            if (!spec.gap) {
                PlacedKey key;
                key.slotMin = ImVec2(left, top);
                key.slotMax = ImVec2(left + width, top + m_rowHeight);
                key.rect.min = ImVec2(left + half, top + half);
                key.rect.max = ImVec2(left + width - half, top + m_rowHeight - half);
                key.rect.kind = spec.kind;
                switch (spec.kind) {
                case KeyKind::Character:
                    key.rect.text = osk::utf8(shifted ? osk::upperCase(spec.character) : spec.character);
                    key.rect.label = key.rect.text;
                    break;
                case KeyKind::Shift: key.rect.label = m_shift == Shift::Locked ? "\u21EA" : "\u21E7"; break;
                case KeyKind::Enter: key.rect.label = "\u21B5"; break;
                case KeyKind::Symbols: key.rect.label = "?123"; break;
                case KeyKind::Letters: key.rect.label = "ABC"; break;
                case KeyKind::Accents: key.rect.label = accentLabel(); break;
                case KeyKind::Done: key.rect.label = m_doneLabel; break;
                case KeyKind::Backspace:
                case KeyKind::Space: break;
                }
                placed.push_back(std::move(key));
            }
            left += width;
        }
    }
    return placed;
}

std::vector<OnScreenKeyboard::KeyRect> OnScreenKeyboard::keys() const {
    std::vector<KeyRect> rects;
    for (PlacedKey& key : placeKeys()) rects.push_back(std::move(key.rect));
    return rects;
}

int OnScreenKeyboard::keyAt(const std::vector<PlacedKey>& keys, ImVec2 position) const {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (contains(keys[i].slotMin, keys[i].slotMax, position)) return static_cast<int>(i);
    return -1;
}

bool OnScreenKeyboard::inArea(ImVec2 position) const {
    return m_laidOut && contains(m_areaMin, m_areaMax, position);
}

// [SECTION] Input

void OnScreenKeyboard::setVisible(bool visible) {
    if (visible && !m_visible) {
        m_layer = Layer::Letters;
        m_shift = Shift::Off;
        m_justShown = true;
        m_pressKey = -1; // a press from before it was hidden can no longer act
    }
    if (!visible) {
        m_flashKey = -1;
        m_flashLeft = 0.0f;
    }
    m_visible = visible;
}

bool OnScreenKeyboard::takeDoneRequest() {
    const bool requested = m_doneRequested;
    m_doneRequested = false;
    return requested;
}

bool OnScreenKeyboard::wantsFrame() const {
    return m_pressOwned || m_heldKeyIndex >= 0 || m_actedThisFrame || (m_visible && m_flashLeft > 0.0f);
}

void OnScreenKeyboard::pressBackspace(ImGuiIO& io) {
    // Down for exactly one frame: ImGui counts a press on the frame a key goes down, and a key left down would
    // start ImGui's own repeat after io.KeyRepeatDelay.
    const int index = io.KeyMap[ImGuiKey_Backspace];
    if (index >= 0 && index < IM_ARRAYSIZE(io.KeysDown)) {
        io.KeysDown[index] = true;
        m_heldKeyIndex = index;
    }
}

void OnScreenKeyboard::act(const PlacedKey& key, ImGuiIO& io) {
    switch (key.rect.kind) {
    case KeyKind::Character:
        io.AddInputCharactersUTF8(key.rect.text.c_str());
        // One-shot Shift waits for a letter: a digit typed first leaves it on.
        if (m_shift == Shift::Once && m_layer != Layer::Symbols) m_shift = Shift::Off;
        break;
    case KeyKind::Space: io.AddInputCharactersUTF8(" "); break;
    case KeyKind::Backspace:
        if (m_repeats == 0) pressBackspace(io); // after repeats, lifting the finger deletes nothing more
        break;
    case KeyKind::Enter:
    case KeyKind::Done:
        m_doneRequested = true;
        setVisible(false);
        break;
    case KeyKind::Shift:
        if (m_shift == Shift::Off) {
            m_shift = Shift::Once;
            m_lastShiftTap = m_clock;
        } else if (m_shift == Shift::Once && m_clock - m_lastShiftTap <= kDoubleTapSeconds) {
            m_shift = Shift::Locked;
        } else {
            m_shift = Shift::Off;
        }
        break;
    case KeyKind::Symbols: m_layer = Layer::Symbols; break;
    case KeyKind::Letters: m_layer = Layer::Letters; break;
    case KeyKind::Accents: m_layer = Layer::Accents; break;
    }
}

bool OnScreenKeyboard::filterInput(ImGuiIO& io) {
    m_actedThisFrame = false;
    const bool releasedKey = m_heldKeyIndex >= 0; // it cannot go down again until ImGui has seen it up
    if (releasedKey) {
        io.KeysDown[m_heldKeyIndex] = false;
        m_heldKeyIndex = -1;
    }
    m_clock += io.DeltaTime;
    if (m_flashLeft > 0.0f) {
        m_flashLeft = std::max(0.0f, m_flashLeft - io.DeltaTime);
        if (m_flashLeft == 0.0f) m_flashKey = -1;
    }

    const bool down = io.MouseDown[0];
    const ImVec2 position = io.MousePos;
    bool started = down && !m_wasDown;
    m_wasDown = down;
    if (m_justShown && m_visible) {
        // A finger already down is not a new press, whatever was seen before the keyboard was hidden. Inside the
        // keyboard it is swallowed without a key, so it neither types nor reaches what is behind the keys.
        m_justShown = false;
        if (down) {
            started = false;
            if (!m_pressOwned && inArea(position)) {
                m_pressOwned = true;
                m_pressKey = -1;
            }
        }
    }
    if (!m_visible && !m_pressOwned) return false;

    std::vector<PlacedKey> keys;
    if (started) {
        m_pressOwned = m_visible && inArea(position);
        if (m_pressOwned) {
            keys = placeKeys();
            m_pressKey = keyAt(keys, position);
            m_pressSeconds = 0.0f;
            m_repeats = 0;
            m_flashKey = -1;
            m_flashLeft = 0.0f;
        }
    }

    bool belongs = false;
    if (m_pressOwned) {
        belongs = true;
        if (keys.empty()) keys = placeKeys();
        const bool overStartKey = m_pressKey >= 0 && keyAt(keys, position) == m_pressKey;
        if (down) {
            if (!started) m_pressSeconds += io.DeltaTime;
            m_pressOver = overStartKey;
            // Backspace held: one more deletion each interval after the delay, while the finger stays on it.
            const bool onBackspace = overStartKey && m_visible &&
                                     keys[static_cast<std::size_t>(m_pressKey)].rect.kind == KeyKind::Backspace;
            const float due = kRepeatDelaySeconds + static_cast<float>(m_repeats) * kRepeatIntervalSeconds;
            if (onBackspace && !releasedKey && m_pressSeconds >= due) {
                pressBackspace(io);
                ++m_repeats;
            }
        } else {
            if (overStartKey && m_visible) {
                const Layer layerBefore = m_layer;
                act(keys[static_cast<std::size_t>(m_pressKey)], io);
                if (m_visible && m_layer == layerBefore) {
                    m_flashKey = m_pressKey;
                    m_flashLeft = kFlashSeconds;
                }
            }
            m_pressOwned = false;
            m_pressKey = -1;
            m_pressOver = false;
            m_actedThisFrame = true;
        }
    } else if (!down && m_visible && inArea(position)) {
        belongs = true; // resting over the keyboard: nothing behind it should light up
    }

    if (belongs) {
        for (bool& button : io.MouseDown) button = false;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseWheel = 0.0f;
        io.MouseWheelH = 0.0f;
    }
    return belongs;
}

// [SECTION] Drawing

void OnScreenKeyboard::draw(const Theme& theme) const {
    if (!m_visible || !m_laidOut) return;
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    const ImVec4 background = ImGui::ColorConvertU32ToFloat4(theme.background);
    const ImVec4 text = ImGui::ColorConvertU32ToFloat4(theme.text);
    const float rounding = 8.0f * theme.scale;
    // Keys are always outlined (the light theme draws buttons without), thicker where the theme asks.
    const float line = std::max(1.0f, std::max(theme.borderWidth, 1.0f) * theme.scale);
    ImFont* body = theme.body ? theme.body : ImGui::GetFont();
    ImFont* large = theme.heading ? theme.heading : body;
    ImFont* callout = theme.title ? theme.title : large;

    // The tray a little towards the text colour from the page, so the keys (page-coloured) stand out on it.
    drawList->AddRectFilled(m_areaMin, m_areaMax, toU32(mix(background, text, 0.12f)));
    drawList->AddLine(m_areaMin, ImVec2(m_areaMax.x, m_areaMin.y), theme.border, line);

    const std::vector<PlacedKey> keys = placeKeys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const KeyRect& key = keys[i].rect;
        const int index = static_cast<int>(i);
        const bool held = m_pressOwned && index == m_pressKey && m_pressOver;
        const bool pressed = held || (index == m_flashKey && m_flashLeft > 0.0f);
        const bool plainKey = key.kind == KeyKind::Character || key.kind == KeyKind::Space;
        const bool shiftOnce = key.kind == KeyKind::Shift && m_shift == Shift::Once;

        // The theme's button colours: letters page-coloured, the others like secondary buttons; Done like a primary
        // button and locked Shift like a chosen option; a finger on a key gives it the theme's pressed colours.
        ImU32 fill = plainKey ? theme.background : theme.button;
        ImU32 labelColour = shiftOnce ? theme.accent : theme.text;
        ImU32 outline = shiftOnce ? theme.accent : theme.border;
        float outlineWidth = shiftOnce ? 2.0f * line : line;
        if (key.kind == KeyKind::Done) {
            fill = pressed ? theme.accentPressed : theme.accent;
            labelColour = theme.onAccent;
            outline = 0;
        } else if (key.kind == KeyKind::Shift && m_shift == Shift::Locked) {
            fill = pressed ? theme.accentPressed : theme.selected;
            labelColour = theme.onAccent;
            outline = 0;
        } else if (pressed) {
            fill = theme.pressed;
            labelColour = theme.text;
            outline = theme.text;
            outlineWidth = 2.0f * line;
        }
        drawList->AddRectFilled(key.min, key.max, fill, rounding);
        if (outline != 0) drawList->AddRect(key.min, key.max, outline, rounding, 0, outlineWidth);
        if (key.kind == KeyKind::Backspace) {
            // A tag a fifth of the key tall, 1.6 times as wide.
            const float halfHeight = (key.max.y - key.min.y) * 0.2f;
            drawBackspaceIcon(drawList, key.centre(), halfHeight * 1.6f, halfHeight, labelColour,
                              std::max(2.0f, 2.5f * theme.scale));
        } else {
            // Letters and the arrow symbols (Shift, Enter) large; the words (?123, Done) in body type.
            const bool largeLabel =
                key.kind == KeyKind::Character || key.kind == KeyKind::Shift || key.kind == KeyKind::Enter;
            centredText(drawList, largeLabel ? large : body, key.min, key.max, labelColour, key.label);
        }

        // The finger hides the key it holds: the character shows above it, larger.
        if (held && key.kind == KeyKind::Character) {
            const float height = (key.max.y - key.min.y) * 1.2f;
            const ImVec2 boxMin(key.min.x, key.min.y - height - m_gap);
            const ImVec2 boxMax(key.max.x, key.min.y - m_gap);
            drawList->AddRectFilled(boxMin, boxMax, theme.background, rounding);
            drawList->AddRect(boxMin, boxMax, theme.accent, rounding, 0, 2.0f * line);
            centredText(drawList, callout, boxMin, boxMax, theme.text, key.label);
        }
    }
}

} // namespace alignkiosk::ui
