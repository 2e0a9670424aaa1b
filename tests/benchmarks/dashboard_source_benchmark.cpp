// The dashboard's source on a large store (issue figures), on the SQLite file and on PostgreSQL in the same run:
// opening the store, reading it into a first model (on PostgreSQL the server counts it: AnswerStore::tally), one new
// batch of k participants arriving while the dashboard is open, the export's summary.csv from a freshly opened
// dashboard, and the idle check the source makes once a second.
//
// ALIGNKIOSK_BENCH_PARTICIPANTS participants (1,000,000 by default, three steps each). The SQLite file is built once
// in ALIGNKIOSK_BENCH_DIR (the current folder by default) and reused by later runs (about 3 GB at a million).
// PostgreSQL: the database ALIGNKIOSK_BENCH_STORE names (a postgresql:// URI, filled on first use and kept), else a
// server this program starts in a temporary folder on the same disk (tests/support/postgres_server.h), filled, and
// removed at exit. The benchmark names end in /sqlite or /postgres.
#include "core/dashboard_source.h"
#include "core/postgres_store.h"
#include "core/response_store.h"
#include "core/summary_csv.h"
#include "support/postgres_server.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace alignkiosk::core;
using Clock = std::chrono::steady_clock;

uint64_t participantsWanted() {
    const char* text = std::getenv("ALIGNKIOSK_BENCH_PARTICIPANTS");
    return text && *text ? std::strtoull(text, nullptr, 10) : 1'000'000;
}

const std::vector<std::string>& teams() {
    static const std::vector<std::string> names{"Sales", "Marketing", "Customer service", "Product", "Leadership"};
    return names;
}

// Three steps, each with two rated questions and one open sentence.
Survey benchSurvey() {
    Survey survey;
    survey.id = "bench-workshop";
    survey.title = "Benchmark workshop";
    const std::vector<std::string> names = teams();
    survey.teams.assign(names.begin(), names.end());
    survey.anonymity.ratings = 5;
    survey.anonymity.text = 5;
    for (const char* id : {"signs", "stakeholders", "focus"}) {
        Step step;
        step.id = id;
        step.moduleId = std::string(id) + "_module";
        step.title = id;
        for (const char* q : {"a", "b"}) {
            Question question;
            question.id = q;
            question.kind = QuestionKind::Scale;
            question.prompt = std::string("Item ") + q;
            question.scaleMin = 1;
            question.scaleMax = 5;
            question.scaleLabels = {"1", "2", "3", "4", "5"};
            step.questions.push_back(question);
        }
        Question open;
        open.id = "goal";
        open.kind = QuestionKind::Text;
        open.prompt = "One sentence";
        open.required = false;
        open.maxLength = 200;
        step.questions.push_back(open);
        survey.steps.push_back(step);
    }
    return survey;
}

Submission participant(uint64_t i) {
    Submission submission;
    submission.surveyId = "bench-workshop";
    submission.surveyVersion = 1;
    submission.team = teams()[i % teams().size()];
    for (const char* id : {"signs", "stakeholders", "focus"})
        submission.responses.push_back(
            {id, std::string(id) + "_module", "1.0.0",
             R"({"answers":{"a":)" + std::to_string(1 + i % 5) + R"(,"b":)" + std::to_string(1 + (i / 5) % 5) +
                 R"(,"goal":"Double the renewals from our ideal clients by next autumn."}})"});
    return submission;
}

fs::path storePath() {
    const char* dir = std::getenv("ALIGNKIOSK_BENCH_DIR");
    return fs::path(dir && *dir ? dir : ".") /
           ("alignkiosk-source-bench-" + std::to_string(participantsWanted()) + ".sqlite3");
}

