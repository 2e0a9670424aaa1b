// The schema check of a survey file: the positioned JSON tree against surveys/README.md and the installed modules,
// every problem collected as a Diagnostic. Separate from the loader (which reads files and runs the passes) and from
// the archive reader (which builds the model) so the schema rules and their messages stand in one place.
#pragma once

#include "diagnostic.h"
#include "json_document.h"
#include "module_catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

// Appends one Diagnostic (with `file` as its FILE) for each problem in `root`, in the order found; appends nothing
// when `root` is a survey that the archive reader can read.
void validateSurvey(const JsonValue& root, const std::string& file, const ModuleCatalog& modules,
                    std::vector<Diagnostic>& diagnostics);

namespace detail {

// Text from a file as it may stand in a one-line message: in double quotes, control characters escaped, long text
// cut short, so a hostile file cannot flood the terminal.
std::string inQuotes(std::string_view text);

} // namespace detail

} // namespace alignkiosk::core
