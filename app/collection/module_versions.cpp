#include "collection/module_versions.h"

#include <algorithm>
#include <stdexcept>

namespace alignkiosk::collection {

namespace {

constexpr std::size_t kMaxModules = 64;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxVersionLength = 32;

bool validId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool validVersion(std::string_view version) {
    return !version.empty() && version.size() <= kMaxVersionLength &&
           std::all_of(version.begin(), version.end(), [](char c) { return c > ' ' && c < 127 && c != ',' && c != '='; });
}

} // namespace

std::string formatModuleVersions(const ModuleVersions& versions) {
    if (versions.size() > kMaxModules) throw std::invalid_argument("more than 64 modules");
    std::string text;
    for (const auto& [id, version] : versions) { // std::map: sorted by id
        if (!validId(id)) throw std::invalid_argument("module id '" + id + "' cannot be sent");
        if (!validVersion(version))
            throw std::invalid_argument("version '" + version + "' of module '" + id + "' cannot be sent");
        if (!text.empty()) text += ',';
        text += id + '=' + version;
    }
    return text;
}

ModuleVersionsParse parseModuleVersions(std::string_view text) {
    ModuleVersionsParse parse;
    ModuleVersions versions;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t end = std::min(text.find(',', position), text.size());
        const std::string_view pair = text.substr(position, end - position);
        const std::string where = " at character " + std::to_string(position + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            parse.error = "a module without '=version'" + where;
            return parse;
        }
        const std::string_view id = pair.substr(0, equals);
        const std::string_view version = pair.substr(equals + 1);
        if (!validId(id)) {
            parse.error = "a malformed module id" + where;
            return parse;
        }
        if (!validVersion(version)) {
            parse.error = "a malformed version of module '" + std::string(id) + "'" + where;
            return parse;
        }
        if (!versions.empty() && versions.rbegin()->first >= id) {
            parse.error = "module '" + std::string(id) + "' repeated or out of order" + where;
            return parse;
        }
        if (versions.size() == kMaxModules) {
            parse.error = "more than 64 modules";
            return parse;
        }
        versions.emplace(id, version);
        position = end + 1;
        if (end + 1 == text.size()) {
            parse.error = "a trailing ','";
            return parse;
        }
    }
    parse.versions = std::move(versions);
    return parse;
}

std::vector<std::string> describeVersionMismatches(const ModuleVersions& collection, const ModuleVersions& laptop) {
    std::vector<std::string> sentences;
    for (const auto& [id, version] : collection) {
        const auto mine = laptop.find(id);
        if (mine == laptop.end())
            sentences.push_back("module '" + id + "' (version " + version + ") is not installed on this laptop");
        else if (mine->second != version)
            sentences.push_back("module '" + id + "' is version " + mine->second +
                                " on this laptop; the collection uses another version, " + version);
    }
    return sentences;
}

} // namespace alignkiosk::collection
