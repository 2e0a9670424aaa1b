#include "report/paper_size.h"

#include <cstdlib>
#include <string_view>

namespace alignkiosk::report {

PaperSize a4() { return PaperSize{}; }

PaperSize letter() { return PaperSize{"Letter", 612.0, 792.0}; }

PaperSize paperForLocale(const std::function<const char*(const char*)>& variable) {
    const auto read = [&](const char* name) -> std::string_view {
        const char* value = variable ? variable(name) : std::getenv(name);
        return value ? std::string_view(value) : std::string_view();
    };
    std::string_view locale;
    for (const char* name : {"LC_ALL", "LC_PAPER", "LANG"})
        if (locale = read(name); !locale.empty()) break;
    // language_TERRITORY[.codeset][@modifier]: only the first five characters matter.
    const std::string_view tag = locale.substr(0, locale.find_first_of(".@"));
    return tag == "en_US" || tag == "en_CA" ? letter() : a4();
}

} // namespace alignkiosk::report
