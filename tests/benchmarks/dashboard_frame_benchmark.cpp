// One dashboard frame, headless: NewFrame + Dashboard::draw + Render, the CPU side of a frame (the GL side is the
// platform's and is measured in the real program). A 12-item x 6-group model (everyone and five teams) at 100 and at
// 1,000,000 responses: the model holds counts, so the two should cost the same. Also setModel(), the one-off cost of
// a live update (formatting every string the frames then draw).
#include "core/dashboard_model.h"
#include "core/item_statistics.h"
#include "ui/dashboard.h"
#include "ui/theme.h"

#include <benchmark/benchmark.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

namespace core = alignkiosk::core;
using alignkiosk::ui::Dashboard;

const std::vector<std::string> kTeams = {"Sales", "Marketing", "Service", "Leadership", "Product"};

// Every team answers every item perTeam times; the answers peak at a point that moves with item and team.
core::DashboardModel makeModel(uint64_t perTeam) {
    core::DashboardModel model;
    model.surveyId = "diagnostic-signs";
    model.surveyTitle = "An anonymous check: is our message pulling in one direction?";
    model.totalResponses = perTeam * kTeams.size();
    model.shownTeams = kTeams;
    model.groupCounts.push_back({core::kEveryoneGroup, model.totalResponses});
    for (const std::string& team : kTeams) model.groupCounts.push_back({team, perTeam});
    core::ModuleAggregate module{"signs", "diagnostic_signs", {}};
    module.groups.push_back({core::kEveryoneGroup, model.totalResponses, {}});
    for (const std::string& team : kTeams) module.groups.push_back({team, perTeam, {}});

    for (std::size_t i = 0; i < 12; ++i) {
        core::RatedItem item;
        item.stepId = "signs";
        item.moduleId = "diagnostic_signs";
        item.questionId = "q" + std::to_string(i + 1);
        item.label = "Signal " + std::to_string(i + 1);
        item.prompt = "How often do you see signal " + std::to_string(i + 1) + "?";
        item.scaleLabels = {"Never", "Rarely", "Sometimes", "Often", "Almost always"};
        std::vector<uint64_t> everyone(5, 0);
        for (std::size_t t = 0; t < kTeams.size(); ++t) {
            const double peak = static_cast<double>((i * 3 + t * 2) % 5);
            std::vector<double> weights(5);
            double sum = 0.0;
            for (std::size_t p = 0; p < 5; ++p)
                sum += weights[p] = std::exp(-std::pow(static_cast<double>(p) - peak, 2));
            std::vector<uint64_t> counts(5);
            uint64_t given = 0;
            for (std::size_t p = 0; p < 5; ++p)
                given += counts[p] = static_cast<uint64_t>(static_cast<double>(perTeam) * weights[p] / sum);
            counts[static_cast<std::size_t>(peak)] += perTeam - given;
            for (std::size_t p = 0; p < 5; ++p) everyone[p] += counts[p];
            core::ScaleDistribution distribution{1, counts};
            item.groups.push_back({kTeams[t], distribution, core::computeItemStatistics(distribution)});
            module.groups[t + 1].questions.push_back({item.questionId, counts, perTeam});
        }
        core::ScaleDistribution all{1, everyone};
        item.groups.insert(item.groups.begin(), {core::kEveryoneGroup, all, core::computeItemStatistics(all)});
        module.groups[0].questions.push_back({item.questionId, everyone, model.totalResponses});
        model.ratedItems.push_back(std::move(item));
        model.lowestAgreement.push_back(i);
        model.largestGaps.push_back({i, kTeams[0], kTeams[1], 1.2, 1.1});
    }
    model.modules.push_back(std::move(module));
    return model;
}

// A headless ImGui context at 1920x1080 with the theme's fonts (and the projection fonts) built.
class Headless {
public:
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920.0f, 1080.0f);
        io.DeltaTime = 1.0f / 60.0f;
        m_theme = alignkiosk::ui::applyTheme(1080.0f / 900.0f, alignkiosk::ui::defaultFontFile());
        alignkiosk::ui::addProjectionFonts(m_theme, alignkiosk::ui::defaultFontFile());
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;
    const alignkiosk::ui::Theme& theme() const { return m_theme; }

private:
    alignkiosk::ui::Theme m_theme;
};

int frame(Dashboard& dashboard, double now) {
    ImGui::NewFrame();
    dashboard.draw(now);
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
}

// range(0): responses per team; range(1): 0 overview, 1 item detail, 2 overview in projection mode.
void BM_DashboardFrame(benchmark::State& state) {
    Headless context;
    Dashboard dashboard(context.theme());
    dashboard.setModel(makeModel(static_cast<uint64_t>(state.range(0))));
    if (state.range(1) == 1) dashboard.selectItem(0);
    dashboard.setProjection(state.range(1) == 2);
    double now = 0.0;
    for (int i = 0; i < 3; ++i) frame(dashboard, now += 1.0 / 60.0); // layout settles
    int vertices = 0;
    for (auto _ : state) benchmark::DoNotOptimize(vertices = frame(dashboard, now += 1.0 / 60.0));
    state.counters["vertices"] = vertices;
    state.counters["responses"] = static_cast<double>(state.range(0) * static_cast<int64_t>(kTeams.size()));
}
BENCHMARK(BM_DashboardFrame)
    ->ArgsProduct({{20, 200000}, {0, 1, 2}})
    ->ArgNames({"perTeam", "view"})
    ->Unit(benchmark::kMicrosecond);

// A live update: the aggregator's new model handed over and formatted once.
void BM_SetModel(benchmark::State& state) {
    Headless context;
    Dashboard dashboard(context.theme());
    const core::DashboardModel model = makeModel(static_cast<uint64_t>(state.range(0)));
    for (auto _ : state) dashboard.setModel(model);
}
BENCHMARK(BM_SetModel)->Arg(20)->Arg(200000)->ArgName("perTeam")->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
