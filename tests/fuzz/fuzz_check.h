// What a fuzz target does when the code under test breaks a promise without crashing: print why and abort, so
// libFuzzer records the input as a crash and the corpus replay in ctest fails on it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace alignkiosk::fuzz {

[[noreturn]] inline void brokenPromise(const std::string& what) {
    std::fprintf(stderr, "broken promise: %s\n", what.c_str());
    std::abort();
}

} // namespace alignkiosk::fuzz
