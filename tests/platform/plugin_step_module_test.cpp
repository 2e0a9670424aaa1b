// The shell over real plugins, as `alignkiosk run` wires it: headless (a real ImGui context without a window), the real
// diagnostic-signs plugin reached through platform's PluginStepModule, and the bundled survey, driven by simulated taps
// (press frame, release frame) like a finger on the touchscreen. The shell's own rules over fake step modules are in
// tests/ui/shell_test.cpp.
#include "platform/plugin_step_module.h"
#include "ui/shell.h"

#include "core/facilitator_pin.h"
#include "core/survey_loader.h"
#include "plugin_host/plugin_host.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

using alignkiosk::core::Submission;
using alignkiosk::ui::OnScreenKeyboard;
using alignkiosk::ui::PinPad;
using alignkiosk::ui::Screen;
using alignkiosk::ui::Shell;

constexpr float kWidth = 1280.0f;
constexpr float kHeight = 860.0f;

class ShellWithPluginsTest : public ::testing::Test {
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
        makeShellWithStopped({}, std::move(submit));
    }

    // The steps whose index is in `stopped` get no module, as when their module was stopped after a crash.
    void makeShellWithStopped(const std::vector<std::size_t>& stopped, Shell::SubmitFunction submit) {
        std::vector<std::unique_ptr<alignkiosk::plugin_host::ModuleInstance>> instances;
        for (std::size_t i = 0; i < m_survey.steps.size(); ++i) {
            if (std::find(stopped.begin(), stopped.end(), i) != stopped.end()) {
                instances.push_back(nullptr);
                continue;
            }
            std::string error;
            instances.push_back(m_host->createModule(m_survey.steps[i], m_survey.language, error));
            ASSERT_TRUE(instances.back()) << error;
        }
        m_shell = std::make_unique<Shell>(m_survey, alignkiosk::platform::stepModules(std::move(instances)),
                                          std::move(submit), m_theme);
        frame();
    }

    // What the platform backend does at the start of every frame: where the finger is, and whether it is down.
    void backendNewFrame() {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = m_pointer;
        io.MouseDown[0] = m_fingerDown;
        m_shell->filterInput(io); // where the platform calls it: after the backend, before ImGui::NewFrame
    }

    void frame() {
        backendNewFrame();
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
        backendNewFrame();
        ImGui::NewFrame();
        ImGui::LogToClipboard();
        m_shell->draw(m_now);
        ImGui::LogFinish();
        ImGui::Render();
        io.SetClipboardTextFn = nullptr;
        m_now += 1.0 / 60.0;
        std::replace(text.begin(), text.end(), '\n', ' '); // wrapped lines, and lines set apart
        return text;
    }

    // Every vertex the last frame drew (its position and colour), to tell whether two frames look the same.
    static std::vector<std::tuple<float, float, ImU32>> drawnVertices() {
        std::vector<std::tuple<float, float, ImU32>> vertices;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int list = 0; list < data->CmdListsCount; ++list)
            for (const ImDrawVert& vertex : data->CmdLists[list]->VtxBuffer)
                vertices.emplace_back(vertex.pos.x, vertex.pos.y, vertex.col);
        return vertices;
    }

    // Presses at (x, y) and keeps the finger there for `seconds` (a frame every 1/30 s, the last exactly at the end),
    // without letting go.
    void pressAndHold(float x, float y, double seconds) {
        m_pointer = ImVec2(x, y);
        frame();
        const double start = std::ceil(m_now); // a whole second: the hold's length is then exact
        m_now = start;
        m_fingerDown = true;
        frame(); // the press
        for (double held = 1.0 / 30.0; held < seconds; held += 1.0 / 30.0) {
            m_now = start + held;
            frame();
        }
        m_now = start + seconds;
        frame();
    }

    void release() {
        m_fingerDown = false;
        frame();
        frame();
    }

    // The facilitator corner's middle.
    ImVec2 corner() const { return m_shell->cornerRect().centre(); }

    void tap(float x, float y) {
        m_pointer = ImVec2(x, y);
        frame();
        m_fingerDown = true;
        frame();
        m_fingerDown = false;
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

    bool tapStart() {
        tap(kWidth / 2.0f, kHeight / 2.0f);
        return m_shell->flow().screen() != Screen::Attract;
    }

    bool tapNext() { return tapDownUntilMoved(kWidth - 150.0f, kHeight - 150.0f, kHeight - 20.0f); }

    void walkToTheLastPage() {
        tap(kWidth / 2.0f, kHeight / 2.0f); // the attract screen: a tap anywhere starts
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
        access.participantCount = [this] { return m_finishedParticipants; };
        access.onExit = [this] { ++m_exits; };
        m_shell->setFacilitatorAccess(std::move(access));
        frame();
    }

    // Taps the small Facilitator button in the attract screen's bottom-left corner (a window, not kiosk mode).
    bool tapFacilitator() {
        const ImGuiStyle& style = ImGui::GetStyle();
        tap(style.WindowPadding.x + m_theme.minTouchTarget * 0.5f,
            kHeight - style.WindowPadding.y - m_theme.minTouchTarget * 0.5f);
        return m_shell->facilitatorPinPad() != nullptr;
    }

    void tapMenu(Shell::MenuButton button) {
        const auto rect = m_shell->menuButtonRect(button);
        ASSERT_TRUE(rect.has_value()) << static_cast<int>(button);
        tap(rect->centre().x, rect->centre().y);
    }

    // The corner held 3 s, then the PIN: the facilitator menu.
    void openMenuWithTheCorner(const std::string& pin) {
        pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds);
        release();
        ASSERT_NE(m_shell->facilitatorPinPad(), nullptr) << "the corner held 3 s did not open the PIN pad";
        tapPinKeys(pin + std::string(1, PinPad::kOkKey));
        ASSERT_EQ(m_shell->view(), Shell::View::Menu);
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
    int m_exits = 0;
    uint64_t m_finishedParticipants = 42;
    std::unique_ptr<alignkiosk::plugin_host::PluginHost> m_host;
    alignkiosk::core::Survey m_survey;
    std::unique_ptr<Shell> m_shell;
    double m_now = 0.0;
    ImVec2 m_pointer{-FLT_MAX, -FLT_MAX}; // no pointer until the first tap
    bool m_fingerDown = false;
};

