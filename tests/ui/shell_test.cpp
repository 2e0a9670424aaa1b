// The shell headless: a real ImGui context without a window, the real diagnostic-signs plugin and the bundled survey,
// driven by simulated taps (press frame, release frame) like a finger on the touchscreen.
#include "ui/shell.h"

#include "core/facilitator_pin.h"
#include "core/survey_loader.h"
#include "plugin_host/plugin_host.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

using alignkiosk::core::Submission;
using alignkiosk::ui::PinPad;
using alignkiosk::ui::Screen;
using alignkiosk::ui::Shell;

constexpr float kWidth = 1280.0f;
constexpr float kHeight = 860.0f;

class ShellTest : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60.0f;
        m_theme = alignkiosk::ui::applyTheme(kHeight / 900.0f, alignkiosk::ui::defaultFontFile());
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

        m_host = std::make_unique<alignkiosk::plugin_host::PluginHost>(ImGui::GetCurrentContext());
        m_host->loadDirectory(ALIGNKIOSK_PLUGIN_DIR);
        auto loaded = alignkiosk::core::loadSurvey(
            std::string(ALIGNKIOSK_SOURCE_DIR) + "/surveys/diagnostic-signs.json", *m_host);
        ASSERT_TRUE(loaded.ok());
        m_survey = std::move(*loaded.survey);
    }

    void TearDown() override {
        m_shell.reset(); // module instances go before their plugin host
        m_host.reset();
        ImGui::DestroyContext();
    }

    void makeShell(Shell::SubmitFunction submit) {
        std::vector<std::unique_ptr<alignkiosk::plugin_host::ModuleInstance>> modules;
        for (const auto& step : m_survey.steps) {
            std::string error;
            modules.push_back(m_host->createModule(step, m_survey.language, error));
            ASSERT_TRUE(modules.back()) << error;
        }
        m_shell = std::make_unique<Shell>(m_survey, std::move(modules), std::move(submit), m_theme);
        frame();
    }

    void frame() {
        ImGui::NewFrame();
        m_shell->draw(m_now);
        ImGui::Render();
        m_now += 1.0 / 60.0;
    }

    // The text one frame shows, through ImGui's own text log.
    std::string frameText() {
        std::string text;
        ImGuiIO& io = ImGui::GetIO();
        io.ClipboardUserData = &text;
        io.SetClipboardTextFn = [](void* user, const char* logged) { *static_cast<std::string*>(user) = logged; };
        ImGui::NewFrame();
        ImGui::LogToClipboard();
        m_shell->draw(m_now);
        ImGui::LogFinish();
        ImGui::Render();
        io.SetClipboardTextFn = nullptr;
        return text;
    }

    void tap(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();
    }

    // Taps down a column until the screen or page changes (or the column ends): finds a button without hard-coding
    // the layout.
    bool tapDownUntilMoved(float x, float fromY, float toY) {
        const auto before = std::make_tuple(m_shell->flow().screen(), m_shell->flow().step(), m_shell->flow().page());
        for (float y = fromY; y <= toY; y += 20.0f) {
            tap(x, y);
            if (std::make_tuple(m_shell->flow().screen(), m_shell->flow().step(), m_shell->flow().page()) != before)
                return true;
        }
        return false;
    }

    // Answers every scale question on the page with its fourth point (sweeping that column; a second tap on a chosen
    // point keeps it).
    void answerPageWithFourthPoint() {
        for (float y = 90.0f; y < kHeight - 140.0f; y += 20.0f) tap(kWidth * 0.68f, y);
    }

    bool tapNext() { return tapDownUntilMoved(kWidth - 150.0f, kHeight - 150.0f, kHeight - 20.0f); }

    void walkToTheLastPage() {
        ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f)) << "no Start button";
        ASSERT_EQ(m_shell->flow().screen(), Screen::TeamPick);
        ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f)) << "no team button";
        ASSERT_EQ(m_shell->flow().screen(), Screen::StepPage);
        while (!m_shell->flow().onLastPage()) {
            answerPageWithFourthPoint();
            ASSERT_TRUE(tapNext()) << "Next did not move on from page " << m_shell->flow().page();
        }
    }

    // Wires the facilitator entry to a hash kept in this test (as the platform wires it to the store).
    void giveFacilitatorAccess() {
        Shell::FacilitatorAccess access;
        access.loadPinHash = [this] { return m_pinHash; };
        access.savePinHash = [this](const std::string& hash) { m_pinHash = hash; };
        access.onFacilitator = [this] { ++m_facilitatorOpened; };
        m_shell->setFacilitatorAccess(std::move(access));
        frame();
    }

    // Sweeps up the bottom-left corner until the PIN pad opens.
    bool tapFacilitator() {
        for (float y = kHeight - 10.0f; y > kHeight - 200.0f; y -= 20.0f) {
            tap(100.0f, y); // the bottom-left corner of the welcome screen's column
            if (m_shell->facilitatorPinPad()) return true;
        }
        return false;
    }

    void tapPinKeys(const std::string& keys) {
        for (char key : keys) {
            const PinPad* pad = m_shell->facilitatorPinPad();
            ASSERT_NE(pad, nullptr);
            const auto rect = pad->keyRect(key);
            ASSERT_TRUE(rect.has_value()) << key;
            tap(rect->centre().x, rect->centre().y);
        }
    }

    alignkiosk::ui::Theme m_theme;
    std::optional<std::string> m_pinHash;
    int m_facilitatorOpened = 0;
    std::unique_ptr<alignkiosk::plugin_host::PluginHost> m_host;
    alignkiosk::core::Survey m_survey;
    std::unique_ptr<Shell> m_shell;
    double m_now = 0.0;
};

