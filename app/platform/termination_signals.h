// SIGTERM, SIGINT and SIGHUP (a system shutdown or service stop, Ctrl-C, a closed terminal, `kill`) end a window
// command the way the facilitator's Exit does: the event loop finishes its frame, the participant in progress is wiped
// with the shell, the store is closed, and the program exits 0. A headless collector commits what it took and exits 0.
// Without this the default action would kill the process mid-frame or mid-commit.
#pragma once

#include <functional>
#include <thread>

namespace alignkiosk::platform {

class TerminationSignals {
public:
    // Blocks SIGTERM, SIGINT and SIGHUP in the calling thread, and so in every thread it starts afterwards (GL drivers
    // start some). Call before the window opens; a pending signal waits for the watcher.
    static void block();

    // Starts a thread that waits for either signal; on one, terminationRequested() turns true and onSignal runs on
    // that thread (it must be thread-safe: e.g. glfwPostEmptyEvent to wake the event loop).
    explicit TerminationSignals(std::function<void()> onSignal);
    ~TerminationSignals();
    TerminationSignals(const TerminationSignals&) = delete;
    TerminationSignals& operator=(const TerminationSignals&) = delete;

private:
    std::thread m_watcher;
};

// Whether SIGTERM, SIGINT or SIGHUP has arrived since the program started. Any thread.
bool terminationRequested();

} // namespace alignkiosk::platform
