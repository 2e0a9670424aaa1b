// One call into plugin code. The ABI forbids exceptions across the boundary and the SDK's C++ layer catches them, but
// a plugin written straight against the C ABI in C++ may still throw; the kiosk must not go down with it. A crash is
// another matter: it cannot be caught, so every call names itself to the witness first (call_witness.h), and whoever
// watches this process learns which module and which function never returned.
#pragma once

#include "plugin_host/call_witness.h"

#include <string_view>
#include <utility>

namespace alignkiosk::plugin_host {

// Runs `call` as the ABI function `function` of module `moduleId` (empty while a plugin is being loaded and has no
// module yet); false when it threw (whatever it threw).
template <class Call>
bool callPlugin(std::string_view moduleId, const char* function, Call&& call) noexcept {
    const WitnessedCall witness(moduleId, function);
    try {
        std::forward<Call>(call)();
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace alignkiosk::plugin_host
