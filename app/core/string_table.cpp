// Read with the survey loader's positioned JSON tree (json_document.h) rather than cereal's archive: its reader is
// iterative with a depth and size limit, so a corrupt or hostile file cannot exhaust the stack (cereal's recursive
// parse crashed on a few megabytes of '['), and a problem is reported at its line and column.

#include "string_table.h"

#include "json_document.h"
#include "survey_validator.h" // detail::inQuotes

#include <fstream>

namespace alignkiosk::core {

namespace {

// The bundled English table is about 2 KB; a translation is never near this.
constexpr size_t kMaxStringTableBytes = 1024u * 1024u;

std::string at(const std::string& file, SourceLocation location) {
    if (location.line == 0) return file;
    return file + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

} // namespace

StringTableResult loadStringTable(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        StringTableResult result;
        result.error = file.string() + ": cannot read file";
        return result;
    }
    // One byte past the limit is enough to refuse the file without reading all of it.
    std::string text(kMaxStringTableBytes + 1, '\0');
    stream.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(stream.gcount()));
    return parseStringTable(text, file.string());
}

StringTableResult parseStringTable(std::string_view text, const std::string& displayName) {
    StringTableResult result;
    JsonLimits limits;
    limits.maxBytes = kMaxStringTableBytes;
    const JsonParseResult json = parseJsonDocument(text, limits);
    if (!json.ok()) {
        result.error = at(displayName, json.error.location) + ": " + json.error.message;
        return result;
    }
    if (!json.root->isObject()) {
        result.error =
            at(displayName, json.root->location) + ": not a JSON object of strings ({\"key\": \"text\", ...})";
        return result;
    }
    for (const JsonMember& member : json.root->members) {
        if (!member.value.isString()) {
            result.error = at(displayName, member.value.location) + ": " + detail::inQuotes(member.key) + " is " +
                           describeJsonType(member.value.type) + ", not a string";
            result.strings.clear();
            return result;
        }
        result.strings.emplace(member.key, member.value.text); // a repeated key: the first one counts
    }
    return result;
}

} // namespace alignkiosk::core
