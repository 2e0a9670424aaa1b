// The diagnostic-signs plugin, loaded from the real built .so through its one C entry, exactly as the host loads it:
// content validation, page layout, the answer payload, scoring, and headless ImGui frames driven by simulated taps.
#include <alignkiosk/plugin_abi.h>

#include <gtest/gtest.h>
#include <imgui.h>

#include <dlfcn.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr const char* kPluginPath = ALIGNKIOSK_PLUGIN_DIR "/diagnostic_signs.so";
constexpr uint32_t kWholeStep = UINT32_MAX;

// SignsModule::kQuestionsPerPage, seen from outside: each group is split over pages of at most this many questions,
// because two scale questions fit a laptop window or a touchscreen without scrolling (a finger cannot scroll ImGui).
constexpr uint32_t kQuestionsPerPage = 2;

// The seed content's pages (seedContent below): its 4 signals, its 4 metrics, then the open sentence.
constexpr uint32_t kSignalPages = 4 / kQuestionsPerPage;        // pages 0 and 1
constexpr uint32_t kMetricPages = 4 / kQuestionsPerPage;        // pages 2 and 3
constexpr uint32_t kSentencePage = kSignalPages + kMetricPages; // page 4
constexpr uint32_t kSeedPageCount = kSentencePage + 1;
static_assert(kSeedPageCount == 5);

// ---- Step content as the host hands it in ---------------------------------------------------------------------------

struct QuestionSpec {
    std::string id;
    alignkiosk_question_kind_v1 kind = ALIGNKIOSK_QUESTION_SCALE;
    std::string prompt;
    std::string help;
    bool required = true;
    int scaleMin = 1;
    int scaleMax = 5;
    std::vector<std::string> labels;
    uint32_t maxLength = 0;
    std::vector<std::pair<std::string, std::string>> attributes;
};

const std::vector<std::string> kFrequency{"Never", "Rarely", "Sometimes", "Often", "Almost always"};
const std::vector<std::string> kHowWell{"Very poorly", "Poorly", "Adequately", "Well", "Very well"};

QuestionSpec signal(std::string id, std::string prompt, std::string checkFirst) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.prompt = std::move(prompt);
    spec.help = "Think of the last three months.";
    spec.labels = kFrequency;
    spec.attributes = {{"group", "signal"}, {"check_first", std::move(checkFirst)}};
    return spec;
}

QuestionSpec metric(std::string id, std::string prompt) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.prompt = std::move(prompt);
    spec.labels = kHowWell;
    spec.attributes = {{"group", "metric"}};
    return spec;
}

QuestionSpec customerChange(std::string id, uint32_t maxLength) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.kind = ALIGNKIOSK_QUESTION_TEXT;
    spec.prompt = "Finish the sentence: our company changes this for customers...";
    spec.required = false;
    spec.scaleMin = 0;
    spec.scaleMax = 0;
    spec.maxLength = maxLength;
    spec.attributes = {{"group", "customer_change"}};
    return spec;
}

// Owns the strings and arrays behind one alignkiosk_step_content_v1. Add everything before calling raw().
class Content {
public:
    Content& add(QuestionSpec spec) {
        m_specs.push_back(std::move(spec));
        return *this;
    }
    QuestionSpec& back() { return m_specs.back(); }

    const alignkiosk_step_content_v1& raw() {
        m_labels.assign(m_specs.size(), {});
        m_attributes.assign(m_specs.size(), {});
        m_questions.clear();
        for (size_t i = 0; i < m_specs.size(); ++i) {
            const QuestionSpec& spec = m_specs[i];
            for (const std::string& label : spec.labels) m_labels[i].push_back(label.c_str());
            for (const auto& [key, value] : spec.attributes) m_attributes[i].push_back({key.c_str(), value.c_str()});
            alignkiosk_question_v1 question{};
            question.struct_size = sizeof(alignkiosk_question_v1);
            question.id = spec.id.c_str();
            question.kind = static_cast<uint32_t>(spec.kind);
            question.prompt = spec.prompt.c_str();
            question.help = spec.help.c_str();
            question.required = spec.required;
            question.scale_min = spec.scaleMin;
            question.scale_max = spec.scaleMax;
            question.scale_labels = m_labels[i].data();
            question.scale_label_count = static_cast<uint32_t>(m_labels[i].size());
            question.max_length = spec.maxLength;
            question.attributes = m_attributes[i].data();
            question.attribute_count = static_cast<uint32_t>(m_attributes[i].size());
            m_questions.push_back(question);
        }
        m_step = alignkiosk_step_content_v1{sizeof(alignkiosk_step_content_v1), "signs", "Diagnostic signs", "", "en",
                                            m_questions.data(), static_cast<uint32_t>(m_questions.size())};
        return m_step;
    }

private:
    std::vector<QuestionSpec> m_specs;
    std::vector<std::vector<const char*>> m_labels;
    std::vector<std::vector<alignkiosk_key_value_v1>> m_attributes;
    std::vector<alignkiosk_question_v1> m_questions;
    alignkiosk_step_content_v1 m_step{};
};

