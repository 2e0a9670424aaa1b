// The dashboard's speed at 1,000,000 responses (issue 3, section 5), with Google Benchmark:
//
//   BM_RecountAndModel         every count rebuilt from 1,000,000 in-memory responses x 12 scale items x 5 teams
//                              (ResponseAggregator::addCounted), then every statistic (model()): the full recompute
//   BM_Model                   model() alone over the counts of 1,000,000 responses: what the live view pays per update
//   BM_SqliteGroupBy           the same counts from SQLite, answers(team, item, value) with 12,000,000 rows in
//                              :memory:, SELECT team, item, value, count(*) ... GROUP BY team, item, value, then the
//                              same statistics per team and item; without and with a covering index
//   BM_AddOneRow               one stored row (JSON payload of 12 answers) added at 1,000 and at 1,000,000 responses:
//                              O(items), so the two figures match
//   BM_CountJsonRows           1,000,000 stored rows read from their JSON payloads (what opening a full store costs
//                              after SQLite hands the rows over)
//
// After the run it prints how many times faster the full recompute is than each SQLite query. Run a Release-like build
// (the default RelWithDebInfo): bin/alignkiosk_statistics_benchmark [--benchmark_filter=...]

#include "core/response_aggregator.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace alignkiosk::core;

constexpr std::size_t kResponses = 1'000'000;
constexpr uint32_t kItems = 12;
constexpr int kPoints = 5;
const std::vector<std::string> kTeams = {"Sales", "Marketing", "Service", "Leadership", "Product"};
constexpr int kNoTeam = -1;

Survey benchmarkSurvey() {
    Survey survey;
    survey.id = "benchmark";
    survey.title = "Benchmark";
    survey.teams.assign(kTeams.begin(), kTeams.end());
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    for (uint32_t i = 0; i < kItems; ++i) {
        Question question;
        question.id = "item_" + std::to_string(i);
        question.kind = QuestionKind::Scale;
        question.prompt = "Item " + std::to_string(i);
        question.scaleMin = 1;
        question.scaleMax = kPoints;
        for (int point = 1; point <= kPoints; ++point) question.scaleLabels.push_back(std::to_string(point));
        step.questions.push_back(question);
    }
    survey.steps.push_back(step);
    return survey;
}

// 1,000,000 participants' answers held in memory, one byte each: team (kNoTeam for about 10%) and 12 scale points
// that lean by team and item, so groups differ as real ones do.
struct Answers {
    std::vector<int8_t> team;
    std::vector<uint8_t> values; // values[response * kItems + item]
};

const Answers& answers() {
    static const Answers data = [] {
        Answers generated;
        generated.team.resize(kResponses);
        generated.values.resize(kResponses * kItems);
        std::mt19937_64 random(20261122);
        for (std::size_t r = 0; r < kResponses; ++r) {
            const int team = random() % 10 == 0 ? kNoTeam : static_cast<int>(random() % kTeams.size());
            generated.team[r] = static_cast<int8_t>(team);
            for (uint32_t i = 0; i < kItems; ++i) {
                const int lean = static_cast<int>((static_cast<uint32_t>(team + 1) * 7u + i * 3u) % 3u) - 1;
                const int point = 1 + static_cast<int>(random() % kPoints) + (random() % 2 == 0 ? lean : 0);
                generated.values[r * kItems + i] = static_cast<uint8_t>(std::clamp(point, 1, kPoints));
            }
        }
        return generated;
    }();
    return data;
}

void countAll(ResponseAggregator& aggregator) {
    const Answers& data = answers();
    std::array<CountedAnswer, kItems> row{};
    for (std::size_t r = 0; r < kResponses; ++r) {
        for (uint32_t i = 0; i < kItems; ++i) row[i] = CountedAnswer{i, data.values[r * kItems + i]};
        const int team = data.team[r];
        aggregator.addCounted(0, team == kNoTeam ? std::nullopt : std::optional<std::size_t>(team), row);
    }
}

// [SECTION] Ours ----------------------------------------------------------------------------------------------------

