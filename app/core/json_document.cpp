#include "json_document.h"

// RapidJSON's configuration (its assertion throws) comes from app/core/rapidjson_config.h for every file.
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <exception>
#include <limits>
#include <utility>

namespace alignkiosk::core {

namespace {

// [SECTION] Locations ---------------------------------------------------------------------------------------------

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

// Turns byte offsets into line:column. Offsets asked for only grow while parsing, so it walks the text once.
class LocationCursor {
public:
    explicit LocationCursor(std::string_view text) : m_text(text) {}

    SourceLocation at(size_t offset) {
        if (offset < m_offset) *this = LocationCursor(m_text);
        offset = std::min(offset, m_text.size());
        for (; m_offset < offset; ++m_offset) {
            const char c = m_text[m_offset];
            if (c == '\n') {
                ++m_line;
                m_column = 1;
            } else if (!isContinuationByte(c)) {
                ++m_column; // one per character, counted at its first byte
            }
        }
        return SourceLocation{m_line, m_column};
    }

private:
    std::string_view m_text;
    size_t m_offset = 0;
    uint32_t m_line = 1;
    uint32_t m_column = 1;
};

// [SECTION] RapidJSON input stream over a string_view ------------------------------------------------------------
// RapidJSON's own StringStream stops at the first NUL byte and needs a terminated buffer; this one ends at the end.

class ViewStream {
public:
    using Ch = char;
    explicit ViewStream(std::string_view text) : m_text(text) {}

    Ch Peek() const { return m_offset < m_text.size() ? m_text[m_offset] : '\0'; }
    Ch Take() { return m_offset < m_text.size() ? m_text[m_offset++] : '\0'; }
    size_t Tell() const { return m_offset; }

    // Write half of the stream concept; only used by in-situ parsing, which we never ask for.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch*) { return 0; }

private:
    std::string_view m_text;
    size_t m_offset = 0;
};

// [SECTION] SAX handler building the positioned tree -------------------------------------------------------------
// RapidJSON tells us a value's end (the stream position at the callback), not its start. Between two callbacks the
// reader only consumes whitespace, ',' and ':', so a token starts at the first other byte after the previous
// token's end. This holds for the iterative reader, which reports '{' and '[' before consuming them.

class TreeBuilder {
public:
    TreeBuilder(std::string_view text, const ViewStream& stream, const JsonLimits& limits)
        : m_text(text), m_stream(stream), m_limits(limits), m_cursor(text) {}

    bool Null() { return scalar(JsonValue{}); }
    bool Bool(bool b) {
        JsonValue value;
        value.type = JsonType::Boolean;
        value.boolean = b;
        return scalar(std::move(value));
    }
    bool Int(int i) { return integer(i); }
    bool Uint(unsigned u) { return integer(u); }
    bool Int64(int64_t i) { return integer(i); }
    bool Uint64(uint64_t u) {
        constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        return integer(u > kMax ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(u),
                       static_cast<double>(u));
    }
    bool Double(double d) {
        JsonValue value;
        value.type = JsonType::Number;
        value.number = d;
        return scalar(std::move(value), true);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; } // not requested
    bool String(const char* s, rapidjson::SizeType length, bool) {
        JsonValue value;
        value.type = JsonType::String;
        value.text.assign(s, length);
        return scalar(std::move(value));
    }
    bool Key(const char* s, rapidjson::SizeType length, bool) {
        const size_t start = tokenStart();
        m_scanFrom = m_stream.Tell();
        Frame& frame = m_stack.back();
        frame.key.assign(s, length);
        frame.keyLocation = m_cursor.at(start);
        return true;
    }
    bool StartObject() { return open(JsonType::Object); }
    bool StartArray() { return open(JsonType::Array); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    std::optional<JsonValue>& root() { return m_root; }
    // Set when the handler itself stopped the parse (a limit), empty otherwise.
    const std::optional<JsonParseError>& limitError() const { return m_limitError; }

private:
    struct Frame {
        JsonValue value;
        std::string key;
        SourceLocation keyLocation;
    };

    size_t tokenStart() const {
        size_t offset = m_scanFrom;
        while (offset < m_text.size() && std::strchr(" \t\r\n,:", m_text[offset]) != nullptr) ++offset;
        return offset;
    }

    bool countValue(SourceLocation location) {
        if (++m_valueCount <= m_limits.maxValues) return true;
        m_limitError = JsonParseError{location, "the file has more than " + std::to_string(m_limits.maxValues) +
                                                    " values; a survey is far smaller"};
        return false;
    }

    bool integer(int64_t i) { return integer(i, static_cast<double>(i)); }
    bool integer(int64_t i, double asDouble) {
        JsonValue value;
        value.type = JsonType::Number;
        value.isInteger = true;
        value.integer = i;
        value.number = asDouble;
        return scalar(std::move(value), true);
    }

    bool scalar(JsonValue value, bool keepText = false) {
        const size_t start = tokenStart();
        const size_t end = m_stream.Tell();
        value.location = m_cursor.at(start);
        if (keepText && end > start) value.text.assign(m_text.substr(start, end - start));
        m_scanFrom = end;
        if (!countValue(value.location)) return false;
        attach(std::move(value));
        return true;
    }

    bool open(JsonType type) {
        const size_t start = tokenStart();
        m_scanFrom = start + 1;
        const SourceLocation location = m_cursor.at(start);
        if (!countValue(location)) return false;
        if (m_stack.size() >= m_limits.maxDepth) {
            m_limitError = JsonParseError{location, "values are nested more than " +
                                                        std::to_string(m_limits.maxDepth) + " levels deep"};
            return false;
        }
        Frame frame;
        frame.value.type = type;
        frame.value.location = location;
        m_stack.push_back(std::move(frame));
        return true;
    }

    bool close() {
        m_scanFrom = tokenStart() + 1;
        JsonValue value = std::move(m_stack.back().value);
        m_stack.pop_back();
        attach(std::move(value));
        return true;
    }

    void attach(JsonValue value) {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return;
        }
        Frame& parent = m_stack.back();
        if (parent.value.type == JsonType::Array) {
            parent.value.items.push_back(std::move(value));
        } else {
            parent.value.members.push_back(JsonMember{std::move(parent.key), parent.keyLocation, std::move(value)});
            parent.key.clear();
        }
    }

