#include "dashboard_source.h"

#include "arrival_batches.h"
#include "response_aggregator.h"
#include "survey_tally.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace alignkiosk::core {

namespace {

// Progress is passed on at most this often while a large store is read.
constexpr std::chrono::milliseconds kProgressInterval{100};

// The survey's thresholds, the larger of the two: a batch reveals its open answers as a set too.
uint32_t releaseBatchOf(const Survey& survey) {
    return std::max({survey.anonymity.ratings, survey.anonymity.text, AnonymityThresholds::kFloor});
}

} // namespace

struct DashboardSource::Shared {
    Shared(const Survey& shownSurvey, const AnswerStore& followed, Options chosen)
        : survey(shownSurvey), store(followed), options(std::move(chosen)) {
        if (!options.shuffleSeed) options.shuffleSeed = [] { return std::random_device{}(); };
    }

    const Survey& survey;
    const AnswerStore& store;
    Options options;

    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    bool refreshRequested = false;
    std::shared_ptr<const DashboardModel> model;
    uint64_t modelVersion = 0;
    Progress progress;
    std::optional<std::string> error;
    std::vector<SurveyParticipants> surveys;
    std::thread reader;

    void notify() const {
        if (options.onChange) options.onChange();
    }

    void publish(const ResponseAggregator& aggregator, const SurveyTally& tally) {
        auto next = std::make_shared<const DashboardModel>(aggregator.model(options.shuffleSeed()));
        {
            const std::lock_guard lock(mutex);
            model = std::move(next);
            ++modelVersion;
            progress.loaded = true;
            surveys = tally.participants();
        }
        wake.notify_all(); // waitUntilLoaded
        notify();
    }

    void fail(const std::string& why) {
        {
            const std::lock_guard lock(mutex);
            error = why;
            progress.loaded = true; // nothing more will come: do not keep anyone waiting
        }
        wake.notify_all();
        notify();
    }

    // Reads until the cursor is up to date. Returns whether a row was counted; false also when stopping.
    // `live`: a model was shown already, so newcomers wait for their batch (arrival_batches.h).
    bool catchUp(ResponseAggregator& aggregator, SurveyTally& tally, ReadCursor& cursor, ArrivalBatches& batches,
                 bool live, bool fullRead) {
        bool counted = false;
        std::vector<StoredResponse> countNow;
        auto lastProgress = std::chrono::steady_clock::now();
        for (;;) {
            {
                const std::lock_guard lock(mutex);
                if (stopping) return false;
            }
            NewRows batch = store.readNew(cursor, options.rowsPerRead);
            if (batch.startOver) {
                // The store dealt its rows again: count everything afresh; the last model stays until then.
                aggregator = ResponseAggregator(survey);
                tally = SurveyTally();
                batches.startOver();
                fullRead = true;
                startFullRead();
                continue;
            }
            const std::size_t rowsRead = batch.rows.size();
            for (StoredResponse& row : batch.rows) {
                tally.add(row);
                const std::optional<std::size_t> cell = aggregator.cellOf(row);
                batches.arrive(std::move(row), cell, live, countNow);
                for (const StoredResponse& ready : countNow) counted |= aggregator.add(ready);
                countNow.clear();
            }
            {
                const std::lock_guard lock(mutex);
                progress.rowsReadEver += rowsRead;
                if (fullRead) progress.rowsRead += rowsRead;
            }
            if (fullRead) {
                const auto now = std::chrono::steady_clock::now();
                if (now - lastProgress >= kProgressInterval) {
                    lastProgress = now;
                    notify();
                }
            }
            if (batch.upToDate) {
                batches.releaseReady(countNow);
                for (const StoredResponse& ready : countNow) counted |= aggregator.add(ready);
                bool heldChanged = false;
                {
                    const std::lock_guard lock(mutex);
                    const uint64_t people = batches.heldPeople(survey.teams.size() + 1);
                    heldChanged = progress.heldBack != people;
                    progress.heldBack = people;
                }
                if (heldChanged && !counted) notify(); // no new model, but the view says what waits
                return counted;
            }
        }
    }

