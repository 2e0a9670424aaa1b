// The shell's own rules over fake step modules (ui::StepModule), headless: a real ImGui context without a window,
// driven by simulated taps. How many pages a step has, when Next is enabled, what Finish hands the store, and what a
// module that cannot draw or answer, or a stopped one, does to the survey. The shell over the real plugins is tested in
// tests/platform/plugin_step_module_test.cpp.
#include "ui/shell.h"

#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

using alignkiosk::core::Submission;
using alignkiosk::ui::Screen;
using alignkiosk::ui::Shell;
using alignkiosk::ui::StepModule;

constexpr float kWidth = 1280.0f;
constexpr float kHeight = 860.0f;

// What one fake module was asked and what it answers; kept by the test, so it outlives the shell's module.
struct FakeState {
    std::string id = "fake";
    std::string version = "1.0.0";
    uint32_t pages = 1;
    bool complete = true;
    bool draws = true;
    std::optional<std::string> answer = std::string(R"({"answers":{}})");
    int resets = 0;
    std::vector<uint32_t> drawnPages;
    alignkiosk_frame_v1 lastFrame{};
    std::string language; // the last setLanguage
};

class FakeStepModule final : public StepModule {
public:
    explicit FakeStepModule(FakeState& state) : m_state(state) {}
    const std::string& moduleId() const override { return m_state.id; }
    const std::string& moduleVersion() const override { return m_state.version; }
    void reset() override { ++m_state.resets; }
    uint32_t pageCount() const override { return m_state.pages; }
    bool drawPage(uint32_t page, const alignkiosk_frame_v1& frame) override {
        m_state.drawnPages.push_back(page);
        m_state.lastFrame = frame;
        return m_state.draws;
    }
    bool pageComplete(uint32_t) const override { return m_state.complete; }
    std::optional<std::string> answerJson() const override { return m_state.answer; }
    void setLanguage(const std::string& language) override { m_state.language = language; }

private:
    FakeState& m_state;
};

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
    }

    void TearDown() override {
        m_shell.reset();
        ImGui::DestroyContext();
    }

    // A survey of one step per entry of m_states (no team question); `stopped` steps get no module.
    void makeShell(const std::vector<std::size_t>& stopped = {}) {
        alignkiosk::core::Survey survey;
        survey.id = "fake_survey";
        survey.title = "A survey";
        std::vector<std::unique_ptr<StepModule>> modules;
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            alignkiosk::core::Step step;
            step.id = "step_" + std::to_string(i);
            step.moduleId = m_states[i].id;
            step.title = "Step " + std::to_string(i);
            survey.steps.push_back(step);
            const bool isStopped = std::find(stopped.begin(), stopped.end(), i) != stopped.end();
            modules.push_back(isStopped ? nullptr : std::make_unique<FakeStepModule>(m_states[i]));
        }
        m_survey = survey;
        m_shell = std::make_unique<Shell>(
            m_survey, std::move(modules),
            [this](const Submission& submission) {
                m_stored.push_back(submission);
                if (m_deliveryOnSubmit) m_shell->setDeliveryStatus(*m_deliveryOnSubmit);
            },
            m_theme);
        frame();
    }

    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = m_pointer;
        io.MouseDown[0] = m_fingerDown;
        m_shell->filterInput(io);
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
        m_now += 1.0 / 60.0;
        std::replace(text.begin(), text.end(), '\n', ' ');
        return text;
    }

    void tap(float x, float y) {
        m_pointer = ImVec2(x, y);
        frame();
        m_fingerDown = true;
        frame();
        m_fingerDown = false;
        frame();
        frame();
    }

    std::tuple<Screen, std::size_t, uint32_t> where() const {
        return {m_shell->flow().screen(), m_shell->flow().step(), m_shell->flow().page()};
    }

    // Taps down the Next/Finish column until the screen or page changes: finds the button without hard-coding it.
    bool tapNext() {
        const auto before = where();
        for (float y = kHeight - 150.0f; y <= kHeight - 20.0f; y += 20.0f) {
            tap(kWidth - 150.0f, y);
            if (where() != before) return true;
        }
        return false;
    }

    // A survey in English (the default), German and French with one team; the modules for each language are fakes
    // of their own (m_languageStates), made through the shell's ModuleMaker, which notes every language it is asked.
    void makeMultilingualShell(bool withMaker = true) {
        using alignkiosk::core::Survey;
        Survey survey;
        survey.id = "fake_survey";
        survey.version = 4;
        survey.languages = {"en", "de", "fr"};
        survey.language = "en";
        survey.title = "A survey";
        survey.teams = {alignkiosk::core::Team("sales", "Sales")};
        survey.wordings[{"title"}] = {{"en", "A survey"}, {"de", "Eine Umfrage"}, {"fr", "Une enquête"}};
        survey.wordings[{"teams", "0", "label"}] = {{"en", "Sales"}, {"de", "Vertrieb"}, {"fr", "Ventes"}};
        alignkiosk::core::Step step;
        step.id = "step_0";
        step.moduleId = "fake";
        step.title = "Step";
        survey.steps.push_back(step);
        m_survey = survey;
        for (const char* language : {"en", "de", "fr"}) m_languageStates[language].id = "fake";
        std::vector<std::unique_ptr<StepModule>> modules;
        modules.push_back(std::make_unique<FakeStepModule>(m_languageStates["en"]));
        m_shell = std::make_unique<Shell>(
            m_survey, std::move(modules), [this](const Submission& submission) { m_stored.push_back(submission); },
            m_theme);
        if (withMaker)
            m_shell->setModuleMaker([this](const Survey& resolved) {
                m_madeFor.push_back(resolved.language + ":" + resolved.title);
                std::vector<std::unique_ptr<StepModule>> made;
                made.push_back(std::make_unique<FakeStepModule>(m_languageStates[resolved.language]));
                return made;
            });
        frame();
    }

    bool tapLanguage(std::size_t index) {
        const auto rect = m_shell->languageButtonRect(index);
        if (!rect) return false;
        tap(rect->centre().x, rect->centre().y);
        return true;
    }

    // Taps down the left column from the top until a team button takes the tap and the survey moves on.
    bool tapFirstTeam() {
        for (float y = 100.0f; y < kHeight - 100.0f; y += 20.0f) {
            tap(kWidth * 0.3f, y);
            if (m_shell->flow().screen() != Screen::TeamPick) return true;
        }
        return false;
    }

    // Nobody touches the screen for this long.
    void idleFor(double seconds) {
        m_now += seconds;
        frame();
        frame();
    }

    bool tapStart() {
        tap(kWidth / 2.0f, kHeight / 2.0f);
        return m_shell->flow().screen() != Screen::Attract;
    }

    alignkiosk::ui::Theme m_theme;
    std::vector<FakeState> m_states;
    alignkiosk::core::Survey m_survey;
    std::map<std::string, FakeState> m_languageStates; // the multilingual survey's modules, by language
    std::vector<std::string> m_madeFor;                 // "language:title" of each survey the maker was given
    std::vector<Submission> m_stored;
    std::optional<Shell::DeliveryStatus> m_deliveryOnSubmit; // what a laptop's submit function says
    std::unique_ptr<Shell> m_shell;
    double m_now = 0.0;
    ImVec2 m_pointer{-FLT_MAX, -FLT_MAX};
    bool m_fingerDown = false;
};

