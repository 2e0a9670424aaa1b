// The on-screen keyboard headless: a real ImGui context without a window, a real InputText with the keyboard under
// it, driven by simulated taps (the "backend" sets the pointer and button every frame, the keyboard filters them,
// then ImGui's frame runs), so the text that reaches the field is ImGui's own.
#include "ui/onscreen_keyboard.h"

#include "support/headless_imgui.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // GetActiveID, ImTextCharFromUtf8

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using alignkiosk::ui::OnScreenKeyboard;
using KeyKind = OnScreenKeyboard::KeyKind;
using Layer = OnScreenKeyboard::Layer;
using Shift = OnScreenKeyboard::Shift;

constexpr float kWidth = 1280.0f;
constexpr float kHeight = 860.0f;
constexpr int kBackspaceIndex = 259; // GLFW_KEY_BACKSPACE, as the GLFW backend maps it

class OnScreenKeyboardTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_imgui.emplace(ImVec2(kWidth, kHeight));
        ImGui::GetIO().KeyMap[ImGuiKey_Backspace] = kBackspaceIndex;
        m_theme = alignkiosk::ui::applyTheme(kHeight / 900.0f, alignkiosk::ui::defaultFontFile());
        m_imgui->buildFontAtlas();
    }

    void TearDown() override { m_imgui.reset(); }

    // A keyboard along the bottom at its preferred height, shown, with the text field above it active.
    void makeKeyboard(std::string_view language = "en") {
        m_keyboard.emplace(language);
        const float height = m_keyboard->preferredHeight(kWidth, m_theme);
        m_keyboardTop = kHeight - height;
        m_keyboard->layout(ImVec2(0.0f, m_keyboardTop), ImVec2(kWidth, kHeight), m_theme);
        m_keyboard->setVisible(true);
        m_focusField = true;
        frame();
        frame();
        ASSERT_NE(m_fieldId, 0u);
        ASSERT_EQ(ImGui::GetActiveID(), m_fieldId);
    }

    // One frame as the platform runs it: the backend's input, the keyboard's filter, ImGui's frame.
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = m_pointer; // what the backend reports every frame, whatever the keyboard did to the last one
        io.MouseDown[0] = m_down;
        m_belonged = m_skipFilterWhileHidden && !m_keyboard->visible() ? false : m_keyboard->filterInput(io);
        m_imguiSawDown = io.MouseDown[0];
        m_imguiSawPointer = io.MousePos;
        m_backspaceDown = io.KeysDown[kBackspaceIndex];

        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        if (ImGui::Button("Elsewhere", ImVec2(300.0f, 80.0f))) ++m_elsewhereClicks;
        m_elsewhere = ImVec2(ImGui::GetItemRectMin().x + 150.0f, ImGui::GetItemRectMin().y + 40.0f);
        if (m_focusField) {
            ImGui::SetKeyboardFocusHere();
            m_focusField = false;
        }
        ImGui::InputText("##answer", m_buffer.data(), m_buffer.size());
        m_fieldId = ImGui::GetItemID();
        ImGui::End();
        m_keyboard->draw(m_theme);
        ImGui::Render();
        m_foregroundVertices = ImGui::GetForegroundDrawList()->VtxBuffer.Size;
    }

    // A finger: down for a frame, up, and one more frame (Backspace's key is let go in it).
    void tapAt(ImVec2 position) {
        m_pointer = position;
        m_down = true;
        frame();
        m_down = false;
        frame();
        frame();
    }

    std::optional<OnScreenKeyboard::KeyRect> findKey(KeyKind kind, std::string_view text = {}) const {
        for (const auto& key : m_keyboard->keys())
            if (key.kind == kind && (text.empty() || key.text == text)) return key;
        return std::nullopt;
    }

    void tap(KeyKind kind, std::string_view text = {}) {
        const auto key = findKey(kind, text);
        ASSERT_TRUE(key.has_value()) << "no key " << static_cast<int>(kind) << " " << text;
        tapAt(key->centre());
    }

    void type(std::string_view letters) {
        for (const char letter : letters) tap(KeyKind::Character, std::string(1, letter));
    }

    std::string text() const { return std::string(m_buffer.data()); }

    void fingerThatCalledTheKeyboardUpTypesNothing();

    std::optional<alignkiosk::test_support::HeadlessImGui> m_imgui;
    alignkiosk::ui::Theme m_theme;
    std::optional<OnScreenKeyboard> m_keyboard;
    float m_keyboardTop = 0.0f;
    std::array<char, 256> m_buffer{};
    ImGuiID m_fieldId = 0;
    bool m_focusField = false;
    ImVec2 m_pointer{-FLT_MAX, -FLT_MAX};
    bool m_down = false;
    bool m_belonged = false;
    bool m_skipFilterWhileHidden = false; // as a caller that only filters while the keyboard shows
    bool m_imguiSawDown = false;
    ImVec2 m_imguiSawPointer{0.0f, 0.0f};
    bool m_backspaceDown = false;
    ImVec2 m_elsewhere{0.0f, 0.0f};
    int m_elsewhereClicks = 0;
    int m_foregroundVertices = 0;
};

