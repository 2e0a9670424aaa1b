// Keeps a ResponseAggregator up to date with a response store while the dashboard is open: answers that arrive (from
// the kiosk, another process, an import) are counted once each, without a restart and never per frame.
#pragma once

#include "core/dashboard_model.h"
#include "core/response_aggregator.h"
#include "core/response_store.h"
#include "core/survey_model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>

namespace alignkiosk::core {

class DashboardFeed {
public:
    // `store` must outlive the feed.
    DashboardFeed(const Survey& survey, const ResponseStore& store);

    // Counts the responses stored since the last refresh. Rows are never deleted, so an unchanged count of all rows
    // means nothing new and costs one small query; otherwise the ids not yet seen are added, each in O(questions of its
    // step).
    // Returns whether anything was added.
    bool refresh();

    const ResponseAggregator& aggregator() const { return m_aggregator; }
    uint64_t responsesSeen() const { return m_seen.size(); }

private:
    std::string m_surveyId;
    const ResponseStore& m_store;
    ResponseAggregator m_aggregator;
    std::unordered_set<std::string> m_seen;
    std::size_t m_lastTotal = static_cast<std::size_t>(-1);
};

} // namespace alignkiosk::core
