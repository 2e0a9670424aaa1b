// Answer payloads: the JSON a module hands back for one participant's step ({"answers": {question_id: value}},
// plugin_abi.h), stored as it came and read again for every dashboard, from any module version and, once answers are
// collected from other stations, from other machines. parseAnswerPayload on any bytes, then the payload counted the
// way the dashboard counts it (response_aggregator.cpp) against a survey with every question kind, in groups large
// enough to be shown, and the dashboard model built from the counts.
#include "fuzz_check.h"

#include "core/answer_payload.h"
#include "core/response_aggregator.h"
#include "core/survey_loader.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::fuzz {
namespace {

// Short question ids, so the fuzzer finds them (answer_payload.dict lists them too).
constexpr std::string_view kSurvey = R"({
  "id": "fuzz", "version": 1, "title": "Every kind", "teams": ["A", "B"],
  "anonymity": { "min_group": 3, "min_group_text": 3 },
  "steps": [ { "id": "all", "module": "everything", "title": "All", "questions": [
    { "id": "s", "kind": "scale", "prompt": "S",
      "scale": { "min": -2, "max": 2, "labels": ["a", "b", "c", "d", "e"] } },
    { "id": "t", "kind": "text", "prompt": "T", "max_length": 16 },
    { "id": "c", "kind": "choice", "prompt": "C",
      "options": [ { "id": "x", "label": "X" }, { "id": "y", "label": "Y" } ] },
    { "id": "m", "kind": "multi_choice", "prompt": "M",
      "options": [ { "id": "x", "label": "X" }, { "id": "y", "label": "Y" }, { "id": "z", "label": "Z" } ] },
    { "id": "a", "kind": "allocation", "prompt": "A", "total": 10,
      "options": [ { "id": "x", "label": "X" }, { "id": "y", "label": "Y" } ] },
    { "id": "p", "kind": "percent", "prompt": "P" } ] } ]
})";

class EveryKind : public core::ModuleCatalog {
public:
    bool hasModule(const std::string& id) const override { return id == "everything"; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<core::ModuleContentProblem> checkContent(const core::Step&) const override { return {}; }
};

const core::Survey& survey() {
    static const core::Survey loaded = [] {
        const core::SurveyLoadResult result = core::parseSurvey(kSurvey, "answer_payload_fuzz.json", EveryKind());
        if (!result.ok()) brokenPromise("the target's own survey does not load: " + result.diagnostics[0].format());
        return *result.survey;
    }();
    return loaded;
}

} // namespace
} // namespace alignkiosk::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace alignkiosk;
    const std::string payload(reinterpret_cast<const char*>(data), size);
    const std::optional<std::vector<core::Answer>> answers = core::parseAnswerPayload(payload);

    core::ResponseAggregator aggregator(fuzz::survey());
    core::StoredResponse row;
    row.surveyId = "fuzz";
    row.surveyVersion = 1;
    row.stepId = "all";
    row.moduleId = "everything";
    row.moduleVersion = "1.0.0";
    row.sessionDate = "2026-01-01";
    row.payload = payload;
    // Three participants in each team and three without one: every group reaches the threshold and is shown.
    for (const std::optional<std::string>& team : {std::optional<std::string>("A"), std::optional<std::string>("B"),
                                                   std::optional<std::string>()}) {
        row.team = team;
        for (int participant = 0; participant < 3; ++participant) {
            const bool counted = aggregator.add(row);
            if (counted != answers.has_value())
                fuzz::brokenPromise("counted a payload that does not parse, or skipped one that does");
        }
    }
    const core::DashboardModel model = aggregator.model(1);
    static_cast<void>(model);
    return 0;
}