TEST_F(ShellWithPluginsTest, TapsThroughTheSurveyAndStoresOneSubmission) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    walkToTheLastPage();
    ASSERT_TRUE(tapNext()); // Finish (the open sentence is optional)

    ASSERT_EQ(stored.size(), 1u);
    const Submission& submission = stored.front();
    EXPECT_EQ(submission.surveyId, m_survey.id);
    EXPECT_EQ(submission.surveyVersion, m_survey.version);
    ASSERT_TRUE(submission.team.has_value());
    EXPECT_EQ(*submission.team, "marketing"); // the right-hand button of the first row, by its id
    ASSERT_EQ(submission.responses.size(), 1u);
    EXPECT_EQ(submission.responses[0].moduleId, "diagnostic_signs");
    EXPECT_EQ(submission.responses[0].stepId, m_survey.steps[0].id);
    const std::string& payload = submission.responses[0].payload;
    std::size_t fours = 0;
    for (std::size_t at = payload.find("\":4"); at != std::string::npos; at = payload.find("\":4", at + 1)) ++fours;
    EXPECT_EQ(fours, 8u) << payload;
    EXPECT_EQ(m_shell->flow().screen(), Screen::ThankYou);
}

// The bundled survey in German: the attract screen's Deutsch button, and the real plugin instances made for the
// survey resolved in German (as `run` makes them), which show their questions in German and store what the English
// ones store.
TEST_F(ShellWithPluginsTest, APickedLanguageGivesThePluginsTheirContentInItAndTheAnswersStayTheSame) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    std::vector<std::string> languages;
    m_shell->setModuleMaker([this, &languages](const alignkiosk::core::Survey& resolved) {
        languages.push_back(resolved.language);
        std::vector<std::unique_ptr<alignkiosk::plugin_host::ModuleInstance>> instances;
        for (const alignkiosk::core::Step& step : resolved.steps) {
            std::string error;
            instances.push_back(m_host->createModule(step, resolved.language, error));
            EXPECT_TRUE(instances.back()) << error;
        }
        return alignkiosk::platform::stepModules(std::move(instances));
    });
    frame();
    const auto deutsch = m_shell->languageButtonRect(1);
    ASSERT_TRUE(deutsch.has_value());
    tap(deutsch->centre().x, deutsch->centre().y);
    ASSERT_EQ(m_shell->currentLanguage(), "de");
    EXPECT_EQ(languages, std::vector<std::string>{"de"});

    tap(kWidth / 2.0f, kHeight / 2.0f);
    ASSERT_EQ(m_shell->flow().screen(), Screen::TeamPick);
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f)) << "no team button";
    const std::string page = frameText();
    EXPECT_NE(page.find("Wie oft ändert sich die Art, wie wir uns beschreiben"), std::string::npos) << page;
    EXPECT_NE(page.find("Was Sie im Arbeitsalltag erleben"), std::string::npos) << page; // the step's title
    EXPECT_EQ(page.find("How often"), std::string::npos) << page;
    while (!m_shell->flow().onLastPage()) {
        answerPageWithFourthPoint();
        ASSERT_TRUE(tapNext()) << "Next did not move on from page " << m_shell->flow().page();
    }
    ASSERT_TRUE(tapNext()); // Finish

    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].surveyId, m_survey.id);
    EXPECT_EQ(stored[0].surveyVersion, m_survey.version);
    EXPECT_EQ(stored[0].team, std::optional<std::string>("marketing"));
    ASSERT_EQ(stored[0].responses.size(), 1u);
    const std::string& payload = stored[0].responses[0].payload;
    EXPECT_NE(payload.find("\"messaging_shifts\":4"), std::string::npos) << payload;
}

