// The rule that keeps a live dashboard from showing one person's answers by subtraction: whoever watches it while one
// known person presses Finish must not see the figures move by that person alone. Rows that arrive after the
// dashboard was first shown are held per cell (one step of one group: every figure on the dashboard is made of the
// rows of one step in one group, or of a union of such cells) until at least k have come, and then counted together.
// So any two states anyone can see differ by 0 or by at least k rows in every cell, and so in every shown group.
//
// A remainder of fewer than k rows in a cell is held for as long as the dashboard stays open; it is counted when a
// dashboard is next opened afresh (its first read counts everything), which is when a session's final figures are
// read.
#pragma once

#include "core/submission.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace alignkiosk::core {

class ArrivalBatches {
public:
    // k: the smallest batch released, at least 1.
    explicit ArrivalBatches(uint32_t k);

    // A row read from the store, in the cell ResponseAggregator::cellOf() gives it (none: not counted in any cell).
    // `live`: the dashboard has already been shown. Appends the row to `countNow` unless it is a newcomer to a shown
    // dashboard; a newcomer is held in its cell.
    void arrive(StoredResponse row, std::optional<std::size_t> cell, bool live, std::vector<StoredResponse>& countNow);
    // Appends to `countNow` every row of each cell that holds at least k (call once the store has been read up to
    // date, so a batch takes everyone who has come).
    void releaseReady(std::vector<StoredResponse>& countNow);

    // The store dealt its rows again and every row will be read again: rows counted before are counted again as they
    // come, held ones are held again.
    void startOver();

    // Rows held back right now.
    std::size_t held() const;
    // People held back right now: a person leaves one row per step, so the step with most rows held counts them.
    // `groupsPerStep`: the cells of one step (cell = step * groupsPerStep + group).
    std::size_t heldPeople(std::size_t groupsPerStep) const;

private:
    struct RowKey {
        uint64_t high = 0;
        uint64_t low = 0;
        bool operator==(const RowKey&) const = default;
    };
    struct RowKeyHash {
        std::size_t operator()(const RowKey& key) const { return key.high ^ (key.low * 0x9E3779B97F4A7C15ull); }
    };
    static RowKey keyOf(const std::string& id);

    uint32_t m_k;
    std::unordered_set<RowKey, RowKeyHash> m_counted; // ids only (16 bytes a row), to recognise rows read again
    std::unordered_map<std::size_t, std::vector<StoredResponse>> m_held;
};

} // namespace alignkiosk::core
