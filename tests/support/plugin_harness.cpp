#include "support/plugin_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <dlfcn.h>

namespace alignkiosk::test_support {

namespace {

// The count and get of a list held in a std::vector that the owner's host_data points to (as a host keeps them).
template <class Lists, class Element, std::vector<Element> Lists::*List, class Owner>
uint32_t listCount(const Owner* owner) {
    return static_cast<uint32_t>((static_cast<const Lists*>(owner->host_data)->*List).size());
}

template <class Lists, class Element, std::vector<Element> Lists::*List, class Owner>
const Element* listGet(const Owner* owner, uint32_t index) {
    const std::vector<Element>& list = static_cast<const Lists*>(owner->host_data)->*List;
    return index < list.size() ? &list[index] : nullptr;
}

} // namespace

const alignkiosk_step_content_v2& StepContent::raw() {
    m_labels.assign(m_specs.size(), {});
    m_lists.assign(m_specs.size(), {});
    m_questions.clear();
    for (size_t i = 0; i < m_specs.size(); ++i) {
        const QuestionSpec& spec = m_specs[i];
        for (const std::string& label : spec.labels) m_labels[i].push_back(label.c_str());
        for (const auto& [id, label] : spec.options)
            m_lists[i].options.push_back({sizeof(alignkiosk_option_v2), id.c_str(), label.c_str()});
        for (const auto& [key, value] : spec.attributes)
            m_lists[i].attributes.push_back({sizeof(alignkiosk_key_value_v2), key.c_str(), value.c_str()});
        alignkiosk_question_v2 question{};
        question.struct_size = sizeof(alignkiosk_question_v2);
        question.id = spec.id.c_str();
        question.kind = static_cast<uint32_t>(spec.kind);
        question.prompt = spec.prompt.c_str();
        question.help = spec.help.c_str();
        question.required = spec.required;
        question.scale_min = spec.scaleMin;
        question.scale_max = spec.scaleMax;
        question.scale_labels = m_labels[i].data();
        question.scale_label_count = static_cast<uint32_t>(m_labels[i].size());
        question.total = spec.total;
        question.max_length = spec.maxLength;
        question.host_data = &m_lists[i];
        question.option_count = listCount<QuestionLists, alignkiosk_option_v2, &QuestionLists::options>;
        question.option_get = listGet<QuestionLists, alignkiosk_option_v2, &QuestionLists::options>;
        question.attribute_count = listCount<QuestionLists, alignkiosk_key_value_v2, &QuestionLists::attributes>;
        question.attribute_get = listGet<QuestionLists, alignkiosk_key_value_v2, &QuestionLists::attributes>;
        m_questions.push_back(question);
    }
    m_step = alignkiosk_step_content_v2{};
    m_step.struct_size = sizeof(alignkiosk_step_content_v2);
    m_step.step_id = m_stepId.c_str();
    m_step.title = m_title.c_str();
    m_step.intro = "";
    m_step.language = "en";
    m_step.host_data = this;
    m_step.question_count = [](const alignkiosk_step_content_v2* step) {
        return static_cast<uint32_t>(static_cast<const StepContent*>(step->host_data)->m_questions.size());
    };
    m_step.question_get = [](const alignkiosk_step_content_v2* step, uint32_t index) -> const alignkiosk_question_v2* {
        const auto& questions = static_cast<const StepContent*>(step->host_data)->m_questions;
        return index < questions.size() ? &questions[index] : nullptr;
    };
    return m_step;
}

std::vector<std::string>& hostLog() {
    static std::vector<std::string> messages;
    return messages;
}

alignkiosk_frame_v1 hostLook(float minTouchTarget, void* headingFont, void* bodyFont) {
    return alignkiosk_frame_v1{sizeof(alignkiosk_frame_v1), 1.0f, minTouchTarget, headingFont, bodyFont,
                               IM_COL32(20, 110, 200, 255)};
}

ModuleHandle::~ModuleHandle() {
    if (m_module) m_module->destroy(m_module);
}

std::string ModuleHandle::answer() const {
    std::string json;
    const alignkiosk_sink_v1 sink{sizeof(alignkiosk_sink_v1), &json, [](void* context, const char* data, size_t length) {
                                      static_cast<std::string*>(context)->append(data, length);
                                  }};
    EXPECT_TRUE(m_module->write_answer(m_module, &sink));
    return json;
}

std::vector<Finding> ModuleHandle::score(const alignkiosk_aggregate_v2& aggregate) const {
    std::vector<Finding> findings;
    const alignkiosk_finding_sink_v1 sink{
        sizeof(alignkiosk_finding_sink_v1), &findings, [](void* context, const alignkiosk_finding_v1* finding) {
            static_cast<std::vector<Finding>*>(context)->push_back(
                {finding->question_id, finding->level, finding->share, finding->headline, finding->action});
        }};
    const auto* scoring = static_cast<const alignkiosk_scoring_v1*>(extension(ALIGNKIOSK_SCORING_V1_ID));
    EXPECT_NE(scoring, nullptr);
    if (scoring) {
        EXPECT_TRUE(scoring->score(m_module, &aggregate, &sink));
    }
    return findings;
}

LoadedPlugin::LoadedPlugin(std::string path, std::string moduleId, void* imguiContext)
    : m_path(std::move(path)), m_moduleId(std::move(moduleId)) {
    m_library = dlopen(m_path.c_str(), RTLD_NOW | RTLD_LOCAL);
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
    m_factory = static_cast<const alignkiosk_module_factory_v2*>(m_entry->get_factory(ALIGNKIOSK_MODULE_FACTORY_V2_ID));
    if (!m_factory) m_error = "no module factory";
}

LoadedPlugin::~LoadedPlugin() {
    if (m_initialised) m_entry->deinit();
    if (m_library) dlclose(m_library);
}

std::vector<Problem> LoadedPlugin::validate(StepContent& content, bool* passed) const {
    std::vector<Problem> problems;
    const alignkiosk_content_error_sink_v1 sink{
        sizeof(alignkiosk_content_error_sink_v1), &problems,
        [](void* context, uint32_t index, const char* field, const char* message) {
            static_cast<std::vector<Problem>*>(context)->push_back({index, field ? field : "", message});
        }};
    const bool result = m_factory->validate_content(m_moduleId.c_str(), &content.raw(), &sink);
    if (passed) *passed = result;
    return problems;
}

std::unique_ptr<ModuleHandle> LoadedPlugin::create(StepContent& content) const {
    alignkiosk_module_v1* module = m_factory->create_module(m_moduleId.c_str(), &content.raw());
    return module ? std::make_unique<ModuleHandle>(module) : nullptr;
}

Aggregate& Aggregate::item(std::string questionId, std::vector<uint32_t> counts, std::optional<uint32_t> answered,
                           alignkiosk_question_kind_v1 kind) {
    uint32_t sum = 0;
    for (const uint32_t count : counts) sum += count;
    m_items.push_back({std::move(questionId), kind, std::move(counts), answered.value_or(sum), {}, 0});
    return *this;
}

Aggregate& Aggregate::percentAnswers(std::string questionId, const std::vector<int>& answers) {
    std::vector<uint32_t> bins(101, 0);
    for (const int answer : answers) ++bins[static_cast<size_t>(answer)];
    return item(std::move(questionId), std::move(bins), std::nullopt, ALIGNKIOSK_QUESTION_PERCENT);
}

Aggregate& Aggregate::allocation(std::string questionId, uint32_t total,
                                 const std::vector<std::array<uint32_t, 3>>& answers, bool histograms) {
    Item item{std::move(questionId), ALIGNKIOSK_QUESTION_ALLOCATION, std::vector<uint32_t>(3, 0),
              static_cast<uint32_t>(answers.size()), {}, 0};
    if (histograms) {
        item.histogramWidth = total + 1;
        item.histograms.assign(3 * item.histogramWidth, 0);
    }
    for (const auto& answer : answers)
        for (uint32_t option = 0; option < 3; ++option) {
            item.counts[option] += answer[option];
            if (histograms) ++item.histograms[option * item.histogramWidth + answer[option]];
        }
    m_items.push_back(std::move(item));
    return *this;
}

const alignkiosk_aggregate_v2& Aggregate::raw() {
    m_raw.clear();
    for (const Item& item : m_items) {
        alignkiosk_item_distribution_v2 raw{};
        raw.struct_size = sizeof(alignkiosk_item_distribution_v2);
        raw.question_id = item.questionId.c_str();
        raw.kind = static_cast<uint32_t>(item.kind);
        raw.answered = item.answered;
        raw.counts = item.counts.empty() ? nullptr : item.counts.data();
        raw.count_length = static_cast<uint32_t>(item.counts.size());
        if (!item.histograms.empty()) {
            raw.histograms = item.histograms.data();
            raw.histogram_count = static_cast<uint32_t>(item.counts.size());
            raw.histogram_width = item.histogramWidth;
        }
        m_raw.push_back(raw);
    }
    m_aggregate = alignkiosk_aggregate_v2{};
    m_aggregate.struct_size = sizeof(alignkiosk_aggregate_v2);
    m_aggregate.group_label = "Everyone";
    m_aggregate.response_count = 10;
    m_aggregate.host_data = this;
    m_aggregate.item_count = [](const alignkiosk_aggregate_v2* aggregate) {
        return static_cast<uint32_t>(static_cast<const Aggregate*>(aggregate->host_data)->m_raw.size());
    };
    m_aggregate.item_get = [](const alignkiosk_aggregate_v2* aggregate,
                              uint32_t index) -> const alignkiosk_item_distribution_v2* {
        const auto& items = static_cast<const Aggregate*>(aggregate->host_data)->m_raw;
        return index < items.size() ? &items[index] : nullptr;
    };
    return m_aggregate;
}

} // namespace alignkiosk::test_support