TEST_F(ShellWithPluginsTest, ThankYouReturnsToTheAttractScreenByItselfAndTheNextPersonStartsBlank) {
    makeShell([](const Submission&) {});
    walkToTheLastPage();
    ASSERT_TRUE(tapNext());
    ASSERT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    EXPECT_GT(m_shell->nextWakeIn(m_now), 0.0);
    m_now += Shell::kThankYouSeconds;
    EXPECT_DOUBLE_EQ(m_shell->nextWakeIn(m_now), 0.0);
    frame();
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
    EXPECT_LE(m_shell->nextWakeIn(m_now), Shell::kRipplePeriodSeconds) << "only the animation wakes it";

    // The next participant sees no earlier answer: Next on the first page does nothing until they answer.
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext());
    EXPECT_EQ(m_shell->flow().page(), 0u);
}

TEST_F(ShellWithPluginsTest, NextStaysDisabledUntilThePageIsAnswered) {
    makeShell([](const Submission&) {});
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext());
    answerPageWithFourthPoint();
    EXPECT_TRUE(tapNext());
    EXPECT_EQ(m_shell->flow().page(), 1u);
}

TEST_F(ShellWithPluginsTest, AFailedSaveKeepsTheAnswersAndTheParticipantCanRetry) {
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

TEST_F(ShellWithPluginsTest, AParticipantWhoWalksAwayIsAskedThenForgottenAndNothingIsStored) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    m_shell->setIdleTimeout(30.0);
    ASSERT_TRUE(tapStart());
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
    m_now += Shell::kDefaultStillThereSeconds;
    frame();
    EXPECT_FALSE(m_shell->askingStillThere());
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);
    EXPECT_TRUE(stored.empty());
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(tapNext()) << "the first page's earlier answers were wiped";
}

TEST_F(ShellWithPluginsTest, TheAttractScreenShowsTitleInvitationAndTheSurveysAnonymityThreshold) {
    makeShell([](const Submission&) {});
    std::string text = frameText();
    EXPECT_NE(text.find(m_survey.title), std::string::npos) << text;
    EXPECT_NE(text.find("Tap anywhere to start"), std::string::npos) << text;
    EXPECT_NE(text.find("no names"), std::string::npos) << text;
    EXPECT_NE(text.find("groups of at least 5 people"), std::string::npos) << text;

    m_survey.anonymity.ratings = 8; // as a survey file's "anonymity": {"min_group": 8} sets it
    makeShell([](const Submission&) {});
    text = frameText();
    EXPECT_NE(text.find("groups of at least 8 people"), std::string::npos) << text;
}

TEST_F(ShellWithPluginsTest, WithoutAPinTheKioskAsksForOneAtOnceAndItCannotBeSkipped) {
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
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
}

TEST_F(ShellWithPluginsTest, TheFacilitatorButtonAndPinOpenTheMenuAndItsDashboardButtonTheDashboard) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    const std::string ok(1, PinPad::kOkKey);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << "a chosen PIN is not asked for at start";

    // The PIN is asked for; a wrong one opens nothing.
    ASSERT_TRUE(tapFacilitator()) << "no Facilitator button in the bottom-left corner";
    EXPECT_EQ(m_shell->facilitatorPinPad()->stage(), PinPad::Stage::Verify);
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
    tapPinKeys("9999" + ok);
    EXPECT_EQ(m_shell->view(), Shell::View::PinPad);
    tapPinKeys("1234" + ok);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    ASSERT_EQ(m_shell->view(), Shell::View::Menu);
    EXPECT_EQ(m_facilitatorOpened, 0) << "the menu first, the dashboard on request";
    tapMenu(Shell::MenuButton::Dashboard);
    EXPECT_EQ(m_facilitatorOpened, 1);
    EXPECT_EQ(m_shell->view(), Shell::View::Attract) << "what the kiosk shows when the dashboard closes";
}

TEST_F(ShellWithPluginsTest, CancelOnThePinPadReturnsToTheAttractScreen) {
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
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);

    // A participant can start as before.
    tap(kWidth / 2.0f, kHeight / 2.0f);
    EXPECT_EQ(m_shell->flow().screen(), Screen::TeamPick);
}

