// RapidJSON's DOM is enough here: a payload is a few hundred bytes, and parsing it is not on any per-frame path.

#include "answer_payload.h"

#include <rapidjson/document.h>

#include <string_view>
#include <unordered_set>

namespace alignkiosk::core {

namespace {

std::string textOf(const rapidjson::Value& value) {
    return std::string(value.GetString(), value.GetStringLength());
}

AnswerValue readValue(const rapidjson::Value& value) {
    if (value.IsInt64()) return value.GetInt64();
    if (value.IsString()) return textOf(value);
    if (value.IsArray()) {
        std::vector<std::string> items;
        items.reserve(value.Size());
        for (const rapidjson::Value& item : value.GetArray()) {
            if (!item.IsString()) return UnreadableAnswer{};
            items.push_back(textOf(item));
        }
        return items;
    }
    if (value.IsObject()) {
        std::vector<OptionPoints> points;
        points.reserve(value.MemberCount());
        for (const auto& member : value.GetObject()) {
            if (!member.value.IsInt64()) return UnreadableAnswer{};
            points.push_back(OptionPoints{textOf(member.name), member.value.GetInt64()});
        }
        return points;
    }
    return UnreadableAnswer{};
}

} // namespace

std::optional<std::vector<Answer>> parseAnswerPayload(std::string_view payload) {
    rapidjson::Document document;
    // Strict JSON (no NaN, no comments), checked for valid UTF-8 so no broken text reaches the dashboard.
    document.Parse<rapidjson::kParseValidateEncodingFlag>(payload.data(), payload.size());
    if (document.HasParseError() || !document.IsObject()) return std::nullopt;
    const auto answers = document.FindMember("answers");
    if (answers == document.MemberEnd() || !answers->value.IsObject()) return std::nullopt;

    std::vector<Answer> result;
    result.reserve(answers->value.MemberCount());
    for (const auto& member : answers->value.GetObject())
        result.push_back(Answer{textOf(member.name), readValue(member.value)});
    return result;
}

AnswerValue parseAnswerValue(std::string_view json) {
    rapidjson::Document document;
    document.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (document.HasParseError()) return UnreadableAnswer{};
    return readValue(document);
}

bool namesEachQuestionOnce(std::string_view payload) {
    rapidjson::Document document;
    document.Parse<rapidjson::kParseValidateEncodingFlag>(payload.data(), payload.size());
    if (document.HasParseError() || !document.IsObject()) return false;
    const rapidjson::Value* answers = nullptr;
    for (const auto& member : document.GetObject()) {
        if (std::string_view(member.name.GetString(), member.name.GetStringLength()) != "answers") continue;
        if (answers) return false;
        answers = &member.value;
    }
    if (!answers || !answers->IsObject()) return false;
    std::unordered_set<std::string_view> questions;
    for (const auto& member : answers->GetObject())
        if (!questions.emplace(member.name.GetString(), member.name.GetStringLength()).second) return false;
    return true;
}

} // namespace alignkiosk::core
