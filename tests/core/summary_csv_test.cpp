// summary.csv: the BOM and exact header, rows for every question kind with hand-computed values, "Everyone" for the
// everyone group, a choice-only survey that exports rows, suppressed groups and open answers absent, RFC 4180 quoting
// read back, and numbers that do not change with the locale.
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

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using Row = std::vector<std::string>;

const std::string kBom = "\xEF\xBB\xBF";

// Reads CSV as RFC 4180 writes it (quoted fields may hold commas, doubled quotes and line breaks), after the BOM.
std::vector<Row> parseCsv(const std::string& text) {
    EXPECT_EQ(text.substr(0, kBom.size()), kBom);
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = kBom.size(); i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field += c;
        }
    }
    EXPECT_TRUE(row.empty() && field.empty()) << "the file does not end in a line break";
    return rows;
}

std::vector<Row> written(const Survey& survey, const DashboardModel& model) {
    std::ostringstream out;
    writeSummaryCsv(survey, model, out);
    return parseCsv(out.str());
}

// The value in the row with these group, question, option and statistic; "missing" when there is none.
std::string valueOf(const std::vector<Row>& rows, const std::string& group, const std::string& question,
                    const std::string& option, const std::string& statistic) {
    std::string value = "missing";
    int found = 0;
    for (const Row& row : rows)
        if (row.size() == 11 && row[1] == group && row[4] == question && row[7] == option && row[9] == statistic) {
            value = row[10];
            ++found;
        }
    return found > 1 ? "repeated" : value;
}

Question question(std::string id, QuestionKind kind) {
    Question q;
    q.id = std::move(id);
    q.kind = kind;
    q.prompt = "Prompt of " + q.id;
    return q;
}

// One step holding every kind of question, with labels that need quoting.
Survey everyKind() {
    Survey survey;
    survey.id = "pulse";
    survey.teams = {"Sales", "Marketing", "Service"};
    Step step;
    step.id = "s";
    step.moduleId = "m";
    Question rate = question("rate", QuestionKind::Scale);
    rate.attributes["label"] = "Rate, \"this\"";
    rate.scaleLabels = {"never", "rarely", "sometimes", "often", "always"};
    Question pct = question("pct", QuestionKind::Percent);
    Question pick = question("pick", QuestionKind::Choice);
    pick.options = {{"a", "Alpha, one"}, {"b", "Beta\nline"}};
    Question many = question("many", QuestionKind::MultiChoice);
    many.options = {{"x", "X"}, {"y", "Y"}, {"z", "Z"}};
    Question alloc = question("alloc", QuestionKind::Allocation);
    alloc.total = 10;
    alloc.options = {{"p", "P"}, {"q", "Q"}};
    Question open = question("open", QuestionKind::Text);
    step.questions = {rate, pct, pick, many, alloc, open};
    survey.steps = {step};
    return survey;
}

// Sales 10 answers alike, Marketing 5, Service 2: Service is below k = 5, and Marketing goes with it (everyone minus
// Sales minus Marketing would show Service). Shown: everyone (17) and Sales (10); open answers for everyone only.
DashboardModel everyKindModel(const Survey& survey) {
    ResponseAggregator aggregator(survey);
    const auto add = [&](const std::string& team, int count, const std::string& answers) {
        for (int i = 0; i < count; ++i) {
            StoredResponse response;
            response.surveyId = "pulse";
            response.stepId = "s";
            response.moduleId = "m";
            response.team = team;
            response.payload = R"({"answers":)" + answers + "}";
            EXPECT_TRUE(aggregator.add(response));
        }
    };
    add("Sales", 10,
        R"({"rate":4,"pct":30,"pick":"a","many":["x","y"],"alloc":{"p":7,"q":3},"open":"secret sales sentence"})");
    add("Marketing", 5,
        R"({"rate":2,"pct":50,"pick":"b","many":["y"],"alloc":{"p":2,"q":8},"open":"marketing words"})");
    add("Service", 2, R"({"rate":5,"pct":100,"pick":"b","many":["z"],"alloc":{"p":10,"q":0},"open":"service text"})");
    return aggregator.model(1);
}

TEST(SummaryCsv, StartsWithTheBomAndTheExactHeader) {
    std::ostringstream out;
    writeSummaryCsv(Survey{}, DashboardModel{}, out);
    EXPECT_EQ(out.str(), "\xEF\xBB\xBF"
                         "survey,group,step,module,question_id,question_label,kind,option_id,option_label,statistic,"
                         "value\n");
    EXPECT_EQ(out.str(), kBom + kSummaryCsvHeader + "\n");
}

