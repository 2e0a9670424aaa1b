// The survey loader's entry points (survey_loader.h): reads the file, runs the three passes in order, hands each step
// to its module, points module problems at their place in the file and sorts what was found. The schema check
// (survey_validator.cpp) and the cereal reader (survey_archive.cpp) are separate files, one concern each; this one
// only ties them together.

#include "survey_loader.h"

#include "json_document.h"
#include "survey_archive.h"
#include "survey_languages.h"
#include "survey_validator.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>

// Index
// [SECTION] Locations, languages and module checks
// [SECTION] Entry points

namespace alignkiosk::core {

namespace {

// [SECTION] Locations, languages and module checks -----------------------------------------------------------------

// Copies where each step, question and question member stood, so module problems can point into the file.
// The tree and the survey have the same shape here: the survey was read from the file the tree came from.
void recordLocations(const JsonValue& root, Survey& survey) {
    const JsonValue* steps = root.find("steps");
    if (!steps) return;
    for (size_t s = 0; s < std::min(steps->items.size(), survey.steps.size()); ++s) {
        const JsonValue& stepValue = steps->items[s];
        Step& step = survey.steps[s];
        step.location = stepValue.location;
        if (const JsonValue* module = stepValue.find("module")) step.moduleLocation = module->location;
        const JsonValue* questions = stepValue.find("questions");
        if (!questions) continue;
        for (size_t q = 0; q < std::min(questions->items.size(), step.questions.size()); ++q) {
            const JsonValue& questionValue = questions->items[q];
            Question& question = step.questions[q];
            question.location = questionValue.location;
            for (const JsonMember& member : questionValue.members)
                question.fieldLocations[member.key] = member.value.location;
            // "attributes.group": lets a module point at one attribute rather than at the whole object.
            if (const JsonValue* attributes = questionValue.find("attributes"))
                for (const JsonMember& attribute : attributes->members)
                    question.fieldLocations["attributes." + attribute.key] = attribute.value.location;
        }
    }
}

// The value at `path` in the tree, or nullptr. A question's scale named from "scales" is followed there.
const JsonValue* nodeAt(const JsonValue& root, const TextPath& path) {
    const JsonValue* node = &root;
    for (std::size_t i = 0; i < path.size() && node; ++i) {
        const std::string& part = path[i];
        if (node->isArray()) {
            const std::size_t index = std::stoul(part);
            node = index < node->items.size() ? &node->items[index] : nullptr;
        } else {
            node = node->isObject() ? node->find(part) : nullptr;
        }
        if (node && part == "scale" && node->isString() && i + 1 < path.size()) {
            const JsonValue* scales = root.find("scales");
            node = scales ? scales->find(node->text) : nullptr;
        }
    }
    return node;
}

// Keeps every text the file gives per language (an object {"en": ..., "de": ...}) in survey.wordings; the archive
// reader left those texts empty.
void collectWordings(const JsonValue& root, Survey& survey) {
    forEachText(std::as_const(survey), [&](const TextPath& path, const std::string&) {
        const JsonValue* node = nodeAt(root, path);
        if (!node || !node->isObject()) return;
        Wording wording;
        for (const JsonMember& member : node->members)
            if (member.value.isString()) wording.emplace(member.key, member.value.text);
        survey.wordings.emplace(path, std::move(wording));
    });
}

SourceLocation locationOf(const Step& step, const ModuleContentProblem& problem) {
    if (problem.questionIndex == ModuleContentProblem::kWholeStep || problem.questionIndex >= step.questions.size())
        return step.location;
    const Question& question = step.questions[problem.questionIndex];
    if (!problem.field.empty()) {
        const auto field = question.fieldLocations.find(problem.field);
        if (field != question.fieldLocations.end()) return field->second;
    }
    return question.location;
}

void checkModuleContent(const Survey& survey, const ModuleCatalog& modules, const std::string& file,
                        std::vector<Diagnostic>& diagnostics) {
    for (const Step& step : survey.steps) {
        const std::string prefix = "module " + detail::inQuotes(step.moduleId) + ": ";
        try {
            for (const ModuleContentProblem& problem : modules.checkContent(step))
                diagnostics.push_back(Diagnostic{file, locationOf(step, problem), prefix + problem.message});
        } catch (const std::exception& error) {
            diagnostics.push_back(
                Diagnostic{file, step.location, prefix + "failed while checking this step: " + error.what()});
        } catch (...) {
            diagnostics.push_back(Diagnostic{file, step.location, prefix + "failed while checking this step"});
        }
    }
}

// [SECTION] Entry points ------------------------------------------------------------------------------------------

SurveyLoadResult failure(const std::string& file, SourceLocation location, std::string message) {
    SurveyLoadResult result;
    result.diagnostics.push_back(Diagnostic{file, location, std::move(message)});
    return result;
}

void sortByLocation(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
    });
}