// Seed 002's four signs, its four metrics and the open sentence, in the order a survey file would list them.
Content seedContent(uint32_t sentenceLength = 280) {
    Content content;
    content.add(signal("sign_pages", "Our messaging changes from page to page.",
                       "define the customer change the company creates"));
    content.add(signal("sign_teams", "Teams describe the company differently.", "name the audience clearly"));
    content.add(signal("sign_topics", "Our content topics feel disconnected.",
                       "remove language that could fit any company"));
    content.add(signal("sign_value", "Sales and marketing use different value language.",
                       "test the mission against real messaging decisions"));
    content.add(metric("metric_consistency", "Message consistency"));
    content.add(metric("metric_sales", "Sales narrative clarity"));
    content.add(metric("metric_content", "Content relevance"));
    content.add(metric("metric_stakeholders", "Stakeholder alignment"));
    content.add(customerChange("customer_change", sentenceLength));
    return content;
}

// ---- The plugin, loaded like the host loads it ----------------------------------------------------------------------

struct Problem {
    uint32_t questionIndex;
    std::string field;
    std::string message;
};

struct Finding {
    std::string questionId;
    uint32_t level;
    float share;
    std::string headline;
    std::string action;
};

std::vector<std::string>& hostLog() {
    static std::vector<std::string> messages;
    return messages;
}

// One module instance; destroyed through the plugin's own destroy().
class ModuleHandle {
public:
    explicit ModuleHandle(alignkiosk_module_v1* module) : m_module(module) {}
    ~ModuleHandle() {
        if (m_module) m_module->destroy(m_module);
    }
    ModuleHandle(const ModuleHandle&) = delete;
    ModuleHandle& operator=(const ModuleHandle&) = delete;

    uint32_t pageCount() const { return m_module->page_count(m_module); }
    bool pageComplete(uint32_t page) const { return m_module->page_complete(m_module, page); }
    bool draw(uint32_t page, const alignkiosk_frame_v1& frame) { return m_module->draw_page(m_module, page, &frame); }
    void reset() { m_module->reset(m_module); }

    std::string answer() const {
        std::string json;
        const alignkiosk_sink_v1 sink{sizeof(alignkiosk_sink_v1), &json, [](void* context, const char* data,
                                                                           size_t length) {
                                          static_cast<std::string*>(context)->append(data, length);
                                      }};
        EXPECT_TRUE(m_module->write_answer(m_module, &sink));
        return json;
    }

    std::vector<Finding> score(const alignkiosk_aggregate_v1& aggregate) const {
        std::vector<Finding> findings;
        const alignkiosk_finding_sink_v1 sink{
            sizeof(alignkiosk_finding_sink_v1), &findings, [](void* context, const alignkiosk_finding_v1* finding) {
                static_cast<std::vector<Finding>*>(context)->push_back(
                    {finding->question_id, finding->level, finding->share, finding->headline, finding->action});
            }};
        EXPECT_TRUE(m_module->score(m_module, &aggregate, &sink));
        return findings;
    }

private:
    alignkiosk_module_v1* m_module;
};

