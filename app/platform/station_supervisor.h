// The touchscreen station's supervisor (`run --kiosk`). The station runs in a forked child; this process does nothing
// but wait for it. When the child dies by a signal (a module crashed while drawing a page or its panel) the supervisor
// reads which module's code was running (the child wrote it down before every plugin call: call_witness.h) and starts
// the station again at once, telling it what happened, so it comes back on its attract screen without that module.
// Nothing stored is at risk: answers are committed whole or not at all, and the child's store closes with the process.
//
// The supervisor holds no window, no store and no plugin, and forks before any of them exists, so every child starts
// from the same clean state. SIGTERM, SIGINT, SIGHUP and SIGQUIT sent to it are passed on to the station and end
// both; if the supervisor itself is killed, the station is sent SIGTERM (PR_SET_PDEATHSIG).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace alignkiosk::platform {

// One death of the station.
struct StationCrash {
    int signal = 0;
    std::string moduleId; // the module whose code was running, or empty (the kiosk's own code, or a plugin loading)
    std::string call;     // the plugin ABI function that never returned, or empty
    std::chrono::steady_clock::time_point stoppedAt; // when the supervisor saw it (the same clock in every process)
};

// What a station child is told when it starts.
struct StationStart {
    bool supervised = false;
    // Every crash since the supervisor started, or since the station last asked to be started again; the last one
    // is the crash just now. Empty on the first start.
    std::vector<StationCrash> crashes;
};

// The station's exit status that asks the supervisor to start it again at once (the facilitator allowed a module
// again, which is loaded only at start).
constexpr int kRestartStationExitCode = 75; // EX_TEMPFAIL

// Runs `station` in a child process, again and again while it dies by a signal other than one asking it to stop, and
// returns its exit status otherwise (128 + the signal for a stop signal). Crashes in quick succession that no module
// is named for (the kiosk's own code) are started again after a growing pause, up to 10 s, rather than in a tight loop.
// Without shared memory for the witness it runs `station` in this process, unsupervised, after saying so.
int superviseStation(const std::function<int(const StationStart&)>& station);

// "SIGSEGV in module 'focus_assessment' (draw_page)", "SIGABRT in the kiosk's own code": for log lines.
std::string describeCrash(const StationCrash& crash);

} // namespace alignkiosk::platform
