// What the survey validator needs to know about survey modules, without knowing about plugins.
// The plugin host implements it; tests can implement it with a fake.
#pragma once

#include "survey_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace alignkiosk::core {

// A problem a module found in a step's content. questionIndex is kWholeStep for the step as a whole; field names the
// JSON member of the question ("prompt", "attributes", ...) or is empty.
struct ModuleContentProblem {
    static constexpr uint32_t kWholeStep = UINT32_MAX;
    uint32_t questionIndex = kWholeStep;
    std::string field;
    std::string message;
};

class ModuleCatalog {
public:
    virtual ~ModuleCatalog() = default;
    virtual bool hasModule(const std::string& moduleId) const = 0;
    // Which question kinds the module can show (bit 1u << QuestionKind); only called for known modules.
    virtual uint32_t acceptedKinds(const std::string& moduleId) const = 0;
    // The module's own check of a step whose generic shape is already valid.
    virtual std::vector<ModuleContentProblem> checkContent(const Step& step) const = 0;
};

} // namespace alignkiosk::core