TEST(SummaryCsv, WritesEveryKindOfQuestionForEveryShownGroup) {
    const Survey survey = everyKind();
    const std::vector<Row> rows = written(survey, everyKindModel(survey));
    ASSERT_GT(rows.size(), 1u);
    for (const Row& row : rows) ASSERT_EQ(row.size(), 11u);
    // Scale, Sales: ten 4s. n 10, mean 4, sd 0, rwg 1 - 0 / 2 = 1; points with their labels.
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "", "n"), "10");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "", "mean"), "4.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "", "sd"), "0.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "", "median"), "4.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "", "rwg"), "1.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "4", "count"), "10");
    EXPECT_EQ(valueOf(rows, "Sales", "rate", "5", "count"), "0");
    // Scale, everyone: 10 x 4, 5 x 2, 2 x 5 = 60 / 17 = 3.5294.
    EXPECT_EQ(valueOf(rows, "Everyone", "rate", "", "n"), "17");
    EXPECT_EQ(valueOf(rows, "Everyone", "rate", "", "mean"), "3.5294");
    EXPECT_EQ(valueOf(rows, "Everyone", "rate", "2", "count"), "5");
    // Percent, everyone: 10 x 30, 5 x 50, 2 x 100 = 750 / 17 = 44.1176; the median of 17 is the 9th, 30.
    EXPECT_EQ(valueOf(rows, "Everyone", "pct", "", "n"), "17");
    EXPECT_EQ(valueOf(rows, "Everyone", "pct", "", "mean"), "44.1176");
    EXPECT_EQ(valueOf(rows, "Everyone", "pct", "", "median"), "30.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "pct", "", "mean"), "30.0000");
    // Choice, everyone: a 10 of 17, b 7 of 17.
    EXPECT_EQ(valueOf(rows, "Everyone", "pick", "", "n"), "17");
    EXPECT_EQ(valueOf(rows, "Everyone", "pick", "a", "count"), "10");
    EXPECT_EQ(valueOf(rows, "Everyone", "pick", "a", "share"), "0.5882");
    EXPECT_EQ(valueOf(rows, "Everyone", "pick", "b", "share"), "0.4118");
    EXPECT_EQ(valueOf(rows, "Sales", "pick", "b", "count"), "0");
    // Multi-choice, everyone: x 10, y 15, z 2 of 17 who answered; shares of those who answered.
    EXPECT_EQ(valueOf(rows, "Everyone", "many", "y", "count"), "15");
    EXPECT_EQ(valueOf(rows, "Everyone", "many", "y", "share"), "0.8824");
    EXPECT_EQ(valueOf(rows, "Everyone", "many", "z", "count"), "2");
    EXPECT_EQ(valueOf(rows, "Sales", "many", "x", "share"), "1.0000");
    // Allocation, everyone: p got 70 + 10 + 20 = 100 points from 17, mean 5.8824; Sales gave p 7 each, sd 0.
    EXPECT_EQ(valueOf(rows, "Everyone", "alloc", "", "n"), "17");
    EXPECT_EQ(valueOf(rows, "Everyone", "alloc", "p", "points"), "100");
    EXPECT_EQ(valueOf(rows, "Everyone", "alloc", "p", "mean"), "5.8824");
    EXPECT_EQ(valueOf(rows, "Everyone", "alloc", "q", "mean"), "4.1176");
    EXPECT_EQ(valueOf(rows, "Sales", "alloc", "p", "mean"), "7.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "alloc", "p", "sd"), "0.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "alloc", "p", "median"), "7.0000");
    // Text: how many answered, for groups the open-text rules show (k = 10): everyone; not Sales, though it has 10,
    // since everyone minus Sales would show the other 7's answers.
    EXPECT_EQ(valueOf(rows, "Everyone", "open", "", "n"), "17");
    EXPECT_EQ(valueOf(rows, "Sales", "open", "", "n"), "missing");
    // The fixed columns of one row, whole.
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Sales", "s", "m", "pick", "Prompt of pick", "choice", "a",
                                           "Alpha, one", "count", "10")));
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Everyone", "s", "m", "many", "Prompt of many", "multi_choice",
                                           "z", "Z", "share", "0.1176")));
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Everyone", "s", "m", "alloc", "Prompt of alloc", "allocation",
                                           "", "", "n", "17")));
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Everyone", "s", "m", "pct", "Prompt of pct", "percent", "", "",
                                           "n", "17")));
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Everyone", "s", "m", "open", "Prompt of open", "text", "", "",
                                           "n", "17")));
}