void BM_RecountAndModel(benchmark::State& state) {
    const Survey survey = benchmarkSurvey();
    answers(); // generated outside the timing
    uint64_t seed = 0;
    for (auto _ : state) {
        ResponseAggregator aggregator(survey);
        countAll(aggregator);
        DashboardModel model = aggregator.model(++seed);
        benchmark::DoNotOptimize(model);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kResponses * kItems));
    state.counters["responses"] = static_cast<double>(kResponses);
}
BENCHMARK(BM_RecountAndModel)->Unit(benchmark::kMillisecond);

const ResponseAggregator& filledAggregator() {
    static const ResponseAggregator aggregator = [] {
        ResponseAggregator filled(benchmarkSurvey());
        countAll(filled);
        return filled;
    }();
    return aggregator;
}

void BM_Model(benchmark::State& state) {
    const ResponseAggregator& aggregator = filledAggregator();
    uint64_t seed = 0;
    for (auto _ : state) {
        DashboardModel model = aggregator.model(++seed);
        benchmark::DoNotOptimize(model);
    }
}
BENCHMARK(BM_Model)->Unit(benchmark::kMicrosecond);

// [SECTION] SQLite ------------------------------------------------------------------------------------------------

void check(int code, sqlite3* db, const char* what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void execute(sqlite3* db, const char* sql) {
    check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

// The same answers as a table: one row per answer, team 0-4 or NULL for no team. Integers throughout and an
// in-memory database: the most favourable setting for SQLite.
sqlite3* answersDatabase() {
    static sqlite3* const db = [] {
        sqlite3* opened = nullptr;
        if (sqlite3_open(":memory:", &opened) != SQLITE_OK) throw std::runtime_error("cannot open :memory:");
        execute(opened, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;");
        execute(opened, "CREATE TABLE answers(team INTEGER, item INTEGER NOT NULL, value INTEGER NOT NULL)");
        execute(opened, "BEGIN");
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_prepare_v2(opened, "INSERT INTO answers VALUES (?, ?, ?)", -1, &insert, nullptr), opened,
              "prepare");
        const Answers& data = answers();
        for (std::size_t r = 0; r < kResponses; ++r)
            for (uint32_t i = 0; i < kItems; ++i) {
                if (data.team[r] == kNoTeam) sqlite3_bind_null(insert, 1);
                else sqlite3_bind_int(insert, 1, data.team[r]);
                sqlite3_bind_int(insert, 2, static_cast<int>(i));
                sqlite3_bind_int(insert, 3, data.values[r * kItems + i]);
                check(sqlite3_step(insert), opened, "insert");
                sqlite3_reset(insert);
            }
        sqlite3_finalize(insert);
        execute(opened, "COMMIT");
        execute(opened, "CREATE INDEX answers_by_group ON answers(team, item, value)");
        return opened;
    }();
    return db;
}

// The GROUP BY, then every item's statistics for everyone and each team: the same figures model() computes.
void sqliteRecount(sqlite3* db, const char* sql) {
    sqlite3_stmt* query = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &query, nullptr), db, "prepare");
    // counts[group][item][point]; group kTeams.size() is no team.
    std::vector<std::array<std::array<uint64_t, kPoints>, kItems>> counts(kTeams.size() + 1);
    int code;
    while ((code = sqlite3_step(query)) == SQLITE_ROW) {
        const std::size_t group = sqlite3_column_type(query, 0) == SQLITE_NULL
                                      ? kTeams.size()
                                      : static_cast<std::size_t>(sqlite3_column_int(query, 0));
        const auto item = static_cast<std::size_t>(sqlite3_column_int(query, 1));
        const auto point = static_cast<std::size_t>(sqlite3_column_int(query, 2) - 1);
        counts[group][item][point] += static_cast<uint64_t>(sqlite3_column_int64(query, 3));
    }
    check(code, db, "step");
    sqlite3_finalize(query);
    for (std::size_t item = 0; item < kItems; ++item) {
        ScaleDistribution everyone{1, std::vector<uint64_t>(kPoints)};
        for (std::size_t group = 0; group < counts.size(); ++group) {
            ScaleDistribution team{1, std::vector<uint64_t>(counts[group][item].begin(), counts[group][item].end())};
            for (std::size_t p = 0; p < kPoints; ++p) everyone.counts[p] += team.counts[p];
            if (group < kTeams.size()) benchmark::DoNotOptimize(computeItemStatistics(team));
        }
        benchmark::DoNotOptimize(computeItemStatistics(everyone));
    }
}