TEST_F(ShellWithPluginsTest, NoWayToTheFacilitatorUntilThePlatformWiresIt) {
    makeShell([](const Submission&) {});
    pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds + 0.5);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    release();
    EXPECT_FALSE(tapFacilitator());
    EXPECT_EQ(m_shell->flow().screen(), Screen::TeamPick) << "the corner of the button is just screen: it starts";
}

TEST_F(ShellWithPluginsTest, TheFacilitatorButtonIsOnlyOnTheAttractScreen) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    tap(kWidth / 2.0f, kHeight / 2.0f);
    ASSERT_EQ(m_shell->flow().screen(), Screen::TeamPick);
    for (float y = kHeight - 10.0f; y > kHeight - 200.0f; y -= 20.0f) {
        tap(100.0f, y);
        EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << y;
        if (m_shell->flow().screen() != Screen::TeamPick) break; // a Back button may sit there
    }
}

// [SECTION] The touchscreen station: attract screen, facilitator corner and menu, pause, walk-away, keyboard

TEST_F(ShellWithPluginsTest, ATapAnywhereOnTheAttractScreenStarts) {
    const std::vector<ImVec2> places = {{kWidth / 2.0f, kHeight / 2.0f}, {kWidth - 3.0f, 3.0f},
                                        {3.0f, kHeight / 2.0f},           {kWidth / 2.0f, kHeight - 3.0f},
                                        {kWidth - 3.0f, kHeight - 3.0f},  {kWidth / 2.0f, 40.0f}};
    for (const ImVec2& place : places) {
        makeShell([](const Submission&) {});
        m_pinHash = alignkiosk::core::hashPin("1234");
        giveFacilitatorAccess();
        m_shell->setKioskMode(true);
        tap(place.x, place.y);
        EXPECT_EQ(m_shell->view(), Shell::View::TeamPick) << place.x << "," << place.y;
    }
    // A quick tap in the facilitator corner is a participant's tap too.
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    tap(corner().x, corner().y);
    EXPECT_EQ(m_shell->view(), Shell::View::TeamPick);
}

TEST_F(ShellWithPluginsTest, TheAttractAnimationMovesWhileARippleSpreadsAndRestsInBetween) {
    makeShell([](const Submission&) {});
    const double period = Shell::kRipplePeriodSeconds;
    // A ripple: frames kAttractFrameSeconds apart, and they differ.
    m_now = 10.0 * period + 0.5;
    EXPECT_DOUBLE_EQ(m_shell->nextWakeIn(m_now), Shell::kAttractFrameSeconds);
    EXPECT_GE(Shell::kAttractFrameSeconds, 1.0 / 15.0) << "at most 15 frames a second";
    frame();
    const auto early = drawnVertices();
    m_now = 10.0 * period + 1.0;
    frame();
    EXPECT_NE(drawnVertices(), early) << "the ripple did not move in half a second";
    // Just before its end: one more frame, at its end, shows the screen at rest.
    EXPECT_NEAR(m_shell->nextWakeIn(10.0 * period + Shell::kRippleSeconds - 0.01), 0.01, 1e-9);
    // At rest: still, and no wake-up until the next ripple.
    m_now = 10.0 * period + Shell::kRippleSeconds + 0.5;
    EXPECT_NEAR(m_shell->nextWakeIn(m_now), period - Shell::kRippleSeconds - 0.5, 1e-9);
    frame();
    const auto rest = drawnVertices();
    m_now += 1.0;
    frame();
    EXPECT_EQ(drawnVertices(), rest);
}

// Only the ripple's square changes between two frames of the animation, so the platform draws and shows only it;
// after anything else (another screen, a frame the shell did not draw) the whole frame is new.
TEST_F(ShellWithPluginsTest, BetweenTwoAnimationFramesOnlyTheRipplesSquareChanges) {
    makeShell([](const Submission&) {});
    const double period = Shell::kRipplePeriodSeconds;
    m_now = 10.0 * period + Shell::kAttractFrameSeconds;
    frame();
    m_now = 10.0 * period + 2.0 * Shell::kAttractFrameSeconds;
    frame();
    const std::optional<alignkiosk::ui::ScreenRect> area = m_shell->changedArea();
    ASSERT_TRUE(area) << "two animation frames in a row";
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    EXPECT_LT((area->max.x - area->min.x) * (area->max.y - area->min.y), 0.1f * display.x * display.y)
        << "a small part of the screen";
    // Every vertex that moved between the two frames lies in it.
    const auto before = drawnVertices();
    m_now = 10.0 * period + 3.0 * Shell::kAttractFrameSeconds;
    frame();
    ASSERT_TRUE(m_shell->changedArea());
    const auto after = drawnVertices();
    EXPECT_NE(before, after);
    std::vector<std::tuple<float, float, ImU32>> outside[2];
    for (int i = 0; i < 2; ++i)
        for (const auto& vertex : i == 0 ? before : after)
            if (!area->contains(ImVec2(std::get<0>(vertex), std::get<1>(vertex)))) outside[i].push_back(vertex);
    EXPECT_EQ(outside[0], outside[1]) << "something outside the square changed";

    // A frame drawn by someone else in between (the dashboard's): the whole frame.
    ImGui::NewFrame();
    ImGui::Render();
    frame();
    EXPECT_FALSE(m_shell->changedArea());
    frame();
    EXPECT_TRUE(m_shell->changedArea());
    // Another screen: the whole frame, there and on the first frame back.
    tap(0.5f * display.x, 0.5f * display.y);
    EXPECT_EQ(m_shell->view(), Shell::View::TeamPick);
    EXPECT_FALSE(m_shell->changedArea());
}