class LoadedPlugin {
public:
    explicit LoadedPlugin(void* imguiContext) {
        m_library = dlopen(kPluginPath, RTLD_NOW | RTLD_LOCAL);
        if (!m_library) {
            m_error = dlerror();
            return;
        }
        m_entry = static_cast<const alignkiosk_plugin_entry_v1*>(dlsym(m_library, ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL));
        if (!m_entry) {
            m_error = "no entry symbol";
            return;
        }
        m_host = alignkiosk_host_v1{sizeof(alignkiosk_host_v1), ALIGNKIOSK_ABI_MAJOR, ALIGNKIOSK_ABI_MINOR, "test",
                                    imguiContext, [](const alignkiosk_host_v1*, uint32_t, const char* message) {
                                        hostLog().push_back(message);
                                    }};
        if (!m_entry->init(&m_host)) {
            m_error = "init refused";
            return;
        }
        m_initialised = true;
        m_factory = static_cast<const alignkiosk_module_factory_v1*>(m_entry->get_factory(ALIGNKIOSK_MODULE_FACTORY_V1_ID));
        if (!m_factory) m_error = "no module factory";
    }
    ~LoadedPlugin() {
        if (m_initialised) m_entry->deinit();
        if (m_library) dlclose(m_library);
    }
    LoadedPlugin(const LoadedPlugin&) = delete;
    LoadedPlugin& operator=(const LoadedPlugin&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    const alignkiosk_plugin_entry_v1& entry() const { return *m_entry; }
    const alignkiosk_module_factory_v1& factory() const { return *m_factory; }

    std::vector<Problem> validate(Content& content, bool* passed = nullptr) const {
        std::vector<Problem> problems;
        const alignkiosk_content_error_sink_v1 sink{
            sizeof(alignkiosk_content_error_sink_v1), &problems,
            [](void* context, uint32_t index, const char* field, const char* message) {
                static_cast<std::vector<Problem>*>(context)->push_back({index, field ? field : "", message});
            }};
        const bool result = m_factory->validate_content("diagnostic_signs", &content.raw(), &sink);
        if (passed) *passed = result;
        return problems;
    }

    // `content` must outlive the module (the ABI's rule).
    std::unique_ptr<ModuleHandle> create(Content& content) const {
        alignkiosk_module_v1* module = m_factory->create_module("diagnostic_signs", &content.raw());
        return module ? std::make_unique<ModuleHandle>(module) : nullptr;
    }

private:
    void* m_library = nullptr;
    const alignkiosk_plugin_entry_v1* m_entry = nullptr;
    const alignkiosk_module_factory_v1* m_factory = nullptr;
    alignkiosk_host_v1 m_host{};
    bool m_initialised = false;
    std::string m_error;
};

class DiagnosticSignsTest : public ::testing::Test {
protected:
    void SetUp() override {
        hostLog().clear();
        m_plugin = std::make_unique<LoadedPlugin>(nullptr); // command-line use: no ImGui context
        ASSERT_TRUE(m_plugin->ok()) << kPluginPath << ": " << m_plugin->error();
    }
    void TearDown() override { m_plugin.reset(); }

    LoadedPlugin& plugin() { return *m_plugin; }

private:
    std::unique_ptr<LoadedPlugin> m_plugin;
};

// ---- Entry and descriptor ---------------------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, EntryMatchesThisHostsAbiAndImGui) {
    EXPECT_EQ(plugin().entry().struct_size, sizeof(alignkiosk_plugin_entry_v1));
    EXPECT_EQ(plugin().entry().abi_major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_LE(plugin().entry().abi_minor, ALIGNKIOSK_ABI_MINOR);
    EXPECT_EQ(plugin().entry().imgui_version_num, IMGUI_VERSION_NUM);
}

TEST_F(DiagnosticSignsTest, DescribesOneModuleAcceptingScaleAndText) {
    const alignkiosk_module_factory_v1& factory = plugin().factory();
    ASSERT_EQ(factory.module_count(), 1u);
    const alignkiosk_module_descriptor_v1* descriptor = factory.module_descriptor(0);
    ASSERT_NE(descriptor, nullptr);
    EXPECT_STREQ(descriptor->id, "diagnostic_signs");
    EXPECT_STREQ(descriptor->version, "1.0.0");
    EXPECT_STRNE(descriptor->name, "");
    EXPECT_STRNE(descriptor->description, "");
    EXPECT_EQ(descriptor->accepted_kinds, (1u << ALIGNKIOSK_QUESTION_SCALE) | (1u << ALIGNKIOSK_QUESTION_TEXT));
    EXPECT_EQ(factory.module_descriptor(1), nullptr);
}

// ---- Content validation -------------------------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, AcceptsTheSeedContent) {
    Content content = seedContent();
    bool passed = false;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_TRUE(passed);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
}

TEST_F(DiagnosticSignsTest, AcceptsSignalsAlone) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    bool passed = false;
    EXPECT_TRUE(plugin().validate(content, &passed).empty());
    EXPECT_TRUE(passed);
}

TEST_F(DiagnosticSignsTest, RequiresAtLeastOneSignal) {
    Content content;
    content.add(metric("m", "Message consistency"));
    content.add(customerChange("c", 200));
    bool passed = true;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_FALSE(passed);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, kWholeStep);
    EXPECT_EQ(problems[0].field, "");
}

TEST_F(DiagnosticSignsTest, ReportsMissingAndUnknownGroupOnAttributes) {
    Content content = seedContent();
    content.add(metric("no_group", "Stakeholder alignment"));
    content.back().attributes.clear();
    content.add(metric("bad_group", "Stakeholder alignment"));
    content.back().attributes = {{"group", "signals"}};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "attributes");
    EXPECT_NE(problems[1].message.find("signals"), std::string::npos) << problems[1].message;
}

TEST_F(DiagnosticSignsTest, ReportsWrongKindsOnKind) {
    Content content = seedContent();
    content.add(signal("text_signal", "Teams describe the company differently.", "name the audience clearly"));
    content.back().kind = ALIGNKIOSK_QUESTION_TEXT;
    content.add(metric("text_metric", "Content relevance"));
    content.back().kind = ALIGNKIOSK_QUESTION_TEXT;
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "kind");
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "kind");
}

