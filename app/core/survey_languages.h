// A survey in one of its languages. The loaded model keeps every language's texts (Survey::wordings) and its own
// texts in the default language; resolvedSurvey gives the same survey with its texts in another, which is what the
// shell, the plugins and the dashboard read. Ids, version, settings and structure never change with the language, so
// answers given in any language are stored and counted together.
#pragma once

#include "survey_model.h"

#include <functional>
#include <string>

namespace alignkiosk::core {

// Calls `visit(path, text)` for every participant-facing text of the survey: its title and intro, team labels, step
// titles and intros, prompts, help, scale labels, option labels and attribute values.
void forEachText(Survey& survey, const std::function<void(const TextPath& path, std::string& text)>& visit);
void forEachText(const Survey& survey, const std::function<void(const TextPath& path, const std::string& text)>& visit);

// The survey with every text in `language`, one of survey.languages; a text the file gives only as a plain string
// stays as it is. Another language gives the survey in its default language.
Survey resolvedSurvey(const Survey& survey, const std::string& language);

} // namespace alignkiosk::core
