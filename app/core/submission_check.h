// The checks every answer store makes before it writes a submission, shared so that SQLite and PostgreSQL refuse
// exactly the same things with the same words (words that name no database: a collector sends them back).
#pragma once

#include "core/submission.h"

#include <array>
#include <functional>
#include <optional>
#include <string>

namespace alignkiosk::core {

// What is wrong with `submission`, or nothing when it may be stored. `isJson` is the store's own JSON test, so a
// store and its schema's CHECK agree on what JSON is.
std::optional<std::string> submissionProblem(const Submission& submission,
                                             const std::function<bool(const std::string&)>& isJson);

// Whether `text` holds a NUL character (neither store keeps one in a text).
bool hasNul(const std::string& text);

// A submission id's 16 bytes, from its 32 lowercase hex digits (as randomId() makes them); nothing for any other text.
using SubmissionIdBytes = std::array<unsigned char, 16>;
std::optional<SubmissionIdBytes> parseSubmissionId(const std::string& text);

// Whether `date` is a session date both stores keep: 'YYYY-MM-DD', a day that exists.
bool isSessionDate(const std::string& date);

} // namespace alignkiosk::core
