// Random bytes from the kernel's CSPRNG, and the random ids and choices the store makes with them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace alignkiosk::core {

// Fills out with random bytes; throws StoreError when the system has none to give.
void fillRandom(unsigned char* out, std::size_t size);
// 32 lowercase hex digits (128 random bits).
std::string randomId();
// Uniform in [0, bound), without modulo bias; bound > 0.
uint64_t randomBelow(uint64_t bound);

} // namespace alignkiosk::core