TEST_F(ShellTest, StepsHaveTheirModulesPagesAndAModuleClaimingNoneStillGetsOne) {
    m_states.resize(3);
    m_states[0].pages = 2;
    m_states[1].pages = 0; // a broken module: its one page is where the shell says it cannot be shown
    m_states[2].pages = 1;
    makeShell();
    EXPECT_EQ(m_shell->flow().pageTotal(), 4u);
    ASSERT_TRUE(tapStart());
    EXPECT_EQ(where(), std::make_tuple(Screen::StepPage, std::size_t{0}, 0u));
    ASSERT_TRUE(tapNext());
    EXPECT_EQ(where(), std::make_tuple(Screen::StepPage, std::size_t{0}, 1u));
    ASSERT_TRUE(tapNext());
    EXPECT_EQ(where(), std::make_tuple(Screen::StepPage, std::size_t{1}, 0u));
    ASSERT_TRUE(tapNext());
    EXPECT_EQ(where(), std::make_tuple(Screen::StepPage, std::size_t{2}, 0u));
    EXPECT_EQ(m_states[0].drawnPages.front(), 0u);
    EXPECT_EQ(m_states[0].drawnPages.back(), 1u);
    EXPECT_TRUE(std::all_of(m_states[1].drawnPages.begin(), m_states[1].drawnPages.end(),
                            [](uint32_t page) { return page == 0; }));
}

