// What a durable, order-free commit costs: ResponseStore::submit() of one workshop participant (three steps, about
// 1.3 KB) beside the floor any durable write pays, a raw write() + fsync() of the same bytes. Both report p50, p99
// and max in microseconds as counters. Run it on the disk a kiosk would use (the current folder by default, or
// ALIGNKIOSK_BENCH_DIR): a tmpfs makes fsync free and the figures meaningless.
#include "core/response_store.h"

#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
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
