// Each step's pages in the report, asked of the real plugins through the host: a module with the report extension
// (ABI 1.4) gives its own blocks; a plugin built before it (the ABI 1.2 fixture) gets its score() findings listed,
// one score per shown group, everyone first; a stopped module (no instance) gets neither.
#include "platform/report_file.h"

#include "plugin_host/plugin_host.h"
#include "support/mood_step.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace alignkiosk;

using test_support::moodStep;

core::ModuleAggregate moodGroups(const std::string& stepId, const std::string& moduleId) {
    core::ModuleAggregate aggregate;
    aggregate.stepId = stepId;
    aggregate.moduleId = moduleId;
    aggregate.groups.push_back({core::kEveryoneGroup, 8, {core::QuestionCounts{"mood", {1, 2, 3}, 6}}});
    aggregate.groups.push_back({"Sales", 5, {core::QuestionCounts{"mood", {0, 0, 5}, 5}}});
    return aggregate;
}

TEST(ReportFile, APluginWithoutReportPagesGetsItsFindingsListed) {
    plugin_host::PluginHost host;
    ASSERT_TRUE(host.loadFile(fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "good" / "fixture_abi_1_2.so").loaded);
    core::Survey survey;
    survey.steps = {moodStep("old", "fixture_abi_1_2"), moodStep("stopped", "fixture_abi_1_2")};
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    std::string error;
    modules.push_back(host.createModule(survey.steps[0], "en", error));
    ASSERT_NE(modules[0], nullptr) << error;
    modules.push_back(nullptr); // a module the station stopped
    core::DashboardModel model;
    model.modules = {moodGroups("old", "fixture_abi_1_2"), moodGroups("stopped", "fixture_abi_1_2")};

    const std::vector<report::ModulePages> pages = platform::modulePagesFor(survey, model, modules);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_FALSE(pages[0].written);
    EXPECT_FALSE(pages[0].failed); // it has no report pages; nothing failed
    ASSERT_TRUE(pages[0].findingsAvailable);
    ASSERT_EQ(pages[0].findings.size(), 2u);
    // The fixture's headline: question id, count length, answered, counts.
    EXPECT_EQ(pages[0].findings[0].group, core::kEveryoneGroup);
    EXPECT_EQ(pages[0].findings[0].headline, "mood 3 6 1,2,3");
    EXPECT_EQ(pages[0].findings[1].group, "Sales");
    EXPECT_EQ(pages[0].findings[1].headline, "mood 3 5 0,0,5");
    EXPECT_FALSE(pages[1].written);
    EXPECT_FALSE(pages[1].findingsAvailable);
    EXPECT_TRUE(pages[1].findings.empty());
}

TEST(ReportFile, ABundledModuleWritesItsOwnBlocks) {
    plugin_host::PluginHost host;
    ASSERT_TRUE(host.loadFile(fs::path(ALIGNKIOSK_PLUGIN_DIR) / "diagnostic_signs.so").loaded);
    core::Question sign;
    sign.id = "sign_pages";
    sign.kind = core::QuestionKind::Scale;
    sign.prompt = "Our messaging changes from page to page.";
    sign.scaleMin = 1;
    sign.scaleMax = 5;
    sign.scaleLabels = {"Never", "Rarely", "Sometimes", "Often", "Almost always"};
    sign.attributes = {{"group", "signal"}, {"check_first", "define the customer change"}};
    core::Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    step.title = "Signs";
    step.questions = {sign};
    core::Survey survey;
    survey.steps = {step};
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    std::string error;
    modules.push_back(host.createModule(step, "en", error));
    ASSERT_NE(modules[0], nullptr) << error;
    core::DashboardModel model;
    core::ModuleAggregate aggregate;
    aggregate.stepId = "signs";
    aggregate.moduleId = "diagnostic_signs";
    aggregate.groups.push_back({core::kEveryoneGroup, 10, {core::QuestionCounts{"sign_pages", {0, 0, 1, 3, 6}, 10}}});
    model.modules = {aggregate};

    const std::vector<report::ModulePages> pages = platform::modulePagesFor(survey, model, modules);
    ASSERT_EQ(pages.size(), 1u);
    ASSERT_TRUE(pages[0].written);
    bool bar = false, checkFirst = false, everyone = false;
    for (const report::Block& block : pages[0].blocks) {
        if (block.kind == report::Block::Kind::Heading && block.text.find("Everyone") == 0) everyone = true;
        if (block.kind == report::Block::Kind::Bar && block.text == "Our messaging changes from page to page") {
            bar = true;
            EXPECT_NEAR(block.value, 0.9, 1e-6); // the share is a float in the module
            EXPECT_DOUBLE_EQ(block.maximum, 1.0);
            EXPECT_TRUE(block.emphasis); // widespread
            EXPECT_NE(block.valueText.find("90% (9 of 10)"), std::string::npos) << block.valueText;
        }
        if (block.kind == report::Block::Kind::Statistic &&
            block.valueText == "Check first: define the customer change")
            checkFirst = true;
    }
    EXPECT_TRUE(everyone); // the group as the screen names it, not "ALL"
    EXPECT_TRUE(bar);
    EXPECT_TRUE(checkFirst);
}

} // namespace