TEST_F(ShellTest, TapsThroughTheSurveyAndStoresOneSubmission) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    walkToTheLastPage();
    ASSERT_TRUE(tapNext()); // Finish (the open sentence is optional)

    ASSERT_EQ(stored.size(), 1u);
    const Submission& submission = stored.front();
    EXPECT_EQ(submission.surveyId, m_survey.id);
    EXPECT_EQ(submission.surveyVersion, m_survey.version);
    ASSERT_TRUE(submission.team.has_value());
    EXPECT_EQ(*submission.team, "Marketing"); // the right-hand button of the first row
    ASSERT_EQ(submission.responses.size(), 1u);
    EXPECT_EQ(submission.responses[0].moduleId, "diagnostic_signs");
    EXPECT_EQ(submission.responses[0].stepId, m_survey.steps[0].id);
    const std::string& payload = submission.responses[0].payload;
    std::size_t fours = 0;
    for (std::size_t at = payload.find("\":4"); at != std::string::npos; at = payload.find("\":4", at + 1)) ++fours;
    EXPECT_EQ(fours, 8u) << payload;
    EXPECT_EQ(m_shell->flow().screen(), Screen::ThankYou);
}

TEST_F(ShellTest, ThankYouReturnsToWelcomeByItselfAndTheNextPersonStartsBlank) {
    makeShell([](const Submission&) {});
    walkToTheLastPage();
    ASSERT_TRUE(tapNext());
    ASSERT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    EXPECT_GT(m_shell->nextWakeIn(m_now), 0.0);
    m_now += Shell::kThankYouSeconds;
    EXPECT_DOUBLE_EQ(m_shell->nextWakeIn(m_now), 0.0);
    frame();
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
    EXPECT_LT(m_shell->nextWakeIn(m_now), 0.0);

    // The next participant sees no earlier answer: Next on the first page does nothing until they answer.
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext());
    EXPECT_EQ(m_shell->flow().page(), 0u);
}

TEST_F(ShellTest, NextStaysDisabledUntilThePageIsAnswered) {
    makeShell([](const Submission&) {});
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext());
    answerPageWithFourthPoint();
    EXPECT_TRUE(tapNext());
    EXPECT_EQ(m_shell->flow().page(), 1u);
}

TEST_F(ShellTest, AFailedSaveKeepsTheAnswersAndTheParticipantCanRetry) {
    int attempts = 0;
    std::vector<Submission> stored;
    makeShell([&](const Submission& submission) {
        if (++attempts == 1) throw std::runtime_error("disk full");
        stored.push_back(submission);
    });
    walkToTheLastPage();
    EXPECT_FALSE(tapNext()); // Finish fails: still on the last page
    EXPECT_EQ(attempts, 1);
    EXPECT_TRUE(stored.empty());
    EXPECT_TRUE(m_shell->flow().onLastPage());
    ASSERT_TRUE(tapNext()); // the retry stores the very same answers
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(m_shell->flow().screen(), Screen::ThankYou);
}

TEST_F(ShellTest, AParticipantWhoWalksAwayIsAskedThenForgottenAndNothingIsStored) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    m_shell->setIdleTimeout(30.0);
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    answerPageWithFourthPoint();
    ASSERT_TRUE(tapNext());
    ASSERT_EQ(m_shell->flow().page(), 1u);
    EXPECT_NEAR(m_shell->nextWakeIn(m_now), 30.0, 0.1) << "the loop wakes when the prompt is due";

    // 30 s without a touch: the prompt, over the page.
    m_now += 30.0;
    frame();
    EXPECT_TRUE(m_shell->askingStillThere());
    EXPECT_LE(m_shell->nextWakeIn(m_now), 1.0) << "the countdown ticks every second";
    // A touch anywhere keeps everything.
    tap(kWidth / 2.0f, kHeight / 2.0f);
    EXPECT_FALSE(m_shell->askingStillThere());
    EXPECT_EQ(m_shell->flow().page(), 1u);

    // Gone for good: prompt, then after the countdown the welcome screen and no trace of the answers.
    m_now += 30.0;
    frame();
    ASSERT_TRUE(m_shell->askingStillThere());
    m_now += Shell::kStillThereSeconds;
    frame();
    EXPECT_FALSE(m_shell->askingStillThere());
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
    EXPECT_LT(m_shell->nextWakeIn(m_now), 0.0) << "the welcome screen waits for a touch, not a timer";
    EXPECT_TRUE(stored.empty());
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext()) << "the first page's earlier answers were wiped";
}

