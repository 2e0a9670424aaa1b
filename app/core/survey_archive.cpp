// Reads a survey file that passed the schema check (survey_validator.h) into core::Survey with cereal. Separate from
// the check because it trusts its input and only maps members to the model: the cereal archive and its load
// functions stay out of the files that report problems to people.
//
// The load functions read the shapes a person writes (members in any order, optional members, a scale by name or
// inline, attributes as a plain object). They run only on files that passed the shape check, so every member is
// known and well-typed; anything else throws, and the caller reports it as our bug rather than the file's.
// The ones for model types live in alignkiosk::core itself, not an anonymous namespace, because cereal finds them by
// argument-dependent lookup; the helpers and ScaleDefinition (with its load) stay private to this file.

#include "survey_archive.h"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace alignkiosk::core {

namespace {
namespace survey_file {

// A scale as written in a file, before it is copied into each question that uses it.
struct ScaleDefinition {
    int min = 1;
    int max = 5;
    std::vector<std::string> labels;
};

// Calls `loadMember(key)` for each member of the current node in file order; it must consume the member.
template <class LoadMember>
void forEachMember(cereal::JSONInputArchive& archive, LoadMember&& loadMember) {
    while (const char* name = archive.getNodeName()) loadMember(std::string(name));
}

[[noreturn]] void unexpected(const std::string& key) {
    throw cereal::Exception("unexpected field \"" + key + "\"");
}

void apply(const ScaleDefinition& scale, Question& question) {
    question.scaleMin = scale.min;
    question.scaleMax = scale.max;
    question.scaleLabels = scale.labels;
}

// cereal's JSON archive cannot say what type the next value has; a value that is not a string makes RapidJSON's
// assertion throw (the project's one definition, app/core/rapidjson_config.h) before anything is consumed, so the
// value can then be read as an object instead.
bool loadIfString(cereal::JSONInputArchive& archive, std::string& text) {
    try {
        archive(text);
        return true;
    } catch (const json::AssertionFailure&) {
        return false;
    }
}

// A participant-facing text: a string, or one text per language {"en": ..., "de": ...}. The per-language texts are
// taken from the positioned tree (survey_loader.cpp) and resolved there, so here an object leaves `text` empty.
void loadText(cereal::JSONInputArchive& archive, std::string& text) {
    if (loadIfString(archive, text)) return;
    archive.startNode();
    forEachMember(archive, [&](const std::string&) {
        std::string ignored;
        archive(ignored);
    });
    archive.finishNode();
}

// A list whose items are each read by loadItem.
template <class Item, class LoadItem>
void loadList(cereal::JSONInputArchive& archive, std::vector<Item>& items, LoadItem&& loadItem) {
    archive.startNode();
    cereal::size_type size = 0;
    archive.loadSize(size);
    items.resize(static_cast<std::size_t>(size));
    for (Item& item : items) loadItem(item);
    archive.finishNode();
}

void loadTexts(cereal::JSONInputArchive& archive, std::vector<std::string>& texts) {
    loadList(archive, texts, [&](std::string& text) { loadText(archive, text); });
}

void load(cereal::JSONInputArchive& archive, ScaleDefinition& scale) {
    forEachMember(archive, [&](const std::string& key) {
        if (key == "min") archive(scale.min);
        else if (key == "max") archive(scale.max);
        else if (key == "labels") loadTexts(archive, scale.labels);
        else unexpected(key);
    });
}

// A team: its name as plain text (the name is its id), or {"id", "label"}.
void loadTeams(cereal::JSONInputArchive& archive, std::vector<Team>& teams) {
    loadList(archive, teams, [&](Team& team) {
        std::string name;
        if (loadIfString(archive, name)) {
            team = Team(std::move(name));
            return;
        }
        archive.startNode();
        forEachMember(archive, [&](const std::string& key) {
            if (key == "id") archive(team.id);
            else if (key == "label") loadText(archive, team.label);
            else unexpected(key);
        });
        archive.finishNode();
    });
}

void loadAttributes(cereal::JSONInputArchive& archive, std::map<std::string, std::string>& attributes) {
    archive.startNode();
    forEachMember(archive, [&](const std::string& key) { loadText(archive, attributes[key]); });
    archive.finishNode();
}

void loadAnonymity(cereal::JSONInputArchive& archive, AnonymityThresholds& anonymity) {
    archive.startNode();
    forEachMember(archive, [&](const std::string& key) {
        if (key == "min_group") archive(anonymity.ratings);
        else if (key == "min_group_text") archive(anonymity.text);
        else unexpected(key);
    });
    archive.finishNode();
}

void loadKiosk(cereal::JSONInputArchive& archive, KioskSettings& kiosk) {
    archive.startNode();
    forEachMember(archive, [&](const std::string& key) {
        if (key == "idle_timeout") {
            archive(kiosk.idleTimeout);
        } else if (key == "still_there") {
            archive(kiosk.stillThere);
        } else if (key == "theme") {
            std::string name;
            archive(name);
            const auto theme = themeKindFromName(name);
            if (!theme) unexpected("theme " + name);
            kiosk.theme = *theme;
        } else {
            unexpected(key);
        }
    });
    archive.finishNode();
}

void loadNamedScales(cereal::JSONInputArchive& archive, std::map<std::string, ScaleDefinition>& scales) {
    archive.startNode();
    forEachMember(archive, [&](const std::string& key) { archive(scales[key]); });
    archive.finishNode();
}

} // namespace survey_file
} // namespace