TEST_F(ShellWithPluginsTest, TheCornerHeldThreeSecondsOpensThePinPadAndLessDoesNothing) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();

    // Before a second: nothing shows. After it: a ring in the foreground, so a facilitator knows it is working.
    pressAndHold(corner().x, corner().y, 0.9);
    EXPECT_EQ(ImGui::GetForegroundDrawList()->VtxBuffer.Size, 0);
    EXPECT_NEAR(m_shell->nextWakeIn(m_now), Shell::kCornerHintSeconds - 0.9, 0.05) << "wakes to show the ring";
    release();
    EXPECT_EQ(m_shell->view(), Shell::View::TeamPick) << "a short press in the corner is a tap";

    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    pressAndHold(corner().x, corner().y, 2.9);
    EXPECT_GT(ImGui::GetForegroundDrawList()->VtxBuffer.Size, 0) << "no progress ring after 2.9 s";
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    release();
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr);
    EXPECT_EQ(m_shell->view(), Shell::View::Attract) << "a long press that showed the ring is not a tap";

    pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds);
    ASSERT_NE(m_shell->facilitatorPinPad(), nullptr);
    EXPECT_EQ(m_shell->facilitatorPinPad()->stage(), PinPad::Stage::Verify);
    release();
    EXPECT_EQ(m_shell->view(), Shell::View::PinPad) << "lifting the finger presses nothing";
    EXPECT_EQ(m_shell->facilitatorPinPad()->enteredDigits(), 0u);
}

TEST_F(ShellWithPluginsTest, TheCornerListensOnlyBetweenParticipants) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    ASSERT_TRUE(tapStart());
    pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds + 1.0);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << "team pick: a long press is just a participant";
    release();
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    ASSERT_EQ(m_shell->view(), Shell::View::StepPage);
    pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds + 1.0);
    EXPECT_EQ(m_shell->facilitatorPinPad(), nullptr) << "a question page: a long press is just a participant";
    EXPECT_EQ(ImGui::GetForegroundDrawList()->VtxBuffer.Size, 0) << "and no ring shows";
    release();

    // The thank-you screen listens, and the pad then covers the attract screen.
    while (!m_shell->flow().onLastPage()) {
        answerPageWithFourthPoint();
        ASSERT_TRUE(tapNext());
    }
    ASSERT_TRUE(tapNext());
    ASSERT_EQ(m_shell->view(), Shell::View::ThankYou);
    pressAndHold(corner().x, corner().y, Shell::kCornerHoldSeconds);
    release();
    EXPECT_EQ(m_shell->view(), Shell::View::PinPad);
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
}

TEST_F(ShellWithPluginsTest, InKioskModeOnlyTheCornerLeadsToTheFacilitator) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    m_shell->setKioskMode(true);
    EXPECT_FALSE(tapFacilitator()) << "no Facilitator button in kiosk mode";
    EXPECT_EQ(m_shell->view(), Shell::View::TeamPick) << "where the button was, the screen starts the survey";

    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    m_shell->setKioskMode(true);
    openMenuWithTheCorner("1234");
}