TEST_F(DiagnosticSignsTest, ReportsACustomerChangeThatIsNotText) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    content.add(metric("c", "What change do we create?"));
    content.back().attributes = {{"group", "customer_change"}};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, 1u);
    EXPECT_EQ(problems[0].field, "kind");
}

TEST_F(DiagnosticSignsTest, ReportsASignalWithoutCheckFirst) {
    Content content = seedContent();
    content.add(signal("no_check", "Content topics feel disconnected.", ""));
    content.back().attributes = {{"group", "signal"}};
    content.add(signal("blank_check", "Content topics feel disconnected.", "  \t "));
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_NE(problems[0].message.find("check_first"), std::string::npos) << problems[0].message;
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "attributes");
}

TEST_F(DiagnosticSignsTest, ReportsEverySecondCustomerChange) {
    Content content = seedContent();
    content.add(customerChange("again", 100));
    content.add(customerChange("and_again", 100));
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[1].questionIndex, 10u);
}

TEST_F(DiagnosticSignsTest, ReportsAScaleWithFewerThanThreePoints) {
    Content content = seedContent();
    content.add(metric("two_points", "Message consistency"));
    content.back().scaleMax = 2;
    content.back().labels = {"Poorly", "Well"};
    content.add(signal("three_points", "Teams describe the company differently.", "name the audience clearly"));
    content.back().scaleMin = 0;
    content.back().scaleMax = 2;
    content.back().labels = {"Never", "Sometimes", "Often"};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "scale");
}

TEST_F(DiagnosticSignsTest, ReportsEveryProblemInOnePass) {
    Content content;
    content.add(metric("m", "Message consistency"));             // 0: fine
    content.add(metric("n", "Sales narrative clarity"));         // 1: no group
    content.back().attributes.clear();
    content.add(customerChange("c1", 100));                      // 2: fine
    content.add(customerChange("c2", 100));                      // 3: second open sentence
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].questionIndex, 1u);
    EXPECT_EQ(problems[1].questionIndex, 3u);
    EXPECT_EQ(problems[2].questionIndex, kWholeStep); // and still no signal
}

// ---- Pages and answers without drawing -------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, ShowsOnlyThePagesThatHaveQuestions) {
    Content seed = seedContent();
    auto full = plugin().create(seed);
    ASSERT_NE(full, nullptr);
    EXPECT_EQ(full->pageCount(), kSeedPageCount); // signals 2 + 2, metrics 2 + 2, the open sentence

    Content signalsAndSentence;
    signalsAndSentence.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    signalsAndSentence.add(customerChange("c", 100));
    auto two = plugin().create(signalsAndSentence);
    ASSERT_NE(two, nullptr);
    EXPECT_EQ(two->pageCount(), 2u);

    Content signalsOnly;
    signalsOnly.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    auto one = plugin().create(signalsOnly);
    ASSERT_NE(one, nullptr);
    EXPECT_EQ(one->pageCount(), 1u);

    // Groups that exactly fill their pages get no empty page after them.
    Content fullPages;
    fullPages.add(signal("s1", "Teams describe the company differently.", "name the audience clearly"));
    fullPages.add(signal("s2", "Our content topics feel disconnected.", "remove language that could fit any company"));
    fullPages.add(metric("m1", "Message consistency"));
    fullPages.add(metric("m2", "Sales narrative clarity"));
    auto twoFull = plugin().create(fullPages);
    ASSERT_NE(twoFull, nullptr);
    EXPECT_EQ(twoFull->pageCount(), 2u);
}

TEST_F(DiagnosticSignsTest, RefusesToCreateFromContentWithoutGroups) {
    Content content;
    content.add(metric("m", "Message consistency"));
    content.back().attributes.clear();
    EXPECT_EQ(plugin().create(content), nullptr);
}

TEST_F(DiagnosticSignsTest, StartsWithNoAnswers) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    ASSERT_EQ(module->pageCount(), kSeedPageCount);
    // Every signals and metrics page waits for its answers.
    for (uint32_t page = 0; page < kSentencePage; ++page) EXPECT_FALSE(module->pageComplete(page)) << "page " << page;
    EXPECT_TRUE(module->pageComplete(kSentencePage));   // the open sentence is optional
    EXPECT_FALSE(module->pageComplete(kSeedPageCount)); // no such page
    EXPECT_FALSE(module->pageComplete(UINT32_MAX));
    EXPECT_EQ(module->answer(), R"({"answers":{}})");
}

TEST_F(DiagnosticSignsTest, OptionalScaleQuestionsDoNotHoldAPageBack) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    content.add(metric("m", "Message consistency"));
    content.back().required = false;
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_FALSE(module->pageComplete(0));
    EXPECT_TRUE(module->pageComplete(1));
}

// ---- Scoring --------------------------------------------------------------------------------------------------------------

