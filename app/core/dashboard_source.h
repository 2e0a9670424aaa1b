// The one owner of the dashboard's model. It reads the store on its own thread, counts each answer once
// (ResponseAggregator), follows the store for new answers without reading old ones (AnswerStore::readNew), and
// publishes an immutable DashboardModel that the view, the CSV and PNG exports and the report all read. Answers that
// arrive once a model was published are counted in batches of at least k per step and group (arrival_batches.h), so
// no two models differ by one person's answers.
//
// Threads: construct, call and destroy it on one thread (the UI's). Its reader thread uses the store between the
// calls of that thread (every AnswerStore serialises them) and calls Options::onChange; everything else it shares is
// behind a mutex. The model it hands out is immutable and may be read on any thread.
#pragma once

#include "core/dashboard_model.h"
#include "core/answer_store.h"
#include "core/survey_model.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::core {

struct DashboardSourceOptions {
    // How often the reader asks the store whether anything changed (one cheap query; no row is read unless it did).
    std::chrono::milliseconds pollInterval{1000};
    // Rows read per visit to the store: the UI thread's own store calls wait at most this long.
    std::size_t rowsPerRead = 4096;
    // Called on the reader thread when there is a new model or, while loading, new progress (about 10 times a
    // second at most): wake the UI's event loop here. Must be safe to call from another thread.
    std::function<void()> onChange;
    // The seed that shuffles each model's open answers; by default a fresh random one per model.
    std::function<uint64_t()> shuffleSeed;
    // Answers that arrive while the dashboard is shown are counted in batches of at least this many per step and
    // group (arrival_batches.h); 0: the survey's anonymity threshold (the larger of ratings and text).
    uint32_t releaseBatch = 0;
};

class DashboardSource {
public:
    using Options = DashboardSourceOptions;


    struct Progress {
        bool loaded = false;      // the first read of the whole store is done
        uint64_t rowsRead = 0;    // rows read so far in the current full read
        uint64_t rowsInStore = 0; // rows in the store when that read began
        uint64_t rowsReadEver = 0; // every row read since the source started: old rows are read once, not per change
        uint64_t polls = 0;        // times the store was asked whether anything changed
        uint64_t heldBack = 0;     // people whose answers came while shown and wait for their batch (arrival_batches.h)
        uint32_t releaseBatch = 0; // the size of those batches
    };

    // Starts reading at once. `survey` and `store` must outlive the source.
    DashboardSource(const Survey& survey, const AnswerStore& store, Options options = {});
    ~DashboardSource(); // stops the reader thread
    DashboardSource(const DashboardSource&) = delete;
    DashboardSource& operator=(const DashboardSource&) = delete;

    // The current model; never null (before the first read is done, a model of no answers). Increases with each
    // new model, so a caller can tell whether it has seen this one.
    std::shared_ptr<const DashboardModel> model() const;
    uint64_t modelVersion() const;
    Progress progress() const;
    // Why the store could not be read, if it could not (the reader stops then; the last model stays).
    std::optional<std::string> error() const;
    // Every survey in the store with its participants (as AnswerStore::surveys()), from the rows read so far.
    std::vector<SurveyParticipants> surveys() const;

    // Blocks until the whole store has been read once (or reading failed), then returns the model: for exports.
    std::shared_ptr<const DashboardModel> waitUntilLoaded();
    // Asks the store now rather than at the next poll.
    void refreshNow();

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace alignkiosk::core
