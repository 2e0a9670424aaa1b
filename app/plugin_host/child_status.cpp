#include "plugin_host/child_status.h"

#include <sys/wait.h>

#include <cstring>

namespace alignkiosk::plugin_host {

std::string signalName(int signal) {
    const char* abbreviation = sigabbrev_np(signal);
    return abbreviation ? std::string("SIG") + abbreviation : "signal " + std::to_string(signal);
}

std::string describeWaitStatus(int status) {
    if (WIFSIGNALED(status)) return signalName(WTERMSIG(status));
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    return "wait status " + std::to_string(status);
}

} // namespace alignkiosk::plugin_host
