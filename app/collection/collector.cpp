#include "collection/collector.h"

#include "collection/sealed_submission.h"
#include "core/answer_store.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace alignkiosk::collection {

namespace {

using namespace std::chrono_literals;

// How long a laptop is asked to wait when the store cannot write (Retry-After of a 503). Short: what fails a commit is
// most often over in a second or two (a database server restarting, a lock); a longer outage is met by the laptops'
// own backoff, which doubles after each failure (retry_schedule.h).
constexpr std::chrono::seconds kStoreRetryAfter{2};

int statusFor(RefusalReason reason) {
    switch (reason) {
    case RefusalReason::TooLarge: return 413;
    case RefusalReason::OtherCollection: return 409;
    default: return 400;
    }
}

// cpp-httplib 0.11 listens with a backlog of 5: a burst of laptops connecting at once would see their handshakes
// dropped and retried a second later. Listening again on the bound socket raises the backlog (Linux allows it).
class Server : public httplib::Server {
public:
    bool widenBacklog() { return ::listen(svr_sock_, SOMAXCONN) == 0; }
};

} // namespace

struct Collector::Impl {
    struct Pending {
        core::Delivery delivery;
        std::promise<core::DeliveryResult> result;
    };

    core::AnswerStore& store;
    const CollectionKeys& keys;
    JoinCode code;
    CollectorSurvey survey;
    CollectorOptions options;
    JoinThrottle throttle;
    std::string collectionId;
    std::string publicKeyText;
    std::string moduleVersionsText; // formatted once: throws at construction for a module the format cannot carry

    Server server;
    std::thread listener;
    int boundPort = 0;
    bool started = false;
    bool stopped = false;

    std::mutex queueMutex;
    std::condition_variable queueChanged;
    std::deque<Pending> queue;
    bool writerStopping = false;
    std::thread writer;

    mutable std::mutex countersMutex;
    CollectorCounters counters;
    std::string lastStoreError;

    Impl(core::AnswerStore& store_, const CollectionKeys& keys_, JoinCode code_, CollectorSurvey survey_,
         CollectorOptions options_)
        : store(store_), keys(keys_), code(code_), survey(std::move(survey_)), options(std::move(options_)),
          throttle(options.throttle, options.clock), collectionId(keys.id().text()),
          publicKeyText(keys.publicKey().text()), moduleVersionsText(formatModuleVersions(survey.moduleVersions)) {}

    void count(const std::function<void(CollectorCounters&)>& change) {
        std::lock_guard lock(countersMutex);
        change(counters);
    }

    void refuse(httplib::Response& res, int status, const std::string& reason, const std::string& sentence) {
        count([&](CollectorCounters& c) { ++c.refusals[reason]; });
        res.status = status;
        res.set_header(kReasonHeader, reason);
        res.set_content(sentence + "\n", "text/plain; charset=utf-8");
    }

    void refuseLater(httplib::Response& res, int status, const std::string& reason, const std::string& sentence,
                     std::chrono::milliseconds wait) {
        auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
        res.set_header("Retry-After", std::to_string(seconds < 1 ? 1 : seconds));
        refuse(res, status, reason, sentence);
    }

    // The join code check shared by both endpoints: false when the request has been answered with a refusal.
    bool admit(const httplib::Request& req, httplib::Response& res) {
        if (auto wait = throttle.waitBeforeTry(); wait > 0ms) {
            refuseLater(res, 429, "throttled", "Too many wrong join codes; try again later.", wait);
            return false;
        }
        if (!req.has_header(kJoinCodeHeader)) {
            refuse(res, 401, "no_code", "The join code is missing.");
            return false;
        }
        JoinCodeParse given = parseJoinCode(req.get_header_value(kJoinCodeHeader));
        if (!given.ok() || !given.code->matches(code)) {
            throttle.recordWrongCode();
            refuse(res, 403, "wrong_code", "This is not the join code of this collection.");
            return false;
        }
        return true;
    }

    void getSurvey(const httplib::Request& req, httplib::Response& res) {
        if (!admit(req, res)) return;
        count([](CollectorCounters& c) { ++c.surveysServed; });
        res.status = 200;
        res.set_header(kCollectionKeyHeader, publicKeyText);
        res.set_header(kCollectionIdHeader, collectionId);
        res.set_header(kModulesHeader, moduleVersionsText);
        res.set_content(survey.text, "application/json");
    }