TEST_F(OnScreenKeyboardTest, ShiftThenHThenITypesHi) {
    makeKeyboard();
    EXPECT_TRUE(findKey(KeyKind::Character, "h").has_value());
    tap(KeyKind::Shift);
    EXPECT_EQ(m_keyboard->shift(), Shift::Once);
    EXPECT_TRUE(findKey(KeyKind::Character, "H").has_value()); // the keys show capitals
    EXPECT_FALSE(findKey(KeyKind::Character, "h").has_value());
    tap(KeyKind::Character, "H");
    EXPECT_EQ(m_keyboard->shift(), Shift::Off); // one-shot
    tap(KeyKind::Character, "i");
    EXPECT_EQ(text(), "Hi");
    tap(KeyKind::Space);
    type("ok");
    EXPECT_EQ(text(), "Hi ok");
}

TEST_F(OnScreenKeyboardTest, BackspaceRemovesOneUtf8Character) {
    makeKeyboard();
    tap(KeyKind::Accents);
    EXPECT_EQ(m_keyboard->layer(), Layer::Accents);
    tap(KeyKind::Character, "é");
    EXPECT_EQ(text(), "\xC3\xA9"); // é is two bytes
    tap(KeyKind::Backspace);
    EXPECT_EQ(text(), "");

    tap(KeyKind::Letters);
    type("a");
    tap(KeyKind::Accents);
    tap(KeyKind::Character, "é");
    tap(KeyKind::Character, "ç");
    EXPECT_EQ(text(), "aéç");
    tap(KeyKind::Backspace);
    EXPECT_EQ(text(), "aé");
}

TEST_F(OnScreenKeyboardTest, BackspaceIsDownForExactlyOneFrame) {
    makeKeyboard();
    type("abc");
    const auto backspace = findKey(KeyKind::Backspace);
    ASSERT_TRUE(backspace.has_value());
    m_pointer = backspace->centre();
    m_down = true;
    frame();
    EXPECT_FALSE(m_backspaceDown); // nothing yet: keys act when the finger lifts
    m_down = false;
    frame();
    EXPECT_TRUE(m_backspaceDown);
    EXPECT_TRUE(m_keyboard->wantsFrame()); // the key must be let go in a next frame
    frame();
    EXPECT_FALSE(m_backspaceDown);
    // Many frames later nothing repeats.
    for (int i = 0; i < 60; ++i) frame();
    EXPECT_EQ(text(), "ab");
}

TEST_F(OnScreenKeyboardTest, BackspaceHeldDownRepeats) {
    makeKeyboard();
    type("abcdefgh");
    const auto backspace = findKey(KeyKind::Backspace);
    ASSERT_TRUE(backspace.has_value());
    m_pointer = backspace->centre();
    m_down = true;
    // Held for 63 frames of 1/60 s after the press frame: 1.05 s. Deletions at 0.5, 0.6, 0.7, 0.8, 0.9 and 1.0 s
    // (kRepeatDelaySeconds, then every kRepeatIntervalSeconds): 6; and lifting the finger deletes no more.
    frame();
    for (int i = 0; i < 63; ++i) frame();
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "ab");
    // A short tap still deletes one.
    tap(KeyKind::Backspace);
    EXPECT_EQ(text(), "a");
}

