// Load on several collectors sharing one PostgreSQL (loopback only, bounded), with the server restarted mid-run:
//
//   alignkiosk_collectors_load_benchmark [collectors=4] [laptops=200] [seconds=20] [restart_at=10]
//                                        [per_laptop=30*seconds] [outbox|light]
//
// The program starts its own PostgreSQL 15 (tests/support/postgres_server.h, in TMPDIR: keep that on a real disk, a
// tmpfs would make fsync free) and stops it at exit. Each collector is a collection::Collector with its OWN
// PostgresStore connection to the same database, as separate `collect` processes would have; they take the
// collection's keys and join code from the store's settings as `collect` does, and listen on their own loopback ports
// with collect's options. The laptops are spread over the collectors (laptop i to collector i mod N, as a TCP
// balancer would), each with a real collection::Outbox and DeliveryClient: a participant finishes (the next sealed
// submission is added to the outbox) once the last one was acknowledged, and what was not acknowledged is sent again
// when the client's retry schedule (or a collector's Retry-After) says. restart_at 0: no restart. `light` laptops
// keep the entry in memory instead (runLightLaptop), to tell the collectors' capacity from the CPU the simulated
// laptops' outboxes take on this same machine.
//
// The outboxes live in ALIGNKIOSK_BENCH_OUTBOX_DIR (default /dev/shm): each laptop's outbox is on that laptop's own
// disk, so 200 outboxes' fsyncs on the server's disk would measure the wrong machine. Submissions are sealed before
// the clock starts (a laptop seals on its own CPU); at most per_laptop per laptop.
//
// After `seconds`, no participant finishes any more and every laptop drains its outbox (for at most 120 s). Then the
// checks, each failing the program: every submission acknowledged and every outbox empty; the store's delivered ids
// are exactly the acknowledged ids (keyed digests, as the store keeps them); every acknowledged submission's answers
// are in the store exactly once (each submission carries a unique payload) and nothing else is.
//
// Reported: acknowledged per second over the run and outside the restart window (from the restart until the first
// whole second back at half the median second before it), acknowledgement latency from finish to acknowledgement,
// the acknowledgements of each second (the restart's gap shows), and the failed attempts by kind.
#include "collection/collector.h"
#include "collection/delivery_client.h"
#include "collection/outbox.h"
#include "collection/retry_schedule.h"
#include "collection/sealed_submission.h"
#include "collection/store_keys.h"
#include "core/answer_store.h"
#include "support/postgres_server.h"

#include <httplib.h>
#include <libpq-fe.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace alignkiosk;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSurveyId = "team-pulse";
constexpr uint32_t kSurveyVersion = 3;
// As `collect` keeps it (app/platform/collect_command.cpp): collectors on one database share one code.
constexpr const char* kJoinCodeSetting = "collection_join_code";
constexpr auto kDrainLimit = std::chrono::seconds(120);

// Participant `tag`'s answers: two steps, the second carrying the tag so each submission's rows can be found.
core::Submission participant(std::size_t i, const std::string& tag) {
    core::Submission submission;
    submission.surveyId = kSurveyId;
    submission.surveyVersion = kSurveyVersion;
    submission.team = (i % 3 == 0) ? "Marketing" : (i % 3 == 1) ? "Sales" : "Engineering";
    submission.responses = {
        {"signs", "diagnostic_signs", "1.2.0",
         R"({"answers":{"q1":)" + std::to_string(i % 5) + R"(,"q2":)" + std::to_string((i / 5) % 5) + "}}"},
        {"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":")" + tag + R"("}})"},
    };
    return submission;
}

std::size_t argument(int argc, char** argv, int index, std::size_t fallback) {
    return argc > index ? static_cast<std::size_t>(std::strtoull(argv[index], nullptr, 10)) : fallback;
}

double percentile(const std::vector<double>& sorted, double share) {
    if (sorted.empty()) return 0;
    return sorted[static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1))];
}

double secondsBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

// The server this program started, stopped however the program ends.
struct ServerGuard {
    test_support::PostgresServer server;
    ~ServerGuard() { server.stop(); }
};

struct Sealed {
    collection::SubmissionId id;
    std::vector<unsigned char> bytes;
    std::string payload; // the focus step's payload: unique to this submission
};

struct Acknowledged {
    collection::SubmissionId id;
    std::string payload;
    Clock::time_point finished; // added to the outbox
    Clock::time_point acknowledged;
};

// What one laptop saw.
struct LaptopLog {
    std::vector<Acknowledged> acknowledged;
    std::size_t finished = 0;
    std::size_t failedAttempts = 0; // rounds that tried the waiting entry and did not get it acknowledged
    std::size_t refusedForGood = 0;
    std::map<std::string, std::size_t> errors; // the failed attempts by kind
    std::size_t leftInOutbox = 0;
};

