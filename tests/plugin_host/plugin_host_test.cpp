// PluginHost against real plugin files: the fixtures in tests/fixtures (one per refusal reason, a good one, a
// throwing one, a C one with missing functions) and the real diagnostic_signs plugin.
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "plugin_host/plugin_checks.h"
#include "plugin_host/plugin_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <dlfcn.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using alignkiosk::core::ModuleAggregate;
using alignkiosk::core::ModuleContentProblem;
using alignkiosk::core::ModuleGroupAggregate;
using alignkiosk::core::Question;
using alignkiosk::core::QuestionKind;
using alignkiosk::core::Step;
using alignkiosk::plugin_host::AggregateBuffer;
using alignkiosk::plugin_host::PanelOutcome;
using alignkiosk::plugin_host::PluginHost;
using alignkiosk::plugin_host::PluginReport;
using testing::HasSubstr;

const fs::path kGood = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "good";
const fs::path kBroken = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "broken";

Question scaleQuestion(const std::string& id) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Scale;
    question.prompt = "How often?";
    question.scaleMin = 1;
    question.scaleMax = 5;
    question.scaleLabels = {"never", "rarely", "sometimes", "often", "always"};
    return question;
}

Question choiceQuestion(const std::string& id) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Choice;
    question.prompt = "Which one?";
    question.options = {{"a", "Option A"}, {"b", "Option B"}};
    return question;
}

Question textQuestion(const std::string& id) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Text;
    question.prompt = "In a sentence?";
    return question;
}

Step step(const std::string& moduleId, std::vector<Question> questions) {
    Step result;
    result.id = "step_one";
    result.moduleId = moduleId;
    result.title = "A step";
    result.questions = std::move(questions);
    return result;
}

std::vector<std::string> fileNames(const std::vector<PluginReport>& reports) {
    std::vector<std::string> names;
    for (const PluginReport& report : reports) names.push_back(report.path.filename().string());
    return names;
}

// ---- Refusals --------------------------------------------------------------------------------------------------

struct Refusal {
    std::string file;
    std::vector<std::string> keyWords;
};

std::ostream& operator<<(std::ostream& out, const Refusal& refusal) { return out << refusal.file; }

class RefusedFixture : public testing::TestWithParam<Refusal> {};

