// The diagnostic-signs module's content contract: what each question's "attributes" must say, and the check of a
// step's content beyond the generic shape the host already verified.
#pragma once

#include <alignkiosk/plugin.hpp>

#include <optional>
#include <string_view>

namespace alignkiosk::plugins::diagnostic_signs {

// The role of a question, from its "group" attribute.
enum class Group {
    Signal,        // "signal": how often a sign is seen (frequency scale), with "check_first"
    Metric,        // "metric": how well the team does (how-well scale)
    CustomerChange // "customer_change": the open sentence, at most one
};

inline constexpr std::string_view kGroupAttribute = "group";
inline constexpr std::string_view kCheckFirstAttribute = "check_first";
inline constexpr std::string_view kLabelAttribute = "label"; // optional short name for the facilitator's findings

// Scales need a middle and two ends; the scoring reads the two points at one end.
inline constexpr int kMinScalePoints = 3;

std::optional<Group> parseGroup(std::string_view name);
std::optional<Group> groupOf(const sdk::QuestionView& question);

// True for an empty string or one of only spaces, tabs and line breaks.
bool isBlank(std::string_view text);

// Reports every problem in `step` to `errors` with the question index and the JSON field to point at.
void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors);

} // namespace alignkiosk::plugins::diagnostic_signs