TEST_F(ShellTest, TheWelcomeScreenStatesTheSurveysAnonymityThreshold) {
    makeShell([](const Submission&) {});
    std::string text = frameText();
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    EXPECT_NE(text.find("groups of at least 5 people"), std::string::npos) << text;

    m_survey.anonymity.ratings = 8; // as a survey file's "anonymity": {"min_group": 8} sets it
    makeShell([](const Submission&) {});
    text = frameText();
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    EXPECT_NE(text.find("groups of at least 8 people"), std::string::npos) << text;
}

TEST_F(ShellTest, WithoutAPinTheKioskAsksForOneAtOnceAndItCannotBeSkipped) {
    makeShell([](const Submission&) {});
    giveFacilitatorAccess(); // nothing stored yet: the first start
    frame();
    const PinPad* pad = m_shell->facilitatorPinPad();
    ASSERT_NE(pad, nullptr) << "the kiosk must ask for a PIN before participants can reach the button";
    EXPECT_EQ(pad->stage(), PinPad::Stage::Choose);
    EXPECT_FALSE(pad->keyRect(PinPad::kCancelKey).has_value()) << "no Cancel while the first PIN is chosen";
    EXPECT_GE(m_shell->nextWakeIn(m_now), PinPad::kIdleSeconds) << "and it does not time out";
    m_now += PinPad::kIdleSeconds + 1.0;
    frame();
    ASSERT_NE(m_shell->facilitatorPinPad(), nullptr);

    const std::string ok(1, PinPad::kOkKey);
    tapPinKeys("1234" + ok + "1234" + ok);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    EXPECT_EQ(m_facilitatorOpened, 0) << "choosing the PIN at start-up is not a way into the dashboard";
    ASSERT_TRUE(m_pinHash.has_value());
    EXPECT_TRUE(alignkiosk::core::verifyPin("1234", *m_pinHash));
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
}

TEST_F(ShellTest, WelcomeFacilitatorPinOpensTheFacilitatorView) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    const std::string ok(1, PinPad::kOkKey);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << "a chosen PIN is not asked for at start";

    // The PIN is asked for; a wrong one opens nothing.
    ASSERT_TRUE(tapFacilitator()) << "no Facilitator button in the bottom-left corner";
    EXPECT_EQ(m_shell->facilitatorPinPad()->stage(), PinPad::Stage::Verify);
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
    tapPinKeys("9999" + ok);
    EXPECT_EQ(m_facilitatorOpened, 0);
    ASSERT_NE(m_shell->facilitatorPinPad(), nullptr);
    tapPinKeys("1234" + ok);
    EXPECT_EQ(m_facilitatorOpened, 1);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
}

TEST_F(ShellTest, CancelOnThePinPadReturnsToTheWelcomeScreen) {
    std::vector<Submission> stored;
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    giveFacilitatorAccess();
    ASSERT_TRUE(tapFacilitator());
    EXPECT_LT(m_shell->nextWakeIn(m_now), PinPad::kIdleSeconds + 1e-9); // the pad times out by itself
    EXPECT_GE(m_shell->nextWakeIn(m_now), 0.0);
    tapPinKeys("12" + std::string(1, PinPad::kCancelKey));
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    EXPECT_EQ(m_facilitatorOpened, 0);
    EXPECT_TRUE(alignkiosk::core::verifyPin("1234", *m_pinHash)); // unchanged
    EXPECT_LT(m_shell->nextWakeIn(m_now), 0.0);

    // A participant can start as before.
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    EXPECT_EQ(m_shell->flow().screen(), Screen::TeamPick);
}

TEST_F(ShellTest, NoFacilitatorButtonUntilThePlatformWiresIt) {
    makeShell([](const Submission&) {});
    EXPECT_FALSE(tapFacilitator());
    EXPECT_EQ(m_shell->flow().screen(), Screen::Welcome);
}

TEST_F(ShellTest, TheFacilitatorButtonIsOnlyOnTheWelcomeScreen) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    ASSERT_TRUE(tapDownUntilMoved(kWidth / 2.0f, 300.0f, kHeight - 20.0f));
    ASSERT_EQ(m_shell->flow().screen(), Screen::TeamPick);
    for (float y = kHeight - 10.0f; y > kHeight - 200.0f; y -= 20.0f) {
        tap(100.0f, y);
        EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << y;
        if (m_shell->flow().screen() != Screen::TeamPick) break; // a Back button may sit there
    }
}

} // namespace
