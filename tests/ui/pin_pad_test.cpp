// The facilitator PIN pad headless: a real ImGui context without a window, driven by simulated taps on its keys
// (press frame, release frame) and by typed characters, on a clock the test moves by hand.
#include "ui/pin_pad.h"

#include "core/facilitator_pin.h"
#include "support/headless_imgui.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using alignkiosk::ui::PinPad;
using alignkiosk::ui::PinPadResult;
using Stage = alignkiosk::ui::PinPad::Stage;

constexpr float kWidth = 1280.0f;
constexpr float kHeight = 860.0f;
constexpr int kEnterKeyIndex = 257; // any free KeysDown slot, as a backend would map it

class PinPadTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_imgui.emplace(ImVec2(kWidth, kHeight));
        ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnterKeyIndex;
        m_theme = alignkiosk::ui::applyTheme(kHeight / 900.0f, alignkiosk::ui::defaultFontFile());
        m_imgui->buildFontAtlas();
    }

    void TearDown() override {
        m_pad.reset();
        m_imgui.reset();
    }

    void makePad(std::optional<std::string> storedHash = std::nullopt) {
        m_stored = std::move(storedHash);
        alignkiosk::ui::PinStorage storage;
        storage.loadHash = [this]() -> std::optional<std::string> {
            if (m_failLoad) throw std::runtime_error("disk gone");
            return m_stored;
        };
        storage.saveHash = [this](const std::string& hash) {
            if (m_failSave) throw std::runtime_error("disk full");
            m_stored = hash;
            ++m_saves;
        };
        storage.loadThrottle = [this] { return m_throttle; };
        storage.saveThrottle = [this](const alignkiosk::core::PinThrottle& throttle) { m_throttle = throttle; };
        m_pad = std::make_unique<PinPad>(m_theme, alignkiosk::ui::ShellText{}, storage);
        m_pad->open(m_now);
        frame();
    }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("pad", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        const PinPadResult result = m_pad->draw(m_now);
        ImGui::End();
        ImGui::Render();
        if (result != PinPadResult::Open) m_results.push_back(result);
        m_now += 1.0 / 60.0;
    }

    void tapAt(ImVec2 position) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = position;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();
    }

    void tap(char key) {
        const auto rect = m_pad->keyRect(key);
        ASSERT_TRUE(rect.has_value()) << "no key " << key;
        tapAt(rect->centre());
    }

    // Taps each character of keys ('0'-'9', PinPad::kOkKey, ...).
    void tapKeys(const std::string& keys) {
        for (char key : keys) tap(key);
    }

    void type(const std::string& digits) {
        for (char digit : digits) ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(digit));
        frame();
    }

    void pressEnter() {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[kEnterKeyIndex] = true;
        frame();
        io.KeysDown[kEnterKeyIndex] = false;
        frame();
    }

    std::optional<alignkiosk::test_support::HeadlessImGui> m_imgui;
    alignkiosk::ui::Theme m_theme;
    std::unique_ptr<PinPad> m_pad;
    std::optional<std::string> m_stored;
    alignkiosk::core::PinThrottle m_throttle; // as the store would keep it
    int m_saves = 0;
    bool m_failLoad = false;
    bool m_failSave = false;
    std::vector<PinPadResult> m_results;
    double m_now = 100.0;
};

const std::string kOk(1, PinPad::kOkKey);

TEST_F(PinPadTest, EveryKeyIsATouchTarget) {
    makePad();
    for (char key : std::string("0123456789") + PinPad::kDeleteKey + PinPad::kOkKey + PinPad::kCancelKey) {
        const auto rect = m_pad->keyRect(key);
        ASSERT_TRUE(rect.has_value()) << key;
        EXPECT_GE(rect->max.x - rect->min.x, m_theme.minTouchTarget) << key;
        EXPECT_GE(rect->max.y - rect->min.y, m_theme.minTouchTarget) << key;
        EXPECT_LE(rect->max.y, kHeight) << key; // all on screen
    }
    // 1 2 3 on the top row, left to right; 0 below 8.
    EXPECT_LT(m_pad->keyRect('1')->centre().x, m_pad->keyRect('2')->centre().x);
    EXPECT_FLOAT_EQ(m_pad->keyRect('1')->centre().y, m_pad->keyRect('3')->centre().y);
    EXPECT_FLOAT_EQ(m_pad->keyRect('0')->centre().x, m_pad->keyRect('8')->centre().x);
    EXPECT_GT(m_pad->keyRect('0')->centre().y, m_pad->keyRect('8')->centre().y);
}