    // The first read, counted by the store itself where it can (AnswerStore::tally): a dashboard on a server's store
    // opens without pulling every row. What it could not count comes whole and is counted here; catchUp() then reads
    // what came since.
    void countInStore(ResponseAggregator& aggregator, SurveyTally& tally, ReadCursor& cursor) {
        std::optional<StoreTally> counted = store.tally(survey.id, cursor);
        if (!counted) return;
        uint64_t rows = counted->uncounted.size();
        for (const StoreTally::Rows& group : counted->rows) {
            tally.add(group.surveyId, group.stepId, group.rows);
            rows += group.rows;
        }
        aggregator.addTally(*counted);
        for (const StoredResponse& row : counted->uncounted) {
            tally.add(row);
            aggregator.add(row);
        }
        const std::lock_guard lock(mutex);
        progress.rowsRead += rows;
        progress.rowsReadEver += rows;
    }

    void startFullRead() {
        const std::size_t rows = store.count();
        const std::lock_guard lock(mutex);
        progress.rowsRead = 0;
        progress.rowsInStore = rows;
    }

    void run() {
        ResponseAggregator aggregator(survey);
        SurveyTally tally;
        ReadCursor cursor;
        const uint32_t batch = options.releaseBatch != 0 ? options.releaseBatch : releaseBatchOf(survey);
        ArrivalBatches batches(batch);
        {
            const std::lock_guard lock(mutex);
            progress.releaseBatch = batch;
        }
        try {
            startFullRead();
            uint64_t token = store.changeToken();
            countInStore(aggregator, tally, cursor);
            catchUp(aggregator, tally, cursor, batches, false, true);
            {
                const std::lock_guard lock(mutex);
                if (stopping) return;
            }
            publish(aggregator, tally);
            for (;;) {
                {
                    std::unique_lock lock(mutex);
                    wake.wait_for(lock, options.pollInterval, [this] { return stopping || refreshRequested; });
                    if (stopping) return;
                    refreshRequested = false;
                }
                // The token first: a change made while reading is seen at the next poll.
                const uint64_t now = store.changeToken();
                {
                    const std::lock_guard lock(mutex);
                    ++progress.polls;
                }
                if (now == token) continue;
                token = now;
                if (catchUp(aggregator, tally, cursor, batches, true, false)) publish(aggregator, tally);
            }
        } catch (const std::exception& failure) {
            fail(failure.what());
        }
    }
};

DashboardSource::DashboardSource(const Survey& survey, const AnswerStore& store, Options options)
    : m_shared(std::make_shared<Shared>(survey, store, std::move(options))) {
    // An empty model first, so the view has the survey's title and the empty state at once.
    m_shared->model = std::make_shared<const DashboardModel>(ResponseAggregator(survey).model(0));
    m_shared->reader = std::thread([shared = m_shared.get()] { shared->run(); });
}

DashboardSource::~DashboardSource() {
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->wake.notify_all();
    m_shared->reader.join();
}

std::shared_ptr<const DashboardModel> DashboardSource::model() const {
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->model;
}

uint64_t DashboardSource::modelVersion() const {
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->modelVersion;
}

DashboardSource::Progress DashboardSource::progress() const {
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->progress;
}

std::optional<std::string> DashboardSource::error() const {
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->error;
}

std::vector<SurveyParticipants> DashboardSource::surveys() const {
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->surveys;
}

std::shared_ptr<const DashboardModel> DashboardSource::waitUntilLoaded() {
    std::unique_lock lock(m_shared->mutex);
    m_shared->wake.wait(lock, [this] { return m_shared->progress.loaded; });
    return m_shared->model;
}

void DashboardSource::refreshNow() {
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->refreshRequested = true;
    }
    m_shared->wake.notify_all();
}

} // namespace alignkiosk::core
