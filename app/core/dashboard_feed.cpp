#include "dashboard_feed.h"

namespace alignkiosk::core {

DashboardFeed::DashboardFeed(const Survey& survey, const ResponseStore& store)
    : m_surveyId(survey.id), m_store(store), m_aggregator(survey) {}

bool DashboardFeed::refresh() {
    if (m_store.count(m_surveyId) == m_seen.size()) return false;
    bool added = false;
    for (const StoredResponse& response : m_store.responses(m_surveyId)) {
        if (!m_seen.insert(response.id).second) continue;
        m_aggregator.add(response);
        added = true;
    }
    return added;
}

} // namespace alignkiosk::core
