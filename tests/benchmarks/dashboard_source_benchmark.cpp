// The dashboard's source on a large store (issue figures): opening the store, reading it into a first model, one new
// participant arriving while the dashboard is open, and the idle check the source makes once a second.
//
// The store is built once (ALIGNKIOSK_BENCH_PARTICIPANTS participants, 1,000,000 by default, three steps each) in
// ALIGNKIOSK_BENCH_DIR (the current folder by default) and reused by later runs; at a million it takes about 3 GB.
#include "core/dashboard_source.h"
#include "core/response_store.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
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

// The store, built on first use (and kept for later runs).
const fs::path& benchStore() {
    static const fs::path path = [] {
        const fs::path file = storePath();
        auto store = ResponseStore::open(file);
        uint64_t have = store.participants("bench-workshop");
        if (have < participantsWanted()) std::cerr << "building " << file << " (" << participantsWanted() << ")...\n";
        while (have < participantsWanted()) {
            std::vector<Submission> batch;
            for (uint64_t i = 0; i < 20'000 && have + i < participantsWanted(); ++i) batch.push_back(participant(have + i));
            store.submitAll(batch);
            have += batch.size();
        }
        return file;
    }();
    return path;
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void BM_OpenLargeStore(benchmark::State& state) {
    const fs::path& file = benchStore();
    for (auto _ : state) benchmark::DoNotOptimize(ResponseStore::open(file));
    state.counters["participants"] = static_cast<double>(participantsWanted());
    state.counters["file_MB"] = static_cast<double>(fs::file_size(file)) / 1e6;
}
BENCHMARK(BM_OpenLargeStore)->Unit(benchmark::kMillisecond)->Iterations(5);

// Opening the dashboard: from nothing to the first model of every answer (on the source's thread; the UI thread
// meanwhile draws the progress).
void BM_DashboardFirstModel(benchmark::State& state) {
    const fs::path& file = benchStore();
    const Survey survey = benchSurvey();
    auto store = ResponseStore::open(file);
    for (auto _ : state) {
        DashboardSource source(survey, store);
        benchmark::DoNotOptimize(source.waitUntilLoaded());
    }
    state.counters["peak_RSS_MB"] = static_cast<double>(peakRssKb()) / 1024.0;
}
BENCHMARK(BM_DashboardFirstModel)->Unit(benchmark::kMillisecond)->Iterations(2);

// One participant finishes while the dashboard is open: from the source being asked (as its poll would) to the new
// model published. The submit's own durable commit is outside the timing.
void BM_OneNewParticipant(benchmark::State& state) {
    const fs::path& file = benchStore();
    const Survey survey = benchSurvey();
    auto store = ResponseStore::open(file);
    auto kiosk = ResponseStore::open(file);
    std::mutex mutex;
    std::condition_variable changed;
    DashboardSourceOptions options;
    options.pollInterval = std::chrono::hours(1); // only when asked
    options.releaseBatch = 1; // every newcomer counted at once: the cost of one, not the wait for a batch of k
    options.onChange = [&] { changed.notify_all(); };
    DashboardSource source(survey, store, options);
    source.waitUntilLoaded();
    uint64_t next = participantsWanted() + 1'000'000'000ull;
    for (auto _ : state) {
        state.PauseTiming();
        kiosk.submit(participant(next++));
        const uint64_t version = source.modelVersion();
        state.ResumeTiming();
        source.refreshNow();
        std::unique_lock lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(60), [&] { return source.modelVersion() != version; });
    }
    state.counters["rows_read_per_participant"] =
        static_cast<double>(source.progress().rowsReadEver - source.progress().rowsRead) /
        static_cast<double>(state.iterations());
}
BENCHMARK(BM_OneNewParticipant)->Unit(benchmark::kMillisecond)->Iterations(20);

// What the source does once a second while nothing happens: ask the store whether anything changed.
void BM_IdleCheck(benchmark::State& state) {
    const fs::path& file = benchStore();
    auto store = ResponseStore::open(file);
    // At one check a second, the time per check in microseconds is the share of a core in millionths.
    for (auto _ : state) benchmark::DoNotOptimize(store.changeToken());
}
BENCHMARK(BM_IdleCheck)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
