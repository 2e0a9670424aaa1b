#include "focus_content.h"

#include <array>
#include <string>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

namespace {

constexpr std::array<Focus, 6> kAllFocus{Focus::Goal,  Focus::GoalTime,    Focus::Clarity,
                                         Focus::Smmart, Focus::Opportunity, Focus::IdealClients};
constexpr std::array<Area, kAreaCount> kAllAreas{Area::Mission, Area::Brand, Area::Model, Area::Offer};

constexpr const char* kFocusChoices =
    "use \"goal\", \"goal_time\", \"clarity\", \"smmart\", \"opportunity\" or \"ideal_clients\"";
constexpr const char* kAreaChoices = "use \"mission\", \"brand\", \"model\" or \"offer\"";

alignkiosk_question_kind_v1 kindFor(Focus focus) {
    switch (focus) {
    case Focus::Goal: return ALIGNKIOSK_QUESTION_TEXT;
    case Focus::GoalTime:
    case Focus::IdealClients: return ALIGNKIOSK_QUESTION_PERCENT;
    case Focus::Clarity:
    case Focus::Opportunity: return ALIGNKIOSK_QUESTION_CHOICE;
    case Focus::Smmart: return ALIGNKIOSK_QUESTION_MULTI_CHOICE;
    }
    return ALIGNKIOSK_QUESTION_TEXT;
}

const char* kindName(alignkiosk_question_kind_v1 kind) {
    switch (kind) {
    case ALIGNKIOSK_QUESTION_SCALE: return "scale";
    case ALIGNKIOSK_QUESTION_TEXT: return "text";
    case ALIGNKIOSK_QUESTION_CHOICE: return "choice";
    case ALIGNKIOSK_QUESTION_MULTI_CHOICE: return "multi_choice";
    case ALIGNKIOSK_QUESTION_ALLOCATION: return "allocation";
    case ALIGNKIOSK_QUESTION_PERCENT: return "percent";
    }
    return "?";
}

// Only the S.M.M.A.R.T. tiles have room for a line of explanation under their name.
bool showsHints(Focus focus) { return focus == Focus::Smmart; }

// The attributes a question of `focus` may carry, for the message about an unknown one.
std::string allowedAttributes(Focus focus) {
    std::string names = "\"focus\", \"label\", \"check_first\"";
    if (focus == Focus::Clarity) names += ", \"area\"";
    if (focus == Focus::Smmart) names += ", \"none_label\"";
    if (showsHints(focus)) names += ", \"hint.<option id>\"";
    return names;
}

bool hasOption(const sdk::QuestionView& question, std::string_view optionId) {
    for (uint32_t i = 0; i < question.optionCount(); ++i)
        if (question.optionId(i) == optionId) return true;
    return false;
}

void checkAttributes(uint32_t index, const sdk::QuestionView& question, Focus focus, sdk::ContentErrors& errors) {
    for (uint32_t a = 0; a < question.attributeCount(); ++a) {
        const std::string_view key = question.attributeKey(a);
        if (key == kFocusAttribute || key == kLabelAttribute || key == kCheckFirstAttribute) continue;
        if (key == kAreaAttribute && focus == Focus::Clarity) continue;
        if (key == kNoneLabelAttribute && focus == Focus::Smmart) {
            if (isBlank(question.attributeValue(a)))
                errors.report(index, "attributes.none_label",
                              "\"none_label\" must not be empty: it is the text of the \"none of these\" button");
            continue;
        }
        const std::string field = "attributes." + std::string(key);
        if (showsHints(focus) && key.substr(0, kHintPrefix.size()) == kHintPrefix) {
            const std::string_view optionId = key.substr(kHintPrefix.size());
            if (!hasOption(question, optionId))
                errors.report(index, field.c_str(),
                              "\"" + std::string(key) + "\" explains an option this question does not have (no option "
                                  "with id \"" + std::string(optionId) + "\")");
            continue;
        }
        errors.report(index, field.c_str(),
                      "unknown attribute \"" + std::string(key) + "\" for a \"" + focusName(focus) +
                          "\" question; it can use " + allowedAttributes(focus));
    }
}

void checkClarityOptions(uint32_t index, const sdk::QuestionView& question, sdk::ContentErrors& errors) {
    const bool exact = question.optionCount() == 3 && hasOption(question, kClarityYes) &&
                       hasOption(question, kClarityPartly) && hasOption(question, kClarityNo);
    if (!exact)
        errors.report(index, "options",
                      "a \"clarity\" question needs exactly three options with the ids \"yes\", \"partly\" and \"no\" "
                      "(the labels are yours to word)");
}

} // namespace

std::optional<Focus> parseFocus(std::string_view name) {
    for (const Focus focus : kAllFocus)
        if (name == focusName(focus)) return focus;
    return std::nullopt;
}

