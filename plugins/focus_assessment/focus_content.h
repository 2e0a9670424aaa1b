// The focus-assessment module's content contract: what each question's "attributes" must say, and the check of a
// step's content beyond the generic shape the host already verified. No ImGui.
#pragma once

#include <alignkiosk/plugin.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::plugins::focus_assessment {

// The role of a question, from its "focus" attribute.
enum class Focus {
    Goal,         // "goal": the one big goal in one sentence (text), at most one
    GoalTime,     // "goal_time": the share of one's time that goes to the goal (percent), at most one
    Clarity,      // "clarity": is one of mission/brand/model/offer clear and focused (choice yes/partly/no), one per area
    Smmart,       // "smmart": which S.M.M.A.R.T. qualities the goal has (multi_choice), at most one
    Opportunity,  // "opportunity": which opportunity would speed the goal up most (choice), at most one
    IdealClients  // "ideal_clients": the share of current clients who are ideal clients (percent), at most one
};

// What a "clarity" question is about, from its "area" attribute.
enum class Area { Mission, Brand, Model, Offer };
inline constexpr int kAreaCount = 4;

inline constexpr std::string_view kFocusAttribute = "focus";
inline constexpr std::string_view kAreaAttribute = "area";
inline constexpr std::string_view kLabelAttribute = "label";           // optional short name for the facilitator
inline constexpr std::string_view kCheckFirstAttribute = "check_first"; // optional action shown with a finding
inline constexpr std::string_view kNoneLabelAttribute = "none_label";   // smmart: a "none of these" tile
inline constexpr std::string_view kHintPrefix = "hint.";               // smmart: "hint.<option id>"

// The three answers of a clarity question, by option id; the labels are the survey's.
inline constexpr std::string_view kClarityYes = "yes";
inline constexpr std::string_view kClarityPartly = "partly";
inline constexpr std::string_view kClarityNo = "no";

// More options than this do not fit one page as big buttons (two columns of four).
inline constexpr uint32_t kMaxOptions = 8;

std::optional<Focus> parseFocus(std::string_view name);
std::optional<Focus> focusOf(const sdk::QuestionView& question);
const char* focusName(Focus focus);
std::optional<Area> parseArea(std::string_view name);
std::optional<Area> areaOf(const sdk::QuestionView& question);
const char* areaName(Area area);

// The option index of a clarity answer ("yes", "partly", "no"), or nothing when the question has no such option.
std::optional<uint32_t> clarityOption(const sdk::QuestionView& question, std::string_view optionId);

// The explanation of option `index` from the attribute "hint.<option id>", empty when not given.
std::string_view optionHint(const sdk::QuestionView& question, uint32_t index);

// True for an empty string or one of only spaces, tabs and line breaks.
bool isBlank(std::string_view text);
// `text` without surrounding white space.
std::string_view trimmed(std::string_view text);

// The facilitator's short name for a question: the "label" attribute when set, else the prompt without its closing
// punctuation ("Is our brand clear and focused?" -> "Is our brand clear and focused").
std::string displayName(const sdk::QuestionView& question);

// Reports every problem in `step` to `errors` with the question index and the JSON field to point at.
void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors);

} // namespace alignkiosk::plugins::focus_assessment
