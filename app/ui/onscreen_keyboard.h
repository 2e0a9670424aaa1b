// The on-screen keyboard for open-text answers: large keys in four rows (letters in the language's usual order, a
// numbers-and-punctuation layer, a layer of the language's accented letters), one-shot Shift (a quick double tap
// locks capitals), space, Backspace, and Enter and Done, which both close it (the open answers are one sentence, so
// a new line has no use).
//
// It is never an ImGui window or item, so the text field being typed into keeps its focus: the keyboard takes its
// presses out of ImGui's input before ImGui::NewFrame, types through io's character queue and Backspace key, and
// draws on the foreground draw list.
#pragma once

#include "ui/theme.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alignkiosk::ui {

namespace osk {
struct LanguageKeys;
}

class OnScreenKeyboard {
public:
    enum class Layer { Letters, Symbols, Accents };
    enum class Shift { Off, Once, Locked };
    enum class KeyKind { Character, Shift, Backspace, Enter, Space, Symbols, Letters, Accents, Done };

    // A key as laid out for the current layer and Shift state (screen coordinates), for tests and screenshots.
    struct KeyRect {
        ImVec2 min; // the drawn key; a press in the gap around it counts for it too
        ImVec2 max;
        KeyKind kind = KeyKind::Character;
        std::string text;  // Character: what it types now (UTF-8, Shift applied); empty for the others
        std::string label; // what is drawn on it (empty for Backspace and Space, which draw a symbol or nothing)
        ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    };

    // Seconds within which a second tap on Shift locks capitals.
    static constexpr float kDoubleTapSeconds = 0.4f;
    // How long a tapped key stays drawn pressed after the finger lifts, so a quick tap is seen.
    static constexpr float kFlashSeconds = 0.12f;
    // Backspace held down deletes again after this long, then every kRepeatIntervalSeconds (gentler than a
    // hardware keyboard's 0.275 s: a finger rests longer than a key press).
    static constexpr float kRepeatDelaySeconds = 0.5f;
    static constexpr float kRepeatIntervalSeconds = 0.1f;

    explicit OnScreenKeyboard(std::string_view language = "en"); // BCP 47; picks the accented letters

    // Lays the keys out in the rectangle [min, max) (the bottom part of the screen the shell leaves for it). The keys
    // fill it, but never get shorter than theme.minTouchTarget: a shorter rectangle is extended upwards (areaMin()).
    // On a wide rectangle the keys stay at most 1.5 times as wide as tall and are centred.
    void layout(ImVec2 min, ImVec2 max, const Theme& theme);
    // The height the keyboard wants for a given width (rows of keys at least theme.minTouchTarget tall).
    float preferredHeight(float width, const Theme& theme) const;
    // The rectangle the keyboard covers and takes presses in, after layout().
    ImVec2 areaMin() const { return m_areaMin; }
    ImVec2 areaMax() const { return m_areaMax; }

    // Showing it starts on the letters, Shift off. A press on it that is under way when it is hidden stays hidden
    // from ImGui until it ends, and does nothing. A finger already down when it is shown (the tap on the text field
    // that called it up) never types: inside the keyboard it is hidden from ImGui until lifted, outside it is ImGui's.
    void setVisible(bool visible);
    bool visible() const { return m_visible; }

    // Call after the platform backend's NewFrame and before ImGui::NewFrame, every frame. While visible, a press that
    // starts inside the keyboard's area is hidden from ImGui (io.MouseDown cleared, io.MousePos moved off-screen
    // while that press lasts) so the text field keeps its focus; when the press is released over the key it started
    // on, the key acts: a character goes in with io.AddInputCharactersUTF8, Backspace as a one-frame key press
    // through io.KeysDown[io.KeyMap[ImGuiKey_Backspace]] (released by the next filterInput call; held on the key, it
    // repeats after kRepeatDelaySeconds), Enter and Done ask to close (takeDoneRequest) and hide the keyboard. A
    // pointer merely resting over the visible keyboard is hidden from ImGui as well (nothing behind it lights up). A
    // press that started outside passes untouched, wherever it goes. Returns true when this frame's pointer belonged
    // to the keyboard (count it as the participant's activity: ImGui saw nothing).
    bool filterInput(ImGuiIO& io);
    // True while a key press or release still needs a frame drawn (so the platform draws one more frame): a press
    // is held, a key acted this frame, Backspace is still down, or a tapped key is still flashing.
    bool wantsFrame() const;
    // Draws the keys (into ImGui's foreground draw list, so nothing covers it) with a clear pressed state. Between
    // ImGui::NewFrame and ImGui::Render; nothing when hidden.
    void draw(const Theme& theme) const;
    // "Done" (or Enter): the participant closed the keyboard; the caller deactivates the text field
    // (ImGui::ClearActiveID from imgui_internal.h) and hides the keyboard. Reading it clears it.
    bool takeDoneRequest();

    // The keys of another language's keyboard (BCP 47), from the next layout().
    void setLanguage(std::string_view language);
    // The Done key's word (ShellText::done); "Done" until set.
    void setDoneLabel(std::string label) { m_doneLabel = std::move(label); }

    Layer layer() const { return m_layer; }
    Shift shift() const { return m_shift; }
    // The current layer's keys, as laid out (empty before layout()).
    std::vector<KeyRect> keys() const;

private:
    struct PlacedKey {
        KeyRect rect;
        ImVec2 slotMin; // the face plus half the gap around it: where a press counts for this key
        ImVec2 slotMax;
    };

    std::vector<PlacedKey> placeKeys() const;
    int keyAt(const std::vector<PlacedKey>& keys, ImVec2 position) const;
    bool inArea(ImVec2 position) const;
    void act(const PlacedKey& key, ImGuiIO& io);
    void pressBackspace(ImGuiIO& io);
    std::string accentLabel() const;

    const osk::LanguageKeys* m_keys; // static tables
    std::string m_doneLabel = "Done";

    // Geometry from layout().
    ImVec2 m_areaMin{0.0f, 0.0f};
    ImVec2 m_areaMax{0.0f, 0.0f};
    ImVec2 m_gridMin{0.0f, 0.0f};
    float m_unit = 0.0f;      // the width of a one-unit slot
    float m_rowHeight = 0.0f; // the height of a slot
    float m_gap = 0.0f;       // between two key faces
    bool m_laidOut = false;

    bool m_visible = false;
    Layer m_layer = Layer::Letters;
    Shift m_shift = Shift::Off;
    float m_clock = 0.0f;           // seconds, summed from io.DeltaTime
    float m_lastShiftTap = -1.0e9f; // m_clock at the last tap on Shift

    // The press being tracked.
    bool m_wasDown = false;   // io.MouseDown[0] as the backend reported it last frame
    bool m_pressOwned = false; // the current press started on the keyboard
    int m_pressKey = -1;      // the key it started on, or -1 (a gap, the padding)
    bool m_pressOver = false; // the finger is still over that key
    float m_pressSeconds = 0.0f;
    int m_repeats = 0;        // Backspace repeats during this press
    bool m_justShown = false; // the button's state while hidden is unknown (the caller may not have called us)

    int m_heldKeyIndex = -1; // io.KeysDown slot set by the last key that acted, released next frame
    bool m_actedThisFrame = false;
    int m_flashKey = -1;
    float m_flashLeft = 0.0f;
    bool m_doneRequested = false;
};

} // namespace alignkiosk::ui
