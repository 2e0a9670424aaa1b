#include "support/plugin_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <dlfcn.h>

namespace alignkiosk::test_support {

const alignkiosk_step_content_v1& StepContent::raw() {
    m_labels.assign(m_specs.size(), {});
    m_options.assign(m_specs.size(), {});
    m_attributes.assign(m_specs.size(), {});
    m_questions.clear();
    for (size_t i = 0; i < m_specs.size(); ++i) {
        const QuestionSpec& spec = m_specs[i];
        for (const std::string& label : spec.labels) m_labels[i].push_back(label.c_str());
        for (const auto& [id, label] : spec.options) m_options[i].push_back({id.c_str(), label.c_str()});
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
        question.options = m_options[i].data();
        question.option_count = static_cast<uint32_t>(m_options[i].size());
        question.total = spec.total;
        question.max_length = spec.maxLength;
        question.attributes = m_attributes[i].data();
        question.attribute_count = static_cast<uint32_t>(m_attributes[i].size());
        m_questions.push_back(question);
    }
    m_step = alignkiosk_step_content_v1{sizeof(alignkiosk_step_content_v1), m_stepId.c_str(), m_title.c_str(), "",
                                        "en", m_questions.data(), static_cast<uint32_t>(m_questions.size())};
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

std::vector<Finding> ModuleHandle::score(const alignkiosk_aggregate_v1& aggregate) const {
    std::vector<Finding> findings;
    const alignkiosk_finding_sink_v1 sink{
        sizeof(alignkiosk_finding_sink_v1), &findings, [](void* context, const alignkiosk_finding_v1* finding) {
            static_cast<std::vector<Finding>*>(context)->push_back(
                {finding->question_id, finding->level, finding->share, finding->headline, finding->action});
        }};
    EXPECT_TRUE(m_module->score(m_module, &aggregate, &sink));
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
    m_factory = static_cast<const alignkiosk_module_factory_v1*>(m_entry->get_factory(ALIGNKIOSK_MODULE_FACTORY_V1_ID));
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

Aggregate& Aggregate::item(std::string questionId, std::vector<uint32_t> counts, std::optional<uint32_t> answered) {
    uint32_t sum = 0;
    for (const uint32_t count : counts) sum += count;
    m_items.push_back({std::move(questionId), std::move(counts), answered.value_or(sum)});
    return *this;
}

Aggregate& Aggregate::percentAnswers(std::string questionId, const std::vector<int>& answers) {
    std::vector<uint32_t> bins(101, 0);
    for (const int answer : answers) ++bins[static_cast<size_t>(answer)];
    return item(std::move(questionId), std::move(bins));
}

Aggregate& Aggregate::allocation(std::string questionId, uint32_t total,
                                 const std::vector<std::array<uint32_t, 3>>& answers, bool histograms) {
    std::vector<uint32_t> values(histograms ? 3 * (total + 2) : 3, 0);
    for (const auto& answer : answers)
        for (uint32_t option = 0; option < 3; ++option) {
            values[option] += answer[option];
            if (histograms) ++values[3 + option * (total + 1) + answer[option]];
        }
    m_items.push_back({std::move(questionId), std::move(values), static_cast<uint32_t>(answers.size())});
    return *this;
}

const alignkiosk_aggregate_v1& Aggregate::raw() {
    m_raw.clear();
    for (const Item& item : m_items)
        m_raw.push_back({sizeof(alignkiosk_item_distribution_v1), item.questionId.c_str(), item.counts.data(),
                         static_cast<uint32_t>(item.counts.size()), item.answered});
    m_aggregate = {sizeof(alignkiosk_aggregate_v1), "Everyone", 10, m_raw.data(), static_cast<uint32_t>(m_raw.size())};
    return m_aggregate;
}

} // namespace alignkiosk::test_support