// The tap on the text field calls the keyboard up; the finger may still be down, over a key, when it shows.
void OnScreenKeyboardTest::fingerThatCalledTheKeyboardUpTypesNothing() {
    makeKeyboard();
    const auto key = findKey(KeyKind::Character, "q");
    ASSERT_TRUE(key.has_value());
    m_keyboard->setVisible(false);
    frame();
    m_pointer = key->centre();
    m_down = true;
    frame();
    m_keyboard->setVisible(true);
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(m_imguiSawDown); // ImGui sees it lifted, not pressed again
    frame();
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "");
    // The next tap types (into the field again: in this test the first press was ImGui's, on the bare page).
    m_focusField = true;
    frame();
    tap(KeyKind::Character, "q");
    EXPECT_EQ(text(), "q");
}

TEST_F(OnScreenKeyboardTest, TheFingerThatCalledTheKeyboardUpTypesNothing) {
    fingerThatCalledTheKeyboardUpTypesNothing();
}

TEST_F(OnScreenKeyboardTest, TheFingerThatCalledTheKeyboardUpTypesNothingIfHiddenFramesWereNotFiltered) {
    m_skipFilterWhileHidden = true;
    fingerThatCalledTheKeyboardUpTypesNothing();
}

TEST_F(OnScreenKeyboardTest, NumbersLayerTypesDigits) {
    makeKeyboard();
    tap(KeyKind::Symbols);
    EXPECT_EQ(m_keyboard->layer(), Layer::Symbols);
    tap(KeyKind::Character, "4");
    tap(KeyKind::Character, "2");
    tap(KeyKind::Character, "%");
    EXPECT_EQ(text(), "42%");
    EXPECT_FALSE(findKey(KeyKind::Shift).has_value()); // nothing to shift among digits
    tap(KeyKind::Letters);
    EXPECT_EQ(m_keyboard->layer(), Layer::Letters);
    type("x");
    EXPECT_EQ(text(), "42%x");
}

TEST_F(OnScreenKeyboardTest, GermanAccentsHaveEszett) {
    makeKeyboard("de-DE");
    // QWERTZ: z where English has y.
    const auto z = findKey(KeyKind::Character, "z");
    const auto t = findKey(KeyKind::Character, "t");
    ASSERT_TRUE(z && t);
    EXPECT_FLOAT_EQ(z->centre().y, t->centre().y);
    EXPECT_GT(z->centre().x, t->centre().x);

    tap(KeyKind::Accents);
    for (const char* letter : {"ä", "ö", "ü", "ß", "Ä", "Ö", "Ü"})
        EXPECT_TRUE(findKey(KeyKind::Character, letter).has_value()) << letter;
    tap(KeyKind::Character, "ß");
    tap(KeyKind::Character, "Ü");
    EXPECT_EQ(text(), "ßÜ");
}

// The letter layer as each language's own keyboard has it: German QWERTZ with ö beside l and ä ü on the bottom row
// (comma and full stop either side of the space bar), French AZERTY with m beside l.
TEST_F(OnScreenKeyboardTest, EachLanguageGetsItsLetterLayout) {
    const auto rowOf = [&](const char* letter) {
        const auto key = findKey(KeyKind::Character, letter);
        EXPECT_TRUE(key.has_value()) << letter;
        return key ? key->centre().y : -1.0f;
    };
    const auto leftOf = [&](const char* a, const char* b) {
        return findKey(KeyKind::Character, a)->centre().x < findKey(KeyKind::Character, b)->centre().x;
    };
    makeKeyboard("de");
    EXPECT_FLOAT_EQ(rowOf("z"), rowOf("q")); // QWERTZ
    EXPECT_FLOAT_EQ(rowOf("y"), rowOf("m"));
    EXPECT_FLOAT_EQ(rowOf("\u00f6"), rowOf("l")); // ö after l
    EXPECT_TRUE(leftOf("l", "\u00f6"));
    EXPECT_FLOAT_EQ(rowOf("\u00e4"), rowOf("m"));
    EXPECT_FLOAT_EQ(rowOf("\u00fc"), rowOf("m"));
    EXPECT_TRUE(leftOf(",", ".")); // either side of the space bar
    EXPECT_LT(findKey(KeyKind::Character, ",")->centre().x, findKey(KeyKind::Space)->centre().x);
    EXPECT_GT(findKey(KeyKind::Character, ".")->centre().x, findKey(KeyKind::Space)->centre().x);
    tap(KeyKind::Shift);
    tap(KeyKind::Character, "\u00d6"); // Ö: shift gives the capital umlaut
    tap(KeyKind::Character, "l");
    EXPECT_EQ(text(), "\u00d6l");

    makeKeyboard("fr");
    EXPECT_FLOAT_EQ(rowOf("a"), rowOf("z")); // AZERTY
    EXPECT_TRUE(leftOf("a", "z"));
    EXPECT_FLOAT_EQ(rowOf("q"), rowOf("m"));
    EXPECT_FLOAT_EQ(rowOf("w"), rowOf("n"));
    tap(KeyKind::Accents);
    for (const char* letter : {"\u00e9", "\u00e8", "\u00e0", "\u00e7", "\u00f9"})
        EXPECT_TRUE(findKey(KeyKind::Character, letter).has_value()) << letter;
}

