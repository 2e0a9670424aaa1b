// The station's supervisor with real child processes: what it starts again and with what news, what ends it, and a
// module that crashes while drawing a page through the real plugin host.
#include "platform/station_supervisor.h"

#include "plugin_host/call_witness.h"
#include "plugin_host/plugin_host.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using alignkiosk::platform::describeCrash;
using alignkiosk::platform::kRestartStationExitCode;
using alignkiosk::platform::StationCrash;
using alignkiosk::platform::StationStart;
using alignkiosk::platform::superviseStation;
using alignkiosk::test_support::TempDir;

// Each start of the station adds a line to a file, since each runs in a process of its own.
class StationStarts {
public:
    void count() const { std::ofstream(m_dir.path() / "starts", std::ios::app) << "start\n"; }
    int total() const {
        std::ifstream in(m_dir.path() / "starts");
        int lines = 0;
        for (std::string line; std::getline(in, line);) ++lines;
        return lines;
    }

private:
    TempDir m_dir;
};

// The fixture module that crashes while drawing a page, loaded through the real host and drawn: this process dies.
[[noreturn]] void drawTheCrashingPage() {
    alignkiosk::plugin_host::PluginHost host;
    const fs::path plugin = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "crashing" / "fixture_crash_page.so";
    if (!host.loadFile(plugin).loaded) _exit(20);
    alignkiosk::core::Question question;
    question.id = "calm";
    question.kind = alignkiosk::core::QuestionKind::Scale;
    question.scaleMin = 1;
    question.scaleMax = 5;
    question.attributes["crash_at_once"] = "yes";
    alignkiosk::core::Step step;
    step.id = "fragile";
    step.moduleId = "fixture_crash_page";
    step.questions = {question};
    std::string error;
    auto module = host.createModule(step, "en", error);
    if (!module) _exit(21);
    const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
    module->drawPage(0, frame);
    _exit(22);
}

TEST(StationSupervisor, AnOrdinaryExitEndsItWithTheStationsStatus) {
    const StationStarts starts;
    EXPECT_EQ(superviseStation([&](const StationStart& start) {
                  starts.count();
                  return start.supervised && start.crashes.empty() ? 3 : 9;
              }),
              3);
    EXPECT_EQ(starts.total(), 1);
}

TEST(StationSupervisor, AModuleThatCrashesWhileDrawingAPageIsNamedAndTheStationStartsAgain) {
    const StationStarts starts;
    const int status = superviseStation([&](const StationStart& start) {
        starts.count();
        if (start.crashes.empty()) drawTheCrashingPage();
        const StationCrash& crash = start.crashes.back();
        const bool told = start.crashes.size() == 1 && crash.signal == SIGSEGV &&
                          crash.moduleId == "fixture_crash_page" && crash.call == "draw_page" &&
                          crash.stoppedAt <= std::chrono::steady_clock::now();
        return told ? 0 : 9;
    });
    EXPECT_EQ(status, 0) << "the restarted station was not told which module crashed";
    EXPECT_EQ(starts.total(), 2);
}

TEST(StationSupervisor, EveryCrashSinceTheLastRequestedRestartIsPassedOn) {
    const StationStarts starts;
    const int status = superviseStation([&](const StationStart& start) {
        starts.count();
        switch (starts.total()) {
        case 1: {
            const alignkiosk::plugin_host::WitnessedCall witness("first_module", "draw_panel");
            ::raise(SIGBUS);
            return 9;
        }
        case 2: ::raise(SIGABRT); return 9; // the kiosk's own code: no module named
        case 3:
            if (start.crashes.size() != 2 || start.crashes[0].moduleId != "first_module" ||
                start.crashes[0].signal != SIGBUS || !start.crashes[1].moduleId.empty() ||
                start.crashes[1].signal != SIGABRT)
                return 9;
            return kRestartStationExitCode; // the facilitator allowed a module again
        default: return start.crashes.empty() ? 0 : 9;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(starts.total(), 4);
}

TEST(StationSupervisor, AStopSignalEndsTheStationAndTheSupervisor) {
    const StationStarts starts;
    EXPECT_EQ(superviseStation([&](const StationStart&) {
                  starts.count();
                  ::raise(SIGTERM);
                  return 9;
              }),
              128 + SIGTERM);
    EXPECT_EQ(starts.total(), 1);
}

TEST(StationSupervisor, AStopSignalToTheSupervisorIsPassedOnAndEndsBoth) {
    const StationStarts starts;
    EXPECT_EQ(superviseStation([&](const StationStart&) {
                  starts.count();
                  ::kill(::getppid(), SIGHUP);
                  for (;;) ::pause(); // until the supervisor passes it on
                  return 9;
              }),
              128 + SIGHUP);
    EXPECT_EQ(starts.total(), 1);
    // The supervisor's handlers are gone with it.
    struct sigaction action {};
    ::sigaction(SIGHUP, nullptr, &action);
    EXPECT_EQ(action.sa_handler, SIG_DFL);
}

TEST(StationSupervisor, DescribesACrashForTheLog) {
    StationCrash crash;
    crash.signal = SIGSEGV;
    crash.moduleId = "focus_assessment";
    crash.call = "draw_page";
    EXPECT_EQ(describeCrash(crash), "SIGSEGV in module 'focus_assessment' (draw_page)");
    crash.moduleId.clear();
    crash.call = "init";
    EXPECT_EQ(describeCrash(crash), "SIGSEGV while a plugin was loading (init)");
    crash.call.clear();
    crash.signal = SIGABRT;
    EXPECT_EQ(describeCrash(crash), "SIGABRT in the kiosk's own code");
}

} // namespace