std::string errorKind(const std::string& lastError) {
    if (lastError.find("refused for now") != std::string::npos) return "collector answered 503/429 (store down)";
    if (lastError.find("no collector answers") != std::string::npos) return "connection refused";
    if (lastError.find("did not answer") != std::string::npos) return "no answer in time / dropped";
    return lastError.empty() ? "other" : lastError;
}

void runLaptop(std::size_t index, const fs::path& outboxFile, uint16_t port, const collection::JoinCode& code,
               const std::vector<Sealed>& pool, Clock::time_point end, Clock::time_point drainEnd, LaptopLog& log) {
    collection::Outbox outbox = collection::Outbox::open(outboxFile);
    collection::DeliveryClient client(outbox, {"127.0.0.1", collection::HostKind::Ipv4, port}, code);
    std::size_t next = 0;
    std::optional<Acknowledged> waiting;
    for (;;) {
        Clock::time_point now = Clock::now();
        if (!waiting) {
            if (now >= end || next == pool.size()) break;
            const Sealed& sealed = pool[next++];
            outbox.add(sealed.id, sealed.bytes);
            waiting = Acknowledged{sealed.id, sealed.payload, Clock::now(), {}};
            ++log.finished;
        }
        if (now >= drainEnd) break;
        const collection::DeliveryRound round = client.deliverPending(Clock::now());
        if (round.delivered > 0) {
            waiting->acknowledged = Clock::now();
            log.acknowledged.push_back(*waiting);
            waiting.reset();
            continue;
        }
        if (!round.refused.empty()) {
            log.refusedForGood += round.refused.size();
            std::fprintf(stderr, "laptop %zu: refused for good: %s\n", index, round.refused.front().message.c_str());
            break;
        }
        ++log.failedAttempts;
        ++log.errors[errorKind(round.lastError)];
        if (round.nextAttempt) std::this_thread::sleep_until(std::min(*round.nextAttempt, drainEnd));
    }
    log.leftInOutbox = outbox.size();
}

// A laptop without the outbox's disk work: the entry waits in memory. Otherwise as DeliveryClient: a new connection
// for each attempt (its client lives for one round), the same retry schedule and Retry-After rule. It shows what the
// collectors take when the simulated laptops cost this machine's CPU less than real outboxes do.
// One attempt on a connection of its own, closed before the laptop waits (as DeliveryClient's round does: an idle
// connection would hold one of the collector's HTTP threads until its keep-alive timeout).
httplib::Result postOnce(uint16_t port, const httplib::Headers& headers, const std::vector<unsigned char>& body) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(5));
    client.set_write_timeout(std::chrono::seconds(5));
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    return client.Post(collection::kSubmissionPath, headers, reinterpret_cast<const char*>(body.data()), body.size(),
                       "application/octet-stream");
}

void runLightLaptop(uint16_t port, const collection::JoinCode& code, const std::vector<Sealed>& pool,
                    Clock::time_point end, Clock::time_point drainEnd, LaptopLog& log) {
    const httplib::Headers headers{{collection::kJoinCodeHeader, code.text()}};
    collection::RetrySchedule schedule;
    std::size_t next = 0;
    std::optional<Acknowledged> waiting;
    const Sealed* sending = nullptr;
    for (;;) {
        const Clock::time_point now = Clock::now();
        if (!waiting) {
            if (now >= end || next == pool.size()) break;
            sending = &pool[next++];
            waiting = Acknowledged{sending->id, sending->payload, now, {}};
            ++log.finished;
        }
        if (now >= drainEnd) break;
        const httplib::Result res = postOnce(port, headers, sending->bytes);
        if (res && res->status == 200) {
            schedule.forget(sending->id);
            waiting->acknowledged = Clock::now();
            log.acknowledged.push_back(*waiting);
            waiting.reset();
            continue;
        }
        const bool transient = !res || res->status < 400 || res->status >= 500 || res->status == 401 ||
                               res->status == 403 || res->status == 408 || res->status == 429; // as DeliveryClient
        if (!transient) {
            ++log.refusedForGood;
            break;
        }
        ++log.failedAttempts;
        ++log.errors[!res ? "no answer / connection refused" : "collector answered " + std::to_string(res->status)];
        Clock::time_point retry = schedule.recordFailure(sending->id);
        if (res && (res->status == 429 || res->status >= 500))
            retry = std::max(retry, Clock::now() + std::chrono::seconds(std::atoi(
                                                       res->get_header_value("Retry-After").c_str())));
        std::this_thread::sleep_until(std::min(retry, drainEnd));
    }
    log.leftInOutbox = waiting ? 1 : 0;
}