// One group's counts, as the host would hand them to score().
class Aggregate {
public:
    Aggregate& item(std::string questionId, std::vector<uint32_t> counts) {
        uint32_t answered = 0;
        for (const uint32_t count : counts) answered += count;
        m_items.push_back({std::move(questionId), std::move(counts), answered});
        return *this;
    }
    const alignkiosk_aggregate_v1& raw() {
        m_raw.clear();
        for (const Item& item : m_items)
            m_raw.push_back({sizeof(alignkiosk_item_distribution_v1), item.questionId.c_str(), item.counts.data(),
                             static_cast<uint32_t>(item.counts.size()), item.answered});
        m_aggregate = {sizeof(alignkiosk_aggregate_v1), "Everyone", 10, m_raw.data(),
                       static_cast<uint32_t>(m_raw.size())};
        return m_aggregate;
    }

private:
    struct Item {
        std::string questionId;
        std::vector<uint32_t> counts;
        uint32_t answered;
    };
    std::vector<Item> m_items;
    std::vector<alignkiosk_item_distribution_v1> m_raw;
    alignkiosk_aggregate_v1 m_aggregate{};
};

class DiagnosticSignsScoringTest : public DiagnosticSignsTest {
protected:
    void SetUp() override {
        DiagnosticSignsTest::SetUp();
        m_content = seedContent();
        m_module = plugin().create(m_content);
        ASSERT_NE(m_module, nullptr);
    }
    void TearDown() override {
        m_module.reset();
        DiagnosticSignsTest::TearDown();
    }
    std::vector<Finding> score(Aggregate& aggregate) { return m_module->score(aggregate.raw()); }

private:
    Content m_content;
    std::unique_ptr<ModuleHandle> m_module;
};

TEST_F(DiagnosticSignsScoringTest, EveryoneSeesTheSignOften) {
    Aggregate aggregate;
    aggregate.item("sign_teams", {0, 0, 0, 4, 6}); // top two points: 10 of 10
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].questionId, "sign_teams");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 1.0f);
    EXPECT_EQ(findings[0].headline, "Teams describe the company differently \u2014 seen often by 100% (10 of 10)");
    EXPECT_EQ(findings[0].action, "name the audience clearly");
}

TEST_F(DiagnosticSignsScoringTest, EveryoneSaysNever) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {7, 0, 0, 0, 0});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_FLOAT_EQ(findings[0].share, 0.0f);
    EXPECT_EQ(findings[0].headline, "Our messaging changes from page to page \u2014 seen often by 0% (0 of 7)");
    EXPECT_EQ(findings[0].action, "define the customer change the company creates");
}

TEST_F(DiagnosticSignsScoringTest, EvenSplitBetweenTheEndsIsWidespread) {
    Aggregate aggregate;
    aggregate.item("sign_topics", {5, 0, 0, 0, 5}); // 5 of 10 at the top: exactly one half
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.5f);
    EXPECT_EQ(findings[0].headline, "Our content topics feel disconnected \u2014 seen often by 50% (5 of 10)");
}

TEST_F(DiagnosticSignsScoringTest, EvenSpreadOverAllPointsIsWatch) {
    Aggregate aggregate;
    aggregate.item("sign_topics", {2, 2, 2, 2, 2}); // 4 of 10 at the top
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[0].share, 0.4f);
}

TEST_F(DiagnosticSignsScoringTest, ThresholdsAreInclusive) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {2, 1, 1, 2, 2});  // 4 of 8 = 0.5    -> WIDESPREAD
    aggregate.item("sign_teams", {4, 1, 0, 3, 1});  // 4 of 9 = 0.444  -> WATCH, just under a half
    aggregate.item("sign_topics", {3, 2, 1, 1, 1}); // 2 of 8 = 0.25   -> WATCH
    aggregate.item("sign_value", {4, 2, 1, 2, 0});  // 2 of 9 = 0.222  -> INFO, just under a quarter
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[0].questionId, "sign_pages");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.5f);
    EXPECT_EQ(findings[1].questionId, "sign_teams");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[1].headline, "Teams describe the company differently \u2014 seen often by 44% (4 of 9)");
    EXPECT_EQ(findings[2].questionId, "sign_topics");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[2].share, 0.25f);
    EXPECT_EQ(findings[2].headline, "Our content topics feel disconnected \u2014 seen often by 25% (2 of 8)");
    EXPECT_EQ(findings[3].questionId, "sign_value");
    EXPECT_EQ(findings[3].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[3].headline,
              "Sales and marketing use different value language \u2014 seen often by 22% (2 of 9)");
}

TEST_F(DiagnosticSignsScoringTest, PercentIsRoundedDownSoItNeverOverstates) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {1, 0, 0, 1, 1}); // 2 of 3 = 66.7%
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].headline, "Our messaging changes from page to page \u2014 seen often by 66% (2 of 3)");
}

