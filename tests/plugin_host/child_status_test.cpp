// The words for how a child process ended, from real child processes.
#include "plugin_host/child_status.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

namespace {

using alignkiosk::plugin_host::describeWaitStatus;
using alignkiosk::plugin_host::signalName;

// The wait status of a child that runs `body`.
template <class Body>
int statusOf(Body body) {
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child == 0) {
        body();
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return status;
}

TEST(ChildStatus, NamesSignalsAsTheyAreWritten) {
    EXPECT_EQ(signalName(SIGSEGV), "SIGSEGV");
    EXPECT_EQ(signalName(SIGABRT), "SIGABRT");
    EXPECT_EQ(signalName(SIGBUS), "SIGBUS");
    EXPECT_EQ(signalName(SIGKILL), "SIGKILL");
    EXPECT_EQ(signalName(0x7fff), "signal 32767");
}

TEST(ChildStatus, DescribesHowARealChildEnded) {
    EXPECT_EQ(describeWaitStatus(statusOf([] { ::signal(SIGABRT, SIG_DFL); ::abort(); })), "SIGABRT");
    EXPECT_EQ(describeWaitStatus(statusOf([] { ::_exit(3); })), "exit status 3");
    EXPECT_EQ(describeWaitStatus(statusOf([] {})), "exit status 0");
}

} // namespace
