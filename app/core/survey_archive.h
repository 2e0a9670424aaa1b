// Reads a survey file that passed the schema check into core::Survey with cereal. Separate from the check
// (survey_validator.h) because it trusts its input and only maps members to the model; cereal stays out of this
// header and out of the files that report problems to people.
#pragma once

#include "survey_model.h"

#include <string_view>

namespace alignkiosk::core {

// The survey in `json` (the file's text without a byte order mark), which must have passed validateSurvey. Throws a
// std::exception when it cannot be read: validateSurvey and this reader disagree, a bug here rather than the file's.
Survey readCheckedSurvey(std::string_view json);

} // namespace alignkiosk::core