TEST_F(ShellTest, ModulesDrawWithTheThemesFrame) {
    m_states.resize(1);
    makeShell();
    ASSERT_TRUE(tapStart());
    const alignkiosk_frame_v1& frame = m_states[0].lastFrame;
    EXPECT_EQ(frame.struct_size, sizeof(alignkiosk_frame_v1));
    EXPECT_FLOAT_EQ(frame.ui_scale, m_theme.scale);
    EXPECT_FLOAT_EQ(frame.min_touch_target, m_theme.minTouchTarget);
    EXPECT_EQ(frame.heading_font, m_theme.heading);
    EXPECT_EQ(frame.body_font, m_theme.body);
    EXPECT_EQ(frame.accent_color, m_theme.accent);
}

TEST_F(ShellTest, NextWaitsUntilTheModuleSaysThePageIsComplete) {
    m_states.resize(1);
    m_states[0].pages = 2;
    m_states[0].complete = false;
    makeShell();
    ASSERT_TRUE(tapStart());
    EXPECT_FALSE(tapNext());
    m_states[0].complete = true;
    EXPECT_TRUE(tapNext());
    EXPECT_EQ(m_shell->flow().page(), 1u);
}

TEST_F(ShellTest, FinishHandsEveryModulesAnswerToTheStoreAndForgetsThem) {
    m_states.resize(2);
    m_states[0].id = "first_module";
    m_states[0].version = "2.1.0";
    m_states[0].answer = R"({"answers":{"a":1}})";
    m_states[1].id = "second_module";
    m_states[1].answer = R"({"answers":{"b":"x"}})";
    makeShell();
    ASSERT_TRUE(tapStart());
    const int resetsBefore = m_states[0].resets;
    ASSERT_TRUE(tapNext());
    ASSERT_TRUE(tapNext()); // Finish
    EXPECT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    ASSERT_EQ(m_stored.size(), 1u);
    const Submission& submission = m_stored[0];
    EXPECT_EQ(submission.surveyId, "fake_survey");
    ASSERT_EQ(submission.responses.size(), 2u);
    EXPECT_EQ(submission.responses[0].stepId, "step_0");
    EXPECT_EQ(submission.responses[0].moduleId, "first_module");
    EXPECT_EQ(submission.responses[0].moduleVersion, "2.1.0");
    EXPECT_EQ(submission.responses[0].payload, R"({"answers":{"a":1}})");
    EXPECT_EQ(submission.responses[1].moduleId, "second_module");
    EXPECT_EQ(submission.responses[1].payload, R"({"answers":{"b":"x"}})");
    EXPECT_EQ(m_states[0].resets, resetsBefore + 1); // stored: forgotten before anyone else can see them
    EXPECT_EQ(m_states[1].resets, resetsBefore + 1);
}

TEST_F(ShellTest, ALaptopsThankYouSaysWhetherTheAnswersWereDeliveredOrKept) {
    const alignkiosk::ui::ShellText words;
    m_states.resize(1);
    makeShell();
    EXPECT_NE(words.thankYouDelivered, words.thankYouKept);

    m_deliveryOnSubmit = Shell::DeliveryStatus::Kept;
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapNext()); // Finish
    ASSERT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    std::string shown = frameText();
    EXPECT_NE(shown.find(words.thankYouKept), std::string::npos) << shown;
    EXPECT_EQ(shown.find(words.thankYouBody), std::string::npos) << shown;

    // Delivered while the screen is up: it says so from the next frame.
    m_shell->setDeliveryStatus(Shell::DeliveryStatus::Delivered);
    shown = frameText();
    EXPECT_NE(shown.find(words.thankYouDelivered), std::string::npos) << shown;
    EXPECT_EQ(shown.find(words.thankYouKept), std::string::npos) << shown;
}

