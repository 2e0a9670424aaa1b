#include "string_table.h"

#include <cereal/archives/json.hpp>

#include <fstream>

namespace alignkiosk::core {

StringTableResult loadStringTable(const std::filesystem::path& file) {
    StringTableResult result;
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        result.error = file.string() + ": cannot read file";
        return result;
    }
    try {
        cereal::JSONInputArchive archive(stream);
        // The table is one object of strings: walk its members in order.
        while (const char* key = archive.getNodeName()) {
            std::string value;
            archive(value);
            result.strings.emplace(key, std::move(value));
        }
    } catch (const std::exception& error) {
        result.strings.clear();
        result.error = file.string() + ": not a JSON object of strings (" + error.what() + ")";
    }
    return result;
}

} // namespace alignkiosk::core
