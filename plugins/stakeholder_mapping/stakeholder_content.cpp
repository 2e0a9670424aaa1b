#include "stakeholder_content.h"

#include <algorithm>
#include <initializer_list>
#include <map>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

constexpr const char* kPartNames = "\"mix\", \"role\" or \"understanding\"";

// Points at the attribute's value when the file has it, else at the "attributes" object (or the question).
std::string attributeField(const sdk::QuestionView& question, std::string_view key) {
    return question.hasAttribute(key) ? "attributes." + std::string(key) : std::string("attributes");
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool sameOptions(const sdk::QuestionView& a, const sdk::QuestionView& b) {
    if (a.optionCount() != b.optionCount()) return false;
    for (uint32_t i = 0; i < a.optionCount(); ++i)
        if (a.optionId(i) != b.optionId(i) || a.optionLabel(i) != b.optionLabel(i)) return false;
    return true;
}

bool sameScale(const sdk::QuestionView& a, const sdk::QuestionView& b) {
    if (a.scaleMin() != b.scaleMin() || a.scaleMax() != b.scaleMax()) return false;
    for (int point = a.scaleMin(); point <= a.scaleMax(); ++point)
        if (a.scaleLabel(point) != b.scaleLabel(point)) return false;
    return true;
}

struct Pair {
    std::optional<uint32_t> role;
    std::optional<uint32_t> understanding;
};

class Analysis {
public:
    Analysis(const sdk::StepView& step, const ProblemSink& report) : m_step(step), m_report(report) {}

    StepPlan run() {
        for (uint32_t index = 0; index < m_step.questionCount(); ++index) question(index);
        pairUp();
        if (!m_plan.mixQuestion && m_keys.empty())
            m_report(sdk::ContentErrors::kWholeStep, nullptr,
                     "the step needs a \"mix\" question or at least one stakeholder group (a \"role\" and an "
                     "\"understanding\" question with the same \"stakeholder\")");
        return m_plan;
    }

private:
    void question(uint32_t index) {
        const sdk::QuestionView q = m_step.question(index);
        const std::string_view partText = q.attribute(kMapAttribute);
        const std::optional<MapPart> part = parseMapPart(partText);
        if (!part) {
            // Its group's other question would otherwise be reported as unpaired too: one mistake, one message.
            const std::string_view key = trimmed(q.attribute(kStakeholderAttribute));
            if (!key.empty()) m_unsure.emplace_back(key);
            if (!q.hasAttribute(kMapAttribute))
                m_report(index, "attributes", std::string("attribute \"map\" is missing; use ") + kPartNames);
            else
                m_report(index, "attributes.map",
                         "unknown map part " + quoted(partText) + "; use " + kPartNames);
            return;
        }
        switch (*part) {
        case MapPart::Mix: mix(index, q); break;
        case MapPart::Role: role(index, q); break;
        case MapPart::Understanding: understanding(index, q); break;
        }
    }

    void mix(uint32_t index, const sdk::QuestionView& q) {
        if (q.kind() != ALIGNKIOSK_QUESTION_ALLOCATION) {
            m_report(index, "kind", "a \"mix\" question must be of kind \"allocation\"");
        } else if (q.optionCount() != kMixOptions) {
            m_report(index, "options",
                     "a \"mix\" question needs exactly three options, one for each corner of the triangle (e.g. "
                     "employer, customers, yourself); this one has " +
                         std::to_string(q.optionCount()));
        }
        for (const std::string_view key : {kStakeholderAttribute, kNameAttribute})
            if (q.hasAttribute(key))
                m_report(index, attributeField(q, key).c_str(),
                         "a \"mix\" question belongs to no stakeholder group; remove " + quoted(key));
        if (m_plan.mixQuestion) {
            m_report(index, "attributes.map",
                     "only one \"mix\" question is allowed per step; question " +
                         quoted(m_step.question(*m_plan.mixQuestion).id()) + " is the first");
            return;
        }
        m_plan.mixQuestion = index;
    }

    // The group a role or understanding question belongs to, or empty after reporting its absence.
    std::string stakeholderOf(uint32_t index, const sdk::QuestionView& q) {
        const std::string_view key = trimmed(q.attribute(kStakeholderAttribute));
        if (key.empty())
            m_report(index, attributeField(q, kStakeholderAttribute).c_str(),
                     "attribute \"stakeholder\" is missing or blank: name the group this question is about (e.g. "
                     "\"sales\"); its role and understanding questions share it");
        return std::string(key);
    }

    // Every question of one part is drawn under one column heading: its prompt and help must match the first one's.
    void sameHeading(uint32_t index, const sdk::QuestionView& q, std::optional<uint32_t>& first, const char* part) {
        if (!first) {
            first = index;
            return;
        }
        const sdk::QuestionView model = m_step.question(*first);
        const std::string firstId = quoted(model.id());
        if (q.prompt() != model.prompt())
            m_report(index, "prompt",
                     std::string("every \"") + part + "\" question is answered under one heading on screen: use the "
                     "same prompt as question " + firstId);
        if (q.help() != model.help())
            m_report(index, "help",
                     std::string("every \"") + part + "\" question is answered under one heading on screen: use the "
                     "same help as question " + firstId + " (or none on both)");
    }

    void role(uint32_t index, const sdk::QuestionView& q) {
        if (q.kind() != ALIGNKIOSK_QUESTION_CHOICE) {
            m_report(index, "kind", "a \"role\" question must be of kind \"choice\"");
        } else if (q.optionCount() < kMinRoles || q.optionCount() > kMaxRoles) {
            m_report(index, "options",
                     "a \"role\" question needs 2 to 4 options (e.g. customer, partner, supplier) to fit one row of "
                     "buttons; this one has " + std::to_string(q.optionCount()));
        } else if (m_firstRoleOptions && !sameOptions(q, m_step.question(*m_firstRoleOptions))) {
            m_report(index, "options",
                     "every \"role\" question offers the same roles, so teams and groups can be compared: use the "
                     "same option ids and labels, in the same order, as question " +
                         quoted(m_step.question(*m_firstRoleOptions).id()));
        } else if (!m_firstRoleOptions) {
            m_firstRoleOptions = index;
        }
        sameHeading(index, q, m_firstRole, "role");
        if (isBlank(q.attribute(kNameAttribute)))
            m_report(index, attributeField(q, kNameAttribute).c_str(),
                     "a \"role\" question needs attribute \"name\": the group's name as participants and the "
                     "facilitator see it (e.g. \"Sales\")");
        const std::string key = stakeholderOf(index, q);
        if (key.empty()) return;
        Pair& pair = pairFor(key);
        if (pair.role) {
            m_report(index, "attributes.stakeholder",
                     "stakeholder " + quoted(key) + " already has a \"role\" question: " +
                         quoted(m_step.question(*pair.role).id()));
            return;
        }
        pair.role = index;
    }

    void understanding(uint32_t index, const sdk::QuestionView& q) {
        if (q.kind() != ALIGNKIOSK_QUESTION_SCALE) {
            m_report(index, "kind", "an \"understanding\" question must be of kind \"scale\"");
        } else {
            // Widened so an extreme range from the file cannot overflow.
            const long long points = static_cast<long long>(q.scaleMax()) - q.scaleMin() + 1;
            if (points < kMinScalePoints || points > kMaxScalePoints)
                m_report(index, "scale",
                         "an \"understanding\" scale needs 3 to 7 points to fit one row of buttons; this one has " +
                             std::to_string(points));
            else if (m_firstScale && !sameScale(q, m_step.question(*m_firstScale)))
                m_report(index, "scale",
                         "every \"understanding\" question uses the same scale, so the groups can be compared: use "
                         "the scale of question " + quoted(m_step.question(*m_firstScale).id()));
            else if (!m_firstScale)
                m_firstScale = index;
        }
        sameHeading(index, q, m_firstUnderstanding, "understanding");
        if (q.hasAttribute(kNameAttribute) && isBlank(q.attribute(kNameAttribute)))
            m_report(index, "attributes.name", "attribute \"name\" is blank; leave it out or give the group's name");
        const std::string key = stakeholderOf(index, q);
        if (key.empty()) return;
        Pair& pair = pairFor(key);
        if (pair.understanding) {
            m_report(index, "attributes.stakeholder",
                     "stakeholder " + quoted(key) + " already has an \"understanding\" question: " +
                         quoted(m_step.question(*pair.understanding).id()));
            return;
        }
        pair.understanding = index;
    }

    Pair& pairFor(const std::string& key) {
        auto found = m_pairs.find(key);
        if (found == m_pairs.end()) {
            m_keys.push_back(key);
            found = m_pairs.emplace(key, Pair{}).first;
        }
        return found->second;
    }

    void pairUp() {
        for (const std::string& key : m_keys) {
            const Pair& pair = m_pairs.at(key);
            const bool unsure = std::find(m_unsure.begin(), m_unsure.end(), key) != m_unsure.end();
            if ((!pair.role || !pair.understanding) && unsure) continue;
            if (pair.role && !pair.understanding) {
                m_report(*pair.role, "attributes.stakeholder",
                         "stakeholder " + quoted(key) + " has no \"understanding\" question; add a scale question "
                         "with \"map\": \"understanding\" and \"stakeholder\": " + quoted(key));
                continue;
            }
            if (pair.understanding && !pair.role) {
                m_report(*pair.understanding, "attributes.stakeholder",
                         "stakeholder " + quoted(key) + " has no \"role\" question; add a choice question with "
                         "\"map\": \"role\" and \"stakeholder\": " + quoted(key));
                continue;
            }
            const sdk::QuestionView roleQuestion = m_step.question(*pair.role);
            const sdk::QuestionView understandingQuestion = m_step.question(*pair.understanding);
            const std::string name(trimmed(roleQuestion.attribute(kNameAttribute)));
            const std::string_view otherName = trimmed(understandingQuestion.attribute(kNameAttribute));
            if (!otherName.empty() && !name.empty() && otherName != name)
                m_report(*pair.understanding, "attributes.name",
                         "the group's name is " + quoted(name) + " on its role question " +
                             quoted(roleQuestion.id()) + "; use the same name here or leave it out");
            m_plan.stakeholders.push_back(Stakeholder{key, name, *pair.role, *pair.understanding});
        }
        // In the order the survey asks about them: by role question.
        std::stable_sort(m_plan.stakeholders.begin(), m_plan.stakeholders.end(),
                         [](const Stakeholder& a, const Stakeholder& b) { return a.roleQuestion < b.roleQuestion; });
    }

    const sdk::StepView& m_step;
    const ProblemSink& m_report;
    StepPlan m_plan;
    std::optional<uint32_t> m_firstRole, m_firstRoleOptions, m_firstUnderstanding, m_firstScale;
    std::vector<std::string> m_keys;   // first appearance order
    std::vector<std::string> m_unsure; // groups named by a question whose "map" part is missing or unknown
    std::map<std::string, Pair> m_pairs;
};

} // namespace

std::optional<MapPart> parseMapPart(std::string_view name) {
    if (name == "mix") return MapPart::Mix;
    if (name == "role") return MapPart::Role;
    if (name == "understanding") return MapPart::Understanding;
    return std::nullopt;
}

bool isBlank(std::string_view text) { return trimmed(text).empty(); }

std::string_view trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return text.substr(first, last - first + 1);
}

StepPlan analyseStep(const sdk::StepView& step, const ProblemSink& report) { return Analysis(step, report).run(); }

void validateContent(const sdk::StepView& step, sdk::ContentErrors& errors) {
    analyseStep(step, [&errors](uint32_t index, const char* field, const std::string& message) {
        errors.report(index, field, message);
    });
}

} // namespace alignkiosk::plugins::stakeholder_mapping