TEST_F(PinPadTest, ChoosingAndConfirmingAPinSavesItsHash) {
    makePad();
    EXPECT_EQ(m_pad->stage(), Stage::Choose);
    tapKeys("1234");
    EXPECT_EQ(m_pad->enteredDigits(), 4u);
    tapKeys(kOk);
    EXPECT_EQ(m_pad->stage(), Stage::Confirm);
    EXPECT_EQ(m_pad->enteredDigits(), 0u);
    EXPECT_TRUE(m_results.empty());
    tapKeys("1234" + kOk);

    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Accepted});
    EXPECT_EQ(m_saves, 1);
    ASSERT_TRUE(m_stored.has_value());
    EXPECT_NE(*m_stored, "1234");
    EXPECT_TRUE(alignkiosk::core::looksLikePinHash(*m_stored));
    EXPECT_TRUE(alignkiosk::core::verifyPin("1234", *m_stored));
    EXPECT_FALSE(alignkiosk::core::verifyPin("4321", *m_stored));

    // Opened again, it asks for the PIN instead of a new one.
    m_pad->open(m_now);
    frame();
    EXPECT_EQ(m_pad->stage(), Stage::Verify);
}

TEST_F(PinPadTest, AMismatchSaysSoAndStartsOver) {
    makePad();
    tapKeys("1234" + kOk + "1235" + kOk);
    EXPECT_EQ(m_pad->stage(), Stage::Choose);
    EXPECT_EQ(m_pad->message(), alignkiosk::ui::ShellText().pinMismatch);
    EXPECT_EQ(m_saves, 0);
    EXPECT_TRUE(m_results.empty());

    tapKeys("5678");
    EXPECT_TRUE(m_pad->message().empty()); // the new attempt clears the notice
    tapKeys(kOk + "5678" + kOk);
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Accepted});
    ASSERT_TRUE(m_stored.has_value());
    EXPECT_TRUE(alignkiosk::core::verifyPin("5678", *m_stored));
}

TEST_F(PinPadTest, OkNeedsFourDigitsAndEntryStopsAtEight) {
    makePad();
    tapKeys("123" + kOk);
    EXPECT_EQ(m_pad->stage(), Stage::Choose); // OK was disabled
    EXPECT_EQ(m_pad->enteredDigits(), 3u);
    tapKeys("456789");
    EXPECT_EQ(m_pad->enteredDigits(), 8u);
    tap(PinPad::kDeleteKey);
    EXPECT_EQ(m_pad->enteredDigits(), 7u);
    tapKeys(std::string(8, PinPad::kDeleteKey));
    EXPECT_EQ(m_pad->enteredDigits(), 0u);
}

TEST_F(PinPadTest, WrongPinsAreRefusedAndThrottledAfterThree) {
    makePad(alignkiosk::core::hashPin("2468"));
    ASSERT_EQ(m_pad->stage(), Stage::Verify);
    const alignkiosk::ui::ShellText text;

    tapKeys("1111" + kOk);
    EXPECT_EQ(m_pad->message(), text.pinWrong);
    EXPECT_EQ(m_pad->enteredDigits(), 0u);
    tapKeys("2222" + kOk);
    EXPECT_FALSE(m_pad->guard().lockedOut());
    tapKeys("3333" + kOk);
    EXPECT_EQ(m_pad->guard().wrongTries(), 3);
    ASSERT_TRUE(m_pad->guard().lockedOut());
    // Locked on the release frame of OK; the tap's last frame is 1/60 s later: 4.98 s left, shown as 5.
    EXPECT_EQ(m_pad->message(), "Too many wrong tries. Try again in 5 s.");

    // While locked, the keys do nothing, even with the right PIN.
    tapKeys("2468" + kOk);
    EXPECT_EQ(m_pad->enteredDigits(), 0u);
    EXPECT_TRUE(m_results.empty());
    EXPECT_EQ(m_pad->guard().wrongTries(), 3);

    // The countdown, and the shell is woken when its number changes. The lock-out began on OK's release frame; 22
    // frames (22/60 s) and 2.5 s later, 5 - 22/60 - 2.5 = 2.133 s are left: shown as 3, next change in 0.133 s.
    m_now += 2.5;
    frame();
    EXPECT_EQ(m_pad->message(), "Too many wrong tries. Try again in 3 s.");
    EXPECT_NEAR(m_pad->nextWakeIn(m_now - 1.0 / 60.0), 2.0 / 15.0, 1e-6);

    m_now += 3.0;
    frame();
    EXPECT_FALSE(m_pad->guard().lockedOut());
    tapKeys("2468" + kOk);
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Accepted});
    EXPECT_EQ(m_pad->guard().wrongTries(), 0);
    EXPECT_EQ(m_saves, 0); // verifying never rewrites the hash
}

