// What the dashboard and the report call a step's module: "diagnostic_signs" -> "Diagnostic signs".
#pragma once

#include <string>

namespace alignkiosk::core {

std::string moduleTitle(const std::string& moduleId);

} // namespace alignkiosk::core