TEST_F(ShellTest, AStationsThankYouSaysTheAnswersAreSaved) {
    m_states.resize(1);
    makeShell();
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapNext()); // Finish
    ASSERT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    EXPECT_NE(frameText().find(alignkiosk::ui::ShellText{}.thankYouBody), std::string::npos);
}

TEST_F(ShellTest, AModuleWithoutAnAnswerKeepsEveryAnswerOnScreen) {
    m_states.resize(1);
    m_states[0].answer.reset();
    makeShell();
    ASSERT_TRUE(tapStart());
    EXPECT_FALSE(tapNext()); // Finish stays on the page
    EXPECT_TRUE(m_stored.empty());
    EXPECT_EQ(m_shell->flow().screen(), Screen::StepPage);
    EXPECT_NE(frameText().find(alignkiosk::ui::ShellText{}.saveFailed), std::string::npos);
}

TEST_F(ShellTest, APageTheModuleCannotDrawSaysSoAndCannotBeLeftForward) {
    m_states.resize(1);
    m_states[0].pages = 2;
    m_states[0].draws = false;
    makeShell();
    ASSERT_TRUE(tapStart());
    EXPECT_NE(frameText().find(alignkiosk::ui::ShellText{}.moduleFailed), std::string::npos);
    EXPECT_FALSE(tapNext());
}

TEST_F(ShellTest, AStoppedModulesStepIsLeftOutOfThePagesAndTheSubmission) {
    m_states.resize(2);
    makeShell(/*stopped=*/{0});
    EXPECT_EQ(m_shell->flow().pageTotal(), 1u);
    ASSERT_TRUE(tapStart());
    EXPECT_EQ(m_shell->flow().step(), 1u);
    ASSERT_TRUE(tapNext());
    ASSERT_EQ(m_stored.size(), 1u);
    ASSERT_EQ(m_stored[0].responses.size(), 1u);
    EXPECT_EQ(m_stored[0].responses[0].stepId, "step_1");
}

TEST_F(ShellTest, ASurveyWithNoModuleLeftDoesNotStart) {
    m_states.resize(2);
    makeShell(/*stopped=*/{0, 1});
    EXPECT_FALSE(tapStart());
}

// [SECTION] The participant's language

TEST_F(ShellTest, ASurveyInSeveralLanguagesOffersEachByItsOwnName) {
    makeMultilingualShell();
    const std::string shown = frameText();
    for (const char* name : {"English", "Deutsch", "Français"})
        EXPECT_NE(shown.find(name), std::string::npos) << name << " is not offered: " << shown;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto rect = m_shell->languageButtonRect(i);
        ASSERT_TRUE(rect.has_value());
        // Large touch targets, side by side.
        EXPECT_GE(rect->max.y - rect->min.y, m_theme.minTouchTarget);
        EXPECT_GE(rect->max.x - rect->min.x, m_theme.minTouchTarget);
        if (i > 0) {
            EXPECT_GT(rect->min.x, m_shell->languageButtonRect(i - 1)->max.x);
        }
    }
    EXPECT_FALSE(m_shell->languageButtonRect(3).has_value());
    EXPECT_EQ(m_shell->currentLanguage(), "en");
}

TEST_F(ShellTest, WithoutModulesForOtherLanguagesNoLanguageIsOffered) {
    makeMultilingualShell(/*withMaker=*/false);
    EXPECT_EQ(frameText().find("Deutsch"), std::string::npos);
    EXPECT_FALSE(m_shell->languageButtonRect(0).has_value());
    EXPECT_FALSE(m_shell->chooseLanguage("de"));
    EXPECT_EQ(m_shell->currentLanguage(), "en");
}

