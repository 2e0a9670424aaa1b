// The report's paper: A4, except Letter where the locale says US or Canadian English. The locale is the first set of
// LC_ALL, LC_PAPER and LANG (POSIX precedence), e.g. "en_US.UTF-8" or "en_CA" give Letter; anything else, or none, A4.
#pragma once

#include <functional>
#include <string>

namespace alignkiosk::report {

struct PaperSize {
    const char* name = "A4";
    double width = 595.276;  // PostScript points (1/72 inch): 210 mm
    double height = 841.89;  // 297 mm
};

PaperSize a4();
PaperSize letter(); // 8.5 x 11 in

// `variable` reads the environment (getenv by default; tests pass their own).
PaperSize paperForLocale(const std::function<const char*(const char*)>& variable = {});

} // namespace alignkiosk::report
