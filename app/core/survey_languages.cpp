#include "survey_languages.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

namespace alignkiosk::core {

namespace {

// One walk for both the const and the mutable survey.
template <class SurveyType, class Visit>
void walkTexts(SurveyType& survey, Visit&& visit) {
    TextPath path;
    const auto at = [&](std::initializer_list<std::string> parts, auto& text) {
        const std::size_t size = path.size();
        path.insert(path.end(), parts);
        visit(static_cast<const TextPath&>(path), text);
        path.resize(size);
    };
    at({"title"}, survey.title);
    at({"intro"}, survey.intro);
    for (std::size_t t = 0; t < survey.teams.size(); ++t)
        at({"teams", std::to_string(t), "label"}, survey.teams[t].label);
    for (std::size_t s = 0; s < survey.steps.size(); ++s) {
        auto& step = survey.steps[s];
        path = {"steps", std::to_string(s)};
        at({"title"}, step.title);
        at({"intro"}, step.intro);
        for (std::size_t q = 0; q < step.questions.size(); ++q) {
            auto& question = step.questions[q];
            path = {"steps", std::to_string(s), "questions", std::to_string(q)};
            at({"prompt"}, question.prompt);
            at({"help"}, question.help);
            for (std::size_t l = 0; l < question.scaleLabels.size(); ++l)
                at({"scale", "labels", std::to_string(l)}, question.scaleLabels[l]);
            for (std::size_t o = 0; o < question.options.size(); ++o)
                at({"options", std::to_string(o), "label"}, question.options[o].label);
            for (auto& [name, value] : question.attributes) at({"attributes", name}, value);
        }
    }
}

} // namespace

void forEachText(Survey& survey, const std::function<void(const TextPath& path, std::string& text)>& visit) {
    walkTexts(survey, visit);
}

void forEachText(const Survey& survey,
                 const std::function<void(const TextPath& path, const std::string& text)>& visit) {
    walkTexts(survey, visit);
}

Survey resolvedSurvey(const Survey& survey, const std::string& language) {
    Survey resolved = survey;
    const bool known = std::find(survey.languages.begin(), survey.languages.end(), language) != survey.languages.end();
    resolved.language = known || survey.languages.empty() ? language : survey.languages.front();
    forEachText(resolved, [&](const TextPath& path, std::string& text) {
        const auto wording = survey.wordings.find(path);
        if (wording == survey.wordings.end()) return;
        auto textIn = wording->second.find(resolved.language);
        // The validator sees that every language is given; the default language stands in for a gap all the same.
        if (textIn == wording->second.end() && !survey.languages.empty())
            textIn = wording->second.find(survey.languages.front());
        if (textIn != wording->second.end()) text = textIn->second;
    });
    return resolved;
}

} // namespace alignkiosk::core