std::optional<Focus> focusOf(const sdk::QuestionView& question) { return parseFocus(question.attribute(kFocusAttribute)); }

const char* focusName(Focus focus) {
    switch (focus) {
    case Focus::Goal: return "goal";
    case Focus::GoalTime: return "goal_time";
    case Focus::Clarity: return "clarity";
    case Focus::Smmart: return "smmart";
    case Focus::Opportunity: return "opportunity";
    case Focus::IdealClients: return "ideal_clients";
    }
    return "";
}

std::optional<Area> parseArea(std::string_view name) {
    for (const Area area : kAllAreas)
        if (name == areaName(area)) return area;
    return std::nullopt;
}

std::optional<Area> areaOf(const sdk::QuestionView& question) { return parseArea(question.attribute(kAreaAttribute)); }

const char* areaName(Area area) {
    switch (area) {
    case Area::Mission: return "mission";
    case Area::Brand: return "brand";
    case Area::Model: return "model";
    case Area::Offer: return "offer";
    }
    return "";
}

std::optional<uint32_t> clarityOption(const sdk::QuestionView& question, std::string_view optionId) {
    for (uint32_t i = 0; i < question.optionCount(); ++i)
        if (question.optionId(i) == optionId) return i;
    return std::nullopt;
}

std::string_view optionHint(const sdk::QuestionView& question, uint32_t index) {
    if (index >= question.optionCount()) return {};
    const std::string key = std::string(kHintPrefix) + std::string(question.optionId(index));
    return trimmed(question.attribute(key));
}

bool isBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos; }

std::string_view trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return text.substr(first, last - first + 1);
}

std::string displayName(const sdk::QuestionView& question) {
    const std::string_view label = trimmed(question.attribute(kLabelAttribute));
    if (!label.empty()) return std::string(label);
    std::string_view text = trimmed(question.prompt());
    while (!text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!' || text.back() == ':'))
        text.remove_suffix(1);
    return std::string(trimmed(text));
}

void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors) {
    // The first question of each single-use focus, and of each clarity area, for the message about a second one.
    std::array<std::optional<uint32_t>, kAllFocus.size()> firstOfFocus{};
    std::array<std::optional<uint32_t>, kAreaCount> firstOfArea{};

    for (uint32_t index = 0; index < step.questionCount(); ++index) {
        const sdk::QuestionView question = step.question(index);
        const std::string_view focusText = question.attribute(kFocusAttribute);
        const std::optional<Focus> focus = parseFocus(focusText);
        if (!focus) {
            if (focusText.empty())
                errors.report(index, "attributes", std::string("attribute \"focus\" is missing; ") + kFocusChoices);
            else
                errors.report(index, "attributes.focus",
                              "unknown focus \"" + std::string(focusText) + "\"; " + kFocusChoices);
            continue;
        }

        const alignkiosk_question_kind_v1 expected = kindFor(*focus);
        const bool rightKind = question.kind() == expected;
        if (!rightKind)
            errors.report(index, "kind",
                          std::string("a \"") + focusName(*focus) + "\" question must be of kind \"" +
                              kindName(expected) + "\", not \"" + kindName(question.kind()) + "\"");
        checkAttributes(index, question, *focus, errors);

        if (*focus == Focus::Clarity) {
            const std::string_view areaText = question.attribute(kAreaAttribute);
            const std::optional<Area> area = parseArea(areaText);
            if (!area) {
                if (areaText.empty())
                    errors.report(index, "attributes",
                                  std::string("a \"clarity\" question needs attribute \"area\"; ") + kAreaChoices);
                else
                    errors.report(index, "attributes.area",
                                  "unknown area \"" + std::string(areaText) + "\"; " + kAreaChoices);
            } else {
                std::optional<uint32_t>& first = firstOfArea[static_cast<size_t>(*area)];
                if (first)
                    errors.report(index, "attributes.area",
                                  std::string("area \"") + areaName(*area) + "\" is already asked by question " +
                                      std::to_string(*first + 1) + " of this step; ask each area once");
                else
                    first = index;
            }
            if (rightKind) checkClarityOptions(index, question, errors);
        } else {
            std::optional<uint32_t>& first = firstOfFocus[static_cast<size_t>(*focus)];
            if (first)
                errors.report(index, "attributes.focus",
                              std::string("only one \"") + focusName(*focus) + "\" question is allowed per step; "
                                  "question " + std::to_string(*first + 1) + " is one already");
            else
                first = index;
        }

        if (rightKind && (*focus == Focus::Smmart || *focus == Focus::Opportunity) &&
            question.optionCount() > kMaxOptions)
            errors.report(index, "options",
                          "at most " + std::to_string(kMaxOptions) + " options fit on one page as big buttons, this "
                              "question has " + std::to_string(question.optionCount()));
    }
}

} // namespace alignkiosk::plugins::focus_assessment