TEST_F(ShellWithPluginsTest, TheMenuShowsTheCountAndPausesResumesExitsAndGoesBack) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    m_shell->setKioskMode(true);
    openMenuWithTheCorner("1234");
    std::string text = frameText();
    EXPECT_NE(text.find("42"), std::string::npos) << text;
    EXPECT_NE(text.find("people finished this survey"), std::string::npos) << text;
    EXPECT_NE(text.find("Pause the station"), std::string::npos) << text;

    // Back: the station as it was.
    tapMenu(Shell::MenuButton::Back);
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);

    // Pause: a calm screen that no tap gets past, and that costs no wake-ups.
    m_finishedParticipants = 43;
    openMenuWithTheCorner("1234");
    EXPECT_NE(frameText().find("43"), std::string::npos) << "the count is read afresh when the menu opens";
    tapMenu(Shell::MenuButton::PauseOrResume);
    ASSERT_EQ(m_shell->view(), Shell::View::Paused);
    EXPECT_TRUE(m_shell->paused());
    EXPECT_NE(frameText().find("This station is paused"), std::string::npos);
    EXPECT_LT(m_shell->nextWakeIn(m_now), 0.0);
    for (const ImVec2 place : {ImVec2(kWidth / 2.0f, kHeight / 2.0f), ImVec2(kWidth / 2.0f, kHeight - 40.0f),
                               ImVec2(100.0f, kHeight - 40.0f), ImVec2(kWidth - 40.0f, kHeight - 40.0f),
                               ImVec2(kWidth - 40.0f, 40.0f)}) {
        tap(place.x, place.y);
        EXPECT_EQ(m_shell->view(), Shell::View::Paused) << place.x << "," << place.y;
    }
    // Only the corner and the PIN; then Resume.
    openMenuWithTheCorner("1234");
    EXPECT_NE(frameText().find("Resume the station"), std::string::npos);
    tapMenu(Shell::MenuButton::PauseOrResume);
    EXPECT_FALSE(m_shell->paused());
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);
    ASSERT_TRUE(tapStart());

    // Exit asks the platform to close the kiosk.
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    openMenuWithTheCorner("1234");
    EXPECT_EQ(m_exits, 0);
    tapMenu(Shell::MenuButton::Exit);
    EXPECT_EQ(m_exits, 1);
}

TEST_F(ShellWithPluginsTest, AForgottenMenuClosesByItself) {
    m_pinHash = alignkiosk::core::hashPin("1234");
    makeShell([](const Submission&) {});
    giveFacilitatorAccess();
    openMenuWithTheCorner("1234");
    EXPECT_NEAR(m_shell->nextWakeIn(m_now), Shell::kMenuIdleSeconds, 0.5);
    m_now += Shell::kMenuIdleSeconds;
    frame();
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);
}

TEST_F(ShellWithPluginsTest, TheStillTherePromptCountsDownTheSecondsItIsGiven) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    m_shell->setIdleTimeout(10.0);
    m_shell->setStillThereSeconds(4.0); // as a survey's "kiosk": {"still_there": 4} sets it
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    answerPageWithFourthPoint();
    m_now += 10.0;
    const std::string text = frameText();
    EXPECT_TRUE(m_shell->askingStillThere());
    EXPECT_NE(text.find("cleared in 4 seconds"), std::string::npos) << text;
    m_now += 3.9 - 1.0 / 60.0;
    frame();
    EXPECT_EQ(m_shell->view(), Shell::View::StillThere);
    m_now += 0.1;
    frame();
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);
    EXPECT_TRUE(stored.empty());
}

TEST_F(ShellWithPluginsTest, TheKeyboardShowsOnlyWhileATextFieldIsActiveAndTypesIntoIt) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapDownUntilMoved(kWidth * 0.75f, 200.0f, 400.0f));
    EXPECT_FALSE(m_shell->keyboardVisible()) << "a page of scale questions";
    while (!m_shell->flow().onLastPage()) {
        answerPageWithFourthPoint();
        EXPECT_FALSE(m_shell->keyboardVisible());
        ASSERT_TRUE(tapNext());
    }
    // The open sentence: tap down the page until its field takes the keyboard.
    bool shown = false;
    for (float y = 120.0f; y < kHeight - 160.0f && !shown; y += 20.0f) {
        tap(kWidth / 2.0f, y);
        shown = m_shell->keyboardVisible();
    }
    ASSERT_TRUE(shown) << "no text field on the last page took the keyboard";
    const float fieldY = ImGui::GetIO().MouseClickedPos[0].y;
    EXPECT_LT(fieldY, m_shell->keyboard().areaMin().y) << "the field stays above the keyboard";

    // Typed on the keyboard's keys: the field keeps its focus and takes the letters.
    const auto tapKey = [this](OnScreenKeyboard::KeyKind kind, const std::string& text) {
        for (const auto& key : m_shell->keyboard().keys()) {
            if (key.kind == kind && key.text == text) {
                tap(key.centre().x, key.centre().y);
                return true;
            }
        }
        return false;
    };
    for (const char* letter : {"w", "e"}) ASSERT_TRUE(tapKey(OnScreenKeyboard::KeyKind::Character, letter));
    EXPECT_TRUE(m_shell->keyboardVisible()) << "it stays while the field is active";
    EXPECT_FALSE(m_shell->menuButtonRect(Shell::MenuButton::Back).has_value());

    // Done puts it away; Finish is back and stores what was typed.
    ASSERT_TRUE(tapKey(OnScreenKeyboard::KeyKind::Done, ""));
    EXPECT_FALSE(m_shell->keyboardVisible());
    EXPECT_FALSE(ImGui::IsAnyItemActive());
    ASSERT_TRUE(tapNext()) << "Finish";
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_NE(stored[0].responses[0].payload.find("\"we\""), std::string::npos) << stored[0].responses[0].payload;
    EXPECT_FALSE(m_shell->keyboardVisible());
}

