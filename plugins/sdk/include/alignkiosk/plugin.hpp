// alignkiosk plugin SDK: the header-only C++ layer over plugin_abi.h.
//
// Write a module as a C++ class derived from alignkiosk::sdk::Module, describe it with a ModuleDefinition, and put
// ALIGNKIOSK_PLUGIN(definitionsFunction) in exactly one .cpp of the plugin. This header turns that into the C tables
// of plugin_abi.h and catches every exception at the boundary (an exception becomes a false/NULL return the host
// reports). See plugins/sdk/README.md for a walk-through.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Per-plugin objects must stay inside their plugin. Under default visibility g++ turns an inline function's static and
// an inline variable into GNU "unique" symbols, which the dynamic loader merges across every library in the process,
// RTLD_LOCAL or not: a second plugin would take over the first one's state. Hidden keeps one per plugin however the
// plugin was compiled (add_alignkiosk_plugin hides everything anyway).
#if defined(__GNUC__) && !defined(_WIN32)
#define ALIGNKIOSK_SDK_LOCAL __attribute__((visibility("hidden")))
#else
#define ALIGNKIOSK_SDK_LOCAL
#endif

namespace alignkiosk::sdk {

// ---- Read-only views over what the host hands in ------------------------------------------------------------------

inline std::string_view view(const char* text) { return text ? std::string_view(text) : std::string_view(); }

// A question (ABI 1.3's alignkiosk_question_v2): its options and attributes are read through the host's accessors.
class QuestionView {
public:
    explicit QuestionView(const alignkiosk_question_v2& question) : m_question(&question) {}

    std::string_view id() const { return view(m_question->id); }
    alignkiosk_question_kind_v1 kind() const { return static_cast<alignkiosk_question_kind_v1>(m_question->kind); }
    std::string_view prompt() const { return view(m_question->prompt); }
    std::string_view help() const { return view(m_question->help); }
    bool required() const { return m_question->required; }
    int scaleMin() const { return m_question->scale_min; }
    int scaleMax() const { return m_question->scale_max; }
    std::string_view scaleLabel(int point) const {
        const int index = point - m_question->scale_min;
        if (index < 0 || static_cast<uint32_t>(index) >= m_question->scale_label_count) return {};
        return view(m_question->scale_labels[index]);
    }
    uint32_t optionCount() const { return m_question->option_count ? m_question->option_count(m_question) : 0; }
    std::string_view optionId(uint32_t index) const {
        const alignkiosk_option_v2* option = optionAt(index);
        return option ? view(option->id) : std::string_view();
    }
    std::string_view optionLabel(uint32_t index) const {
        const alignkiosk_option_v2* option = optionAt(index);
        return option ? view(option->label) : std::string_view();
    }
    uint32_t total() const { return m_question->total; }
    uint32_t maxLength() const { return m_question->max_length; }
    // The attributes in file order: key and value of each.
    uint32_t attributeCount() const {
        return m_question->attribute_count ? m_question->attribute_count(m_question) : 0;
    }
    std::string_view attributeKey(uint32_t index) const {
        const alignkiosk_key_value_v2* attribute = attributeAt(index);
        return attribute ? view(attribute->key) : std::string_view();
    }
    std::string_view attributeValue(uint32_t index) const {
        const alignkiosk_key_value_v2* attribute = attributeAt(index);
        return attribute ? view(attribute->value) : std::string_view();
    }
    bool hasAttribute(std::string_view key) const {
        for (uint32_t i = 0; i < attributeCount(); ++i)
            if (attributeKey(i) == key) return true;
        return false;
    }
    // The value of a module-specific attribute, or empty when the survey file does not set it.
    std::string_view attribute(std::string_view key) const {
        for (uint32_t i = 0; i < attributeCount(); ++i)
            if (attributeKey(i) == key) return attributeValue(i);
        return {};
    }
    const alignkiosk_question_v2& raw() const { return *m_question; }

private:
    const alignkiosk_option_v2* optionAt(uint32_t index) const {
        return m_question->option_get ? m_question->option_get(m_question, index) : nullptr;
    }
    const alignkiosk_key_value_v2* attributeAt(uint32_t index) const {
        return m_question->attribute_get ? m_question->attribute_get(m_question, index) : nullptr;
    }

