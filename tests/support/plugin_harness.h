// Shared by the plugin tests: a plugin loaded from the real built .so through its one C entry, exactly as the host
// loads it; the step content the host hands a module, built from question specs; a module instance with its answer
// payload and findings read back through the ABI's sinks; and the aggregates score() receives.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace alignkiosk::test_support {

// ---- Step content as the host hands it in ---------------------------------------------------------------------------

// One question as a survey file describes it. Scale bounds default to the host's (core::Question); total and
// max_length stay 0 unless a test sets them.
struct QuestionSpec {
    std::string id;
    alignkiosk_question_kind_v1 kind = ALIGNKIOSK_QUESTION_SCALE;
    std::string prompt;
    std::string help;
    bool required = true;
    int scaleMin = 1;
    int scaleMax = 5;
    std::vector<std::string> labels;
    std::vector<std::pair<std::string, std::string>> options; // id, label
    uint32_t total = 0;
    uint32_t maxLength = 0;
    std::vector<std::pair<std::string, std::string>> attributes;
};

// Owns the strings, lists and accessors behind one alignkiosk_step_content_v2 (language "en", no intro), as a 1.3
// host hands it in. Add everything before calling raw(); raw() points into this object, so it must outlive any module
// made from it (the ABI's rule).
class StepContent {
public:
    StepContent(std::string stepId, std::string title) : m_stepId(std::move(stepId)), m_title(std::move(title)) {}

    StepContent& add(QuestionSpec spec) {
        m_specs.push_back(std::move(spec));
        return *this;
    }
    QuestionSpec& back() { return m_specs.back(); }
    QuestionSpec& at(size_t index) { return m_specs.at(index); }

    const alignkiosk_step_content_v2& raw();

private:
    struct QuestionLists {
        std::vector<alignkiosk_option_v2> options;
        std::vector<alignkiosk_key_value_v2> attributes;
    };
    std::string m_stepId;
    std::string m_title;
    std::vector<QuestionSpec> m_specs;
    std::vector<std::vector<const char*>> m_labels;
    std::vector<QuestionLists> m_lists;
    std::vector<alignkiosk_question_v2> m_questions;
    alignkiosk_step_content_v2 m_step{};
};

// ---- What a plugin reports --------------------------------------------------------------------------------------

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

// Every message a plugin logged through the host, in order. Tests clear it before they start.
std::vector<std::string>& hostLog();

// The look the host hands a module or panel: scale 1, `minTouchTarget`, its two ImFont*s, the default blue accent.
alignkiosk_frame_v1 hostLook(float minTouchTarget, void* headingFont, void* bodyFont);

// ---- The plugin, loaded like the host loads it ----------------------------------------------------------------------

// One module instance; destroyed through the plugin's own destroy().
class ModuleHandle {
public:
    explicit ModuleHandle(alignkiosk_module_v1* module) : m_module(module) {}
    ~ModuleHandle();
    ModuleHandle(const ModuleHandle&) = delete;
    ModuleHandle& operator=(const ModuleHandle&) = delete;

    uint32_t pageCount() const { return m_module->page_count(m_module); }
    bool pageComplete(uint32_t page) const { return m_module->page_complete(m_module, page); }
    bool draw(uint32_t page, const alignkiosk_frame_v1& frame) { return m_module->draw_page(m_module, page, &frame); }
    void reset() { m_module->reset(m_module); }
    const void* extension(const char* id) const { return m_module->get_extension(m_module, id); }

    // The answer payload (expects write_answer to succeed).
    std::string answer() const;
    // The findings for one group, through the scoring extension (expects the module to offer it and score to succeed).
    std::vector<Finding> score(const alignkiosk_aggregate_v2& aggregate) const;

private:
    alignkiosk_module_v1* m_module;
};

// dlopen's the plugin at `path`, initialises it with a host whose log goes to hostLog(), and reaches its module
// factory (ABI 1.3's, ALIGNKIOSK_MODULE_FACTORY_V2_ID) for `moduleId`. `imguiContext` is null for command-line use. ok() says whether all of that worked.
class LoadedPlugin {
public:
    LoadedPlugin(std::string path, std::string moduleId, void* imguiContext);
    ~LoadedPlugin();
    LoadedPlugin(const LoadedPlugin&) = delete;
    LoadedPlugin& operator=(const LoadedPlugin&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    const std::string& path() const { return m_path; }
    const alignkiosk_plugin_entry_v1& entry() const { return *m_entry; }
    const alignkiosk_module_factory_v2& factory() const { return *m_factory; }

    std::vector<Problem> validate(StepContent& content, bool* passed = nullptr) const;
    // `content` must outlive the module (the ABI's rule). Null when the plugin refuses the content.
    std::unique_ptr<ModuleHandle> create(StepContent& content) const;

private:
    std::string m_path;
    std::string m_moduleId;
    void* m_library = nullptr;
    const alignkiosk_plugin_entry_v1* m_entry = nullptr;
    const alignkiosk_module_factory_v2* m_factory = nullptr;
    alignkiosk_host_v1 m_host{};
    bool m_initialised = false;
    std::string m_error;
};

// ---- Aggregates as score() receives them -------------------------------------------------------------------------

// One group ("Everyone", 10 responses) of counted answers, in the layouts plugin_abi.h gives per kind
// (alignkiosk_aggregate_v2, as a 1.3 host hands it over).
class Aggregate {
public:
    // Plain counts of a question of `kind`; `answered` defaults to their sum (right for SCALE, CHOICE and PERCENT;
    // MULTI_CHOICE passes its own).
    Aggregate& item(std::string questionId, std::vector<uint32_t> counts, std::optional<uint32_t> answered = {},
                    alignkiosk_question_kind_v1 kind = ALIGNKIOSK_QUESTION_SCALE);
    // A PERCENT question's 101 bins, from the answers given.
    Aggregate& percentAnswers(std::string questionId, const std::vector<int>& answers);
    // A three-option ALLOCATION out of `total`: the option sums and (with `histograms`) one histogram over 0..total
    // per option; without them, the sums alone.
    Aggregate& allocation(std::string questionId, uint32_t total, const std::vector<std::array<uint32_t, 3>>& answers,
                          bool histograms = true);

    const alignkiosk_aggregate_v2& raw();

private:
    struct Item {
        std::string questionId;
        alignkiosk_question_kind_v1 kind;
        std::vector<uint32_t> counts;
        uint32_t answered;
        std::vector<uint32_t> histograms; // ALLOCATION: option i's histogram at i * width
        uint32_t histogramWidth = 0;
    };
    std::vector<Item> m_items;
    std::vector<alignkiosk_item_distribution_v2> m_raw;
    alignkiosk_aggregate_v2 m_aggregate{};
};

} // namespace alignkiosk::test_support