void fill(AnswerStore& store, const std::string& where) {
    uint64_t have = store.participants("bench-workshop");
    if (have < participantsWanted()) std::cerr << "filling " << where << " (" << participantsWanted() << ")...\n";
    while (have < participantsWanted()) {
        std::vector<Submission> batch;
        for (uint64_t i = 0; i < 20'000 && have + i < participantsWanted(); ++i) batch.push_back(participant(have + i));
        store.submitAll(batch);
        have += batch.size();
    }
}

enum StoreKind : int64_t { kSqlite = 0, kPostgres = 1 };

// Where each store is, filled on first use (and the server, when this program started one, stopped at exit).
const std::string& storeText(int64_t kind) {
    static const std::string sqlite = [] {
        const fs::path file = storePath();
        auto store = ResponseStore::open(file);
        fill(store, file.string());
        return file.string();
    }();
    if (kind == kSqlite) return sqlite;
    static std::optional<alignkiosk::test_support::PostgresServer> server;
    static const std::string postgres = [] {
        const char* given = std::getenv("ALIGNKIOSK_BENCH_STORE");
        std::string uri;
        if (given && *given) {
            uri = given;
        } else {
            server = alignkiosk::test_support::PostgresServer::start();
            std::atexit([] { server->stop(); });
            uri = server->uri;
        }
        fill(*PostgresStore::open(uri), withoutPassword(uri));
        return uri;
    }();
    return postgres;
}

std::unique_ptr<AnswerStore> openBench(int64_t kind) {
    return openStore(storeText(kind));
}

void nameStore(benchmark::State& state) {
    state.SetLabel(state.range(0) == kSqlite ? "sqlite" : "postgres");
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void BM_OpenLargeStore(benchmark::State& state) {
    nameStore(state);
    storeText(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(openBench(state.range(0)));
    state.counters["participants"] = static_cast<double>(participantsWanted());
}
BENCHMARK(BM_OpenLargeStore)->ArgName("store")->Arg(kSqlite)->Arg(kPostgres)->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// Opening the dashboard: from nothing to the first model of every answer (on the source's thread; the UI thread
// meanwhile draws the progress). Peak RSS is the process's, so run this benchmark alone to read it per store.
void BM_DashboardFirstModel(benchmark::State& state) {
    nameStore(state);
    const Survey survey = benchSurvey();
    auto store = openBench(state.range(0));
    for (auto _ : state) {
        DashboardSource source(survey, *store);
        benchmark::DoNotOptimize(source.waitUntilLoaded());
    }
    state.counters["peak_RSS_MB"] = static_cast<double>(peakRssKb()) / 1024.0;
}
BENCHMARK(BM_DashboardFirstModel)->ArgName("store")->Arg(kSqlite)->Arg(kPostgres)->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// One batch of k participants of one team finishes while the dashboard is open (a collector's group commit): from the
// source being asked (as its poll would) to the new model published with them. The batch's own durable commit is
// outside the timing; rows_read_per_batch says whether old rows were read again.
void BM_OneNewBatch(benchmark::State& state) {
    nameStore(state);
    const Survey survey = benchSurvey();
    auto store = openBench(state.range(0));
    auto collector = openBench(state.range(0));
    std::mutex mutex;
    std::condition_variable changed;
    DashboardSourceOptions options;
    options.pollInterval = std::chrono::hours(1); // only when asked
    options.onChange = [&] { changed.notify_all(); };
    DashboardSource source(survey, *store, options);
    source.waitUntilLoaded();
    const uint32_t k = source.progress().releaseBatch;
    const uint64_t before = source.progress().rowsReadEver;
    uint64_t next = participantsWanted() + 1'000'000'000ull;
    for (auto _ : state) {
        state.PauseTiming();
        // k of one team: every cell of theirs (step x team) fills, so the batch is released at once.
        std::vector<Submission> batch;
        for (uint32_t i = 0; i < k; ++i) batch.push_back(participant(next + i * teams().size()));
        next += k * teams().size();
        collector->submitAll(batch);
        const uint64_t version = source.modelVersion();
        state.ResumeTiming();
        source.refreshNow();
        std::unique_lock lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(60), [&] { return source.modelVersion() != version; });
    }
    state.counters["batch"] = k;
    state.counters["rows_read_per_batch"] =
        static_cast<double>(source.progress().rowsReadEver - before) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_OneNewBatch)->ArgName("store")->Arg(kSqlite)->Arg(kPostgres)->Unit(benchmark::kMillisecond)
    ->Iterations(20);

// `alignkiosk export`'s part that depends on the store: a dashboard opened afresh, read whole, and its summary.csv
// written (the pictures come from the same model).
void BM_ExportSummary(benchmark::State& state) {
    nameStore(state);
    const Survey survey = benchSurvey();
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto store = openBench(state.range(0));
        DashboardSource source(survey, *store);
        std::ostringstream csv;
        writeSummaryCsv(survey, *source.waitUntilLoaded(), csv);
        bytes = csv.str().size();
    }
    state.counters["csv_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ExportSummary)->ArgName("store")->Arg(kSqlite)->Arg(kPostgres)->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// What the source does once a second while nothing happens: ask the store whether anything changed.
void BM_IdleCheck(benchmark::State& state) {
    nameStore(state);
    auto store = openBench(state.range(0));
    // At one check a second, the time per check in microseconds is the share of a core in millionths.
    for (auto _ : state) benchmark::DoNotOptimize(store->changeToken());
}
BENCHMARK(BM_IdleCheck)->ArgName("store")->Arg(kSqlite)->Arg(kPostgres)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