TEST_F(DiagnosticSignsScoringTest, MetricsCountTheBottomTwoPointsAndHaveNoAction) {
    Aggregate aggregate;
    aggregate.item("metric_consistency", {3, 2, 0, 0, 5}); // 5 of 10 weak -> WIDESPREAD
    aggregate.item("metric_sales", {0, 3, 5, 2, 2});       // 3 of 12 = 0.25 -> WATCH
    aggregate.item("metric_content", {0, 0, 1, 4, 5});     // 0 of 10 -> INFO
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(findings[0].questionId, "metric_consistency");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_EQ(findings[0].headline, "Message consistency \u2014 rated weak by 50% (5 of 10)");
    EXPECT_EQ(findings[0].action, "");
    EXPECT_EQ(findings[1].questionId, "metric_sales");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[1].share, 0.25f);
    EXPECT_EQ(findings[2].questionId, "metric_content");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[2].headline, "Content relevance \u2014 rated weak by 0% (0 of 10)");
}

TEST_F(DiagnosticSignsScoringTest, QuestionsWithoutAnswersGiveNoFinding) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {0, 0, 0, 0, 0});
    aggregate.item("metric_content", {0, 0, 0, 0, 0});
    aggregate.item("customer_change", {}); // never scored: it is the open sentence
    EXPECT_TRUE(score(aggregate).empty());
    Aggregate nothing;
    EXPECT_TRUE(score(nothing).empty());
}

TEST_F(DiagnosticSignsScoringTest, SortsByLevelThenShareDescending) {
    Aggregate aggregate;
    aggregate.item("metric_consistency", {1, 0, 2, 0, 1}); // weak 1/4   = 0.25 WATCH
    aggregate.item("sign_pages", {1, 0, 0, 0, 9});         // often 9/10 = 0.9  WIDESPREAD
    aggregate.item("sign_teams", {8, 0, 0, 1, 1});         // often 2/10 = 0.2  INFO
    aggregate.item("metric_sales", {3, 1, 0, 0, 0});       // weak 4/4   = 1.0  WIDESPREAD
    aggregate.item("sign_topics", {2, 0, 1, 2, 0});        // often 2/5  = 0.4  WATCH
    std::vector<std::string> order;
    for (const Finding& finding : score(aggregate)) order.push_back(finding.questionId);
    EXPECT_EQ(order, (std::vector<std::string>{"metric_sales", "sign_pages", "sign_topics", "metric_consistency",
                                               "sign_teams"}));
}

TEST(DiagnosticSignsScaleTest, CountsFromScaleMinAndUsesTheLabelAttribute) {
    hostLog().clear();
    LoadedPlugin plugin(nullptr);
    ASSERT_TRUE(plugin.ok()) << plugin.error();
    Content content;
    content.add(signal("seven", "How often do teams describe the company differently?", "name the audience clearly"));
    content.back().scaleMin = 0;
    content.back().scaleMax = 6;
    content.back().labels = {"0", "1", "2", "3", "4", "5", "6"};
    content.add(metric("labelled", "How clear is our sales narrative?"));
    content.back().attributes.push_back({"label", "Sales narrative clarity"});
    ASSERT_TRUE(plugin.validate(content).empty());
    auto module = plugin.create(content);
    ASSERT_NE(module, nullptr);

    Aggregate aggregate;
    aggregate.item("seven", {0, 0, 0, 0, 1, 1, 1}); // points 5 and 6 are the top two: 2 of 3
    aggregate.item("labelled", {1, 1, 0, 0, 2});    // points 1 and 2 are the bottom two: 2 of 4
    const std::vector<Finding> findings = module->score(aggregate.raw());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].headline,
              "How often do teams describe the company differently \u2014 seen often by 66% (2 of 3)");
    EXPECT_EQ(findings[1].headline, "Sales narrative clarity \u2014 rated weak by 50% (2 of 4)");
}

// ---- Headless ImGui: drawing and taps ---------------------------------------------------------------------------------

// An ImGui context with no GPU, a host-like window over the whole display and a mouse the test moves.
class DiagnosticSignsImGuiTest : public ::testing::Test {
protected:
    static constexpr float kWidth = 1280.0f;
    static constexpr float kHeight = 800.0f;

    void SetUp() override {
        IMGUI_CHECKVERSION();
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60.0f;
        ImFontConfig body;
        body.SizePixels = 18.0f;
        ImFont* bodyFont = io.Fonts->AddFontDefault(&body);
        ImFontConfig heading;
        heading.SizePixels = 26.0f;
        ImFont* headingFont = io.Fonts->AddFontDefault(&heading);
        ASSERT_TRUE(io.Fonts->Build());
        m_frame = alignkiosk_frame_v1{sizeof(alignkiosk_frame_v1), 1.0f, 56.0f, headingFont, bodyFont,
                                      IM_COL32(20, 110, 200, 255)};

        hostLog().clear();
        m_plugin = std::make_unique<LoadedPlugin>(m_context);
        ASSERT_TRUE(m_plugin->ok()) << kPluginPath << ": " << m_plugin->error();
        m_content = seedContent(12);
        m_module = m_plugin->create(m_content);
        ASSERT_NE(m_module, nullptr);
    }

