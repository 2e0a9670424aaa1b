#include "signs_content.h"

#include <string>

namespace alignkiosk::plugins::diagnostic_signs {

namespace {

const char* groupName(Group group) {
    switch (group) {
    case Group::Signal: return "signal";
    case Group::Metric: return "metric";
    case Group::CustomerChange: return "customer_change";
    }
    return "";
}

} // namespace

std::optional<Group> parseGroup(std::string_view name) {
    if (name == "signal") return Group::Signal;
    if (name == "metric") return Group::Metric;
    if (name == "customer_change") return Group::CustomerChange;
    return std::nullopt;
}

std::optional<Group> groupOf(const sdk::QuestionView& question) {
    return parseGroup(question.attribute(kGroupAttribute));
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors) {
    uint32_t signals = 0;
    bool seenCustomerChange = false;

    for (uint32_t index = 0; index < step.questionCount(); ++index) {
        const sdk::QuestionView question = step.question(index);
        const std::string_view groupText = question.attribute(kGroupAttribute);
        const std::optional<Group> group = parseGroup(groupText);
        if (!group) {
            errors.report(index, "attributes",
                          groupText.empty()
                              ? std::string("attribute \"group\" is missing; use \"signal\", \"metric\" or "
                                            "\"customer_change\"")
                              : "unknown group \"" + std::string(groupText) +
                                    "\"; use \"signal\", \"metric\" or \"customer_change\"");
            continue;
        }

        const bool wantsScale = *group != Group::CustomerChange;
        const alignkiosk_question_kind_v1 expected = wantsScale ? ALIGNKIOSK_QUESTION_SCALE : ALIGNKIOSK_QUESTION_TEXT;
        if (question.kind() != expected) {
            errors.report(index, "kind",
                          std::string("a \"") + groupName(*group) + "\" question must be of kind \"" +
                              (wantsScale ? "scale" : "text") + "\"");
        } else if (wantsScale) {
            // Widened so an extreme range from the file cannot overflow.
            const long long points = static_cast<long long>(question.scaleMax()) - question.scaleMin() + 1;
            if (points < kMinScalePoints)
                errors.report(index, "scale",
                              "a scale needs at least " + std::to_string(kMinScalePoints) + " points, this one has " +
                                  std::to_string(points));
        }

        switch (*group) {
        case Group::Signal:
            ++signals;
            if (isBlank(question.attribute(kCheckFirstAttribute)))
                errors.report(index, "attributes",
                              "a signal needs attribute \"check_first\": what to check first when the sign is "
                              "widespread");
            break;
        case Group::Metric: break;
        case Group::CustomerChange:
            if (seenCustomerChange)
                errors.report(index, "attributes", "only one \"customer_change\" question is allowed per step");
            seenCustomerChange = true;
            break;
        }
    }

    if (signals == 0) errors.reportStep("the step needs at least one question with group \"signal\"");
}

} // namespace alignkiosk::plugins::diagnostic_signs
