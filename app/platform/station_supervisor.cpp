#include "station_supervisor.h"

#include "plugin_host/call_witness.h"
#include "plugin_host/child_status.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <thread>

namespace alignkiosk::platform {

namespace {

using Clock = std::chrono::steady_clock;

// Written by the signal handler, read by the loop: the child to pass a stop signal on to, and the stop signal seen.
volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_stopSignal = 0;

constexpr int kStopSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};

// A crash this soon after the start, with no module to blame, counts towards a crash loop.
constexpr auto kQuickCrash = std::chrono::seconds(10);
constexpr auto kLongestPause = std::chrono::seconds(10);

void passStopOn(int signal) {
    g_stopSignal = signal;
    if (const pid_t child = g_child; child > 0) ::kill(child, signal); // async-signal-safe
}

bool isStopSignal(int signal) {
    return std::find(std::begin(kStopSignals), std::end(kStopSignals), signal) != std::end(kStopSignals);
}

void setStopHandlers(void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : kStopSignals) ::sigaction(signal, &action, nullptr);
}

// The supervisor's handlers for as long as it supervises; whatever was there before comes back afterwards.
class StopHandlers {
public:
    StopHandlers() {
        g_child = 0;
        g_stopSignal = 0;
        for (std::size_t i = 0; i < std::size(kStopSignals); ++i) ::sigaction(kStopSignals[i], nullptr, &m_saved[i]);
        setStopHandlers(passStopOn);
    }
    ~StopHandlers() {
        for (std::size_t i = 0; i < std::size(kStopSignals); ++i) ::sigaction(kStopSignals[i], &m_saved[i], nullptr);
    }
    StopHandlers(const StopHandlers&) = delete;
    StopHandlers& operator=(const StopHandlers&) = delete;

private:
    struct sigaction m_saved[std::size(kStopSignals)] {};
};

[[noreturn]] void runChild(const std::function<int(const StationStart&)>& station, const StationStart& start,
                           pid_t supervisor, plugin_host::PluginCallRecord* record) {
    setStopHandlers(SIG_DFL); // the station handles (or dies of) its own signals
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != supervisor) ::_exit(1); // the supervisor died before the line above
    plugin_host::installCallRecord(record);
    int status = 1;
    try {
        status = station(start);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
    }
    std::exit(status); // an ordinary exit: buffers flushed, the store closed by its destructor already
}

// How long to wait before the next start after `quickCrashes` quick crashes in a row that no module is named for.
Clock::duration pauseAfter(int quickCrashes) {
    if (quickCrashes <= 1) return Clock::duration::zero();
    const auto pause = std::chrono::milliseconds(500) * (1 << std::min(quickCrashes - 2, 5));
    return std::min<Clock::duration>(pause, kLongestPause);
}

} // namespace

std::string describeCrash(const StationCrash& crash) {
    std::string text = plugin_host::signalName(crash.signal);
    if (!crash.moduleId.empty()) {
        text += " in module '" + crash.moduleId + "'";
        if (!crash.call.empty()) text += " (" + crash.call + ")";
    } else if (!crash.call.empty()) {
        text += " while a plugin was loading (" + crash.call + ")";
    } else {
        text += " in the kiosk's own code";
    }
    return text;
}

int superviseStation(const std::function<int(const StationStart&)>& station) {
    plugin_host::PluginCallRecord* record = plugin_host::createSharedCallRecord();
    if (!record) {
        std::cerr << "alignkiosk: cannot supervise the station (no shared memory); a crash will end it\n";
        return station(StationStart{});
    }
    const pid_t supervisor = ::getpid();
    const StopHandlers handlers;

    StationStart start;
    start.supervised = true;
    int quickCrashes = 0;
    for (;;) {
        if (const int stop = g_stopSignal) return 128 + stop; // arrived during a pause
        *record = plugin_host::PluginCallRecord{};
        std::fflush(nullptr); // nothing buffered here may be written again by the child
        const Clock::time_point startedAt = Clock::now();
        const pid_t child = ::fork();
        if (child < 0) {
            std::cerr << "alignkiosk: cannot start the station: fork failed\n";
            return 1;
        }
        if (child == 0) runChild(station, start, supervisor, record);
        g_child = child;
        if (const int stop = g_stopSignal) ::kill(child, stop); // arrived while forking

        int status = 0;
        while (::waitpid(child, &status, 0) < 0) {
            if (errno != EINTR) return 1;
        }
        g_child = 0;

        if (WIFEXITED(status)) {
            if (WEXITSTATUS(status) == kRestartStationExitCode && !g_stopSignal) {
                std::cerr << "alignkiosk: starting the station again, as it asked\n";
                start.crashes.clear(); // asked for by the facilitator: a fresh start, with the quarantine as stored
                quickCrashes = 0;
                continue;
            }
            return WEXITSTATUS(status);
        }
        if (!WIFSIGNALED(status)) return 1;
        const int signal = WTERMSIG(status);
        if (g_stopSignal || isStopSignal(signal)) return 128 + signal;

        StationCrash crash;
        crash.signal = signal;
        crash.moduleId = record->moduleId;
        crash.call = record->call;
        crash.stoppedAt = Clock::now();
        std::cerr << "alignkiosk: the station stopped: " << describeCrash(crash) << "; starting it again"
                  << (crash.moduleId.empty() ? "" : " without that module") << '\n';
        quickCrashes = crash.moduleId.empty() && crash.stoppedAt - startedAt < kQuickCrash ? quickCrashes + 1 : 0;
        start.crashes.push_back(std::move(crash));
        if (const Clock::duration pause = pauseAfter(quickCrashes); pause > Clock::duration::zero()) {
            std::cerr << "alignkiosk: it keeps stopping; waiting "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(pause).count() << " ms first\n";
            std::this_thread::sleep_for(pause);
        }
    }
}

} // namespace alignkiosk::platform