    const alignkiosk_question_v2* m_question;
};

// A step (ABI 1.3's alignkiosk_step_content_v2).
class StepView {
public:
    explicit StepView(const alignkiosk_step_content_v2& step) : m_step(&step) {}

    std::string_view stepId() const { return view(m_step->step_id); }
    std::string_view title() const { return view(m_step->title); }
    std::string_view intro() const { return view(m_step->intro); }
    std::string_view language() const { return view(m_step->language); }
    uint32_t questionCount() const { return m_step->question_count ? m_step->question_count(m_step) : 0; }
    // index < questionCount().
    QuestionView question(uint32_t index) const { return QuestionView(*m_step->question_get(m_step, index)); }
    const alignkiosk_step_content_v2& raw() const { return *m_step; }

private:
    const alignkiosk_step_content_v2* m_step;
};

// One group's counts (ABI 1.3's alignkiosk_aggregate_v2).
class AggregateView {
public:
    explicit AggregateView(const alignkiosk_aggregate_v2& aggregate) : m_aggregate(&aggregate) {}

    std::string_view groupLabel() const { return view(m_aggregate->group_label); }
    uint32_t responseCount() const { return m_aggregate->response_count; }
    // The distribution of one question, or nullptr when nobody answered it.
    const alignkiosk_item_distribution_v2* item(std::string_view questionId) const {
        const uint32_t count = m_aggregate->item_count ? m_aggregate->item_count(m_aggregate) : 0;
        for (uint32_t i = 0; i < count; ++i)
            if (const alignkiosk_item_distribution_v2* found = m_aggregate->item_get(m_aggregate, i);
                found && view(found->question_id) == questionId)
                return found;
        return nullptr;
    }
    const alignkiosk_aggregate_v2& raw() const { return *m_aggregate; }

private:
    const alignkiosk_aggregate_v2* m_aggregate;
};

// The open answers of one group to one question (shuffled by the host; never in answer order).
class TextAnswersView {
public:
    explicit TextAnswersView(const alignkiosk_text_answers_v1& texts) : m_texts(&texts) {}

    std::string_view groupLabel() const { return view(m_texts->group_label); }
    std::string_view questionId() const { return view(m_texts->question_id); }
    uint32_t size() const { return m_texts->answer_count; }
    std::string_view answer(uint32_t index) const { return view(m_texts->answers[index]); }
    const alignkiosk_text_answers_v1& raw() const { return *m_texts; }

private:
    const alignkiosk_text_answers_v1* m_texts;
};

// What a dashboard panel may show: the shown groups' counts (everyone first when shown) and the open answers of the
// groups at the open-text threshold.
struct PanelInput {
    std::vector<AggregateView> groups;
    std::vector<TextAnswersView> texts;

    // The open answers of `groupLabel` to `questionId`, or nullptr when that group's answers may not be shown.
    const TextAnswersView* textsOf(std::string_view groupLabel, std::string_view questionId) const {
        for (const TextAnswersView& answers : texts)
            if (answers.groupLabel() == groupLabel && answers.questionId() == questionId) return &answers;
        return nullptr;
    }
};

// ---- What a module reports back -----------------------------------------------------------------------------------

class ContentErrors {
public:
    static constexpr uint32_t kWholeStep = UINT32_MAX;