    std::optional<std::future<core::DeliveryResult>> enqueue(core::Delivery delivery) {
        std::lock_guard lock(queueMutex);
        if (writerStopping) return std::nullopt;
        queue.push_back(Pending{std::move(delivery), {}});
        auto future = queue.back().result.get_future();
        queueChanged.notify_one();
        return future;
    }

    void postSubmission(const httplib::Request& req, httplib::Response& res) {
        if (!admit(req, res)) return;
        OpenResult opened =
            open(reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size(), keys);
        if (!opened.ok()) {
            refuse(res, statusFor(opened.refusal.reason), refusalName(opened.refusal.reason),
                   opened.refusal.message);
            return;
        }
        core::Submission& submission = opened.opened->submission;
        if (submission.surveyId != survey.surveyId || submission.surveyVersion != survey.surveyVersion) {
            refuse(res, 409, "other_survey",
                   "This submission is for survey '" + submission.surveyId + "' version " +
                       std::to_string(submission.surveyVersion) + "; this collection runs '" + survey.surveyId +
                       "' version " + std::to_string(survey.surveyVersion) + ".");
            return;
        }
        auto future = enqueue(core::Delivery{opened.opened->id.text(), std::move(submission)});
        if (!future) {
            refuseLater(res, 503, "stopping", "The collector is stopping; try again later.", kStoreRetryAfter);
            return;
        }
        core::DeliveryResult result = future->get(); // answered only once its commit has returned
        switch (result.outcome) {
        case core::DeliveryOutcome::Stored:
        case core::DeliveryOutcome::AlreadyDelivered: {
            bool stored = result.outcome == core::DeliveryOutcome::Stored;
            count([&](CollectorCounters& c) { ++(stored ? c.stored : c.alreadyDelivered); });
            res.status = 200;
            res.set_content(stored ? "stored\n" : "already delivered\n", "text/plain; charset=utf-8");
            return;
        }
        case core::DeliveryOutcome::Refused:
            refuse(res, 400, "store_refused", result.reason);
            return;
        case core::DeliveryOutcome::NotStored:
            // The store's message names its file: kept for the facilitator, not sent to laptops.
            count([&](CollectorCounters&) { lastStoreError = result.reason; });
            refuseLater(res, 503, "not_stored",
                        "The collector cannot store answers now (its disk may be full or read-only); "
                        "keep the submission and try again later.",
                        kStoreRetryAfter);
            return;
        }
    }

    // One writer: everything queued goes into one transaction, then every waiting request is woken.
    void writeBatches() {
        for (;;) {
            std::vector<Pending> batch;
            {
                std::unique_lock lock(queueMutex);
                queueChanged.wait(lock, [&] { return !queue.empty() || writerStopping; });
                if (queue.empty()) return; // stopping, and nothing left to commit
                while (!queue.empty() && batch.size() < options.maxBatch) {
                    batch.push_back(std::move(queue.front()));
                    queue.pop_front();
                }
            }
            std::vector<core::Delivery> deliveries;
            deliveries.reserve(batch.size());
            for (Pending& pending : batch) deliveries.push_back(std::move(pending.delivery));
            std::vector<core::DeliveryResult> results;
            try {
                results = store.submitOnce(deliveries);
            } catch (const std::exception& error) {
                results.assign(deliveries.size(), {core::DeliveryOutcome::NotStored, error.what()});
            }
            if (results.size() != batch.size())
                results.assign(batch.size(), {core::DeliveryOutcome::NotStored, "the store answered out of step"});
            count([](CollectorCounters& c) { ++c.commits; });
            const bool storedNew = std::any_of(results.begin(), results.end(), [](const core::DeliveryResult& r) {
                return r.outcome == core::DeliveryOutcome::Stored;
            });
            for (std::size_t i = 0; i < batch.size(); ++i) batch[i].result.set_value(std::move(results[i]));
            if (storedNew && options.onStored) options.onStored();
        }
    }

