// How the demo answers are made: every question gets a profile (where its answers centre, how widely they spread, how
// far each team leans from the centre), drawn once from the seed; then each participant picks a team and answers
// every question from its profile, with a small personal lean of their own. The planted patterns (demo_data.h) are
// profiles set by hand.
//
// Random numbers come from std::mt19937_64, whose sequence the C++ standard fixes, turned into numbers by our own
// code (the standard's distributions differ between libraries), so a seed gives the same data everywhere.

#include "demo_data.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <optional>
#include <random>
#include <string_view>
#include <utility>

namespace alignkiosk::core {

namespace {

// Answers to the open question, written for these demos: some clear, some vague, some honest about not knowing.
constexpr std::array<std::string_view, 14> kSentences{
    "We help mid-sized manufacturers plan production with fewer surprises.",
    "Customers spend less time chasing paperwork and more time with their own clients.",
    "We make compliance work feel routine for small finance teams.",
    "Our customers can finally see where their money goes each month.",
    "We turn scattered customer data into decisions people actually trust.",
    "Teams that use us ship on time without working every weekend.",
    "We give clinics back an hour a day by taking admin off their desks.",
    "Honestly, I am not sure we could say it in one sentence yet.",
    "We sell software; the change depends on who you ask.",
    "Buyers stop guessing and start comparing offers on equal terms.",
    "We help retailers keep the right stock in the right store.",
    "Our customers grow without hiring a whole department to manage it.",
    "We take the risk out of switching suppliers.",
    "People who work with us stop firefighting and start planning.",
};

// One big goal in one sentence, for the focus module's goal question: most circle the same goal in different words
// (repeat business from the customers we serve best), a few name another, so the key-word overlap has a story.
constexpr std::array<std::string_view, 12> kGoalSentences{
    "Grow repeat business with the mid-sized customers we already serve best.",
    "Double repeat customers among mid-sized manufacturers by the end of next year.",
    "Make our best customers come back, and bring their peers with them.",
    "Win more repeat customers in manufacturing than any competitor.",
    "Become the first call for mid-sized manufacturers planning production.",
    "Keep our best customers for years, not for one project.",
    "Grow revenue from repeat customers by a third this year.",
    "Sign as many new logos as we can, whatever the industry.",
    "Launch the new analytics offer in two more countries.",
    "Grow repeat business and cut the work that does not serve it.",
    "Be known as the partner manufacturers trust for planning.",
    "Hit this year's revenue target.",
};

constexpr double kNoTeamShare = 0.10;
constexpr double kSkipOptional = 0.10;   // an optional rating, choice or share left out
constexpr double kAnswerOpenText = 0.55; // an optional open sentence written
constexpr double kPersonalLean = 0.05;   // SD of one person's lean over all their ratings, as a share of the scale

class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) : m_engine(seed) {}

    // Uniform in [0, 1): the top 53 bits as a double's mantissa.
    double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double probability) { return unit() < probability; }
    // Uniform in [0, n); the modulo bias is below 2^-50 for the small n used here.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_engine() % n); }
    // Standard normal by the Box-Muller transform (Box & Muller 1958): sqrt(-2 ln u1) cos(2 pi u2).
    double normal() {
        const double u1 = 1.0 - unit(); // (0, 1], so the logarithm is finite
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * unit());
    }
    // An index drawn with probability proportional to its weight.
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0.0;
        for (const double weight : weights) total += weight;
        double target = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (target < weights[i]) return i;
            target -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 m_engine;
};

// Where one question's answers fall. centre, spread and leans are shares of the answer range (0 = its lowest).
struct Profile {
    double centre = 0.5;
    double spread = 0.2;
    std::vector<double> teamLean;  // per team
    std::vector<double> weights;   // per option: choice and allocation preferences, multi-choice probabilities
    std::vector<std::vector<double>> teamWeights; // per team, when a team's preferences differ from `weights`
    bool personalLean = true;      // false for the item everyone agrees on
    const std::string_view* sentences = kSentences.data(); // open sentences come from this pool
    std::size_t sentenceCount = kSentences.size();

    const std::vector<double>& weightsFor(std::optional<std::size_t> team) const {
        return team && *team < teamWeights.size() && !teamWeights[*team].empty() ? teamWeights[*team] : weights;
    }
};

