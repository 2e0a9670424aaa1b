#include "plugin_host/host_interface.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using alignkiosk::plugin_host::HostInterface;

TEST(HostInterface, TellsThePluginWhoItIsTalkingTo) {
    int context = 0;
    const HostInterface host("/plugins/focus.so", &context);
    const alignkiosk_host_v1* raw = host.raw();
    EXPECT_EQ(raw->struct_size, sizeof(alignkiosk_host_v1));
    EXPECT_EQ(raw->abi_major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_EQ(raw->abi_minor, ALIGNKIOSK_ABI_MINOR);
    ASSERT_NE(raw->host_version, nullptr);
    EXPECT_THAT(raw->host_version, testing::MatchesRegex("[0-9]+\\.[0-9]+\\.[0-9]+"));
    EXPECT_EQ(raw->imgui_context, &context);
    EXPECT_NE(raw->log, nullptr);
}

TEST(HostInterface, LogNamesThePluginOnStderr) {
    const HostInterface first("/plugins/first.so", nullptr);
    const HostInterface second("/plugins/second.so", nullptr);
    testing::internal::CaptureStderr();
    first.raw()->log(first.raw(), ALIGNKIOSK_LOG_INFO, "hello");
    second.raw()->log(second.raw(), ALIGNKIOSK_LOG_ERROR, "draw_page: boom");
    second.raw()->log(nullptr, ALIGNKIOSK_LOG_ERROR, "ignored");
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              "alignkiosk: [plugin /plugins/first.so] hello\n"
              "alignkiosk: [plugin /plugins/second.so] error: draw_page: boom\n");
}

TEST(HostInterface, FormatsEachLevel) {
    EXPECT_EQ(HostInterface::formatLogLine("p.so", ALIGNKIOSK_LOG_INFO, "m"), "alignkiosk: [plugin p.so] m\n");
    EXPECT_EQ(HostInterface::formatLogLine("p.so", ALIGNKIOSK_LOG_WARNING, "m"),
              "alignkiosk: [plugin p.so] warning: m\n");
    EXPECT_EQ(HostInterface::formatLogLine("p.so", ALIGNKIOSK_LOG_ERROR, "m"), "alignkiosk: [plugin p.so] error: m\n");
    EXPECT_EQ(HostInterface::formatLogLine("p.so", ALIGNKIOSK_LOG_INFO, nullptr),
              "alignkiosk: [plugin p.so] (no message)\n");
}

} // namespace
