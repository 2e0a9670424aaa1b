// Reads a survey file (surveys/*.json, schema in surveys/README.md) into the model, or says precisely what is wrong:
// every problem, each as FILE:LINE:COL: message. Never throws and never crashes on any input.
//
// Three passes: RapidJSON builds a positioned tree (malformed JSON stops here with one diagnostic); the tree is
// checked against the schema and the installed modules (every problem is reported); only a clean file is then read
// with cereal into the model and handed to each step's module for its own content check.
#pragma once

#include "diagnostic.h"
#include "module_catalog.h"
#include "survey_model.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

struct SurveyLoadResult {
    std::optional<Survey> survey;        // set only when there are no diagnostics
    std::vector<Diagnostic> diagnostics; // sorted by line and column
    bool ok() const { return survey.has_value() && diagnostics.empty(); }
};

// Survey files larger than this are refused before they are read.
inline constexpr size_t kMaxSurveyFileBytes = 4u * 1024u * 1024u;

SurveyLoadResult loadSurvey(const std::filesystem::path& path, const ModuleCatalog& modules);

// `displayPath` is the FILE in messages and becomes Survey::sourcePath.
SurveyLoadResult parseSurvey(std::string_view text, const std::string& displayPath, const ModuleCatalog& modules);

} // namespace alignkiosk::core