TEST(SummaryCsv, OrdersRowsBySurveyQuestionThenGroupEveryoneFirst) {
    const Survey survey = everyKind();
    const std::vector<Row> rows = written(survey, everyKindModel(survey));
    std::vector<std::string> blocks; // question/group, each time it changes
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::string block = rows[i][4] + "/" + rows[i][1];
        if (blocks.empty() || blocks.back() != block) blocks.push_back(block);
    }
    EXPECT_THAT(blocks, ElementsAre("rate/Everyone", "rate/Sales", "pct/Everyone", "pct/Sales", "pick/Everyone",
                                    "pick/Sales", "many/Everyone", "many/Sales", "alloc/Everyone", "alloc/Sales",
                                    "open/Everyone"));
}

TEST(SummaryCsv, NamesEveryoneAsTheScreenDoes) {
    const Survey survey = everyKind();
    std::ostringstream out;
    writeSummaryCsv(survey, everyKindModel(survey), out);
    const std::vector<Row> rows = parseCsv(out.str());
    EXPECT_EQ(rows[1][1], "Everyone");
    for (const Row& row : rows) EXPECT_NE(row[1], kEveryoneGroup);
}

// A German survey's export names everyone as its German dashboard does; the header stays as documented.
TEST(SummaryCsv, NamesEveryoneInTheDashboardsLanguage) {
    const Survey survey = everyKind();
    std::ostringstream out;
    writeSummaryCsv(survey, everyKindModel(survey), out, "Alle");
    const std::vector<Row> rows = parseCsv(out.str());
    EXPECT_EQ(rows[1][1], "Alle");
    EXPECT_NE(out.str().find(kSummaryCsvHeader), std::string::npos);
    for (const Row& row : rows) EXPECT_NE(row[1], "Everyone");
}

TEST(SummaryCsv, GroupsTheAnonymityRulesHideAreAbsent) {
    const Survey survey = everyKind();
    std::ostringstream out;
    writeSummaryCsv(survey, everyKindModel(survey), out);
    EXPECT_THAT(out.str(), Not(HasSubstr("Marketing")));
    EXPECT_THAT(out.str(), Not(HasSubstr("Service")));
    for (const Row& row : parseCsv(out.str())) EXPECT_THAT(row[1], ::testing::AnyOf("group", "Everyone", "Sales"));
}

TEST(SummaryCsv, NoOpenAnswerReachesTheFile) {
    const Survey survey = everyKind();
    const DashboardModel model = everyKindModel(survey);
    ASSERT_FALSE(model.texts.empty()); // the answers are in the model, for the screen
    std::ostringstream out;
    writeSummaryCsv(survey, model, out);
    EXPECT_THAT(out.str(), Not(HasSubstr("secret")));
    EXPECT_THAT(out.str(), Not(HasSubstr("marketing words")));
    EXPECT_THAT(out.str(), Not(HasSubstr("service text")));
}

TEST(SummaryCsv, ASurveyWithOnlyChoiceQuestionsExportsRows) {
    Survey survey;
    survey.id = "roles";
    Step step;
    step.id = "who";
    step.moduleId = "stakeholder_mapping";
    Question role = question("role", QuestionKind::Choice);
    role.attributes["label"] = "Role";
    role.options = {{"lead", "Leader"}, {"ic", "Individual contributor"}};
    step.questions = {role};
    survey.steps = {step};
    ResponseAggregator aggregator(survey);
    for (int i = 0; i < 6; ++i) {
        StoredResponse response;
        response.surveyId = "roles";
        response.stepId = "who";
        response.moduleId = "stakeholder_mapping";
        response.payload = i < 2 ? R"({"answers":{"role":"lead"}})" : R"({"answers":{"role":"ic"}})";
        ASSERT_TRUE(aggregator.add(response));
    }
    const std::vector<Row> rows = written(survey, aggregator.model(1));
    EXPECT_THAT(rows, ElementsAre(::testing::_,
                                  ElementsAre("roles", "Everyone", "who", "stakeholder_mapping", "role", "Role",
                                              "choice", "", "", "n", "6"),
                                  ElementsAre("roles", "Everyone", "who", "stakeholder_mapping", "role", "Role",
                                              "choice", "lead", "Leader", "count", "2"),
                                  ElementsAre("roles", "Everyone", "who", "stakeholder_mapping", "role", "Role",
                                              "choice", "lead", "Leader", "share", "0.3333"),
                                  ElementsAre("roles", "Everyone", "who", "stakeholder_mapping", "role", "Role",
                                              "choice", "ic", "Individual contributor", "count", "4"),
                                  ElementsAre("roles", "Everyone", "who", "stakeholder_mapping", "role", "Role",
                                              "choice", "ic", "Individual contributor", "share", "0.6667")));
}

