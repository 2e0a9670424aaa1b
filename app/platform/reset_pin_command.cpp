// `alignkiosk reset-pin`: for a facilitator who forgot the PIN. Whoever can run commands on the machine controls the
// store anyway, so a terminal is proof enough; the next start asks for a new PIN before any participant can use it.
#include "commands.h"

#include "command_support.h"

#include "core/facilitator_pin.h"

#include <iostream>

namespace alignkiosk::platform {

int resetPin(const CommandLine& commandLine) {
    std::unique_ptr<core::AnswerStore> store = openStoreFor(commandLine);
    if (!store) return kStoreRefused;
    try {
        const bool hadPin = core::resetPin(*store);
        if (hadPin)
            std::cout << "Cleared the facilitator PIN of " << store->path().string()
                      << ". The next start of the kiosk asks for a new PIN before anyone can use it.\n";
        else
            std::cout << "No facilitator PIN was set in " << store->path().string()
                      << "; the next start of the kiosk asks for one.\n";
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }
    return 0;
}

} // namespace alignkiosk::platform