std::string folded(std::string_view name) {
    std::string text(name);
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

Profile profileFor(const Question& question, const std::vector<std::string>& teams, DemoRandom& random) {
    Profile profile;
    profile.centre = 0.3 + 0.45 * random.unit();
    profile.spread = 0.16 + 0.1 * random.unit();
    for (std::size_t t = 0; t < teams.size(); ++t) profile.teamLean.push_back((random.unit() - 0.5) * 0.2);
    for (std::size_t o = 0; o < question.options.size(); ++o) profile.weights.push_back(0.15 + random.unit());

    const auto leanOf = [&](std::string_view team, double lean) {
        for (std::size_t t = 0; t < teams.size(); ++t)
            if (folded(teams[t]) == team) profile.teamLean[t] = lean;
    };
    if (question.id == "value_language_differs") {
        // The planted gap: Sales hear a different value story from Marketing's, and say so; Marketing do not.
        profile.centre = 0.5;
        profile.spread = 0.15;
        std::fill(profile.teamLean.begin(), profile.teamLean.end(), 0.0);
        leanOf("sales", 0.35);
        leanOf("marketing", -0.35);
    } else if (question.id == "content_relevance") {
        // The planted agreement: nearly everyone answers one point (the fourth of five, "Well").
        profile.centre = 0.75;
        profile.spread = 0.06;
        profile.personalLean = false;
        std::fill(profile.teamLean.begin(), profile.teamLean.end(), 0.0);
    } else if (question.id == "messaging_shifts") {
        // The planted widespread sign: most people see the message shift often or almost always.
        profile.centre = 0.78;
        profile.spread = 0.15;
    } else if (question.id == "role_product" && question.options.size() == 3) {
        // The planted split on a stakeholder (customer, partner, supplier): Sales take Product for a supplier of what
        // they sell, Marketing serve Product as a customer of their work.
        profile.teamWeights.assign(teams.size(), {});
        for (std::size_t t = 0; t < teams.size(); ++t) {
            if (folded(teams[t]) == "sales") profile.teamWeights[t] = {0.1, 0.2, 1.5};
            if (folded(teams[t]) == "marketing") profile.teamWeights[t] = {1.5, 0.3, 0.1};
        }
    } else if (question.id == "works_for" && question.options.size() == 3) {
        // Who we work for (employer, customers, yourself): Sales lean to the customers, Leadership to the employer.
        profile.weights = {1.0, 1.0, 0.5};
        profile.teamWeights.assign(teams.size(), {});
        for (std::size_t t = 0; t < teams.size(); ++t) {
            if (folded(teams[t]) == "sales") profile.teamWeights[t] = {0.5, 1.8, 0.4};
            if (folded(teams[t]) == "leadership") profile.teamWeights[t] = {1.8, 0.7, 0.3};
        }
    } else if (question.id == "time_on_goal") {
        // Little of the week goes to the one big goal: around a quarter.
        profile.centre = 0.25;
        profile.spread = 0.12;
    } else if (question.id == "one_big_goal") {
        profile.sentences = kGoalSentences.data();
        profile.sentenceCount = kGoalSentences.size();
    }
    return profile;
}

// Shares of `total` in proportion to `weights`, rounded by the largest remainder (Hamilton's method) so they add up
// to exactly `total`.
std::vector<uint32_t> apportion(uint32_t total, const std::vector<double>& weights) {
    double sum = 0.0;
    for (const double weight : weights) sum += weight;
    std::vector<uint32_t> shares(weights.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    uint32_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        shares[i] = static_cast<uint32_t>(std::floor(exact));
        given += shares[i];
        remainders.emplace_back(exact - shares[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t i = 0; given < total; ++i, ++given) ++shares[remainders[i % remainders.size()].second];
    return shares;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(JsonWriter& writer, std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// One participant's answer to one question; false when they leave it out.
bool writeAnswer(JsonWriter& writer, const Question& question, const Profile& profile,
                 std::optional<std::size_t> team, double personalLean, DemoRandom& random) {
    const bool optional = !question.required;
    if (question.kind == QuestionKind::Text) {
        if (optional && !random.chance(kAnswerOpenText)) return false;
    } else if (optional && random.chance(kSkipOptional)) {
        return false;
    }

    writeString(writer, question.id);
    const double lean = (team ? profile.teamLean[*team] : 0.0) + (profile.personalLean ? personalLean : 0.0);
    const double share = std::clamp(profile.centre + lean + profile.spread * random.normal(), 0.0, 1.0);
    switch (question.kind) {
    case QuestionKind::Scale: {
        const int points = question.scaleMax - question.scaleMin;
        writer.Int(question.scaleMin + static_cast<int>(std::lround(share * points)));
        break;
    }
    case QuestionKind::Percent: writer.Int(static_cast<int>(std::lround(share * 100.0))); break;
    case QuestionKind::Choice:
        writeString(writer, question.options[random.weighted(profile.weightsFor(team))].id);
        break;
    case QuestionKind::MultiChoice: {
        std::vector<std::size_t> chosen;
        for (std::size_t o = 0; o < question.options.size(); ++o)
            if (random.chance(std::min(0.85, 0.6 * profile.weights[o]))) chosen.push_back(o);
        if (chosen.empty() && !optional) chosen.push_back(random.weighted(profile.weights));
        writer.StartArray();
        for (const std::size_t o : chosen) writeString(writer, question.options[o].id);
        writer.EndArray();
        break;
    }
    case QuestionKind::Allocation: {
        std::vector<double> weights;
        for (const double weight : profile.weightsFor(team)) weights.push_back(weight * (0.3 + 1.4 * random.unit()));
        const std::vector<uint32_t> shares = apportion(question.total, weights);
        writer.StartObject();
        for (std::size_t o = 0; o < shares.size(); ++o)
            if (shares[o] > 0) {
                writeString(writer, question.options[o].id);
                writer.Uint(shares[o]);
            }
        writer.EndObject();
        break;
    }
    case QuestionKind::Text: {
        std::string_view sentence = profile.sentences[random.below(profile.sentenceCount)];
        writeString(writer, sentence.substr(0, question.maxLength)); // the pool is ASCII: any cut is a boundary
        break;
    }
    }
    return true;
}

} // namespace

std::vector<Submission> generateDemoSubmissions(const Survey& survey, const DemoOptions& options) {
    // Teams by id: answers store the id (a team written as plain text is its own id).
    std::vector<std::string> teams = options.teams;
    if (teams.empty())
        for (const Team& team : survey.teams) teams.push_back(team.id);
    DemoRandom random(options.seed);

    std::vector<std::vector<Profile>> profiles;
    for (const Step& step : survey.steps) {
        profiles.emplace_back();
        for (const Question& question : step.questions) profiles.back().push_back(profileFor(question, teams, random));
    }
    // Teams of different sizes, as in a real company: the first listed largest.
    std::vector<double> teamWeights;
    for (std::size_t t = 0; t < teams.size(); ++t) teamWeights.push_back(1.0 / (1.0 + 0.25 * static_cast<double>(t)));

    std::vector<Submission> submissions;
    submissions.reserve(options.responses);
    for (uint64_t participant = 0; participant < options.responses; ++participant) {
        Submission submission;
        submission.surveyId = survey.id;
        submission.surveyVersion = survey.version;
        std::optional<std::size_t> team;
        if (!teams.empty() && !random.chance(kNoTeamShare)) {
            team = random.weighted(teamWeights);
            submission.team = teams[*team];
        }
        const double personalLean = kPersonalLean * random.normal();
        for (std::size_t s = 0; s < survey.steps.size(); ++s) {
            const Step& step = survey.steps[s];
            rapidjson::StringBuffer buffer;
            JsonWriter writer(buffer);
            writer.StartObject();
            writer.Key("answers");
            writer.StartObject();
            for (std::size_t q = 0; q < step.questions.size(); ++q)
                writeAnswer(writer, step.questions[q], profiles[s][q], team, personalLean, random);
            writer.EndObject();
            writer.EndObject();

            ResponseDraft draft;
            draft.stepId = step.id;
            draft.moduleId = step.moduleId;
            const auto version = options.moduleVersions.find(step.moduleId);
            draft.moduleVersion = version != options.moduleVersions.end() ? version->second : "0.0.0";
            draft.payload.assign(buffer.GetString(), buffer.GetSize());
            submission.responses.push_back(std::move(draft));
        }
        submissions.push_back(std::move(submission));
    }
    return submissions;
}

} // namespace alignkiosk::core
