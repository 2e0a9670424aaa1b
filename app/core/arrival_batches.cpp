#include "arrival_batches.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace alignkiosk::core {

ArrivalBatches::ArrivalBatches(uint32_t k) : m_k(std::max<uint32_t>(k, 1)) {}

// A stored id is 32 lower-case hex digits (the store's CHECK); anything else is hashed, which only costs memory.
ArrivalBatches::RowKey ArrivalBatches::keyOf(const std::string& id) {
    RowKey key;
    if (id.size() != 32) {
        key.high = std::hash<std::string>{}(id);
        key.low = ~key.high;
        return key;
    }
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = id[i];
        const uint64_t digit = c >= 'a' ? static_cast<uint64_t>(c - 'a' + 10) : static_cast<uint64_t>(c - '0');
        uint64_t& half = i < 16 ? key.high : key.low;
        half = (half << 4) | (digit & 0xf);
    }
    return key;
}

void ArrivalBatches::arrive(StoredResponse row, std::optional<std::size_t> cell, bool live,
                            std::vector<StoredResponse>& countNow) {
    const RowKey key = keyOf(row.id);
    if (!cell || !live || m_counted.count(key)) {
        if (cell) m_counted.insert(key);
        countNow.push_back(std::move(row));
        return;
    }
    m_held[*cell].push_back(std::move(row));
}

void ArrivalBatches::releaseReady(std::vector<StoredResponse>& countNow) {
    for (auto cell = m_held.begin(); cell != m_held.end();) {
        if (cell->second.size() < m_k) {
            ++cell;
            continue;
        }
        for (StoredResponse& released : cell->second) {
            m_counted.insert(keyOf(released.id));
            countNow.push_back(std::move(released));
        }
        cell = m_held.erase(cell);
    }
}

void ArrivalBatches::startOver() { m_held.clear(); }

std::size_t ArrivalBatches::held() const {
    std::size_t rows = 0;
    for (const auto& cell : m_held) rows += cell.second.size();
    return rows;
}

std::size_t ArrivalBatches::heldPeople(std::size_t groupsPerStep) const {
    std::unordered_map<std::size_t, std::size_t> perStep;
    std::size_t most = 0;
    for (const auto& [cell, rows] : m_held) most = std::max(most, perStep[cell / std::max<std::size_t>(groupsPerStep, 1)] += rows.size());
    return most;
}

} // namespace alignkiosk::core
