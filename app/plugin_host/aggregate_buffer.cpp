#include "plugin_host/aggregate_buffer.h"

#include "plugin_host/abi_list.h"

#include <algorithm>
#include <limits>

namespace alignkiosk::plugin_host {

namespace {

template <class T>
uint32_t count(const std::vector<T>& items) {
    return AggregateBuffer::saturate(items.size());
}

// NULL for an empty array, so a C reader never sees a dangling non-NULL pointer with a zero count.
template <class T>
const T* arrayOrNull(const std::vector<T>& items) {
    return items.empty() ? nullptr : items.data();
}

} // namespace

uint32_t AggregateBuffer::saturate(uint64_t value) {
    return static_cast<uint32_t>(std::min<uint64_t>(value, std::numeric_limits<uint32_t>::max()));
}

AggregateBuffer::AggregateBuffer(const core::ModuleAggregate& aggregate, std::string_view everyoneLabel)
    : m_source(aggregate) {
    // Fill every inner vector before taking pointers into it; nothing is resized afterwards.
    const size_t groupCount = m_source.groups.size();
    m_labels.reserve(groupCount);
    m_counts.resize(groupCount);
    m_items.resize(groupCount);
    m_groups.reserve(groupCount);

    for (size_t g = 0; g < groupCount; ++g) {
        const core::ModuleGroupAggregate& group = m_source.groups[g];
        m_labels.push_back(group.group == core::kEveryoneGroup ? std::string(everyoneLabel) : group.group);

        m_counts[g].resize(group.questions.size());
        m_items[g].reserve(group.questions.size());
        for (size_t q = 0; q < group.questions.size(); ++q) {
            const core::QuestionCounts& question = group.questions[q];
            std::vector<uint32_t>& counts = m_counts[g][q];
            counts.reserve(question.counts.size());
            for (const uint64_t value : question.counts) counts.push_back(saturate(value));

            alignkiosk_item_distribution_v1 item{};
            item.struct_size = sizeof(alignkiosk_item_distribution_v1);
            item.question_id = question.questionId.c_str();
            item.counts = arrayOrNull(counts);
            item.count_length = count(counts);
            item.answered = saturate(question.answered);
            m_items[g].push_back(item);
        }

        alignkiosk_aggregate_v1 raw{};
        raw.struct_size = sizeof(alignkiosk_aggregate_v1);
        raw.group_label = m_labels.back().c_str();
        raw.response_count = saturate(group.responseCount);
        raw.items = arrayOrNull(m_items[g]);
        raw.item_count = count(m_items[g]);
        m_groups.push_back(raw);
    }

    const size_t textCount = m_source.texts.size();
    m_textLabels.reserve(textCount);
    m_answers.resize(textCount);
    m_texts.reserve(textCount);
    for (size_t t = 0; t < textCount; ++t) {
        const core::TextAnswers& answers = m_source.texts[t];
        m_textLabels.push_back(answers.group == core::kEveryoneGroup ? std::string(everyoneLabel) : answers.group);
        m_answers[t].reserve(answers.answers.size());
        for (const std::string_view answer : answers.answers) m_answers[t].push_back(answer.data()); // NUL-terminated

        alignkiosk_text_answers_v1 raw{};
        raw.struct_size = sizeof(alignkiosk_text_answers_v1);
        raw.group_label = m_textLabels.back().c_str();
        raw.question_id = answers.questionId.c_str();
        raw.answers = arrayOrNull(m_answers[t]);
        raw.answer_count = count(m_answers[t]);
        m_texts.push_back(raw);
    }

    m_input.struct_size = sizeof(alignkiosk_panel_input_v1);
    m_input.groups = arrayOrNull(m_groups);
    m_input.group_count = count(m_groups);
    m_input.texts = arrayOrNull(m_texts);
    m_input.text_count = count(m_texts);
}

const alignkiosk_panel_input_v2& AggregateBuffer::inputV2(const core::Step& step) const {
    if (!m_builtV2) buildV2(step);
    return m_inputV2;
}

const alignkiosk_aggregate_v2* AggregateBuffer::groupV2(const core::Step& step, uint32_t index) const {
    const alignkiosk_panel_input_v2& input = inputV2(step);
    return input.group_get(&input, index);
}

void AggregateBuffer::buildV2(const core::Step& step) const {
    // Every vector is sized before a pointer into it is taken; nothing is resized afterwards.
    m_groupLists.resize(m_groups.size());
    m_inputLists.groups.reserve(m_groups.size());
    for (size_t g = 0; g < m_groups.size(); ++g) {
        for (const alignkiosk_item_distribution_v1& v1 : m_items[g]) {
            const core::Question* question = nullptr;
            for (const core::Question& candidate : step.questions)
                if (candidate.id == v1.question_id) question = &candidate;
            if (!question) continue;

            alignkiosk_item_distribution_v2 item{};
            item.struct_size = sizeof(alignkiosk_item_distribution_v2);
            item.question_id = v1.question_id;
            item.kind = static_cast<uint32_t>(question->kind);
            item.answered = v1.answered;
            item.counts = v1.counts;
            item.count_length = v1.count_length;
            // The aggregator's allocation counts are the sums, then one histogram over 0..total per option.
            const uint64_t options = question->options.size();
            const uint64_t width = uint64_t{question->total} + 1;
            if (question->kind == core::QuestionKind::Allocation && v1.counts && options > 0 &&
                v1.count_length == options * (width + 1)) {
                item.count_length = static_cast<uint32_t>(options);
                item.histograms = v1.counts + options;
                item.histogram_count = static_cast<uint32_t>(options);
                item.histogram_width = static_cast<uint32_t>(width);
            }
            m_groupLists[g].items.push_back(item);
        }

        alignkiosk_aggregate_v2 raw{};
        raw.struct_size = sizeof(alignkiosk_aggregate_v2);
        raw.group_label = m_groups[g].group_label;
        raw.response_count = m_groups[g].response_count;
        raw.host_data = &m_groupLists[g];
        raw.item_count = abi_list::count<GroupLists, alignkiosk_item_distribution_v2, &GroupLists::items>;
        raw.item_get = abi_list::get<GroupLists, alignkiosk_item_distribution_v2, &GroupLists::items>;
        m_inputLists.groups.push_back(raw);
    }
    m_inputLists.texts = m_texts; // the same structs, pointing into the same storage

    m_inputV2.struct_size = sizeof(alignkiosk_panel_input_v2);
    m_inputV2.host_data = &m_inputLists;
    m_inputV2.group_count = abi_list::count<InputLists, alignkiosk_aggregate_v2, &InputLists::groups>;
    m_inputV2.group_get = abi_list::get<InputLists, alignkiosk_aggregate_v2, &InputLists::groups>;
    m_inputV2.text_count = abi_list::count<InputLists, alignkiosk_text_answers_v1, &InputLists::texts>;
    m_inputV2.text_get = abi_list::get<InputLists, alignkiosk_text_answers_v1, &InputLists::texts>;
    m_builtV2 = true;
}

} // namespace alignkiosk::plugin_host