    void TearDown() override {
        m_module.reset();
        m_plugin.reset();
        if (m_context) ImGui::DestroyContext(m_context);
    }

    // One frame of the host's step window with `page` drawn in it; returns the number of vertices rendered.
    int frame(uint32_t page, const alignkiosk_frame_v1* look = nullptr) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
        ImGui::Begin("step", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings);
        const bool drawn = m_module->draw(page, look ? *look : m_frame);
        ImGui::End();
        ImGui::Render();
        EXPECT_TRUE(drawn) << (hostLog().empty() ? "" : hostLog().back());
        const ImDrawData* data = ImGui::GetDrawData();
        return data && data->Valid ? data->TotalVtxCount : 0;
    }

    // A finger down in one frame and up in the next, at `position`.
    void tap(uint32_t page, ImVec2 position) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = position;
        io.MouseDown[0] = true;
        frame(page);
        io.MouseDown[0] = false;
        frame(page);
    }

    // Taps down a vertical line at x: hits every question's button in that column, i.e. the same point on each.
    void tapColumn(uint32_t page, float x) {
        for (float y = 4.0f; y < kHeight; y += 6.0f) tap(page, ImVec2(x, y));
    }

    // Taps down the middle until a text field takes the keyboard.
    bool focusTextField(uint32_t page) {
        for (float y = 4.0f; y < kHeight; y += 6.0f) {
            tap(page, ImVec2(kWidth * 0.5f, y));
            if (ImGui::GetIO().WantTextInput) return true;
        }
        return false;
    }

    void type(uint32_t page, const std::u32string& text) {
        for (const char32_t c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(c));
            frame(page);
        }
    }

    // Replaces the seed module with one built from `content` (call before drawing any frame).
    void use(Content content) {
        m_module.reset();
        m_content = std::move(content);
        m_module = m_plugin->create(m_content);
        ASSERT_NE(m_module, nullptr);
    }

    ModuleHandle& module() { return *m_module; }

private:
    ImGuiContext* m_context = nullptr;
    alignkiosk_frame_v1 m_frame{};
    std::unique_ptr<LoadedPlugin> m_plugin;
    Content m_content;
    std::unique_ptr<ModuleHandle> m_module;
};

TEST_F(DiagnosticSignsImGuiTest, DrawsEveryPageHeadless) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page), 0) << "page " << page;
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, DrawingAPageThatDoesNotExistFailsCleanly) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    ImGui::NewFrame();
    ImGui::Begin("step");
    alignkiosk_frame_v1 look{sizeof(alignkiosk_frame_v1), 1.0f, 56.0f, nullptr, nullptr, 0};
    EXPECT_FALSE(module().draw(kSeedPageCount, look)); // one past the open sentence
    ImGui::End();
    ImGui::Render();
    EXPECT_FALSE(hostLog().empty());
}

TEST_F(DiagnosticSignsImGuiTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page, &bare), 0) << "page " << page;
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, TappingTheTopPointAnswersEverySignal) {
    frame(0);
    EXPECT_FALSE(module().pageComplete(0));
    tapColumn(0, kWidth - 20.0f); // the right-most button of every row: "Almost always"
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_FALSE(module().pageComplete(1)); // the other two signals are on the next page
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5}})");

    tapColumn(1, kWidth - 20.0f);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_TRUE(module().pageComplete(1));
    EXPECT_FALSE(module().pageComplete(2)); // the metrics are still to come
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5}})");
}

TEST_F(DiagnosticSignsImGuiTest, TappingTheChosenPointAgainKeepsIt) {
    tapColumn(0, kWidth * 0.5f); // the middle button: "Sometimes"
    tapColumn(1, kWidth * 0.5f);
    const std::string once = module().answer();
    EXPECT_EQ(once, R"({"answers":{"sign_pages":3,"sign_teams":3,"sign_topics":3,"sign_value":3}})");
    tapColumn(0, kWidth * 0.5f);
    tapColumn(1, kWidth * 0.5f);
    EXPECT_EQ(module().answer(), once);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_TRUE(module().pageComplete(1));
}

TEST_F(DiagnosticSignsImGuiTest, ALaterTapChangesTheAnswer) {
    tapColumn(0, kWidth * 0.5f);
    tapColumn(1, kWidth * 0.5f);
    tapColumn(1, 20.0f); // the left-most button: "Never", on the second signals page only
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":3,"sign_teams":3,"sign_topics":1,"sign_value":1}})");
    tapColumn(0, 20.0f);
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":1,"sign_teams":1,"sign_topics":1,"sign_value":1}})");
}

