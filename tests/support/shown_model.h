// What a dashboard shows of a model, as one text to compare: every figure (summary.csv), the participants and days,
// and the open answers of each shown group, sorted (their order is a fresh shuffle per model).
#pragma once

#include "core/dashboard_model.h"
#include "core/summary_csv.h"
#include "core/survey_model.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace alignkiosk::test_support {

inline std::string shownOf(const core::Survey& survey, const core::DashboardModel& model) {
    std::ostringstream out;
    core::writeSummaryCsv(survey, model, out);
    out << model.totalResponses << ' ' << model.firstDay << ' ' << model.lastDay << '\n';
    for (const core::TextAnswers& texts : model.texts) {
        std::vector<std::string> answers(texts.answers.begin(), texts.answers.end());
        std::sort(answers.begin(), answers.end());
        out << texts.stepId << '/' << texts.questionId << '/' << texts.group << ':';
        for (const std::string& answer : answers) out << ' ' << answer;
        out << '\n';
    }
    return out.str();
}

} // namespace alignkiosk::test_support
