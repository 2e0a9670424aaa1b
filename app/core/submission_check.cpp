#include "core/submission_check.h"

#include <chrono>
#include <set>

namespace alignkiosk::core {

bool hasNul(const std::string& text) {
    return text.find('\0') != std::string::npos;
}

std::optional<SubmissionIdBytes> parseSubmissionId(const std::string& text) {
    if (text.size() != 32) return std::nullopt;
    SubmissionIdBytes bytes{};
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (nibble < 0) return std::nullopt;
        bytes[i / 2] = static_cast<unsigned char>(bytes[i / 2] | (nibble << (i % 2 ? 0 : 4)));
    }
    return bytes;
}

bool isSessionDate(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (date[i] < '0' || date[i] > '9') return false;
    const int year = std::stoi(date.substr(0, 4));
    const auto month = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
    const auto day = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
    return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}.ok();
}

std::optional<std::string> submissionProblem(const Submission& submission,
                                             const std::function<bool(const std::string&)>& isJson) {
    if (submission.surveyId.empty() || hasNul(submission.surveyId)) return "submission has an empty survey id";
    if (submission.team && (submission.team->empty() || hasNul(*submission.team)))
        return "submission has an empty team (use no team instead)";
    if (submission.responses.empty()) return "submission of survey '" + submission.surveyId + "' has no responses";
    std::set<std::string> stepIds;
    for (const ResponseDraft& draft : submission.responses) {
        if (draft.stepId.empty() || hasNul(draft.stepId)) return "a response has an empty step id";
        const std::string where = "response to step '" + draft.stepId + "'";
        if (!stepIds.insert(draft.stepId).second) return where + " appears twice in one submission";
        if (draft.moduleId.empty() || hasNul(draft.moduleId)) return where + " has an empty module id";
        if (draft.moduleVersion.empty() || hasNul(draft.moduleVersion)) return where + " has an empty module version";
        if (hasNul(draft.payload) || !isJson(draft.payload)) return where + " has a payload that is not JSON";
    }
    return std::nullopt;
}

} // namespace alignkiosk::core
