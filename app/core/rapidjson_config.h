// How RapidJSON is configured, once for the whole program. Force-included (-include) into every C++ file that links
// alignkiosk::json (third_party/CMakeLists.txt), so it comes before any RapidJSON or cereal header.
//
// Why one definition: RapidJSON is templates, instantiated in every file that includes it, and the linker keeps one
// copy of each function for the whole program. cereal's JSON archive defines RAPIDJSON_ASSERT to throw (and sets
// its own default flags) before it includes RapidJSON; a file that included RapidJSON without cereal got assert().
// Without inlining and with assertions on (-O0, no NDEBUG) the linker could give cereal's archive the aborting copy,
// and a valid survey with an inline scale aborted the kiosk: the survey archive reads a scale's name and relies on
// the assertion throwing when the value is an object instead (survey_archive.cpp, loadIfString).
#pragma once

#if defined(RAPIDJSON_ASSERT) || defined(RAPIDJSON_PARSE_DEFAULT_FLAGS) || defined(RAPIDJSON_WRITE_DEFAULT_FLAGS)
#error "RapidJSON is configured in app/core/rapidjson_config.h only"
#endif

#include <stdexcept>

namespace alignkiosk::json {

// A RapidJSON precondition that did not hold: a value read as a type it does not have, most often. Parse errors are
// not assertions; RapidJSON reports them as results.
class AssertionFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace alignkiosk::json

// Newer RapidJSON versions read this to keep noexcept functions from throwing; 1.1.0 (Debian 12) ignores it.
#define RAPIDJSON_ASSERT_THROWS
// An expression, not an if statement, so it is safe wherever RapidJSON writes an assertion.
#define RAPIDJSON_ASSERT(condition)                                                                                   \
    (static_cast<bool>(condition) ? static_cast<void>(0)                                                              \
                                  : throw ::alignkiosk::json::AssertionFailure(                                        \
                                        "rapidjson internal assertion failure: " #condition))

// The defaults cereal's archive sets for itself (NaN and infinities round-trip; full-precision doubles), for every
// file, so that no two files instantiate RapidJSON's default-flag functions differently either. Code that reads
// outside input passes its own flags (strict JSON, no NaN; answer_payload.cpp, json_document.cpp).
#define RAPIDJSON_WRITE_DEFAULT_FLAGS kWriteNanAndInfFlag
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseFullPrecisionFlag | kParseNanAndInfFlag
