// summary.csv: the exact header, one row per shown group with hand-computed values, suppressed groups absent, RFC 4180
// quoting, and numbers that do not change with the locale.
#include "core/summary_csv.h"

#include "core/response_aggregator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <locale>
#include <sstream>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A model as the aggregator would build it, written by hand so every figure is known.
DashboardModel handModel() {
    DashboardModel model;
    model.surveyId = "diagnostic-signs";
    RatedItem item;
    item.stepId = "signs";
    item.moduleId = "diagnostic_signs";
    item.questionId = "value_language_differs";
    GroupItem all;
    all.group = kEveryoneGroup;
    all.distribution.counts = {2, 1, 3, 1, 2};
    all.statistics = computeItemStatistics(all.distribution);
    GroupItem sales;
    sales.group = "Sales";
    sales.distribution.counts = {0, 0, 0, 1, 2};
    sales.statistics = computeItemStatistics(sales.distribution);
    item.groups = {all, sales};
    model.ratedItems.push_back(item);
    return model;
}

TEST(SummaryCsv, WritesTheExactHeaderAndOneRowPerShownGroup) {
    std::ostringstream out;
    writeSummaryCsv(handModel(), out);
    const std::vector<std::string> lines = linesOf(out.str());
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "survey,module,item,team,n,mean,sd,median,rwg,ad,consensus");
    EXPECT_EQ(std::string(kSummaryCsvHeader), lines[0]);
    // Everyone: 1,1,2,3,3,3,4,5,5. n 9, mean 3, s^2 = (4+4+1+0+0+0+1+4+4)/8 = 2.25, sd 1.5, median 3,
    // rwg = 1 - 2.25/2 < 0 -> 0, AD = (2+2+1+0+0+0+1+2+2)/9 = 10/9 = 1.1111,
    // Cns (d = 4): 1 + 2/9 log2(1 - 2/4) * 2 + 1/9 log2(1 - 1/4) * 2 + 3/9 log2(1) = 1 - 4/9 + 2/9 log2(.75) = 0.4633.
    EXPECT_EQ(lines[1], "diagnostic-signs,diagnostic_signs,value_language_differs,ALL,9,3.0000,1.5000,3.0000,0.0000,"
                        "1.1111,0.4633");
    // Sales: 4,5,5. mean 4.6667, s^2 = 1/3, sd 0.5774, median 5, rwg = 1 - (1/3)/2 = 0.8333,
    // AD = (2/3 + 1/3 + 1/3)/3 = 0.4444, Cns: 1 + 1/3 log2(1 - (2/3)/4) + 2/3 log2(1 - (1/3)/4) = 0.8286.
    EXPECT_EQ(lines[2], "diagnostic-signs,diagnostic_signs,value_language_differs,Sales,3,4.6667,0.5774,5.0000,0.8333,"
                        "0.4444,0.8286");
}

TEST(SummaryCsv, LeavesRwgEmptyWhereItIsNotDefined) {
    DashboardModel model = handModel();
    GroupItem& sales = model.ratedItems[0].groups[1];
    sales.statistics.hasRwg = false;
    std::ostringstream out;
    writeSummaryCsv(model, out);
    EXPECT_EQ(linesOf(out.str())[2],
              "diagnostic-signs,diagnostic_signs,value_language_differs,Sales,3,4.6667,0.5774,5.0000,,0.4444,0.8286");
}

TEST(SummaryCsv, QuotesFieldsAsRfc4180Says) {
    EXPECT_EQ(csvField("Sales"), "Sales");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("R&D, Europe"), "\"R&D, Europe\"");
    EXPECT_EQ(csvField("the \"A\" team"), "\"the \"\"A\"\" team\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\rhere"), "\"cr\rhere\"");

    DashboardModel model = handModel();
    model.ratedItems[0].groups[1].group = "Sales, \"North\"";
    std::ostringstream out;
    writeSummaryCsv(model, out);
    EXPECT_THAT(linesOf(out.str())[2], ::testing::StartsWith(
                                           "diagnostic-signs,diagnostic_signs,value_language_differs,"
                                           "\"Sales, \"\"North\"\"\",3,"));
}

// A decimal comma and digit grouping, as a German locale would have them.
struct GermanNumbers : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

TEST(SummaryCsv, NumbersDoNotDependOnTheStreamsLocale) {
    DashboardModel model = handModel();
    model.ratedItems[0].groups[0].statistics.n = 1234567;
    std::ostringstream out;
    out.imbue(std::locale(std::locale::classic(), new GermanNumbers));
    writeSummaryCsv(model, out);
    EXPECT_EQ(linesOf(out.str())[1], "diagnostic-signs,diagnostic_signs,value_language_differs,ALL,1234567,3.0000,"
                                     "1.5000,3.0000,0.0000,1.1111,0.4633");
}

TEST(SummaryCsv, AnEmptyModelIsTheHeaderAlone) {
    std::ostringstream out;
    writeSummaryCsv(DashboardModel{}, out);
    EXPECT_EQ(out.str(), "survey,module,item,team,n,mean,sd,median,rwg,ad,consensus\n");
}

TEST(SummaryCsv, GroupsTheAnonymityRulesHideAreAbsent) {
    Survey survey;
    survey.id = "pulse";
    survey.teams = {"Sales", "Marketing", "Service"};
    Step step;
    step.id = "s";
    step.moduleId = "m";
    Question question;
    question.id = "q1";
    question.kind = QuestionKind::Scale;
    question.scaleLabels = {"1", "2", "3", "4", "5"};
    step.questions = {question};
    survey.steps = {step};
    ResponseAggregator aggregator(survey); // k = 5
    const auto add = [&](std::optional<std::string> team, int count) {
        for (int i = 0; i < count; ++i) {
            StoredResponse response;
            response.surveyId = "pulse";
            response.stepId = "s";
            response.moduleId = "m";
            response.team = team;
            response.payload = R"({"answers":{"q1":3}})";
            ASSERT_TRUE(aggregator.add(response));
        }
    };
    add("Sales", 6);
    add("Marketing", 5);
    add("Service", 2); // hidden, and with it Marketing, the smallest shown team (everyone - Sales - Marketing = 2)

    std::ostringstream out;
    writeSummaryCsv(aggregator.model(1), out);
    const std::vector<std::string> lines = linesOf(out.str());
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_THAT(lines[1], ::testing::StartsWith("pulse,m,q1,ALL,13,3.0000,"));
    EXPECT_THAT(lines[2], ::testing::StartsWith("pulse,m,q1,Sales,6,3.0000,"));
}

} // namespace
} // namespace alignkiosk::core
