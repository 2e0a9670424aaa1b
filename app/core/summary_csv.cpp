#include "summary_csv.h"

#include "item_statistics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cctype>

namespace alignkiosk::core {

namespace {

// Fixed 4 decimals through std::to_chars (and counts through std::to_string), which ignore the locale: a stream
// imbued with a German locale must not write "3,5000" or "1.000".
std::string number(double value) {
    if (!std::isfinite(value)) return {};
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
    if (result.ec != std::errc()) return {};
    std::string text(buffer, result.ptr);
    return text == "-0.0000" ? std::string("0.0000") : text; // a tiny negative rounding error is no sign
}

std::string count(uint64_t value) { return std::to_string(value); }

std::string share(uint64_t part, uint64_t whole) {
    return whole == 0 ? std::string() : number(static_cast<double>(part) / static_cast<double>(whole));
}

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

// The dashboard's label rule (RatedItem::label): the "label" attribute, else the prompt.
std::string labelOf(const Question& question) {
    const auto label = question.attributes.find("label");
    return label != question.attributes.end() && !blank(label->second) ? label->second : question.prompt;
}

// Writes the rows of one question for one group: the fixed columns once, then option and statistic per row.
class RowWriter {
public:
    RowWriter(std::ostream& out, const std::string& survey, const Step& step, const Question& question,
              const std::string& group, const std::string& everyoneLabel)
        : m_out(out),
          m_prefix(csvField(survey) + ',' + csvField(group == kEveryoneGroup ? everyoneLabel : group) + ',' +
                   csvField(step.id) + ',' + csvField(step.moduleId) + ',' + csvField(question.id) + ',' +
                   csvField(labelOf(question)) + ',' + csvField(questionKindName(question.kind)) + ',') {}

    void row(const std::string& statistic, const std::string& value) { row({}, {}, statistic, value); }
    void row(const std::string& optionId, const std::string& optionLabel, const std::string& statistic,
             const std::string& value) {
        m_out << m_prefix << csvField(optionId) << ',' << csvField(optionLabel) << ',' << statistic << ',' << value
              << '\n';
    }

private:
    std::ostream& m_out;
    std::string m_prefix;
};

void writeScale(RowWriter& rows, const Question& question, const GroupItem& group) {
    const ItemStatistics& s = group.statistics;
    rows.row("n", count(s.n));
    rows.row("mean", number(s.mean));
    rows.row("sd", number(s.sd));
    rows.row("median", number(s.median));
    rows.row("rwg", s.hasRwg ? number(s.rwg) : std::string());
    rows.row("ad", number(s.ad));
    rows.row("consensus", number(s.consensus));
    const std::vector<uint64_t>& counts = group.distribution.counts;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::string label = i < question.scaleLabels.size() ? question.scaleLabels[i] : std::string();
        rows.row(std::to_string(group.distribution.scaleMin + static_cast<int>(i)), label, "count", count(counts[i]));
    }
}

// Percentages are counted per point 0..100: the scale statistics apply as they are.
void writePercent(RowWriter& rows, const QuestionCounts& counts) {
    const ItemStatistics s = computeItemStatistics(ScaleDistribution{0, counts.counts});
    rows.row("n", count(counts.answered));
    rows.row("mean", number(s.mean));
    rows.row("sd", number(s.sd));
    rows.row("median", number(s.median));
}

// Choice and multi-choice: counts per option; the share is of those who answered (a multi-choice's shares may sum
// to more than 1).
void writeOptions(RowWriter& rows, const Question& question, const QuestionCounts& counts) {
    rows.row("n", count(counts.answered));
    for (std::size_t o = 0; o < question.options.size() && o < counts.counts.size(); ++o) {
        const Option& option = question.options[o];
        rows.row(option.id, option.label, "count", count(counts.counts[o]));
        rows.row(option.id, option.label, "share", share(counts.counts[o], counts.answered));
    }
}

// Allocation: counts hold the points per option summed, then per option a histogram of the points given (0..total),
// from which the mean, sd and median of the points given to each option follow.
void writeAllocation(RowWriter& rows, const Question& question, const QuestionCounts& counts) {
    rows.row("n", count(counts.answered));
    const std::size_t options = question.options.size();
    const std::size_t bins = std::size_t{question.total} + 1;
    if (counts.counts.size() != options * (bins + 1)) return; // not the layout this survey's question gives
    for (std::size_t o = 0; o < options; ++o) {
        const auto begin = counts.counts.begin() + static_cast<std::ptrdiff_t>(options + o * bins);
        const std::vector<uint64_t> given(begin, begin + static_cast<std::ptrdiff_t>(bins));
        const ItemStatistics s = computeItemStatistics(ScaleDistribution{0, given});
        const Option& option = question.options[o];
        rows.row(option.id, option.label, "points", count(counts.counts[o]));
        rows.row(option.id, option.label, "mean", number(s.mean));
        rows.row(option.id, option.label, "sd", number(s.sd));
        rows.row(option.id, option.label, "median", number(s.median));
    }
}

const RatedItem* findRatedItem(const DashboardModel& model, const Step& step, const Question& question) {
    for (const RatedItem& item : model.ratedItems)
        if (item.stepId == step.id && item.questionId == question.id) return &item;
    return nullptr;
}

const ModuleAggregate* findModule(const DashboardModel& model, const Step& step) {
    for (const ModuleAggregate& module : model.modules)
        if (module.stepId == step.id) return &module;
    return nullptr;
}

void writeQuestion(const std::string& surveyId, const DashboardModel& model, const Step& step,
                   const Question& question, const std::string& everyoneLabel, std::ostream& out) {
    switch (question.kind) {
    case QuestionKind::Scale:
        if (const RatedItem* item = findRatedItem(model, step, question))
            for (const GroupItem& group : item->groups) {
                RowWriter rows(out, surveyId, step, question, group.group, everyoneLabel);
                writeScale(rows, question, group);
            }
        return;
    case QuestionKind::Text:
        // How many answered, for groups at the open-text threshold; the answers themselves stay on the screen.
        for (const TextAnswers& texts : model.texts)
            if (texts.stepId == step.id && texts.questionId == question.id) {
                RowWriter rows(out, surveyId, step, question, texts.group, everyoneLabel);
                rows.row("n", count(texts.answers.size()));
            }
        return;
    case QuestionKind::Percent:
    case QuestionKind::Choice:
    case QuestionKind::MultiChoice:
    case QuestionKind::Allocation: break;
    }
    const ModuleAggregate* module = findModule(model, step);
    if (module == nullptr) return;
    for (const ModuleGroupAggregate& group : module->groups)
        for (const QuestionCounts& counts : group.questions) {
            if (counts.questionId != question.id) continue;
            RowWriter rows(out, surveyId, step, question, group.group, everyoneLabel);
            if (question.kind == QuestionKind::Percent) writePercent(rows, counts);
            else if (question.kind == QuestionKind::Allocation) writeAllocation(rows, question, counts);
            else writeOptions(rows, question, counts);
        }
}

} // namespace

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void writeSummaryCsv(const Survey& survey, const DashboardModel& model, std::ostream& out,
                     const std::string& everyoneLabel) {
    out << kUtf8Bom << kSummaryCsvHeader << '\n';
    const std::string& surveyId = model.surveyId.empty() ? survey.id : model.surveyId;
    for (const Step& step : survey.steps)
        for (const Question& question : step.questions) writeQuestion(surveyId, model, step, question, everyoneLabel, out);
}

} // namespace alignkiosk::core
