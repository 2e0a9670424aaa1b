// The witness: what a process was calling when it died is readable by its parent. Through plain records, and through
// the real host with a module that crashes while drawing a page.
#include "plugin_host/call_witness.h"
#include "plugin_host/plugin_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

namespace fs = std::filesystem;
using alignkiosk::plugin_host::createSharedCallRecord;
using alignkiosk::plugin_host::installCallRecord;
using alignkiosk::plugin_host::installedCallRecord;
using alignkiosk::plugin_host::PluginCallRecord;
using alignkiosk::plugin_host::PluginHost;
using alignkiosk::plugin_host::WitnessedCall;

// Leaves no record installed for the tests that follow.
struct InstalledRecord {
    explicit InstalledRecord(PluginCallRecord* record) { installCallRecord(record); }
    ~InstalledRecord() { installCallRecord(nullptr); }
};

// Runs `body` in a forked child with `record` installed; returns its wait status.
template <class Body>
int inChild(PluginCallRecord* record, Body body) {
    std::fflush(nullptr); // the child must not write this process's buffered output a second time
    const pid_t child = fork();
    if (child == 0) {
        installCallRecord(record);
        body();
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return status;
}

TEST(CallWitness, WritesTheCallForItsLifetimeAndPutsBackWhatWasThere) {
    PluginCallRecord* record = createSharedCallRecord();
    ASSERT_NE(record, nullptr);
    EXPECT_FALSE(record->inCall());
    const InstalledRecord installed(record);
    {
        const WitnessedCall outer("stakeholder_mapping", "draw_page");
        EXPECT_STREQ(record->moduleId, "stakeholder_mapping");
        EXPECT_STREQ(record->call, "draw_page");
        {
            const WitnessedCall inner({}, "init");
            EXPECT_STREQ(record->moduleId, "");
            EXPECT_STREQ(record->call, "init");
        }
        EXPECT_STREQ(record->moduleId, "stakeholder_mapping");
    }
    EXPECT_FALSE(record->inCall());
    EXPECT_STREQ(record->moduleId, "");
}

TEST(CallWitness, AnIdLongerThanTheRecordIsCutNotOverrun) {
    PluginCallRecord* record = createSharedCallRecord();
    const InstalledRecord installed(record);
    const std::string longId(200, 'x');
    const WitnessedCall witness(longId, "draw_page");
    EXPECT_EQ(std::strlen(record->moduleId), PluginCallRecord::kModuleIdBytes - 1);
}

TEST(CallWitness, WithoutARecordNothingIsWritten) {
    installCallRecord(nullptr);
    const WitnessedCall witness("diagnostic_signs", "draw_page");
    EXPECT_EQ(installedCallRecord(), nullptr);
}

TEST(CallWitness, TheParentReadsWhatAChildWasCallingWhenItDied) {
    PluginCallRecord* record = createSharedCallRecord();
    const int status = inChild(record, [] {
        const WitnessedCall witness("focus_assessment", "draw_panel");
        ::raise(SIGSEGV);
    });
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGSEGV);
    EXPECT_STREQ(record->moduleId, "focus_assessment");
    EXPECT_STREQ(record->call, "draw_panel");
}

// The real host, the real fixture: its draw_page writes through a null pointer. The child dies of SIGSEGV and the
// record names the module and the function.
TEST(CallWitness, AModuleThatCrashesWhileDrawingAPageIsNamed) {
    PluginCallRecord* record = createSharedCallRecord();
    const int status = inChild(record, [] {
        PluginHost host;
        if (!host.loadFile(fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "crashing" / "fixture_crash_page.so").loaded)
            _exit(10);
        alignkiosk::core::Question question;
        question.id = "mood";
        question.kind = alignkiosk::core::QuestionKind::Scale;
        question.prompt = "How is it going?";
        question.scaleMin = 1;
        question.scaleMax = 5;
        question.attributes["crash_at_once"] = "yes";
        alignkiosk::core::Step step;
        step.id = "crash";
        step.moduleId = "fixture_crash_page";
        step.questions = {question};
        std::string error;
        auto module = host.createModule(step, "en", error);
        if (!module) _exit(11);
        const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
        module->drawPage(0, frame);
        _exit(12); // not reached
    });
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
    EXPECT_EQ(WTERMSIG(status), SIGSEGV);
    EXPECT_STREQ(record->moduleId, "fixture_crash_page");
    EXPECT_STREQ(record->call, "draw_page");
}

} // namespace
