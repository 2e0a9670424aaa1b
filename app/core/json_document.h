// A small JSON tree in which every value knows where it stood in its file, so a validator can point at the exact
// line and column of a problem. Read with RapidJSON's SAX reader; no cereal, no ImGui.
#pragma once

#include "survey_model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

enum class JsonType : uint8_t { Null, Boolean, Number, String, Array, Object };

struct JsonMember;

struct JsonValue {
    JsonType type = JsonType::Null;
    SourceLocation location; // of the value's first character ('{', '[', '"', digit, 't', ...)

    bool boolean = false;
    // Numbers: isInteger when written without fraction or exponent and within 64 bits (integers above INT64_MAX
    // saturate to INT64_MAX so range checks still reject them); `number` always holds the value as a double.
    bool isInteger = false;
    int64_t integer = 0;
    double number = 0.0;
    // Strings: the decoded text. Numbers: the number exactly as written, for messages.
    std::string text;

    std::vector<JsonValue> items;     // Array
    std::vector<JsonMember> members;  // Object, in file order; duplicate keys are kept

    bool isString() const { return type == JsonType::String; }
    bool isObject() const { return type == JsonType::Object; }
    bool isArray() const { return type == JsonType::Array; }
    // The first member with this key, or nullptr.
    const JsonMember* findMember(std::string_view key) const;
    const JsonValue* find(std::string_view key) const;
};

struct JsonMember {
    std::string key;
    SourceLocation keyLocation;
    JsonValue value;
};

// "a string", "a number", "an object", ... for "expected X, found Y" messages.
const char* describeJsonType(JsonType type);

// Limits that keep a hostile or accidental file from exhausting the stack or memory of a kiosk.
struct JsonLimits {
    size_t maxBytes = 4u * 1024u * 1024u;
    uint32_t maxDepth = 64;
    size_t maxValues = 100000;
};

struct JsonParseError {
    SourceLocation location; // 0:0 when the problem is the text as a whole (too large)
    std::string message;
};

struct JsonParseResult {
    std::optional<JsonValue> root;
    JsonParseError error; // meaningful only when !ok()
    bool ok() const { return root.has_value(); }
};

// Parses strict JSON (no comments, no trailing commas, no NaN; UTF-8 validated in strings; a leading UTF-8 byte
// order mark is skipped). Never throws: every failure becomes `error`.
JsonParseResult parseJsonDocument(std::string_view text, const JsonLimits& limits = {});

// The text without a leading UTF-8 byte order mark.
std::string_view withoutByteOrderMark(std::string_view text);

// Line and column (both 1-based) of a byte offset. Columns count characters: UTF-8 continuation bytes do not
// advance them, a tab counts as one.
SourceLocation locationOfOffset(std::string_view text, size_t offset);

} // namespace alignkiosk::core
