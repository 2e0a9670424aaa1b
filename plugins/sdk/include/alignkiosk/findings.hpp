// The rules every module's score() and panel share, once: when a share of a group becomes a finding, how a share is
// written, and how a question's distribution is found in an aggregate. Header-only, no ImGui.
//
// Threads and ownership: plain functions on the host's aggregates; a returned pointer points into the aggregate and
// lives as long as the call that handed it in.
#pragma once

#include "alignkiosk/plugin_abi.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace alignkiosk::sdk {

// The level for `hits` of `answered`: WIDESPREAD from one half, WATCH from one quarter, else INFO. Compared in
// integers, so a share of exactly a half or a quarter never falls below its threshold through rounding.
inline alignkiosk_finding_level_v1 levelFor(uint32_t hits, uint32_t answered) {
    const uint64_t scaled = hits;
    if (scaled * 2 >= answered) return ALIGNKIOSK_FINDING_WIDESPREAD;
    if (scaled * 4 >= answered) return ALIGNKIOSK_FINDING_WATCH;
    return ALIGNKIOSK_FINDING_INFO;
}

// hits / answered as a whole percent, rounded down: a headline never claims more than the level reached. 0 when
// nobody answered.
inline uint32_t percentFloor(uint32_t hits, uint32_t answered) {
    if (answered == 0) return 0;
    return static_cast<uint32_t>(static_cast<uint64_t>(hits) * 100 / answered);
}

// The distribution of one question in a group's aggregate, or nullptr when the group has none for it.
inline const alignkiosk_item_distribution_v2* findItem(const alignkiosk_aggregate_v2& aggregate,
                                                       std::string_view questionId) {
    if (!aggregate.item_count || !aggregate.item_get) return nullptr;
    const uint32_t count = aggregate.item_count(&aggregate);
    for (uint32_t i = 0; i < count; ++i) {
        const alignkiosk_item_distribution_v2* item = aggregate.item_get(&aggregate, i);
        if (item && item->question_id && questionId == item->question_id) return item;
    }
    return nullptr;
}

// A distribution's counts (empty for none): an allocation's sums per option.
inline std::span<const uint32_t> countsOf(const alignkiosk_item_distribution_v2* item) {
    if (!item || !item->counts) return {};
    return {item->counts, item->count_length};
}

// An allocation's histogram for `option`: [p] answers gave it exactly p points (empty for none).
inline std::span<const uint32_t> histogramOf(const alignkiosk_item_distribution_v2* item, uint32_t option) {
    if (!item || !item->histograms || option >= item->histogram_count) return {};
    return {item->histograms + static_cast<size_t>(option) * item->histogram_width, item->histogram_width};
}

} // namespace alignkiosk::sdk