TEST_F(DiagnosticSignsImGuiTest, AnswersFromEveryPageRoundTripIntoThePayload) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    tapColumn(0, kWidth - 20.0f);
    tapColumn(1, kWidth - 20.0f);
    EXPECT_FALSE(module().pageComplete(2));
    tapColumn(2, 20.0f); // "Very poorly"
    EXPECT_TRUE(module().pageComplete(2));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5,)"
                                 R"("metric_consistency":1,"metric_sales":1}})");
    EXPECT_FALSE(module().pageComplete(3)); // the other two metrics are on the next page
    tapColumn(3, 20.0f);
    EXPECT_TRUE(module().pageComplete(3));
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"We \"fix\"\nit ");
    EXPECT_TRUE(module().pageComplete(kSentencePage));
    for (uint32_t page = 0; page < kSeedPageCount; ++page) EXPECT_TRUE(module().pageComplete(page)) << "page " << page;
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5,)"
                                 R"("metric_consistency":1,"metric_sales":1,"metric_content":1,)"
                                 R"("metric_stakeholders":1,"customer_change":"We \"fix\"\nit"}})");
}

TEST_F(DiagnosticSignsImGuiTest, AGroupOfThreeSignalsGivesPagesOfTwoAndOne) {
    Content content;
    content.add(signal("sign_pages", "Our messaging changes from page to page.",
                       "define the customer change the company creates"));
    content.add(signal("sign_teams", "Teams describe the company differently.", "name the audience clearly"));
    content.add(signal("sign_topics", "Our content topics feel disconnected.",
                       "remove language that could fit any company"));
    content.add(metric("metric_consistency", "Message consistency"));
    content.add(customerChange("customer_change", 12));
    ASSERT_NO_FATAL_FAILURE(use(std::move(content)));
    // Signals 2 + 1; the metric gets a page of its own rather than the free place beside the third signal.
    ASSERT_EQ(module().pageCount(), 4u);
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page), 0) << "page " << page;

    tapColumn(0, kWidth - 20.0f);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_FALSE(module().pageComplete(1));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5}})");

    tapColumn(1, 20.0f);
    EXPECT_TRUE(module().pageComplete(1));
    EXPECT_FALSE(module().pageComplete(2));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":1}})");

    tapColumn(2, kWidth * 0.5f);
    EXPECT_TRUE(module().pageComplete(2));
    ASSERT_TRUE(focusTextField(3));
    type(3, U"Fewer calls");
    EXPECT_TRUE(module().pageComplete(3));
    EXPECT_FALSE(module().pageComplete(4)); // no such page
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":1,)"
                                 R"("metric_consistency":3,"customer_change":"Fewer calls"}})");
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, TheOpenSentenceStopsAtMaxLengthBytes) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"Clearer pitches for all"); // the limit is 12 bytes
    EXPECT_EQ(module().answer(), R"({"answers":{"customer_change":"Clearer pitc"}})");
}

TEST_F(DiagnosticSignsImGuiTest, TheLimitNeverSplitsACharacter) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"Caf\u00e9 na\u00efv"); // 11 bytes of the 12 allowed
    type(kSentencePage, U"\u00e9");                // 2 bytes: only one fits, so the whole character is refused
    type(kSentencePage, U"e");                     // 1 byte still fits
    EXPECT_EQ(module().answer(), "{\"answers\":{\"customer_change\":\"Caf\u00e9 na\u00efve\"}}");
}

TEST_F(DiagnosticSignsImGuiTest, AWhitespaceSentenceIsLeftOut) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"  \n ");
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
}

TEST_F(DiagnosticSignsImGuiTest, ResetWipesEveryAnswerAndTheTextBeingTyped) {
    for (uint32_t page = 0; page < kSentencePage; ++page) tapColumn(page, kWidth - 20.0f);
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"secret");
    for (uint32_t page = 0; page < kSeedPageCount; ++page) ASSERT_TRUE(module().pageComplete(page)) << "page " << page;
    ASSERT_NE(module().answer().find("secret"), std::string::npos);

    module().reset(); // the participant walked away with the field still focused
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    for (uint32_t page = 0; page < kSentencePage; ++page) EXPECT_FALSE(module().pageComplete(page)) << "page " << page;
    EXPECT_TRUE(module().pageComplete(kSentencePage)); // optional, so complete again
    frame(kSentencePage);
    frame(kSentencePage);
    EXPECT_EQ(module().answer(), R"({"answers":{}})");

    // The next participant's sentence starts empty, not where the last one stopped.
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"new");
    EXPECT_EQ(module().answer(), R"({"answers":{"customer_change":"new"}})");
}

} // namespace
