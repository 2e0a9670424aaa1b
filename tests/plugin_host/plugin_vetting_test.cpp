// vetPlugin against the real fixture plugins: what comes back for a plugin that loads, one that is refused, and the
// ones that would have taken this test process down had they been loaded in it (every test below still runs after
// them, which is the point).
#include "plugin_host/plugin_vetting.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace {

namespace fs = std::filesystem;
using alignkiosk::plugin_host::formatSeconds;
using alignkiosk::plugin_host::vetPlugin;
using alignkiosk::plugin_host::VettingOptions;
using alignkiosk::plugin_host::VettingResult;
using testing::HasSubstr;
using namespace std::chrono_literals;

const fs::path kFixtures(ALIGNKIOSK_FIXTURE_PLUGIN_DIR);

TEST(PluginVetting, APluginThatLoadsComesBackWithItsModules) {
    const VettingResult result = vetPlugin(kFixtures / "good" / "fixture_sparse.so");
    ASSERT_TRUE(result.accepted) << result.reason;
    EXPECT_TRUE(result.reason.empty());
    ASSERT_EQ(result.modules.size(), 2u);
    EXPECT_EQ(result.modules[0].id, "fixture_sparse");
    EXPECT_EQ(result.modules[1].id, "fixture_short_table");
    EXPECT_EQ(result.modules[0].version, "1.0.0");
    EXPECT_FALSE(result.modules[0].name.empty());
    EXPECT_EQ(result.modules[0].acceptedKinds, 1u << ALIGNKIOSK_QUESTION_SCALE);

    const VettingResult good = vetPlugin(kFixtures / "good" / "fixture_good.so");
    ASSERT_TRUE(good.accepted) << good.reason;
    ASSERT_EQ(good.modules.size(), 1u);
    EXPECT_EQ(good.modules[0].version, "1.2.3");
    EXPECT_EQ(good.modules[0].name, "Good fixture");
    EXPECT_EQ(good.modules[0].description, "Answers every question the same way, for tests.");
}

TEST(PluginVetting, AnOrdinaryRefusalKeepsItsOwnReason) {
    EXPECT_EQ(vetPlugin(kFixtures / "broken" / "fixture_init_fails.so").reason,
              "init failed (the plugin's init returned false)");
    EXPECT_EQ(vetPlugin(kFixtures / "broken" / "fixture_no_modules.so").reason, "provides no modules");
}

TEST(PluginVetting, AnAbortInInitIsACrashWhileLoading) {
    const VettingResult result = vetPlugin(kFixtures / "unsafe" / "fixture_init_aborts.so");
    EXPECT_FALSE(result.accepted);
    EXPECT_EQ(result.reason, "crashed while loading: SIGABRT in its init function");
}

// Without the ELF check in front (PluginHost does it first), the cut-short file dies in dlopen as it would in the
// kiosk: here only the child does.
TEST(PluginVetting, AFileCutShortDiesInTheChildNotHere) {
    const VettingResult result = vetPlugin(kFixtures / "unsafe" / "fixture_truncated.so");
    EXPECT_FALSE(result.accepted);
    EXPECT_EQ(result.reason,
              "crashed while loading: SIGBUS while the system loader mapped it and ran its start-up code");
}

TEST(PluginVetting, AnInitThatNeverReturnsIsStoppedAtTheTimeLimit) {
    VettingOptions options;
    options.timeLimit = 300ms;
    const VettingResult result = vetPlugin(kFixtures / "unsafe" / "fixture_init_hangs.so", options);
    EXPECT_FALSE(result.accepted);
    EXPECT_EQ(result.reason, "did not finish loading within 0.3 s (stuck in its init function); it was stopped");
}

TEST(PluginVetting, TimeLimitsReadAsSeconds) {
    EXPECT_EQ(formatSeconds(5000ms), "5 s");
    EXPECT_EQ(formatSeconds(500ms), "0.5 s");
    EXPECT_EQ(formatSeconds(1250ms), "1.25 s");
    EXPECT_EQ(formatSeconds(10ms), "0.01 s");
}

} // namespace