void load(cereal::JSONInputArchive& archive, Option& option) {
    survey_file::forEachMember(archive, [&](const std::string& key) {
        if (key == "id") archive(option.id);
        else if (key == "label") survey_file::loadText(archive, option.label);
        else survey_file::unexpected(key);
    });
}

void load(cereal::JSONInputArchive& archive, Question& question) {
    survey_file::forEachMember(archive, [&](const std::string& key) {
        if (key == "id") {
            archive(question.id);
        } else if (key == "kind") {
            std::string name;
            archive(name);
            const auto kind = questionKindFromName(name);
            if (!kind) survey_file::unexpected("kind " + name);
            question.kind = *kind;
        } else if (key == "prompt") {
            survey_file::loadText(archive, question.prompt);
        } else if (key == "help") {
            survey_file::loadText(archive, question.help);
        } else if (key == "required") {
            archive(question.required);
        } else if (key == "attributes") {
            survey_file::loadAttributes(archive, question.attributes);
        } else if (key == "scale") {
            // A name is resolved by load(Survey) once the survey's "scales" are read, wherever they stand.
            if (!survey_file::loadIfString(archive, question.scaleName)) {
                survey_file::ScaleDefinition scale;
                archive(scale);
                survey_file::apply(scale, question);
            }
        } else if (key == "options") {
            archive(question.options);
        } else if (key == "total") {
            archive(question.total);
        } else if (key == "max_length") {
            archive(question.maxLength);
        } else {
            survey_file::unexpected(key);
        }
    });
}

void load(cereal::JSONInputArchive& archive, Step& step) {
    survey_file::forEachMember(archive, [&](const std::string& key) {
        if (key == "id") archive(step.id);
        else if (key == "module") archive(step.moduleId);
        else if (key == "title") survey_file::loadText(archive, step.title);
        else if (key == "intro") survey_file::loadText(archive, step.intro);
        else if (key == "questions") archive(step.questions);
        else survey_file::unexpected(key);
    });
}

// Reads the members of the archive's root object (called directly, not through archive(...), which would read the
// root's first member as the survey).
void load(cereal::JSONInputArchive& archive, Survey& survey) {
    std::map<std::string, survey_file::ScaleDefinition> scales;
    survey.languages.clear();
    survey_file::forEachMember(archive, [&](const std::string& key) {
        if (key == "id") archive(survey.id);
        else if (key == "version") archive(survey.version);
        else if (key == "language") archive(survey.language);
        else if (key == "languages") archive(survey.languages);
        else if (key == "title") survey_file::loadText(archive, survey.title);
        else if (key == "intro") survey_file::loadText(archive, survey.intro);
        else if (key == "teams") survey_file::loadTeams(archive, survey.teams);
        else if (key == "anonymity") survey_file::loadAnonymity(archive, survey.anonymity);
        else if (key == "kiosk") survey_file::loadKiosk(archive, survey.kiosk);
        else if (key == "scales") survey_file::loadNamedScales(archive, scales);
        else if (key == "steps") archive(survey.steps);
        else survey_file::unexpected(key);
    });
    for (Step& step : survey.steps)
        for (Question& question : step.questions) {
            if (question.scaleName.empty()) continue;
            const auto scale = scales.find(question.scaleName);
            if (scale == scales.end()) throw cereal::Exception("unknown scale \"" + question.scaleName + "\"");
            survey_file::apply(scale->second, question);
        }
    // One "language", or none (English), is a survey in one language; "languages" names the default first.
    if (survey.languages.empty()) survey.languages.push_back(survey.language);
    survey.language = survey.languages.front();
}

Survey readCheckedSurvey(std::string_view json) {
    Survey survey;
    std::istringstream stream{std::string(json)};
    cereal::JSONInputArchive archive(stream);
    load(archive, survey);
    return survey;
}

} // namespace alignkiosk::core