    void configureServer() {
        // No logger, on purpose: nothing about a request (address, port, time, path) is recorded anywhere.
        server.set_payload_max_length(kMaxSealedSubmissionBytes); // refused (413) from Content-Length, unread
        server.set_read_timeout(options.readTimeout);
        server.set_write_timeout(options.readTimeout);
        server.set_keep_alive_timeout(5); // also how long a new connection may take to send its request
        server.set_keep_alive_max_count(1000);
        server.set_tcp_nodelay(true);
        // SO_REUSEADDR and not httplib's default SO_REUSEPORT: a second collector on a taken port must be refused,
        // not share the first one's laptops; and a collector restarted at once must not be refused for the closed
        // connections of its last run, which linger in TIME_WAIT on its port.
        server.set_socket_options([](socket_t socket) {
            const int yes = 1;
            ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        std::size_t threads = options.httpThreads == 0 ? 1 : options.httpThreads;
        server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        server.Get(kSurveyPath, [this](const httplib::Request& req, httplib::Response& res) { getSurvey(req, res); });
        server.Post(kSubmissionPath,
                    [this](const httplib::Request& req, httplib::Response& res) { postSubmission(req, res); });
        server.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request&,
                                                                             httplib::Response& res) {
            // httplib refuses an oversized body itself, before reading it; give it a reason and count it.
            if (res.status != 413 || res.has_header(kReasonHeader)) return httplib::Server::HandlerResponse::Unhandled;
            refuse(res, 413, refusalName(RefusalReason::TooLarge),
                   "A sealed submission is at most " + std::to_string(kMaxSealedSubmissionBytes) + " bytes.");
            return httplib::Server::HandlerResponse::Handled;
        }));
        server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_header(kReasonHeader, "internal");
            res.set_content("The collector failed on this request.\n", "text/plain; charset=utf-8");
        });
    }
};

Collector::Collector(core::AnswerStore& store, const CollectionKeys& keys, JoinCode code, CollectorSurvey survey,
                     CollectorOptions options)
    : m_impl(std::make_unique<Impl>(store, keys, code, std::move(survey), std::move(options))) {}

Collector::~Collector() {
    stop();
}

void Collector::start() {
    Impl& impl = *m_impl;
    if (impl.started) throw std::logic_error("the collector was started before");
    impl.configureServer();
    if (impl.options.port == 0) {
        impl.boundPort = impl.server.bind_to_any_port(impl.options.address);
    } else if (impl.server.bind_to_port(impl.options.address, impl.options.port)) {
        impl.boundPort = impl.options.port;
    } else {
        impl.boundPort = -1;
    }
    if (impl.boundPort <= 0)
        throw std::runtime_error("cannot listen on " + impl.options.address + " port " +
                                 std::to_string(impl.options.port));
    if (!impl.server.widenBacklog()) throw std::runtime_error("cannot listen with a wider backlog");
    impl.started = true;
    impl.writer = std::thread([&impl] { impl.writeBatches(); });
    impl.listener = std::thread([&impl] { impl.server.listen_after_bind(); });
    // stop() must not run before the server counts as running, or it would not stop it.
    while (!impl.server.is_running()) std::this_thread::sleep_for(1ms);
}

void Collector::stop() {
    Impl& impl = *m_impl;
    if (!impl.started || impl.stopped) return;
    impl.stopped = true;
    // First the server: it closes the listening socket and joins its workers, each of which finishes the request it
    // holds (waiting for the writer's commit). Only then does the writer stop, after committing what is queued.
    impl.server.stop();
    impl.listener.join();
    {
        std::lock_guard lock(impl.queueMutex);
        impl.writerStopping = true;
    }
    impl.queueChanged.notify_all();
    impl.writer.join();
}

uint16_t Collector::port() const {
    return static_cast<uint16_t>(m_impl->boundPort > 0 ? m_impl->boundPort : 0);
}

CollectorCounters Collector::counters() const {
    std::lock_guard lock(m_impl->countersMutex);
    return m_impl->counters;
}

std::string Collector::lastStoreError() const {
    std::lock_guard lock(m_impl->countersMutex);
    return m_impl->lastStoreError;
}

} // namespace alignkiosk::collection
