// ModuleInstance over hand-made C module tables, in process: what it does with missing functions, false returns,
// throws, and how it collects text and findings.
#include "plugin_host/module_instance.h"
#include "plugin_host/step_content_buffer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace {

using alignkiosk::plugin_host::ModuleInstance;
using alignkiosk::plugin_host::StepContentBuffer;

struct Calls {
    int destroyed = 0;
    int resets = 0;
    bool fail = false;
};

Calls& calls(const alignkiosk_module_v1* module) { return *static_cast<Calls*>(module->module_data); }

alignkiosk_module_v1 table(Calls& state) {
    alignkiosk_module_v1 module{};
    module.struct_size = sizeof(alignkiosk_module_v1);
    module.module_data = &state;
    module.destroy = [](alignkiosk_module_v1* self) { ++calls(self).destroyed; };
    module.reset = [](alignkiosk_module_v1* self) { ++calls(self).resets; };
    module.page_count = [](const alignkiosk_module_v1*) -> uint32_t { return 3; };
    module.draw_page = [](alignkiosk_module_v1* self, uint32_t, const alignkiosk_frame_v1*) {
        return !calls(self).fail;
    };
    module.page_complete = [](const alignkiosk_module_v1* self, uint32_t page) {
        return !calls(self).fail && page == 1;
    };
    // Written in two pieces: the host must join every append.
    module.write_answer = [](const alignkiosk_module_v1* self, const alignkiosk_sink_v1* sink) {
        if (calls(self).fail) return false;
        sink->append(sink->context, "{\"answers\":", 11);
        sink->append(sink->context, "{\"q\":1}}", 8);
        return true;
    };
    module.score = [](const alignkiosk_module_v1* self, const alignkiosk_aggregate_v1* aggregate,
                      const alignkiosk_finding_sink_v1* sink) {
        if (calls(self).fail) return false;
        const alignkiosk_finding_v1 finding{sizeof(alignkiosk_finding_v1), "q", ALIGNKIOSK_FINDING_WIDESPREAD, 0.5f,
                                            aggregate->group_label, nullptr};
        sink->emit(sink->context, &finding);
        sink->emit(sink->context, nullptr); // ignored, not a crash
        return true;
    };
    return module;
}

std::unique_ptr<StepContentBuffer> content() {
    return std::make_unique<StepContentBuffer>(alignkiosk::core::Step{}, "en");
}

const alignkiosk_frame_v1 kFrame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
const alignkiosk_aggregate_v1 kAggregate{sizeof(alignkiosk_aggregate_v1), "Team A", 4, nullptr, 0};

TEST(ModuleInstance, PassesCallsThroughAndDestroysOnce) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        EXPECT_EQ(instance.moduleId(), "fake");
        EXPECT_EQ(instance.moduleVersion(), "1.0.0");
        EXPECT_EQ(instance.pageCount(), 3u);
        EXPECT_TRUE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_TRUE(instance.pageComplete(1));
        instance.reset();
        EXPECT_EQ(state.resets, 1);
        EXPECT_EQ(instance.answerJson(), std::optional<std::string>("{\"answers\":{\"q\":1}}"));

        const auto findings = instance.score(kAggregate);
        ASSERT_TRUE(findings.has_value());
        ASSERT_EQ(findings->size(), 1u);
        EXPECT_EQ((*findings)[0].questionId, "q");
        EXPECT_EQ((*findings)[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
        EXPECT_EQ((*findings)[0].headline, "Team A");
        EXPECT_EQ((*findings)[0].action, "");
        EXPECT_EQ(state.destroyed, 0);
    }
    EXPECT_EQ(state.destroyed, 1);
}

TEST(ModuleInstance, PluginFailuresBecomeFalseAndNothing) {
    Calls state;
    state.fail = true;
    alignkiosk_module_v1 module = table(state);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_FALSE(instance.drawPage(0, kFrame));
    EXPECT_FALSE(instance.pageComplete(1));
    EXPECT_EQ(instance.answerJson(), std::nullopt);
    EXPECT_EQ(instance.score(kAggregate), std::nullopt);
}

TEST(ModuleInstance, AnAnswerClaimedButNotWrittenIsNoAnswer) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.write_answer = [](const alignkiosk_module_v1*, const alignkiosk_sink_v1*) { return true; };
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.answerJson(), std::nullopt);
}

TEST(ModuleInstance, ExceptionsFromARawTableAreCaught) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.reset = [](alignkiosk_module_v1*) { throw std::runtime_error("reset"); };
    module.page_count = [](const alignkiosk_module_v1*) -> uint32_t { throw std::runtime_error("pages"); };
    module.draw_page = [](alignkiosk_module_v1*, uint32_t, const alignkiosk_frame_v1*) -> bool { throw 1; };
    module.page_complete = [](const alignkiosk_module_v1*, uint32_t) -> bool { throw 1; };
    module.write_answer = [](const alignkiosk_module_v1*, const alignkiosk_sink_v1*) -> bool { throw 1; };
    module.score = [](const alignkiosk_module_v1*, const alignkiosk_aggregate_v1*,
                      const alignkiosk_finding_sink_v1*) -> bool { throw 1; };
    module.destroy = [](alignkiosk_module_v1* self) {
        ++calls(self).destroyed;
        throw std::runtime_error("destroy");
    };
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_FALSE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_EQ(instance.answerJson(), std::nullopt);
        EXPECT_EQ(instance.score(kAggregate), std::nullopt);
    }
    EXPECT_EQ(state.destroyed, 1);
}

TEST(ModuleInstance, NullFunctionsAndANullModuleAreHarmless) {
    Calls state;
    alignkiosk_module_v1 module{};
    module.struct_size = sizeof(alignkiosk_module_v1);
    module.module_data = &state;
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_FALSE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_EQ(instance.answerJson(), std::nullopt);
        EXPECT_EQ(instance.score(kAggregate), std::nullopt);
    }
    ModuleInstance none(nullptr, nullptr, "none", "0.0.0");
    none.reset();
    EXPECT_EQ(none.pageCount(), 0u);
    EXPECT_EQ(none.answerJson(), std::nullopt);
}

TEST(ModuleInstance, NeverReadsPastTheSizeTheModuleClaims) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.struct_size = static_cast<uint32_t>(offsetof(alignkiosk_module_v1, page_count)); // destroy + reset only
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(state.resets, 1);
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_EQ(instance.answerJson(), std::nullopt);
    }
    EXPECT_EQ(state.destroyed, 1);
}

} // namespace
