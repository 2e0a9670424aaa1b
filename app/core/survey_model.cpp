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

constexpr std::array<std::pair<ThemeKind, const char*>, 3> kThemeNames{{
    {ThemeKind::Light, "light"},
    {ThemeKind::Dark, "dark"},
    {ThemeKind::HighContrast, "high_contrast"},
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

const char* themeKindName(ThemeKind kind) {
    for (const auto& [value, name] : kThemeNames)
        if (value == kind) return name;
    return "";
}

std::optional<ThemeKind> themeKindFromName(const std::string& name) {
    for (const auto& [value, kindName] : kThemeNames)
        if (name == kindName) return value;
    return std::nullopt;
}

} // namespace alignkiosk::core