    explicit ContentErrors(const alignkiosk_content_error_sink_v1& sink) : m_sink(&sink) {}
    void report(uint32_t questionIndex, const char* field, const std::string& message) {
        m_any = true;
        m_sink->report(m_sink->context, questionIndex, field, message.c_str());
    }
    void reportStep(const std::string& message) { report(kWholeStep, nullptr, message); }
    bool any() const { return m_any; }

private:
    const alignkiosk_content_error_sink_v1* m_sink;
    bool m_any = false;
};

struct Finding {
    std::string questionId;
    alignkiosk_finding_level_v1 level = ALIGNKIOSK_FINDING_INFO;
    float share = 0.0f;
    std::string headline;
    std::string action;
};

// Builds the answer payload {"answers": {...}} with correctly escaped JSON, one call per answered question.
class AnswerWriter {
public:
    AnswerWriter& integer(std::string_view questionId, long long value) {
        key(questionId);
        m_json += std::to_string(value);
        return *this;
    }
    AnswerWriter& text(std::string_view questionId, std::string_view value) {
        key(questionId);
        quote(value);
        return *this;
    }
    AnswerWriter& choices(std::string_view questionId, const std::vector<std::string>& optionIds) {
        key(questionId);
        m_json += '[';
        for (size_t i = 0; i < optionIds.size(); ++i) {
            if (i) m_json += ',';
            quote(optionIds[i]);
        }
        m_json += ']';
        return *this;
    }
    AnswerWriter& allocation(std::string_view questionId,
                             const std::vector<std::pair<std::string, long long>>& pointsPerOption) {
        key(questionId);
        m_json += '{';
        for (size_t i = 0; i < pointsPerOption.size(); ++i) {
            if (i) m_json += ',';
            quote(pointsPerOption[i].first);
            m_json += ':' + std::to_string(pointsPerOption[i].second);
        }
        m_json += '}';
        return *this;
    }
    std::string finish() const { return "{\"answers\":{" + m_json + "}}"; }

private:
    void key(std::string_view questionId) {
        if (!m_json.empty()) m_json += ',';
        quote(questionId);
        m_json += ':';
    }
    void quote(std::string_view text) {
        m_json += '"';
        for (const char c : text) {
            switch (c) {
            case '"': m_json += "\\\""; break;
            case '\\': m_json += "\\\\"; break;
            case '\n': m_json += "\\n"; break;
            case '\r': m_json += "\\r"; break;
            case '\t': m_json += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    m_json += escaped;
                } else {
                    m_json += c;
                }
            }
        }
        m_json += '"';
    }

    std::string m_json;
};

// Builds a module's report pages (ALIGNKIOSK_REPORT_V1_ID): blocks in reading order, which the host lays out. Each
// call hands one block to the host at once (it copies); nothing is kept here.
class ReportWriter {
public:
    explicit ReportWriter(const alignkiosk_report_block_sink_v1& sink) : m_sink(&sink) {}

    ReportWriter& heading(std::string_view text) { return emit(ALIGNKIOSK_REPORT_HEADING, text); }
    ReportWriter& paragraph(std::string_view text) { return emit(ALIGNKIOSK_REPORT_PARAGRAPH, text); }
    // One table row; consecutive rows form one table. `header`: the table's header row.
    ReportWriter& row(const std::vector<std::string>& cells, bool header = false) {
        std::vector<const char*> raw;
        raw.reserve(cells.size());
        for (const std::string& cell : cells) raw.push_back(cell.c_str());
        alignkiosk_report_block_v1 block = blank(ALIGNKIOSK_REPORT_TABLE_ROW);
        block.cells = raw.data();
        block.cell_count = static_cast<uint32_t>(raw.size());
        block.emphasis = header;
        m_sink->emit(m_sink->context, &block);
        return *this;
    }
    // One bar of value out of maximum; consecutive bars form one chart, coloured by series (the group).
    ReportWriter& bar(std::string_view label, double value, double maximum, std::string_view valueText,
                      std::string_view series = {}, bool emphasis = false) {
        const std::string labelText(label), shown(valueText), seriesName(series);
        alignkiosk_report_block_v1 block = blank(ALIGNKIOSK_REPORT_BAR);
        block.text = labelText.c_str();
        block.value = value;
        block.maximum = maximum;
        block.value_text = shown.c_str();
        block.series = seriesName.c_str();
        block.emphasis = emphasis;
        m_sink->emit(m_sink->context, &block);
        return *this;
    }
    // A name and its value; consecutive ones form one list.
    ReportWriter& statistic(std::string_view name, std::string_view value, bool emphasis = false) {
        const std::string nameText(name), valueText(value);
        alignkiosk_report_block_v1 block = blank(ALIGNKIOSK_REPORT_STATISTIC);
        block.text = nameText.c_str();
        block.value_text = valueText.c_str();
        block.emphasis = emphasis;
        m_sink->emit(m_sink->context, &block);
        return *this;
    }

private:
    static alignkiosk_report_block_v1 blank(alignkiosk_report_block_kind_v1 kind) {
        return alignkiosk_report_block_v1{sizeof(alignkiosk_report_block_v1), static_cast<uint32_t>(kind), "", nullptr,
                                          0, false, 0.0, 0.0, "", ""};
    }
    ReportWriter& emit(alignkiosk_report_block_kind_v1 kind, std::string_view text) {
        const std::string copy(text);
        alignkiosk_report_block_v1 block = blank(kind);
        block.text = copy.c_str();
        m_sink->emit(m_sink->context, &block);
        return *this;
    }