TEST_F(ShellWithPluginsTest, TypingOnARealKeyboardPutsTheOnScreenOneAwaySoBackAndNextStayReachable) {
    std::vector<Submission> stored;
    makeShell([&stored](const Submission& submission) { stored.push_back(submission); });
    walkToTheLastPage();
    bool shown = false;
    for (float y = 120.0f; y < kHeight - 160.0f && !shown; y += 20.0f) {
        tap(kWidth / 2.0f, y);
        shown = m_shell->keyboardVisible();
    }
    ASSERT_TRUE(shown);
    // A laptop's keys: characters from the backend, as GLFW's character callback queues them.
    ImGui::GetIO().AddInputCharactersUTF8("we");
    frame();
    frame();
    EXPECT_FALSE(m_shell->keyboardVisible()) << "the on-screen keyboard would cover Back and Next";
    EXPECT_TRUE(ImGui::IsAnyItemActive()) << "the field keeps its focus";
    ImGui::GetIO().AddInputCharactersUTF8("b");
    frame();
    EXPECT_FALSE(m_shell->keyboardVisible()) << "it stays away while the field is active";
    ASSERT_TRUE(tapNext()) << "Finish, uncovered";
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_NE(stored[0].responses[0].payload.find("\"web\""), std::string::npos) << stored[0].responses[0].payload;
}

TEST_F(ShellWithPluginsTest, ATapOutsideTheFieldPutsTheKeyboardAway) {
    makeShell([](const Submission&) {});
    walkToTheLastPage();
    bool shown = false;
    for (float y = 120.0f; y < kHeight - 160.0f && !shown; y += 20.0f) {
        tap(kWidth / 2.0f, y);
        shown = m_shell->keyboardVisible();
    }
    ASSERT_TRUE(shown);
    tap(kWidth / 2.0f, 20.0f); // the header
    EXPECT_FALSE(m_shell->keyboardVisible());
    EXPECT_TRUE(tapNext()) << "Finish is back";
}

// ---- A station that restarted after a module crashed it -----------------------------------------------------------

TEST_F(ShellWithPluginsTest, AStepWhoseModuleWasStoppedIsLeftOutAndTheOthersAreStored) {
    alignkiosk::core::Step again = m_survey.steps.front();
    again.id = "signs_again";
    m_survey.steps.insert(m_survey.steps.begin(), again); // the stopped step comes first: the survey starts after it
    std::vector<Submission> stored;
    makeShellWithStopped({0}, [&stored](const Submission& submission) { stored.push_back(submission); });
    EXPECT_TRUE(m_shell->surveyAvailable());
    walkToTheLastPage();
    EXPECT_EQ(m_shell->flow().step(), 1u) << "the stopped step has no pages";
    ASSERT_TRUE(tapNext()); // Finish
    ASSERT_EQ(stored.size(), 1u);
    ASSERT_EQ(stored[0].responses.size(), 1u) << "no row for the step that was left out";
    EXPECT_EQ(stored[0].responses[0].stepId, m_survey.steps[1].id);
    EXPECT_EQ(m_shell->flow().screen(), Screen::ThankYou);
}

TEST_F(ShellWithPluginsTest, ASurveyWithEveryStepStoppedAsksForTheFacilitatorAndDoesNotStart) {
    bool submitted = false;
    makeShellWithStopped({0}, [&submitted](const Submission&) { submitted = true; });
    EXPECT_FALSE(m_shell->surveyAvailable());
    const std::string text = frameText();
    EXPECT_NE(text.find(alignkiosk::ui::ShellText().surveyUnavailable), std::string::npos) << text;
    EXPECT_EQ(text.find(alignkiosk::ui::ShellText().tapToStart), std::string::npos) << text;
    EXPECT_FALSE(tapStart());
    EXPECT_EQ(m_shell->view(), Shell::View::Attract);
    EXPECT_FALSE(submitted);
}

