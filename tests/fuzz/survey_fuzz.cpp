// Survey files (surveys/*.json, any file given to --survey or validate): the loader's three passes on any bytes
// (RapidJSON's positioned tree with its limits, the schema check, cereal's reader). parseSurvey promises never to
// throw or crash. Beyond that: a file the schema check passes must be readable by the archive reader ("internal
// error" is the two disagreeing, our bug rather than the file's); no failure may escape as the catch-all's "cannot
// read"; and a result has a survey exactly when it has no diagnostics.
#include "fuzz_check.h"

#include "core/survey_loader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::fuzz {
namespace {

// The bundled modules' ids, each showing every question kind, so the schema check is reached for every kind. The
// modules' own content checks live in their plugins and are not part of this target.
class BundledModuleIds : public core::ModuleCatalog {
public:
    bool hasModule(const std::string& id) const override {
        return id == "diagnostic_signs" || id == "stakeholder_mapping" || id == "focus_assessment";
    }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<core::ModuleContentProblem> checkContent(const core::Step&) const override { return {}; }
};

bool startsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace
} // namespace alignkiosk::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace alignkiosk;
    static const fuzz::BundledModuleIds modules;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const core::SurveyLoadResult result = core::parseSurvey(text, "fuzz.json", modules);

    if (result.survey.has_value() == !result.diagnostics.empty())
        fuzz::brokenPromise("a survey and diagnostics together, or neither");
    for (const core::Diagnostic& diagnostic : result.diagnostics) {
        const std::string line = diagnostic.format();
        for (const std::string_view bug : {"internal error", "cannot read the survey", "cannot read the JSON"})
            if (fuzz::startsWith(diagnostic.message, bug)) fuzz::brokenPromise(line);
    }
    return 0;
}
