#include "core/submission_check.h"

#include <set>

namespace alignkiosk::core {

bool hasNul(const std::string& text) {
    return text.find('\0') != std::string::npos;
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