TEST_F(ShellTest, APickedLanguageShowsTheSurveyAndItsModulesInItAndStoresTheSameIds) {
    makeMultilingualShell();
    ASSERT_TRUE(tapLanguage(1)); // Deutsch
    EXPECT_EQ(m_shell->currentLanguage(), "de");
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract) << "picking a language does not start the survey";
    EXPECT_EQ(m_madeFor, (std::vector<std::string>{"de:Eine Umfrage"}));
    EXPECT_NE(frameText().find("Eine Umfrage"), std::string::npos);

    ASSERT_TRUE(tapStart());
    ASSERT_EQ(m_shell->flow().screen(), Screen::TeamPick);
    const std::string teams = frameText();
    EXPECT_NE(teams.find("Vertrieb"), std::string::npos) << teams;
    EXPECT_EQ(teams.find("Sales"), std::string::npos) << teams;
    ASSERT_TRUE(tapFirstTeam());
    EXPECT_EQ(m_shell->flow().screen(), Screen::StepPage);
    EXPECT_FALSE(m_languageStates["de"].drawnPages.empty()) << "the German modules draw the page";
    EXPECT_TRUE(m_languageStates["en"].drawnPages.empty());
    ASSERT_TRUE(tapNext()); // Finish

    // Stored as any participant's: the survey's id and version, and the team's id, not the German label.
    ASSERT_EQ(m_stored.size(), 1u);
    EXPECT_EQ(m_stored[0].surveyId, "fake_survey");
    EXPECT_EQ(m_stored[0].surveyVersion, 4u);
    EXPECT_EQ(m_stored[0].team, std::optional<std::string>("sales"));
}

TEST_F(ShellTest, TheNextParticipantFindsTheDefaultLanguageAgain) {
    makeMultilingualShell();
    ASSERT_TRUE(tapLanguage(2)); // Français
    ASSERT_EQ(m_shell->currentLanguage(), "fr");
    ASSERT_TRUE(tapStart());
    ASSERT_TRUE(tapFirstTeam());
    ASSERT_TRUE(tapNext()); // Finish
    ASSERT_EQ(m_shell->flow().screen(), Screen::ThankYou);
    EXPECT_EQ(m_shell->currentLanguage(), "fr") << "the thank-you is still the participant's";
    idleFor(Shell::kThankYouSeconds + 1.0);
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
    EXPECT_EQ(m_shell->currentLanguage(), "en");
    EXPECT_NE(frameText().find("A survey"), std::string::npos);

    // French again: its modules were kept, not made a second time.
    ASSERT_TRUE(tapLanguage(2));
    EXPECT_EQ(m_shell->currentLanguage(), "fr");
    EXPECT_EQ(m_madeFor, (std::vector<std::string>{"fr:Une enquête"}));
}

TEST_F(ShellTest, AWalkAwayForgetsTheLanguageWithTheAnswers) {
    makeMultilingualShell();
    m_shell->setIdleTimeout(10.0);
    m_shell->setStillThereSeconds(5.0);
    ASSERT_TRUE(tapLanguage(1));
    ASSERT_TRUE(tapStart());
    ASSERT_EQ(m_shell->currentLanguage(), "de");
    const int resets = m_languageStates["de"].resets;
    idleFor(11.0); // "Still there?"
    EXPECT_EQ(m_shell->currentLanguage(), "de");
    idleFor(5.0); // walked away
    EXPECT_EQ(m_shell->flow().screen(), Screen::Attract);
    EXPECT_EQ(m_shell->currentLanguage(), "en");
    EXPECT_GT(m_languageStates["de"].resets, resets) << "the German modules forgot their answers";
    EXPECT_TRUE(m_stored.empty());
}

TEST_F(ShellTest, ALanguagePickedBySomeoneWhoNeverStartedGoesBackAfterTheIdleTimeout) {
    makeMultilingualShell();
    m_shell->setIdleTimeout(10.0);
    ASSERT_TRUE(tapLanguage(1));
    idleFor(5.0);
    EXPECT_EQ(m_shell->currentLanguage(), "de");
    idleFor(6.0);
    EXPECT_EQ(m_shell->currentLanguage(), "en");
}

