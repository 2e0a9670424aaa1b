// How many people answered each survey in a store: rows are counted per survey and step, and since a participant
// leaves one row per step (rows are not linked to each other, by design), the step answered most often counts them.
#pragma once

#include "core/response_store.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {

class SurveyTally {
public:
    void add(const StoredResponse& row) { ++m_rows[row.surveyId][row.stepId]; }
    // Rows a store counted itself (AnswerStore::tally).
    void add(const std::string& surveyId, const std::string& stepId, std::size_t rows) {
        m_rows[surveyId][stepId] += rows;
    }

    // Every survey seen, by id.
    std::vector<SurveyParticipants> participants() const {
        std::vector<SurveyParticipants> surveys;
        for (const auto& [surveyId, steps] : m_rows) {
            std::size_t most = 0;
            for (const auto& step : steps) most = std::max(most, step.second);
            surveys.push_back({surveyId, most});
        }
        return surveys;
    }

private:
    std::map<std::string, std::map<std::string, std::size_t>> m_rows; // survey -> step -> rows
};

} // namespace alignkiosk::core
