// Load on one collector (loopback only): N simulated laptops, each a thread with its own keep-alive HTTP connection,
// POST sealed submissions as fast as their answers come back, into a collector on a real-disk SQLite store.
// Reports sustained submissions per second and the acknowledgement latency (send to "stored": p50, p99, max), and
// the submissions acknowledged in each second, so the store's pauses (a slot class growing) show.
//
//   alignkiosk_collector_load_benchmark [laptops=200] [seconds=10] [per_laptop=400] [pregrow=0] [rate=0]
//
// rate 0: closed loop, each laptop sends its next submission when the last is acknowledged (the collector's
// capacity; latency then is just laptops / throughput). rate R: open loop, the laptops together offer R submissions
// per second, evenly spread; latency is measured from when a submission was due, so a stalled collector is not
// hidden by laptops that waited for it.
// Every laptop seals its submissions before the clock starts (a laptop seals on its own machine, not the collector's
// CPU). `pregrow` participants are written with submitAll before the run, to measure a store that has already grown.
// The store is made in ALIGNKIOSK_BENCH_DIR (default: the current folder): a tmpfs would make fsync free.
#include "collection/collector.h"
#include "collection/sealed_submission.h"
#include "core/response_store.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace alignkiosk;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

core::Submission participant(std::size_t i) {
    core::Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = 3;
    submission.team = (i % 3 == 0) ? "Marketing" : (i % 3 == 1) ? "Sales" : "Engineering";
    submission.responses = {
        {"signs", "diagnostic_signs", "1.2.0",
         R"({"answers":{"q1":)" + std::to_string(i % 5) + R"(,"q2":)" + std::to_string((i / 5) % 5) + "}}"},
        {"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":"ship the pulse"}})"},
    };
    return submission;
}

std::size_t argument(int argc, char** argv, int index, std::size_t fallback) {
    return argc > index ? static_cast<std::size_t>(std::strtoull(argv[index], nullptr, 10)) : fallback;
}

double percentile(std::vector<double>& sorted, double share) {
    if (sorted.empty()) return 0;
    std::size_t at = static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1));
    return sorted[at];
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t laptops = argument(argc, argv, 1, 200);
    const std::size_t seconds = argument(argc, argv, 2, 10);
    const std::size_t perLaptop = argument(argc, argv, 3, 400);
    const std::size_t pregrow = argument(argc, argv, 4, 0);
    const std::size_t rate = argument(argc, argv, 5, 0);

    const char* benchDir = std::getenv("ALIGNKIOSK_BENCH_DIR");
    fs::path dir = fs::path(benchDir && *benchDir ? benchDir : ".") / "alignkiosk-collector-bench";
    fs::remove_all(dir);
    fs::create_directories(dir);
    core::ResponseStore store = core::ResponseStore::open(dir / "collected.db");
    if (pregrow > 0) {
        std::vector<core::Submission> batch;
        for (std::size_t i = 0; i < pregrow; ++i) {
            batch.push_back(participant(i));
            if (batch.size() == 5000 || i + 1 == pregrow) {
                store.submitAll(batch);
                batch.clear();
            }
        }
    }

    collection::CollectionKeys keys = collection::CollectionKeys::generate();
    collection::JoinCode code = collection::JoinCode::random();
    collection::CollectorOptions options;
    options.httpThreads = laptops + 16; // every laptop can wait for the same commit
    collection::Collector collector(store, keys, code, {R"({"id":"team-pulse","version":3})", "team-pulse", 3, {}},
                                    options);
    collector.start();

    std::vector<std::vector<std::string>> sealed(laptops);
    for (std::size_t l = 0; l < laptops; ++l)
        for (std::size_t i = 0; i < perLaptop; ++i) {
            auto bytes = collection::seal(participant(l * perLaptop + i), collection::SubmissionId::random(),
                                          keys.publicKey());
            sealed[l].emplace_back(bytes.begin(), bytes.end());
        }

    std::mutex resultsMutex;
    std::vector<double> latenciesMs;
    std::vector<std::size_t> perSecond(seconds + 2, 0);
    std::atomic<std::size_t> failures{0};
    const Clock::time_point start = Clock::now();
    const Clock::time_point end = start + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (std::size_t l = 0; l < laptops; ++l)
        threads.emplace_back([&, l] {
            httplib::Client client("127.0.0.1", collector.port());
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true); // as the delivery client does: no 40 ms Nagle/delayed-ACK stall
            client.set_read_timeout(std::chrono::seconds(30));
            const httplib::Headers headers{{collection::kJoinCodeHeader, code.text()}};
            std::vector<double> mine;
            std::vector<std::size_t> mySeconds(perSecond.size(), 0);
            const auto interval = rate ? std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(static_cast<double>(laptops) /
                                                                           static_cast<double>(rate)))
                                       : Clock::duration::zero();
            Clock::time_point due = start + interval * static_cast<long>(l) / static_cast<long>(laptops);
            for (const std::string& body : sealed[l]) {
                if (rate) {
                    std::this_thread::sleep_until(due);
                    due += interval;
                }
                Clock::time_point sent = rate ? due - interval : Clock::now();
                if (sent >= end) break;
                httplib::Result res = client.Post(collection::kSubmissionPath, headers, body,
                                                  "application/octet-stream");
                Clock::time_point answered = Clock::now();
                if (!res || res->status != 200) {
                    ++failures;
                    continue;
                }
                mine.push_back(std::chrono::duration<double, std::milli>(answered - sent).count());
                auto second = static_cast<std::size_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                           answered - start).count());
                ++mySeconds[std::min(second, mySeconds.size() - 1)];
            }
            std::lock_guard lock(resultsMutex);
            latenciesMs.insert(latenciesMs.end(), mine.begin(), mine.end());
            for (std::size_t s = 0; s < perSecond.size(); ++s) perSecond[s] += mySeconds[s];
        });
    for (std::thread& thread : threads) thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    collector.stop();

    std::sort(latenciesMs.begin(), latenciesMs.end());
    collection::CollectorCounters counters = collector.counters();
    std::printf("laptops %zu, offered %s, pre-grown store %zu participants, run %.2f s\n", laptops,
                rate ? (std::to_string(rate) + "/s").c_str() : "as fast as acknowledged", pregrow, elapsed);
    std::printf("acknowledged %zu (stored %zu), failed %zu, commits %zu (%.1f submissions per commit)\n",
                latenciesMs.size(), counters.stored, failures.load(), counters.commits,
                counters.commits ? static_cast<double>(counters.stored) / static_cast<double>(counters.commits) : 0);
    std::printf("sustained %.0f submissions/s\n", static_cast<double>(latenciesMs.size()) / elapsed);
    std::printf("acknowledgement latency ms: p50 %.1f  p99 %.1f  max %.1f\n", percentile(latenciesMs, 0.50),
                percentile(latenciesMs, 0.99), latenciesMs.empty() ? 0.0 : latenciesMs.back());
    std::printf("per second:");
    for (std::size_t s = 0; s < perSecond.size(); ++s)
        if (perSecond[s]) std::printf(" %zu", perSecond[s]);
    std::printf("\nstore rows %zu, delivered ids %zu\n", store.count(), store.deliveredCount());
    fs::remove_all(dir);
    return failures.load() == 0 ? 0 : 1;
}