TEST_F(PinPadTest, ClosingAndReopeningDoesNotSkipALockout) {
    makePad(alignkiosk::core::hashPin("2468"));
    for (const char* wrong : {"1111", "2222", "3333"}) tapKeys(wrong + kOk);
    ASSERT_TRUE(m_pad->guard().lockedOut());
    tap(PinPad::kCancelKey);
    m_pad->open(m_now);
    frame();
    EXPECT_TRUE(m_pad->guard().lockedOut());
    EXPECT_NE(m_pad->message().find("Try again in"), std::string::npos);
}

TEST_F(PinPadTest, ARestartDoesNotSkipALockout) {
    makePad(alignkiosk::core::hashPin("2468"));
    for (const char* wrong : {"1111", "2222", "3333"}) tapKeys(wrong + kOk);
    ASSERT_TRUE(m_pad->guard().lockedOut());
    EXPECT_EQ(m_throttle.wrongTries, 3);
    EXPECT_EQ(m_throttle.lockedForSeconds, 5);

    // The program restarts: a new pad over the same storage is still locked, and the next wrong try counts as the
    // fourth (a 10 s lock-out), not the first.
    m_pad.reset();
    makePad(m_stored);
    EXPECT_TRUE(m_pad->guard().lockedOut());
    EXPECT_NE(m_pad->message().find("Try again in"), std::string::npos);
    m_now += 6.0;
    frame();
    tapKeys("4444" + kOk);
    EXPECT_EQ(m_pad->guard().wrongTries(), 4);
    EXPECT_EQ(m_throttle.wrongTries, 4);
    EXPECT_NE(m_pad->message().find("Try again in 10 s"), std::string::npos) << m_pad->message();
    // The right PIN clears what is kept.
    m_now += 11.0;
    frame();
    tapKeys("2468" + kOk);
    EXPECT_EQ(m_throttle, alignkiosk::core::PinThrottle{});
}

TEST_F(PinPadTest, KeyboardDigitsBackspaceAndEnterWork) {
    makePad(alignkiosk::core::hashPin("13579"));
    type("1357");
    EXPECT_EQ(m_pad->enteredDigits(), 4u);
    type("x9"); // letters are ignored
    EXPECT_EQ(m_pad->enteredDigits(), 5u);
    pressEnter();
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Accepted});
}

TEST_F(PinPadTest, CancelEscapeAndIdlenessGoBack) {
    makePad();
    tapKeys("12");
    tap(PinPad::kCancelKey);
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Cancelled});
    EXPECT_EQ(m_pad->enteredDigits(), 0u); // nothing typed stays behind

    m_results.clear();
    m_pad->open(m_now);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Escape] = 256;
    io.KeysDown[256] = true;
    frame();
    io.KeysDown[256] = false;
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Cancelled});

    m_results.clear();
    m_pad->open(m_now);
    frame();
    EXPECT_NEAR(m_pad->nextWakeIn(m_now), PinPad::kIdleSeconds - 1.0 / 60.0, 1e-6);
    m_now += PinPad::kIdleSeconds;
    frame();
    EXPECT_EQ(m_results, std::vector<PinPadResult>{PinPadResult::Cancelled});
    EXPECT_EQ(m_saves, 0);
}

TEST_F(PinPadTest, StorageTroubleIsShownAndNothingOpens) {
    makePad();
    m_failSave = true;
    tapKeys("1234" + kOk + "1234" + kOk);
    EXPECT_TRUE(m_results.empty());
    EXPECT_EQ(m_pad->message(), alignkiosk::ui::ShellText().pinUnavailable);
    EXPECT_EQ(m_pad->stage(), Stage::Choose);
    EXPECT_FALSE(m_stored.has_value());

    m_failLoad = true;
    m_pad->open(m_now);
    frame();
    EXPECT_EQ(m_pad->message(), alignkiosk::ui::ShellText().pinUnavailable);
    tapKeys("1234");
    EXPECT_EQ(m_pad->enteredDigits(), 0u);
}

} // namespace
