// The C views of one module's dashboard aggregate, with storage for every string and array they point to: ABI 1.2's
// alignkiosk_panel_input_v1 (alignkiosk_aggregate_v1[] and alignkiosk_text_answers_v1[]) for plugins built before
// 1.3, and 1.3's alignkiosk_panel_input_v2 (alignkiosk_aggregate_v2 behind accessors). Built once per dashboard model
// and reused every frame, so drawing a panel copies nothing. It never moves (the C structs point into it).
// Thread: the UI thread only (the 1.3 view is built on first use).
#pragma once

#include "core/dashboard_model.h"
#include "core/survey_model.h"

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugin_host {

class AggregateBuffer {
public:
    // Every group of `aggregate`, in its order (shown groups only, everyone first). A group's label is its name, except
    // that core::kEveryoneGroup becomes `everyoneLabel` (the shell's word for everyone, in the survey's language).
    explicit AggregateBuffer(const core::ModuleAggregate& aggregate,
                             std::string_view everyoneLabel = core::kEveryoneGroup);
    AggregateBuffer(const AggregateBuffer&) = delete;
    AggregateBuffer& operator=(const AggregateBuffer&) = delete;

    // NULL when there are no groups.
    const alignkiosk_aggregate_v1* groups() const { return m_groups.empty() ? nullptr : m_groups.data(); }
    uint32_t groupCount() const { return static_cast<uint32_t>(m_groups.size()); }
    // The groups and the open answers together, as a v2 panel receives them.
    const alignkiosk_panel_input_v1& input() const { return m_input; }
    // ABI 1.3's view: the same groups and answers, each item naming its question's kind and an allocation's histograms
    // apart from its sums. `step` is the step the aggregate counts (its questions' kinds and option counts); the view
    // is built for the first step asked with and kept. An item whose question `step` lacks is left out.
    const alignkiosk_panel_input_v2& inputV2(const core::Step& step) const;
    // Group `index` of inputV2(step), or NULL past the end.
    const alignkiosk_aggregate_v2* groupV2(const core::Step& step, uint32_t index) const;
    const std::string& stepId() const { return m_source.stepId; }
    const std::string& moduleId() const { return m_source.moduleId; }

    // The ABI counts in uint32_t; a count beyond it is shown as UINT32_MAX rather than wrapping to a small number.
    static uint32_t saturate(uint64_t count);

private:
    core::ModuleAggregate m_source; // the owned copy the names and ids point into
    std::vector<std::string> m_labels;
    std::vector<std::vector<std::vector<uint32_t>>> m_counts; // [group][question][point or option]
    std::vector<std::vector<alignkiosk_item_distribution_v1>> m_items;
    std::vector<alignkiosk_aggregate_v1> m_groups;
    std::vector<std::string> m_textLabels;
    std::vector<std::vector<const char*>> m_answers; // [text] pointers into m_source.texts
    std::vector<alignkiosk_text_answers_v1> m_texts;
    alignkiosk_panel_input_v1 m_input{};

    // ABI 1.3: what each host_data points to, for the lists' count and get functions (abi_list.h).
    struct GroupLists {
        std::vector<alignkiosk_item_distribution_v2> items;
    };
    struct InputLists {
        std::vector<alignkiosk_aggregate_v2> groups;
        std::vector<alignkiosk_text_answers_v1> texts;
    };
    void buildV2(const core::Step& step) const;
    mutable bool m_builtV2 = false;
    mutable std::vector<GroupLists> m_groupLists;
    mutable InputLists m_inputLists;
    mutable alignkiosk_panel_input_v2 m_inputV2{};
};

} // namespace alignkiosk::plugin_host
