#include "diagnostic.h"

namespace alignkiosk::core {

std::string Diagnostic::format() const {
    std::string text = file;
    if (location.line != 0) {
        text += ':' + std::to_string(location.line);
        if (location.column != 0) text += ':' + std::to_string(location.column);
    }
    text += ": ";
    text += message;
    return text;
}

} // namespace alignkiosk::core
