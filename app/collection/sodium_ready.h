// libsodium must be initialised once per process before its random source or its fastest implementations are used.
#pragma once

namespace alignkiosk::collection {

// Initialises libsodium on first use (thread-safe); throws std::runtime_error when it cannot be.
void requireSodium();

} // namespace alignkiosk::collection
