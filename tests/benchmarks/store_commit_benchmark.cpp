// What a durable, order-free commit costs: ResponseStore::submit() of one workshop participant (three steps, about
// 1.3 KB) beside the floor any durable write pays, a raw write() + fsync() of the same bytes. Both report p50, p99
// and max in microseconds as counters. And a collector's group commit: submitOnce() of 1, 16, 64 or 256 deliveries
// (new ids) in one transaction, reporting submissions per second and p50/p99/max per batch. Run it on the disk a
// kiosk would use (the current folder by default, or ALIGNKIOSK_BENCH_DIR): a tmpfs makes fsync free and the figures
// meaningless.
#include "core/response_store.h"

#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using alignkiosk::core::Delivery;
using alignkiosk::core::DeliveryOutcome;
using alignkiosk::core::ResponseStore;
using alignkiosk::core::Submission;
using Clock = std::chrono::steady_clock;

fs::path benchDir() {
    const char* dir = std::getenv("ALIGNKIOSK_BENCH_DIR");
    fs::path path = fs::path(dir && *dir ? dir : ".") / "alignkiosk-commit-bench";
    fs::remove_all(path);
    fs::create_directories(path);
    return path;
}

Submission workshopParticipant(int i) {
    Submission submission;
    submission.surveyId = "mission-alignment-workshop";
    submission.surveyVersion = 1;
    submission.team = (i % 3 == 0) ? "Sales" : "Marketing";
    const std::string n = std::to_string(i % 5 + 1);
    submission.responses = {
        {"signs", "diagnostic_signs", "1.0.0",
         R"({"answers":{"unclear_priorities":)" + n + R"(,"value_language":4,"meetings_drift":2,"hiring_fit":3,)"
         R"("win_rate":3,"cycle_time":2,"churn":4,"referrals":)" + n + R"(},"open":{"first_fix":"Say no to the side projects that do not serve the core customer."}})"},
        {"stakeholders", "stakeholder_mapping", "1.0.0",
         R"({"mix":{"employer":30,"customers":55,"self":15},"roles":{"sales":"customer","service":"partner",)"
         R"("product":"supplier","leadership":"customer","agencies":"supplier","freelancers":"partner"},)"
         R"("understanding":{"sales":4,"service":3,"product":2,"leadership":5,"agencies":2,"freelancers":3}})"},
        {"focus", "focus_assessment", "1.0.0",
         R"({"goal":"Double the share of renewals from our ideal clients by next autumn.","smart":[1,1,0,1,1,0],)"
         R"("time_on_goal":35,"ideal_clients":40,"clarity":{"mission":2,"brand":1,"model":1,"offer":0},)"
         R"("opportunity":"referrals"})"},
    };
    return submission;
}

std::size_t bytesOf(const Submission& submission) {
    std::size_t bytes = 0;
    for (const auto& response : submission.responses) bytes += response.payload.size() + 80;
    return bytes;
}

void reportPercentiles(benchmark::State& state, std::vector<double>& micros) {
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = micros.back();
}

void BM_SubmitOneParticipant(benchmark::State& state) {
    const fs::path dir = benchDir();
    auto store = ResponseStore::open(dir / "responses.sqlite3");
    // Start from a store that already holds a workshop's worth (and more), as a kiosk's would.
    std::vector<Submission> earlier;
    for (int i = 0; i < state.range(0); ++i) earlier.push_back(workshopParticipant(i));
    if (!earlier.empty()) store.submitAll(earlier);
    std::vector<double> micros;
    int i = 0;
    for (auto _ : state) {
        const Submission submission = workshopParticipant(i++);
        const auto start = Clock::now();
        store.submit(submission);
        const auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        state.SetIterationTime(elapsed);
        micros.push_back(elapsed * 1e6);
    }
    state.counters["bytes"] = static_cast<double>(bytesOf(workshopParticipant(0)));
    reportPercentiles(state, micros);
    fs::remove_all(dir);
}
BENCHMARK(BM_SubmitOneParticipant)->Arg(0)->Arg(10000)->Iterations(2000)->UseManualTime()->Unit(benchmark::kMicrosecond);

// A laptop's submission id for delivery n (distinct for every n, 32 lowercase hex digits).
std::string submissionId(uint64_t n) {
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(n * 0x9e3779b97f4a7c15ull),
                  static_cast<unsigned long long>(n));
    return text;
}

// One batch of state.range(0) new deliveries per iteration, into a collector that already holds 10,000: through
// submitOnce (ids checked and kept), or through submitAll (the same rows without ids: what the ids cost).
void submitBatches(benchmark::State& state, bool withIds) {
    const fs::path dir = benchDir();
    auto store = ResponseStore::open(dir / "collector.sqlite3");
    uint64_t next = 0;
    const auto batchOf = [&](std::size_t size) {
        std::vector<Delivery> batch;
        for (std::size_t i = 0; i < size; ++i, ++next)
            batch.push_back({submissionId(next), workshopParticipant(static_cast<int>(next))});
        return batch;
    };
    for (int i = 0; i < 20; ++i) store.submitOnce(batchOf(500));
    const auto size = static_cast<std::size_t>(state.range(0));
    std::vector<double> micros;
    double seconds = 0.0;
    for (auto _ : state) {
        const std::vector<Delivery> batch = batchOf(size);
        std::vector<Submission> plain;
        if (!withIds)
            for (const Delivery& delivery : batch) plain.push_back(delivery.submission);
        const auto start = Clock::now();
        if (withIds) {
            for (const auto& result : store.submitOnce(batch))
                if (result.outcome != DeliveryOutcome::Stored) state.SkipWithError("a delivery was not stored");
        } else {
            store.submitAll(plain);
        }
        const auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        state.SetIterationTime(elapsed);
        micros.push_back(elapsed * 1e6);
        seconds += elapsed;
    }
    state.counters["submissions_per_s"] = static_cast<double>(size * micros.size()) / seconds;
    reportPercentiles(state, micros);
    fs::remove_all(dir);
}

void BM_SubmitOnceBatch(benchmark::State& state) { submitBatches(state, true); }
void BM_SubmitAllBatch(benchmark::State& state) { submitBatches(state, false); }
// About 1,000 to 15,000 submissions each: past the growth of a slot class (every ~1.5x rows), which shows in max_us.
BENCHMARK(BM_SubmitOnceBatch)->Arg(1)->Iterations(1000)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitOnceBatch)->Arg(16)->Iterations(400)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitOnceBatch)->Arg(64)->Iterations(150)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitOnceBatch)->Arg(256)->Iterations(60)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitAllBatch)->Arg(1)->Iterations(1000)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitAllBatch)->Arg(64)->Iterations(150)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_RawWriteAndFsync(benchmark::State& state) {
    const fs::path dir = benchDir();
    const int fd = ::open((dir / "raw").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const std::string bytes(bytesOf(workshopParticipant(0)), 'x');
    std::vector<double> micros;
    for (auto _ : state) {
        const auto start = Clock::now();
        if (::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) || ::fsync(fd) != 0)
            state.SkipWithError("write or fsync failed");
        const auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        state.SetIterationTime(elapsed);
        micros.push_back(elapsed * 1e6);
    }
    ::close(fd);
    reportPercentiles(state, micros);
    fs::remove_all(dir);
}
BENCHMARK(BM_RawWriteAndFsync)->Iterations(2000)->UseManualTime()->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