TEST_F(OnScreenKeyboardTest, EachLanguageGetsItsAccents) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"en", {"é", "è", "ê", "ë", "à", "â", "ä", "ç", "ñ", "ö", "ü", "ï", "ô", "û", "ß"}},
        {"fr-CA", {"é", "è", "ê", "ë", "à", "â", "ç", "ô", "û", "ù", "ï", "œ"}},
        {"es", {"á", "é", "í", "ó", "ú", "ñ", "ü", "¿", "¡"}},
        {"nl", {"é", "è", "ê", "ë", "à", "â", "ä", "ç", "ñ", "ö", "ü", "ï", "ô", "û", "ß"}}, // falls back to English
    };
    for (const auto& [language, letters] : expected) {
        m_keyboard.emplace(language);
        m_keyboard->layout(ImVec2(0.0f, 500.0f), ImVec2(kWidth, kHeight), m_theme);
        m_keyboard->setVisible(true);
        ImGuiIO& io = ImGui::GetIO();
        const auto accentsKey = findKey(KeyKind::Accents);
        ASSERT_TRUE(accentsKey.has_value());
        // Tapped by hand, without ImGui frames: only the filter is under test here. The finger is up first.
        io.MousePos = accentsKey->centre();
        io.MouseDown[0] = false;
        m_keyboard->filterInput(io);
        io.MousePos = accentsKey->centre();
        io.MouseDown[0] = true;
        m_keyboard->filterInput(io);
        io.MousePos = accentsKey->centre();
        io.MouseDown[0] = false;
        m_keyboard->filterInput(io);
        ASSERT_EQ(m_keyboard->layer(), Layer::Accents) << language;
        std::vector<std::string> shown;
        for (const auto& key : m_keyboard->keys())
            if (key.kind == KeyKind::Character) shown.push_back(key.text);
        EXPECT_EQ(shown, letters) << language;
    }
    // Shift gives the capitals where there are any.
    makeKeyboard("fr");
    tap(KeyKind::Accents);
    tap(KeyKind::Shift);
    EXPECT_TRUE(findKey(KeyKind::Character, "Œ").has_value());
    EXPECT_TRUE(findKey(KeyKind::Character, "É").has_value());
    tap(KeyKind::Character, "Œ");
    tap(KeyKind::Character, "é");
    EXPECT_EQ(text(), "Œé");
}

TEST_F(OnScreenKeyboardTest, TheFieldKeepsItsFocusAcrossTaps) {
    makeKeyboard();
    const ImGuiID active = ImGui::GetActiveID();
    ASSERT_EQ(active, m_fieldId);
    const auto key = findKey(KeyKind::Character, "q");
    ASSERT_TRUE(key.has_value());
    m_pointer = key->centre();
    m_down = true;
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(m_imguiSawDown); // ImGui never sees the press...
    EXPECT_FALSE(ImGui::IsMousePosValid(&m_imguiSawPointer)); // ...nor where it is
    EXPECT_EQ(ImGui::GetActiveID(), active);
    m_down = false;
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(ImGui::IsMousePosValid(&m_imguiSawPointer));
    frame();

    tap(KeyKind::Shift);
    tap(KeyKind::Symbols);
    tap(KeyKind::Character, "1");
    tap(KeyKind::Accents);
    tap(KeyKind::Character, "É");
    tap(KeyKind::Space);
    tap(KeyKind::Backspace);
    EXPECT_EQ(ImGui::GetActiveID(), active);
    EXPECT_TRUE(ImGui::GetIO().WantTextInput);
    EXPECT_EQ(text(), "q1É");
    EXPECT_EQ(m_elsewhereClicks, 0);
}