TEST_P(RefusedFixture, IsRefusedWithAReasonAPersonCanRead) {
    PluginHost host;
    const PluginReport& report = host.loadFile(kBroken / GetParam().file);
    EXPECT_FALSE(report.loaded);
    EXPECT_TRUE(report.modules.empty());
    EXPECT_EQ(report.path, kBroken / GetParam().file);
    for (const std::string& words : GetParam().keyWords) EXPECT_THAT(report.reason, HasSubstr(words));
    EXPECT_FALSE(host.hasModule("fixture_raw"));
    ASSERT_EQ(host.reports().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    EachReason, RefusedFixture,
    testing::Values(
        Refusal{"fixture_not_elf.so", {"not a loadable shared library: not an ELF file"}},
        Refusal{"fixture_no_entry.so", {"no entry symbol alignkiosk_entry_v1"}},
        Refusal{"fixture_entry_small.so", {"entry struct too small (16 bytes; plugin ABI 1.5 needs "}},
        Refusal{"fixture_abi_major.so", {"built for plugin ABI 2.x, this kiosk speaks 1.x"}},
        Refusal{"fixture_abi_minor.so", {"built for plugin ABI 1.99, newer than this kiosk's 1.5"}},
        Refusal{"fixture_imgui_mismatch.so",
                {"built against ImGui 10000 (IMGUI_VERSION_NUM), this kiosk uses ImGui " +
                 std::to_string(IMGUI_VERSION_NUM)}},
        Refusal{"fixture_init_fails.so", {"init failed"}},
        Refusal{"fixture_init_throws.so", {"init threw an exception"}},
        Refusal{"fixture_no_factory.so", {"no module factory"}},
        Refusal{"fixture_no_modules.so", {"provides no modules"}},
        Refusal{"fixture_no_id.so", {"module descriptor 0 has no module id"}},
        Refusal{"fixture_bad_version.so",
                {"module 'fixture_bad_version' has version 'v1-beta'", "MAJOR.MINOR.PATCH"}}),
    [](const testing::TestParamInfo<Refusal>& param) { return fs::path(param.param.file).stem().string(); });

// Files that would have ended this process had they been dlopen'ed in it: each is refused with what happened, and
// loading goes on with the next file (this test process is still here to check).
TEST(PluginHost, PluginsThatWouldTakeTheProcessDownAreRefusedAndLoadingGoesOn) {
    const fs::path unsafe = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "unsafe";
    PluginHost host;
    host.setLoadTimeLimit(std::chrono::milliseconds(500));
    host.loadDirectory(unsafe);
    host.loadFile(kGood / "fixture_good.so");
    ASSERT_THAT(fileNames(host.reports()), testing::ElementsAre("fixture_init_aborts.so", "fixture_init_hangs.so",
                                                                "fixture_truncated.so", "fixture_good.so"));
    EXPECT_EQ(host.reports()[0].reason, "crashed while loading: SIGABRT in its init function");
    EXPECT_EQ(host.reports()[1].reason,
              "did not finish loading within 0.5 s (stuck in its init function); it was stopped");
    EXPECT_THAT(host.reports()[2].reason, HasSubstr("not a loadable shared library: cut short: loadable segment "));
    EXPECT_THAT(host.reports()[2].reason, HasSubstr("the file has 8192 bytes (an unfinished copy?)"));
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(host.reports()[i].loaded);
        EXPECT_TRUE(host.reports()[i].modules.empty());
    }
    EXPECT_TRUE(host.reports()[3].loaded) << host.reports()[3].reason;
    EXPECT_FALSE(host.hasModule("fixture_init_aborts"));
    EXPECT_FALSE(host.hasModule("fixture_init_hangs"));
    EXPECT_TRUE(host.hasModule("fixture_good"));
}

TEST(PluginHost, MissingFileIsRefusedNotThrown) {
    PluginHost host;
    const PluginReport& report = host.loadFile("/nonexistent/alignkiosk/nothing.so");
    EXPECT_FALSE(report.loaded);
    EXPECT_THAT(report.reason, HasSubstr("not a loadable shared library"));
}

TEST(PluginHost, DeinitFollowsAFailedInit) {
    PluginHost host;
    const fs::path path = kBroken / "fixture_init_fails.so";
    testing::internal::CaptureStderr();
    host.loadFile(path);
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_THAT(log, HasSubstr("alignkiosk: [plugin " + path.string() + "] deinit after failed init\n"));
}

// ---- Loading ----------------------------------------------------------------------------------------------------

TEST(PluginHost, LoadsTheGoodFixtureWithItsModule) {
    PluginHost host;
    const PluginReport& report = host.loadFile(kGood / "fixture_good.so");
    ASSERT_TRUE(report.loaded) << report.reason;
    EXPECT_TRUE(report.reason.empty());
    ASSERT_EQ(report.modules.size(), 1u);
    EXPECT_EQ(report.modules[0].id, "fixture_good");
    EXPECT_EQ(report.modules[0].version, "1.2.3");
    EXPECT_EQ(report.modules[0].name, "Good fixture");

    EXPECT_TRUE(host.hasModule("fixture_good"));
    EXPECT_FALSE(host.hasModule("fixture_other"));
    EXPECT_EQ(host.moduleVersion("fixture_good"), "1.2.3");
    EXPECT_EQ(host.moduleVersion("fixture_other"), "");
    EXPECT_EQ(host.acceptedKinds("fixture_good"), (1u << ALIGNKIOSK_QUESTION_SCALE) |
                                                      (1u << ALIGNKIOSK_QUESTION_CHOICE) |
                                                      (1u << ALIGNKIOSK_QUESTION_TEXT));
}