    std::string_view m_text;
    const ViewStream& m_stream;
    const JsonLimits& m_limits;
    LocationCursor m_cursor;
    size_t m_scanFrom = 0;
    size_t m_valueCount = 0;
    std::vector<Frame> m_stack;
    std::optional<JsonValue> m_root;
    std::optional<JsonParseError> m_limitError;
};

JsonParseResult failure(SourceLocation location, std::string message) {
    JsonParseResult result;
    result.error = JsonParseError{location, std::move(message)};
    return result;
}

std::string sizeText(size_t bytes) {
    if (bytes % (1024u * 1024u) == 0) return std::to_string(bytes / (1024u * 1024u)) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// The two mistakes people make most when editing JSON by hand, named in plain words after RapidJSON's message.
std::string hintFor(std::string_view text, size_t offset) {
    if (offset >= text.size()) return " (the file ends here; is it cut short?)";
    const size_t before = text.find_last_not_of(" \t\r\n", offset == 0 ? 0 : offset - 1);
    if (offset > 0 && before != std::string_view::npos && text[before] == ',' &&
        (text[offset] == '}' || text[offset] == ']'))
        return " (a comma after the last item is not allowed)";
    return {};
}

JsonParseResult parse(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.maxBytes)
        return failure({}, "the file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                               sizeText(limits.maxBytes) + ")");
    // A NUL byte would end RapidJSON's input early and hide the rest of the file; it never belongs in a text file.
    if (const size_t nul = text.find('\0'); nul != std::string_view::npos)
        return failure(locationOfOffset(text, nul), "the file contains a NUL byte; is it a text file?");

    ViewStream stream(text);
    TreeBuilder builder(text, stream, limits);
    rapidjson::Reader reader;
    // Iterative: nesting depth costs heap, not stack. ValidateEncoding: strings must be valid UTF-8.
    const rapidjson::ParseResult ok =
        reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream, builder);
    if (!ok) {
        if (ok.Code() == rapidjson::kParseErrorTermination && builder.limitError()) {
            JsonParseResult result;
            result.error = *builder.limitError();
            return result;
        }
        size_t offset = ok.Offset();
        // RapidJSON stops inside a misspelt literal ("tru}" at '}'); point at the word's start instead.
        if (ok.Code() == rapidjson::kParseErrorValueInvalid)
            while (offset > 0 && offset <= text.size() && std::isalpha(static_cast<unsigned char>(text[offset - 1])))
                --offset;
        const std::string hint = ok.Code() == rapidjson::kParseErrorDocumentEmpty ? "" : hintFor(text, offset);
        return failure(locationOfOffset(text, offset),
                       std::string("invalid JSON: ") + rapidjson::GetParseError_En(ok.Code()) + hint);
    }
    JsonParseResult result;
    result.root = std::move(builder.root());
    if (!result.root) return failure(locationOfOffset(text, 0), "invalid JSON: The document is empty.");
    return result;
}

} // namespace

const JsonMember* JsonValue::findMember(std::string_view key) const {
    for (const JsonMember& member : members)
        if (member.key == key) return &member;
    return nullptr;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    const JsonMember* member = findMember(key);
    return member ? &member->value : nullptr;
}

const char* describeJsonType(JsonType type) {
    switch (type) {
    case JsonType::Null: return "null";
    case JsonType::Boolean: return "a boolean";
    case JsonType::Number: return "a number";
    case JsonType::String: return "a string";
    case JsonType::Array: return "an array";
    case JsonType::Object: return "an object";
    }
    return "a value";
}

std::string_view withoutByteOrderMark(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    return text.substr(0, kBom.size()) == kBom ? text.substr(kBom.size()) : text;
}

SourceLocation locationOfOffset(std::string_view text, size_t offset) {
    return LocationCursor(text).at(offset);
}

JsonParseResult parseJsonDocument(std::string_view text, const JsonLimits& limits) {
    try {
        return parse(withoutByteOrderMark(text), limits);
    } catch (const std::exception& error) {
        return failure({}, std::string("cannot read the JSON: ") + error.what());
    } catch (...) {
        return failure({}, "cannot read the JSON: unknown error");
    }
}

} // namespace alignkiosk::core
