// Words for how a child process ended, shared by the plugin vetting and the station's supervisor.
#pragma once

#include <string>

namespace alignkiosk::plugin_host {

// "SIGSEGV", "SIGABRT", ... (glibc's sigabbrev_np), or "signal N" for a number it does not know.
std::string signalName(int signal);

// From a waitpid status: "SIGABRT" for a signal, "exit status 3" for an exit.
std::string describeWaitStatus(int status);

} // namespace alignkiosk::plugin_host
