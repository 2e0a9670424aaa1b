// What one participant hands in (a Submission: one ResponseDraft per step) and what a store gives back (one
// StoredResponse per step). Plain data, shared by the shell, the store and the dashboard's counting, so none of them
// needs another's header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::core {

// One step's answer as a module hands it back.
struct ResponseDraft {
    std::string stepId;
    std::string moduleId;
    std::string moduleVersion;
    std::string payload; // the module's JSON
};

// One participant's finished survey.
struct Submission {
    std::string surveyId;
    uint32_t surveyVersion = 0;
    std::optional<std::string> team;
    std::vector<ResponseDraft> responses;
};

// One stored row. id is 32 lowercase hex digits; sessionDate is 'YYYY-MM-DD'.
struct StoredResponse {
    std::string id;
    std::string surveyId;
    uint32_t surveyVersion = 0;
    std::string stepId;
    std::string moduleId;
    std::string moduleVersion;
    std::optional<std::string> team;
    std::string sessionDate;
    std::string payload;

    bool operator==(const StoredResponse&) const = default;
};

} // namespace alignkiosk::core
