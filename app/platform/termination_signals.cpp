#include "termination_signals.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <utility>

namespace alignkiosk::platform {

namespace {

std::atomic<bool> g_requested{false};
std::atomic<bool> g_stopping{false};

sigset_t terminationSet() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

} // namespace

void TerminationSignals::block() {
    const sigset_t set = terminationSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

TerminationSignals::TerminationSignals(std::function<void()> onSignal) {
    g_stopping = false;
    m_watcher = std::thread([onSignal = std::move(onSignal)] {
        const sigset_t set = terminationSet();
        for (;;) {
            int signal = 0;
            if (sigwait(&set, &signal) != 0) continue;
            // The destructor wakes us with a SIGHUP aimed at this thread alone; a real signal is never lost because
            // requested is set before anyone could ask to stop.
            if (g_stopping) return;
            g_requested = true;
            if (onSignal) onSignal();
        }
    });
}

TerminationSignals::~TerminationSignals() {
    g_stopping = true;
    pthread_kill(m_watcher.native_handle(), SIGHUP);
    m_watcher.join();
}

bool terminationRequested() { return g_requested; }

} // namespace alignkiosk::platform