// ---- ABI minor versions: older minors load, newer ones are refused ----------------------------------------------

// A copy of a plugin file's entry, read the way the host reads it.
std::optional<alignkiosk_plugin_entry_v1> entryOf(const fs::path& file) {
    void* library = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library) return std::nullopt;
    std::optional<alignkiosk_plugin_entry_v1> entry;
    if (const void* symbol = dlsym(library, ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL))
        entry = *static_cast<const alignkiosk_plugin_entry_v1*>(symbol);
    dlclose(library);
    return entry;
}

TEST(PluginHost, APluginBuiltForAbi10StillLoads) {
    ASSERT_EQ(ALIGNKIOSK_ABI_MINOR, 5u); // this kiosk speaks 1.5 (1.0 plus the dashboard panels, growable structs,
                                         // the report pages and the language)
    const std::optional<alignkiosk_plugin_entry_v1> entry = entryOf(kGood / "fixture_sparse.so");
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->abi_major, 1u);
    EXPECT_EQ(entry->abi_minor, 0u);

    PluginHost host;
    const PluginReport& report = host.loadFile(kGood / "fixture_sparse.so");
    EXPECT_TRUE(report.loaded) << report.reason;
    EXPECT_TRUE(host.hasModule("fixture_sparse"));
}

TEST(PluginHost, APluginBuiltForTheNextMinorIsRefused) {
    // The real entry of a loadable plugin, claiming 1.6: everything else about it is acceptable.
    std::optional<alignkiosk_plugin_entry_v1> entry = entryOf(kGood / "fixture_good.so");
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->abi_minor, 5u); // built with this SDK
    EXPECT_EQ(alignkiosk::plugin_host::checkEntry(*entry, alignkiosk::plugin_host::thisHostAbi()), std::nullopt);
    entry->abi_minor = 6;
    EXPECT_THAT(alignkiosk::plugin_host::checkEntry(*entry, alignkiosk::plugin_host::thisHostAbi()).value_or(""),
                HasSubstr("built for plugin ABI 1.6, newer than this kiosk's 1.5"));
}

TEST(PluginHost, LoadsADirectoryOfGoodPluginsInNameOrder) {
    PluginHost host;
    host.loadDirectory(kGood);
    EXPECT_THAT(fileNames(host.reports()),
                testing::ElementsAre("fixture_abi_1_2.so", "fixture_good.so", "fixture_sparse.so",
                                     "fixture_throwing.so", "fixture_visible_a.so", "fixture_visible_b.so"));
    for (const PluginReport& report : host.reports()) EXPECT_TRUE(report.loaded) << report.path << report.reason;
    for (const char* id : {"fixture_abi_1_2", "fixture_good", "fixture_sparse", "fixture_short_table",
                           "fixture_throwing", "fixture_visible_a", "fixture_visible_b"})
        EXPECT_TRUE(host.hasModule(id)) << id;
}

// Plugins compiled with default visibility: the SDK's per-plugin state must not be merged by the dynamic loader
// (it was, before plugin.hpp pinned it hidden: the second plugin's init replaced the first one's modules).
TEST(PluginHost, PluginsBuiltWithDefaultVisibilityKeepTheirOwnState) {
    PluginHost host;
    ASSERT_TRUE(host.loadFile(kGood / "fixture_visible_a.so").loaded);
    ASSERT_TRUE(host.loadFile(kGood / "fixture_visible_b.so").loaded);
    for (const std::string id : {"fixture_visible_a", "fixture_visible_b"}) {
        std::string error;
        auto instance = host.createModule(step(id, {scaleQuestion("mood")}), "en", error);
        ASSERT_NE(instance, nullptr) << id << ": " << error;
        EXPECT_EQ(instance->answerJson(), "{\"answers\":{\"module\":\"" + id + "\"}}");
        EXPECT_TRUE(host.checkContent(step(id, {scaleQuestion("mood")})).empty()) << id;
    }
}