TEST_F(OnScreenKeyboardTest, APressOutsideTheKeyboardReachesImGuiUntouched) {
    makeKeyboard();
    ASSERT_LT(m_elsewhere.y, m_keyboardTop);
    m_pointer = m_elsewhere;
    m_down = true;
    frame();
    EXPECT_FALSE(m_belonged);
    EXPECT_TRUE(m_imguiSawDown);
    EXPECT_EQ(m_imguiSawPointer.x, m_elsewhere.x);
    EXPECT_EQ(m_imguiSawPointer.y, m_elsewhere.y);
    // Dragged over the keyboard and let go there, it is still ImGui's press: the keyboard does not type...
    const auto key = findKey(KeyKind::Character, "q");
    ASSERT_TRUE(key.has_value());
    m_pointer = key->centre();
    frame();
    EXPECT_FALSE(m_belonged);
    EXPECT_TRUE(m_imguiSawDown);
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "");
    EXPECT_EQ(m_elsewhereClicks, 0); // (released off the button)

    // ...and a plain tap outside clicks what is there, as always (and takes the focus from the field).
    tapAt(m_elsewhere);
    EXPECT_EQ(m_elsewhereClicks, 1);
    EXPECT_NE(ImGui::GetActiveID(), m_fieldId);
}

TEST_F(OnScreenKeyboardTest, APressReleasedAwayFromItsKeyTypesNothing) {
    makeKeyboard();
    const auto q = findKey(KeyKind::Character, "q");
    const auto w = findKey(KeyKind::Character, "w");
    ASSERT_TRUE(q && w);
    // Slid onto the next key.
    m_pointer = q->centre();
    m_down = true;
    frame();
    m_pointer = w->centre();
    frame();
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "");
    // Slid up onto the page, over a button: ImGui saw no press, so nothing is clicked and the field keeps its focus.
    m_pointer = q->centre();
    m_down = true;
    frame();
    m_pointer = m_elsewhere;
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(m_imguiSawDown);
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "");
    EXPECT_EQ(m_elsewhereClicks, 0);
    EXPECT_EQ(ImGui::GetActiveID(), m_fieldId);
    // Slid off and back onto its key: it counts.
    m_pointer = q->centre();
    m_down = true;
    frame();
    m_pointer = w->centre();
    frame();
    m_pointer = q->centre();
    frame();
    m_down = false;
    frame();
    EXPECT_EQ(text(), "q");
}

TEST_F(OnScreenKeyboardTest, DoneAndEnterAskToCloseOnce) {
    makeKeyboard();
    EXPECT_FALSE(m_keyboard->takeDoneRequest());
    type("a");
    tap(KeyKind::Done);
    EXPECT_TRUE(m_keyboard->takeDoneRequest());
    EXPECT_FALSE(m_keyboard->takeDoneRequest());
    EXPECT_FALSE(m_keyboard->visible());
    EXPECT_EQ(text(), "a"); // Enter/Done type no new line

    m_keyboard->setVisible(true);
    frame();
    tap(KeyKind::Enter);
    EXPECT_TRUE(m_keyboard->takeDoneRequest());
    EXPECT_FALSE(m_keyboard->takeDoneRequest());
    EXPECT_EQ(text(), "a");
}

TEST_F(OnScreenKeyboardTest, DoubleTapOnShiftLocksCapitals) {
    makeKeyboard();
    tap(KeyKind::Shift);
    tap(KeyKind::Shift);
    EXPECT_EQ(m_keyboard->shift(), Shift::Locked);
    EXPECT_EQ(findKey(KeyKind::Shift)->label, "\u21EA");
    type("AB");
    EXPECT_EQ(m_keyboard->shift(), Shift::Locked);
    tap(KeyKind::Shift);
    EXPECT_EQ(m_keyboard->shift(), Shift::Off);
    type("c");
    EXPECT_EQ(text(), "ABc");

    // Two taps further apart than kDoubleTapSeconds: on, then off again.
    tap(KeyKind::Shift);
    ImGui::GetIO().DeltaTime = OnScreenKeyboard::kDoubleTapSeconds;
    frame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    tap(KeyKind::Shift);
    EXPECT_EQ(m_keyboard->shift(), Shift::Off);
}

