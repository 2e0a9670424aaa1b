#include "sodium_ready.h"

#include <sodium.h>

#include <stdexcept>

namespace alignkiosk::collection {

void requireSodium() {
    // sodium_init() returns 1 when it already ran, 0 the first time, -1 when it cannot work.
    static const int result = sodium_init();
    if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

} // namespace alignkiosk::collection
