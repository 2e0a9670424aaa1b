#include "summary_csv.h"

#include <charconv>
#include <cmath>

namespace alignkiosk::core {

namespace {

// Fixed 4 decimals through std::to_chars (and counts through std::to_string), which ignore the locale: a stream
// imbued with a German locale must not write "3,5000" or "1.000".
std::string number(double value) {
    if (!std::isfinite(value)) return {};
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
    if (result.ec != std::errc()) return {};
    std::string text(buffer, result.ptr);
    return text == "-0.0000" ? std::string("0.0000") : text; // a tiny negative rounding error is no sign
}

} // namespace

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void writeSummaryCsv(const DashboardModel& model, std::ostream& out) {
    out << kSummaryCsvHeader << '\n';
    for (const RatedItem& item : model.ratedItems)
        for (const GroupItem& group : item.groups) {
            const ItemStatistics& statistics = group.statistics;
            out << csvField(model.surveyId) << ',' << csvField(item.moduleId) << ',' << csvField(item.questionId)
                << ',' << csvField(group.group) << ',' << std::to_string(statistics.n) << ',' << number(statistics.mean) << ','
                << number(statistics.sd) << ',' << number(statistics.median) << ','
                << (statistics.hasRwg ? number(statistics.rwg) : std::string()) << ',' << number(statistics.ad)
                << ',' << number(statistics.consensus) << '\n';
        }
}

} // namespace alignkiosk::core