TEST_F(OnScreenKeyboardTest, EveryKeyIsATouchTargetOnEveryLayer) {
    for (const char* language : {"en", "de", "fr", "es"}) {
        makeKeyboard(language);
        EXPECT_GE(m_keyboard->preferredHeight(kWidth, m_theme), 4.0f * m_theme.minTouchTarget);
        for (const KeyKind layerKey : {KeyKind::Symbols, KeyKind::Accents, KeyKind::Letters}) {
            tap(layerKey);
            const auto keys = m_keyboard->keys();
            ASSERT_FALSE(keys.empty());
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const auto& key = keys[i];
                const std::string name = std::string(language) + " key " + std::to_string(i) + " " + key.label;
                EXPECT_GE(key.max.x - key.min.x, m_theme.minTouchTarget) << name;
                EXPECT_GE(key.max.y - key.min.y, m_theme.minTouchTarget) << name;
                // Square-ish: a letter key no taller than wide, nor more than 1.5 times as wide as tall.
                const float aspect = (key.max.x - key.min.x) / (key.max.y - key.min.y);
                if (key.kind == KeyKind::Character) {
                    EXPECT_GE(aspect, 1.0f) << name;
                    EXPECT_LE(aspect, 1.5f + 1e-3f) << name;
                }
                EXPECT_GE(key.min.x, 0.0f) << name;
                EXPECT_LE(key.max.x, kWidth) << name;
                EXPECT_GE(key.min.y, m_keyboardTop) << name;
                EXPECT_LE(key.max.y, kHeight) << name;
                for (std::size_t j = 0; j < i; ++j) {
                    const auto& other = keys[j];
                    const bool apart = key.max.x <= other.min.x || other.max.x <= key.min.x ||
                                       key.max.y <= other.min.y || other.max.y <= key.min.y;
                    EXPECT_TRUE(apart) << name << " overlaps key " << j;
                }
            }
        }
    }
    // The English letters: 26 letters, in the QWERTY rows.
    makeKeyboard("en");
    int letters = 0;
    for (const auto& key : m_keyboard->keys())
        if (key.kind == KeyKind::Character && key.text[0] >= 'a' && key.text[0] <= 'z') ++letters;
    EXPECT_EQ(letters, 26);
    EXPECT_LT(findKey(KeyKind::Character, "q")->centre().x, findKey(KeyKind::Character, "w")->centre().x);
    EXPECT_LT(findKey(KeyKind::Character, "q")->centre().y, findKey(KeyKind::Character, "a")->centre().y);
    EXPECT_LT(findKey(KeyKind::Character, "a")->centre().y, findKey(KeyKind::Character, "z")->centre().y);
    EXPECT_GT(findKey(KeyKind::Space)->max.x - findKey(KeyKind::Space)->min.x,
              4.0f * (findKey(KeyKind::Character, "q")->max.x - findKey(KeyKind::Character, "q")->min.x));
}

TEST_F(OnScreenKeyboardTest, AShortRectangleGrowsUpwardsRatherThanShrinkingKeys) {
    makeKeyboard();
    m_keyboard->layout(ImVec2(0.0f, 700.0f), ImVec2(kWidth, kHeight), m_theme);
    EXPECT_LT(m_keyboard->areaMin().y, 700.0f);
    EXPECT_EQ(m_keyboard->areaMax().y, kHeight);
    for (const auto& key : m_keyboard->keys()) {
        EXPECT_GE(key.max.y - key.min.y, m_theme.minTouchTarget);
        EXPECT_GE(key.min.y, m_keyboard->areaMin().y);
        EXPECT_LE(key.max.y, kHeight);
    }
}