TEST(PluginHost, LoadDirectoryTakesOnlySoFilesAndGoesOnAfterARefusal) {
    const fs::path dir = fs::path(testing::TempDir()) / "alignkiosk_load_directory";
    fs::remove_all(dir);
    fs::create_directories(dir / "c_is_a_directory.so");
    fs::copy_file(kBroken / "fixture_not_elf.so", dir / "a_text.so");
    fs::copy_file(kGood / "fixture_good.so", dir / "b_good.so");
    std::ofstream(dir / "notes.txt") << "not a plugin, and not named like one\n";
    {
        PluginHost host;
        host.loadDirectory(dir);
        EXPECT_THAT(fileNames(host.reports()), testing::ElementsAre("a_text.so", "b_good.so"));
        ASSERT_EQ(host.reports().size(), 2u);
        EXPECT_FALSE(host.reports()[0].loaded);
        EXPECT_TRUE(host.reports()[1].loaded) << host.reports()[1].reason;
        EXPECT_TRUE(host.hasModule("fixture_good"));
    }
    fs::remove_all(dir);
}

TEST(PluginHost, MissingDirectoryIsNotAnError) {
    PluginHost host;
    host.loadDirectory("/nonexistent/alignkiosk/plugins");
    EXPECT_TRUE(host.reports().empty());
}

TEST(PluginHost, LoadingGoesOnAfterRefusals) {
    PluginHost host;
    host.loadDirectory(kBroken);
    size_t soFiles = 0;
    for (const auto& entry : fs::directory_iterator(kBroken)) soFiles += entry.path().extension() == ".so";
    ASSERT_EQ(host.reports().size(), soFiles);
    ASSERT_GE(soFiles, 13u);
    // fixture_duplicate is a valid plugin when nothing else provides its id yet; it sits between refused ones.
    for (const PluginReport& report : host.reports()) {
        const bool duplicate = report.path.filename() == "fixture_duplicate.so";
        EXPECT_EQ(report.loaded, duplicate) << report.path << ": " << report.reason;
        EXPECT_EQ(report.reason.empty(), duplicate) << report.path;
    }
    EXPECT_TRUE(host.hasModule("fixture_good"));
    EXPECT_EQ(host.moduleVersion("fixture_good"), "9.9.9");
}

