#include "messages.h"

#include "string_table.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace alignkiosk::core {

namespace detail {
extern const char* const kBuiltinEnglishJson; // builtin_english.cpp, generated from assets/strings/en.json
}

namespace {

// "de", "fr-CA", "pt_BR": ICU takes BCP 47 with hyphens; an unparsable tag formats as the root locale.
icu::Locale localeOf(const std::string& language) {
    std::string tag = language;
    std::replace(tag.begin(), tag.end(), '_', '-');
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    return U_SUCCESS(status) ? locale : icu::Locale::getRoot();
}

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

icu::Formattable formattable(const MessageValue& value) {
    if (const auto* whole = std::get_if<int64_t>(&value)) return icu::Formattable(static_cast<int64_t>(*whole));
    if (const auto* decimal = std::get_if<double>(&value)) return icu::Formattable(*decimal);
    return icu::Formattable(icu::UnicodeString::fromUTF8(std::get<std::string>(value)));
}

std::map<std::string, std::string> readCatalog(const std::filesystem::path& file, std::string& warning) {
    StringTableResult table = loadStringTable(file);
    if (!table.error.empty()) {
        warning += (warning.empty() ? "" : "; ") + table.error;
        return {};
    }
    return std::move(table.strings);
}

// Parsed once: the catalog is the program's own, checked by a test, so it cannot fail here.
const std::map<std::string, std::string>& builtinEnglish() {
    static const std::map<std::string, std::string> catalog =
        parseStringTable(detail::kBuiltinEnglishJson, "built-in en.json").strings;
    return catalog;
}

} // namespace

std::string formatMessage(const std::string& language, std::string_view pattern, const MessageArgs& args) {
    // Parsing a pattern costs far more than filling it in, and the shell and dashboard fill the same few patterns
    // every frame and every model: each is parsed once per language and kept (a catalog's patterns are few). ICU
    // does not promise that one MessageFormat may format on two threads at once, so the lock covers the formatting.
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> parsed;
    constexpr std::size_t kMostKept = 4096; // only a program that formats made-up patterns ever gets here
    std::string key = language;
    key.push_back('\0');
    key.append(pattern);
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = parsed.find(key);
    if (found == parsed.end()) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
            icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
        auto format = std::make_unique<icu::MessageFormat>(source, localeOf(language), status);
        if (U_FAILURE(status)) format.reset(); // remembered as refused too
        if (parsed.size() >= kMostKept) parsed.clear();
        found = parsed.emplace(std::move(key), std::move(format)).first;
    }
    if (!found->second) return std::string(pattern);
    const icu::MessageFormat& format = *found->second;
    UErrorCode status = U_ZERO_ERROR;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        values.push_back(formattable(value));
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
    if (U_FAILURE(status)) return std::string(pattern);
    return utf8(out);
}

std::vector<std::string> messageArguments(std::string_view pattern, bool* ok) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    const icu::MessagePattern parsed(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), &where,
        status);
    if (ok) *ok = U_SUCCESS(status);
    std::vector<std::string> names;
    if (U_FAILURE(status)) return names;
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) names.push_back(utf8(parsed.getSubstring(part)));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::string formatNumber(const std::string& language, double value, int fractionDigits) {
    // Setting up a formatter loads the locale's data; the dashboard writes hundreds of numbers per model in one or two
    // precisions, so each formatter is made once (a LocalizedNumberFormatter is immutable and thread-safe).
    static std::mutex mutex;
    static std::map<std::pair<std::string, int>, icu::number::LocalizedNumberFormatter> formatters;
    const icu::number::LocalizedNumberFormatter* formatter = nullptr;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        auto found = formatters.find({language, fractionDigits});
        if (found == formatters.end())
            found = formatters
                        .emplace(std::pair{language, fractionDigits},
                                 icu::number::NumberFormatter::withLocale(localeOf(language))
                                     .precision(icu::number::Precision::fixedFraction(fractionDigits)))
                        .first;
        formatter = &found->second; // std::map never moves an element
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = formatter->formatDouble(value, status).toString(status);
    if (U_FAILURE(status)) return std::to_string(value);
    return utf8(text);
}

std::string formatDate(const std::string& language, int year, int month, int day) {
    // A day, not a moment: set and written in GMT so no time zone can move it to the day before.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = localeOf(language);
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
    icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), locale, status);
    if (!format || U_FAILURE(status)) return std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
    format->setTimeZone(*icu::TimeZone::getGMT());
    calendar.clear();
    calendar.set(year, month - 1, day);
    const UDate when = calendar.getTime(status);
    icu::UnicodeString out;
    format->format(when, out);
    return U_SUCCESS(status) ? utf8(out) : std::string();
}

Messages::Messages(std::map<std::string, std::string> english) : m_patterns(english.begin(), english.end()) {}

Messages::Messages(std::string language, std::map<std::string, std::string> english,
                   std::map<std::string, std::string> translated)
    : m_language(std::move(language)), m_patterns(english.begin(), english.end()) {
    for (auto& [id, pattern] : translated) m_patterns[id] = std::move(pattern);
}

Messages Messages::english() { return Messages(builtinEnglish()); }

Messages Messages::load(const std::filesystem::path& assetDir, const std::string& language, std::string& warning) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    if (primary == "en" || primary.empty()) return Messages(language, builtinEnglish(), {});
    const std::filesystem::path dir = assetDir / "strings";
    std::error_code error;
    const bool regional = primary != language && std::filesystem::is_regular_file(dir / (language + ".json"), error);
    std::map<std::string, std::string> translated =
        readCatalog(dir / ((regional ? language : primary) + ".json"), warning);
    return Messages(language, builtinEnglish(), std::move(translated));
}

std::string Messages::pattern(std::string_view id) const {
    const auto found = m_patterns.find(id);
    return found == m_patterns.end() ? std::string(id) : found->second;
}

std::string Messages::text(std::string_view id, const MessageArgs& args) const {
    return formatMessage(m_language, pattern(id), args);
}

} // namespace alignkiosk::core