TEST_F(OnScreenKeyboardTest, FramesAreWantedOnlyWhileATapIsUnderWay) {
    makeKeyboard();
    frame();
    EXPECT_FALSE(m_keyboard->wantsFrame());
    const auto key = findKey(KeyKind::Character, "g");
    ASSERT_TRUE(key.has_value());
    m_pointer = key->centre();
    m_down = true;
    frame();
    EXPECT_TRUE(m_keyboard->wantsFrame()); // held: ImGui sees no button down, so the platform must keep looking
    frame();
    EXPECT_TRUE(m_keyboard->wantsFrame());
    m_down = false;
    frame();
    EXPECT_TRUE(m_keyboard->wantsFrame()); // acted; the key flashes pressed
    int frames = 0;
    while (m_keyboard->wantsFrame() && frames < 100) {
        frame();
        ++frames;
    }
    // The flash lasts kFlashSeconds: 0.12 s at 60 frames a second = 7.2, so 8 frames.
    EXPECT_EQ(frames, 8);
    EXPECT_EQ(text(), "g");
    frame();
    EXPECT_FALSE(m_keyboard->wantsFrame());
}

TEST_F(OnScreenKeyboardTest, HiddenItFiltersNothingAndDrawsNothing) {
    makeKeyboard();
    EXPECT_GT(m_foregroundVertices, 0);
    const auto key = findKey(KeyKind::Character, "q");
    ASSERT_TRUE(key.has_value());
    m_keyboard->setVisible(false);
    m_pointer = key->centre();
    m_down = true;
    frame();
    EXPECT_FALSE(m_belonged);
    EXPECT_TRUE(m_imguiSawDown);
    EXPECT_EQ(m_foregroundVertices, 0);
    m_down = false;
    frame();
    frame();
    EXPECT_EQ(text(), "");
}

TEST_F(OnScreenKeyboardTest, APressUnderWayWhenHiddenStaysHiddenUntilItEnds) {
    makeKeyboard();
    const auto key = findKey(KeyKind::Character, "q");
    ASSERT_TRUE(key.has_value());
    m_pointer = key->centre();
    m_down = true;
    frame();
    m_keyboard->setVisible(false);
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(m_imguiSawDown); // else ImGui would take it for a new press where the finger is
    m_down = false;
    frame();
    EXPECT_TRUE(m_belonged);
    frame();
    EXPECT_FALSE(m_belonged);
    EXPECT_EQ(text(), ""); // and it typed nothing
}

TEST_F(OnScreenKeyboardTest, APointerRestingOnTheKeyboardIsHiddenFromImGui) {
    makeKeyboard();
    m_pointer = ImVec2(kWidth * 0.5f, kHeight - 5.0f);
    frame();
    EXPECT_TRUE(m_belonged);
    EXPECT_FALSE(ImGui::IsMousePosValid(&m_imguiSawPointer));
    m_pointer = m_elsewhere;
    frame();
    EXPECT_FALSE(m_belonged);
    EXPECT_EQ(m_imguiSawPointer.x, m_elsewhere.x);
}

TEST_F(OnScreenKeyboardTest, TheThemeFontHasEveryLabel) {
    if (alignkiosk::ui::defaultFontFile().empty()) GTEST_SKIP() << "DejaVu Sans is not installed";
    const auto expectGlyphs = [this](const std::string& language) {
        for (const auto& key : m_keyboard->keys()) {
            const char* cursor = key.label.c_str();
            const char* end = cursor + key.label.size();
            while (cursor < end) {
                unsigned int c = 0;
                cursor += ImTextCharFromUtf8(&c, cursor, end);
                for (ImFont* font : {m_theme.body, m_theme.heading, m_theme.title}) {
                    EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                        << language << " U+" << std::hex << c;
                }
            }
        }
    };
    for (const char* language : {"en", "de", "fr", "es"}) {
        makeKeyboard(language);
        for (const KeyKind layerKey : {KeyKind::Letters, KeyKind::Symbols, KeyKind::Accents}) {
            m_keyboard->setVisible(false); // shown again: letters, Shift off
            m_keyboard->setVisible(true);
            frame();
            if (layerKey != KeyKind::Letters) tap(layerKey);
            expectGlyphs(language);
            if (!findKey(KeyKind::Shift)) continue;
            tap(KeyKind::Shift);
            expectGlyphs(language); // capitals
            tap(KeyKind::Shift);
            ASSERT_EQ(m_keyboard->shift(), Shift::Locked);
            expectGlyphs(language); // the caps-lock symbol
        }
    }
}

} // namespace
