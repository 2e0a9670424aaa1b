#include "plugin_host/step_content_buffer.h"

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
}

} // namespace alignkiosk::plugin_host
