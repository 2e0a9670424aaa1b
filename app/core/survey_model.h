// The survey as the kiosk understands it: what surveys/*.json describe (schema in surveys/README.md).
// Plain data; no ImGui, no SQLite, no plugin types.
#pragma once

#include "anonymity_policy.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace alignkiosk::core {

// Where a value stood in its file, for FILE:LINE:COL messages (1-based; 0 when unknown).
struct SourceLocation {
    uint32_t line = 0;
    uint32_t column = 0;
};

enum class QuestionKind : uint32_t { Scale = 0, Text = 1, Choice = 2, MultiChoice = 3, Allocation = 4, Percent = 5 };

// The names used in survey files, e.g. "scale", "multi_choice". Empty for an unknown kind.
const char* questionKindName(QuestionKind kind);
std::optional<QuestionKind> questionKindFromName(const std::string& name);

struct Option {
    std::string id;
    std::string label;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::Scale;
    std::string prompt;
    std::string help;
    bool required = true;
    // Scale: inclusive range, one label per point.
    std::string scaleName; // the survey's named scale this question uses; empty when written inline
    int scaleMin = 1;
    int scaleMax = 5;
    std::vector<std::string> scaleLabels;
    // Choice, MultiChoice, Allocation.
    std::vector<Option> options;
    uint32_t total = 100;      // Allocation
    uint32_t maxLength = 280;  // Text, in bytes
    std::map<std::string, std::string> attributes;

    // Locations of the question and of its members, so module-reported problems can point into the file.
    SourceLocation location;
    std::map<std::string, SourceLocation> fieldLocations;
};

struct Step {
    std::string id;
    std::string moduleId;
    std::string title;
    std::string intro;
    std::vector<Question> questions;
    SourceLocation location;
    SourceLocation moduleLocation;
};

// How the participant screens look: "kiosk": {"theme"} in a survey file, or `run --theme`.
enum class ThemeKind : uint32_t { Light = 0, Dark = 1, HighContrast = 2 };

// The names used in survey files: "light", "dark", "high_contrast". Empty for an unknown kind.
const char* themeKindName(ThemeKind kind);
std::optional<ThemeKind> themeKindFromName(const std::string& name);

// "kiosk": {...}: how the station behaves in the workshop room. Command-line flags override each of these.
struct KioskSettings {
    // The ranges a survey file may set (surveys/README.md); the command line may go lower, for tests.
    static constexpr uint32_t kMinIdleSeconds = 5;
    static constexpr uint32_t kMaxIdleSeconds = 3600;
    static constexpr uint32_t kMinStillThereSeconds = 5;
    static constexpr uint32_t kMaxStillThereSeconds = 120;

    uint32_t idleTimeout = 60; // seconds without a touch before "Still there?"
    uint32_t stillThere = 15;  // seconds "Still there?" counts down before the answers are wiped
    ThemeKind theme = ThemeKind::Light;
};

// A team participants can pick. Answers store its id, so a team counts as one whatever language it was picked in.
struct Team {
    std::string id;
    std::string label; // what participants see

    Team() = default;
    // A team written as plain text in a file: its name is its id. Implicit, so a list of names is a list of teams.
    Team(std::string name) : id(name), label(std::move(name)) {}
    Team(const char* name) : Team(std::string(name)) {}
    Team(std::string teamId, std::string teamLabel) : id(std::move(teamId)), label(std::move(teamLabel)) {}
    bool operator==(const Team&) const = default;
};

// Where a participant-facing text stands in a survey file, member names and list indexes from the root:
// {"steps", "0", "questions", "2", "prompt"}, {"teams", "1", "label"}. A question's scale labels stand under its own
// "scale", also when the file names a scale from "scales".
using TextPath = std::vector<std::string>;
// One text in each language a file gives it in: language code -> text.
using Wording = std::map<std::string, std::string>;

struct Survey {
    std::string id;
    uint32_t version = 1;
    // Every language the file holds, the default first ("languages", or the one "language").
    std::vector<std::string> languages{"en"};
    // The language every text below is in (survey_languages.h: resolvedSurvey gives the survey in another).
    std::string language = "en";
    std::string title;
    std::string intro;
    std::vector<Team> teams; // empty: no team question
    // "anonymity": {"min_group", "min_group_text"}: the smallest group shown on the dashboard (never below kFloor).
    AnonymityThresholds anonymity;
    KioskSettings kiosk;
    std::vector<Step> steps;
    std::string sourcePath;
    // The texts the file gives per language, by where they stand. Texts written as a plain string are not here: they
    // read the same in every language.
    std::map<TextPath, Wording> wordings;
};

} // namespace alignkiosk::core
