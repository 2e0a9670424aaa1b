// What the dashboard and the report call a step's module: "diagnostic_signs" -> "Diagnostic signs".
#pragma once

#include "core/messages.h"

#include <string>

namespace alignkiosk::core {

std::string moduleTitle(const std::string& moduleId);
// The catalog's name for the module in its language ("module_<id>": the bundled modules have one), else the above.
std::string moduleTitle(const std::string& moduleId, const Messages& messages);

} // namespace alignkiosk::core