// With a catalog per language (as run loads them), the picked language's words on every screen, the keyboard's Done
// and the modules' own words with it; the next participant finds the default language's words again.
TEST_F(ShellTest, APickedLanguageSwitchesTheShellsWordsAndTheNextParticipantGetsTheDefaultsBack) {
    makeMultilingualShell();
    std::vector<alignkiosk::core::Messages> catalogs;
    for (const char* language : {"en", "de", "fr"}) {
        std::string warning;
        catalogs.push_back(alignkiosk::core::Messages::load(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "assets",
                                                            language, warning));
        ASSERT_TRUE(warning.empty()) << warning;
    }
    m_shell->setCatalogs(std::move(catalogs));
    EXPECT_NE(frameText().find("Tap anywhere to start"), std::string::npos);

    ASSERT_TRUE(tapLanguage(1)); // Deutsch
    std::string shown = frameText();
    EXPECT_NE(shown.find("Tippen Sie irgendwo, um zu beginnen"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("Tap anywhere"), std::string::npos) << shown;
    EXPECT_EQ(m_shell->text().done, "Fertig");
    EXPECT_EQ(m_languageStates["de"].language, "de") << "the German modules are told their own words' language";
    ASSERT_TRUE(tapStart());
    shown = frameText();
    EXPECT_NE(shown.find("Zu welchem Team gehören Sie?"), std::string::npos) << shown;
    ASSERT_TRUE(tapFirstTeam());
    shown = frameText(); // the team question was page 1
    EXPECT_NE(shown.find("Seite 2 von 2"), std::string::npos) << shown;
    EXPECT_NE(shown.find("Abschließen"), std::string::npos) << shown;
    ASSERT_TRUE(tapNext()); // Finish
    EXPECT_NE(frameText().find("Vielen Dank!"), std::string::npos) << frameText();

    idleFor(Shell::kThankYouSeconds + 1.0);
    ASSERT_EQ(m_shell->currentLanguage(), "en");
    shown = frameText();
    EXPECT_NE(shown.find("Tap anywhere to start"), std::string::npos) << shown;
    EXPECT_EQ(m_shell->text().done, "Done");

    ASSERT_TRUE(tapLanguage(2)); // Français
    EXPECT_EQ(frameText().find("Tap anywhere"), std::string::npos) << frameText();
    EXPECT_EQ(m_shell->text().language, "fr");
}

TEST_F(ShellTest, TheLanguageChangesOnlyBetweenParticipantsAndOnlyToTheSurveys) {
    makeMultilingualShell();
    EXPECT_FALSE(m_shell->chooseLanguage("it"));
    EXPECT_EQ(m_shell->currentLanguage(), "en");
    ASSERT_TRUE(tapStart());
    EXPECT_FALSE(m_shell->chooseLanguage("de")) << "not in the middle of someone's answers";
    EXPECT_EQ(m_shell->currentLanguage(), "en");
    EXPECT_EQ(m_shell->shownSurvey().title, "A survey");
}

} // namespace

// One call puts the whole shell into the participant's language: its words, and each module's.
TEST_F(ShellTest, SetLanguageSpeaksGermanOnEveryScreenAndTellsTheModules) {
    m_states.resize(2);
    m_states[0].pages = 2;
    makeShell();
    std::string warning;
    m_shell->setLanguage(alignkiosk::core::Messages::load(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "assets",
                                                          "de", warning));
    ASSERT_TRUE(warning.empty()) << warning;
    EXPECT_EQ(m_states[0].language, "de");
    EXPECT_EQ(m_states[1].language, "de");

    std::string shown = frameText();
    EXPECT_NE(shown.find("Tippen Sie irgendwo, um zu beginnen"), std::string::npos) << shown;
    EXPECT_NE(shown.find("mindestens 5 Personen"), std::string::npos) << shown; // the promise, plural by ICU
    EXPECT_EQ(shown.find("Tap anywhere"), std::string::npos) << shown;

    ASSERT_TRUE(tapStart());
    shown = frameText();
    EXPECT_NE(shown.find("Seite 1 von 3"), std::string::npos) << shown;
    EXPECT_NE(shown.find("Weiter"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("Page 1"), std::string::npos) << shown;
}