// A model as the aggregator would build it, written by hand so every figure is known.
Survey signsSurvey() {
    Survey survey;
    survey.id = "diagnostic-signs";
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    Question item = question("value_language_differs", QuestionKind::Scale);
    item.attributes["label"] = "Value language differs";
    step.questions = {item};
    survey.steps = {step};
    return survey;
}

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

TEST(SummaryCsv, WritesTheScaleStatisticsExactly) {
    const std::vector<Row> rows = written(signsSurvey(), handModel());
    ASSERT_EQ(rows.size(), 1u + 2u * (7u + 5u));
    EXPECT_THAT(rows[1], ElementsAre("diagnostic-signs", "Everyone", "signs", "diagnostic_signs",
                                     "value_language_differs", "Value language differs", "scale", "", "", "n", "9"));
    // Everyone: 1,1,2,3,3,3,4,5,5. n 9, mean 3, s^2 = (4+4+1+0+0+0+1+4+4)/8 = 2.25, sd 1.5, median 3,
    // rwg = 1 - 2.25/2 < 0 -> 0, AD = (2+2+1+0+0+0+1+2+2)/9 = 10/9 = 1.1111,
    // Cns (d = 4): 1 + 2/9 log2(1 - 2/4) * 2 + 1/9 log2(1 - 1/4) * 2 + 3/9 log2(1) = 1 - 4/9 + 2/9 log2(.75) = 0.4633.
    std::vector<std::string> everyone;
    for (std::size_t i = 1; i <= 12; ++i) everyone.push_back(rows[i][9] + "=" + rows[i][10]);
    EXPECT_THAT(everyone, ElementsAre("n=9", "mean=3.0000", "sd=1.5000", "median=3.0000", "rwg=0.0000", "ad=1.1111",
                                      "consensus=0.4633", "count=2", "count=1", "count=3", "count=1", "count=2"));
    EXPECT_EQ(rows[8][7], "1"); // the points, from the scale's minimum
    EXPECT_EQ(rows[12][7], "5");
    // Sales: 4,5,5. mean 4.6667, s^2 = 1/3, sd 0.5774, median 5, rwg = 1 - (1/3)/2 = 0.8333,
    // AD = (2/3 + 1/3 + 1/3)/3 = 0.4444, Cns: 1 + 1/3 log2(1 - (2/3)/4) + 2/3 log2(1 - (1/3)/4) = 0.8286.
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "mean"), "4.6667");
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "sd"), "0.5774");
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "median"), "5.0000");
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "rwg"), "0.8333");
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "ad"), "0.4444");
    EXPECT_EQ(valueOf(rows, "Sales", "value_language_differs", "", "consensus"), "0.8286");
}

TEST(SummaryCsv, LeavesRwgEmptyWhereItIsNotDefined) {
    DashboardModel model = handModel();
    model.ratedItems[0].groups[1].statistics.hasRwg = false;
    EXPECT_EQ(valueOf(written(signsSurvey(), model), "Sales", "value_language_differs", "", "rwg"), "");
}

TEST(SummaryCsv, QuotesFieldsAsRfc4180Says) {
    EXPECT_EQ(csvField("Sales"), "Sales");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("R&D, Europe"), "\"R&D, Europe\"");
    EXPECT_EQ(csvField("the \"A\" team"), "\"the \"\"A\"\" team\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\rhere"), "\"cr\rhere\"");

    const Survey survey = everyKind();
    std::ostringstream out;
    writeSummaryCsv(survey, everyKindModel(survey), out);
    EXPECT_THAT(out.str(), HasSubstr(",rate,\"Rate, \"\"this\"\"\",scale,"));
    EXPECT_THAT(out.str(), HasSubstr(",b,\"Beta\nline\",count,"));
    const std::vector<Row> rows = parseCsv(out.str());
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Sales", "s", "m", "rate", "Rate, \"this\"", "scale", "", "", "n",
                                           "10")));
    EXPECT_THAT(rows, Contains(ElementsAre("pulse", "Sales", "s", "m", "pick", "Prompt of pick", "choice", "b",
                                           "Beta\nline", "share", "0.0000")));

    DashboardModel model = handModel();
    model.ratedItems[0].groups[1].group = "Sales, \"North\"";
    EXPECT_EQ(valueOf(written(signsSurvey(), model), "Sales, \"North\"", "value_language_differs", "", "n"), "3");
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
    writeSummaryCsv(signsSurvey(), model, out);
    const std::vector<Row> rows = parseCsv(out.str());
    EXPECT_EQ(valueOf(rows, "Everyone", "value_language_differs", "", "n"), "1234567");
    EXPECT_EQ(valueOf(rows, "Everyone", "value_language_differs", "", "sd"), "1.5000");
}

} // namespace
} // namespace alignkiosk::core
