// The shell's own words (assets/strings/<language>.json, {"key": "text", ...}): a file a translator edits by hand.
// parseStringTable on any bytes: never throws or crashes, and either a table or an error, never both.
#include "fuzz_check.h"

#include "core/string_table.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace alignkiosk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const core::StringTableResult result = core::parseStringTable(text, "fuzz.json");
    if (!result.error.empty() && !result.strings.empty()) fuzz::brokenPromise("strings kept beside an error");
    return 0;
}
