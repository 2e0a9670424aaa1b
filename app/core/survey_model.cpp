#include "survey_model.h"

#include <array>
#include <utility>

namespace alignkiosk::core {

namespace {
constexpr std::array<std::pair<QuestionKind, const char*>, 6> kKindNames{{
    {QuestionKind::Scale, "scale"},
    {QuestionKind::Text, "text"},
    {QuestionKind::Choice, "choice"},
    {QuestionKind::MultiChoice, "multi_choice"},
    {QuestionKind::Allocation, "allocation"},
    {QuestionKind::Percent, "percent"},
}};
} // namespace

const char* questionKindName(QuestionKind kind) {
    for (const auto& [value, name] : kKindNames)
        if (value == kind) return name;
    return "";
}

std::optional<QuestionKind> questionKindFromName(const std::string& name) {
    for (const auto& [value, kindName] : kKindNames)
        if (name == kindName) return value;
    return std::nullopt;
}

} // namespace alignkiosk::core
