// One call into plugin code. The ABI forbids exceptions across the boundary and the SDK's C++ layer catches them, but
// a plugin written straight against the C ABI in C++ may still throw; the kiosk must not go down with it.
#pragma once

#include <utility>

namespace alignkiosk::plugin_host {

// Runs `call`; false when it threw (whatever it threw).
template <class Call>
bool callPlugin(Call&& call) noexcept {
    try {
        std::forward<Call>(call)();
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace alignkiosk::plugin_host