TEST_F(ShellWithPluginsTest, AfterARestartTheAttractScreenSaysCalmlyToStartAgainUntilSomeoneStarts) {
    makeShell([](const Submission&) {});
    const alignkiosk::ui::ShellText words;
    EXPECT_EQ(frameText().find(words.restartTitle), std::string::npos) << "not without a restart";
    m_shell->showRestartNotice();
    std::string text = frameText();
    EXPECT_NE(text.find(words.restartTitle), std::string::npos) << text;
    EXPECT_NE(text.find(words.restartBody), std::string::npos) << text;
    EXPECT_NE(text.find(words.tapToStart), std::string::npos) << "the station is ready: " << text;
    // Whoever starts next is a participant like any other: the notice is gone, also when they go back.
    ASSERT_TRUE(tapStart());
    EXPECT_FALSE(m_shell->restartNoticeShown());
    ASSERT_TRUE(tapDownUntilMoved(150.0f, kHeight - 150.0f, kHeight - 20.0f)) << "Back, on the team pick";
    ASSERT_EQ(m_shell->view(), Shell::View::Attract);
    text = frameText();
    EXPECT_EQ(text.find(words.restartTitle), std::string::npos) << text;
}

TEST_F(ShellWithPluginsTest, TheRestartNoticeLeavesByItselfAfterAMinute) {
    makeShell([](const Submission&) {});
    m_shell->showRestartNotice();
    const double shownAt = m_now;
    EXPECT_NE(frameText().find(alignkiosk::ui::ShellText().restartTitle), std::string::npos);
    // The station wakes for it even when the ripple would not.
    EXPECT_LE(m_shell->nextWakeIn(m_now), Shell::kRestartNoticeSeconds);
    m_now = shownAt + Shell::kRestartNoticeSeconds + 0.5;
    frame();
    EXPECT_FALSE(m_shell->restartNoticeShown());
    EXPECT_EQ(frameText().find(alignkiosk::ui::ShellText().restartTitle), std::string::npos);
}

TEST_F(ShellWithPluginsTest, TheMenuListsTheStoppedModulesAndAllowsOneAgain) {
    makeShell([](const Submission&) {});
    m_pinHash = alignkiosk::core::hashPin("1234");
    std::vector<std::string> allowed;
    Shell::FacilitatorAccess access;
    access.loadPinHash = [this] { return m_pinHash; };
    access.savePinHash = [this](const std::string& hash) { m_pinHash = hash; };
    access.onFacilitator = [] {};
    access.stoppedModules = [] {
        return std::vector<Shell::StoppedModule>{
            {"fixture_crash_page", "Crashing page fixture", "SIGSEGV", "draw_page"},
            {"gone_module", "", "SIGBUS", "draw_panel"}};
    };
    access.allowModule = [&allowed](const std::string& moduleId) { allowed.push_back(moduleId); };
    m_shell->setFacilitatorAccess(std::move(access));
    frame();
    openMenuWithTheCorner("1234");
    std::string text = frameText();
    EXPECT_NE(text.find("Stopped after a crash"), std::string::npos) << text;
    EXPECT_NE(text.find("Crashing page fixture (fixture_crash_page) crashed while showing a page (SIGSEGV)."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("gone_module crashed while drawing its dashboard panel (SIGBUS)."), std::string::npos) << text;
    EXPECT_NE(text.find("loaded the next time the kiosk starts"), std::string::npos) << "no supervisor: " << text;
    // With the list taking room, every menu button is still on the screen and still a touch target.
    for (const auto which : {Shell::MenuButton::PauseOrResume, Shell::MenuButton::Dashboard, Shell::MenuButton::Back}) {
        const auto rect = m_shell->menuButtonRect(which);
        ASSERT_TRUE(rect.has_value());
        EXPECT_LE(rect->max.y, kHeight) << static_cast<int>(which);
        EXPECT_GE(rect->max.y - rect->min.y, m_theme.minTouchTarget - 0.5f) << static_cast<int>(which);
    }

    const auto button = m_shell->allowButtonRect(1);
    ASSERT_TRUE(button.has_value());
    ASSERT_TRUE(m_shell->allowButtonRect(0).has_value());
    EXPECT_FALSE(m_shell->allowButtonRect(2).has_value());
    tap(button->centre().x, button->centre().y);
    EXPECT_EQ(allowed, std::vector<std::string>{"gone_module"});
    EXPECT_EQ(m_shell->view(), Shell::View::Menu) << "the menu stays";
    text = frameText();
    EXPECT_NE(text.find("gone_module is allowed again and is loaded the next time the kiosk starts."),
              std::string::npos)
        << text;
    EXPECT_FALSE(m_shell->allowButtonRect(1).has_value()) << "allowed once is enough";
    EXPECT_TRUE(m_shell->allowButtonRect(0).has_value());
}

} // namespace