TEST(PluginHost, DuplicateModuleIdIsRefusedAndTheFirstKept) {
    PluginHost host;
    const fs::path first = kGood / "fixture_good.so";
    ASSERT_TRUE(host.loadFile(first).loaded);
    const PluginReport& second = host.loadFile(kBroken / "fixture_duplicate.so");
    EXPECT_FALSE(second.loaded);
    EXPECT_EQ(second.reason, "duplicate module id 'fixture_good', already provided by " + first.string());
    EXPECT_EQ(host.moduleVersion("fixture_good"), "1.2.3");

    std::string error;
    auto instance = host.createModule(step("fixture_good", {scaleQuestion("mood")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;
    EXPECT_EQ(instance->moduleVersion(), "1.2.3");
}

TEST(PluginHost, TheSameFileTwiceIsRefusedAndTheFirstKeepsWorking) {
    PluginHost host;
    const fs::path first = kGood / "fixture_good.so";
    ASSERT_TRUE(host.loadFile(first).loaded);
    // Through another spelling of the same path, as a --plugin-dir naming the built-in directory gives.
    const fs::path again = kGood / ".." / kGood.filename() / "fixture_good.so";
    const PluginReport& second = host.loadFile(again);
    EXPECT_FALSE(second.loaded);
    EXPECT_EQ(second.reason, "the same file as " + first.string() + ", which is already loaded");

    // Refusing it must not have deinit'ed the copy in use (dlopen hands back the same library).
    EXPECT_TRUE(host.hasModule("fixture_good"));
    std::string error;
    auto instance = host.createModule(step("fixture_good", {scaleQuestion("mood")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;
    EXPECT_TRUE(host.checkContent(step("fixture_good", {scaleQuestion("mood")})).empty());
}

// Passes once plugins/diagnostic_signs defines its module (until then its init returns false: "init failed").
TEST(PluginHost, RealDiagnosticSignsPluginLoads) {
    PluginHost host;
    const PluginReport& report = host.loadFile(fs::path(ALIGNKIOSK_PLUGIN_DIR) / "diagnostic_signs.so");
    ASSERT_TRUE(report.loaded) << report.reason;
    EXPECT_TRUE(host.hasModule("diagnostic_signs"));
    EXPECT_FALSE(host.moduleVersion("diagnostic_signs").empty());
}

// ---- Quarantine: modules that crashed the station ----------------------------------------------------------------

const fs::path kCrashPage = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "crashing" / "fixture_crash_page.so";

TEST(PluginHost, APluginWhoseOnlyModuleIsQuarantinedIsNotLoadedButItsModuleIsKnown) {
    PluginHost host;
    host.setQuarantine({"fixture_crash_page"});
    const PluginReport& report = host.loadFile(kCrashPage);
    EXPECT_FALSE(report.loaded);
    EXPECT_TRUE(report.modules.empty());
    ASSERT_EQ(report.stopped.size(), 1u);
    EXPECT_EQ(report.stopped[0].id, "fixture_crash_page");
    EXPECT_EQ(report.stopped[0].version, "0.0.1");
    EXPECT_EQ(report.reason, "not loaded: every module it offers was stopped after it crashed the station "
                             "(fixture_crash_page)");
    // A survey that uses it is still valid; its content is not checked (that would run its code).
    EXPECT_TRUE(host.hasModule("fixture_crash_page"));
    EXPECT_TRUE(host.isQuarantined("fixture_crash_page"));
    EXPECT_EQ(host.acceptedKinds("fixture_crash_page"), 1u << ALIGNKIOSK_QUESTION_SCALE);
    EXPECT_EQ(host.moduleVersion("fixture_crash_page"), "0.0.1");
    ASSERT_NE(host.describeModule("fixture_crash_page"), nullptr);
    EXPECT_EQ(host.describeModule("fixture_crash_page")->name, "Crashing page fixture");
    EXPECT_TRUE(host.checkContent(step("fixture_crash_page", {scaleQuestion("mood")})).empty());
    std::string error;
    EXPECT_EQ(host.createModule(step("fixture_crash_page", {scaleQuestion("mood")}), "en", error), nullptr);
    EXPECT_EQ(error, "module 'fixture_crash_page' was stopped after it crashed the station; the facilitator menu can "
                     "allow it again");
    // The library was never opened in this process.
    EXPECT_EQ(dlopen(kCrashPage.c_str(), RTLD_NOW | RTLD_NOLOAD), nullptr);
    // Named a second time (another --plugin-dir), it is the same stopped file.
    EXPECT_EQ(host.loadFile(kCrashPage.parent_path() / "." / kCrashPage.filename()).reason,
              "the same file as " + kCrashPage.string() + ", whose modules are stopped");
}

TEST(PluginHost, OnlyTheQuarantinedModuleOfAPluginIsLeftOut) {
    PluginHost host;
    host.setQuarantine({"fixture_short_table", "not_offered_by_anyone"});
    const PluginReport& report = host.loadFile(kGood / "fixture_sparse.so");
    ASSERT_TRUE(report.loaded) << report.reason;
    ASSERT_EQ(report.modules.size(), 1u);
    EXPECT_EQ(report.modules[0].id, "fixture_sparse");
    ASSERT_EQ(report.stopped.size(), 1u);
    EXPECT_EQ(report.stopped[0].id, "fixture_short_table");
    EXPECT_TRUE(host.isQuarantined("fixture_short_table"));
    EXPECT_FALSE(host.isQuarantined("fixture_sparse"));
    EXPECT_FALSE(host.isQuarantined("not_offered_by_anyone")); // quarantined, but nothing offers it
    std::string error;
    EXPECT_NE(host.createModule(step("fixture_sparse", {scaleQuestion("mood")}), "en", error), nullptr) << error;
    EXPECT_EQ(host.createModule(step("fixture_short_table", {scaleQuestion("mood")}), "en", error), nullptr);
    EXPECT_THAT(error, HasSubstr("was stopped after it crashed the station"));
}

TEST(PluginHost, AQuarantinedModuleStillHoldsItsIdAgainstADuplicate) {
    PluginHost host;
    host.setQuarantine({"fixture_good"});
    EXPECT_FALSE(host.loadFile(kGood / "fixture_good.so").loaded);
    const PluginReport& duplicate = host.loadFile(kBroken / "fixture_duplicate.so");
    EXPECT_FALSE(duplicate.loaded);
    EXPECT_EQ(duplicate.reason,
              "duplicate module id 'fixture_good', already provided by " + (kGood / "fixture_good.so").string());
    EXPECT_EQ(host.moduleVersion("fixture_good"), "1.2.3");
}

// ---- The catalog and module instances ----------------------------------------------------------------------------

TEST(PluginHost, CheckContentMapsTheModulesProblems) {
    PluginHost host;
    ASSERT_TRUE(host.loadFile(kGood / "fixture_good.so").loaded);

    EXPECT_TRUE(host.checkContent(step("fixture_good", {scaleQuestion("mood"), choiceQuestion("pick")})).empty());

    Question flagged = choiceQuestion("pick");
    flagged.attributes["fixture_bad"] = "yes";
    Question multi = choiceQuestion("several");
    multi.kind = QuestionKind::MultiChoice;
    const auto problems = host.checkContent(step("fixture_good", {scaleQuestion("mood"), flagged, multi}));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 1u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[0].message, "fixture_bad is set to 'yes'");
    EXPECT_EQ(problems[1].questionIndex, 2u);
    EXPECT_EQ(problems[1].field, "kind");
    EXPECT_THAT(problems[1].message, HasSubstr("cannot show this kind"));

    const auto empty = host.checkContent(step("fixture_good", {}));
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_EQ(empty[0].questionIndex, ModuleContentProblem::kWholeStep);
    EXPECT_EQ(empty[0].field, "");
    EXPECT_EQ(empty[0].message, "fixture_good needs at least one question");

    const auto unknown = host.checkContent(step("nobody_has_this", {scaleQuestion("mood")}));
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].questionIndex, ModuleContentProblem::kWholeStep);
    EXPECT_THAT(unknown[0].message, HasSubstr("no loaded plugin provides module 'nobody_has_this'"));
}

TEST(PluginHost, CreateModuleAndAnswerRoundTrip) {
    PluginHost host;
    ASSERT_TRUE(host.loadFile(kGood / "fixture_good.so").loaded);
    std::string error = "stale";
    auto instance = host.createModule(
        step("fixture_good", {scaleQuestion("mood"), choiceQuestion("pick"), textQuestion("words")}), "de", error);
    ASSERT_NE(instance, nullptr) << error;
    EXPECT_TRUE(error.empty());
    EXPECT_EQ(instance->moduleId(), "fixture_good");
    EXPECT_EQ(instance->moduleVersion(), "1.2.3");
    EXPECT_EQ(instance->pageCount(), 2u);
    EXPECT_EQ(instance->answerJson(), std::optional<std::string>(R"({"answers":{"mood":5,"pick":"b","words":"de"}})"));
}

TEST(PluginHost, CreateModuleForAnUnknownModuleSaysSo) {
    PluginHost host;
    std::string error;
    EXPECT_EQ(host.createModule(step("nobody_has_this", {scaleQuestion("mood")}), "en", error), nullptr);
    EXPECT_THAT(error, HasSubstr("no loaded plugin provides module 'nobody_has_this'"));
}

TEST(PluginHost, ScoreBringsBackTheModulesFindings) {
    PluginHost host;
    ASSERT_TRUE(host.loadFile(kGood / "fixture_good.so").loaded);
    std::string error;
    auto instance = host.createModule(step("fixture_good", {scaleQuestion("mood")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;

    const AggregateBuffer aggregate(
        ModuleAggregate{"step_one", "fixture_good", {ModuleGroupAggregate{"ALL", 8, {{"mood", {0, 1, 2, 3, 0}, 6}}}}, {}},
        "Everyone");
    const auto findings = instance->score(aggregate, 0);
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 1u);
    EXPECT_EQ((*findings)[0].questionId, "mood");
    EXPECT_EQ((*findings)[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ((*findings)[0].share, 0.75f);
    EXPECT_EQ((*findings)[0].headline, "Everyone answered mood");
    EXPECT_EQ((*findings)[0].action, "look again");
}

TEST(PluginHost, ModulesDrawIntoTheSharedImGuiContext) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini left in the working directory
    io.DisplaySize = ImVec2(800, 600);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    {
        PluginHost host(context);
        ASSERT_TRUE(host.loadFile(kGood / "fixture_good.so").loaded);
        std::string error;
        auto instance = host.createModule(step("fixture_good", {scaleQuestion("mood")}), "en", error);
        ASSERT_NE(instance, nullptr) << error;
        EXPECT_FALSE(instance->pageComplete(0));

        const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0xff00ff00u};
        ImGui::NewFrame();
        // Sized like the shell's content window (a new auto-sized window would be hidden on its first frame).
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("step");
        EXPECT_TRUE(instance->drawPage(0, frame));
        ImGui::End();
        ImGui::Render();
        EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);

        EXPECT_TRUE(instance->pageComplete(0));
        EXPECT_FALSE(instance->pageComplete(1));
        instance->reset();
        EXPECT_FALSE(instance->pageComplete(0));
    }
    ImGui::DestroyContext(context);
}

TEST(PluginHost, AModuleThatThrowsFailsWithoutTakingTheKioskDown) {
    PluginHost host; // no ImGui context: the throwing module never reaches ImGui
    const fs::path path = kGood / "fixture_throwing.so";
    ASSERT_TRUE(host.loadFile(path).loaded);
    std::string error;
    auto instance = host.createModule(step("fixture_throwing", {scaleQuestion("mood")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;

    const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
    const AggregateBuffer aggregate(ModuleAggregate{"step_one", "fixture_throwing", {ModuleGroupAggregate{"ALL", 0, {}}}, {}});
    testing::internal::CaptureStderr();
    EXPECT_FALSE(instance->drawPage(0, frame));
    EXPECT_FALSE(instance->pageComplete(0));
    EXPECT_EQ(instance->answerJson(), std::nullopt);
    EXPECT_EQ(instance->score(aggregate, 0), std::nullopt);
    const std::string log = testing::internal::GetCapturedStderr();
    const std::string prefix = "alignkiosk: [plugin " + path.string() + "] error: ";
    EXPECT_THAT(log, HasSubstr(prefix + "draw_page: fixture_throwing refuses to draw\n"));
    EXPECT_THAT(log, HasSubstr(prefix + "page_complete: fixture_throwing cannot tell\n"));
    EXPECT_THAT(log, HasSubstr(prefix + "write_answer: fixture_throwing has no answer\n"));
    EXPECT_THAT(log, HasSubstr(prefix + "score: unknown exception\n"));
    EXPECT_EQ(instance->pageCount(), 1u);
}

TEST(PluginHost, AModuleTableWithMissingFunctionsGivesFailures) {
    PluginHost host;
    const fs::path path = kGood / "fixture_sparse.so";
    ASSERT_TRUE(host.loadFile(path).loaded);
    std::string error;
    auto instance = host.createModule(step("fixture_sparse", {scaleQuestion("mood")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;

    const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
    const AggregateBuffer aggregate(ModuleAggregate{"step_one", "fixture_sparse", {ModuleGroupAggregate{"ALL", 0, {}}}, {}});
    instance->reset();
    EXPECT_EQ(instance->pageCount(), 0u);
    EXPECT_FALSE(instance->drawPage(0, frame));
    EXPECT_FALSE(instance->pageComplete(0));
    EXPECT_EQ(instance->answerJson(), std::nullopt);
    EXPECT_EQ(instance->score(aggregate, 0), std::nullopt);

    testing::internal::CaptureStderr();
    instance.reset();
    EXPECT_THAT(testing::internal::GetCapturedStderr(),
                HasSubstr("alignkiosk: [plugin " + path.string() + "] destroy fixture_sparse\n"));
}

TEST(PluginHost, AModuleTableSmallerThanTheAbiIsRefusedAndDestroyed) {
    PluginHost host;
    ASSERT_TRUE(host.loadFile(kGood / "fixture_sparse.so").loaded);
    std::string error;
    testing::internal::CaptureStderr();
    auto instance = host.createModule(step("fixture_short_table", {scaleQuestion("mood")}), "en", error);
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_EQ(instance, nullptr);
    EXPECT_THAT(error, HasSubstr("module 'fixture_short_table' returned a module table of 32 bytes"));
    EXPECT_THAT(log, HasSubstr("destroy fixture_short_table"));
}

// ---- A plugin built for ABI 1.2, with that time's structs (tests/fixtures/good/fixture_abi_1_2.c) -------------------

Question allocationQuestion(const std::string& id) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Allocation;
    question.prompt = "Share the points";
    question.options = {{"x", "X"}, {"y", "Y"}};
    question.total = 2;
    return question;
}

TEST(PluginHostOldStructs, APluginBuiltForAbi12GetsTheContentThroughTheV1Structs) {
    const std::optional<alignkiosk_plugin_entry_v1> entry = entryOf(kGood / "fixture_abi_1_2.so");
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->abi_minor, 2u);

    PluginHost host;
    const PluginReport& report = host.loadFile(kGood / "fixture_abi_1_2.so");
    ASSERT_TRUE(report.loaded) << report.reason;
    Question pick = choiceQuestion("pick");
    pick.attributes = {{"colour", "blue"}, {"size", "big"}};
    EXPECT_TRUE(host.checkContent(step("fixture_abi_1_2", {pick, allocationQuestion("share")})).empty());
    std::string error;
    auto instance = host.createModule(step("fixture_abi_1_2", {pick, allocationQuestion("share")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;
    EXPECT_EQ(instance->answerJson(),
              std::optional<std::string>(R"({"answers":{"pick":"a,b|colour=blue;size=big","share":"x,y|"}})"));
}

TEST(PluginHostOldStructs, APluginBuiltForAbi12ScoresAndDrawsFromTheV1Aggregate) {
    PluginHost host;
    const fs::path path = kGood / "fixture_abi_1_2.so";
    ASSERT_TRUE(host.loadFile(path).loaded);
    std::string error;
    auto instance = host.createModule(step("fixture_abi_1_2", {allocationQuestion("share")}), "en", error);
    ASSERT_NE(instance, nullptr) << error;

    // (2,0), (1,1), (1,1) out of 2 points: the sums, then a histogram over 0..2 per option, in one counts array.
    const ModuleAggregate aggregate{
        "step_one", "fixture_abi_1_2", {ModuleGroupAggregate{"ALL", 3, {{"share", {4, 2, 0, 2, 1, 1, 2, 0}, 3}}}}, {}};
    const AggregateBuffer groups(aggregate, "Everyone");
    const auto findings = instance->score(groups, 0);
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 1u);
    EXPECT_EQ((*findings)[0].headline, "share 8 3 4,2,0,2,1,1,2,0");

    // Its panel is the 1.2 one (no v3): drawn from alignkiosk_panel_input_v1.
    EXPECT_TRUE(instance->hasDashboardPanel());
    const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
    testing::internal::CaptureStderr();
    EXPECT_EQ(instance->drawDashboardPanel(groups, frame), PanelOutcome::Drawn);
    EXPECT_THAT(testing::internal::GetCapturedStderr(),
                HasSubstr("alignkiosk: [plugin " + path.string() + "] panel v2: 1 groups 0 texts Everyone\n"));
}

} // namespace
