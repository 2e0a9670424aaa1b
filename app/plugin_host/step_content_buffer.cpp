#include "plugin_host/step_content_buffer.h"

#include "plugin_host/abi_list.h"

#include <utility>

namespace alignkiosk::plugin_host {

namespace {

template <class T>
uint32_t count(const std::vector<T>& items) {
    return static_cast<uint32_t>(items.size());
}

// NULL for an empty array, so a C reader never sees a dangling non-NULL pointer with a zero count.
template <class T>
const T* arrayOrNull(const std::vector<T>& items) {
    return items.empty() ? nullptr : items.data();
}

} // namespace

StepContentBuffer::StepContentBuffer(const core::Step& step, std::string language)
    : m_step(step), m_language(language.empty() ? std::string("und") : std::move(language)) {
    // Fill every inner vector before taking pointers to the outer ones' elements.
    const size_t questionCount = m_step.questions.size();
    m_scaleLabels.resize(questionCount);
    m_options.resize(questionCount);
    m_attributes.resize(questionCount);
    m_questions.reserve(questionCount);

    for (size_t i = 0; i < questionCount; ++i) {
        const core::Question& question = m_step.questions[i];
        for (const std::string& label : question.scaleLabels) m_scaleLabels[i].push_back(label.c_str());
        for (const core::Option& option : question.options)
            m_options[i].push_back({option.id.c_str(), option.label.c_str()});
        for (const auto& [key, value] : question.attributes) m_attributes[i].push_back({key.c_str(), value.c_str()});

        alignkiosk_question_v1 raw{};
        raw.struct_size = sizeof(alignkiosk_question_v1);
        raw.id = question.id.c_str();
        raw.kind = static_cast<uint32_t>(question.kind);
        raw.prompt = question.prompt.c_str();
        raw.help = question.help.c_str();
        raw.required = question.required;
        raw.scale_min = question.scaleMin;
        raw.scale_max = question.scaleMax;
        raw.scale_labels = arrayOrNull(m_scaleLabels[i]);
        raw.scale_label_count = count(m_scaleLabels[i]);
        raw.options = arrayOrNull(m_options[i]);
        raw.option_count = count(m_options[i]);
        raw.total = question.total;
        raw.max_length = question.maxLength;
        raw.attributes = arrayOrNull(m_attributes[i]);
        raw.attribute_count = count(m_attributes[i]);
        m_questions.push_back(raw);
    }

    m_content.struct_size = sizeof(alignkiosk_step_content_v1);
    m_content.step_id = m_step.id.c_str();
    m_content.title = m_step.title.c_str();
    m_content.intro = m_step.intro.c_str();
    m_content.language = m_language.c_str();
    m_content.questions = arrayOrNull(m_questions);
    m_content.question_count = count(m_questions);

    // ABI 1.3: the same content, every list behind its count and get.
    m_questionLists.resize(questionCount);
    m_stepLists.questions.reserve(questionCount);
    for (size_t i = 0; i < questionCount; ++i) {
        const core::Question& question = m_step.questions[i];
        QuestionLists& lists = m_questionLists[i];
        for (const core::Option& option : question.options)
            lists.options.push_back({sizeof(alignkiosk_option_v2), option.id.c_str(), option.label.c_str()});
        for (const auto& [key, value] : question.attributes)
            lists.attributes.push_back({sizeof(alignkiosk_key_value_v2), key.c_str(), value.c_str()});

        const alignkiosk_question_v1& v1 = m_questions[i];
        alignkiosk_question_v2 raw{};
        raw.struct_size = sizeof(alignkiosk_question_v2);
        raw.id = v1.id;
        raw.kind = v1.kind;
        raw.prompt = v1.prompt;
        raw.help = v1.help;
        raw.required = v1.required;
        raw.scale_min = v1.scale_min;
        raw.scale_max = v1.scale_max;
        raw.scale_labels = v1.scale_labels;
        raw.scale_label_count = v1.scale_label_count;
        raw.total = v1.total;
        raw.max_length = v1.max_length;
        raw.host_data = &lists;
        raw.option_count = abi_list::count<QuestionLists, alignkiosk_option_v2, &QuestionLists::options>;
        raw.option_get = abi_list::get<QuestionLists, alignkiosk_option_v2, &QuestionLists::options>;
        raw.attribute_count = abi_list::count<QuestionLists, alignkiosk_key_value_v2, &QuestionLists::attributes>;
        raw.attribute_get = abi_list::get<QuestionLists, alignkiosk_key_value_v2, &QuestionLists::attributes>;
        m_stepLists.questions.push_back(raw);
    }

    m_contentV2.struct_size = sizeof(alignkiosk_step_content_v2);
    m_contentV2.step_id = m_content.step_id;
    m_contentV2.title = m_content.title;
    m_contentV2.intro = m_content.intro;
    m_contentV2.language = m_content.language;
    m_contentV2.host_data = &m_stepLists;
    m_contentV2.question_count = abi_list::count<StepLists, alignkiosk_question_v2, &StepLists::questions>;
    m_contentV2.question_get = abi_list::get<StepLists, alignkiosk_question_v2, &StepLists::questions>;
}

} // namespace alignkiosk::plugin_host