    const alignkiosk_report_block_sink_v1* m_sink;
};

// ---- The module you write -----------------------------------------------------------------------------------------

// One step of a survey shown to one participant after another. Called on the UI thread only.
class Module {
public:
    virtual ~Module() = default;
    // Forget every answer (a new participant).
    virtual void reset() = 0;
    virtual uint32_t pageCount() const { return 1; }
    // Draw into the current ImGui window (the host has set the context and begun the window).
    virtual void drawPage(uint32_t page, const alignkiosk_frame_v1& frame) = 0;
    virtual bool pageComplete(uint32_t page) const = 0;
    // The payload; build it with AnswerWriter.
    virtual std::string answerJson() const = 0;
    // Conclusions for the facilitator from one group's counts.
    virtual std::vector<Finding> score(const AggregateView& aggregate) const {
        (void)aggregate;
        return {};
    }
    // The facilitator's panel for this step: draw `groups` (the shown groups, everyone first when shown)
    // into the current ImGui child region. Offered to the kiosk only when the definition sets hasDashboardPanel;
    // return false when you could not draw. The default has no panel: it draws nothing and returns false.
    virtual bool drawDashboardPanel(const std::vector<AggregateView>& groups, const alignkiosk_frame_v1& frame) {
        (void)groups;
        (void)frame;
        return false;
    }
    // The same panel with the open answers as well: override this one instead when the panel shows anything
    // drawn from open answers. The default draws drawDashboardPanel(input.groups, frame).
    virtual bool drawPanel(const PanelInput& input, const alignkiosk_frame_v1& frame) {
        return drawDashboardPanel(input.groups, frame);
    }
    // The language (BCP 47) to draw the module's own words in from now on (ALIGNKIOSK_LANGUAGE_V1_ID, ABI 1.5); until
    // the kiosk calls it, StepView::language() of the content. Return whether the module has its own words in it
    // (sdk::Words::setLanguage says). The default has no words of its own: it ignores the call and returns false.
    virtual bool setLanguage(std::string_view language) {
        (void)language;
        return false;
    }
    // The module's pages in the facilitator's report, from the same input as the panel: write blocks, no ImGui.
    // Offered to the kiosk only when the definition sets hasReport; return false when you could not write them (the
    // kiosk then lists your findings). The default writes nothing and returns false.
    virtual bool writeReport(const PanelInput& input, ReportWriter& report) const {
        (void)input;
        (void)report;
        return false;
    }
};

