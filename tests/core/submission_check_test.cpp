// The checks both answer stores make before writing: each refusal in words that name no database.
#include "core/submission_check.h"

#include <gtest/gtest.h>

#include <string>

namespace alignkiosk::core {
namespace {

bool anyJson(const std::string& text) { return !text.empty() && text.front() == '{'; }

Submission valid() {
    Submission submission;
    submission.surveyId = "pulse";
    submission.surveyVersion = 1;
    submission.team = "sales";
    ResponseDraft draft;
    draft.stepId = "signs";
    draft.moduleId = "diagnostic_signs";
    draft.moduleVersion = "1.0.0";
    draft.payload = "{}";
    submission.responses.push_back(draft);
    return submission;
}

TEST(SubmissionCheck, AcceptsAWellFormedSubmission) {
    EXPECT_EQ(submissionProblem(valid(), anyJson), std::nullopt);
}

TEST(SubmissionCheck, NamesWhatIsWrong) {
    const auto problem = [](auto change) {
        Submission submission = valid();
        change(submission);
        return submissionProblem(submission, anyJson).value_or("(accepted)");
    };
    EXPECT_EQ(problem([](Submission& s) { s.surveyId.clear(); }), "submission has an empty survey id");
    EXPECT_EQ(problem([](Submission& s) { s.team = ""; }), "submission has an empty team (use no team instead)");
    EXPECT_EQ(problem([](Submission& s) { s.responses.clear(); }), "submission of survey 'pulse' has no responses");
    EXPECT_EQ(problem([](Submission& s) { s.responses.push_back(s.responses[0]); }),
              "response to step 'signs' appears twice in one submission");
    EXPECT_EQ(problem([](Submission& s) { s.responses[0].moduleVersion.clear(); }),
              "response to step 'signs' has an empty module version");
    EXPECT_EQ(problem([](Submission& s) { s.responses[0].payload = "not json"; }),
              "response to step 'signs' has a payload that is not JSON");
    EXPECT_EQ(problem([](Submission& s) { s.responses[0].stepId = std::string("a\0b", 3); }),
              "a response has an empty step id");
}

TEST(SubmissionCheck, ReadsASubmissionIdOfThirtyTwoLowercaseHexDigitsOnly) {
    const auto bytes = parseSubmissionId("00ff" + std::string(26, '0') + "a1");
    ASSERT_TRUE(bytes);
    EXPECT_EQ((*bytes)[0], 0x00);
    EXPECT_EQ((*bytes)[1], 0xff);
    EXPECT_EQ((*bytes)[15], 0xa1);
    for (const std::string& text : {std::string(31, 'a'), std::string(33, 'a'), std::string(32, 'A'),
                                    std::string(31, 'a') + "g", std::string()})
        EXPECT_FALSE(parseSubmissionId(text)) << text;
}

TEST(SubmissionCheck, ASessionDateIsADayThatExists) {
    EXPECT_TRUE(isSessionDate("2026-12-07"));
    EXPECT_TRUE(isSessionDate("2028-02-29"));
    for (const char* date : {"2026-02-29", "2026-13-01", "2026-12-7", "2026/12/07", "20261207xx", ""})
        EXPECT_FALSE(isSessionDate(date)) << date;
}

} // namespace
} // namespace alignkiosk::core
