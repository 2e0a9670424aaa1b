// Shared by the host-side module tests: a step with one three-point scale question ("mood"), for any module.
#pragma once

#include "core/survey_model.h"

#include <string>

namespace alignkiosk::test_support {

inline core::Step moodStep(const std::string& stepId, const std::string& moduleId) {
    core::Question question;
    question.id = "mood";
    question.kind = core::QuestionKind::Scale;
    question.prompt = "How often?";
    question.scaleMin = 1;
    question.scaleMax = 3;
    question.scaleLabels = {"never", "sometimes", "often"};
    core::Step step;
    step.id = stepId;
    step.moduleId = moduleId;
    step.title = "A step";
    step.questions = {question};
    return step;
}

} // namespace alignkiosk::test_support