struct ModuleDefinition {
    std::string id;
    std::string version;
    std::string name;
    std::string description;
    uint32_t acceptedKinds = 0; // bit (1u << alignkiosk_question_kind_v1)
    // Check content meaning beyond the generic shape the host already checked.
    std::function<void(const StepView&, ContentErrors&)> validate;
    std::function<std::unique_ptr<Module>(const StepView&)> create;
    // Set when the module class overrides Module::drawDashboardPanel or Module::drawPanel: only then does
    // get_extension offer the kiosk a dashboard panel (ALIGNKIOSK_DASHBOARD_PANEL_V3_ID); without it the module has
    // no panel of its own.
    bool hasDashboardPanel = false;
    // Set when the module class overrides Module::writeReport: only then does get_extension offer the report
    // extension (ALIGNKIOSK_REPORT_V1_ID); without it the kiosk's report lists the module's findings.
    bool hasReport = false;
};

constexpr uint32_t kindBit(alignkiosk_question_kind_v1 kind) { return 1u << static_cast<uint32_t>(kind); }

namespace detail {

struct PluginState {
    std::vector<ModuleDefinition> definitions;
    std::vector<alignkiosk_module_descriptor_v1> descriptors;
    const alignkiosk_host_v1* host = nullptr;
};

ALIGNKIOSK_SDK_LOCAL inline PluginState& state() {
    static PluginState instance;
    return instance;
}

inline void log(uint32_t level, const char* message) noexcept {
    const auto* host = state().host;
    if (host && host->log) host->log(host, level, message);
}

inline void logException(const char* where) noexcept {
    try {
        throw;
    } catch (const std::exception& error) {
        std::string message = std::string(where) + ": " + error.what();
        log(ALIGNKIOSK_LOG_ERROR, message.c_str());
    } catch (...) {
        std::string message = std::string(where) + ": unknown exception";
        log(ALIGNKIOSK_LOG_ERROR, message.c_str());
    }
}

inline const ModuleDefinition* findDefinition(const char* moduleId) {
    for (const auto& definition : state().definitions)
        if (definition.id == view(moduleId)) return &definition;
    return nullptr;
}

inline Module& self(const alignkiosk_module_v1* module) { return *static_cast<Module*>(module->module_data); }

inline void moduleDestroy(alignkiosk_module_v1* module) {
    try {
        delete static_cast<Module*>(module->module_data);
    } catch (...) {
        logException("destroy");
    }
    delete module;
}

inline void moduleReset(alignkiosk_module_v1* module) {
    try {
        self(module).reset();
    } catch (...) {
        logException("reset");
    }
}

inline uint32_t modulePageCount(const alignkiosk_module_v1* module) {
    try {
        return self(module).pageCount();
    } catch (...) {
        logException("page_count");
        return 0;
    }
}

inline bool moduleDrawPage(alignkiosk_module_v1* module, uint32_t page, const alignkiosk_frame_v1* frame) {
    try {
        self(module).drawPage(page, *frame);
        return true;
    } catch (...) {
        logException("draw_page");
        return false;
    }
}

inline bool modulePageComplete(const alignkiosk_module_v1* module, uint32_t page) {
    try {
        return self(module).pageComplete(page);
    } catch (...) {
        logException("page_complete");
        return false;
    }
}

inline bool moduleWriteAnswer(const alignkiosk_module_v1* module, const alignkiosk_sink_v1* sink) {
    try {
        const std::string json = self(module).answerJson();
        sink->append(sink->context, json.data(), json.size());
        return true;
    } catch (...) {
        logException("write_answer");
        return false;
    }
}

// ALIGNKIOSK_SCORING_V1_ID: score with ABI 1.3's aggregate. (alignkiosk_module_v1::score stays NULL: every host
// that loads a 1.3 plugin asks for this extension first.)
inline bool moduleScore(const alignkiosk_module_v1* module, const alignkiosk_aggregate_v2* aggregate,
                        const alignkiosk_finding_sink_v1* sink) {
    try {
        if (!aggregate || !sink) return false;
        for (const Finding& finding : self(module).score(AggregateView(*aggregate))) {
            alignkiosk_finding_v1 raw{sizeof(alignkiosk_finding_v1), finding.questionId.c_str(),
                                      static_cast<uint32_t>(finding.level), finding.share,
                                      finding.headline.c_str(), finding.action.c_str()};
            sink->emit(sink->context, &raw);
        }
        return true;
    } catch (...) {
        logException("score");
        return false;
    }
}

inline PanelInput panelInputOf(const alignkiosk_panel_input_v2& raw) {
    PanelInput input;
    const uint32_t groupCount = raw.group_count ? raw.group_count(&raw) : 0;
    input.groups.reserve(groupCount);
    for (uint32_t i = 0; i < groupCount; ++i)
        if (const alignkiosk_aggregate_v2* group = raw.group_get(&raw, i)) input.groups.emplace_back(*group);
    const uint32_t textCount = raw.text_count ? raw.text_count(&raw) : 0;
    input.texts.reserve(textCount);
    for (uint32_t i = 0; i < textCount; ++i)
        if (const alignkiosk_text_answers_v1* texts = raw.text_get(&raw, i)) input.texts.emplace_back(*texts);
    return input;
}

inline bool moduleDrawPanel(const alignkiosk_module_v1* module, const alignkiosk_panel_input_v2* raw,
                            const alignkiosk_frame_v1* frame) {
    try {
        if (!frame || !raw) return false;
        return self(module).drawPanel(panelInputOf(*raw), *frame);
    } catch (...) {
        logException("draw_panel");
        return false;
    }
}

inline bool moduleSetLanguage(alignkiosk_module_v1* module, const char* language) {
    try {
        return self(module).setLanguage(view(language));
    } catch (...) {
        logException("set_language");
        return false;
    }
}

// ALIGNKIOSK_REPORT_V1_ID (ABI 1.4).
inline bool moduleWriteReport(const alignkiosk_module_v1* module, const alignkiosk_panel_input_v2* raw,
                              const alignkiosk_report_block_sink_v1* sink) {
    try {
        if (!raw || !sink || !sink->emit) return false;
        ReportWriter writer(*sink);
        return self(module).writeReport(panelInputOf(*raw), writer);
    } catch (...) {
        logException("write_report");
        return false;
    }
}

ALIGNKIOSK_SDK_LOCAL inline const alignkiosk_scoring_v1 kScoring{sizeof(alignkiosk_scoring_v1), moduleScore};
ALIGNKIOSK_SDK_LOCAL inline const alignkiosk_language_v1 kLanguage{sizeof(alignkiosk_language_v1), moduleSetLanguage};
ALIGNKIOSK_SDK_LOCAL inline const alignkiosk_dashboard_panel_v3 kDashboardPanel{sizeof(alignkiosk_dashboard_panel_v3),
                                                                               moduleDrawPanel};

ALIGNKIOSK_SDK_LOCAL inline const alignkiosk_report_v1 kReport{sizeof(alignkiosk_report_v1), moduleWriteReport};

// Scoring and the language always; the panel and the report when the definition sets hasDashboardPanel and hasReport.
template <bool Panel, bool Report>
const void* moduleGetExtension(const alignkiosk_module_v1*, const char* extensionId) {
    if (Panel && view(extensionId) == ALIGNKIOSK_DASHBOARD_PANEL_V3_ID) return &kDashboardPanel;
    if (Report && view(extensionId) == ALIGNKIOSK_REPORT_V1_ID) return &kReport;
    if (view(extensionId) == ALIGNKIOSK_LANGUAGE_V1_ID) return &kLanguage;
    return view(extensionId) == ALIGNKIOSK_SCORING_V1_ID ? &kScoring : nullptr;
}

inline auto extensionsFor(const ModuleDefinition& definition) {
    using GetExtension = const void* (*)(const alignkiosk_module_v1*, const char*);
    const GetExtension table[2][2] = {{moduleGetExtension<false, false>, moduleGetExtension<false, true>},
                                      {moduleGetExtension<true, false>, moduleGetExtension<true, true>}};
    return table[definition.hasDashboardPanel][definition.hasReport];
}

inline uint32_t factoryModuleCount() { return static_cast<uint32_t>(state().descriptors.size()); }

inline const alignkiosk_module_descriptor_v1* factoryDescriptor(uint32_t index) {
    return index < state().descriptors.size() ? &state().descriptors[index] : nullptr;
}

inline bool factoryValidate(const char* moduleId, const alignkiosk_step_content_v2* content,
                            const alignkiosk_content_error_sink_v1* sink) {
    ContentErrors errors(*sink);
    try {
        const ModuleDefinition* definition = findDefinition(moduleId);
        if (!definition) {
            errors.reportStep("this plugin has no module '" + std::string(view(moduleId)) + "'");
            return false;
        }
        if (definition->validate) definition->validate(StepView(*content), errors);
    } catch (const std::exception& error) {
        errors.reportStep(std::string("the module failed while checking this step: ") + error.what());
    } catch (...) {
        errors.reportStep("the module failed while checking this step");
    }
    return !errors.any();
}

inline alignkiosk_module_v1* factoryCreate(const char* moduleId, const alignkiosk_step_content_v2* content) {
    try {
        const ModuleDefinition* definition = findDefinition(moduleId);
        if (!definition || !definition->create) return nullptr;
        std::unique_ptr<Module> instance = definition->create(StepView(*content));
        if (!instance) return nullptr;
        auto* module = new alignkiosk_module_v1{sizeof(alignkiosk_module_v1), instance.get(), moduleDestroy,
                                                moduleReset, modulePageCount, moduleDrawPage, modulePageComplete,
                                                moduleWriteAnswer, nullptr, extensionsFor(*definition)};
        instance.release();
        return module;
    } catch (...) {
        logException("create_module");
        return nullptr;
    }
}

ALIGNKIOSK_SDK_LOCAL inline const alignkiosk_module_factory_v2 kFactory{
    sizeof(alignkiosk_module_factory_v2), factoryModuleCount, factoryDescriptor, factoryValidate, factoryCreate};

template <std::vector<ModuleDefinition> (*Definitions)()>
bool pluginInit(const alignkiosk_host_v1* host) {
    try {
        PluginState& plugin = state();
        plugin.host = host;
        if (host && host->imgui_context) ImGui::SetCurrentContext(static_cast<ImGuiContext*>(host->imgui_context));
        plugin.definitions = Definitions();
        plugin.descriptors.clear();
        for (const ModuleDefinition& definition : plugin.definitions)
            plugin.descriptors.push_back({sizeof(alignkiosk_module_descriptor_v1), definition.id.c_str(),
                                          definition.version.c_str(), definition.name.c_str(),
                                          definition.description.c_str(), definition.acceptedKinds});
        return !plugin.definitions.empty();
    } catch (...) {
        logException("init");
        return false;
    }
}

inline void pluginDeinit() {
    PluginState& plugin = state();
    plugin.descriptors.clear();
    plugin.definitions.clear();
    plugin.host = nullptr;
}

inline const void* pluginGetFactory(const char* factoryId) {
    // Only ABI 1.3's factory: a host before 1.3 refuses this plugin for its minor version anyway.
    return view(factoryId) == ALIGNKIOSK_MODULE_FACTORY_V2_ID ? &kFactory : nullptr;
}

} // namespace detail
} // namespace alignkiosk::sdk

// Exports the plugin's one entry. `definitions` is a function returning std::vector<ModuleDefinition>; it runs in init.
#define ALIGNKIOSK_PLUGIN(definitions)                                                                               \
    extern "C" ALIGNKIOSK_EXPORT const alignkiosk_plugin_entry_v1 alignkiosk_entry_v1{                             \
        sizeof(alignkiosk_plugin_entry_v1),                                                                               \
        ALIGNKIOSK_ABI_MAJOR,                                                                                        \
        ALIGNKIOSK_ABI_MINOR,                                                                                        \
        IMGUI_VERSION_NUM,                                                                                           \
        ::alignkiosk::sdk::detail::pluginInit<definitions>,                                                          \
        ::alignkiosk::sdk::detail::pluginDeinit,                                                                     \
        ::alignkiosk::sdk::detail::pluginGetFactory}
