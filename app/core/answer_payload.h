// Reads a module's answer payload, {"answers": {question_id: value, ...}} (plugin_abi.h, write_answer), into typed
// values. Only the JSON shape is judged here; whether a value fits its question is the caller's business.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace alignkiosk::core {

// A value that is none of the shapes below (a fraction, true, null, a nested list, ...).
struct UnreadableAnswer {
    bool operator==(const UnreadableAnswer&) const = default;
};

// Points given to one option (allocation answers).
struct OptionPoints {
    std::string option;
    int64_t points = 0;
    bool operator==(const OptionPoints&) const = default;
};

// The shapes the ABI defines per question kind:
//   whole number        scale point, percentage
//   text                open sentence, chosen option id
//   list of texts       multi-choice option ids
//   object of numbers   allocation {option id: points}
using AnswerValue =
    std::variant<UnreadableAnswer, int64_t, std::string, std::vector<std::string>, std::vector<OptionPoints>>;

struct Answer {
    std::string questionId;
    AnswerValue value;
};

// The answers in payload order; duplicate question ids are kept as written (the caller counts the first).
// Nothing when the payload is not JSON or not an object whose "answers" member is an object.
std::optional<std::vector<Answer>> parseAnswerPayload(std::string_view payload);

// One answer's value from its JSON text alone, read as parseAnswerPayload() reads it in a payload (for a store that
// counted payloads itself and hands over each distinct value once).
AnswerValue parseAnswerValue(std::string_view json);

// Whether `payload` reads (parseAnswerPayload) with one "answers" member naming each question once: then counting
// its answers one by one, in any order, counts what parseAnswerPayload's first-of-each rule counts.
bool namesEachQuestionOnce(std::string_view payload);

} // namespace alignkiosk::core