SurveyLoadResult parse(std::string_view text, const std::string& file, const ModuleCatalog& modules) {
    JsonLimits limits;
    limits.maxBytes = kMaxSurveyFileBytes;
    // Both readers see the same text: parseJsonDocument skips one byte order mark, and so does this.
    const std::string_view body = withoutByteOrderMark(text);
    JsonParseResult json = parseJsonDocument(text, limits);
    if (!json.ok()) return failure(file, json.error.location, std::move(json.error.message));

    SurveyLoadResult result;
    validateSurvey(*json.root, file, modules, result.diagnostics);
    if (!result.diagnostics.empty()) {
        sortByLocation(result.diagnostics);
        return result;
    }

    Survey survey;
    try {
        survey = readCheckedSurvey(body);
    } catch (const std::exception& error) {
        // The shape check and the load functions disagree: a bug in the loader, reported rather than hidden.
        return failure(file, {}, std::string("internal error: the survey passed validation but could not be read: ") +
                                     error.what());
    }
    survey.sourcePath = file;
    recordLocations(*json.root, survey);
    collectWordings(*json.root, survey);
    survey = resolvedSurvey(survey, survey.languages.front());

    // Each language is checked: a module's rules may concern texts. A problem found in several is told once.
    std::set<std::tuple<uint32_t, uint32_t, std::string>> told;
    for (const std::string& language : survey.languages) {
        std::vector<Diagnostic> found;
        checkModuleContent(resolvedSurvey(survey, language), modules, file, found);
        for (Diagnostic& diagnostic : found)
            if (told.emplace(diagnostic.location.line, diagnostic.location.column, diagnostic.message).second)
                result.diagnostics.push_back(std::move(diagnostic));
    }
    sortByLocation(result.diagnostics);
    if (result.diagnostics.empty()) result.survey = std::move(survey);
    return result;
}

struct FileCloser {
    void operator()(std::FILE* handle) const { std::fclose(handle); }
};

std::string errnoText(int error) {
    return std::generic_category().message(error);
}

} // namespace

SurveyLoadResult parseSurvey(std::string_view text, const std::string& displayPath, const ModuleCatalog& modules) {
    try {
        return parse(text, displayPath, modules);
    } catch (const std::exception& error) {
        return failure(displayPath, {}, std::string("cannot read the survey: ") + error.what());
    } catch (...) {
        return failure(displayPath, {}, "cannot read the survey: unknown error");
    }
}

SurveyLoadResult loadSurvey(const std::filesystem::path& path, const ModuleCatalog& modules) {
    std::string file;
    try {
        file = path.string();
        std::error_code error;
        const std::filesystem::file_status status = std::filesystem::status(path, error);
        if (std::filesystem::is_directory(status)) return failure(file, {}, "cannot read file: " + errnoText(EISDIR));
        // Opening a FIFO waits for a writer that may never come; the kiosk must not hang at start.
        if (std::filesystem::is_fifo(status) || std::filesystem::is_socket(status))
            return failure(file, {}, "cannot read file: not a regular file");

        // Read at most one byte past the limit, so a huge file or an endless device is not read whole.
        const std::unique_ptr<std::FILE, FileCloser> handle(std::fopen(file.c_str(), "rb"));
        if (!handle) return failure(file, {}, "cannot read file: " + errnoText(errno));
        std::string text;
        std::array<char, 64 * 1024> buffer{};
        while (text.size() <= kMaxSurveyFileBytes) {
            const size_t count = std::fread(buffer.data(), 1, buffer.size(), handle.get());
            text.append(buffer.data(), count);
            if (count == buffer.size()) continue;
            if (std::ferror(handle.get())) return failure(file, {}, "cannot read file: " + errnoText(errno));
            break;
        }
        if (text.size() > kMaxSurveyFileBytes)
            return failure(file, {}, "the file is too large (more than " +
                                         std::to_string(kMaxSurveyFileBytes / (1024 * 1024)) +
                                         " MiB); a survey file is a few kilobytes");
        return parseSurvey(text, file, modules);
    } catch (const std::exception& error) {
        return failure(file, {}, std::string("cannot read file: ") + error.what());
    } catch (...) {
        return failure(file, {}, "cannot read file: unknown error");
    }
}

} // namespace alignkiosk::core
