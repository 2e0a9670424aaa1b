// Turns stored responses into counts, incrementally: add() costs O(questions of that step), never O(responses), and
// model() builds the dashboard from the counts under the anonymity rules, never from rows.
#pragma once

#include "core/answer_store.h"
#include "core/dashboard_model.h"
#include "core/submission.h"
#include "core/survey_model.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace alignkiosk::core {

// One answer already read and matched to its question: the step's question index, and the scale point, the
// percentage or the chosen option's index (scale, percent and choice questions).
struct CountedAnswer {
    uint32_t question = 0;
    int32_t value = 0;
};

class ResponseAggregator {
public:
    // Aggregates the responses of `survey` (matched by survey id; any survey version, any module version whose
    // payload still names the survey's questions). Thresholds come from the survey file.
    explicit ResponseAggregator(const Survey& survey);
    ~ResponseAggregator();
    ResponseAggregator(ResponseAggregator&&) noexcept;
    ResponseAggregator& operator=(ResponseAggregator&&) noexcept;

    // Counts one stored row (one step of one participant). Rows of other surveys, unknown steps or unreadable
    // payloads are skipped and counted in skipped(). Returns whether the row was counted.
    bool add(const StoredResponse& response);

    // Counts one participant's answers to step `step` (index into the survey's steps) that are already matched to
    // the survey, as add() does after reading a payload: for importers and the benchmark, which hold answers in
    // memory rather than as JSON. team: index into the survey's teams, or none. Answers to other kinds of question,
    // out of range or repeated are ignored. Returns false (and counts nothing) for an unknown step or team.
    bool addCounted(std::size_t step, std::optional<std::size_t> team, std::span<const CountedAnswer> answers);

    // Counts what a store counted itself (AnswerStore::tally: its rows and answers; not its `uncounted` rows, which
    // go through add()), as add() would have counted those rows. Returns the rows counted.
    uint64_t addTally(const StoreTally& tally);

    // Where add() would count the row: one cell per (step, group), the groups as the model's (the survey's teams,
    // then no team). None for a row add() would skip as not this survey's (payloads are not read here).
    std::optional<std::size_t> cellOf(const StoredResponse& response) const;

    uint64_t added() const;
    uint64_t skipped() const;

    // The dashboard for the current counts. `shuffleSeed` orders open-text answers (a fresh random seed per build
    // in the program; fixed in tests).
    DashboardModel model(uint64_t shuffleSeed) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace alignkiosk::core