void BM_SqliteGroupBy(benchmark::State& state, const char* sql) {
    sqlite3* db = answersDatabase(); // built outside the timing
    for (auto _ : state) sqliteRecount(db, sql);
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kResponses * kItems));
}
BENCHMARK_CAPTURE(BM_SqliteGroupBy, no_index,
                  "SELECT team, item, value, count(*) FROM answers NOT INDEXED GROUP BY team, item, value")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1); // about 20 s: it sorts all 12,000,000 rows
BENCHMARK_CAPTURE(BM_SqliteGroupBy, covering_index,
                  "SELECT team, item, value, count(*) FROM answers INDEXED BY answers_by_group "
                  "GROUP BY team, item, value")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// [SECTION] One new response ----------------------------------------------------------------------------------------

StoredResponse storedRow(std::size_t r) {
    const Answers& data = answers();
    StoredResponse row;
    row.id = "0123456789abcdef0123456789abcdef";
    row.surveyId = "benchmark";
    row.surveyVersion = 1;
    row.stepId = "signs";
    row.moduleId = "diagnostic_signs";
    row.moduleVersion = "1.0.0";
    if (data.team[r] != kNoTeam) row.team = kTeams[static_cast<std::size_t>(data.team[r])];
    row.sessionDate = "2026-11-22";
    row.payload = R"({"answers":{)";
    for (uint32_t i = 0; i < kItems; ++i)
        row.payload += (i ? ",\"item_" : "\"item_") + std::to_string(i) + "\":" +
                       std::to_string(data.values[r * kItems + i]);
    row.payload += "}}";
    return row;
}

// state.range(0) responses already counted, then one more row at a time (each adds to the counts, so the aggregator
// grows by one response per iteration; a few thousand on top of a million change nothing).
void BM_AddOneRow(benchmark::State& state) {
    const auto already = static_cast<std::size_t>(state.range(0));
    ResponseAggregator aggregator(benchmarkSurvey());
    const Answers& data = answers();
    std::array<CountedAnswer, kItems> counted{};
    for (std::size_t r = 0; r < already; ++r) {
        for (uint32_t i = 0; i < kItems; ++i) counted[i] = CountedAnswer{i, data.values[r * kItems + i]};
        const int team = data.team[r];
        aggregator.addCounted(0, team == kNoTeam ? std::nullopt : std::optional<std::size_t>(team), counted);
    }
    const StoredResponse row = storedRow(7);
    for (auto _ : state) benchmark::DoNotOptimize(aggregator.add(row));
    state.counters["responses"] = static_cast<double>(aggregator.added());
}
BENCHMARK(BM_AddOneRow)->Arg(1'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);

void BM_CountJsonRows(benchmark::State& state) {
    std::vector<StoredResponse> rows;
    rows.reserve(kResponses);
    for (std::size_t r = 0; r < kResponses; ++r) rows.push_back(storedRow(r));
    const Survey survey = benchmarkSurvey();
    for (auto _ : state) {
        ResponseAggregator aggregator(survey);
        for (const StoredResponse& row : rows) aggregator.add(row);
        benchmark::DoNotOptimize(aggregator.added());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kResponses));
}
BENCHMARK(BM_CountJsonRows)->Unit(benchmark::kMillisecond)->Iterations(2);

// [SECTION] Report ------------------------------------------------------------------------------------------------

// The console report, plus each benchmark's real time per iteration in seconds for the comparison at the end.
class RecordingReporter : public benchmark::ConsoleReporter {
public:
    // Colours only on a terminal, so a report redirected to a file stays plain text.
    RecordingReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs)
            if (!run.error_occurred && run.run_type == Run::RT_Iteration)
                seconds[run.benchmark_name()] = run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> seconds;
};

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto ours = reporter.seconds.find("BM_RecountAndModel");
    if (ours == reporter.seconds.end()) return 0;
    std::printf("\nFull recompute (1,000,000 responses x %u items): %.1f ms (target <= 100 ms)\n", kItems,
                ours->second * 1e3);
    for (const auto& [name, seconds] : reporter.seconds)
        if (name.starts_with("BM_SqliteGroupBy/"))
            std::printf("%s: %.1f ms, %.1fx the full recompute's time (target >= 5x)\n", name.c_str(), seconds * 1e3,
                        seconds / ours->second);
    return 0;
}
