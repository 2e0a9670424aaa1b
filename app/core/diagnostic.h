// One problem found in a file, at the place a person has to look: "FILE:LINE:COL: message", the format compilers
// use, so editors and terminals can jump to it.
#pragma once

#include "survey_model.h"

#include <string>

namespace alignkiosk::core {

struct Diagnostic {
    std::string file;
    SourceLocation location; // line 0: about the file as a whole (cannot read it, too large)
    std::string message;

    // "FILE:LINE:COL: message"; "FILE:LINE: message" without a column; "FILE: message" without a line.
    std::string format() const;
};

} // namespace alignkiosk::core
