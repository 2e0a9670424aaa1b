#include "dashboard_feed.h"

namespace alignkiosk::core {

DashboardFeed::DashboardFeed(const Survey& survey, const ResponseStore& store)
    : m_surveyId(survey.id), m_store(store), m_aggregator(survey) {}

bool DashboardFeed::refresh() {
    // The store's total needs no decoding; rows are never deleted, so an unchanged total means nothing new.
    const std::size_t total = m_store.count();
    if (total == m_lastTotal) return false;
    m_lastTotal = total;
    bool added = false;
    for (const StoredResponse& response : m_store.responses(m_surveyId)) {
        if (!m_seen.insert(response.id).second) continue;
        m_aggregator.add(response);
        added = true;
    }
    return added;
}

} // namespace alignkiosk::core
