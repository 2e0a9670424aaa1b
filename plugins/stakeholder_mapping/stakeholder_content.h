// The stakeholder-mapping module's content contract: what each question's "attributes" must say, how the questions
// pair up into stakeholder groups, and the check of a step's content beyond the generic shape the host verified.
#pragma once

#include <alignkiosk/plugin.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

// What a question is for, from its "map" attribute.
enum class MapPart {
    Mix,          // "mix": the allocation "who do you work for", three options, one per corner of the triangle
    Role,         // "role": a choice, is this group a customer of your work, a partner or a supplier
    Understanding // "understanding": a scale, how well you understand what this group needs
};

inline constexpr std::string_view kMapAttribute = "map";
inline constexpr std::string_view kStakeholderAttribute = "stakeholder"; // pairs a role and an understanding question
inline constexpr std::string_view kNameAttribute = "name";               // the group's name on screen

// What fits one row of big buttons on a 1280-wide touchscreen beside the group's name.
inline constexpr uint32_t kMinRoles = 2;
inline constexpr uint32_t kMaxRoles = 4;
inline constexpr int kMinScalePoints = 3;
inline constexpr int kMaxScalePoints = 7;
// The triangle has three corners.
inline constexpr uint32_t kMixOptions = 3;

std::optional<MapPart> parseMapPart(std::string_view name);

// True for an empty string or one of only white space.
bool isBlank(std::string_view text);
std::string_view trimmed(std::string_view text);

// One group of people around the participant's work, as the survey names it: its role and understanding questions.
struct Stakeholder {
    std::string key;                 // the "stakeholder" attribute both questions share
    std::string name;                // the role question's "name" attribute, trimmed
    uint32_t roleQuestion = 0;       // question index
    uint32_t understandingQuestion = 0;
};

// How a valid step is laid out: the mix question (if any) and the stakeholders in the order their role questions
// come.
struct StepPlan {
    std::optional<uint32_t> mixQuestion;
    std::vector<Stakeholder> stakeholders;
};

// Receives each problem: question index (sdk::ContentErrors::kWholeStep for the step), the JSON field to point at
// ("kind", "options", "attributes", "attributes.map", ...), the message for the person editing the survey file.
using ProblemSink = std::function<void(uint32_t questionIndex, const char* field, const std::string& message)>;

// Checks `step` and reports every problem; returns the plan (complete only when nothing was reported).
StepPlan analyseStep(const sdk::StepView& step, const ProblemSink& report);

// analyseStep for the kiosk's validate_content.
void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors);

} // namespace alignkiosk::plugins::stakeholder_mapping