// The keyed digest the store keeps for a delivered id (app/core/postgres_store.cpp, "Delivered ids").
std::string digestHex(const std::vector<unsigned char>& key, const collection::SubmissionId& id) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, id.bytes.data(), id.bytes.size(), key.data(), key.size());
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char byte : digest) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0xf];
    }
    return hex;
}

// Every value of the first column `sql` returns.
std::vector<std::string> column(const std::string& uri, const std::string& sql) {
    PGconn* conn = PQconnectdb(uri.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string error = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("cannot connect to " + uri + ": " + error);
    }
    PGresult* result = PQexec(conn, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        std::string error = PQerrorMessage(conn);
        PQclear(result);
        PQfinish(conn);
        throw std::runtime_error(sql + ": " + error);
    }
    std::vector<std::string> values;
    for (int i = 0; i < PQntuples(result); ++i) values.emplace_back(PQgetvalue(result, i, 0));
    PQclear(result);
    PQfinish(conn);
    return values;
}

std::vector<unsigned char> fromHex(const std::string& hex) {
    std::vector<unsigned char> bytes(hex.size() / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return bytes;
}

int failures = 0;
void check(bool ok, const std::string& what) {
    std::printf("check: %-78s %s\n", what.c_str(), ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t collectorCount = std::max<std::size_t>(argument(argc, argv, 1, 4), 1);
    const std::size_t laptops = std::max<std::size_t>(argument(argc, argv, 2, 200), 1);
    const std::size_t seconds = std::max<std::size_t>(argument(argc, argv, 3, 20), 1);
    const std::size_t restartAt = argument(argc, argv, 4, 10);
    const std::size_t perLaptop = std::max<std::size_t>(argument(argc, argv, 5, 30 * seconds), 1);
    const bool light = argc > 6 && std::string(argv[6]) == "light";
    if (sodium_init() < 0) return 2;

    const char* outboxText = std::getenv("ALIGNKIOSK_BENCH_OUTBOX_DIR");
    const fs::path outboxDir = fs::path(outboxText && *outboxText ? outboxText : "/dev/shm") /
                               ("alignkiosk-collectors-bench-" + std::to_string(::getpid()));
    fs::remove_all(outboxDir);
    fs::create_directories(outboxDir);

    ServerGuard postgres{test_support::PostgresServer::start()};
    const std::string uri = postgres.server.uri;
    std::printf("PostgreSQL 15 at %s (data in %s)\n", uri.c_str(), postgres.server.directory.c_str());

    // One connection per collector, as separate collect processes have; keys and code through the settings.
    std::vector<std::unique_ptr<core::AnswerStore>> stores;
    std::vector<collection::CollectionKeys> keys;
    std::optional<collection::JoinCode> code;
    for (std::size_t c = 0; c < collectorCount; ++c) {
        stores.push_back(core::openStore(uri));
        keys.push_back(collection::collectionKeysOf(*stores.back()));
        const collection::JoinCodeParse kept = collection::parseJoinCode(
            stores.back()->keepSetting(kJoinCodeSetting, collection::JoinCode::random().text()));
        if (!kept.ok() || (code && !kept.code->matches(*code)))
            throw std::runtime_error("collectors disagree on the join code");
        if (keys.back().id().text() != keys.front().id().text())
            throw std::runtime_error("collectors disagree on the keys");
        code = kept.code;
    }
    std::vector<std::unique_ptr<collection::Collector>> collectors;
    for (std::size_t c = 0; c < collectorCount; ++c) {
        collection::CollectorOptions options; // collect's: only the address and port are its own
        collectors.push_back(std::make_unique<collection::Collector>(
            *stores[c], keys[c], *code,
            collection::CollectorSurvey{R"({"id":"team-pulse","version":3})", kSurveyId, kSurveyVersion, {}},
            options));
        collectors.back()->start();
    }

    // Each laptop seals its participants before the clock starts, all laptops at once (every core helps).
    std::vector<std::vector<Sealed>> pools(laptops);
    std::vector<LaptopLog> logs(laptops);
    std::latch sealed(static_cast<std::ptrdiff_t>(laptops)), go(1);
    Clock::time_point start, end, drainEnd;
    std::vector<std::thread> threads;
    for (std::size_t l = 0; l < laptops; ++l)
        threads.emplace_back([&, l] {
            for (std::size_t i = 0; i < perLaptop; ++i) {
                const std::string tag = std::to_string(l) + "-" + std::to_string(i);
                const core::Submission submission = participant(l * perLaptop + i, tag);
                const collection::SubmissionId id = collection::SubmissionId::random();
                pools[l].push_back({id, collection::seal(submission, id, keys.front().publicKey()),
                                    submission.responses.back().payload});
            }
            sealed.count_down();
            go.wait();
            try {
                const uint16_t port = collectors[l % collectorCount]->port();
                if (light)
                    runLightLaptop(port, *code, pools[l], end, drainEnd, logs[l]);
                else
                    runLaptop(l, outboxDir / ("laptop-" + std::to_string(l) + ".outbox"), port, *code, pools[l], end,
                              drainEnd, logs[l]);
            } catch (const std::exception& error) {
                std::fprintf(stderr, "laptop %zu failed: %s\n", l, error.what());
                logs[l].leftInOutbox = static_cast<std::size_t>(-1);
            }
        });
    sealed.wait();
    start = Clock::now();
    end = start + std::chrono::seconds(seconds);
    drainEnd = end + kDrainLimit;
    go.count_down();

    std::optional<Clock::time_point> restartBegan, restartDone;
    if (restartAt > 0 && restartAt < seconds) {
        std::this_thread::sleep_until(start + std::chrono::seconds(restartAt));
        restartBegan = Clock::now();
        try {
            postgres.server.restart(); // fast shutdown: every connection dropped, then up again
        } catch (const std::exception& error) {
            std::fprintf(stderr, "%s\n", error.what());
            ++failures;
        }
        restartDone = Clock::now();
    }
    for (std::thread& thread : threads) thread.join();
    const Clock::time_point drained = Clock::now();
    for (auto& collector : collectors) collector->stop();

    // The figures.
    std::vector<Acknowledged> all;
    std::size_t finished = 0, failedAttempts = 0, refusedForGood = 0, left = 0, ranOut = 0;
    std::map<std::string, std::size_t> errors;
    for (const LaptopLog& log : logs) {
        all.insert(all.end(), log.acknowledged.begin(), log.acknowledged.end());
        finished += log.finished;
        if (log.finished == perLaptop) ++ranOut;
        failedAttempts += log.failedAttempts;
        refusedForGood += log.refusedForGood;
        left += log.leftInOutbox;
        for (const auto& [kind, n] : log.errors) errors[kind] += n;
    }
    const std::size_t totalSeconds = static_cast<std::size_t>(secondsBetween(start, drained)) + 1;
    std::vector<std::size_t> perSecond(totalSeconds, 0);
    std::vector<double> latencies, latenciesOutside;
    for (const Acknowledged& ack : all) {
        ++perSecond[std::min(totalSeconds - 1, static_cast<std::size_t>(secondsBetween(start, ack.acknowledged)))];
        latencies.push_back(std::chrono::duration<double, std::milli>(ack.acknowledged - ack.finished).count());
    }
    // The restart window: from the restart until the first whole second after it back at half the usual rate (the
    // median second before the restart).
    std::optional<std::pair<double, double>> window;
    if (restartBegan) {
        std::vector<std::size_t> before(perSecond.begin(), perSecond.begin() + static_cast<long>(restartAt));
        std::sort(before.begin(), before.end());
        const std::size_t usual = before.empty() ? 0 : before[before.size() / 2];
        const double from = secondsBetween(start, *restartBegan);
        double to = static_cast<double>(seconds);
        for (std::size_t s = static_cast<std::size_t>(secondsBetween(start, *restartDone)) + 1; s < seconds; ++s)
            if (perSecond[s] * 2 >= usual) {
                to = static_cast<double>(s);
                break;
            }
        window = {from, to};
    }
    std::size_t inRun = 0, inRunOutside = 0;
    for (const Acknowledged& ack : all) {
        const double at = secondsBetween(start, ack.acknowledged);
        const double finishedAt = secondsBetween(start, ack.finished);
        const bool inside = window && at >= window->first && at < window->second;
        const bool overlaps = window && finishedAt < window->second && at >= window->first;
        if (at < static_cast<double>(seconds)) {
            ++inRun;
            if (!inside) ++inRunOutside;
        }
        if (!overlaps) // waited through none of the window
            latenciesOutside.push_back(
                std::chrono::duration<double, std::milli>(ack.acknowledged - ack.finished).count());
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(latenciesOutside.begin(), latenciesOutside.end());

    collection::CollectorCounters totals;
    for (const auto& collector : collectors) {
        const collection::CollectorCounters counters = collector->counters();
        totals.stored += counters.stored;
        totals.alreadyDelivered += counters.alreadyDelivered;
        totals.commits += counters.commits;
        for (const auto& [reason, n] : counters.refusals) totals.refusals[reason] += n;
    }

    std::printf("collectors %zu, laptops %zu (%s), run %zu s, restart at %s, drained after %.2f s\n",
                collectorCount, laptops, light ? "light: outbox in memory" : "real outboxes and delivery clients",
                seconds, restartBegan ? (std::to_string(restartAt) + " s").c_str() : "never",
                secondsBetween(start, drained));
    if (restartBegan)
        std::printf("PostgreSQL restart took %.2f s; restart window (restart until back at half the usual rate) "
                    "%.2f s .. %.2f s\n",
                    secondsBetween(*restartBegan, *restartDone), window->first, window->second);
    std::printf("finished %zu, acknowledged %zu (during the run %zu), failed attempts (retries) %zu, refused for good "
                "%zu\n",
                finished, all.size(), inRun, failedAttempts, refusedForGood);
    for (const auto& [kind, n] : errors) std::printf("  retries after: %-44s %zu\n", kind.c_str(), n);
    if (ranOut) std::printf("%zu laptops ran out of sealed submissions before the end (raise per_laptop)\n", ranOut);
    std::printf("collectors: stored %zu, already delivered %zu, commits %zu (%.1f per commit)", totals.stored,
                totals.alreadyDelivered, totals.commits,
                totals.commits ? static_cast<double>(totals.stored) / static_cast<double>(totals.commits) : 0.0);
    for (const auto& [reason, n] : totals.refusals) std::printf(", %s %zu", reason.c_str(), n);
    std::printf("\nacknowledged per second, whole run: %.0f\n",
                static_cast<double>(inRun) / static_cast<double>(seconds));
    if (window) {
        const double outside = static_cast<double>(seconds) - (window->second - window->first);
        std::printf("acknowledged per second, outside the restart window: %.0f\n",
                    outside > 0 ? static_cast<double>(inRunOutside) / outside : 0.0);
    }
    std::printf("acknowledgement latency ms (finish to acknowledged), all: p50 %.1f  p99 %.1f  max %.1f\n",
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.empty() ? 0.0 : latencies.back());
    if (window)
        std::printf("acknowledgement latency ms, outside the restart window: p50 %.1f  p99 %.1f  max %.1f\n",
                    percentile(latenciesOutside, 0.50), percentile(latenciesOutside, 0.99),
                    latenciesOutside.empty() ? 0.0 : latenciesOutside.back());
    std::printf("per second:");
    for (std::size_t s = 0; s < perSecond.size(); ++s) std::printf(" %zu", perSecond[s]);
    std::printf("\n");

    // The checks.
    std::set<collection::SubmissionId> acknowledgedIds;
    std::multiset<std::string> acknowledgedPayloads;
    for (const Acknowledged& ack : all) {
        acknowledgedIds.insert(ack.id);
        acknowledgedPayloads.insert(ack.payload);
    }
    check(refusedForGood == 0 && left == 0 && all.size() == finished,
          "every finished submission acknowledged, every outbox empty (" + std::to_string(left) + " left)");
    check(acknowledgedIds.size() == all.size(), "no submission acknowledged twice");
    std::vector<std::string> keyHex = column(uri, "SELECT encode(hash_key, 'hex') FROM alignkiosk_store");
    std::set<std::string> expected;
    for (const collection::SubmissionId& id : acknowledgedIds) expected.insert(digestHex(fromHex(keyHex.at(0)), id));
    const std::vector<std::string> delivered = column(uri, "SELECT encode(digest, 'hex') FROM delivered");
    check(std::set<std::string>(delivered.begin(), delivered.end()) == expected && delivered.size() == expected.size(),
          "delivered ids are exactly the acknowledged ids (" + std::to_string(delivered.size()) + " stored, " +
              std::to_string(expected.size()) + " acknowledged)");
    const std::vector<std::string> payloads = column(uri, "SELECT payload FROM answers WHERE step_id = 'focus'");
    check(std::multiset<std::string>(payloads.begin(), payloads.end()) == acknowledgedPayloads,
          "each acknowledged submission's answers stored exactly once, nothing else");
    const std::unique_ptr<core::AnswerStore> reader = core::openStore(uri);
    check(reader->participants(kSurveyId) == all.size() && reader->count() == 2 * all.size() &&
              reader->deliveredCount() == all.size(),
          "participants " + std::to_string(reader->participants(kSurveyId)) + ", rows " +
              std::to_string(reader->count()) + " for " + std::to_string(all.size()) + " acknowledged");

    collectors.clear();
    stores.clear();
    fs::remove_all(outboxDir);
    return failures == 0 ? 0 : 1;
}
